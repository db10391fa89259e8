/* test-pricing-engine.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Semantics of the pricing engine on small hand-written workloads: every
 * operator, Any/All, subgroups and exclusions, the category hierarchy,
 * validity dates, stacking and the cap, tiers (each basis and calculate
 * mode, blocks and remainders), exclusive promotions, line sequence and the
 * party-supplies example of issue 4.
 */

#include <json-glib/json-glib.h>
#include <string.h>

#include "sp-pricing-engine.h"
#include "sp-workload.h"

/* Catalog: ROOT > PARTY > BALLOONS, ROOT > TOOLS.
 * BAL-1 (balloons, 10.00), CUP-1 (party, 2.50), DRL-1 (tools, 100.00). */
static const char *catalog =
  "\"categories\": [{\"id\": \"ROOT\", \"parent\": null}, {\"id\": \"PARTY\", \"parent\": \"ROOT\"},"
  " {\"id\": \"BALLOONS\", \"parent\": \"PARTY\"}, {\"id\": \"TOOLS\", \"parent\": \"ROOT\"}],"
  "\"products\": [{\"sku\": \"BAL-1\", \"category\": \"BALLOONS\", \"uom\": \"Each\", \"list_price\": \"10.00\"},"
  " {\"sku\": \"CUP-1\", \"category\": \"PARTY\", \"uom\": \"Box\", \"list_price\": \"2.50\"},"
  " {\"sku\": \"DRL-1\", \"category\": \"TOOLS\", \"uom\": \"Each\", \"list_price\": \"100.00\"}]";

static const char *header =
  "\"id\": \"ORD1\", \"date\": \"2024-08-10\", \"customer\": \"CUST1\", \"customer_account\": \"ACC1\","
  " \"bill_country\": \"US\", \"ship_country\": \"DE\", \"currency\": \"USD\", \"business_unit\": \"BU-NA\","
  " \"shipment_method\": \"Ground\", \"payment_term\": \"NET30\", \"pricing_strategy\": \"Corporate\"";

typedef struct
{
  SpWorkload      *workload;
  SpPricingEngine *engine;
  GArray          *lines;   /* SpLinePrice of order 0 */
} Priced;

static void
priced_free (Priced *p)
{
  g_clear_pointer (&p->lines, g_array_unref);
  g_clear_pointer (&p->engine, sp_pricing_engine_free);
  g_clear_pointer (&p->workload, sp_workload_free);
  g_free (p);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Priced, priced_free)

/* Prices one order with @lines (a JSON array) and @promotions (a JSON array). */
static Priced *
price (const char *promotions,
       const char *lines)
{
  g_autofree char *text = g_strdup_printf ("{\"format\": \"promotion-workload/1\", %s, \"promotions\": %s,"
                                           " \"orders\": [{%s, \"lines\": %s}]}",
                                           catalog, promotions, header, lines);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  Priced *p = g_new0 (Priced, 1);

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  p->workload = sp_workload_load_json (json_parser_get_root (parser), &error);
  g_assert_no_error (error);
  p->engine = sp_pricing_engine_new (p->workload, &error);
  g_assert_no_error (error);
  p->lines = sp_pricing_engine_price_order (p->engine, 0);

  return p;
}

static const SpLinePrice *
line_at (Priced *p,
         guint   i)
{
  g_assert_cmpuint (i, <, p->lines->len);
  return &g_array_index (p->lines, SpLinePrice, i);
}

static const SpPriceAdjustment *
adjustment_at (const SpLinePrice *line,
               guint              i)
{
  g_assert_cmpuint (i, <, line->adjustments->len);
  return &g_array_index (line->adjustments, SpPriceAdjustment, i);
}

/* One promotion PROMO1 (2024-08-01..2024-08-31) with one line: @rule, and
 * 10 % off everything; returns the discount of one line of 3 × BAL-1. */
