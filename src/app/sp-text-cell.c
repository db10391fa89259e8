/* sp-text-cell.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One line of text in a table cell, ellipsized at the end. GTK 4.8's
 * column view keeps about 200 rows of cells alive, most of them off
 * screen; a GtkLabel lays its text out to measure itself, so a catalog
 * table paid for 1,600 layouts on every refilter. A cell's height is one
 * line of its font, so this widget measures without its text, shapes the
 * text only when it draws, and a new text costs a redraw, not a resize.
 * Plain text is shaped without a PangoLayout (sp-line-shaper.c), which
 * halves the cost of a cell's new text; anything else is laid out.
 */

#include "config.h"

#include "sp-line-shaper.h"
#include "sp-text-cell.h"

struct _SpTextCell
{
  GtkWidget    parent_instance;

  char        *text;
  float        xalign;
  gboolean     numeric;      /* tabular figures */
  gboolean     warning;      /* bold, in the warning colour */
  SpShapedLine line;         /* the text shaped when drawn (plain text) ... */
  PangoGlyphString *cut;     /* ... and cut to the cell with an ellipsis, if too long, ... */
  int          cut_goal;     /* ... at this width (Pango units) ... */
  int          cut_width;
  PangoLayout *layout;       /* ... or laid out; all dropped when the text or style changes */
  int          line_height;  /* 0 until measured */
  PangoFontDescription *font; /* what @line_height and @layout were made with */
  gboolean     label_pending; /* the accessible label waits for flush_labels() */
};

/* Cells whose accessible label is yet to follow their text. */
static GPtrArray *pending_labels;
static guint      flush_labels_id;

G_DEFINE_FINAL_TYPE (SpTextCell, sp_text_cell, GTK_TYPE_WIDGET)

/* The height of a line in the fonts the cells have used. Pango shapes a
 * sample text to make a font's metrics, which cost more than the rest of
 * a cell's measure; the cells of a table all share one font. */
typedef struct
{
  PangoFontMap         *font_map;    /* unowned: only compared */
  PangoFontDescription *font;
  PangoLanguage        *language;
  double                resolution;
  int                   line_height;
} LineHeight;

static GArray *line_heights;

static int
line_height_of (PangoContext *context)
{
  const PangoFontDescription *font = pango_context_get_font_description (context);
  PangoFontMap *font_map = pango_context_get_font_map (context);
  PangoLanguage *language = pango_context_get_language (context);
  double resolution = pango_cairo_context_get_resolution (context);
  PangoFontMetrics *metrics;
  LineHeight entry;

  if (line_heights == NULL)
    line_heights = g_array_new (FALSE, FALSE, sizeof (LineHeight));

  for (guint i = 0; i < line_heights->len; i++)
    {
      LineHeight *known = &g_array_index (line_heights, LineHeight, i);

      if (known->font_map == font_map && known->language == language &&
          known->resolution == resolution && pango_font_description_equal (known->font, font))
        return known->line_height;
    }

  metrics = pango_context_get_metrics (context, NULL, NULL);
  entry.font_map = font_map;
  entry.font = pango_font_description_copy (font);
  entry.language = language;
  entry.resolution = resolution;
  entry.line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
  if (entry.line_height <= 0)
    entry.line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics) +
                                           pango_font_metrics_get_descent (metrics));
  pango_font_metrics_unref (metrics);
  /* A handful of fonts at most: a new font replaces the oldest beyond 8. */
  if (line_heights->len == 8)
    {
      pango_font_description_free (g_array_index (line_heights, LineHeight, 0).font);
      g_array_remove_index (line_heights, 0);
    }
  g_array_append_val (line_heights, entry);

  return entry.line_height;
}

static void
sp_text_cell_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  SpTextCell *self = SP_TEXT_CELL (widget);

  /* The column gives the width; the text is ellipsized to it. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = 0;
      return;
    }

  if (self->line_height == 0)
    {
      PangoContext *context = gtk_widget_get_pango_context (widget);

      g_clear_pointer (&self->font, pango_font_description_free);
      self->font = pango_font_description_copy (pango_context_get_font_description (context));
      self->line_height = line_height_of (context);
    }

  *minimum = *natural = self->line_height;
}

static SpLineFlags
line_flags (SpTextCell *self)
{
  return (self->numeric ? SP_LINE_TABULAR : 0) | (self->warning ? SP_LINE_BOLD : 0);
}

static PangoLayout *
new_layout (SpTextCell *self)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
  PangoAttrList *attributes = sp_line_attributes (line_flags (self));

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);

  return layout;
}

/* Drops the shaped or laid out text: its text or style changed. */
static void
forget_text (SpTextCell *self)
{
  g_clear_object (&self->layout);
  sp_shaped_line_clear (&self->line);
  g_clear_pointer (&self->cut, pango_glyph_string_free);
}

