/* sp-check-cell.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A check box for a table cell, drawn as libadwaita draws its check boxes
 * (a 20 px box with rounded corners: a faint ring when clear, the accent
 * colour with a check mark when set) from an image made once per look.
 * GTK 4.8's column view keeps about 200 rows of cells; a GtkCheckButton is
 * two widgets, and the cairo renderer draws its ring, an inset box-shadow,
 * through a clip mask: some 190,000 instructions per box, every frame in
 * which the rows change. This widget is one widget, one image.
 *
 * It takes the focus and toggles on a click, Space or Enter, as a
 * GtkCheckButton does, and has the check box role and checked state.
 */

#include "config.h"

#include <math.h>

#include "sp-check-cell.h"

#define BOX_SIZE      20   /* libadwaita: 14 px, padded by 3 px */
#define CELL_SIZE     26   /* with a check button's own 3 px around it */
#define BOX_RADIUS    6.0
#define RING_WIDTH    2.0
#define N_LOOKS       8

struct _SpCheckCell
{
  GtkWidget parent_instance;

  gboolean  active;
};

enum {
  TOGGLED,
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The images made so far, one per look (state, colours, scale). */
typedef struct
{
  gboolean    active;
  gboolean    hover;
  int         scale;
  GdkRGBA     ring;
  GdkRGBA     fill;
  GdkRGBA     mark;
  GdkTexture *texture;
} Look;

static Look looks[N_LOOKS];
static guint next_look;

G_DEFINE_FINAL_TYPE (SpCheckCell, sp_check_cell, GTK_TYPE_WIDGET)

static void
rounded_box (cairo_t *cr,
             double   x,
             double   y,
             double   size,
             double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + size - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + size - radius, y + size - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + size - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static GdkTexture *
draw_look (const Look *look)
{
  int pixels = BOX_SIZE * look->scale;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixels, pixels);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  cairo_scale (cr, look->scale, look->scale);
  if (look->active)
    {
      rounded_box (cr, 0, 0, BOX_SIZE, BOX_RADIUS);
      gdk_cairo_set_source_rgba (cr, &look->fill);
      cairo_fill (cr);
      /* The check mark of libadwaita's check-symbolic, in the box's middle. */
      cairo_move_to (cr, 5.0, 10.5);
      cairo_line_to (cr, 8.5, 14.0);
      cairo_line_to (cr, 15.0, 6.5);
      cairo_set_line_width (cr, 2.5);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      gdk_cairo_set_source_rgba (cr, &look->mark);
      cairo_stroke (cr);
    }
  else
    {
      rounded_box (cr, 0, 0, BOX_SIZE, BOX_RADIUS);
      rounded_box (cr, RING_WIDTH, RING_WIDTH, BOX_SIZE - 2 * RING_WIDTH, BOX_RADIUS - RING_WIDTH);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      gdk_cairo_set_source_rgba (cr, &look->ring);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Cairo's ARGB32 is GDK's default memory format: premultiplied, native order. */
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize)cairo_image_surface_get_stride (surface) * pixels);
  texture = gdk_memory_texture_new (pixels, pixels, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);

  return texture;
}

static GdkTexture *
texture_for (const Look *wanted)
{
  Look *look;

  for (guint i = 0; i < N_LOOKS; i++)
    {
      look = &looks[i];
      if (look->texture != NULL && look->active == wanted->active &&
          look->hover == wanted->hover && look->scale == wanted->scale &&
          gdk_rgba_equal (&look->ring, &wanted->ring) &&
          gdk_rgba_equal (&look->fill, &wanted->fill) &&
          gdk_rgba_equal (&look->mark, &wanted->mark))
        return look->texture;
    }

  /* A new look (a theme or scale change) takes the place of the oldest. */
  look = &looks[next_look];
  next_look = (next_look + 1) % N_LOOKS;
  g_clear_object (&look->texture);
  *look = *wanted;
  look->texture = draw_look (wanted);

  return look->texture;
}