static gint64
discount_with_rule (const char *rule)
{
  g_autofree char *promotions = g_strdup_printf (
    "[{\"number\": \"PROMO1\", \"name\": \"Rule\", \"start\": \"2024-08-01\", \"end\": \"2024-08-31\","
    " \"lines\": [{\"number\": \"1\", \"eligibility\": %s,"
    " \"benefits\": [{\"applies_to\": \"all\", \"type\": \"percent\", \"value\": \"10\"}]}]}]", rule);
  g_autoptr(Priced) p = price (promotions, "[{\"sku\": \"BAL-1\", \"qty\": 3, \"uom\": \"Each\"},"
                                            " {\"sku\": \"DRL-1\", \"qty\": 1, \"uom\": \"Each\"}]");

  return line_at (p, 0)->discount;
}

static gboolean
condition_holds (const char *condition)
{
  g_autofree char *rule = g_strdup_printf ("{\"operator\": \"all\", \"groups\": [{\"operator\": \"all\","
                                           " \"conditions\": [%s], \"subgroup\": null, \"exclusion\": null}]}",
                                           condition);
  gint64 discount = discount_with_rule (rule);

  g_assert_true (discount == 0 || discount == 300);
  return discount == 300;
}

#define COND(attr, op, value) "{\"attribute\": \"" attr "\", \"op\": \"" op "\", \"value\": " value "}"

static void
test_operators_strings (void)
{
  g_assert_true (condition_holds (COND ("customer", "eq", "\"CUST1\"")));
  g_assert_false (condition_holds (COND ("customer", "eq", "\"CUST2\"")));
  g_assert_true (condition_holds (COND ("customer", "ne", "\"CUST2\"")));
  g_assert_false (condition_holds (COND ("customer", "ne", "\"CUST1\"")));
  g_assert_true (condition_holds (COND ("ship_country", "in", "[\"FR\", \"DE\"]")));
  g_assert_false (condition_holds (COND ("ship_country", "in", "[\"FR\", \"US\"]")));
  g_assert_true (condition_holds (COND ("bill_country", "not_in", "[\"FR\", \"DE\"]")));
  g_assert_false (condition_holds (COND ("bill_country", "not_in", "[\"US\"]")));
  g_assert_true (condition_holds (COND ("uom", "eq", "\"Each\"")));
  g_assert_true (condition_holds (COND ("item", "eq", "\"BAL-1\"")));
  g_assert_false (condition_holds (COND ("item", "in", "[\"CUP-1\", \"DRL-1\"]")));
  g_assert_true (condition_holds (COND ("currency", "eq", "\"USD\"")));
  g_assert_true (condition_holds (COND ("business_unit", "eq", "\"BU-NA\"")));
  g_assert_true (condition_holds (COND ("shipment_method", "eq", "\"Ground\"")));
  g_assert_true (condition_holds (COND ("payment_term", "eq", "\"NET30\"")));
  g_assert_true (condition_holds (COND ("pricing_strategy", "eq", "\"Corporate\"")));
  g_assert_true (condition_holds (COND ("customer_account", "eq", "\"ACC1\"")));
  /* An attribute the order does not have equals nothing. */
  g_assert_false (condition_holds (COND ("ship_city", "eq", "\"Berlin\"")));
  g_assert_true (condition_holds (COND ("ship_city", "ne", "\"Berlin\"")));
}

static void
test_operators_numbers (void)
{
  /* The line: 3 × 10.00 = 30.00; the order total is 130.00. */
  g_assert_true (condition_holds (COND ("line_quantity", "eq", "3")));
  g_assert_false (condition_holds (COND ("line_quantity", "ne", "3")));
  g_assert_true (condition_holds (COND ("line_quantity", "lt", "4")));
  g_assert_false (condition_holds (COND ("line_quantity", "lt", "3")));
  g_assert_true (condition_holds (COND ("line_quantity", "le", "3")));
  g_assert_false (condition_holds (COND ("line_quantity", "le", "2")));
  g_assert_true (condition_holds (COND ("line_quantity", "gt", "2")));
  g_assert_false (condition_holds (COND ("line_quantity", "gt", "3")));
  g_assert_true (condition_holds (COND ("line_quantity", "ge", "3")));
  g_assert_false (condition_holds (COND ("line_quantity", "ge", "4")));
  g_assert_true (condition_holds (COND ("line_amount", "ge", "\"30.00\"")));
  g_assert_false (condition_holds (COND ("line_amount", "gt", "\"30\"")));
  g_assert_true (condition_holds (COND ("line_amount", "lt", "\"30.01\"")));
  g_assert_true (condition_holds (COND ("order_total", "eq", "\"130.00\"")));
  g_assert_false (condition_holds (COND ("order_total", "le", "\"129.99\"")));
}

