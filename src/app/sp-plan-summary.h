/* sp-plan-summary.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The numbers of one product the planner needs, copied out of the catalog's
 * objects so that a worker thread can read them. */
typedef struct
{
  char   *sku;
  char   *category_path;
  char   *search_key;        /* SKU, name and category, case-folded */
  gint64  stock_on_hand;
  gint64  avg_daily_sales;   /* hundredths of a unit per day */
  gint64  list_price;        /* minor units */
  gint64  cost;              /* minor units */
} SpProductFacts;

/* The projected outcome of a campaign, and stock per day for the chart. */
typedef struct
{
  guint   n_products;
  guint   n_below_floor;
  gint64  stock_on_hand;
  gint64  units_cleared;
  gint64  revenue;           /* minor units */
  gint64  margin;            /* minor units */
  gint64  margin_bp;
  char   *currency;
  GArray *stock_without;     /* double per day */
  GArray *stock_with;        /* double per day */
  int     target_day;        /* index into the series, or -1 */
} SpPlanSummary;

typedef struct
{
  char    **scope_products;    /* SKUs */
  char    **scope_categories;  /* category paths */
  gint64    discount_bp;
  gint64    margin_floor_bp;
  char     *currency;
  char     *start_date;
  char     *end_date;
  char     *target_date;
} SpPlanInput;

void           sp_plan_input_free        (SpPlanInput          *input);
SpPlanSummary *sp_plan_summary_compute   (const SpPlanInput    *input,
                                          const SpProductFacts *facts,
                                          guint                 n_facts) G_GNUC_WARN_UNUSED_RESULT;
void           sp_plan_summary_free      (SpPlanSummary        *summary);
gboolean       sp_plan_input_contains    (const SpPlanInput    *input,
                                          const SpProductFacts *facts);
gint64         sp_plan_uplift_bp         (gint64                discount_bp);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpPlanInput, sp_plan_input_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpPlanSummary, sp_plan_summary_free)

G_END_DECLS
