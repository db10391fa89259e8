/* sp-cli-price.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stock-promotion-cli price FILE.json [--order ID] [--json]
 * stock-promotion-cli --db PATH price --orders [--order ID] [--json]
 * Prices orders with their promotions and prints, per order and line, the
 * list amount, discount, net and every adjustment, as text or as JSON
 * ({"orders": [{"id", "list_amount", "discount", "net", "lines": [{"sku",
 * "qty", "list_amount", "discount", "net", "adjustments": [{"promotion",
 * "promotion_name", "line", "benefit", "type", "amount"}]}]}]}); amounts are
 * decimal strings with two decimals. A line where an exclusive promotion
 * was weighed against stacking ones also gets "set_aside" (the adjustments
 * not taken, same shape, amount as computed) and "note" (why).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "sp-cli-commands.h"
#include "sp-money.h"
#include "sp-promotion-io.h"
#include "sp-promotion-json.h"
#include "sp-pricing-engine.h"
#include "sp-workload.h"

static const char *
type_name (SpBenefitType type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (SP_TYPE_BENEFIT_TYPE);

  return g_enum_get_value (klass, type)->value_nick;
}

static void
add_amount (JsonBuilder *builder,
            const char  *member,
            gint64       minor)
{
  g_autofree char *text = sp_money_format (minor);

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
}

static void
add_adjustment (JsonBuilder             *builder,
                const SpPriceAdjustment *adjustment,
                gint64                   amount)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "promotion");
  json_builder_add_string_value (builder, sp_promotion_get_number (adjustment->promotion));
  json_builder_set_member_name (builder, "promotion_name");
  json_builder_add_string_value (builder, sp_promotion_get_name (adjustment->promotion));
  json_builder_set_member_name (builder, "line");
  json_builder_add_string_value (builder, sp_promotion_line_get_number (adjustment->line));
  json_builder_set_member_name (builder, "benefit");
  json_builder_add_int_value (builder, adjustment->benefit_index);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, type_name (adjustment->type));
  add_amount (builder, "amount", amount);
  json_builder_end_object (builder);
}

static void
build_line (JsonBuilder       *builder,
            const SpLinePrice *price)
{
  gboolean any_set_aside = FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sku");
  json_builder_add_string_value (builder, price->sku);
  json_builder_set_member_name (builder, "qty");
  json_builder_add_int_value (builder, price->quantity);
  add_amount (builder, "list_amount", price->list_amount);
  add_amount (builder, "discount", price->discount);
  add_amount (builder, "net", price->net);

  json_builder_set_member_name (builder, "adjustments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < price->adjustments->len; i++)
    {
      const SpPriceAdjustment *a = &g_array_index (price->adjustments, SpPriceAdjustment, i);

      if (a->state == SP_ADJUSTMENT_SET_ASIDE)
        any_set_aside = TRUE;
      else
        add_adjustment (builder, a, a->amount);
    }
  json_builder_end_array (builder);

  if (any_set_aside)
    {
      json_builder_set_member_name (builder, "set_aside");
      json_builder_begin_array (builder);
      for (guint i = 0; i < price->adjustments->len; i++)
        {
          const SpPriceAdjustment *a = &g_array_index (price->adjustments, SpPriceAdjustment, i);

          if (a->state == SP_ADJUSTMENT_SET_ASIDE)
            add_adjustment (builder, a, a->computed);
        }
      json_builder_end_array (builder);
    }

  if (price->note != NULL)
    {
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, price->note);
    }

  json_builder_end_object (builder);
}

static void
print_line (const SpLinePrice *price)
{
  g_autofree char *list = sp_money_format (price->list_amount);
  g_autofree char *discount = sp_money_format (price->discount);
  g_autofree char *net = sp_money_format (price->net);

  /* Translators: %1$s is a SKU, %2$s a quantity, then list, discount and net amounts */
  printf (_("  %1$s × %2$" G_GINT64_FORMAT ": list %3$s, discount %4$s, net %5$s\n"), price->sku,
          price->quantity, list, discount, net);

  for (guint i = 0; i < price->adjustments->len; i++)
    {
      const SpPriceAdjustment *a = &g_array_index (price->adjustments, SpPriceAdjustment, i);
      g_autofree char *amount = sp_money_format (a->state == SP_ADJUSTMENT_SET_ASIDE ? a->computed : a->amount);
      const char *state = a->state == SP_ADJUSTMENT_CAPPED ? _(" (capped at the line amount)")
                        : a->state == SP_ADJUSTMENT_SET_ASIDE ? _(" (set aside)") : "";

      /* Translators: promotion number, promotion name, line number, benefit position, type, amount, state */
      printf (_("    %1$s “%2$s” line %3$s benefit %4$u %5$s: -%6$s%7$s\n"),
              sp_promotion_get_number (a->promotion), sp_promotion_get_name (a->promotion),
              sp_promotion_line_get_number (a->line), a->benefit_index, type_name (a->type), amount, state);
    }

  if (price->note != NULL)
    printf ("    %s\n", price->note);
}