static void
test_category_hierarchy (void)
{
  /* BAL-1 is in BALLOONS, under PARTY, under ROOT. */
  g_assert_true (condition_holds (COND ("item_category", "eq", "\"BALLOONS\"")));
  g_assert_true (condition_holds (COND ("item_category", "eq", "\"PARTY\"")));
  g_assert_true (condition_holds (COND ("item_category", "eq", "\"ROOT\"")));
  g_assert_false (condition_holds (COND ("item_category", "eq", "\"TOOLS\"")));
  g_assert_true (condition_holds (COND ("item_category", "ne", "\"TOOLS\"")));
  g_assert_false (condition_holds (COND ("item_category", "ne", "\"PARTY\"")));
  g_assert_true (condition_holds (COND ("item_category", "in", "[\"TOOLS\", \"PARTY\"]")));
  g_assert_false (condition_holds (COND ("item_category", "not_in", "[\"TOOLS\", \"PARTY\"]")));
  g_assert_true (condition_holds (COND ("item_category", "not_in", "[\"TOOLS\"]")));
}

#define BLOCK(op, c) "{\"operator\": \"" op "\", \"conditions\": [" c "]}"
#define T COND ("customer", "eq", "\"CUST1\"")
#define F COND ("customer", "eq", "\"NOBODY\"")

static gboolean
rule_holds (const char *rule_operator,
            const char *group1,
            const char *group2)
{
  g_autofree char *rule = g_strdup_printf ("{\"operator\": \"%s\", \"groups\": [%s, %s]}",
                                           rule_operator, group1, group2);

  return discount_with_rule (rule) > 0;
}

static void
test_any_all (void)
{
  const char *g_true = "{\"operator\": \"any\", \"conditions\": [" F ", " T "]}";
  const char *g_false = "{\"operator\": \"all\", \"conditions\": [" F ", " T "]}";
  const char *g_all_true = "{\"operator\": \"all\", \"conditions\": [" T ", " T "]}";
  const char *g_any_false = "{\"operator\": \"any\", \"conditions\": [" F ", " F "]}";

  g_assert_true (rule_holds ("all", g_true, g_all_true));
  g_assert_false (rule_holds ("all", g_true, g_false));
  g_assert_true (rule_holds ("any", g_false, g_true));
  g_assert_false (rule_holds ("any", g_false, g_any_false));
  g_assert_true (rule_holds ("any", g_any_false, g_all_true));
  g_assert_false (rule_holds ("all", g_any_false, g_any_false));

  /* No rule at all always holds. */
  g_assert_cmpint (discount_with_rule ("null"), ==, 300);
}

static void
test_subgroup_exclusion (void)
{
  g_assert_true (rule_holds ("all", "{\"operator\": \"all\", \"conditions\": [" T "], \"subgroup\": " BLOCK ("any", T) "}",
                             "{\"operator\": \"all\", \"conditions\": [" T "]}"));
  /* The subgroup is AND-ed to its group. */
  g_assert_false (rule_holds ("any", "{\"operator\": \"all\", \"conditions\": [" T "], \"subgroup\": " BLOCK ("all", F) "}",
                              "{\"operator\": \"all\", \"conditions\": [" F "]}"));
  /* The exclusion is a NOT on its group. */
  g_assert_false (rule_holds ("any", "{\"operator\": \"all\", \"conditions\": [" T "], \"exclusion\": " BLOCK ("any", T) "}",
                              "{\"operator\": \"all\", \"conditions\": [" F "]}"));
  g_assert_true (rule_holds ("any", "{\"operator\": \"all\", \"conditions\": [" T "], \"exclusion\": " BLOCK ("all", T ", " F) "}",
                             "{\"operator\": \"all\", \"conditions\": [" F "]}"));
  g_assert_false (rule_holds ("all", "{\"operator\": \"all\", \"conditions\": [" T "], \"subgroup\": " BLOCK ("all", T)
                              ", \"exclusion\": " BLOCK ("any", COND ("item_category", "eq", "\"PARTY\"")) "}",
                              "{\"operator\": \"all\", \"conditions\": [" T "]}"));
}

