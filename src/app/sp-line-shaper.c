/* sp-line-shaper.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shapes a short line of plain text the way a PangoLayout would, without
 * the layout. A table cell's SKU, name or price is printable ASCII in one
 * font; a PangoLayout spends most of its time on that text itemizing,
 * breaking and measuring it, and HarfBuzz's shaping is the only step whose
 * result depends on the text. So the first text of a font and script is
 * laid out in full, and the item Pango made for it (font, script,
 * language, features) shapes every later text of that kind directly. Any
 * other text (accents, other scripts, a glyph the font lacks) answers
 * FALSE, and its caller lays it out. A line too long for its cell is cut
 * with an ellipsis at the end, as PANGO_ELLIPSIZE_END cuts it.
 */

#include "config.h"

#include <string.h>

#include <pango/pangocairo.h>

#include "sp-line-shaper.h"

/* The item of a sample text in one font, script and set of attributes. */
typedef struct
{
  PangoFontMap         *font_map;  /* unowned: only compared */
  guint                 font_map_serial;
  PangoFontDescription *font;
  PangoLanguage        *language;
  double                resolution;
  cairo_font_options_t *options;   /* nullable */
  gboolean              round;     /* round glyph positions */
  SpLineFlags           flags;
  gboolean              letters;   /* Latin script, else digits and signs (Common) */

  PangoItem            *item;      /* NULL when the sample was not one run in one font */
  PangoGlyphString     *ellipsis;  /* NULL when Pango would draw it in another font */
  int                   baseline;
  int                   height;
} LineStyle;

static GPtrArray *styles;

static void
line_style_free (gpointer data)
{
  LineStyle *style = data;

  pango_font_description_free (style->font);
  g_clear_pointer (&style->options, cairo_font_options_destroy);
  g_clear_pointer (&style->item, pango_item_free);
  g_clear_pointer (&style->ellipsis, pango_glyph_string_free);
  g_free (style);
}

PangoAttrList *
sp_line_attributes (SpLineFlags flags)
{
  PangoAttrList *attributes = pango_attr_list_new ();

  if (flags & SP_LINE_TABULAR)
    pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum"));
  if (flags & SP_LINE_BOLD)
    pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));

  return attributes;
}

static gboolean
same_options (const cairo_font_options_t *a,
              const cairo_font_options_t *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return cairo_font_options_equal (a, b);
}

/* The ellipsis Pango puts at the end of a line that is too long: "…" in
 * the line's font without fallback, or "..." where that font lacks it
 * (pango/ellipsize.c). */
static void
make_ellipsis (LineStyle    *style,
               PangoContext *context)
{
  PangoAttrList *attributes = sp_line_attributes (style->flags);
  const char *text = "\342\200\246";
  GList *items;
  PangoItem *item;

  pango_attr_list_insert (attributes, pango_attr_fallback_new (FALSE));
  items = pango_itemize (context, text, 0, strlen (text), attributes, NULL);
  item = items != NULL && items->next == NULL ? items->data : NULL;
  if (item != NULL && item->analysis.font != NULL &&
      !pango_font_has_char (item->analysis.font, 0x2026))
    {
      g_list_free_full (g_steal_pointer (&items), (GDestroyNotify)pango_item_free);
      pango_attr_list_change (attributes, pango_attr_fallback_new (TRUE));
      text = "...";
      items = pango_itemize (context, text, 0, strlen (text), attributes, NULL);
      item = items != NULL && items->next == NULL ? items->data : NULL;
    }

  if (item != NULL && item->analysis.font == style->item->analysis.font)
    {
      style->ellipsis = pango_glyph_string_new ();
      pango_shape_with_flags (text, strlen (text), text, strlen (text), &item->analysis,
                              style->ellipsis,
                              style->round ? PANGO_SHAPE_ROUND_POSITIONS : PANGO_SHAPE_NONE);
    }
  g_list_free_full (items, (GDestroyNotify)pango_item_free);
  pango_attr_list_unref (attributes);
}

/* Lays the sample out and keeps its only item, with its attributes made
 * to cover any text (Pango applies a font feature to its range only). */
