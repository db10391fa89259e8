/* sp-planner.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The planner drafts a clearance plan for a campaign, so a merchandiser
 * starts from a sensible plan instead of a blank one. Pure computation, no
 * I/O, no clock (today is a parameter): the same inputs give the same plan,
 * SKU by SKU in SKU order.
 *
 * What it decides, stated once:
 *
 *  - candidates: the products of the campaign's scope
 *    (sp_campaign_plan_resolve_scope()), or the whole catalog when the scope
 *    is empty; of those, the overstocked ones (sp_product_is_overstocked()
 *    with @overstock_days). In-scope products that are not overstocked are
 *    listed as skipped and left out of the plan.
 *  - sites: when stock levels are given and the campaign names sites, a
 *    product's stock and average daily sales are the sums of its levels at
 *    those sites; a product with levels, none of them at those sites, is not
 *    carried there and is skipped. A product without any level keeps its
 *    catalog totals.
 *  - horizon: the days of the campaign's projection (sp-campaign-plan.h: the
 *    schedule, else from the start or @today to the target date, else
 *    %SP_CAMPAIGN_PLAN_DEFAULT_DAYS), so that what the planner aims at is
 *    what `campaign show` projects once the plan is applied.
 *  - need: the units to sell over the horizon to bring a SKU down to
 *    @target_cover_days of cover: max (0, stock − ⌊ads × target_cover_days⌋)
 *    (ads in hundredths of a unit per day). When the campaign sets units to
 *    clear, the needs are scaled to add up to it: need × units / Σ needs,
 *    rounded up, never above the stock.
 *  - demand model: the projection's, linear price elasticity E: a discount d
 *    sells ads × (1 + E × d) per day, E = @elasticity_x100 / 100 (default
 *    %SP_CAMPAIGN_PLAN_ELASTICITY_X100, 2.0: 20 % off sells 1.4 times as
 *    much); units over the horizon = min (stock, ⌊rate × days⌋), in integer
 *    arithmetic exactly as sp-campaign-plan.c computes it, so nothing goes
 *    through floating point. With another E the per-SKU choice follows it,
 *    while the plan's projection keeps the projection's E.
 *  - discount: the smallest multiple of @step_bp up to @max_discount_bp whose
 *    units reach the need. A step whose new price (sp_money_apply_discount())
 *    leaves a margin under the campaign's floor is never chosen: a SKU that
 *    cannot reach its need within the floor gets the deepest step the floor
 *    allows and is flagged; one that cannot reach it within the maximum gets
 *    the maximum and is flagged. A SKU with no sales history gets no
 *    discount (it would not sell more) and is flagged.
 *  - totals: units cleared, revenue (units × new price) and margin (revenue −
 *    units × cost) add up the planner's lines, leaving out lines in another
 *    currency than the campaign's, as the projection does; the target is met
 *    when units cleared ≥ the campaign's units to clear. The result also
 *    carries sp_campaign_plan_compute() of the planned products and
 *    discounts (price list, margin-floor warnings, baseline); with the
 *    default elasticity its totals are the planner's.
 */

#pragma once

#include <glib.h>

#include "sp-campaign-plan.h"
#include "sp-campaign.h"
#include "sp-product.h"

G_BEGIN_DECLS

#define SP_PLANNER_DEFAULT_MAX_DISCOUNT_BP   5000
#define SP_PLANNER_DEFAULT_STEP_BP           500
#define SP_PLANNER_DEFAULT_OVERSTOCK_DAYS    180
#define SP_PLANNER_DEFAULT_TARGET_COVER_DAYS 90

typedef struct
{
  gint64 max_discount_bp;    /* deepest discount, 0 … 10000 */
  gint64 step_bp;            /* discounts are multiples of it, 1 … 10000 */
  gint64 elasticity_x100;    /* E × 100, ≥ 0 */
  gint64 overstock_days;     /* days of cover above which stock is excess */
  gint64 target_cover_days;  /* days of cover the clearance brings stock down to */
} SpPlannerConstraints;