static gint64
discount_in_window (const char *start,
                    const char *end)
{
  g_autofree char *promotions = g_strdup_printf (
    "[{\"number\": \"P\", \"name\": \"Dates\", \"start\": \"%s\", \"end\": \"%s\", \"lines\": [{\"number\": \"1\","
    " \"eligibility\": null, \"benefits\": [{\"applies_to\": \"item\", \"item\": \"BAL-1\", \"type\": \"amount\", \"value\": \"1\"}]}]}]",
    start, end);
  g_autoptr(Priced) p = price (promotions, "[{\"sku\": \"BAL-1\", \"qty\": 2, \"uom\": \"Each\"}]");

  return line_at (p, 0)->discount;
}

static void
test_validity_dates (void)
{
  /* The order is dated 2024-08-10; both ends are included. */
  g_assert_cmpint (discount_in_window ("2024-08-10", "2024-08-10"), ==, 200);
  g_assert_cmpint (discount_in_window ("2024-08-01", "2024-08-09"), ==, 0);
  g_assert_cmpint (discount_in_window ("2024-08-11", "2024-12-31"), ==, 0);
  g_assert_cmpint (discount_in_window ("2023-01-01", "2024-08-10"), ==, 200);
}

static void
test_stacking_and_cap (void)
{
  g_autoptr(Priced) p = price (
    "[{\"number\": \"A\", \"name\": \"Item\", \"start\": \"2024-08-01\", \"end\": \"2024-08-31\", \"lines\": ["
    "  {\"number\": \"1\", \"eligibility\": null, \"benefits\": ["
    "    {\"applies_to\": \"item\", \"item\": \"BAL-1\", \"type\": \"percent\", \"value\": \"20\"},"
    "    {\"applies_to\": \"item_category\", \"item_category\": \"PARTY\", \"type\": \"percent\", \"value\": \"10\"}]}]},"
    " {\"number\": \"B\", \"name\": \"Big\", \"start\": \"2024-08-01\", \"end\": \"2024-08-31\", \"lines\": ["
    "  {\"number\": \"1\", \"eligibility\": null, \"benefits\": ["
    "    {\"applies_to\": \"item\", \"item\": \"DRL-1\", \"type\": \"amount\", \"value\": \"60\"},"
    "    {\"applies_to\": \"item\", \"item\": \"DRL-1\", \"type\": \"new_price\", \"value\": \"50\"}]}]}]",
    "[{\"sku\": \"BAL-1\", \"qty\": 3, \"uom\": \"Each\"}, {\"sku\": \"DRL-1\", \"qty\": 2, \"uom\": \"Each\"}]");
  const SpLinePrice *balloons = line_at (p, 0);
  const SpLinePrice *drill = line_at (p, 1);

  /* 20 % on the item plus 10 % on its category make 30 % of 30.00. */
  g_assert_cmpint (balloons->list_amount, ==, 3000);
  g_assert_cmpint (balloons->discount, ==, 900);
  g_assert_cmpint (balloons->net, ==, 2100);
  g_assert_cmpuint (balloons->adjustments->len, ==, 2);
  g_assert_cmpint (adjustment_at (balloons, 0)->amount, ==, 600);
  g_assert_cmpint (adjustment_at (balloons, 1)->amount, ==, 300);
  g_assert_cmpuint (adjustment_at (balloons, 1)->benefit_index, ==, 2);

  /* 60.00 × 2 off plus (100 − 50) × 2 is 220.00, capped at 200.00: the
   * second adjustment is cut to what is left. */
  g_assert_cmpint (drill->discount, ==, 20000);
  g_assert_cmpint (drill->net, ==, 0);
  g_assert_cmpint (adjustment_at (drill, 0)->amount, ==, 12000);
  g_assert_cmpint (adjustment_at (drill, 0)->state, ==, SP_ADJUSTMENT_APPLIED);
  g_assert_cmpint (adjustment_at (drill, 1)->computed, ==, 10000);
  g_assert_cmpint (adjustment_at (drill, 1)->amount, ==, 8000);
  g_assert_cmpint (adjustment_at (drill, 1)->state, ==, SP_ADJUSTMENT_CAPPED);
}

