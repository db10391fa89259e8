/* test-planner.c: the planner's draft of a clearance plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small hand-made catalogs whose answers are worked out in the comments,
 * and a larger generated one for the properties every plan must have.
 */

#include "sp-engine-error.h"
#include "sp-money.h"
#include "sp-planner.h"
#include "sp-stock-level.h"

static SpProduct *
new_product (const char *sku,
             gint64      list_price,
             gint64      cost,
             gint64      stock,
             gint64      ads)
{
  SpProduct *product = sp_product_new (sku, sku);

  sp_product_set_category_path (product, "Tools/Drills");
  sp_product_set_list_price (product, list_price);
  sp_product_set_cost (product, cost);
  sp_product_set_currency (product, "EUR");
  sp_product_set_stock_on_hand (product, stock);
  sp_product_set_avg_daily_sales (product, ads);
  return product;
}

/* Every product sells 10 a day (ads 1000) unless noted; the campaign runs
 * 120 days, keeps 90 days of cover, and the floor is 20 %. */
static GPtrArray *
new_catalog (void)
{
  GPtrArray *products = g_ptr_array_new_with_free_func (g_object_unref);

  /* need 2000 − 900 = 1100; 120 days at full price sell 1200. */
  g_ptr_array_add (products, new_product ("A-ZERO", 10000, 5000, 2000, 1000));
  /* need 1600: 15 % sells 13/day → 1560, 20 % sells 14/day → 1680. */
  g_ptr_array_add (products, new_product ("B-STEP", 10000, 5000, 2500, 1000));
  /* need 2100 (40 % off); cost 70: 10 % leaves 22.2 %, 15 % leaves 17.6 %. */
  g_ptr_array_add (products, new_product ("C-FLOOR", 10000, 7000, 3000, 1000));
  /* no sales at all. */
  g_ptr_array_add (products, new_product ("D-NOSALES", 10000, 5000, 500, 0));
  /* need 4100: even 50 % (20/day → 2400) falls short; the floor allows 87.5 %. */
  g_ptr_array_add (products, new_product ("E-MAX", 10000, 1000, 5000, 1000));
  /* 100 days of cover: not overstocked. */
  g_ptr_array_add (products, new_product ("F-NORMAL", 10000, 5000, 1000, 1000));
  return products;
}

static SpCampaign *
new_campaign (void)
{
  SpCampaign *campaign = sp_campaign_new ("Planner");

  sp_campaign_set_start_date (campaign, "2027-01-01");
  sp_campaign_set_end_date (campaign, "2027-04-30");
  sp_campaign_set_margin_floor (campaign, 2000);
  return campaign;
}

static SpPlannerLine *
find_line (SpPlannerResult *result,
           const char      *sku)
{
  for (guint i = 0; i < result->lines->len; i++)
    {
      SpPlannerLine *line = g_ptr_array_index (result->lines, i);

      if (g_strcmp0 (line->sku, sku) == 0)
        return line;
    }

  g_error ("no line for %s", sku);
}

