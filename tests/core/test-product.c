/* test-product.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib-object.h>

#include "sp-product.h"
#include "test-util.h"

static SpProduct *
create_drill (void)
{
  SpProduct *product = sp_product_new ("DR-1001", "Cordless drill 18 V, 2 Ah");

  sp_product_set_category_path (product, "Tools/Power Tools/Drills");
  sp_product_set_uom (product, "EA");
  sp_product_set_list_price (product, 10000);   /* 100.00 */
  sp_product_set_cost (product, 7500);          /*  75.00 */
  sp_product_set_currency (product, "EUR");
  sp_product_set_stock_on_hand (product, 300);
  sp_product_set_avg_daily_sales (product, 250);  /* 2.5 units a day */

  return product;
}

static void
test_product_new (void)
{
  SpProduct *product = sp_product_new ("DR-1001", "Cordless drill");

  g_assert_cmpstr (sp_product_get_sku (product), ==, "DR-1001");
  g_assert_cmpstr (sp_product_get_name (product), ==, "Cordless drill");
  g_assert_true (g_uuid_string_is_valid (sp_product_get_id (product)));
  g_assert_cmpint (sp_product_get_version (product), ==, 0);

  g_assert_finalize_object (product);
}

static void
test_product_validate_valid (void)
{
  SpProduct *product = create_drill ();
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_product_validate (product, &error));
  g_assert_no_error (error);

  /* Free samples and uncategorised products are allowed. */
  sp_product_set_list_price (product, 0);
  sp_product_set_cost (product, 0);
  sp_product_set_category_path (product, NULL);
  g_assert_true (sp_product_validate (product, &error));
  g_assert_no_error (error);

  g_assert_finalize_object (product);
}

typedef void (*BreakFunc) (SpProduct *product);

static void break_sku (SpProduct *p) { sp_product_set_sku (p, ""); }
static void break_name (SpProduct *p) { sp_product_set_name (p, NULL); }
static void break_path (SpProduct *p) { sp_product_set_category_path (p, "Tools/Power Tools/"); }
static void break_path_slash (SpProduct *p) { sp_product_set_category_path (p, "/Tools"); }
static void break_list_price (SpProduct *p) { sp_product_set_list_price (p, -1); }
static void break_cost (SpProduct *p) { sp_product_set_cost (p, -100); }
static void break_currency (SpProduct *p) { sp_product_set_currency (p, NULL); }
static void break_currency_form (SpProduct *p) { sp_product_set_currency (p, "Euro"); }
static void break_stock (SpProduct *p) { sp_product_set_stock_on_hand (p, -3); }
static void break_sales (SpProduct *p) { sp_product_set_avg_daily_sales (p, -1); }

static void
test_product_validate_fields (void)
{
  static const struct { BreakFunc func; const char *field; } cases[] = {
    { break_sku, "sku" },
    { break_name, "name" },
    { break_path, "category-path" },
    { break_path_slash, "category-path" },
    { break_list_price, "list-price" },
    { break_cost, "cost" },
    { break_currency, "currency" },
    { break_currency_form, "currency" },
    { break_stock, "stock-on-hand" },
    { break_sales, "avg-daily-sales" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SpProduct *product = create_drill ();
      g_autoptr(GError) error = NULL;

      g_test_message ("breaking %s", cases[i].field);
      cases[i].func (product);
      g_assert_false (sp_product_validate (product, &error));
      assert_invalid_field (error, cases[i].field);

      g_assert_finalize_object (product);
    }
}

static void
test_product_days_of_cover (void)
{
  SpProduct *product = create_drill ();

  /* 300 units at 2.5 a day last 120 days. */
  g_assert_cmpint (sp_product_get_days_of_cover (product), ==, 120);

  /* Rounded down: 10 units at 3 a day last 3 whole days. */
  sp_product_set_stock_on_hand (product, 10);
  sp_product_set_avg_daily_sales (product, 300);
  g_assert_cmpint (sp_product_get_days_of_cover (product), ==, 3);

  sp_product_set_avg_daily_sales (product, 0);
  g_assert_cmpint (sp_product_get_days_of_cover (product), ==, -1);

  g_assert_finalize_object (product);
}

static void
test_product_overstocked (void)
{
  SpProduct *product = create_drill ();

  g_assert_true (sp_product_is_overstocked (product, 90));
  /* Exactly at the threshold is not excess. */
  g_assert_false (sp_product_is_overstocked (product, 120));
  g_assert_false (sp_product_is_overstocked (product, 180));

  /* Stock that never sells is overstock whatever the threshold. */
  sp_product_set_avg_daily_sales (product, 0);
  g_assert_true (sp_product_is_overstocked (product, 10000));

  /* No stock, nothing to clear. */
  sp_product_set_stock_on_hand (product, 0);
  g_assert_false (sp_product_is_overstocked (product, 0));

  g_assert_finalize_object (product);
}

static void
test_product_margin (void)
{
  SpProduct *product = create_drill ();

  g_assert_cmpint (sp_product_get_margin (product), ==, 2500);
  g_assert_cmpint (sp_product_get_margin_bp (product), ==, 2500);
  /* At 80.00 the margin is 5/80 = 6.25%. */
  g_assert_cmpint (sp_product_get_margin_bp_at (product, 8000), ==, 625);
  /* Below cost it is negative: -5/70 = -7.14%. */
  g_assert_cmpint (sp_product_get_margin_bp_at (product, 7000), ==, -714);
  g_assert_cmpint (sp_product_get_stock_value (product), ==, 300 * 7500);

  g_assert_finalize_object (product);
}

static void
test_product_notify_once (void)
{
  SpProduct *product = create_drill ();
  NotifyCounter counter;

  notify_counter_init (&counter, product);
  sp_product_set_list_price (product, 9999);
  sp_product_set_list_price (product, 9999);
  sp_product_set_sku (product, "DR-1001");   /* unchanged */
  g_assert_cmpuint (notify_counter_get (&counter, "list-price"), ==, 1);
  g_assert_cmpuint (notify_counter_total (&counter), ==, 1);

  notify_counter_clear (&counter, product);
  g_assert_finalize_object (product);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/product/new", test_product_new);
  g_test_add_func ("/core/product/validate/valid", test_product_validate_valid);
  g_test_add_func ("/core/product/validate/fields", test_product_validate_fields);
  g_test_add_func ("/core/product/days-of-cover", test_product_days_of_cover);
  g_test_add_func ("/core/product/overstocked", test_product_overstocked);
  g_test_add_func ("/core/product/margin", test_product_margin);
  g_test_add_func ("/core/product/notify-once", test_product_notify_once);

  return g_test_run ();
}