static void
test_percent_half_up (void)
{
  /* 12.50 % of 3 × 2.50 = 0.9375 → 0.94; 12.25 % of 7.50 = 0.91875 → 0.92. */
  g_autoptr(Priced) p = price (
    "[{\"number\": \"A\", \"name\": \"Round\", \"start\": \"2024-08-01\", \"end\": \"2024-08-31\", \"lines\": ["
    "  {\"number\": \"1\", \"eligibility\": null, \"benefits\": ["
    "    {\"applies_to\": \"item\", \"item\": \"CUP-1\", \"type\": \"percent\", \"value\": \"12.50\"}]},"
    "  {\"number\": \"2\", \"eligibility\": null, \"benefits\": ["
    "    {\"applies_to\": \"item\", \"item\": \"CUP-1\", \"type\": \"percent\", \"value\": \"12.25\"}]}]}]",
    "[{\"sku\": \"CUP-1\", \"qty\": 3, \"uom\": \"Box\"}]");

  g_assert_cmpint (adjustment_at (line_at (p, 0), 0)->amount, ==, 94);
  g_assert_cmpint (adjustment_at (line_at (p, 0), 1)->amount, ==, 92);
  g_assert_cmpint (line_at (p, 0)->discount, ==, 186);
}

static const char *party_promotion =
  "[{\"number\": \"PARTY\", \"name\": \"Party volume\", \"start\": \"2024-08-01\", \"end\": \"2024-08-31\", \"lines\": ["
  "  {\"number\": \"1\", \"eligibility\": null, \"benefits\": ["
  "    {\"applies_to\": \"item_category\", \"item_category\": \"PARTY\", \"type\": \"tiered\","
  "     \"basis\": \"target_total\", \"calculate\": \"lump_sum\", \"tiers\": ["
  "       {\"from\": \"3000\", \"to\": \"8000\", \"adjustment\": \"percent\", \"value\": \"3\"},"
  "       {\"from\": \"8000\", \"to\": \"12000\", \"adjustment\": \"percent\", \"value\": \"6\"},"
  "       {\"from\": \"12000\", \"to\": \"20000\", \"adjustment\": \"percent\", \"value\": \"10\"}]}]}]}]";

static void
test_party_supplies (void)
{
  /* Party supplies on the order: 500 × 10.00 + 1,600 × 2.50 = 9,000.00 → 6 %
   * on each party line; the drill is not a party supply. */
  g_autoptr(Priced) p = price (party_promotion,
                               "[{\"sku\": \"BAL-1\", \"qty\": 500, \"uom\": \"Each\"},"
                               " {\"sku\": \"CUP-1\", \"qty\": 1600, \"uom\": \"Box\"},"
                               " {\"sku\": \"DRL-1\", \"qty\": 50, \"uom\": \"Each\"}]");
  g_autoptr(Priced) small = price (party_promotion, "[{\"sku\": \"BAL-1\", \"qty\": 299, \"uom\": \"Each\"}]");
  g_autoptr(Priced) top = price (party_promotion, "[{\"sku\": \"BAL-1\", \"qty\": 1200, \"uom\": \"Each\"}]");
  g_autoptr(Priced) above = price (party_promotion, "[{\"sku\": \"BAL-1\", \"qty\": 2000, \"uom\": \"Each\"}]");

  g_assert_cmpint (line_at (p, 0)->discount, ==, 30000);
  g_assert_cmpint (line_at (p, 1)->discount, ==, 24000);
  g_assert_cmpint (line_at (p, 2)->discount, ==, 0);
  g_assert_cmpint (adjustment_at (line_at (p, 0), 0)->type, ==, SP_BENEFIT_TYPE_TIERED);

  /* 2,990.00 is below the first tier: no adjustment, no application. */
  g_assert_cmpuint (line_at (small, 0)->adjustments->len, ==, 0);
  /* 12,000.00 is in the third tier (from ≤ total < to). */
  g_assert_cmpint (line_at (top, 0)->discount, ==, 120000);
  /* 20,000.00 is above the last tier. */
  g_assert_cmpint (line_at (above, 0)->discount, ==, 0);
}

