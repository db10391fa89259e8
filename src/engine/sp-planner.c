/* sp-planner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model is described in sp-planner.h. Money goes through sp-money.h
 * only; the units projection repeats the integer steps of
 * sp-campaign-plan.c, and test-planner checks that both agree.
 */

#define G_LOG_DOMAIN "sp-engine"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-engine-error.h"
#include "sp-money.h"
#include "sp-planner.h"
#include "sp-stock-level.h"

typedef struct
{
  SpPlannerFlags  flag;
  const char     *key;
  const char     *description;
} FlagInfo;

static const FlagInfo flag_info[SP_PLANNER_N_FLAGS] = {
  { SP_PLANNER_FLAG_REACHES_TARGET, "reaches_target", N_("reaches target") },
  { SP_PLANNER_FLAG_NO_DISCOUNT_NEEDED, "no_discount_needed", N_("no discount needed") },
  { SP_PLANNER_FLAG_CAPPED_BY_MARGIN_FLOOR, "capped_by_margin_floor", N_("capped by margin floor") },
  { SP_PLANNER_FLAG_CAPPED_BY_MAX_DISCOUNT, "capped_by_max_discount", N_("capped by maximum discount") },
  { SP_PLANNER_FLAG_NO_SALES, "no_sales", N_("no sales history: discount does not help") },
  { SP_PLANNER_FLAG_OTHER_CURRENCY, "other_currency", N_("priced in another currency") },
};

static const FlagInfo *
lookup_flag (SpPlannerFlags flag)
{
  for (guint i = 0; i < SP_PLANNER_N_FLAGS; i++)
    {
      if (flag_info[i].flag == flag)
        return &flag_info[i];
    }

  return NULL;
}

/**
 * sp_planner_flag_to_string:
 * @flag: one flag
 *
 * Returns: (nullable): a stable key for @flag ("reaches_target", …), for
 *   JSON and scripts; %NULL for a combination or an unknown value
 */
const char *
sp_planner_flag_to_string (SpPlannerFlags flag)
{
  const FlagInfo *info = lookup_flag (flag);

  return info != NULL ? info->key : NULL;
}

/**
 * sp_planner_flag_describe:
 * @flag: one flag
 *
 * Returns: (nullable): what @flag means, translated
 */
const char *
sp_planner_flag_describe (SpPlannerFlags flag)
{
  const FlagInfo *info = lookup_flag (flag);

  return info != NULL ? _(info->description) : NULL;
}

/**
 * sp_planner_constraints_init:
 * @constraints: constraints to fill
 *
 * Sets the defaults: at most 50 % off in steps of 5 %, elasticity 2.0,
 * overstocked above 180 days of cover, cleared down to 90 days.
 */
void
sp_planner_constraints_init (SpPlannerConstraints *constraints)
{
  g_return_if_fail (constraints != NULL);

  constraints->max_discount_bp = SP_PLANNER_DEFAULT_MAX_DISCOUNT_BP;
  constraints->step_bp = SP_PLANNER_DEFAULT_STEP_BP;
  constraints->elasticity_x100 = SP_CAMPAIGN_PLAN_ELASTICITY_X100;
  constraints->overstock_days = SP_PLANNER_DEFAULT_OVERSTOCK_DAYS;
  constraints->target_cover_days = SP_PLANNER_DEFAULT_TARGET_COVER_DAYS;
}

static void
planner_line_free (SpPlannerLine *line)
{
  g_free (line->sku);
  g_free (line->name);
  g_free (line);
}

static void
planner_skip_free (SpPlannerSkip *skip)
{
  g_free (skip->sku);
  g_free (skip->reason);
  g_free (skip);
}

void
sp_planner_result_free (SpPlannerResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->lines, g_ptr_array_unref);
  g_clear_pointer (&result->skipped, g_ptr_array_unref);
  g_clear_pointer (&result->products, g_ptr_array_unref);
  g_clear_pointer (&result->discounts, g_hash_table_unref);
  g_clear_pointer (&result->plan, sp_campaign_plan_free);
  g_free (result);
}

/**
 * sp_planner_result_count:
 * @result: a drafted plan
 * @flag: one flag
 *
 * Returns: how many planned SKUs carry @flag
 */
guint
sp_planner_result_count (SpPlannerResult *result,
                         SpPlannerFlags   flag)
{
  g_return_val_if_fail (result != NULL, 0);

  for (guint i = 0; i < SP_PLANNER_N_FLAGS; i++)
    {
      if (flag_info[i].flag == flag)
        return result->n_flagged[i];
    }

  return 0;
}

