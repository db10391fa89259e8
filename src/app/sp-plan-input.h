/* sp-plan-input.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The numbers of one product the planner needs; the strings belong to
 * the workspace's catalog table. */
typedef struct
{
  const char *sku;
  const char *category_path;
  gint64  stock_on_hand;
  gint64  avg_daily_sales;   /* hundredths of a unit per day */
  gint64  list_price;        /* minor units */
  gint64  cost;              /* minor units */
} SpProductFacts;

/* What a campaign's scope is, as plain data a worker or a filter can read. */
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

void     sp_plan_input_free     (SpPlanInput          *input);
gboolean sp_plan_input_contains (const SpPlanInput    *input,
                                 const SpProductFacts *facts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpPlanInput, sp_plan_input_free)

G_END_DECLS