static void
sp_text_cell_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  SpTextCell *self = SP_TEXT_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int text_width, text_height;
  PangoGlyphString *glyphs = NULL;
  GtkStyleContext *style;
  GdkRGBA color;

  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return;

  /* Shaped directly, unless the text needs a layout. */
  if (self->layout == NULL && self->line.glyphs == NULL &&
      !sp_line_shape (gtk_widget_get_pango_context (widget), line_flags (self), self->text,
                      &self->line))
    self->layout = new_layout (self);

  if (self->line.glyphs != NULL)
    {
      int shown_width = self->line.width;

      glyphs = self->line.glyphs;
      if (self->line.width > width * PANGO_SCALE)
        {
          if (self->cut == NULL || self->cut_goal != width * PANGO_SCALE)
            {
              g_clear_pointer (&self->cut, pango_glyph_string_free);
              self->cut_goal = width * PANGO_SCALE;
              self->cut = sp_shaped_line_ellipsize (&self->line, self->cut_goal, &self->cut_width);
            }
          glyphs = self->cut;
          shown_width = self->cut_width;
        }
      text_width = PANGO_PIXELS_CEIL (shown_width);
      text_height = PANGO_PIXELS_CEIL (self->line.height);
      /* No ellipsis in the line's font: a layout finds one. */
      if (glyphs == NULL)
        {
          forget_text (self);
          self->layout = new_layout (self);
        }
    }

  if (self->layout != NULL)
    {
      pango_layout_set_width (self->layout, width * PANGO_SCALE);
      pango_layout_get_pixel_size (self->layout, &text_width, &text_height);
    }

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  style = gtk_widget_get_style_context (widget);
  if (!self->warning || !gtk_style_context_lookup_color (style, "warning_color", &color))
    gtk_style_context_get_color (style, &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (MAX (0, (width - text_width) * self->xalign),
                                                (height - text_height) / 2.0f));
  if (self->layout != NULL)
    {
      gtk_snapshot_append_layout (snapshot, self->layout, &color);
    }
  else
    {
      GskRenderNode *node;

      node = gsk_text_node_new (self->line.font, glyphs, &color,
                                &GRAPHENE_POINT_INIT (0, (float)self->line.baseline / PANGO_SCALE));
      /* NULL when nothing shows (blank glyphs). */
      if (node != NULL)
        {
          gtk_snapshot_append_node (snapshot, node);
          gsk_render_node_unref (node);
        }
    }
  gtk_snapshot_restore (snapshot);
}

/* A new font (a bold warning) means a new layout and maybe a new height;
 * hover, selection and colours only a redraw, which GTK asks for itself. */
static void
sp_text_cell_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  SpTextCell *self = SP_TEXT_CELL (widget);
  const PangoFontDescription *font;

  GTK_WIDGET_CLASS (sp_text_cell_parent_class)->css_changed (widget, change);

  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (self->font != NULL && font != NULL && pango_font_description_equal (self->font, font))
    return;

  forget_text (self);
  if (self->line_height != 0)
    {
      self->line_height = 0;
      gtk_widget_queue_resize (widget);
    }
}

/* A refilter gives some 200 cells a new text at once. Their accessible
 * labels follow right after the frame that shows them, in one go, so
 * that the keystroke's frame does not wait for the accessibility tree. */
static gboolean
flush_labels (gpointer data)
{
  g_autoptr(GPtrArray) cells = g_steal_pointer (&pending_labels);

  flush_labels_id = 0;
  for (guint i = 0; cells != NULL && i < cells->len; i++)
    {
      SpTextCell *self = g_ptr_array_index (cells, i);

      self->label_pending = FALSE;
      /* A cell whose row went meanwhile is out of the tree: nothing to tell. */
      if (gtk_widget_get_parent (GTK_WIDGET (self)) != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        self->text ?: "", -1);
    }

  return G_SOURCE_REMOVE;
}

static void
sp_text_cell_finalize (GObject *object)
{
  SpTextCell *self = (SpTextCell *)object;

  forget_text (self);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_free (self->text);

  G_OBJECT_CLASS (sp_text_cell_parent_class)->finalize (object);
}

static void
sp_text_cell_class_init (SpTextCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sp_text_cell_finalize;
  widget_class->measure = sp_text_cell_measure;
  widget_class->snapshot = sp_text_cell_snapshot;
  widget_class->css_changed = sp_text_cell_css_changed;

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
sp_text_cell_init (SpTextCell *self)
{
}

GtkWidget *
sp_text_cell_new (float    xalign,
                  gboolean numeric)
{
  SpTextCell *self = g_object_new (SP_TYPE_TEXT_CELL, NULL);

  self->xalign = xalign;
  self->numeric = numeric;
  if (numeric)
    gtk_widget_add_css_class (GTK_WIDGET (self), "numeric");

  return GTK_WIDGET (self);
}

/* Shows @text; the cell keeps its size, so only it is redrawn. */
void
sp_text_cell_set_text (SpTextCell *self,
                       const char *text)
{
  g_return_if_fail (SP_IS_TEXT_CELL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  forget_text (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (!self->label_pending)
    {
      self->label_pending = TRUE;
      if (pending_labels == NULL)
        pending_labels = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (pending_labels, g_object_ref (self));
      if (flush_labels_id == 0)
        flush_labels_id = g_idle_add_full (G_PRIORITY_LOW, flush_labels, NULL, NULL);
    }
}

/* Marks the text as a warning (bold, in libadwaita's warning colour): drawn
 * by the cell itself, so that a row changing its mark restyles nothing. */
void
sp_text_cell_set_warning (SpTextCell *self,
                          gboolean    warning)
{
  g_return_if_fail (SP_IS_TEXT_CELL (self));

  warning = !!warning;
  if (self->warning == warning)
    return;

  self->warning = warning;
  forget_text (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