/**
 * SpPlannerFlags:
 * @SP_PLANNER_FLAG_NONE: nothing to say
 * @SP_PLANNER_FLAG_REACHES_TARGET: the chosen discount reaches the SKU's need
 * @SP_PLANNER_FLAG_NO_DISCOUNT_NEEDED: the SKU reaches its need at full price
 * @SP_PLANNER_FLAG_CAPPED_BY_MARGIN_FLOOR: a deeper discount would break the
 *   margin floor, and the need is not reached
 * @SP_PLANNER_FLAG_CAPPED_BY_MAX_DISCOUNT: the maximum discount does not
 *   reach the need
 * @SP_PLANNER_FLAG_NO_SALES: no sales history; a discount does not help
 * @SP_PLANNER_FLAG_OTHER_CURRENCY: priced in another currency than the
 *   campaign's; left out of the projection's totals
 *
 * Why a SKU got its discount; several may be set.
 */
typedef enum
{
  SP_PLANNER_FLAG_NONE                   = 0,
  SP_PLANNER_FLAG_REACHES_TARGET         = 1 << 0,
  SP_PLANNER_FLAG_NO_DISCOUNT_NEEDED     = 1 << 1,
  SP_PLANNER_FLAG_CAPPED_BY_MARGIN_FLOOR = 1 << 2,
  SP_PLANNER_FLAG_CAPPED_BY_MAX_DISCOUNT = 1 << 3,
  SP_PLANNER_FLAG_NO_SALES               = 1 << 4,
  SP_PLANNER_FLAG_OTHER_CURRENCY         = 1 << 5,
} SpPlannerFlags;

#define SP_PLANNER_N_FLAGS 6

typedef struct
{
  char           *sku;               /* owned */
  char           *name;              /* owned */
  gint64          stock_on_hand;     /* at the campaign's sites */
  gint64          avg_daily_sales;   /* hundredths of a unit per day */
  gint64          days_of_cover;     /* -1 without sales */
  gint64          need;              /* units to sell over the horizon */
  gint64          discount_bp;       /* the chosen step */
  gint64          floor_discount_bp; /* the deepest step the floor allows (-1: none) */
  gint64          old_price;         /* the list price, minor units */
  gint64          new_price;         /* minor units */
  gint64          cost;              /* minor units */
  gint64          margin_bp;         /* at the new price */
  gint64          units_cleared;     /* over the horizon at the chosen step */
  SpPlannerFlags  flags;
} SpPlannerLine;

typedef struct
{
  char *sku;      /* owned */
  char *reason;   /* owned; translated */
} SpPlannerSkip;

typedef struct
{
  SpPlannerConstraints  constraints;
  gint64                days;        /* the horizon */
  gint64                need;        /* Σ need */
  GPtrArray            *lines;       /* owned; element-type SpPlannerLine, by SKU */
  GPtrArray            *skipped;     /* owned; element-type SpPlannerSkip, by SKU */
  GPtrArray            *products;    /* owned; element-type SpProduct, the planned ones by SKU,
                                      * with stock and sales at the campaign's sites */
  GHashTable           *discounts;   /* owned; SKU → gint64 * basis points */
  gint64                units_cleared;
  gint64                revenue;     /* minor units, the campaign's currency */
  gint64                margin;      /* minor units */
  gint64                margin_bp;   /* margin / revenue */
  gboolean              target_met;  /* units cleared ≥ the campaign's units to clear (when set) */
  SpCampaignPlan       *plan;        /* owned; price list and projection of the draft */
  guint                 n_flagged[SP_PLANNER_N_FLAGS];  /* SKUs per flag, by bit index */
} SpPlannerResult;

void             sp_planner_constraints_init (SpPlannerConstraints        *constraints);
SpPlannerResult *sp_planner_draft            (SpCampaign                  *campaign,
                                              GPtrArray                   *products,
                                              GPtrArray                   *stock_levels,
                                              const SpPlannerConstraints  *constraints,
                                              const char                  *today,
                                              GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
guint            sp_planner_result_count     (SpPlannerResult             *result,
                                              SpPlannerFlags               flag);
void             sp_planner_result_free      (SpPlannerResult             *result);

const char      *sp_planner_flag_to_string   (SpPlannerFlags               flag);
const char      *sp_planner_flag_describe    (SpPlannerFlags               flag);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpPlannerResult, sp_planner_result_free)

G_END_DECLS
