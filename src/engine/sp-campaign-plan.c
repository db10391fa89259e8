/* sp-campaign-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model is described in sp-campaign-plan.h; money goes through
 * sp-money.h only (one rounding rule).
 */

#define G_LOG_DOMAIN "sp-engine"

#include "config.h"

#include "sp-campaign-plan.h"
#include "sp-category.h"
#include "sp-date.h"
#include "sp-money.h"

static void
plan_line_free (SpCampaignPlanLine *line)
{
  g_free (line->sku);
  g_free (line->name);
  g_free (line->category_path);
  g_free (line->currency);
  g_free (line);
}

void
sp_campaign_plan_free (SpCampaignPlan *plan)
{
  if (plan == NULL)
    return;

  g_clear_pointer (&plan->lines, g_ptr_array_unref);
  g_free (plan->currency);
  g_free (plan);
}

static gboolean
in_scope (SpCampaign *campaign,
          SpProduct  *product)
{
  return sp_scope_contains (sp_campaign_get_scope_products (campaign),
                            sp_campaign_get_scope_categories (campaign),
                            sp_product_get_sku (product),
                            sp_product_get_category_path (product));
}

/**
 * sp_campaign_plan_resolve_scope:
 * @campaign: a campaign
 * @products: (element-type SpProduct): the catalog
 *
 * The products of @campaign's scope: its SKUs and everything in the subtree
 * of its categories, each once, in the order of @products.
 *
 * Returns: (transfer full) (element-type SpProduct): the products in scope
 */
GPtrArray *
sp_campaign_plan_resolve_scope (SpCampaign *campaign,
                                GPtrArray  *products)
{
  GPtrArray *scope = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (SP_IS_CAMPAIGN (campaign), scope);
  g_return_val_if_fail (products != NULL, scope);

  for (guint i = 0; i < products->len; i++)
    {
      SpProduct *product = g_ptr_array_index (products, i);

      if (in_scope (campaign, product))
        g_ptr_array_add (scope, g_object_ref (product));
    }

  return scope;
}

/* The days the projection covers; see the header. */
static gint64
plan_days (SpCampaign *campaign,
           const char *today)
{
  const char *start = sp_campaign_get_start_date (campaign);
  const char *end = sp_campaign_get_end_date (campaign);
  const char *target = sp_campaign_get_target_date (campaign);
  const char *from = sp_date_is_valid (start) ? start : today;

  if (sp_date_is_valid (start) && sp_date_is_valid (end))
    return MAX (1, sp_date_days_between (start, end) + 1);

  if (sp_date_is_valid (from) && sp_date_is_valid (target))
    return MAX (1, sp_date_days_between (from, target) + 1);

  return SP_CAMPAIGN_PLAN_DEFAULT_DAYS;
}

static gint64
lookup_discount (SpCampaign *campaign,
                 GHashTable *discounts,
                 const char *sku)
{
  const gint64 *bp;

  if (discounts != NULL && (bp = g_hash_table_lookup (discounts, sku)) != NULL)
    return *bp;

  return sp_campaign_get_default_discount (campaign);
}

