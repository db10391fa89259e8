/* test-sales-order.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib-object.h>

#include "sp-order-line.h"
#include "sp-sales-order.h"
#include "test-util.h"

static SpSalesOrder *
create_order (void)
{
  SpSalesOrder *order = sp_sales_order_new ("SO-2025-000123");
  g_autoptr(SpOrderLine) first = sp_order_line_new ("DR-1001", 3, 8999);
  g_autoptr(SpOrderLine) second = sp_order_line_new ("BT-2002", 10, 1250);

  sp_sales_order_set_company_code (order, "C-0042");
  sp_sales_order_set_site_code (order, "DE");
  sp_sales_order_set_order_date (order, "2025-03-14");
  sp_sales_order_set_currency (order, "EUR");
  sp_order_line_set_line_no (first, 1);
  sp_order_line_set_line_no (second, 2);
  sp_sales_order_add_line (order, first);
  sp_sales_order_add_line (order, second);

  return order;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_emissions)
{
  (*n_emissions)++;
}

static void
test_sales_order_lines (void)
{
  SpSalesOrder *order = create_order ();
  GListModel *lines = sp_sales_order_get_lines (order);
  g_autoptr(SpOrderLine) first = NULL;
  g_autoptr(SpOrderLine) extra = sp_order_line_new ("GL-3003", 1, 499);
  guint n_emissions = 0;

  g_assert_true (g_list_model_get_item_type (lines) == SP_TYPE_ORDER_LINE);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 2);
  first = g_list_model_get_item (lines, 0);
  g_assert_cmpstr (sp_order_line_get_sku (first), ==, "DR-1001");
  g_assert_cmpint (sp_order_line_get_amount (first), ==, 3 * 8999);

  /* Views bound to the lines hear about every change. */
  g_signal_connect (lines, "items-changed", G_CALLBACK (items_changed_cb), &n_emissions);
  sp_sales_order_add_line (order, extra);
  g_assert_cmpuint (n_emissions, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 3);

  sp_sales_order_remove_all_lines (order);
  g_assert_cmpuint (n_emissions, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 0);

  g_signal_handlers_disconnect_by_func (lines, items_changed_cb, &n_emissions);
  g_assert_finalize_object (order);
  g_assert_finalize_object (g_steal_pointer (&extra));
}

static void
test_sales_order_total (void)
{
  SpSalesOrder *order = create_order ();

  /* 3 × 89.99 + 10 × 12.50 = 394.97 */
  g_assert_cmpint (sp_sales_order_get_total (order), ==, 39497);
  sp_sales_order_remove_all_lines (order);
  g_assert_cmpint (sp_sales_order_get_total (order), ==, 0);

  /* A total beyond gint64 saturates instead of wrapping to a negative. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SpOrderLine) huge = sp_order_line_new ("BIG-1", 1, G_MAXINT64 - 1);

      sp_sales_order_add_line (order, huge);
    }
  g_assert_cmpint (sp_sales_order_get_total (order), ==, G_MAXINT64);

  g_assert_finalize_object (order);
}

static void
test_sales_order_validate (void)
{
  SpSalesOrder *order = create_order ();
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_sales_order_validate (order, &error));
  g_assert_no_error (error);

  sp_sales_order_set_order_date (order, NULL);
  g_assert_false (sp_sales_order_validate (order, &error));
  assert_invalid_field (error, "order-date");
  g_clear_error (&error);

  sp_sales_order_set_order_date (order, "2025-14-01");
  g_assert_false (sp_sales_order_validate (order, &error));
  assert_invalid_field (error, "order-date");
  g_clear_error (&error);

  sp_sales_order_set_order_date (order, "2025-03-14");
  sp_sales_order_set_currency (order, "");
  g_assert_false (sp_sales_order_validate (order, &error));
  assert_invalid_field (error, "currency");
  g_clear_error (&error);

  sp_sales_order_set_currency (order, "EUR");
  sp_sales_order_set_company_code (order, NULL);
  g_assert_false (sp_sales_order_validate (order, &error));
  assert_invalid_field (error, "company-code");
  g_clear_error (&error);

  sp_sales_order_set_company_code (order, "C-0042");
  sp_sales_order_set_number (order, "");
  g_assert_false (sp_sales_order_validate (order, &error));
  assert_invalid_field (error, "number");

  g_assert_finalize_object (order);
}

static void
test_sales_order_validate_line (void)
{
  SpSalesOrder *order = create_order ();
  g_autoptr(SpOrderLine) second = g_list_model_get_item (sp_sales_order_get_lines (order), 1);
  g_autoptr(GError) error = NULL;

  /* A bad line is reported with its position. */
  sp_order_line_set_quantity (second, 0);
  g_assert_false (sp_sales_order_validate (order, &error));
  assert_invalid_field (error, "quantity");
  g_assert_true (g_str_has_prefix (error->message, "lines[1]: "));

  g_clear_object (&second);
  g_assert_finalize_object (order);
}

static void
test_order_line_validate (void)
{
  static const struct { const char *sku; gint64 quantity; gint64 unit_price; const char *field; } cases[] = {
    { "", 1, 100, "sku" },
    { NULL, 1, 100, "sku" },
    { "DR-1001", 0, 100, "quantity" },
    { "DR-1001", -2, 100, "quantity" },
    { "DR-1001", 1, -1, "unit-price" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SpOrderLine *line = sp_order_line_new (cases[i].sku, cases[i].quantity, cases[i].unit_price);
      g_autoptr(GError) error = NULL;

      g_assert_false (sp_order_line_validate (line, &error));
      assert_invalid_field (error, cases[i].field);

      g_assert_finalize_object (line);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/sales-order/lines", test_sales_order_lines);
  g_test_add_func ("/core/sales-order/total", test_sales_order_total);
  g_test_add_func ("/core/sales-order/validate", test_sales_order_validate);
  g_test_add_func ("/core/sales-order/validate-line", test_sales_order_validate_line);
  g_test_add_func ("/core/order-line/validate", test_order_line_validate);

  return g_test_run ();
}
