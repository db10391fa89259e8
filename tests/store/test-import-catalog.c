/* test-import-catalog.c: catalog import, good and broken files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "test-import-util.h"

#define PRODUCT_SQL(sku) \
  "SELECT name, uom, list_price, cost, currency, stock_on_hand, avg_daily_sales, extra_json, " \
  "version FROM products WHERE sku = '" sku "'"

static void
assert_good_import (ImportFixture  *fixture,
                    const char     *name,
                    guint64         rows)
{
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = import_catalog (fixture, name, FALSE, &report, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (sp_import_report_get_committed (report));
  g_assert_cmpuint (sp_import_report_get_rows_read (report), ==, rows);
  g_assert_cmpuint (sp_import_report_get_inserted (report), ==, rows);
  g_assert_cmpuint (sp_import_report_get_skipped (report), ==, 0);
}

static void
test_comma (ImportFixture *fixture,
            gconstpointer  user_data)
{
  g_autofree char *dr100 = NULL;
  g_autofree char *dr200 = NULL;
  g_autofree char *sc001 = NULL;

  assert_good_import (fixture, "catalog-comma.csv", 4);

  dr100 = query_rows (fixture, PRODUCT_SQL ("DR-100"));
  g_assert_cmpstr (dr100, ==, "Cordless drill, 18 V|Each|12990|8050|EUR|40|125|∅|1\n");
  /* Quoted quotes and a newline inside a field. */
  dr200 = query_rows (fixture, PRODUCT_SQL ("DR-200"));
  g_assert_cmpstr (dr200, ==, "Hammer drill \"Pro\"\n(two-line name)|Each|24900|15010|EUR|12|50|∅|1\n");
  sc001 = query_rows (fixture, PRODUCT_SQL ("SC-001"));
  g_assert_cmpstr (sc001, ==, "Wood screws 4x40|Box|750|225|EUR|1200|3075|∅|1\n");
}

static void
test_semicolon_bom (ImportFixture *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *dr100 = NULL;
  g_autofree char *dr300 = NULL;

  /* BOM, CRLF, ';' separators and decimal commas. */
  assert_good_import (fixture, "catalog-semicolon.csv", 2);

  dr100 = query_rows (fixture, PRODUCT_SQL ("DR-100"));
  g_assert_cmpstr (dr100, ==, "Akkubohrschrauber; 18 V|Stück|12990|8050|EUR|40|125|∅|1\n");
  dr300 = query_rows (fixture, PRODUCT_SQL ("DR-300"));
  g_assert_cmpstr (dr300, ==, "Bohrhammer \"SDS\"|Stück|39900|25000|EUR|5|10|∅|1\n");
}

static void
test_reordered_extra (ImportFixture *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *ppe01 = NULL;
  g_autofree char *ppe02 = NULL;

  assert_good_import (fixture, "catalog-reordered.csv", 2);

  /* Optional columns absent: defaults. Extra columns kept as JSON. */
  ppe01 = query_rows (fixture, PRODUCT_SQL ("PPE-01"));
  g_assert_cmpstr (ppe01, ==, "Safety goggles|Each|2500|1000|USD|0|0|"
                              "{\"supplier\":\"Acme\",\"ean\":\"4006381333931\"}|1\n");
  ppe02 = query_rows (fixture, PRODUCT_SQL ("PPE-02"));
  g_assert_cmpstr (ppe02, ==, "Ear plugs|Each|300|150|USD|0|0|{\"supplier\":\"Acme\",\"ean\":\"\"}|1\n");
}

static void
test_json (ImportFixture *fixture,
           gconstpointer  user_data)
{
  g_autofree char *js1 = NULL;
  g_autofree char *js2 = NULL;

  assert_good_import (fixture, "catalog.json", 2);

  /* An integer amount is in major units: 18 is 18.00. */
  js1 = query_rows (fixture, PRODUCT_SQL ("JS-1"));
  g_assert_cmpstr (js1, ==, "Level 60 cm|Each|3490|1800|EUR|75|75|"
                            "{\"brand\":\"Stabila\",\"specs\":{\"length_cm\":60}}|1\n");
  js2 = query_rows (fixture, PRODUCT_SQL ("JS-2"));
  g_assert_cmpstr (js2, ==, "Tape measure 5 m|Each|995|410|EUR|210|0|∅|1\n");
}

