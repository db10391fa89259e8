/* test-promotion-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bad input gets an error naming the JSON path and nothing crashes; a
 * promotion survives JSON → model → JSON unchanged.
 */

#include <json-glib/json-glib.h>
#include <string.h>

#include "sp-engine-error.h"
#include "sp-model-error.h"
#include "sp-pricing-engine.h"
#include "sp-promotion-json.h"
#include "sp-workload.h"

static const char *catalog =
  "\"categories\": [{\"id\": \"ROOT\", \"parent\": null}, {\"id\": \"PARTY\", \"parent\": \"ROOT\"}],"
  "\"products\": [{\"sku\": \"BAL-1\", \"category\": \"PARTY\", \"uom\": \"Each\", \"list_price\": \"10.00\"}]";

#define LINE(rule) "{\"number\": \"1\", \"eligibility\": " rule ", \"benefits\": [{\"applies_to\": \"all\", \"type\": \"percent\", \"value\": \"5\"}]}"
#define PROMO(lines) "{\"number\": \"P1\", \"name\": \"N\", \"start\": \"2024-01-01\", \"end\": \"2024-12-31\", \"lines\": [" lines "]}"
#define RULE(groups) "{\"operator\": \"all\", \"groups\": [" groups "]}"
#define GROUP "{\"operator\": \"all\", \"conditions\": [{\"attribute\": \"customer\", \"op\": \"eq\", \"value\": \"C\"}]}"

/* Loads a workload with @promotions and @orders, builds the engine, and
 * checks the error message starts with @prefix. */
static void
expect_error (const char *promotions,
              const char *orders,
              const char *prefix)
{
  g_autofree char *text = g_strdup_printf ("{%s, \"promotions\": [%s], \"orders\": [%s]}", catalog, promotions,
                                           orders != NULL ? orders : "");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SpWorkload) workload = NULL;
  g_autoptr(SpPricingEngine) engine = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  workload = sp_workload_load_json (json_parser_get_root (parser), &error);
  if (workload != NULL)
    engine = sp_pricing_engine_new (workload, &error);

  g_assert_null (engine);
  g_assert_nonnull (error);
  g_assert_true (error->domain == SP_ENGINE_ERROR || error->domain == SP_MODEL_ERROR);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("expected an error starting with “%s”, got “%s”", prefix, error->message);
}

static void
test_rule_shape (void)
{
  expect_error (PROMO (LINE (RULE ("{\"operator\": \"all\", \"conditions\": [], \"subgroup\": {\"operator\": \"any\","
                                   " \"conditions\": [], \"subgroup\": {\"operator\": \"any\", \"conditions\": []}}}"))),
                NULL, "$.promotions[0].lines[0].eligibility.groups[0].subgroup.subgroup: a subgroup cannot have a subgroup");
  expect_error (PROMO (LINE (RULE (GROUP ", {\"operator\": \"all\", \"conditions\": [], \"subgroup\": {\"operator\": \"any\","
                                   " \"conditions\": [], \"exclusion\": {\"operator\": \"any\", \"conditions\": []}}}"))),
                NULL, "$.promotions[0].lines[0].eligibility.groups[1].subgroup.exclusion: only groups can have an exclusion");
  expect_error (PROMO (LINE (RULE ("{\"operator\": \"all\", \"conditions\": [], \"exclusion\": {\"operator\": \"any\","
                                   " \"conditions\": [], \"subgroup\": {\"operator\": \"any\", \"conditions\": []}}}"))),
                NULL, "$.promotions[0].lines[0].eligibility.groups[0].exclusion.subgroup: an exclusion cannot have a subgroup");
  expect_error (PROMO (LINE (RULE ("{\"operator\": \"all\", \"conditions\": []}"))),
                NULL, "$.promotions[0].lines[0].eligibility.groups[0].conditions: a block needs at least one condition");
  expect_error (PROMO (LINE ("{\"operator\": \"sometimes\", \"groups\": []}")),
                NULL, "$.promotions[0].lines[0].eligibility.operator: unknown operator “sometimes”");
}