static void
sp_check_cell_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  SpCheckCell *self = SP_CHECK_CELL (widget);
  Look look = { 0 };
  GtkStyleContext *style;

  look.active = self->active;
  look.hover = (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_PRELIGHT) != 0;
  look.scale = gtk_widget_get_scale_factor (widget);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  style = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (style, &look.ring);
  if (!gtk_style_context_lookup_color (style, "accent_bg_color", &look.fill))
    gdk_rgba_parse (&look.fill, "#3584e4");
  if (!gtk_style_context_lookup_color (style, "accent_fg_color", &look.mark))
    gdk_rgba_parse (&look.mark, "#ffffff");
  G_GNUC_END_IGNORE_DEPRECATIONS
  /* libadwaita: alpha(currentColor, 0.15), 0.2 under the pointer. */
  look.ring.alpha *= look.hover ? 0.2f : 0.15f;

  gtk_snapshot_append_texture (snapshot, texture_for (&look),
                               &GRAPHENE_RECT_INIT ((gtk_widget_get_width (widget) - BOX_SIZE) / 2,
                                                    (gtk_widget_get_height (widget) - BOX_SIZE) / 2,
                                                    BOX_SIZE, BOX_SIZE));
}

static void
sp_check_cell_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = *natural = CELL_SIZE;
}

/* Colours (a dark style) and the pointer's hover change the look. */
static void
sp_check_cell_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (sp_check_cell_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
sp_check_cell_state_flags_changed (GtkWidget     *widget,
                                   GtkStateFlags  previous)
{
  GTK_WIDGET_CLASS (sp_check_cell_parent_class)->state_flags_changed (widget, previous);
  if ((previous ^ gtk_widget_get_state_flags (widget)) & GTK_STATE_FLAG_PRELIGHT)
    gtk_widget_queue_draw (widget);
}

/* A user's toggle: a click, Space or Enter. */
static void
toggle (SpCheckCell *self)
{
  sp_check_cell_set_active (self, !self->active);
  g_signal_emit (self, signals[TOGGLED], 0);
}

static void
sp_check_cell_activate (SpCheckCell *self)
{
  if (gtk_widget_is_sensitive (GTK_WIDGET (self)))
    toggle (self);
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             SpCheckCell     *self)
{
  if (n_press != 1 || !gtk_widget_contains (GTK_WIDGET (self), x, y))
    return;

  /* The row's own click (selection) does not see this one. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  toggle (self);
}

static void
sp_check_cell_class_init (SpCheckCellClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = sp_check_cell_snapshot;
  widget_class->measure = sp_check_cell_measure;
  widget_class->css_changed = sp_check_cell_css_changed;
  widget_class->state_flags_changed = sp_check_cell_state_flags_changed;

  /**
   * SpCheckCell::toggled:
   *
   * The user set or cleared the box; sp_check_cell_set_active() does not
   * emit it.
   */
  signals[TOGGLED] = g_signal_new ("toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ACTIVATE] = g_signal_new_class_handler ("activate", G_TYPE_FROM_CLASS (klass),
                                                  G_SIGNAL_RUN_FIRST | G_SIGNAL_ACTION,
                                                  G_CALLBACK (sp_check_cell_activate),
                                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_space, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Space, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, 0, "activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "sp-check");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_CHECKBOX);
}

static void
sp_check_cell_init (SpCheckCell *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_CHECKED,
                               GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
}

GtkWidget *
sp_check_cell_new (void)
{
  return g_object_new (SP_TYPE_CHECK_CELL, NULL);
}

gboolean
sp_check_cell_get_active (SpCheckCell *self)
{
  g_return_val_if_fail (SP_IS_CHECK_CELL (self), FALSE);

  return self->active;
}

/* Sets or clears the box; no ::toggled, which says a user did it. */
void
sp_check_cell_set_active (SpCheckCell *self,
                          gboolean     active)
{
  g_return_if_fail (SP_IS_CHECK_CELL (self));

  active = !!active;
  if (self->active == active)
    return;

  self->active = active;
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_CHECKED,
                               active ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                      : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
