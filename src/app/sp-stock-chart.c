/* sp-stock-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stock on hand per day, without the campaign and with it, against the
 * campaign's target date. Drawn with GtkSnapshot and cairo in the theme's
 * colours, so it follows the dark style.
 */

#define G_LOG_DOMAIN "sp-stock-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sp-stock-chart.h"

#define MARGIN_LEFT   56.0
#define MARGIN_RIGHT  12.0
#define MARGIN_TOP    12.0
#define MARGIN_BOTTOM 24.0

struct _SpStockChart
{
  GtkWidget  parent_instance;

  GArray    *without_campaign;  /* owned; double per day */
  GArray    *with_campaign;     /* owned; double per day */
  int        target_day;        /* -1 when there is no target date */
};

G_DEFINE_FINAL_TYPE (SpStockChart, sp_stock_chart, GTK_TYPE_WIDGET)

static double
max_value (SpStockChart *self)
{
  double max = 1.0;

  for (guint i = 0; i < self->without_campaign->len; i++)
    max = MAX (max, g_array_index (self->without_campaign, double, i));
  for (guint i = 0; i < self->with_campaign->len; i++)
    max = MAX (max, g_array_index (self->with_campaign, double, i));

  return max;
}

static void
trace_series (cairo_t *cr,
              GArray  *series,
              double   x0,
              double   y0,
              double   width,
              double   height,
              double   max)
{
  guint n = series->len;

  for (guint i = 0; i < n; i++)
    {
      double x = x0 + (n > 1 ? width * i / (n - 1) : 0);
      double y = y0 + height - height * g_array_index (series, double, i) / max;

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
}

static void
draw_axis_labels (SpStockChart *self,
                  cairo_t      *cr,
                  double        height,
                  double        max)
{
  g_autofree char *top = g_strdup_printf ("%.0f", max);
  PangoLayout *layout;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), top);
  cairo_move_to (cr, 4, MARGIN_TOP - 6);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "0");
  cairo_move_to (cr, 4, MARGIN_TOP + height - 10);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);

  /* Translators: the x axis of the stock chart */
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), _("Days from start"));
  cairo_move_to (cr, MARGIN_LEFT, MARGIN_TOP + height + 4);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
sp_stock_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  SpStockChart *self = SP_STOCK_CHART (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  double w = gtk_widget_get_width (widget);
  double h = gtk_widget_get_height (widget);
  double plot_w = w - MARGIN_LEFT - MARGIN_RIGHT;
  double plot_h = h - MARGIN_TOP - MARGIN_BOTTOM;
  GdkRGBA fg, accent, warning;
  cairo_t *cr;
  double max;

  if (plot_w <= 0 || plot_h <= 0)
    return;

  gtk_style_context_get_color (style, &fg);
  if (!gtk_style_context_lookup_color (style, "accent_color", &accent))
    accent = (GdkRGBA) { 0.21, 0.52, 0.89, 1.0 };
  if (!gtk_style_context_lookup_color (style, "warning_color", &warning))
    warning = (GdkRGBA) { 0.8, 0.5, 0.0, 1.0 };

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  max = max_value (self);

  /* Axes */
  cairo_set_line_width (cr, 1.0);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.3);
  cairo_move_to (cr, MARGIN_LEFT, MARGIN_TOP);
  cairo_line_to (cr, MARGIN_LEFT, MARGIN_TOP + plot_h);
  cairo_line_to (cr, MARGIN_LEFT + plot_w, MARGIN_TOP + plot_h);
  cairo_stroke (cr);

  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.6);
  draw_axis_labels (self, cr, plot_h, max);

  /* Target date */
  if (self->target_day >= 0 && self->with_campaign->len > 1)
    {
      double x = MARGIN_LEFT + plot_w * MIN (self->target_day, (int)self->with_campaign->len - 1)
                                        / (self->with_campaign->len - 1);
      double dashes[] = { 4.0, 4.0 };

      cairo_set_dash (cr, dashes, 2, 0);
      gdk_cairo_set_source_rgba (cr, &warning);
      cairo_move_to (cr, x, MARGIN_TOP);
      cairo_line_to (cr, x, MARGIN_TOP + plot_h);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* Without the campaign: dimmed; with it: the accent colour. */
  cairo_set_line_width (cr, 2.0);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.45);
  trace_series (cr, self->without_campaign, MARGIN_LEFT, MARGIN_TOP, plot_w, plot_h, max);
  cairo_stroke (cr);

  gdk_cairo_set_source_rgba (cr, &accent);
  trace_series (cr, self->with_campaign, MARGIN_LEFT, MARGIN_TOP, plot_w, plot_h, max);
  cairo_stroke (cr);

  cairo_destroy (cr);
}

static void
sp_stock_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 480;
    }
  else
    {
      *minimum = 160;
      *natural = 200;
    }
}

static void
sp_stock_chart_finalize (GObject *object)
{
  SpStockChart *self = (SpStockChart *)object;

  g_clear_pointer (&self->without_campaign, g_array_unref);
  g_clear_pointer (&self->with_campaign, g_array_unref);

  G_OBJECT_CLASS (sp_stock_chart_parent_class)->finalize (object);
}

static void
sp_stock_chart_class_init (SpStockChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sp_stock_chart_finalize;
  widget_class->snapshot = sp_stock_chart_snapshot;
  widget_class->measure = sp_stock_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "stockchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sp_stock_chart_init (SpStockChart *self)
{
  self->without_campaign = g_array_new (FALSE, FALSE, sizeof (double));
  self->with_campaign = g_array_new (FALSE, FALSE, sizeof (double));
  self->target_day = -1;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stock over time"),
                                  -1);
}

GtkWidget *
sp_stock_chart_new (void)
{
  return g_object_new (SP_TYPE_STOCK_CHART, NULL);
}

/**
 * sp_stock_chart_set_series:
 * @self: a #SpStockChart
 * @without_campaign: (array length=n_days): stock per day without the campaign
 * @with_campaign: (array length=n_days): stock per day with the campaign
 * @n_days: the number of days
 * @target_day: the index of the target date, or -1
 *
 * Replaces what the chart shows; the arrays are copied.
 */
void
sp_stock_chart_set_series (SpStockChart *self,
                           const double *without_campaign,
                           const double *with_campaign,
                           guint         n_days,
                           int           target_day)
{
  g_autofree char *description = NULL;

  g_return_if_fail (SP_IS_STOCK_CHART (self));

  g_array_set_size (self->without_campaign, 0);
  g_array_set_size (self->with_campaign, 0);
  if (n_days > 0)
    {
      g_array_append_vals (self->without_campaign, without_campaign, n_days);
      g_array_append_vals (self->with_campaign, with_campaign, n_days);
    }
  self->target_day = target_day;

  if (n_days > 0)
    /* Translators: accessible description of the stock chart */
    description = g_strdup_printf (_("Over %1$u days, stock goes from %2$.0f to %3$.0f units "
                                     "without the campaign and to %4$.0f units with it."),
                                   n_days, without_campaign[0], without_campaign[n_days - 1],
                                   with_campaign[n_days - 1]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description ? description : _("No projection yet"),
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
sp_stock_chart_get_n_days (SpStockChart *self)
{
  g_return_val_if_fail (SP_IS_STOCK_CHART (self), 0);

  return self->with_campaign->len;
}
