/* test-quote.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib-object.h>

#include "sp-quote-line.h"
#include "sp-quote.h"
#include "test-util.h"

static SpQuote *
create_quote (void)
{
  SpQuote *quote = sp_quote_new ("C-0042");
  g_autoptr(SpQuoteLine) drills = sp_quote_line_new ("DR-1001", 20, 7999);
  g_autoptr(SpQuoteLine) batteries = sp_quote_line_new ("BT-2002", 40, 2450);

  sp_quote_set_campaign_id (quote, "0b5b1d2a-8f29-4c3e-9a57-1f0c3c2d9e11");
  sp_quote_set_valid_to (quote, "2025-02-28");
  sp_quote_set_currency (quote, "EUR");
  sp_quote_add_line (quote, drills);
  sp_quote_add_line (quote, batteries);

  return quote;
}

static void
test_quote_new (void)
{
  SpQuote *quote = sp_quote_new ("C-0042");

  g_assert_cmpstr (sp_quote_get_company_code (quote), ==, "C-0042");
  /* A quote is a draft until the platform says otherwise. */
  g_assert_cmpstr (sp_quote_get_status (quote), ==, "draft");
  g_assert_cmpuint (g_list_model_get_n_items (sp_quote_get_lines (quote)), ==, 0);

  g_assert_finalize_object (quote);
}

static void
test_quote_total (void)
{
  SpQuote *quote = create_quote ();
  g_autoptr(SpQuoteLine) first = g_list_model_get_item (sp_quote_get_lines (quote), 0);

  g_assert_cmpint (sp_quote_line_get_amount (first), ==, 20 * 7999);
  /* 20 × 79.99 + 40 × 24.50 = 2579.80 */
  g_assert_cmpint (sp_quote_get_total (quote), ==, 257980);

  g_clear_object (&first);
  sp_quote_remove_all_lines (quote);
  g_assert_cmpint (sp_quote_get_total (quote), ==, 0);

  g_assert_finalize_object (quote);
}

static void
test_quote_validate (void)
{
  SpQuote *quote = create_quote ();
  g_autoptr(SpQuoteLine) second = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_quote_validate (quote, &error));
  g_assert_no_error (error);

  sp_quote_set_valid_to (quote, "2025-02-31");
  g_assert_false (sp_quote_validate (quote, &error));
  assert_invalid_field (error, "valid-to");
  g_clear_error (&error);

  sp_quote_set_valid_to (quote, NULL);
  sp_quote_set_company_code (quote, "");
  g_assert_false (sp_quote_validate (quote, &error));
  assert_invalid_field (error, "company-code");
  g_clear_error (&error);

  sp_quote_set_company_code (quote, "C-0042");
  sp_quote_set_status (quote, NULL);
  g_assert_false (sp_quote_validate (quote, &error));
  assert_invalid_field (error, "status");
  g_clear_error (&error);

  sp_quote_set_status (quote, "draft");
  sp_quote_set_currency (quote, "usd");
  g_assert_false (sp_quote_validate (quote, &error));
  assert_invalid_field (error, "currency");
  g_clear_error (&error);

  sp_quote_set_currency (quote, "USD");
  second = g_list_model_get_item (sp_quote_get_lines (quote), 1);
  sp_quote_line_set_unit_price (second, -1);
  g_assert_false (sp_quote_validate (quote, &error));
  assert_invalid_field (error, "unit-price");
  g_assert_true (g_str_has_prefix (error->message, "lines[1]: "));

  g_clear_object (&second);
  g_assert_finalize_object (quote);
}

static void
test_quote_line_validate (void)
{
  SpQuoteLine *line = sp_quote_line_new ("DR-1001", 0, 7999);
  g_autoptr(GError) error = NULL;

  g_assert_false (sp_quote_line_validate (line, &error));
  assert_invalid_field (error, "quantity");
  g_clear_error (&error);

  sp_quote_line_set_quantity (line, 5);
  sp_quote_line_set_sku (line, NULL);
  g_assert_false (sp_quote_line_validate (line, &error));
  assert_invalid_field (error, "sku");
  g_clear_error (&error);

  sp_quote_line_set_sku (line, "DR-1001");
  g_assert_true (sp_quote_line_validate (line, &error));
  g_assert_no_error (error);

  g_assert_finalize_object (line);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/quote/new", test_quote_new);
  g_test_add_func ("/core/quote/total", test_quote_total);
  g_test_add_func ("/core/quote/validate", test_quote_validate);
  g_test_add_func ("/core/quote-line/validate", test_quote_line_validate);

  return g_test_run ();
}
