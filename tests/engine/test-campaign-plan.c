/* test-campaign-plan.c: the clearance plan (price list and projection)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sp-campaign-plan.h"

static SpProduct *
new_product (const char *sku,
             const char *path,
             gint64      list_price,
             gint64      cost,
             gint64      stock,
             gint64      ads)
{
  SpProduct *product = sp_product_new (sku, sku);

  sp_product_set_category_path (product, path);
  sp_product_set_list_price (product, list_price);
  sp_product_set_cost (product, cost);
  sp_product_set_currency (product, "EUR");
  sp_product_set_stock_on_hand (product, stock);
  sp_product_set_avg_daily_sales (product, ads);
  return product;
}

static GPtrArray *
new_catalog (void)
{
  GPtrArray *products = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (products, new_product ("DR-100", "Tools/Drills", 10000, 6000, 1000, 500));
  g_ptr_array_add (products, new_product ("DR-200", "Tools/Drills/Pro", 999, 800, 50, 1000));
  g_ptr_array_add (products, new_product ("SA-100", "Tools/Saws", 5000, 2000, 10, 100));
  g_ptr_array_add (products, new_product ("HX-1", "Toolsets", 2000, 1000, 10, 100));
  return products;
}

static void
test_resolve_scope (void)
{
  g_autoptr(GPtrArray) catalog = new_catalog ();
  g_autoptr(SpCampaign) campaign = sp_campaign_new ("Scope");
  g_autoptr(GPtrArray) scope = NULL;
  const char * const skus[] = { "SA-100", NULL };
  const char * const paths[] = { "Tools/Drills", NULL };

  sp_campaign_set_scope_products (campaign, skus);
  sp_campaign_set_scope_categories (campaign, paths);
  scope = sp_campaign_plan_resolve_scope (campaign, catalog);

  /* The subtree of Tools/Drills and the single SKU; not "Toolsets". */
  g_assert_cmpuint (scope->len, ==, 3);
  g_assert_cmpstr (sp_product_get_sku (g_ptr_array_index (scope, 0)), ==, "DR-100");
  g_assert_cmpstr (sp_product_get_sku (g_ptr_array_index (scope, 1)), ==, "DR-200");
  g_assert_cmpstr (sp_product_get_sku (g_ptr_array_index (scope, 2)), ==, "SA-100");
}

static void
test_compute (void)
{
  g_autoptr(GPtrArray) catalog = new_catalog ();
  g_autoptr(SpCampaign) campaign = sp_campaign_new ("Plan");
  g_autoptr(GHashTable) discounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(SpCampaignPlan) plan = NULL;
  g_autoptr(GPtrArray) scope = NULL;
  const char * const paths[] = { "Tools", NULL };
  SpCampaignPlanLine *drill, *pro, *saw;

  sp_campaign_set_scope_categories (campaign, paths);
  sp_campaign_set_start_date (campaign, "2026-12-01");
  sp_campaign_set_end_date (campaign, "2026-12-10");
  sp_campaign_set_margin_floor (campaign, 2000);
  sp_campaign_set_default_discount (campaign, 2000);
  sp_campaign_set_units_to_clear (campaign, 100);
  g_hash_table_insert (discounts, g_strdup ("SA-100"), g_memdup2 (&(gint64) { 5000 },
                                                                  sizeof (gint64)));

  scope = sp_campaign_plan_resolve_scope (campaign, catalog);
  plan = sp_campaign_plan_compute (campaign, scope, discounts, "2026-11-22");

  g_assert_cmpint (plan->days, ==, 10);
  g_assert_cmpuint (plan->lines->len, ==, 3);
  drill = g_ptr_array_index (plan->lines, 0);
  pro = g_ptr_array_index (plan->lines, 1);
  saw = g_ptr_array_index (plan->lines, 2);

  /* 20% off 100.00 is 80.00; margin (80 − 60) / 80 = 25%. */
  g_assert_cmpstr (drill->sku, ==, "DR-100");
  g_assert_cmpint (drill->old_price, ==, 10000);
  g_assert_cmpint (drill->new_price, ==, 8000);
  g_assert_cmpint (drill->margin_bp, ==, 2500);
  g_assert_false (drill->below_floor);
  /* 5.00/day lifted by 1 + 2 × 20% = 7.00/day for 10 days. */
  g_assert_cmpint (drill->units_cleared, ==, 70);
  g_assert_cmpint (drill->baseline_units, ==, 50);
  g_assert_cmpint (drill->revenue, ==, 70 * 8000);
  g_assert_cmpint (drill->margin, ==, 70 * 2000);

  /* 20% off 9.99 is 7.99 (the discount is rounded), under the 8.00 cost. */
  g_assert_cmpint (pro->new_price, ==, 799);
  g_assert_true (pro->below_cost);
  g_assert_true (pro->below_floor);
  /* 10/day × 1.4 × 10 days = 140, capped by the stock of 50. */
  g_assert_cmpint (pro->units_cleared, ==, 50);

  /* The per-SKU discount wins over the default. */
  g_assert_cmpint (saw->discount_bp, ==, 5000);
  g_assert_cmpint (saw->new_price, ==, 2500);
  g_assert_cmpint (saw->margin_bp, ==, 2000);
  g_assert_false (saw->below_floor);
  g_assert_cmpint (saw->units_cleared, ==, 10);

  g_assert_cmpuint (plan->n_below_floor, ==, 1);
  g_assert_cmpuint (plan->n_below_cost, ==, 1);
  g_assert_cmpint (plan->units_cleared, ==, 130);
  g_assert_cmpint (plan->revenue, ==, 70 * 8000 + 50 * 799 + 10 * 2500);
  g_assert_cmpint (plan->margin, ==, 70 * 2000 + 50 * (799 - 800) + 10 * 500);
  g_assert_true (plan->target_met);
  g_assert_cmpint (plan->stock_in_scope, ==, 1060);
}

static void
test_days (void)
{
  g_autoptr(GPtrArray) catalog = new_catalog ();
  g_autoptr(SpCampaign) campaign = sp_campaign_new ("Days");
  g_autoptr(SpCampaignPlan) by_target = NULL;
  g_autoptr(SpCampaignPlan) by_default = NULL;

  by_default = sp_campaign_plan_compute (campaign, catalog, NULL, NULL);
  g_assert_cmpint (by_default->days, ==, SP_CAMPAIGN_PLAN_DEFAULT_DAYS);
  g_assert_false (by_default->target_met);

  sp_campaign_set_target_date (campaign, "2026-12-01");
  by_target = sp_campaign_plan_compute (campaign, catalog, NULL, "2026-11-22");
  g_assert_cmpint (by_target->days, ==, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/campaign-plan/resolve-scope", test_resolve_scope);
  g_test_add_func ("/engine/campaign-plan/compute", test_compute);
  g_test_add_func ("/engine/campaign-plan/days", test_days);

  return g_test_run ();
}
