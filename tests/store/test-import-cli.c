/* test-import-cli.c: stock-promotion-cli import-catalog / import-stock end
 * to end, through a temporary database. The CLI's path is the first argument.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <json-glib/json-glib.h>

#include "test-import-util.h"

static const char *cli_path;

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliResult;

static void
cli_result_clear (CliResult *result)
{
  g_free (result->out);
  g_free (result->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliResult, cli_result_clear)

static void
run_cli (ImportFixture *fixture,
         CliResult     *result,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *arg;
  int wait_status = 0;
  va_list ap;

  g_ptr_array_add (args, g_strdup (cli_path));
  g_ptr_array_add (args, g_strdup ("--db"));
  g_ptr_array_add (args, g_strdup (fixture->db_path));
  va_start (ap, result);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, g_str_has_suffix (arg, ".csv") || g_str_has_suffix (arg, ".json")
                             ? import_data_path (arg) : g_strdup (arg));
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **)args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
}

static void
cli_fixture_set_up (ImportFixture *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  /* The CLI opens the database itself; the fixture's store only reads. */
  fixture->dir = g_dir_make_tmp ("sp-import-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "workspace.db", NULL);
  fixture->store = NULL;
}

static void
cli_fixture_tear_down (ImportFixture *fixture,
                       gconstpointer  user_data)
{
  remove_tree (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static void
test_cli_catalog_good (ImportFixture *fixture,
                       gconstpointer  user_data)
{
  g_auto(CliResult) result = { 0, };
  g_auto(CliResult) again = { 0, };
  g_autofree char *count = NULL;

  run_cli (fixture, &result, "import-catalog", "catalog-comma.csv", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==,
                   "catalog-comma.csv: 4 rows read, 4 inserted, 0 updated, 0 unchanged, 0 skipped\n"
                   "6 categories created\n");
  g_assert_cmpstr (result.err, ==, "");

  /* Again: nothing new, nothing duplicated. */
  run_cli (fixture, &again, "import-catalog", "catalog-comma.csv", NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_cmpstr (again.out, ==, "catalog-comma.csv: 4 rows read, 0 inserted, 0 updated, 4 unchanged, 0 skipped\n");
  count = query_rows (fixture, "SELECT COUNT (*) FROM products");
  g_assert_cmpstr (count, ==, "4\n");
}

static void
test_cli_catalog_broken (ImportFixture *fixture,
                         gconstpointer  user_data)
{
  g_auto(CliResult) result = { 0, };
  g_auto(CliResult) missing = { 0, };
  g_auto(CliResult) no_file = { 0, };
  g_autofree char *count = NULL;

  /* Exit status 1 and exactly one line on stderr. */
  run_cli (fixture, &result, "import-catalog", "broken-money.csv", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpstr (result.err, ==,
                   "stock-promotion-cli import-catalog: broken-money.csv:5: list_price: "
                   "“12.3.4” is not an amount\n");
  count = query_rows (fixture, "SELECT COUNT (*) FROM products");
  g_assert_cmpstr (count, ==, "0\n");

  run_cli (fixture, &missing, "import-catalog", "no-such-file.csv", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_true (g_str_has_prefix (missing.err, "stock-promotion-cli import-catalog: "));
  g_assert_nonnull (strstr (missing.err, "no-such-file.csv"));
  g_assert_cmpstr (strchr (missing.err, '\n'), ==, "\n");

  run_cli (fixture, &no_file, "import-catalog", NULL);
  g_assert_cmpint (no_file.status, ==, 1);
  g_assert_cmpstr (strchr (no_file.err, '\n'), ==, "\n");
}

static void
test_cli_skip_invalid_json (ImportFixture *fixture,
                            gconstpointer  user_data)
{
  g_auto(CliResult) result = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *report;
  JsonObject *first;

  run_cli (fixture, &result, "import-catalog", "mixed.csv", "--skip-invalid", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  json_parser_load_from_data (parser, result.out, -1, &error);
  g_assert_no_error (error);

  report = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_boolean_member (report, "committed"));
  g_assert_cmpint (json_object_get_int_member (report, "rows_read"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (report, "inserted"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (report, "skipped"), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "errors")), ==, 3);
  first = json_array_get_object_element (json_object_get_array_member (report, "errors"), 0);
  g_assert_cmpint (json_object_get_int_member (first, "line"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (first, "field"), ==, "stock_on_hand");
  g_assert_cmpstr (json_object_get_string_member (first, "message"), ==,
                   "mixed.csv:3: stock_on_hand: “-4” is negative");
}

static void
test_cli_skip_invalid_lists (ImportFixture *fixture,
                             gconstpointer  user_data)
{
  g_auto(CliResult) result = { 0, };

  /* Without --json the skipped rows go to stderr, one per line. */
  run_cli (fixture, &result, "import-catalog", "mixed.csv", "--skip-invalid", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "mixed.csv: 5 rows read, 2 inserted, 0 updated, 0 unchanged, 3 skipped\n");
  g_assert_cmpstr (result.err, ==,
                   "mixed.csv:3: stock_on_hand: “-4” is negative\n"
                   "mixed.csv:4: currency: “EURO” is not a currency code (three letters, like EUR)\n"
                   "mixed.csv:5: sku: the value is empty\n");
}

static void
test_cli_stock (ImportFixture *fixture,
                gconstpointer  user_data)
{
  g_auto(CliResult) catalog = { 0, };
  g_auto(CliResult) stock = { 0, };
  g_auto(CliResult) broken = { 0, };

  run_cli (fixture, &catalog, "import-catalog", "catalog-comma.csv", NULL);
  g_assert_cmpint (catalog.status, ==, 0);
  run_cli (fixture, &stock, "import-stock", "stock.csv", NULL);
  g_assert_cmpint (stock.status, ==, 0);
  g_assert_cmpstr (stock.out, ==, "stock.csv: 3 rows read, 3 inserted, 0 updated, 0 unchanged, 0 skipped\n"
                                  "2 sites created\n");

  run_cli (fixture, &broken, "import-stock", "stock-broken.csv", NULL);
  g_assert_cmpint (broken.status, ==, 1);
  g_assert_cmpstr (broken.err, ==, "stock-promotion-cli import-stock: stock-broken.csv:3: sku: "
                                   "no product “NOPE-1” in the catalog\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    {
      g_printerr ("usage: %s PATH-TO-stock-promotion-cli\n", argv[0]);
      return 1;
    }
  cli_path = argv[1];

#define ADD(path, func) \
  g_test_add (path, ImportFixture, NULL, cli_fixture_set_up, func, cli_fixture_tear_down)
  ADD ("/store/import/cli/catalog-good", test_cli_catalog_good);
  ADD ("/store/import/cli/catalog-broken", test_cli_catalog_broken);
  ADD ("/store/import/cli/skip-invalid-json", test_cli_skip_invalid_json);
  ADD ("/store/import/cli/skip-invalid-lists", test_cli_skip_invalid_lists);
  ADD ("/store/import/cli/stock", test_cli_stock);
#undef ADD

  return g_test_run ();
}