static void
test_category_tree (ImportFixture *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tree = NULL;
  g_autofree char *tree2 = NULL;
  g_autofree char *linked = NULL;

  g_assert_true (import_catalog (fixture, "catalog-comma.csv", FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sp_import_report_get_categories_created (report), ==, 6);

  tree = query_rows (fixture,
                     "SELECT c.path, c.name, COALESCE (p.path, '-') FROM categories c "
                     "LEFT JOIN categories p ON p.id = c.parent_id ORDER BY c.path");
  g_assert_cmpstr (tree, ==,
                   "Fasteners|Fasteners|-\n"
                   "Fasteners/Screws|Screws|Fasteners\n"
                   "Tools|Tools|-\n"
                   "Tools/Hand Tools|Hand Tools|Tools\n"
                   "Tools/Power Tools|Power Tools|Tools\n"
                   "Tools/Power Tools/Drills|Drills|Tools/Power Tools\n");

  linked = query_rows (fixture,
                       "SELECT p.sku, c.path FROM products p JOIN categories c ON c.id = p.category_id "
                       "ORDER BY p.sku");
  g_assert_cmpstr (linked, ==,
                   "DR-100|Tools/Power Tools/Drills\n"
                   "DR-200|Tools/Power Tools/Drills\n"
                   "SC-001|Fasteners/Screws\n"
                   "SW-010|Tools/Hand Tools\n");

  /* A second file reuses the stored levels and adds only its new one. */
  g_clear_pointer (&report, sp_import_report_unref);
  g_assert_true (import_catalog (fixture, "catalog.json", FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sp_import_report_get_categories_created (report), ==, 1);
  tree2 = query_rows (fixture, "SELECT COUNT (*) FROM categories");
  g_assert_cmpstr (tree2, ==, "7\n");
}

static void
test_reimport_updates (ImportFixture *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *dr100 = NULL;
  g_autofree char *dr200 = NULL;
  static const char changed[] =
    "sku,name,list_price,cost,currency\n"
    "DR-100,Cordless drill 18 V (new),119.90,80.50,EUR\n"
    "DR-200,\"Hammer drill \"\"Pro\"\"\n(two-line name)\",249.00,150.10,EUR\n";

  assert_good_import (fixture, "catalog-comma.csv", 4);

  /* The same file again changes nothing: no duplicates, no new versions. */
  g_assert_true (import_catalog (fixture, "catalog-comma.csv", FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sp_import_report_get_inserted (report), ==, 0);
  g_assert_cmpuint (sp_import_report_get_updated (report), ==, 0);
  g_assert_cmpuint (sp_import_report_get_unchanged (report), ==, 4);
  count = query_rows (fixture, "SELECT COUNT (*), MAX (version) FROM products");
  g_assert_cmpstr (count, ==, "4|1\n");

  /* A changed row is updated in place; columns the file lacks are kept. */
  g_clear_pointer (&report, sp_import_report_unref);
  bytes = g_bytes_new_static (changed, sizeof changed - 1);
  g_assert_true (sp_catalog_import_bytes (fixture->store, "changed.csv", bytes, NULL, &report,
                                          NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sp_import_report_get_inserted (report), ==, 0);
  g_assert_cmpuint (sp_import_report_get_updated (report), ==, 1);

  dr100 = query_rows (fixture, PRODUCT_SQL ("DR-100"));
  g_assert_cmpstr (dr100, ==, "Cordless drill 18 V (new)|Each|11990|8050|EUR|40|125|∅|2\n");
  dr200 = query_rows (fixture, PRODUCT_SQL ("DR-200") " AND category_id IS NOT NULL");
  g_assert_cmpstr (dr200, ==, "Hammer drill \"Pro\"\n(two-line name)|Each|24900|15010|EUR|12|50|∅|1\n");
  g_free (count);
  count = query_rows (fixture, "SELECT COUNT (*) FROM products");
  g_assert_cmpstr (count, ==, "4\n");
}

typedef struct
{
  const char *file;
  guint       line;
  int         index;
  const char *field;
  const char *message;
} BrokenCase;

static const BrokenCase broken_cases[] = {
  /* Line 5: the row before spans lines 3 and 4. */
  { "broken-money.csv", 5, -1, "list_price",
    "broken-money.csv:5: list_price: “12.3.4” is not an amount" },
  { "broken-short-row.csv", 3, -1, NULL,
    "broken-short-row.csv:3: the row has 4 fields, the header has 5" },
  { "broken-utf8.csv", 3, -1, "name", "broken-utf8.csv:3: name: the text is not valid UTF-8" },
  { "broken-type.json", 0, 1, "list_price",
    "broken-type.json: $[1].list_price: a number with a fraction is not exact; "
    "write it as a string (\"12.30\")" },
  { "broken-duplicate.csv", 4, -1, "sku",
    "broken-duplicate.csv:4: sku: “D-1” appears more than once in the file" },
};

static void
test_broken (ImportFixture *fixture,
             gconstpointer  user_data)
{
  const BrokenCase *broken = user_data;
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const SpImportRowError *row_error;
  g_autofree char *count = NULL;

  g_assert_false (import_catalog (fixture, broken->file, FALSE, &report, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT);
  g_assert_cmpstr (error->message, ==, broken->message);

  g_assert_false (sp_import_report_get_committed (report));
  g_assert_cmpuint (sp_import_report_get_n_errors (report), ==, 1);
  row_error = sp_import_report_get_error (report, 0);
  g_assert_cmpuint (row_error->line, ==, broken->line);
  g_assert_cmpint (row_error->index, ==, broken->index);
  g_assert_cmpstr (row_error->field, ==, broken->field);
  g_assert_cmpstr (row_error->message, ==, broken->message);

  /* The good rows before the bad one are not stored either. */
  count = query_rows (fixture, "SELECT COUNT (*) FROM products");
  g_assert_cmpstr (count, ==, "0\n");
}

static void
test_missing_column (ImportFixture *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (import_catalog (fixture, "broken-missing-column.csv", TRUE, &report, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT);
  g_assert_cmpstr (error->message, ==, "broken-missing-column.csv:1: cost: the header has no such column");
  g_assert_false (sp_import_report_get_committed (report));
}

static void
test_atomic (ImportFixture *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  assert_good_import (fixture, "catalog-comma.csv", 4);
  before = dump_workspace (fixture);

  /* are valid and come first; A-3 fails the file. */
  g_assert_false (import_catalog (fixture, "broken-money.csv", FALSE, NULL, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT);
  g_clear_error (&error);
  g_assert_false (import_catalog (fixture, "broken-duplicate.csv", FALSE, NULL, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT);

  after = dump_workspace (fixture);
  g_assert_cmpstr (after, ==, before);
}

static void
test_skip_invalid (ImportFixture *fixture,
                   gconstpointer  user_data)
{
  static const struct { guint line; const char *field; const char *message; } expected[] = {
    { 3, "stock_on_hand", "mixed.csv:3: stock_on_hand: “-4” is negative" },
    { 4, "currency", "mixed.csv:4: currency: “EURO” is not a currency code (three letters, like EUR)" },
    { 5, "sku", "mixed.csv:5: sku: the value is empty" },
  };
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *skus = NULL;

  g_assert_true (import_catalog (fixture, "mixed.csv", TRUE, &report, &error));
  g_assert_no_error (error);
  g_assert_true (sp_import_report_get_committed (report));
  g_assert_cmpuint (sp_import_report_get_rows_read (report), ==, 5);
  g_assert_cmpuint (sp_import_report_get_inserted (report), ==, 2);
  g_assert_cmpuint (sp_import_report_get_skipped (report), ==, 3);
  g_assert_cmpuint (sp_import_report_get_n_errors (report), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const SpImportRowError *row_error = sp_import_report_get_error (report, i);

      g_assert_cmpuint (row_error->line, ==, expected[i].line);
      g_assert_cmpstr (row_error->field, ==, expected[i].field);
      g_assert_cmpstr (row_error->message, ==, expected[i].message);
    }

  skus = query_rows (fixture, "SELECT sku FROM products ORDER BY sku");
  g_assert_cmpstr (skus, ==, "M-1\nM-4\n");
}

static void
test_skip_invalid_duplicate (ImportFixture *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;

  /* The first occurrence wins; the repeat is listed. */
  g_assert_true (import_catalog (fixture, "broken-duplicate.csv", TRUE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sp_import_report_get_skipped (report), ==, 1);
  g_assert_cmpuint (sp_import_report_get_error (report, 0)->line, ==, 4);
  rows = query_rows (fixture, "SELECT sku, name FROM products ORDER BY sku");
  g_assert_cmpstr (rows, ==, "D-1|First\nD-2|Other\n");
}

static void
test_outbox (ImportFixture *fixture,
             gconstpointer  user_data)
{
  g_autofree char *outbox = NULL;

  assert_good_import (fixture, "catalog-comma.csv", 4);
  outbox = query_rows (fixture, "SELECT entity, action, payload FROM outbox");
  g_assert_cmpstr (outbox, ==,
                   "import|catalog.imported|{\"file\":\"catalog-comma.csv\",\"rows_read\":4,"
                   "\"inserted\":4,\"updated\":0,\"skipped\":0}\n");
}

static void
test_cancelled (ImportFixture *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = import_data_path ("catalog-comma.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (sp_catalog_import_file (fixture->store, path, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  count = query_rows (fixture, "SELECT COUNT (*) FROM products");
  g_assert_cmpstr (count, ==, "0\n");
}

static void
test_many_rows (ImportFixture *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GString) text = g_string_new ("sku,name,list_price,cost,currency,category_path\n");
  g_autofree char *path = g_build_filename (fixture->dir, "many.csv", NULL);
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const guint n_rows = 30000;

  /* Short rows: the parsing thread runs many batches ahead of the writer. */
  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "S%u,n,1,1,EUR,C%u/D%u\n", i, i % 7, i % 3);
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_true (sp_catalog_import_file (fixture->store, path, NULL, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sp_import_report_get_inserted (report), ==, n_rows);
  count = query_rows (fixture, "SELECT COUNT (*), COUNT (DISTINCT category_id) FROM products");
  g_assert_cmpstr (count, ==, "30000|21\n");

  /* A repeated SKU on the last line fails the whole file, naming that line. */
  before = dump_workspace (fixture);
  g_string_append (text, "S17,again,2,1,EUR,\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_false (sp_catalog_import_file (fixture->store, path, NULL, NULL, NULL, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT);
  g_assert_cmpstr (error->message, ==, "many.csv:30002: sku: “S17” appears more than once in the file");
  after = dump_workspace (fixture);
  g_assert_cmpstr (after, ==, before);
}

/* The first load into an empty catalog (plain inserts, many rows per
 * statement, indexes built at the end) and the upsert of a catalog that
 * already has products store the same rows. */
static void
test_first_load_same_as_upsert (ImportFixture *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GString) text = g_string_new ("sku,name,list_price,cost,currency,category_path,"
                                          "uom,stock_on_hand,avg_daily_sales,colour\n");
  g_autofree char *path = g_build_filename (fixture->dir, "load.csv", NULL);
  g_autofree char *seed_path = g_build_filename (fixture->dir, "seed.csv", NULL);
  ImportFixture other = { NULL, };
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(SpImportReport) other_report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *upserted = NULL;
  g_autofree char *first_categories = NULL;
  g_autofree char *upserted_categories = NULL;
  g_autofree char *indexes = NULL;
  g_autofree char *integrity = NULL;
  const guint n_rows = 700;   /* not a multiple of the batch: the last rows go alone */
  const char *products_sql =
    "SELECT p.sku, p.name, c.path, p.uom, p.list_price, p.cost, p.currency, p.stock_on_hand, "
    "p.avg_daily_sales, p.extra_json, p.version, length (p.id) FROM products p "
    "LEFT JOIN categories c ON c.id = p.category_id WHERE p.sku <> 'SEED' ORDER BY p.sku";
  const char *categories_sql =
    "SELECT c.path, c.name, parent.path FROM categories c "
    "LEFT JOIN categories parent ON parent.id = c.parent_id ORDER BY c.path";

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "P%04u,Name %u,%u.%02u,%u,EUR,%s,%s,%s,%s,%s\n",
                            i, i, i, i % 100, i / 2,
                            i % 5 == 0 ? "" : i % 3 == 0 ? "Tools/Hand" : "Tools/Power/Drills",
                            i % 4 == 0 ? "" : "Box",
                            i % 6 == 0 ? "" : "12",
                            i % 7 == 0 ? "" : "1.5",
                            i % 2 == 0 ? "" : "red");
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (seed_path,
                                      "sku,name,list_price,cost,currency,category_path\n"
                                      "SEED,Seed,1,1,EUR,Tools/Hand\n", -1, &error));
  g_assert_no_error (error);

  /* A secondary index on products (schema v2 has none of its own): the
   * first load drops it and builds it again at the end. */
  exec_sql (fixture, "CREATE INDEX products_name ON products (name)");

  /* Here the catalog is empty: the first-load path. */
  g_assert_true (sp_catalog_import_file (fixture->store, path, NULL, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sp_import_report_get_inserted (report), ==, n_rows);

  /* There it has a product already: the upsert path. */
  import_fixture_set_up (&other, NULL);
  g_assert_true (sp_catalog_import_file (other.store, seed_path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sp_catalog_import_file (other.store, path, NULL, &other_report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sp_import_report_get_inserted (other_report), ==, n_rows);

  first = query_rows (fixture, products_sql);
  upserted = query_rows (&other, products_sql);
  g_assert_cmpstr (first, ==, upserted);
  g_assert_true (g_str_has_prefix (first, "P0000|Name 0|∅|Each|0|0|EUR|0|0|{\"colour\":\"\"}|1|36\n"
                                          "P0001|Name 1|Tools/Power/Drills|Box|101|0|EUR|12|150|"
                                          "{\"colour\":\"red\"}|1|36\n"));
  first_categories = query_rows (fixture, categories_sql);
  upserted_categories = query_rows (&other, categories_sql);
  g_assert_cmpstr (first_categories, ==, upserted_categories);
  g_assert_cmpstr (first_categories, ==,
                   "Tools|Tools|∅\nTools/Hand|Hand|Tools\nTools/Power|Power|Tools\n"
                   "Tools/Power/Drills|Drills|Tools/Power\n");
  import_fixture_tear_down (&other, NULL);

  /* The index the first load dropped is back and complete, and the ids are
   * distinct. */
  indexes = query_rows (fixture,
                        "SELECT (SELECT count (*) FROM sqlite_master WHERE type = 'index' "
                        "AND name = 'products_name'), count (DISTINCT id) FROM products");
  g_assert_cmpstr (indexes, ==, "1|700\n");
  integrity = query_rows (fixture, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok\n");
}

/* A SKU repeated while its first row still waits for its batch. */
static void
test_first_load_duplicate (ImportFixture *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "dup.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  g_assert_true (g_file_set_contents (path,
                                      "sku,name,list_price,cost,currency\n"
                                      "A,a,1,1,EUR\nB,b,1,1,EUR\nA,again,1,1,EUR\n", -1, &error));
  g_assert_no_error (error);
  g_assert_false (sp_catalog_import_file (fixture->store, path, NULL, NULL, NULL, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT);
  g_assert_cmpstr (error->message, ==, "dup.csv:4: sku: “A” appears more than once in the file");
  count = query_rows (fixture, "SELECT count (*) FROM products");
  g_assert_cmpstr (count, ==, "0\n");
}

/* A first load has no set of seen SKUs: the unique index finds a repeat,
 * also in a full batch of rows (written by one statement) and across
 * batches. The file's rows: P0000 … P0999, with rows 300 (line 302), 700
 * and 997 repeating P0010, P0650 and P0996. */
static void
test_first_load_repeats (ImportFixture *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GString) text = g_string_new ("sku,name,list_price,cost,currency,category_path\n");
  g_autofree char *path = g_build_filename (fixture->dir, "repeats.csv", NULL);
  SpImportOptions options = SP_IMPORT_OPTIONS_INIT;
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *first = NULL;
  static const guint repeats[][2] = { { 300, 10 }, { 700, 650 }, { 997, 996 } };

  for (guint i = 0; i < 1000; i++)
    {
      guint sku = i;

      for (guint r = 0; r < G_N_ELEMENTS (repeats); r++)
        if (repeats[r][0] == i)
          sku = repeats[r][1];
      g_string_append_printf (text, "P%04u,Name %u,1.00,0.50,EUR,Tools/T%u\n", sku, i, i % 7);
    }
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);

  /* Strict: nothing imported, the first repeat named. */
  g_assert_false (sp_catalog_import_file (fixture->store, path, NULL, &report, NULL, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT);
  g_assert_cmpstr (error->message, ==,
                   "repeats.csv:302: sku: “P0010” appears more than once in the file "
                   "(and 2 more invalid rows; nothing was imported)");
  g_clear_error (&error);
  g_clear_pointer (&report, sp_import_report_unref);
  counts = query_rows (fixture, "SELECT (SELECT count (*) FROM products), "
                                "(SELECT count (*) FROM categories)");
  g_assert_cmpstr (counts, ==, "0|0\n");
  g_clear_pointer (&counts, g_free);

  /* Skipping them: every other row, the first of each SKU. */
  options.skip_invalid = TRUE;
  g_assert_true (sp_catalog_import_file (fixture->store, path, &options, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sp_import_report_get_rows_read (report), ==, 1000);
  g_assert_cmpuint (sp_import_report_get_inserted (report), ==, 997);
  g_assert_cmpuint (sp_import_report_get_skipped (report), ==, 3);
  g_assert_cmpuint (sp_import_report_get_n_errors (report), ==, 3);
  g_assert_cmpuint (sp_import_report_get_error (report, 0)->line, ==, 302);
  g_assert_cmpuint (sp_import_report_get_error (report, 1)->line, ==, 702);
  g_assert_cmpuint (sp_import_report_get_error (report, 2)->line, ==, 999);
  g_assert_cmpstr (sp_import_report_get_error (report, 2)->field, ==, "sku");

  counts = query_rows (fixture, "SELECT count (*), count (DISTINCT sku), count (DISTINCT id) "
                                "FROM products");
  g_assert_cmpstr (counts, ==, "997|997|997\n");
  first = query_rows (fixture, "SELECT sku, name FROM products "
                               "WHERE sku IN ('P0010', 'P0650', 'P0996') ORDER BY sku");
  g_assert_cmpstr (first, ==, "P0010|Name 10\nP0650|Name 650\nP0996|Name 996\n");
}

typedef struct
{
  GAsyncResult *result;
  guint         n_progress;
  guint64       rows;
} AsyncState;

static void
progress_cb (guint64  bytes_read,
             guint64  bytes_total,
             guint64  rows_read,
             gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_cmpuint (bytes_read, <=, bytes_total);
  state->n_progress++;
  state->rows = rows_read;
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncState *state = user_data;

  state->result = g_object_ref (result);
}

static void
test_async (ImportFixture *fixture,
            gconstpointer  user_data)
{
  g_autofree char *path = import_data_path ("catalog-comma.csv");
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  SpImportOptions options = SP_IMPORT_OPTIONS_INIT;
  AsyncState state = { NULL, };

  options.progress = progress_cb;
  options.progress_data = &state;
  sp_catalog_import_file_async (fixture->store, path, &options, NULL, imported_cb, &state);
  while (state.result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (sp_catalog_import_file_finish (fixture->store, state.result, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sp_import_report_get_inserted (report), ==, 4);

  /* Progress arrives on this thread, the last one before the result. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (state.n_progress, >=, 1);
  g_assert_cmpuint (state.rows, ==, 4);

  /* The worker thread drops its reference to the task (and so to the store)
   * a moment after the result arrives; wait for it before tear-down. */
  g_object_add_weak_pointer (G_OBJECT (state.result), (gpointer *)&state.result);
  g_object_unref (state.result);
  while (g_atomic_pointer_get (&state.result) != NULL)
    g_usleep (1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, ImportFixture, NULL, import_fixture_set_up, func, import_fixture_tear_down)
  ADD ("/store/import/catalog/comma", test_comma);
  ADD ("/store/import/catalog/semicolon-bom", test_semicolon_bom);
  ADD ("/store/import/catalog/reordered-extra", test_reordered_extra);
  ADD ("/store/import/catalog/json", test_json);
  ADD ("/store/import/catalog/category-tree", test_category_tree);
  ADD ("/store/import/catalog/reimport-updates", test_reimport_updates);
  ADD ("/store/import/catalog/missing-column", test_missing_column);
  ADD ("/store/import/catalog/atomic", test_atomic);
  ADD ("/store/import/catalog/skip-invalid", test_skip_invalid);
  ADD ("/store/import/catalog/skip-invalid-duplicate", test_skip_invalid_duplicate);
  ADD ("/store/import/catalog/first-load-repeats", test_first_load_repeats);
  ADD ("/store/import/catalog/outbox", test_outbox);
  ADD ("/store/import/catalog/cancelled", test_cancelled);
  ADD ("/store/import/catalog/async", test_async);
  ADD ("/store/import/catalog/many-rows", test_many_rows);
  ADD ("/store/import/catalog/first-load-same-as-upsert", test_first_load_same_as_upsert);
  ADD ("/store/import/catalog/first-load-duplicate", test_first_load_duplicate);
#undef ADD

  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/import/catalog/broken/%s", broken_cases[i].file);

      g_test_add (path, ImportFixture, &broken_cases[i], import_fixture_set_up, test_broken,
                  import_fixture_tear_down);
    }

  return g_test_run ();
}