static gboolean
check_constraints (const SpPlannerConstraints  *c,
                   GError                     **error)
{
  const char *field = NULL;

  if (c->max_discount_bp < 0 || c->max_discount_bp > SP_PERCENT_100)
    field = "max-discount";
  else if (c->step_bp <= 0 || c->step_bp > SP_PERCENT_100)
    field = "step";
  else if (c->elasticity_x100 < 0 || c->elasticity_x100 > 100000)
    field = "elasticity";
  else if (c->overstock_days < 0)
    field = "overstock-days";
  else if (c->target_cover_days < 0)
    field = "target-cover-days";

  if (field == NULL)
    return TRUE;

  g_set_error (error, SP_ENGINE_ERROR, SP_ENGINE_ERROR_INVALID,
               /* Translators: %s is the name of a planner constraint (step, max-discount, …) */
               _("planner constraints: %s is out of range"), field);
  return FALSE;
}

/* The units sold over @days at @discount_bp: the integer steps of
 * compute_line () in sp-campaign-plan.c, with the elasticity a parameter. */
static gint64
project_units (gint64 stock,
               gint64 ads,
               gint64 discount_bp,
               gint64 elasticity_x100,
               gint64 days)
{
  gint64 lift_bp = SP_PERCENT_100 + elasticity_x100 * discount_bp / 100;
  gint64 rate = sp_money_multiply (ads, lift_bp) / SP_PERCENT_100;

  return MIN (stock, sp_money_multiply (rate, days) / 100);
}

static gboolean
breaks_floor (gint64 new_price,
              gint64 cost,
              gint64 floor_bp)
{
  return floor_bp > 0 && sp_money_margin_bp (new_price, cost) < floor_bp;
}

/* Picks the discount of @line (stock, sales, prices and need are set). */
static void
choose_discount (SpPlannerLine              *line,
                 const SpPlannerConstraints *c,
                 gint64                      floor_bp,
                 gint64                      days)
{
  gint64 chosen = -1;

  line->floor_discount_bp = -1;

  for (gint64 d = 0; d <= c->max_discount_bp; d += c->step_bp)
    {
      gint64 price = sp_money_apply_discount (line->old_price, d);

      /* Deeper steps only lower the margin: the first break ends the walk. */
      if (breaks_floor (price, line->cost, floor_bp))
        break;
      line->floor_discount_bp = d;

      if (line->avg_daily_sales > 0 &&
          project_units (line->stock_on_hand, line->avg_daily_sales, d, c->elasticity_x100, days) >= line->need)
        {
          chosen = d;
          break;
        }
    }

  if (line->avg_daily_sales <= 0)
    {
      line->flags |= SP_PLANNER_FLAG_NO_SALES;
      line->discount_bp = 0;
    }
  else if (chosen >= 0)
    {
      line->flags |= SP_PLANNER_FLAG_REACHES_TARGET;
      if (chosen == 0)
        line->flags |= SP_PLANNER_FLAG_NO_DISCOUNT_NEEDED;
      line->discount_bp = chosen;
    }
  else if (line->floor_discount_bp < 0 || line->floor_discount_bp + c->step_bp <= c->max_discount_bp)
    {
      /* The walk stopped at the floor, or the list price already breaks it. */
      line->flags |= SP_PLANNER_FLAG_CAPPED_BY_MARGIN_FLOOR;
      line->discount_bp = MAX (line->floor_discount_bp, 0);
    }
  else
    {
      line->flags |= SP_PLANNER_FLAG_CAPPED_BY_MAX_DISCOUNT;
      line->discount_bp = line->floor_discount_bp;
    }

  line->new_price = sp_money_apply_discount (line->old_price, line->discount_bp);
  line->margin_bp = sp_money_margin_bp (line->new_price, line->cost);
  line->units_cleared = project_units (line->stock_on_hand, line->avg_daily_sales, line->discount_bp,
                                       c->elasticity_x100, days);
}

/* Stock and sales of each SKU with stock levels, summed over @sites:
 * SKU → gint64[2] (stock, ads); a SKU with levels only elsewhere maps to
 * zeros. */
static GHashTable *
index_stock_levels (GPtrArray          *stock_levels,
                    const char * const *sites)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < stock_levels->len; i++)
    {
      SpStockLevel *level = g_ptr_array_index (stock_levels, i);
      const char *sku = sp_stock_level_get_product_sku (level);
      const char *site = sp_stock_level_get_site_code (level);
      gint64 *sums;

      if (sku == NULL)
        continue;
      if (!(sums = g_hash_table_lookup (index, sku)))
        {
          sums = g_new0 (gint64, 2);
          g_hash_table_insert (index, (gpointer)sku, sums);
        }

      if (site != NULL && g_strv_contains (sites, site))
        {
          sums[0] += MAX (sp_stock_level_get_stock_on_hand (level), 0);
          sums[1] += MAX (sp_stock_level_get_avg_daily_sales (level), 0);
        }
    }

  return index;
}