static void
test_hand_made (void)
{
  g_autoptr(GPtrArray) catalog = new_catalog ();
  g_autoptr(SpCampaign) campaign = new_campaign ();
  g_autoptr(SpPlannerResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SpPlannerLine *line;

  result = sp_planner_draft (campaign, catalog, NULL, NULL, "2026-11-01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->days, ==, 120);

  /* The empty scope means every overstocked product, by SKU. */
  g_assert_cmpuint (result->lines->len, ==, 5);
  g_assert_cmpstr (((SpPlannerLine *)g_ptr_array_index (result->lines, 0))->sku, ==, "A-ZERO");
  g_assert_cmpstr (((SpPlannerLine *)g_ptr_array_index (result->lines, 4))->sku, ==, "E-MAX");
  g_assert_cmpuint (result->skipped->len, ==, 0);

  line = find_line (result, "A-ZERO");
  g_assert_cmpint (line->need, ==, 1100);
  g_assert_cmpint (line->discount_bp, ==, 0);
  g_assert_cmpint (line->units_cleared, ==, 1200);
  g_assert_cmpint (line->flags, ==, SP_PLANNER_FLAG_REACHES_TARGET | SP_PLANNER_FLAG_NO_DISCOUNT_NEEDED);

  line = find_line (result, "B-STEP");
  g_assert_cmpint (line->need, ==, 1600);
  g_assert_cmpint (line->discount_bp, ==, 2000);
  g_assert_cmpint (line->new_price, ==, 8000);
  g_assert_cmpint (line->units_cleared, ==, 1680);
  g_assert_cmpint (line->flags, ==, SP_PLANNER_FLAG_REACHES_TARGET);

  line = find_line (result, "C-FLOOR");
  g_assert_cmpint (line->discount_bp, ==, 1000);
  g_assert_cmpint (line->floor_discount_bp, ==, 1000);
  g_assert_cmpint (line->margin_bp, ==, 2222);
  g_assert_cmpint (line->units_cleared, ==, 1440);
  g_assert_cmpint (line->flags, ==, SP_PLANNER_FLAG_CAPPED_BY_MARGIN_FLOOR);

  line = find_line (result, "D-NOSALES");
  g_assert_cmpint (line->discount_bp, ==, 0);
  g_assert_cmpint (line->need, ==, 500);
  g_assert_cmpint (line->units_cleared, ==, 0);
  g_assert_cmpint (line->flags, ==, SP_PLANNER_FLAG_NO_SALES);

  line = find_line (result, "E-MAX");
  g_assert_cmpint (line->discount_bp, ==, 5000);
  g_assert_cmpint (line->units_cleared, ==, 2400);
  g_assert_cmpint (line->flags, ==, SP_PLANNER_FLAG_CAPPED_BY_MAX_DISCOUNT);

  g_assert_cmpuint (sp_planner_result_count (result, SP_PLANNER_FLAG_REACHES_TARGET), ==, 2);
  g_assert_cmpuint (sp_planner_result_count (result, SP_PLANNER_FLAG_CAPPED_BY_MARGIN_FLOOR), ==, 1);
  g_assert_cmpuint (sp_planner_result_count (result, SP_PLANNER_FLAG_NO_SALES), ==, 1);
  g_assert_cmpstr (sp_planner_flag_to_string (SP_PLANNER_FLAG_NO_SALES), ==, "no_sales");
  g_assert_cmpstr (sp_planner_flag_describe (SP_PLANNER_FLAG_NO_SALES), ==,
                   "no sales history: discount does not help");
}

/* The totals are the shared projection of the drafted plan, and they add up
 * from the planner's own lines. */
static void
test_totals (void)
{
  g_autoptr(GPtrArray) catalog = new_catalog ();
  g_autoptr(SpCampaign) campaign = new_campaign ();
  g_autoptr(SpPlannerResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 units = 0, revenue = 0, margin = 0, need = 0;

  sp_campaign_set_units_to_clear (campaign, 10800);
  result = sp_planner_draft (campaign, catalog, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (result->plan->lines->len, ==, result->lines->len);
  for (guint i = 0; i < result->lines->len; i++)
    {
      SpPlannerLine *line = g_ptr_array_index (result->lines, i);
      SpCampaignPlanLine *plan_line = g_ptr_array_index (result->plan->lines, i);

      g_assert_cmpstr (plan_line->sku, ==, line->sku);
      g_assert_cmpint (plan_line->discount_bp, ==, line->discount_bp);
      g_assert_cmpint (plan_line->new_price, ==, line->new_price);
      g_assert_cmpint (plan_line->units_cleared, ==, line->units_cleared);
      g_assert_false (plan_line->below_floor);
      units += line->units_cleared;
      revenue += line->units_cleared * line->new_price;
      margin += line->units_cleared * (line->new_price - line->cost);
      need += line->need;
    }

  /* The scaled needs ask for more: A-ZERO 5 % (1320), B-STEP 30 % (1920),
   * C-FLOOR still 10 % (1440), D-NOSALES 0, E-MAX 50 % (2400). */
  g_assert_cmpint (find_line (result, "A-ZERO")->discount_bp, ==, 500);
  g_assert_cmpint (find_line (result, "B-STEP")->discount_bp, ==, 3000);
  g_assert_cmpint (units, ==, 7080);
  g_assert_cmpint (result->units_cleared, ==, units);
  g_assert_cmpint (result->revenue, ==, revenue);
  g_assert_cmpint (result->margin, ==, margin);
  g_assert_cmpint (result->margin_bp, ==, sp_money_ratio_bp (margin, revenue));
  g_assert_false (result->target_met);
  /* With the default elasticity, the shared projection says the same. */
  g_assert_cmpint (result->plan->units_cleared, ==, units);
  g_assert_cmpint (result->plan->revenue, ==, revenue);
  g_assert_cmpint (result->plan->margin, ==, margin);
  g_assert_cmpint (result->plan->units_to_clear, ==, 10800);
  g_assert_false (result->plan->target_met);
  /* The needs (1100 + 1600 + 2100 + 500 + 4100 = 9400) scaled up to the
   * campaign's 10,800 units, each rounded up (1264 + 1839 + 2413 + 575 +
   * 4711), and D-NOSALES's 575 back to its stock of 500. */
  g_assert_cmpint (result->need, ==, need);
  g_assert_cmpint (find_line (result, "D-NOSALES")->need, ==, 500);
  g_assert_cmpint (need, ==, 10727);
}

/* A scope: its categories and SKUs, the rest of it skipped with a reason;
 * stock and sales at the campaign's sites only. */
static void
test_scope_and_sites (void)
{
  g_autoptr(GPtrArray) catalog = new_catalog ();
  g_autoptr(GPtrArray) levels = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SpCampaign) campaign = new_campaign ();
  g_autoptr(SpPlannerResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char * const skus[] = { "B-STEP", "C-FLOOR", "F-NORMAL", NULL };
  const char * const sites[] = { "AT", NULL };
  SpStockLevel *level;
  SpPlannerLine *line;

  sp_campaign_set_scope_products (campaign, skus);
  sp_campaign_set_sites (campaign, sites);

  /* B-STEP: 2500 in Austria of 3000; C-FLOOR: only in Germany. */
  level = sp_stock_level_new ("B-STEP", "AT");
  sp_stock_level_set_stock_on_hand (level, 2500);
  sp_stock_level_set_avg_daily_sales (level, 1000);
  g_ptr_array_add (levels, level);
  level = sp_stock_level_new ("B-STEP", "DE");
  sp_stock_level_set_stock_on_hand (level, 500);
  sp_stock_level_set_avg_daily_sales (level, 500);
  g_ptr_array_add (levels, level);
  level = sp_stock_level_new ("C-FLOOR", "DE");
  sp_stock_level_set_stock_on_hand (level, 3000);
  sp_stock_level_set_avg_daily_sales (level, 1000);
  g_ptr_array_add (levels, level);
  sp_product_set_stock_on_hand (g_ptr_array_index (catalog, 1), 3000);

  result = sp_planner_draft (campaign, catalog, levels, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (result->lines->len, ==, 1);
  line = find_line (result, "B-STEP");
  g_assert_cmpint (line->stock_on_hand, ==, 2500);
  g_assert_cmpint (line->discount_bp, ==, 2000);
  /* The catalog's instance keeps its totals. */
  g_assert_cmpint (sp_product_get_stock_on_hand (g_ptr_array_index (catalog, 1)), ==, 3000);

  g_assert_cmpuint (result->skipped->len, ==, 2);
  g_assert_cmpstr (((SpPlannerSkip *)g_ptr_array_index (result->skipped, 0))->sku, ==, "C-FLOOR");
  g_assert_cmpstr (((SpPlannerSkip *)g_ptr_array_index (result->skipped, 1))->sku, ==, "F-NORMAL");
  g_assert_cmpstr (((SpPlannerSkip *)g_ptr_array_index (result->skipped, 1))->reason, ==, "not overstocked");
}

static void
test_constraints (void)
{
  g_autoptr(GPtrArray) catalog = new_catalog ();
  g_autoptr(SpCampaign) campaign = new_campaign ();
  g_autoptr(SpPlannerResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SpPlannerConstraints constraints;

  /* Steps of 3 %, at most 30 %: B-STEP needs 16.67 % → 18 %; E-MAX gets 30 %. */
  sp_planner_constraints_init (&constraints);
  constraints.step_bp = 300;
  constraints.max_discount_bp = 3000;
  result = sp_planner_draft (campaign, catalog, NULL, &constraints, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_line (result, "B-STEP")->discount_bp, ==, 1800);
  g_assert_cmpint (find_line (result, "C-FLOOR")->discount_bp, ==, 1200);
  g_assert_cmpint (find_line (result, "E-MAX")->discount_bp, ==, 3000);
  g_assert_cmpint (find_line (result, "E-MAX")->flags, ==, SP_PLANNER_FLAG_CAPPED_BY_MAX_DISCOUNT);
  g_clear_pointer (&result, sp_planner_result_free);

  /* A floor the list price already breaks: no discount, flagged. */
  sp_campaign_set_margin_floor (campaign, 6000);
  result = sp_planner_draft (campaign, catalog, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_line (result, "B-STEP")->discount_bp, ==, 0);
  g_assert_cmpint (find_line (result, "B-STEP")->floor_discount_bp, ==, -1);
  g_assert_cmpint (find_line (result, "B-STEP")->flags, ==, SP_PLANNER_FLAG_CAPPED_BY_MARGIN_FLOOR);
  g_clear_pointer (&result, sp_planner_result_free);

  /* A more elastic demand (4.0): B-STEP needs only 10 % (1440 + 240 ≥ 1600),
   * and the totals follow the planner's lines. */
  sp_campaign_set_margin_floor (campaign, 2000);
  sp_planner_constraints_init (&constraints);
  constraints.elasticity_x100 = 400;
  result = sp_planner_draft (campaign, catalog, NULL, &constraints, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_line (result, "B-STEP")->discount_bp, ==, 1000);
  g_assert_cmpint (find_line (result, "B-STEP")->units_cleared, ==, 1680);
  {
    gint64 units = 0;

    for (guint i = 0; i < result->lines->len; i++)
      units += ((SpPlannerLine *)g_ptr_array_index (result->lines, i))->units_cleared;
    g_assert_cmpint (result->units_cleared, ==, units);
    g_assert_cmpint (result->plan->units_cleared, <, units);
  }
  g_clear_pointer (&result, sp_planner_result_free);

  constraints.step_bp = 0;
  result = sp_planner_draft (campaign, catalog, NULL, &constraints, NULL, &error);
  g_assert_error (error, SP_ENGINE_ERROR, SP_ENGINE_ERROR_INVALID);
  g_assert_null (result);
  g_assert_nonnull (g_strstr_len (error->message, -1, "step"));
}

static GPtrArray *
new_generated_catalog (guint32 seed)
{
  GPtrArray *products = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *sku = g_strdup_printf ("G-%04u", (i * 7919) % 300);
      gint64 price = g_rand_int_range (rand, 100, 100000);
      gint64 cost = price * g_rand_int_range (rand, 30, 105) / 100;
      gint64 ads = g_rand_int_range (rand, 0, 8) == 0 ? 0 : g_rand_int_range (rand, 1, 5000);

      g_ptr_array_add (products, new_product (sku, price, cost, g_rand_int_range (rand, 0, 20000), ads));
    }

  return products;
}

/* Every plan: steps within the maximum, never under the floor unless the
 * list price is, and the smallest step that reaches the need. */
static void
test_properties (void)
{
  g_autoptr(GPtrArray) catalog = new_generated_catalog (42);
  g_autoptr(SpCampaign) campaign = new_campaign ();
  g_autoptr(SpPlannerResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n_stepped = 0, n_floored = 0;

  sp_campaign_set_margin_floor (campaign, 1500);
  result = sp_planner_draft (campaign, catalog, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->lines->len, >, 50);

  for (guint i = 0; i < result->lines->len; i++)
    {
      SpPlannerLine *line = g_ptr_array_index (result->lines, i);
      SpCampaignPlanLine *plan_line = g_ptr_array_index (result->plan->lines, i);

      g_assert_cmpint (line->discount_bp % SP_PLANNER_DEFAULT_STEP_BP, ==, 0);
      g_assert_cmpint (line->discount_bp, <=, SP_PLANNER_DEFAULT_MAX_DISCOUNT_BP);
      if (line->floor_discount_bp >= 0)
        g_assert_false (plan_line->below_floor);
      else
        {
          /* The list price itself is under the floor: no discount at all. */
          g_assert_cmpint (line->discount_bp, ==, 0);
          g_assert_true (line->flags & (SP_PLANNER_FLAG_CAPPED_BY_MARGIN_FLOOR | SP_PLANNER_FLAG_NO_SALES));
        }

      if ((line->flags & SP_PLANNER_FLAG_REACHES_TARGET) && line->discount_bp > 0)
        {
          /* One step less, projected by sp-campaign-plan, falls short. */
          g_autoptr(GPtrArray) one = g_ptr_array_new ();
          g_autoptr(GHashTable) discounts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
          g_autoptr(SpCampaignPlan) less = NULL;
          gint64 bp = line->discount_bp - SP_PLANNER_DEFAULT_STEP_BP;

          g_ptr_array_add (one, g_ptr_array_index (result->products, i));
          g_hash_table_insert (discounts, line->sku, g_memdup2 (&bp, sizeof bp));
          less = sp_campaign_plan_compute (campaign, one, discounts, NULL);
          g_assert_cmpint (((SpCampaignPlanLine *)g_ptr_array_index (less->lines, 0))->units_cleared, <,
                           line->need);
          g_assert_cmpint (line->units_cleared, >=, line->need);
          n_stepped++;
        }
      if (line->flags & SP_PLANNER_FLAG_CAPPED_BY_MARGIN_FLOOR && line->floor_discount_bp >= 0)
        {
          gint64 deeper = sp_money_apply_discount (line->old_price, line->discount_bp + SP_PLANNER_DEFAULT_STEP_BP);

          g_assert_cmpint (sp_money_margin_bp (deeper, line->cost), <, 1500);
          n_floored++;
        }
    }

  /* The generated catalog has every case. */
  g_assert_cmpuint (n_stepped, >, 5);
  g_assert_cmpuint (n_floored, >, 5);
  g_assert_cmpuint (sp_planner_result_count (result, SP_PLANNER_FLAG_NO_SALES), >, 5);
  g_assert_cmpuint (sp_planner_result_count (result, SP_PLANNER_FLAG_CAPPED_BY_MAX_DISCOUNT), >, 5);
}

/* The order of the catalog does not matter. */
static void
test_deterministic (void)
{
  g_autoptr(GPtrArray) catalog = new_generated_catalog (7);
  g_autoptr(GPtrArray) reversed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SpCampaign) campaign = new_campaign ();
  g_autoptr(SpPlannerResult) a = NULL;
  g_autoptr(SpPlannerResult) b = NULL;

  for (guint i = catalog->len; i > 0; i--)
    g_ptr_array_add (reversed, g_object_ref (g_ptr_array_index (catalog, i - 1)));

  sp_campaign_set_units_to_clear (campaign, 50000);
  a = sp_planner_draft (campaign, catalog, NULL, NULL, NULL, NULL);
  b = sp_planner_draft (campaign, reversed, NULL, NULL, NULL, NULL);

  g_assert_cmpuint (a->lines->len, ==, b->lines->len);
  for (guint i = 0; i < a->lines->len; i++)
    {
      SpPlannerLine *la = g_ptr_array_index (a->lines, i);
      SpPlannerLine *lb = g_ptr_array_index (b->lines, i);

      if (i > 0)
        g_assert_cmpstr (((SpPlannerLine *)g_ptr_array_index (a->lines, i - 1))->sku, <, la->sku);
      g_assert_cmpstr (la->sku, ==, lb->sku);
      g_assert_cmpint (la->need, ==, lb->need);
      g_assert_cmpint (la->discount_bp, ==, lb->discount_bp);
      g_assert_cmpint (la->flags, ==, lb->flags);
    }
  g_assert_cmpint (a->plan->revenue, ==, b->plan->revenue);
  g_assert_cmpint (a->plan->units_cleared, ==, b->plan->units_cleared);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/planner/hand-made", test_hand_made);
  g_test_add_func ("/engine/planner/totals", test_totals);
  g_test_add_func ("/engine/planner/scope-and-sites", test_scope_and_sites);
  g_test_add_func ("/engine/planner/constraints", test_constraints);
  g_test_add_func ("/engine/planner/properties", test_properties);
  g_test_add_func ("/engine/planner/deterministic", test_deterministic);

  return g_test_run ();
}