/* Prints the priced orders of @engine (all, or only @order_id). */
static int
print_orders (const char      *command,
                     SpWorkload      *workload,
                     SpPricingEngine *engine,
                     const char      *order_id,
                     gboolean         as_json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint first = 0, last = sp_workload_get_n_orders (workload);

  if (order_id != NULL)
    {
      int found = sp_workload_find_order (workload, order_id);

      if (found < 0)
        /* Translators: %s is an order id */
        return sp_cli_fail_message (command, _("no order “%s”"), order_id);
      first = found;
      last = found + 1;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "orders");
  json_builder_begin_array (builder);

  for (guint o = first; o < last; o++)
    {
      g_autoptr(GArray) lines = sp_pricing_engine_price_order (engine, o);
      gint64 list = 0, discount = 0, net = 0;

      for (guint i = 0; i < lines->len; i++)
        {
          const SpLinePrice *price = &g_array_index (lines, SpLinePrice, i);

          list += price->list_amount;
          discount += price->discount;
          net += price->net;
        }

      if (as_json)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, sp_workload_get_order_id (workload, o));
          add_amount (builder, "list_amount", list);
          add_amount (builder, "discount", discount);
          add_amount (builder, "net", net);
          json_builder_set_member_name (builder, "lines");
          json_builder_begin_array (builder);
          for (guint i = 0; i < lines->len; i++)
            build_line (builder, &g_array_index (lines, SpLinePrice, i));
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *list_text = sp_money_format (list);
          g_autofree char *discount_text = sp_money_format (discount);
          g_autofree char *net_text = sp_money_format (net);
          const char *currency = sp_workload_get_order_currency (workload, o);

          /* Translators: order id, date, currency, then list, discount and net amounts */
          printf (_("Order %1$s (%2$s, %3$s): list %4$s, discount %5$s, net %6$s\n"),
                  sp_workload_get_order_id (workload, o), sp_workload_get_order_date (workload, o),
                  currency != NULL ? currency : "", list_text, discount_text, net_text);
          for (guint i = 0; i < lines->len; i++)
            print_line (&g_array_index (lines, SpLinePrice, i));
        }
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (as_json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = json_to_string (root, FALSE);

      printf ("%s\n", text);
    }

  return 0;
}

/* A product without a category gets this one, so the engine can index it. */
#define NO_CATEGORY "(uncategorized)"

/* Builds a workload from the workspace: its catalog, its sales orders and
 * all its saved promotions (each applies to the orders dated within its
 * start and end dates; an ended promotion applies to none after its end). */