/* @product with the stock and sales of @sums (a copy: the catalog's
 * instance keeps its totals). */
static SpProduct *
product_at_sites (SpProduct    *product,
                  const gint64 *sums)
{
  SpProduct *copy = sp_product_new (sp_product_get_sku (product), sp_product_get_name (product));

  sp_product_set_category_path (copy, sp_product_get_category_path (product));
  sp_product_set_category_id (copy, sp_product_get_category_id (product));
  sp_product_set_uom (copy, sp_product_get_uom (product));
  sp_product_set_currency (copy, sp_product_get_currency (product));
  sp_product_set_list_price (copy, sp_product_get_list_price (product));
  sp_product_set_cost (copy, sp_product_get_cost (product));
  sp_product_set_stock_on_hand (copy, sums[0]);
  sp_product_set_avg_daily_sales (copy, sums[1]);

  return copy;
}

static void
add_skip (SpPlannerResult *result,
          const char      *sku,
          const char      *reason)
{
  SpPlannerSkip *skip = g_new0 (SpPlannerSkip, 1);

  skip->sku = g_strdup (sku);
  skip->reason = g_strdup (reason);
  g_ptr_array_add (result->skipped, skip);
}

static gint
compare_products (gconstpointer a,
                  gconstpointer b)
{
  return g_strcmp0 (sp_product_get_sku (*(SpProduct **)a), sp_product_get_sku (*(SpProduct **)b));
}

static gint
compare_skips (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 ((*(SpPlannerSkip **)a)->sku, (*(SpPlannerSkip **)b)->sku);
}

/* Fills result->products (by SKU) with the overstocked candidates and
 * result->skipped with the rest of the scope. */
static void
select_products (SpPlannerResult *result,
                 SpCampaign      *campaign,
                 GPtrArray       *products,
                 GPtrArray       *stock_levels)
{
  const char * const *sites = sp_campaign_get_sites (campaign);
  gboolean empty_scope = sp_campaign_get_scope_products (campaign)[0] == NULL &&
                         sp_campaign_get_scope_categories (campaign)[0] == NULL;
  g_autoptr(GPtrArray) scope = NULL;
  g_autoptr(GHashTable) levels = NULL;

  scope = empty_scope ? g_ptr_array_ref (products) : sp_campaign_plan_resolve_scope (campaign, products);
  if (stock_levels != NULL && sites[0] != NULL)
    levels = index_stock_levels (stock_levels, sites);

  for (guint i = 0; i < scope->len; i++)
    {
      SpProduct *product = g_ptr_array_index (scope, i);
      const gint64 *sums = levels != NULL ? g_hash_table_lookup (levels, sp_product_get_sku (product)) : NULL;
      g_autoptr(SpProduct) candidate = NULL;

      if (sums != NULL && sums[0] == 0 && sums[1] == 0)
        {
          if (!empty_scope)
            add_skip (result, sp_product_get_sku (product), _("not stocked at the campaign’s sites"));
          continue;
        }

      candidate = sums != NULL ? product_at_sites (product, sums) : g_object_ref (product);
      if (sp_product_is_overstocked (candidate, (int)MIN (result->constraints.overstock_days, G_MAXINT)))
        g_ptr_array_add (result->products, g_steal_pointer (&candidate));
      else if (!empty_scope)
        add_skip (result, sp_product_get_sku (product), _("not overstocked"));
    }

  g_ptr_array_sort (result->products, compare_products);
  g_ptr_array_sort (result->skipped, compare_skips);
}

static SpPlannerLine *
new_line (SpProduct                  *product,
          const SpPlannerConstraints *c)
{
  SpPlannerLine *line = g_new0 (SpPlannerLine, 1);
  gint64 keep;

  line->sku = g_strdup (sp_product_get_sku (product));
  line->name = g_strdup (sp_product_get_name (product));
  line->stock_on_hand = MAX (sp_product_get_stock_on_hand (product), 0);
  line->avg_daily_sales = MAX (sp_product_get_avg_daily_sales (product), 0);
  line->days_of_cover = sp_product_get_days_of_cover (product);
  line->old_price = sp_product_get_list_price (product);
  line->cost = sp_product_get_cost (product);

  keep = sp_money_multiply (line->avg_daily_sales, c->target_cover_days) / 100;
  line->need = MAX (0, line->stock_on_hand - keep);

  return line;
}