static void
test_conditions (void)
{
  expect_error (PROMO (LINE (RULE ("{\"operator\": \"all\", \"conditions\": [{\"attribute\": \"colour\", \"op\": \"eq\", \"value\": \"red\"}]}"))),
                NULL, "$.promotions[0].lines[0].eligibility.groups[0].conditions[0].attribute: unknown attribute “colour”");
  expect_error (PROMO (LINE (RULE ("{\"operator\": \"all\", \"conditions\": [{\"attribute\": \"customer\", \"op\": \"like\", \"value\": \"x\"}]}"))),
                NULL, "$.promotions[0].lines[0].eligibility.groups[0].conditions[0].op: unknown op “like”");
  expect_error (PROMO (LINE (RULE ("{\"operator\": \"all\", \"conditions\": [{\"attribute\": \"customer\", \"op\": \"in\", \"value\": \"x\"}]}"))),
                NULL, "$.promotions[0].lines[0].eligibility.groups[0].conditions[0].value: expected an array");
  expect_error (PROMO (LINE (RULE ("{\"operator\": \"all\", \"conditions\": [{\"attribute\": \"customer\", \"op\": \"in\", \"value\": [\"x\", 3]}]}"))),
                NULL, "$.promotions[0].lines[0].eligibility.groups[0].conditions[0].value[1]: expected a string");
  expect_error (PROMO (LINE (RULE ("{\"operator\": \"all\", \"conditions\": [{\"attribute\": \"customer\", \"op\": \"lt\", \"value\": \"x\"}]}"))),
                NULL, "$.promotions[0].lines[0].eligibility.groups[0].conditions[0].op: only numeric attributes");
  expect_error (PROMO (LINE (RULE ("{\"operator\": \"all\", \"conditions\": [{\"attribute\": \"line_quantity\", \"op\": \"gt\", \"value\": 1.5}]}"))),
                NULL, "$.promotions[0].lines[0].eligibility.groups[0].conditions[0].value: expected an integer");
  expect_error (PROMO (LINE (RULE ("{\"operator\": \"all\", \"conditions\": [{\"attribute\": \"line_amount\", \"op\": \"gt\", \"value\": \"12.345\"}]}"))),
                NULL, "$.promotions[0].lines[0].eligibility.groups[0].conditions[0].value: “12.345” is not a decimal");
  expect_error (PROMO (LINE (RULE ("{\"operator\": \"all\", \"conditions\": [{\"attribute\": \"order_total\", \"op\": \"gt\", \"value\": 10.5}]}"))),
                NULL, "$.promotions[0].lines[0].eligibility.groups[0].conditions[0].value: expected a decimal string");
  expect_error (PROMO (LINE (RULE ("{\"operator\": \"all\", \"conditions\": [{\"attribute\": \"item_category\", \"op\": \"in\", \"value\": [\"PARTY\", \"NOPE\"]}]}"))),
                NULL, "$.promotions[0].lines[0].eligibility.groups[0].conditions[0].value[1]: unknown category “NOPE”");
  expect_error (PROMO (LINE (RULE (GROUP ", {\"operator\": \"any\", \"conditions\": [" "{\"attribute\": \"customer\", \"op\": \"eq\", \"value\": \"C\"}],"
                                   " \"exclusion\": {\"operator\": \"all\", \"conditions\": [{\"attribute\": \"item\", \"op\": \"eq\", \"value\": \"GHOST\"}]}}"))),
                NULL, "$.promotions[0].lines[0].eligibility.groups[1].exclusion.conditions[0].value: unknown SKU “GHOST”");
}

static void
test_benefits_and_values (void)
{
  expect_error (PROMO ("{\"number\": \"1\", \"eligibility\": null, \"benefits\": [{\"applies_to\": \"item\", \"item\": \"GHOST\", \"type\": \"percent\", \"value\": \"5\"}]}"),
                NULL, "$.promotions[0].lines[0].benefits[0].item: unknown SKU “GHOST”");
  expect_error (PROMO ("{\"number\": \"1\", \"eligibility\": null, \"benefits\": [{\"applies_to\": \"item_category\", \"item_category\": \"NOPE\", \"type\": \"amount\", \"value\": \"5\"}]}"),
                NULL, "$.promotions[0].lines[0].benefits[0].item_category: unknown category “NOPE”");
  expect_error (PROMO ("{\"number\": \"1\", \"eligibility\": null, \"benefits\": [{\"applies_to\": \"all\", \"type\": \"percent\", \"value\": \"1e3\"}]}"),
                NULL, "$.promotions[0].lines[0].benefits[0].value: “1e3” is not a decimal");
  expect_error (PROMO ("{\"number\": \"1\", \"eligibility\": null, \"benefits\": [{\"applies_to\": \"all\", \"type\": \"percent\", \"value\": \"150\"}]}"),
                NULL, "$.promotions[0].lines[0].benefits[0].value: a percent cannot exceed 100");
  expect_error (PROMO ("{\"number\": \"1\", \"eligibility\": null, \"benefits\": [{\"applies_to\": \"all\", \"type\": \"amount\", \"value\": \" 5\"}]}"),
                NULL, "$.promotions[0].lines[0].benefits[0].value: “ 5” is not a decimal");
  expect_error (PROMO ("{\"number\": \"1\", \"eligibility\": null, \"benefits\": [{\"applies_to\": \"all\", \"type\": \"tiered\", \"basis\": \"line_quantity\","
                       " \"calculate\": \"per_unit\", \"tiers\": [{\"from\": 1, \"to\": 5, \"adjustment\": \"amount\", \"value\": \"1\", \"block_size\": 2}]}]}"),
                NULL, "$.promotions[0].lines[0].benefits[0].tiers[0].block_size: only a lump_sum benefit");
  expect_error (PROMO ("{\"number\": \"1\", \"eligibility\": null, \"benefits\": [{\"applies_to\": \"all\", \"type\": \"tiered\", \"basis\": \"line_quantity\","
                       " \"calculate\": \"per_unit\", \"tiers\": [{\"from\": 5, \"to\": 5, \"adjustment\": \"amount\", \"value\": \"1\"}]}]}"),
                NULL, "$.promotions[0].lines[0].benefits[0].tiers[0].to: must be greater than “from”");
  expect_error (PROMO ("{\"number\": \"1\", \"eligibility\": null, \"benefits\": []}"),
                NULL, "$.promotions[0].lines[0].benefits: a line needs at least one benefit");
}