static SpWorkload *
load_store_workload (const char  *db_path,
                     GError     **error)
{
  g_autoptr(SpWorkload) workload = sp_workload_new ();
  g_autoptr(SpPromotionIoOrders) rows = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) line_order = NULL;
  guint next_line = 0;

  if (!(rows = sp_promotion_io_load_orders_rows (db_path, error)) ||
      !(records = sp_promotion_io_load (db_path, NULL, error)))
    return NULL;

  sp_workload_add_category (workload, NO_CATEGORY, NULL);
  for (guint i = 0; i < rows->categories->len; i++)
    {
      char **row = g_ptr_array_index (rows->categories, i);

      sp_workload_add_category (workload, row[0], row[1][0] != '\0' ? row[1] : NULL);
    }

  for (guint i = 0; i < rows->products->len; i++)
    {
      char **row = g_ptr_array_index (rows->products, i);

      sp_workload_add_product (workload, row[0], row[1][0] != '\0' ? row[1] : NO_CATEGORY, row[2],
                               g_ascii_strtoll (row[3], NULL, 10));
    }

  /* Lines come in order of their orders, as the orders do. */
  for (guint i = 0; i < rows->orders->len; i++)
    {
      char **row = g_ptr_array_index (rows->orders, i);
      const char *header[SP_WORKLOAD_N_HEADER] = { NULL };

      header[SP_RULE_ATTRIBUTE_CUSTOMER] = row[2];
      header[SP_RULE_ATTRIBUTE_CUSTOMER_ACCOUNT] = row[2];
      header[SP_RULE_ATTRIBUTE_BILL_COUNTRY] = row[3];
      header[SP_RULE_ATTRIBUTE_SHIP_COUNTRY] = row[3];
      header[SP_RULE_ATTRIBUTE_BILL_CITY] = row[4];
      header[SP_RULE_ATTRIBUTE_SHIP_CITY] = row[4];
      header[SP_RULE_ATTRIBUTE_CURRENCY] = row[5];
      header[SP_RULE_ATTRIBUTE_BUSINESS_UNIT] = row[6];
      sp_workload_add_order (workload, row[0], row[1], header);

      for (; next_line < rows->lines->len; next_line++)
        {
          char **line = g_ptr_array_index (rows->lines, next_line);

          if (g_strcmp0 (line[0], row[0]) != 0)
            break;
          sp_workload_add_line (workload, line[1], g_ascii_strtoll (line[2], NULL, 10), NULL);
        }
    }

  for (guint i = 0; i < records->len; i++)
    {
      SpPromotionRecord *record = g_ptr_array_index (records, i);
      g_autoptr(SpPromotion) promotion = NULL;

      if (!(promotion = sp_promotion_from_json_string (record->definition, error)))
        {
          g_prefix_error (error, "promotion %s: ", record->number);
          return NULL;
        }
      sp_promotion_set_number (promotion, record->number);
      sp_workload_add_promotion (workload, promotion);
    }

  if (!sp_workload_finish (workload, error))
    return NULL;

  return g_steal_pointer (&workload);
}

int
sp_cli_price_main (SpCliContext  *ctx,
                   int            argc,
                   char         **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpWorkload) workload = NULL;
  g_autoptr(SpPricingEngine) engine = NULL;
  g_autofree char *order_id = NULL;
  gboolean as_json = FALSE, store_orders = FALSE;
  const GOptionEntry entries[] = {
    { "order", 0, 0, G_OPTION_ARG_STRING, &order_id, N_("Price only this order"), "ID" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    { "orders", 0, 0, G_OPTION_ARG_NONE, &store_orders, N_("Price the sales orders of the --db workspace"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("[FILE.json] — price orders with promotions and explain every adjustment"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sp_cli_parse_options (context, &argc, &argv, argv[0]))
    return 1;

  if (store_orders)
    {
      if (argc != 1)
        return sp_cli_fail_message (argv[0], "%s", _("--orders takes no file"));
      workload = load_store_workload (ctx->db_path, &error);
    }
  else
    {
      if (argc != 2)
        return sp_cli_fail_message (argv[0], "%s", _("expected one file, or --orders"));
      workload = sp_workload_load_file (argv[1], &error);
    }

  if (workload == NULL || !(engine = sp_pricing_engine_new (workload, &error)))
    return sp_cli_fail (argv[0], error);

  return print_orders (argv[0], workload, engine, order_id, as_json);
}
