/* sp-stock-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SP_TYPE_STOCK_CHART (sp_stock_chart_get_type ())

G_DECLARE_FINAL_TYPE (SpStockChart, sp_stock_chart, SP, STOCK_CHART, GtkWidget)

GtkWidget *sp_stock_chart_new        (void);
void       sp_stock_chart_set_series (SpStockChart *self,
                                      const double *without_campaign,
                                      const double *with_campaign,
                                      guint         n_days,
                                      int           target_day);
guint      sp_stock_chart_get_n_days (SpStockChart *self);

G_END_DECLS