static void
make_item (LineStyle    *style,
           PangoContext *context)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  PangoAttrList *attributes = sp_line_attributes (style->flags);
  PangoLayoutLine *line;
  PangoGlyphItem *run;
  PangoRectangle logical;

  pango_layout_set_text (layout, style->letters ? "a" : "0", -1);
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);

  line = pango_layout_get_line_readonly (layout, 0);
  if (line == NULL || line->runs == NULL || line->runs->next != NULL)
    return;
  run = line->runs->data;
  if (run->item->analysis.font == NULL)
    return;

  style->item = pango_item_copy (run->item);
  for (GSList *l = style->item->analysis.extra_attrs; l != NULL; l = l->next)
    {
      PangoAttribute *attribute = l->data;

      attribute->start_index = 0;
      attribute->end_index = PANGO_ATTR_INDEX_TO_TEXT_END;
    }
  pango_layout_get_extents (layout, NULL, &logical);
  style->baseline = pango_layout_get_baseline (layout);
  style->height = logical.height;
  make_ellipsis (style, context);
}

static LineStyle *
style_for (PangoContext *context,
           SpLineFlags   flags,
           gboolean      letters)
{
  PangoFontMap *font_map = pango_context_get_font_map (context);
  guint serial = pango_font_map_get_serial (font_map);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  PangoLanguage *language = pango_context_get_language (context);
  double resolution = pango_cairo_context_get_resolution (context);
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);
  gboolean round = pango_context_get_round_glyph_positions (context);
  LineStyle *style;

  if (styles == NULL)
    styles = g_ptr_array_new_with_free_func (line_style_free);

  for (guint i = 0; i < styles->len; i++)
    {
      style = g_ptr_array_index (styles, i);
      if (style->font_map == font_map && style->font_map_serial == serial &&
          style->language == language && style->resolution == resolution &&
          style->round == round && style->flags == flags && style->letters == letters &&
          same_options (style->options, options) &&
          pango_font_description_equal (style->font, font))
        return style;
    }

  style = g_new0 (LineStyle, 1);
  style->font_map = font_map;
  style->font_map_serial = serial;
  style->font = pango_font_description_copy (font);
  style->language = language;
  style->resolution = resolution;
  style->options = options != NULL ? cairo_font_options_copy (options) : NULL;
  style->round = round;
  style->flags = flags;
  style->letters = letters;
  make_item (style, context);

  /* A few fonts and flags at most: a new style replaces the oldest beyond 16. */
  if (styles->len == 16)
    g_ptr_array_remove_index (styles, 0);
  g_ptr_array_add (styles, style);

  return style;
}

/* Printable ASCII without a space at either end, and whether it has
 * letters: such a text is one item in one script for Pango. */
static gboolean
is_plain (const char *text,
          gsize      *length,
          gboolean   *letters)
{
  gsize i;

  *letters = FALSE;
  for (i = 0; text[i] != '\0'; i++)
    {
      guchar c = text[i];

      if (c < 0x20 || c > 0x7e)
        return FALSE;
      *letters |= g_ascii_isalpha (c);
    }
  *length = i;

  return i > 0 && text[0] != ' ' && text[i - 1] != ' ';
}

/**
 * sp_line_shape:
 * @context: the widget's Pango context
 * @flags: tabular figures, bold
 * @text: the text
 * @line: (out caller-allocates): the shaped line; clear it with sp_shaped_line_clear()
 *
 * Shapes @text for one line, as a PangoLayout with sp_line_attributes()
 * in @context would.
 *
 * Returns: FALSE (and @line untouched) when @text needs a PangoLayout
 */