static void
test_types_and_references (void)
{
  expect_error ("{\"number\": \"P1\", \"name\": 5, \"start\": \"2024-01-01\", \"end\": \"2024-12-31\", \"lines\": []}",
                NULL, "$.promotions[0].name: expected a string");
  expect_error ("{\"number\": \"P1\", \"name\": \"N\", \"start\": \"2024-01-01\", \"end\": \"2024-12-31\", \"lines\": {}}",
                NULL, "$.promotions[0].lines: expected an array");
  expect_error ("{\"number\": \"P1\", \"name\": \"N\", \"start\": \"2024-02-30\", \"end\": \"2024-12-31\", \"lines\": []}",
                NULL, "$.promotions[0].start: expected a date");
  expect_error ("{\"number\": \"P1\", \"name\": \"N\", \"start\": \"2024-05-01\", \"end\": \"2024-04-30\", \"lines\": []}",
                NULL, "$.promotions[0].end: the end date is before the start date");
  expect_error ("{\"number\": \"P1\", \"name\": \"N\", \"start\": \"2024-01-01\", \"end\": \"2024-12-31\", \"lines\": []}, "
                "{\"number\": \"P1\", \"name\": \"M\", \"start\": \"2024-01-01\", \"end\": \"2024-12-31\", \"lines\": []}",
                NULL, "$.promotions[1].number: duplicate promotion number “P1”");
  expect_error ("", "{\"id\": \"O\", \"date\": \"2024-01-01\", \"lines\": [{\"sku\": \"GHOST\", \"qty\": 1}]}",
                "$.orders[0].lines[0].sku: unknown SKU “GHOST”");
  expect_error ("", "{\"id\": \"O\", \"date\": \"2024-01-01\", \"lines\": [{\"sku\": \"BAL-1\", \"qty\": \"1\"}]}",
                "$.orders[0].lines[0].qty: expected an integer");
  expect_error ("", "{\"id\": \"O\", \"date\": \"2024-01-01\", \"customer\": 7, \"lines\": []}",
                "$.orders[0].customer: expected a string");
  expect_error ("", "[1]", "$.orders[0]: expected an object");
}