static gint64
tiered_discount (const char *benefit,
                 const char *lines)
{
  g_autofree char *promotions = g_strdup_printf (
    "[{\"number\": \"T\", \"name\": \"Tiers\", \"start\": \"2024-08-01\", \"end\": \"2024-08-31\","
    " \"lines\": [{\"number\": \"1\", \"eligibility\": null, \"benefits\": [%s]}]}]", benefit);
  g_autoptr(Priced) p = price (promotions, lines);

  return line_at (p, 0)->discount;
}

static void
test_tiers (void)
{
  const char *per_unit = "{\"applies_to\": \"item\", \"item\": \"BAL-1\", \"type\": \"tiered\","
    " \"basis\": \"line_quantity\", \"calculate\": \"per_unit\", \"tiers\": ["
    " {\"from\": 1, \"to\": 10, \"adjustment\": \"amount\", \"value\": \"0.50\"},"
    " {\"from\": 10, \"to\": null, \"adjustment\": \"amount\", \"value\": \"1.00\"}]}";
  const char *lump = "{\"applies_to\": \"item\", \"item\": \"BAL-1\", \"type\": \"tiered\","
    " \"basis\": \"line_amount\", \"calculate\": \"lump_sum\", \"tiers\": ["
    " {\"from\": \"0\", \"to\": \"100\", \"adjustment\": \"amount\", \"value\": \"2.00\"},"
    " {\"from\": \"100\", \"to\": null, \"adjustment\": \"percent\", \"value\": \"5\"}]}";
  const char *blocks = "{\"applies_to\": \"item\", \"item\": \"BAL-1\", \"type\": \"tiered\","
    " \"basis\": \"line_quantity\", \"calculate\": \"lump_sum\", \"tiers\": ["
    " {\"from\": 1, \"to\": null, \"adjustment\": \"amount\", \"value\": \"3.00\", \"block_size\": 4,"
    "  \"remainder\": \"new_lump_sum\"}]}";
  const char *blocks_none = "{\"applies_to\": \"item\", \"item\": \"BAL-1\", \"type\": \"tiered\","
    " \"basis\": \"line_quantity\", \"calculate\": \"lump_sum\", \"tiers\": ["
    " {\"from\": 1, \"to\": null, \"adjustment\": \"amount\", \"value\": \"3.00\", \"block_size\": 4,"
    "  \"remainder\": \"none\"}]}";
  const char *quantity_decimal = "{\"applies_to\": \"all\", \"type\": \"tiered\","
    " \"basis\": \"line_quantity\", \"calculate\": \"per_unit\", \"tiers\": ["
    " {\"from\": \"2.5\", \"to\": null, \"adjustment\": \"percent\", \"value\": \"10\"}]}";

  /* per_unit: 0.50 a unit below 10 units, 1.00 from 10. */
  g_assert_cmpint (tiered_discount (per_unit, "[{\"sku\": \"BAL-1\", \"qty\": 9}]"), ==, 450);
  g_assert_cmpint (tiered_discount (per_unit, "[{\"sku\": \"BAL-1\", \"qty\": 10}]"), ==, 1000);
  /* lump_sum: 2.00 once below 100.00 of line amount, 5 % from 100.00. */
  g_assert_cmpint (tiered_discount (lump, "[{\"sku\": \"BAL-1\", \"qty\": 9}]"), ==, 200);
  g_assert_cmpint (tiered_discount (lump, "[{\"sku\": \"BAL-1\", \"qty\": 10}]"), ==, 500);
  /* Blocks of 4: 10 units are 2 blocks (6.00) and 2 left over (3.00 × 2/4). */
  g_assert_cmpint (tiered_discount (blocks, "[{\"sku\": \"BAL-1\", \"qty\": 10}]"), ==, 750);
  g_assert_cmpint (tiered_discount (blocks_none, "[{\"sku\": \"BAL-1\", \"qty\": 10}]"), ==, 600);
  /* Leftover 1 of 3: 3.00 × 1/3 = 1.00; leftover 1 of 4 at 0.01: 0.0025 → 0.00. */
  g_assert_cmpint (tiered_discount (blocks, "[{\"sku\": \"BAL-1\", \"qty\": 5}]"), ==, 375);
  /* Quantity tiers compare hundredths: 2 units are below 2.5, 3 are not. */
  g_assert_cmpint (tiered_discount (quantity_decimal, "[{\"sku\": \"BAL-1\", \"qty\": 2}]"), ==, 0);
  g_assert_cmpint (tiered_discount (quantity_decimal, "[{\"sku\": \"BAL-1\", \"qty\": 3}]"), ==, 300);
}

