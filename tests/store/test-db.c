/* test-db.c: opening, migrating and configuring the workspace database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "sp-db-private.h"
#include "sp-store.h"

typedef struct
{
  char *dir;
  char *path;
} DbFixture;

static void
db_fixture_set_up (DbFixture     *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sp-test-db-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "workspace.db", NULL);
}

static void
db_fixture_tear_down (DbFixture     *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

static void
test_db_migrate_empty (DbFixture     *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3) db = NULL;
  g_autofree char *journal = NULL;

  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  db = _sp_db_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, SP_DB_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
  journal = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");

  /* Every table of schema v1 is there, and empty. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                                  "name IN ('categories', 'sites', 'products', 'product_stock', "
                                  "'segments', 'companies', 'sales_orders', 'sales_order_lines', "
                                  "'campaigns', 'campaign_sites', 'campaign_scope', "
                                  "'campaign_segments', 'segment_mappings', 'coupons', "
                                  "'price_lists', 'price_list_entries', 'quotes', 'quote_lines', "
                                  "'banners', 'promotions', 'approvals', 'outbox', 'runs', "
                                  "'run_steps', 'settings')"), ==, 25);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM campaigns"), ==, 0);
}

static void
test_db_reopen_keeps_data (DbFixture     *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  db = _sp_db_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (_sp_db_exec (db, "INSERT INTO settings (key, value) VALUES ('k', 'kept')",
                              &error));
  g_assert_no_error (error);
  sqlite3_close_v2 (db);

  db = _sp_db_open (fixture->path, &error);
  g_assert_no_error (error);
  {
    g_autofree char *value = query_text (db, "SELECT value FROM settings WHERE key = 'k'");
    g_assert_cmpstr (value, ==, "kept");
  }
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, SP_DB_SCHEMA_VERSION);
  sqlite3_close_v2 (db);
}

/* A workspace written by a build that knew only schema 1 (the committed
 * schema-v1.sql, WAL, user_version 1), with products and rows that refer to
 * them: opening it migrates it to the current schema and keeps every row
 * and reference. */
static void
test_db_migrate_from_v1 (DbFixture     *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *v1_path = g_build_filename (g_getenv ("SP_SOURCE_ROOT"), "src", "store",
                                               "schema-v1.sql", NULL);
  g_autofree char *v1_sql = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *check = NULL;
  sqlite3 *raw = NULL;
  sqlite3 *db;

  g_assert_true (g_file_get_contents (v1_path, &v1_sql, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open (fixture->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, v1_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "PRAGMA user_version = 1;"
                                 "INSERT INTO categories (id, parent_id, name, path) VALUES "
                                 "  ('c1', NULL, 'Tools', 'Tools'), "
                                 "  ('c2', 'c1', 'Drills', 'Tools/Drills');"
                                 "INSERT INTO sites (id, code, name) VALUES ('s1', 'DE', 'Germany');"
                                 "INSERT INTO products (id, sku, name, category_id, list_price, cost, "
                                 "  currency, version) VALUES "
                                 "  ('p1', 'DR-1', 'Drill', 'c2', 12990, 8050, 'EUR', 3), "
                                 "  ('p2', 'SC-1', 'Screws', NULL, 750, 225, 'EUR', 1);"
                                 "INSERT INTO product_stock VALUES ('p1', 's1', 40, 125);"
                                 "INSERT INTO companies (id, code, name) VALUES ('k1', 'K-1', 'Acme');"
                                 "INSERT INTO sales_orders VALUES ('o1', 'SO-1', 'k1', 's1', "
                                 "  '2026-01-02', 'EUR');"
                                 "INSERT INTO sales_order_lines VALUES ('l1', 'o1', 1, 'p1', 2, 12990);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (raw, "SELECT count (*) FROM sqlite_master "
                                   "WHERE name = 'products_category'"), ==, 1);
  sqlite3_close (raw);

  db = _sp_db_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, SP_DB_SCHEMA_VERSION);

  /* Version 2 dropped the index on products.category_id, nothing else. */
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM sqlite_master "
                                  "WHERE name = 'products_category'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM sqlite_master "
                                  "WHERE name = 'sales_order_lines_product'"), ==, 1);

  /* Every row and every reference is still there. */
  rows = query_text (db, "SELECT group_concat (line, ';') FROM ("
                         "SELECT p.sku || ',' || p.name || ',' || coalesce (c.path, '-') || ',' || "
                         "  p.version || ',' || coalesce (s.stock_on_hand, '-') || ',' || "
                         "  (SELECT count (*) FROM sales_order_lines l WHERE l.product_id = p.id) "
                         "  AS line "
                         "FROM products p LEFT JOIN categories c ON c.id = p.category_id "
                         "LEFT JOIN product_stock s ON s.product_id = p.id ORDER BY p.sku)");
  g_assert_cmpstr (rows, ==, "DR-1,Drill,Tools/Drills,3,40,1;SC-1,Screws,-,1,-,0");
  check = query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM pragma_foreign_key_check"), ==, 0);

  /* The foreign key from products to categories is still enforced. */
  g_assert_false (_sp_db_exec (db, "INSERT INTO products (id, sku, name, category_id, list_price, "
                                   "cost, currency) VALUES ('p3', 'X-1', 'X', 'no-such-category', "
                                   "1, 1, 'EUR')", &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  sqlite3_close_v2 (db);

  /* Opening it again changes nothing. */
  db = _sp_db_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, SP_DB_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM products"), ==, 2);
  sqlite3_close_v2 (db);
}

static void
test_db_newer_schema (DbFixture     *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;
  g_autoptr(SpStore) store = NULL;
  sqlite3 *raw = NULL;
  sqlite3 *db;

  /* A database from a future build: plain rollback journal, version 999. */
  g_assert_cmpint (sqlite3_open (fixture->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE future (x); INSERT INTO future VALUES (42); "
                                      "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  g_assert_true (g_file_get_contents (fixture->path, &before, &before_len, NULL));

  db = _sp_db_open (fixture->path, &error);
  g_assert_null (db);
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_SCHEMA);
  g_assert_nonnull (strstr (error->message, "schema 999, this build knows 2"));
  g_clear_error (&error);

  store = sp_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_SCHEMA);

  /* Not a byte changed, and no WAL file appeared. */
  g_assert_true (g_file_get_contents (fixture->path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  {
    g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
}

static void
test_db_not_a_database (DbFixture     *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3) db = NULL;

  g_assert_true (g_file_set_contents (fixture->path, "sku,name\nA,B\n", -1, NULL));
  db = _sp_db_open (fixture->path, &error);
  g_assert_null (db);
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, fixture->path));
}

static void
test_db_creates_folder (DbFixture     *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (fixture->dir, "a", "b", NULL);
  g_autofree char *path = g_build_filename (folder, "workspace.db", NULL);
  g_autofree char *a = g_build_filename (fixture->dir, "a", NULL);
  sqlite3 *db;

  db = _sp_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  sqlite3_close_v2 (db);

  /* Clean up what the fixture does not know about. */
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (path);
    g_rmdir (folder);
    g_rmdir (a);
  }
}