/* Scales the needs so that they add up to the campaign's units to clear. */
static void
scale_needs (SpPlannerResult *result,
             gint64           units_to_clear)
{
  gint64 total = 0;

  for (guint i = 0; i < result->lines->len; i++)
    total += ((SpPlannerLine *)g_ptr_array_index (result->lines, i))->need;

  if (units_to_clear > 0 && total > 0)
    {
      for (guint i = 0; i < result->lines->len; i++)
        {
          SpPlannerLine *line = g_ptr_array_index (result->lines, i);
          gint64 scaled = (sp_money_multiply (line->need, units_to_clear) + total - 1) / total;

          line->need = MIN (line->stock_on_hand, scaled);
        }
    }

  result->need = 0;
  for (guint i = 0; i < result->lines->len; i++)
    result->need += ((SpPlannerLine *)g_ptr_array_index (result->lines, i))->need;
}

static void
add_to_totals (SpPlannerResult *result,
               SpPlannerLine   *line)
{
  gint64 revenue = sp_money_multiply (line->new_price, line->units_cleared);

  result->units_cleared += line->units_cleared;
  result->revenue += revenue;
  result->margin += revenue - sp_money_multiply (line->cost, line->units_cleared);
}

/**
 * sp_planner_draft:
 * @campaign: the campaign: scope, sites, schedule, targets and floor
 * @products: (element-type SpProduct): the catalog
 * @stock_levels: (nullable) (element-type SpStockLevel): stock per site
 * @constraints: (nullable): the limits; %NULL for sp_planner_constraints_init()
 * @today: (nullable): today's date, for a schedule without a start
 * @error: return location for a #GError
 *
 * Drafts a clearance plan as sp-planner.h describes. Nothing is stored.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 *   (%SP_ENGINE_ERROR_INVALID) when a constraint is out of range
 */
SpPlannerResult *
sp_planner_draft (SpCampaign                  *campaign,
                  GPtrArray                   *products,
                  GPtrArray                   *stock_levels,
                  const SpPlannerConstraints  *constraints,
                  const char                  *today,
                  GError                     **error)
{
  g_autoptr(SpPlannerResult) result = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(SpCampaignPlan) horizon = NULL;
  const char *currency;

  g_return_val_if_fail (SP_IS_CAMPAIGN (campaign), NULL);
  g_return_val_if_fail (products != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  result = g_new0 (SpPlannerResult, 1);
  if (constraints != NULL)
    result->constraints = *constraints;
  else
    sp_planner_constraints_init (&result->constraints);
  if (!check_constraints (&result->constraints, error))
    return NULL;

  result->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)planner_line_free);
  result->skipped = g_ptr_array_new_with_free_func ((GDestroyNotify)planner_skip_free);
  result->products = g_ptr_array_new_with_free_func (g_object_unref);
  result->discounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* The projection's own horizon, from the one place that defines it. */
  none = g_ptr_array_new ();
  horizon = sp_campaign_plan_compute (campaign, none, NULL, today);
  result->days = horizon->days;

  select_products (result, campaign, products, stock_levels);
  for (guint i = 0; i < result->products->len; i++)
    g_ptr_array_add (result->lines, new_line (g_ptr_array_index (result->products, i), &result->constraints));
  scale_needs (result, sp_campaign_get_units_to_clear (campaign));

  currency = sp_campaign_get_currency (campaign);
  for (guint i = 0; i < result->lines->len; i++)
    {
      SpPlannerLine *line = g_ptr_array_index (result->lines, i);
      SpProduct *product = g_ptr_array_index (result->products, i);

      choose_discount (line, &result->constraints, sp_campaign_get_margin_floor (campaign), result->days);
      if (g_strcmp0 (sp_product_get_currency (product), currency) != 0)
        line->flags |= SP_PLANNER_FLAG_OTHER_CURRENCY;
      else
        add_to_totals (result, line);

      g_hash_table_insert (result->discounts, g_strdup (line->sku),
                           g_memdup2 (&line->discount_bp, sizeof line->discount_bp));
      for (guint f = 0; f < SP_PLANNER_N_FLAGS; f++)
        result->n_flagged[f] += (line->flags & flag_info[f].flag) != 0;
    }

  result->margin_bp = result->revenue != 0 ? sp_money_ratio_bp (result->margin, result->revenue) : 0;
  result->target_met = sp_campaign_get_units_to_clear (campaign) > 0 &&
                       result->units_cleared >= sp_campaign_get_units_to_clear (campaign);
  result->plan = sp_campaign_plan_compute (campaign, result->products, result->discounts, today);

  return g_steal_pointer (&result);
}
