/* sp-campaign-plan.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clearance plan of a campaign, computed from its scope's products and
 * their discounts: the price list (old price, new price, margin after the
 * discount, margin-floor warnings) and a projection of the outcome. Pure
 * computation, no I/O: the CLI, the app's pricing page and the planner
 * share it.
 *
 * The projection model, stated once:
 *
 *  - days: the schedule (start to end, both included) when both are set;
 *    otherwise from the start (or @today) to the target date; otherwise
 *    %SP_CAMPAIGN_PLAN_DEFAULT_DAYS.
 *  - demand: a product sells its average daily sales, lifted by the
 *    discount with a linear price elasticity E: rate = ads × (1 + E × d),
 *    with E = %SP_CAMPAIGN_PLAN_ELASTICITY_X100 / 100 (2.0: 20% off sells
 *    1.4 times as much). Integer arithmetic in hundredths of a unit.
 *  - units cleared = min (stock on hand, ⌊rate × days⌋); without the
 *    campaign, min (stock on hand, ⌊ads × days⌋).
 *  - revenue = units cleared × new price; margin = revenue − units cleared ×
 *    cost (minor units, exact); margin % = margin / revenue.
 *  - a line is below the floor when its margin at the new price is under the
 *    campaign's margin floor (when one is set), and below cost when the new
 *    price is under the cost.
 *  - lines in another currency than the campaign's are listed with a warning
 *    but left out of the totals.
 */

#pragma once

#include <glib.h>

#include "sp-campaign.h"
#include "sp-product.h"

G_BEGIN_DECLS

#define SP_CAMPAIGN_PLAN_ELASTICITY_X100 200
#define SP_CAMPAIGN_PLAN_DEFAULT_DAYS    30

typedef struct
{
  char     *sku;             /* owned */
  char     *name;            /* owned */
  char     *category_path;   /* owned; nullable */
  char     *currency;        /* owned */
  gint64    old_price;       /* the list price, minor units */
  gint64    new_price;       /* minor units */
  gint64    discount_bp;
  gint64    cost;            /* minor units */
  gint64    margin_bp;       /* at the new price */
  gint64    stock_on_hand;
  gint64    avg_daily_sales; /* hundredths of a unit per day */
  gint64    units_cleared;
  gint64    baseline_units;  /* cleared without the campaign */
  gint64    revenue;         /* minor units */
  gint64    margin;          /* minor units */
  gboolean  below_floor;
  gboolean  below_cost;
  gboolean  other_currency;
} SpCampaignPlanLine;

typedef struct
{
  GPtrArray *lines;           /* owned; element-type SpCampaignPlanLine, by SKU */
  char      *currency;        /* owned; the campaign's */
  gint64     margin_floor_bp;
  gint64     days;
  gint64     stock_in_scope;
  gint64     units_to_clear;  /* the campaign's target */
  gint64     units_cleared;
  gint64     baseline_units;
  gint64     revenue;
  gint64     margin;
  gint64     margin_bp;       /* margin / revenue */
  guint      n_below_floor;
  guint      n_below_cost;
  guint      n_other_currency;
  gboolean   target_met;      /* units cleared ≥ units to clear (when set) */
} SpCampaignPlan;

GPtrArray      *sp_campaign_plan_resolve_scope (SpCampaign     *campaign,
                                                GPtrArray      *products) G_GNUC_WARN_UNUSED_RESULT;
SpCampaignPlan *sp_campaign_plan_compute       (SpCampaign     *campaign,
                                                GPtrArray      *products,
                                                GHashTable     *discounts,
                                                const char     *today) G_GNUC_WARN_UNUSED_RESULT;
void            sp_campaign_plan_free          (SpCampaignPlan *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCampaignPlan, sp_campaign_plan_free)

G_END_DECLS