static void
test_db_foreign_keys (DbFixture     *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3) db = _sp_db_open (fixture->path, &error);

  g_assert_no_error (error);
  g_assert_false (_sp_db_exec (db, "INSERT INTO campaign_sites (campaign_id, site_id) "
                                   "VALUES ('no-such-campaign', 'no-such-site')", &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM campaign_sites"), ==, 0);
}

static void
test_db_outbox (DbFixture     *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3) db = _sp_db_open (fixture->path, &error);

  g_assert_no_error (error);
  g_assert_true (_sp_db_begin (db, &error));
  g_assert_true (_sp_db_append_outbox (db, "campaign", "c1", "created", "{\"a\":1}", &error));
  g_assert_true (_sp_db_append_outbox (db, "campaign", "c1", "updated", NULL, &error));
  g_assert_true (_sp_db_commit (db, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM outbox"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT idempotency_key) FROM outbox"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT length(idempotency_key) FROM outbox LIMIT 1"), ==, 36);

  /* A rolled back transaction leaves no outbox row behind. */
  g_assert_true (_sp_db_begin (db, &error));
  g_assert_true (_sp_db_append_outbox (db, "campaign", "c2", "created", NULL, &error));
  _sp_db_rollback (db);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM outbox"), ==, 2);
}

static void
open_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  SpStore **store = user_data;
  g_autoptr(GError) error = NULL;

  *store = sp_store_open_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_store_open_async (DbFixture     *fixture,
                       gconstpointer  user_data)
{
  SpStore *store = NULL;

  sp_store_open_async (fixture->path, NULL, open_cb, &store);
  while (store == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (sp_store_get_path (store), ==, fixture->path);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_assert_finalize_object (store);
}

static void
changed_cb (SpStore *store,
            gpointer user_data)
{
  guint *n_changed = user_data;

  (*n_changed)++;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_store_watch (DbFixture     *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (fixture->path, &error);
  g_autoptr(sqlite3) other = NULL;
  gboolean timed_out = FALSE;
  guint n_changed = 0;
  guint timeout_id;

  g_assert_no_error (error);
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &n_changed);
  sp_store_watch (store, 10);

  /* Give the watcher time to take its baseline, then write from "another
   * process" (another connection). */
  g_usleep (50 * G_TIME_SPAN_MILLISECOND);
  other = _sp_db_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (_sp_db_exec (other, "INSERT INTO settings VALUES ('x', 'y')", &error));

  timeout_id = g_timeout_add_seconds (5, timeout_cb, &timed_out);
  while (n_changed == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout_id);
  g_assert_cmpuint (n_changed, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, DbFixture, NULL, db_fixture_set_up, func, db_fixture_tear_down)

  ADD ("/store/db/migrate-empty", test_db_migrate_empty);
  ADD ("/store/db/reopen-keeps-data", test_db_reopen_keeps_data);
  ADD ("/store/db/migrate-from-v1", test_db_migrate_from_v1);
  ADD ("/store/db/newer-schema-untouched", test_db_newer_schema);
  ADD ("/store/db/not-a-database", test_db_not_a_database);
  ADD ("/store/db/creates-folder", test_db_creates_folder);
  ADD ("/store/db/foreign-keys", test_db_foreign_keys);
  ADD ("/store/db/outbox", test_db_outbox);
  ADD ("/store/store/open-async", test_store_open_async);
  ADD ("/store/store/watch", test_store_watch);

#undef ADD

  return g_test_run ();
}