static SpCampaignPlanLine *
compute_line (SpCampaign *campaign,
              SpProduct  *product,
              gint64      discount_bp,
              gint64      days)
{
  SpCampaignPlanLine *line = g_new0 (SpCampaignPlanLine, 1);
  gint64 ads = MAX (sp_product_get_avg_daily_sales (product), 0);
  gint64 stock = MAX (sp_product_get_stock_on_hand (product), 0);
  gint64 floor_bp = sp_campaign_get_margin_floor (campaign);
  gint64 lift_bp, rate;

  line->sku = g_strdup (sp_product_get_sku (product));
  line->name = g_strdup (sp_product_get_name (product));
  line->category_path = g_strdup (sp_product_get_category_path (product));
  line->currency = g_strdup (sp_product_get_currency (product));
  line->old_price = sp_product_get_list_price (product);
  line->discount_bp = CLAMP (discount_bp, 0, SP_PERCENT_100);
  line->new_price = sp_money_apply_discount (line->old_price, line->discount_bp);
  line->cost = sp_product_get_cost (product);
  line->margin_bp = sp_money_margin_bp (line->new_price, line->cost);
  line->stock_on_hand = stock;
  line->avg_daily_sales = ads;

  /* rate = ads × (1 + E × d), in hundredths of a unit per day. */
  lift_bp = SP_PERCENT_100 + SP_CAMPAIGN_PLAN_ELASTICITY_X100 * line->discount_bp / 100;
  rate = sp_money_multiply (ads, lift_bp) / SP_PERCENT_100;
  line->units_cleared = MIN (stock, sp_money_multiply (rate, days) / 100);
  line->baseline_units = MIN (stock, sp_money_multiply (ads, days) / 100);

  line->revenue = sp_money_multiply (line->new_price, line->units_cleared);
  line->margin = line->revenue - sp_money_multiply (line->cost, line->units_cleared);
  line->below_floor = floor_bp > 0 && line->margin_bp < floor_bp;
  line->below_cost = line->new_price < line->cost;
  line->other_currency = g_strcmp0 (line->currency, sp_campaign_get_currency (campaign)) != 0;

  return line;
}

static gint
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const SpCampaignPlanLine *la = *(const SpCampaignPlanLine **)a;
  const SpCampaignPlanLine *lb = *(const SpCampaignPlanLine **)b;

  return g_strcmp0 (la->sku, lb->sku);
}

/**
 * sp_campaign_plan_compute:
 * @campaign: the campaign (schedule, targets, default discount, floor)
 * @products: (element-type SpProduct): the products in scope
 * @discounts: (nullable) (element-type utf8 gint64): discount per SKU in
 *   basis points (values point to a #gint64); SKUs not in it get the
 *   campaign's default discount
 * @today: (nullable): today's date, for a schedule without a start
 *
 * Computes the price list and the projection described in the header.
 *
 * Returns: (transfer full): the plan
 */
SpCampaignPlan *
sp_campaign_plan_compute (SpCampaign *campaign,
                          GPtrArray  *products,
                          GHashTable *discounts,
                          const char *today)
{
  SpCampaignPlan *plan;

  g_return_val_if_fail (SP_IS_CAMPAIGN (campaign), NULL);
  g_return_val_if_fail (products != NULL, NULL);

  plan = g_new0 (SpCampaignPlan, 1);
  plan->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)plan_line_free);
  plan->currency = g_strdup (sp_campaign_get_currency (campaign));
  plan->margin_floor_bp = sp_campaign_get_margin_floor (campaign);
  plan->units_to_clear = sp_campaign_get_units_to_clear (campaign);
  plan->days = plan_days (campaign, today);

  for (guint i = 0; i < products->len; i++)
    {
      SpProduct *product = g_ptr_array_index (products, i);
      SpCampaignPlanLine *line;

      line = compute_line (campaign, product,
                           lookup_discount (campaign, discounts, sp_product_get_sku (product)),
                           plan->days);
      g_ptr_array_add (plan->lines, line);

      plan->n_below_floor += line->below_floor;
      plan->n_below_cost += line->below_cost;
      if (line->other_currency)
        {
          plan->n_other_currency++;
          continue;
        }

      plan->stock_in_scope += line->stock_on_hand;
      plan->units_cleared += line->units_cleared;
      plan->baseline_units += line->baseline_units;
      plan->revenue += line->revenue;
      plan->margin += line->margin;
    }

  g_ptr_array_sort (plan->lines, compare_lines);
  plan->margin_bp = plan->revenue != 0 ? sp_money_ratio_bp (plan->margin, plan->revenue) : 0;
  plan->target_met = plan->units_to_clear > 0 && plan->units_cleared >= plan->units_to_clear;

  return plan;
}