static const char *
exclusive_promotions (const char *a_value,
                      const char *b_value,
                      const char *c_value)
{
  return g_strdup_printf (
    "[{\"number\": \"S1\", \"name\": \"Stacking\", \"start\": \"2024-08-01\", \"end\": \"2024-08-31\", \"lines\": ["
    "  {\"number\": \"1\", \"eligibility\": null, \"benefits\": ["
    "    {\"applies_to\": \"all\", \"type\": \"percent\", \"value\": \"%s\"}]}]},"
    " {\"number\": \"X2\", \"name\": \"Exclusive two\", \"stacking\": \"exclusive\", \"start\": \"2024-08-01\","
    "  \"end\": \"2024-08-31\", \"lines\": [{\"number\": \"1\", \"eligibility\": null, \"benefits\": ["
    "    {\"applies_to\": \"all\", \"type\": \"percent\", \"value\": \"%s\"}]}]},"
    " {\"number\": \"X1\", \"name\": \"Exclusive one\", \"stacking\": \"exclusive\", \"start\": \"2024-08-01\","
    "  \"end\": \"2024-08-31\", \"lines\": [{\"number\": \"1\", \"eligibility\": null, \"benefits\": ["
    "    {\"applies_to\": \"all\", \"type\": \"percent\", \"value\": \"%s\"}]}]}]",
    a_value, b_value, c_value);
}

static void
test_exclusive (void)
{
  const char *line = "[{\"sku\": \"DRL-1\", \"qty\": 1, \"uom\": \"Each\"}]";
  g_autofree char *best_exclusive = (char *)exclusive_promotions ("10", "25", "20");
  g_autofree char *stack_wins = (char *)exclusive_promotions ("30", "25", "20");
  g_autofree char *tie = (char *)exclusive_promotions ("5", "20", "20");
  g_autofree char *stack_tie = (char *)exclusive_promotions ("20", "20", "10");
  g_autoptr(Priced) p1 = price (best_exclusive, line);
  g_autoptr(Priced) p2 = price (stack_wins, line);
  g_autoptr(Priced) p3 = price (tie, line);
  g_autoptr(Priced) p4 = price (stack_tie, line);
  const SpLinePrice *l;

  /* X2 (25 %) beats the stacking 10 % and X1's 20 %. */
  l = line_at (p1, 0);
  g_assert_cmpint (l->discount, ==, 2500);
  g_assert_nonnull (l->note);
  g_assert_nonnull (strstr (l->note, "X2"));
  for (guint i = 0; i < l->adjustments->len; i++)
    {
      const SpPriceAdjustment *a = adjustment_at (l, i);
      gboolean kept = g_str_equal (sp_promotion_get_number (a->promotion), "X2");

      g_assert_cmpint (a->state == SP_ADJUSTMENT_SET_ASIDE, ==, !kept);
    }

  /* The stacking 30 % beats both. */
  g_assert_cmpint (line_at (p2, 0)->discount, ==, 3000);
  g_assert_cmpint (adjustment_at (line_at (p2, 0), 0)->state, ==, SP_ADJUSTMENT_APPLIED);
  g_assert_cmpint (adjustment_at (line_at (p2, 0), 1)->state, ==, SP_ADJUSTMENT_SET_ASIDE);
  g_assert_cmpint (adjustment_at (line_at (p2, 0), 2)->state, ==, SP_ADJUSTMENT_SET_ASIDE);

  /* Two exclusive promotions give the same: the lower number (X1) wins. */
  l = line_at (p3, 0);
  g_assert_cmpint (l->discount, ==, 2000);
  for (guint i = 0; i < l->adjustments->len; i++)
    {
      const SpPriceAdjustment *a = adjustment_at (l, i);

      if (a->state != SP_ADJUSTMENT_SET_ASIDE)
        g_assert_cmpstr (sp_promotion_get_number (a->promotion), ==, "X1");
    }

  /* Exclusive and stacking give the same: the stacking ones stay. */
  l = line_at (p4, 0);
  g_assert_cmpint (l->discount, ==, 2000);
  g_assert_cmpstr (sp_promotion_get_number (adjustment_at (l, 0)->promotion), ==, "S1");
  g_assert_cmpint (adjustment_at (l, 0)->state, ==, SP_ADJUSTMENT_APPLIED);

  /* The totals count only what was taken. */
  {
    SpPricingTotals totals;

    sp_pricing_engine_run (p1->engine, 0, 1, &totals);
    g_assert_cmpint (totals.applications, ==, 1);
    g_assert_cmpint (totals.discount, ==, 2500);
    g_assert_cmpint (totals.net, ==, 7500);
  }
}