static void
test_dangling_catalog (void)
{
  const char *docs[][2] = {
    { "{\"categories\": [{\"id\": \"A\", \"parent\": \"B\"}], \"products\": [], \"promotions\": [], \"orders\": []}",
      "$.categories[0].parent: unknown category “B”" },
    { "{\"categories\": [{\"id\": \"A\", \"parent\": \"B\"}, {\"id\": \"B\", \"parent\": \"A\"}], \"products\": [],"
      " \"promotions\": [], \"orders\": []}", "$.categories[0].parent: the category is its own ancestor" },
    { "{\"categories\": [], \"products\": [{\"sku\": \"S\", \"category\": \"C\", \"list_price\": \"1\"}],"
      " \"promotions\": [], \"orders\": []}", "$.products[0].category: unknown category “C”" },
    { "{\"categories\": [{\"id\": \"A\", \"parent\": null}], \"products\": [{\"sku\": \"S\", \"category\": \"A\","
      " \"list_price\": \"1.999\"}], \"promotions\": [], \"orders\": []}", "$.products[0].list_price: “1.999” is not a decimal" },
    { "{\"format\": \"promotion-workload/2\"}", "$.format: expected “promotion-workload/1”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(SpWorkload) workload = NULL;

      json_parser_load_from_data (parser, docs[i][0], -1, &error);
      g_assert_no_error (error);
      workload = sp_workload_load_json (json_parser_get_root (parser), &error);
      g_assert_null (workload);
      g_assert_nonnull (error);
      if (!g_str_has_prefix (error->message, docs[i][1]))
        g_error ("expected “%s”, got “%s”", docs[i][1], error->message);
    }
}

static void
test_round_trip (void)
{
  const char *text =
    "{\"number\": \"P7\", \"name\": \"Party\", \"description\": \"Summer\", \"start\": \"2024-06-01\","
    " \"end\": \"2024-08-31\", \"stacking\": \"exclusive\", \"lines\": ["
    " {\"number\": \"1\", \"sequence\": 5, \"eligibility\": {\"operator\": \"any\", \"groups\": ["
    "   {\"operator\": \"all\", \"conditions\": [{\"attribute\": \"ship_country\", \"op\": \"in\", \"value\": [\"DE\", \"FR\"]},"
    "     {\"attribute\": \"line_quantity\", \"op\": \"ge\", \"value\": 3}, {\"attribute\": \"order_total\", \"op\": \"lt\", \"value\": \"99.5\"}],"
    "    \"subgroup\": {\"operator\": \"any\", \"conditions\": [{\"attribute\": \"item_category\", \"op\": \"eq\", \"value\": \"PARTY\"}]},"
    "    \"exclusion\": {\"operator\": \"all\", \"conditions\": [{\"attribute\": \"customer\", \"op\": \"ne\", \"value\": \"C1\"}]}}]},"
    "  \"benefits\": [{\"applies_to\": \"item_category\", \"item_category\": \"PARTY\", \"type\": \"tiered\", \"basis\": \"target_total\","
    "   \"calculate\": \"lump_sum\", \"tiers\": [{\"from\": \"3000\", \"to\": \"8000\", \"adjustment\": \"amount\", \"value\": \"30\","
    "   \"block_size\": 4, \"remainder\": \"new_lump_sum\"}, {\"from\": \"8000\", \"to\": null, \"adjustment\": \"percent\", \"value\": \"6\"}]},"
    "   {\"applies_to\": \"item\", \"item\": \"BAL-1\", \"type\": \"new_price\", \"value\": \"7.5\"}]},"
    " {\"number\": \"2\", \"eligibility\": null, \"benefits\": [{\"applies_to\": \"all\", \"type\": \"amount\", \"value\": \"1\"}]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPromotion) first = sp_promotion_from_json_string (text, &error);
  g_autoptr(SpPromotion) second = NULL;
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  g_autoptr(SpPromotionLine) line = NULL;

  g_assert_no_error (error);
  once = sp_promotion_to_json_string (first);
  second = sp_promotion_from_json_string (once, &error);
  g_assert_no_error (error);
  twice = sp_promotion_to_json_string (second);

  g_assert_cmpstr (once, ==, twice);
  g_assert_nonnull (strstr (once, "\"value\":\"99.50\""));
  g_assert_nonnull (strstr (once, "\"stacking\":\"exclusive\""));
  g_assert_nonnull (strstr (once, "\"block_size\":4"));
  line = g_list_model_get_item (sp_promotion_get_lines (second), 0);
  g_assert_cmpuint (sp_promotion_line_get_sequence (line), ==, 5);
  g_assert_cmpint (sp_promotion_get_stacking (second), ==, SP_STACKING_EXCLUSIVE);
}

static void
test_garbage_does_not_crash (void)
{
  const char *inputs[] = { "", "{", "[]", "null", "{\"promotions\": 5}", "{\"promotions\": [null]}",
                           "{\"promotions\": [{\"lines\": [null]}]}", "\"x\"" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SpPromotion) promotion = sp_promotion_from_json_string (inputs[i], &error);

      g_assert_null (promotion);
      g_assert_nonnull (error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/promotion-json/rule-shape", test_rule_shape);
  g_test_add_func ("/engine/promotion-json/conditions", test_conditions);
  g_test_add_func ("/engine/promotion-json/benefits-and-values", test_benefits_and_values);
  g_test_add_func ("/engine/promotion-json/types-and-references", test_types_and_references);
  g_test_add_func ("/engine/promotion-json/dangling-catalog", test_dangling_catalog);
  g_test_add_func ("/engine/promotion-json/round-trip", test_round_trip);
  g_test_add_func ("/engine/promotion-json/garbage", test_garbage_does_not_crash);

  return g_test_run ();
}
