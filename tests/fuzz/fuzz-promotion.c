/* fuzz-promotion.c: libFuzzer target for the promotion parser and engine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any input: parse it as JSON; a single promotion goes through
 * sp_promotion_from_json () and, when valid, must survive a JSON round trip
 * unchanged; a workload (with categories and products) is loaded, compiled
 * and priced, every order with explanations and the totals on two threads,
 * and the two must agree.
 */

#include <json-glib/json-glib.h>
#include <stdint.h>
#include <stdlib.h>

#include "sp-pricing-engine.h"
#include "sp-promotion-json.h"
#include "sp-workload.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_round_trip (SpPromotion *promotion)
{
  g_autofree char *once = sp_promotion_to_json_string (promotion);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPromotion) again = sp_promotion_from_json_string (once, &error);
  g_autofree char *twice = NULL;

  if (again == NULL)
    {
      g_printerr ("round trip failed: %s\n%s\n", error->message, once);
      abort ();
    }
  twice = sp_promotion_to_json_string (again);
  if (g_strcmp0 (once, twice) != 0)
    {
      g_printerr ("round trip changed the promotion:\n%s\n%s\n", once, twice);
      abort ();
    }
}

static void
price_workload (JsonNode *root)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpWorkload) workload = sp_workload_load_json (root, &error);
  g_autoptr(SpPricingEngine) engine = NULL;
  SpPricingTotals one, two;
  gint64 discount = 0;
  guint64 lines = 0;

  if (workload == NULL || !(engine = sp_pricing_engine_new (workload, &error)))
    return;

  sp_pricing_engine_run (engine, 0, 1, &one);
  sp_pricing_engine_run (engine, 0, 2, &two);
  if (one.discount != two.discount || one.applications != two.applications || one.net != two.net)
    abort ();

  for (guint o = 0; o < sp_workload_get_n_orders (workload); o++)
    {
      g_autoptr(GArray) priced = sp_pricing_engine_price_order (engine, o);

      for (guint i = 0; i < priced->len; i++)
        {
          const SpLinePrice *line = &g_array_index (priced, SpLinePrice, i);

          if (line->discount < 0 || line->discount > line->list_amount)
            abort ();
          discount += line->discount;
          lines++;
        }
    }

  if (discount != one.discount || lines != one.lines)
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, (const char *)data, (gssize)size, NULL))
    return 0;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return 0;

  if (json_object_has_member (json_node_get_object (root), "products"))
    price_workload (root);
  else
    {
      g_autoptr(SpPromotion) promotion = sp_promotion_from_json (root, "$", NULL);

      if (promotion != NULL)
        check_round_trip (promotion);
    }

  return 0;
}