gboolean
sp_line_shape (PangoContext *context,
               SpLineFlags   flags,
               const char   *text,
               SpShapedLine *line)
{
  LineStyle *style;
  PangoGlyphString *glyphs;
  PangoItem item;
  gsize length;
  gboolean letters;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (line != NULL, FALSE);

  if (!is_plain (text, &length, &letters) || length > G_MAXINT)
    return FALSE;

  style = style_for (context, flags, letters);
  if (style->item == NULL)
    return FALSE;

  item = *style->item;
  item.offset = 0;
  item.length = length;
  item.num_chars = length;
  glyphs = pango_glyph_string_new ();
  pango_shape_item (&item, text, length, NULL, glyphs,
                    style->round ? PANGO_SHAPE_ROUND_POSITIONS : PANGO_SHAPE_NONE);
  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      /* A character the font lacks: Pango would pick another font. */
      if (glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
        {
          pango_glyph_string_free (glyphs);
          return FALSE;
        }
    }

  line->font = g_object_ref (style->item->analysis.font);
  line->glyphs = glyphs;
  line->ellipsis = style->ellipsis != NULL ? pango_glyph_string_copy (style->ellipsis) : NULL;
  line->width = pango_glyph_string_get_width (glyphs);
  line->baseline = style->baseline;
  line->height = style->height;

  return TRUE;
}

/* The width of the glyph cluster that ends before glyph @end, and where it
 * starts. */
static int
cluster_before (const PangoGlyphString *glyphs,
                int                     end,
                int                    *start)
{
  int width = 0, i = end - 1;

  do
    width += glyphs->glyphs[i].geometry.width;
  while (--i >= 0 && glyphs->log_clusters[i] == glyphs->log_clusters[end - 1]);
  *start = i + 1;

  return width;
}

/**
 * sp_shaped_line_ellipsize:
 * @line: a shaped line
 * @goal_width: the room for it, Pango units
 * @width: (out): the width of the glyphs returned
 *
 * Cuts @line to @goal_width as PANGO_ELLIPSIZE_END would: whole clusters
 * go from the end until what is left and an ellipsis fit, and the ellipsis
 * then takes up the room left over.
 *
 * Returns: (transfer full) (nullable): the glyphs, or NULL when the line
 *   has no ellipsis of its font (leave it to a layout)
 */
PangoGlyphString *
sp_shaped_line_ellipsize (const SpShapedLine *line,
                          int                 goal_width,
                          int                *width)
{
  const PangoGlyphString *glyphs;
  PangoGlyphString *cut;
  int kept, kept_width, ellipsis_width, current;

  g_return_val_if_fail (line != NULL && line->glyphs != NULL, NULL);
  g_return_val_if_fail (width != NULL, NULL);

  if (line->ellipsis == NULL || line->glyphs->num_glyphs == 0)
    return NULL;

  glyphs = line->glyphs;
  ellipsis_width = pango_glyph_string_get_width (line->ellipsis);

  /* The gap starts as the last cluster and grows backwards a cluster at a
   * time, taking clusters of no width with the one before them. */
  kept_width = line->width - cluster_before (glyphs, glyphs->num_glyphs, &kept);
  current = kept_width + ellipsis_width;
  while (current > goal_width && kept > 0)
    {
      int removed;

      do
        {
          removed = cluster_before (glyphs, kept, &kept);
          kept_width -= removed;
        }
      while (removed == 0 && kept > 0);
      current = kept_width + ellipsis_width;
    }

  cut = pango_glyph_string_new ();
  pango_glyph_string_set_size (cut, kept + line->ellipsis->num_glyphs);
  memcpy (cut->glyphs, glyphs->glyphs, kept * sizeof (PangoGlyphInfo));
  memcpy (cut->log_clusters, glyphs->log_clusters, kept * sizeof (int));
  memcpy (cut->glyphs + kept, line->ellipsis->glyphs,
          line->ellipsis->num_glyphs * sizeof (PangoGlyphInfo));
  for (int i = 0; i < line->ellipsis->num_glyphs; i++)
    cut->log_clusters[kept + i] = kept < glyphs->num_glyphs ? glyphs->log_clusters[kept] : 0;
  cut->glyphs[cut->num_glyphs - 1].geometry.width += MAX (goal_width - current, 0);
  *width = MAX (goal_width, current);

  return cut;
}

void
sp_shaped_line_clear (SpShapedLine *line)
{
  g_return_if_fail (line != NULL);

  g_clear_object (&line->font);
  g_clear_pointer (&line->glyphs, pango_glyph_string_free);
  g_clear_pointer (&line->ellipsis, pango_glyph_string_free);
  line->width = line->baseline = line->height = 0;
}