static void
test_sequence (void)
{
  /* Lines apply in their sequence, whatever the file order, and the cap
   * cuts the later ones. Promotions apply in number order. */
  g_autoptr(Priced) p = price (
    "[{\"number\": \"B\", \"name\": \"Second\", \"start\": \"2024-08-01\", \"end\": \"2024-08-31\", \"lines\": ["
    "  {\"number\": \"1\", \"eligibility\": null, \"benefits\": ["
    "    {\"applies_to\": \"all\", \"type\": \"amount\", \"value\": \"1\"}]}]},"
    " {\"number\": \"A\", \"name\": \"First\", \"start\": \"2024-08-01\", \"end\": \"2024-08-31\", \"lines\": ["
    "  {\"number\": \"late\", \"sequence\": 20, \"eligibility\": null, \"benefits\": ["
    "    {\"applies_to\": \"all\", \"type\": \"amount\", \"value\": \"5\"}]},"
    "  {\"number\": \"early\", \"sequence\": 10, \"eligibility\": null, \"benefits\": ["
    "    {\"applies_to\": \"all\", \"type\": \"amount\", \"value\": \"8\"}]}]}]",
    "[{\"sku\": \"BAL-1\", \"qty\": 1, \"uom\": \"Each\"}]");
  const SpLinePrice *l = line_at (p, 0);

  g_assert_cmpuint (l->adjustments->len, ==, 3);
  g_assert_cmpstr (sp_promotion_line_get_number (adjustment_at (l, 0)->line), ==, "early");
  g_assert_cmpstr (sp_promotion_line_get_number (adjustment_at (l, 1)->line), ==, "late");
  g_assert_cmpstr (sp_promotion_get_number (adjustment_at (l, 2)->promotion), ==, "B");
  g_assert_cmpint (adjustment_at (l, 0)->amount, ==, 800);
  g_assert_cmpint (adjustment_at (l, 1)->amount, ==, 200);
  g_assert_cmpint (adjustment_at (l, 1)->state, ==, SP_ADJUSTMENT_CAPPED);
  g_assert_cmpint (adjustment_at (l, 2)->amount, ==, 0);
  g_assert_cmpint (l->discount, ==, 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/pricing/operators-strings", test_operators_strings);
  g_test_add_func ("/engine/pricing/operators-numbers", test_operators_numbers);
  g_test_add_func ("/engine/pricing/category-hierarchy", test_category_hierarchy);
  g_test_add_func ("/engine/pricing/any-all", test_any_all);
  g_test_add_func ("/engine/pricing/subgroup-exclusion", test_subgroup_exclusion);
  g_test_add_func ("/engine/pricing/validity-dates", test_validity_dates);
  g_test_add_func ("/engine/pricing/stacking-and-cap", test_stacking_and_cap);
  g_test_add_func ("/engine/pricing/percent-half-up", test_percent_half_up);
  g_test_add_func ("/engine/pricing/party-supplies", test_party_supplies);
  g_test_add_func ("/engine/pricing/tiers", test_tiers);
  g_test_add_func ("/engine/pricing/exclusive", test_exclusive);
  g_test_add_func ("/engine/pricing/sequence", test_sequence);

  return g_test_run ();
}
