/* test-import-stock.c: stock import per site, and the product totals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "test-import-util.h"

static gboolean
import_stock (ImportFixture   *fixture,
              const char      *name,
              gboolean         skip_invalid,
              SpImportReport **report,
              GError         **error)
{
  g_autofree char *path = import_data_path (name);
  SpImportOptions options = SP_IMPORT_OPTIONS_INIT;

  options.skip_invalid = skip_invalid;
  return sp_stock_import_file (fixture->store, path, &options, report, NULL, error);
}

static void
stock_fixture_set_up (ImportFixture *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  import_fixture_set_up (fixture, user_data);
  g_assert_true (import_catalog (fixture, "catalog-comma.csv", FALSE, NULL, &error));
  g_assert_no_error (error);
}

static void
test_stock_sites_and_totals (ImportFixture *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stock = NULL;
  g_autofree char *totals = NULL;
  g_autofree char *sites = NULL;
  g_autofree char *outbox = NULL;

  g_assert_true (import_stock (fixture, "stock.csv", FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sp_import_report_get_rows_read (report), ==, 3);
  g_assert_cmpuint (sp_import_report_get_inserted (report), ==, 3);
  g_assert_cmpuint (sp_import_report_get_sites_created (report), ==, 2);

  stock = query_rows (fixture,
                      "SELECT p.sku, s.code, ps.stock_on_hand, ps.avg_daily_sales "
                      "FROM product_stock ps JOIN products p ON p.id = ps.product_id "
                      "JOIN sites s ON s.id = ps.site_id ORDER BY 1, 2");
  g_assert_cmpstr (stock, ==, "DR-100|AT|10|25\nDR-100|DE|30|100\nSW-010|DE|300|400\n");

  /* The product's figures become the sums over its sites. */
  totals = query_rows (fixture, "SELECT sku, stock_on_hand, avg_daily_sales FROM products "
                                "WHERE sku IN ('DR-100', 'SW-010', 'DR-200') ORDER BY sku");
  g_assert_cmpstr (totals, ==, "DR-100|40|125\nDR-200|12|50\nSW-010|300|400\n");

  /* Unknown site codes become sites named by their code. */
  sites = query_rows (fixture, "SELECT code, name FROM sites ORDER BY code");
  g_assert_cmpstr (sites, ==, "AT|AT\nDE|DE\n");

  outbox = query_rows (fixture, "SELECT action FROM outbox ORDER BY seq");
  g_assert_cmpstr (outbox, ==, "catalog.imported\nstock.imported\n");
}

static void
test_stock_reimport (ImportFixture *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *totals = NULL;
  static const char changed[] = "sku,site,stock_on_hand\nDR-100,AT,2\n";

  g_assert_true (import_stock (fixture, "stock.csv", FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (import_stock (fixture, "stock.csv", FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sp_import_report_get_inserted (report), ==, 0);
  g_assert_cmpuint (sp_import_report_get_updated (report), ==, 0);
  count = query_rows (fixture, "SELECT COUNT (*) FROM product_stock");
  g_assert_cmpstr (count, ==, "3\n");

  /* Without the avg_daily_sales column the stored figure stays. */
  g_clear_pointer (&report, sp_import_report_unref);
  bytes = g_bytes_new_static (changed, sizeof changed - 1);
  g_assert_true (sp_stock_import_bytes (fixture->store, "changed.csv", bytes, NULL, &report,
                                        NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sp_import_report_get_updated (report), ==, 1);
  totals = query_rows (fixture, "SELECT stock_on_hand, avg_daily_sales FROM products "
                                "WHERE sku = 'DR-100'");
  g_assert_cmpstr (totals, ==, "32|125\n");
}

static void
test_stock_unknown_sku (ImportFixture *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_workspace (fixture);
  g_autofree char *after = NULL;
  g_autofree char *stock = NULL;

  g_assert_false (import_stock (fixture, "stock-broken.csv", FALSE, &report, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT);
  g_assert_cmpstr (error->message, ==, "stock-broken.csv:3: sku: no product “NOPE-1” in the catalog");
  g_assert_cmpuint (sp_import_report_get_error (report, 0)->line, ==, 3);
  g_assert_cmpstr (sp_import_report_get_error (report, 0)->field, ==, "sku");

  /* DR-100 at DE came first and is not stored either. */
  after = dump_workspace (fixture);
  g_assert_cmpstr (after, ==, before);

  g_clear_pointer (&report, sp_import_report_unref);
  g_clear_error (&error);
  g_assert_true (import_stock (fixture, "stock-broken.csv", TRUE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sp_import_report_get_inserted (report), ==, 1);
  g_assert_cmpuint (sp_import_report_get_skipped (report), ==, 1);
  stock = query_rows (fixture, "SELECT stock_on_hand FROM product_stock");
  g_assert_cmpstr (stock, ==, "5\n");
}

static void
test_stock_missing_column (ImportFixture *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  /* A catalog is not a stock file: it has no site column. */
  g_assert_false (import_stock (fixture, "catalog-comma.csv", FALSE, NULL, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT);
  g_assert_cmpstr (error->message, ==, "catalog-comma.csv:1: site: the header has no such column");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, ImportFixture, NULL, stock_fixture_set_up, func, import_fixture_tear_down)
  ADD ("/store/import/stock/sites-and-totals", test_stock_sites_and_totals);
  ADD ("/store/import/stock/reimport", test_stock_reimport);
  ADD ("/store/import/stock/unknown-sku", test_stock_unknown_sku);
  ADD ("/store/import/stock/missing-column", test_stock_missing_column);
#undef ADD

  return g_test_run ();
}
