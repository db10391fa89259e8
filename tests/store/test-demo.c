/* test-demo.c: the demo workspace is deterministic, realistic and safe to write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "sp-db-private.h"
#include "sp-demo-workspace.h"

/* Every table of schema v1, in a fixed order, for the content digest. */
static const char * const dump_statements[] = {
  "SELECT * FROM categories ORDER BY rowid",
  "SELECT * FROM sites ORDER BY rowid",
  "SELECT * FROM products ORDER BY rowid",
  "SELECT * FROM product_stock ORDER BY rowid",
  "SELECT * FROM segments ORDER BY rowid",
  "SELECT * FROM companies ORDER BY rowid",
  "SELECT * FROM sales_orders ORDER BY rowid",
  "SELECT * FROM sales_order_lines ORDER BY rowid",
  "SELECT * FROM campaigns ORDER BY rowid",
  "SELECT * FROM campaign_sites ORDER BY rowid",
  "SELECT * FROM campaign_scope ORDER BY rowid",
  "SELECT * FROM campaign_segments ORDER BY rowid",
  "SELECT * FROM segment_mappings ORDER BY rowid",
  "SELECT * FROM coupons ORDER BY rowid",
  "SELECT * FROM price_lists ORDER BY rowid",
  "SELECT * FROM price_list_entries ORDER BY rowid",
  "SELECT * FROM quotes ORDER BY rowid",
  "SELECT * FROM quote_lines ORDER BY rowid",
  "SELECT * FROM banners ORDER BY rowid",
  "SELECT * FROM promotions ORDER BY rowid",
  "SELECT * FROM approvals ORDER BY rowid",
  "SELECT * FROM outbox ORDER BY rowid",
  "SELECT * FROM runs ORDER BY rowid",
  "SELECT * FROM run_steps ORDER BY rowid",
  "SELECT * FROM settings ORDER BY rowid",
};

/* Two workspaces written once for all the tests, in their own folder. */
typedef struct
{
  char *dir;
  char *path_a;
  char *path_b;
  char *digest_a;     /* of path_a, as written */
  SpDemoWorkspaceCounts counts;
  gint64 write_usec;
} DemoData;

static char *
digest_database (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(sqlite3) db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < G_N_ELEMENTS (dump_statements); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, dump_statements[i], -1, &stmt, NULL), ==, SQLITE_OK);
      g_checksum_update (checksum, (const guchar *)dump_statements[i], -1);

      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const guchar *text = sqlite3_column_text (stmt, c);
              char type = '0' + sqlite3_column_type (stmt, c);

              /* The type too, so that NULL, '' and 0 differ. */
              g_checksum_update (checksum, (const guchar *)&type, 1);
              if (text != NULL)
                g_checksum_update (checksum, text, sqlite3_column_bytes (stmt, c));
              g_checksum_update (checksum, (const guchar *)"\x1f", 1);
            }
          g_checksum_update (checksum, (const guchar *)"\n", 1);
        }
    }

  return g_strdup (g_checksum_get_string (checksum));
}

/* The figures every machine must produce, in columns no later schema
 * changes: a port that draws or rounds differently fails here. */
static const char * const golden_statements[] = {
  "SELECT sku, name, uom, list_price, cost, stock_on_hand, avg_daily_sales FROM products ORDER BY sku",
  "SELECT o.number, o.order_date, c.code, l.line_no, p.sku, l.quantity, l.unit_price "
  "FROM sales_order_lines l JOIN sales_orders o ON o.id = l.order_id "
  "JOIN companies c ON c.id = o.company_id JOIN products p ON p.id = l.product_id "
  "ORDER BY o.number, l.line_no",
  "SELECT code, name, city FROM companies ORDER BY code",
  "SELECT c.name, c.units_to_clear, p.sku, e.old_price, e.new_price, e.discount_bp "
  "FROM price_list_entries e JOIN price_lists l ON l.id = e.price_list_id "
  "JOIN campaigns c ON c.id = l.campaign_id JOIN products p ON p.id = e.product_id "
  "ORDER BY c.name, l.name, p.sku",
};
#define GOLDEN_DIGEST "6cf1c8d5a1537d7a6964be588430a388a3e446428b4f8f0253e8b2a2cebd307a"

static char *
digest_golden (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(sqlite3) db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < G_N_ELEMENTS (golden_statements); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, golden_statements[i], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const guchar *text = sqlite3_column_text (stmt, c);

              if (text != NULL)
                g_checksum_update (checksum, text, sqlite3_column_bytes (stmt, c));
              g_checksum_update (checksum, (const guchar *)"|", 1);
            }
          g_checksum_update (checksum, (const guchar *)"\n", 1);
        }
    }

  return g_strdup (g_checksum_get_string (checksum));
}

static sqlite3 *
open_read_only (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  return db;
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
test_demo_deterministic (gconstpointer user_data)
{
  const DemoData *data = user_data;
  g_autofree char *digest_b = digest_database (data->path_b);
  g_autoptr(sqlite3) db = open_read_only (data->path_a);
  g_autofree char *first_id = query_text (db, "SELECT id FROM products ORDER BY sku LIMIT 1");

  g_autofree char *golden = digest_golden (data->path_a);

  g_assert_cmpstr (data->digest_a, ==, digest_b);
  /* The same as on the machine this test was written on. When the generator
   * changes on purpose, update GOLDEN_DIGEST and data/demo/README.md. */
  g_assert_cmpstr (golden, ==, GOLDEN_DIGEST);

  /* Ids are UUID-shaped, and derived, not random. */
  g_assert_true (g_uuid_string_is_valid (first_id));
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT id) FROM products"), ==, 5000);
}

static void
test_demo_counts (gconstpointer user_data)
{
  const DemoData *data = user_data;
  g_autoptr(sqlite3) db = open_read_only (data->path_a);
  g_autofree char *first_day = query_text (db, "SELECT min(order_date) FROM sales_orders");
  g_autofree char *last_day = query_text (db, "SELECT max(order_date) FROM sales_orders");

  g_assert_cmpuint (data->counts.n_products, ==, 5000);
  g_assert_cmpuint (data->counts.n_sites, ==, 3);
  g_assert_cmpuint (data->counts.n_segments, ==, 5);
  g_assert_cmpuint (data->counts.n_companies, ==, 200);
  g_assert_cmpuint (data->counts.n_sales_order_lines, >=, 18000);
  g_assert_cmpuint (data->counts.n_sales_order_lines, <=, 22000);
  g_assert_cmpuint (data->counts.n_campaigns, >=, 4);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM products"), ==, data->counts.n_products);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sales_order_lines"), ==,
                   data->counts.n_sales_order_lines);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sites WHERE "
                                  "(code = 'DE' AND currency = 'EUR') OR "
                                  "(code = 'AT' AND currency = 'EUR') OR "
                                  "(code = 'US' AND currency = 'USD')"), ==, 3);
  /* Companies at every site, each in a segment. */
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT site_id) FROM companies"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM companies WHERE segment_id IS NULL "
                                  "OR city = '' OR country = ''"), ==, 0);

  /* Twelve months before the reference date 2026-11-01, weekdays only. */
  g_assert_cmpstr (first_day, >=, "2025-11-01");
  g_assert_cmpstr (first_day, <=, "2025-11-10");
  g_assert_cmpstr (last_day, >=, "2026-10-20");
  g_assert_cmpstr (last_day, <=, "2026-10-31");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sales_orders "
                                  "WHERE strftime('%w', order_date) IN ('0', '6')"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sales_orders o WHERE NOT EXISTS "
                                  "(SELECT 1 FROM sales_order_lines l WHERE l.order_id = o.id)"), ==, 0);
}

static void
test_demo_category_tree (gconstpointer user_data)
{
  const DemoData *data = user_data;
  g_autoptr(sqlite3) db = open_read_only (data->path_a);
  const char *depth = "(length (path) - length (replace (path, '/', '')))";
  g_autofree char *sql = NULL;

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM categories WHERE parent_id IS NULL"), >=, 8);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM categories WHERE path = 'Tools/Power Tools/Drills'"), ==, 1);
  /* A child's path is its parent's path and its own name. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM categories c JOIN categories p "
                                  "ON p.id = c.parent_id WHERE c.path != p.path || '/' || c.name"), ==, 0);
  /* Products sit on the third level only, and the tree is no deeper. */
  sql = g_strdup_printf ("SELECT count(*) FROM products p JOIN categories c "
                         "ON c.id = p.category_id WHERE %s != 2", depth);
  g_assert_cmpint (query_int (db, sql), ==, 0);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT max(%s) FROM categories", depth);
  g_assert_cmpint (query_int (db, sql), ==, 2);
}

static void
test_demo_stock (gconstpointer user_data)
{
  const DemoData *data = user_data;
  g_autoptr(sqlite3) db = open_read_only (data->path_a);
  gint64 overstocked;

  /* Days of cover = stock / (avg_daily_sales / 100), as the app computes it. */
  overstocked = query_int (db, "SELECT count(*) FROM products WHERE avg_daily_sales > 0 AND "
                               "stock_on_hand * 100.0 / avg_daily_sales > 180");
  g_assert_cmpint (overstocked, >=, 500);
  g_assert_cmpint (overstocked, <=, 750);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM products WHERE avg_daily_sales <= 0"), ==, 0);

  /* The products' totals are the sums over the sites. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM products p WHERE "
                                  "stock_on_hand != (SELECT sum(stock_on_hand) FROM product_stock s WHERE s.product_id = p.id) OR "
                                  "avg_daily_sales != (SELECT sum(avg_daily_sales) FROM product_stock s WHERE s.product_id = p.id)"), ==, 0);

  /* The history sold what the average daily sales say: round (units × 100 / 365). */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM product_stock ps WHERE ps.avg_daily_sales != "
                                  "(SELECT (coalesce (sum (l.quantity), 0) * 100 + 182) / 365 "
                                  "FROM sales_order_lines l JOIN sales_orders o ON o.id = l.order_id "
                                  "WHERE l.product_id = ps.product_id AND o.site_id = ps.site_id)"), ==, 0);
}

static void
test_demo_prices (gconstpointer user_data)
{
  const DemoData *data = user_data;
  g_autoptr(sqlite3) db = open_read_only (data->path_a);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM products WHERE list_price > cost AND cost > 0"), >=, 4750);
  /* The US sells in dollars, Germany and Austria in euros. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sales_orders o JOIN sites s ON s.id = o.site_id "
                                  "WHERE o.currency != s.currency"), ==, 0);
  /* Order lines are sold at or below the list price in the site's currency. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sales_order_lines l "
                                  "JOIN sales_orders o ON o.id = l.order_id "
                                  "JOIN products p ON p.id = l.product_id "
                                  "WHERE o.currency = 'EUR' AND (l.unit_price > p.list_price OR l.unit_price <= 0)"), ==, 0);
}

static void
test_demo_campaigns (gconstpointer user_data)
{
  const DemoData *data = user_data;
  g_autoptr(sqlite3) db = open_read_only (data->path_a);
  const struct { const char *status; const char *id; } campaigns[] = {
    { "draft", SP_DEMO_WORKSPACE_DRAFT_CAMPAIGN_ID },
    { "in_review", SP_DEMO_WORKSPACE_IN_REVIEW_CAMPAIGN_ID },
    { "approved", SP_DEMO_WORKSPACE_APPROVED_CAMPAIGN_ID },
    { "live", SP_DEMO_WORKSPACE_LIVE_CAMPAIGN_ID },
    { "ended", SP_DEMO_WORKSPACE_ENDED_CAMPAIGN_ID },
  };

  /* One campaign in each state, with the id the header promises. */
  for (guint i = 0; i < G_N_ELEMENTS (campaigns); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM campaigns WHERE status = '%s'",
                                              campaigns[i].status);
      g_autofree char *sql_id = g_strdup_printf ("SELECT id FROM campaigns WHERE status = '%s'",
                                                 campaigns[i].status);
      g_autofree char *id = NULL;

      g_assert_cmpint (query_int (db, sql), ==, 1);
      id = query_text (db, sql_id);
      g_assert_cmpstr (id, ==, campaigns[i].id);
    }

  /* The approved campaign is ready to execute: every step has its input. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM campaigns WHERE status = 'approved' AND "
                                  "start_date > '2026-11-01' AND end_date > start_date AND "
                                  "target_date IS NOT NULL AND units_to_clear > 0 AND owner != '' AND "
                                  "margin_floor_bp > 0"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM campaign_sites JOIN campaigns c ON c.id = campaign_id "
                                  "WHERE c.status = 'approved'"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM campaign_segments JOIN campaigns c ON c.id = campaign_id "
                                  "WHERE c.status = 'approved'"), >=, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM campaign_scope JOIN campaigns c ON c.id = campaign_id "
                                  "WHERE c.status = 'approved' AND kind = 'category'"), >=, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM coupons JOIN campaigns c ON c.id = campaign_id "
                                  "WHERE c.status = 'approved'"), >=, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM banners JOIN campaigns c ON c.id = campaign_id "
                                  "WHERE c.status = 'approved'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM quotes JOIN campaigns c ON c.id = campaign_id "
                                  "WHERE c.status = 'approved'"), >=, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM price_list_entries e "
                                  "JOIN price_lists l ON l.id = e.price_list_id "
                                  "JOIN campaigns c ON c.id = l.campaign_id WHERE c.status = 'approved'"), >=, 50);

  /* Clearance prices are lower, and keep the campaign's margin floor. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM price_list_entries e "
                                  "JOIN price_lists l ON l.id = e.price_list_id "
                                  "JOIN campaigns c ON c.id = l.campaign_id "
                                  "JOIN products p ON p.id = e.product_id WHERE "
                                  "e.new_price >= e.old_price OR e.discount_bp <= 0 OR "
                                  "(l.currency = 'EUR' AND (e.new_price - p.cost) * 10000 < c.margin_floor_bp * e.new_price)"), ==, 0);

  /* Approved, live and ended campaigns went through approval. */
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT campaign_id) FROM approvals a "
                                  "JOIN campaigns c ON c.id = a.campaign_id "
                                  "WHERE c.status IN ('approved', 'live', 'ended') AND a.decision = 'approved'"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM campaigns c WHERE c.status = 'live' "
                                  "AND start_date <= '2026-11-01' AND end_date >= '2026-11-01'"), ==, 1);
}

static void
test_demo_foreign_keys (gconstpointer user_data)
{
  const DemoData *data = user_data;
  g_autoptr(sqlite3) db = open_read_only (data->path_a);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *integrity = query_text (db, "PRAGMA integrity_check");

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM campaign_scope s WHERE NOT EXISTS "
                                  "(SELECT 1 FROM products p WHERE p.id = s.ref_id) AND NOT EXISTS "
                                  "(SELECT 1 FROM categories c WHERE c.id = s.ref_id)"), ==, 0);
}

static void
test_demo_refuses_without_force (gconstpointer user_data)
{
  const DemoData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  g_assert_false (sp_demo_workspace_write (data->path_a, SP_DEMO_WORKSPACE_FLAGS_NONE, NULL, NULL, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "--force"));
  g_assert_nonnull (strstr (error->message, "5000 products"));

  after = digest_database (data->path_a);
  g_assert_cmpstr (data->digest_a, ==, after);
}

static void
test_demo_force_replaces (gconstpointer user_data)
{
  const DemoData *data = user_data;
  g_autofree char *path = g_build_filename (data->dir, "force.db", NULL);
  g_autofree char *digest = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3) db = NULL;

  /* A workspace of someone else's: one campaign, one site. */
  db = _sp_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (_sp_db_exec (db, "INSERT INTO sites (id, code, name) VALUES ('s', 'DE', 'Mine');"
                                  "INSERT INTO campaigns (id, name, status, origin, created_at, updated_at) "
                                  "VALUES ('c', 'Mine', 'draft', 'manual', '2026-01-01', '2026-01-01');",
                              &error));
  g_assert_no_error (error);
  g_clear_pointer (&db, sqlite3_close);

  g_assert_false (sp_demo_workspace_write (path, SP_DEMO_WORKSPACE_FLAGS_NONE, NULL, NULL, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_true (sp_demo_workspace_write (path, SP_DEMO_WORKSPACE_FLAGS_FORCE, NULL, NULL, &error));
  g_assert_no_error (error);
  digest = digest_database (path);
  g_assert_cmpstr (digest, ==, data->digest_a);
}

static void
test_demo_cancelled_writes_nothing (gconstpointer user_data)
{
  const DemoData *data = user_data;
  g_autofree char *path = g_build_filename (data->dir, "cancelled.db", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3) db = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (sp_demo_workspace_write (path, SP_DEMO_WORKSPACE_FLAGS_NONE, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  db = open_read_only (path);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sites"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM products"), ==, 0);
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_demo_async (gconstpointer user_data)
{
  const DemoData *data = user_data;
  g_autofree char *path = g_build_filename (data->dir, "async.db", NULL);
  g_autofree char *digest = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SpDemoWorkspaceCounts counts = { 0 };

  sp_demo_workspace_write_async (path, SP_DEMO_WORKSPACE_FLAGS_NONE, NULL, write_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (sp_demo_workspace_write_finish (result, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (&counts, sizeof counts, &data->counts, sizeof data->counts);
  digest = digest_database (path);
  g_assert_cmpstr (digest, ==, data->digest_a);
}

static void
test_demo_fast (gconstpointer user_data)
{
  const DemoData *data = user_data;

  g_test_message ("writing the demo workspace took %" G_GINT64_FORMAT " ms", data->write_usec / 1000);
  /* Under a second alone; the bound leaves room for the sanitizers and a busy machine. */
  g_assert_cmpint (data->write_usec, <, 20 * G_USEC_PER_SEC);
}

static void
remove_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_unlink (file);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  DemoData data = { 0 };
  gint64 start;
  int status;

  g_test_init (&argc, &argv, NULL);

  data.dir = g_dir_make_tmp ("sp-test-demo-XXXXXX", &error);
  g_assert_no_error (error);
  data.path_a = g_build_filename (data.dir, "a.db", NULL);
  data.path_b = g_build_filename (data.dir, "b.db", NULL);

  start = g_get_monotonic_time ();
  g_assert_true (sp_demo_workspace_write (data.path_a, SP_DEMO_WORKSPACE_FLAGS_NONE, &data.counts,
                                          NULL, &error));
  g_assert_no_error (error);
  data.write_usec = g_get_monotonic_time () - start;
  data.digest_a = digest_database (data.path_a);
  g_assert_true (sp_demo_workspace_write (data.path_b, SP_DEMO_WORKSPACE_FLAGS_NONE, NULL, NULL, &error));
  g_assert_no_error (error);

  g_test_add_data_func ("/store/demo/deterministic", &data, test_demo_deterministic);
  g_test_add_data_func ("/store/demo/counts", &data, test_demo_counts);
  g_test_add_data_func ("/store/demo/category-tree", &data, test_demo_category_tree);
  g_test_add_data_func ("/store/demo/stock", &data, test_demo_stock);
  g_test_add_data_func ("/store/demo/prices", &data, test_demo_prices);
  g_test_add_data_func ("/store/demo/campaigns", &data, test_demo_campaigns);
  g_test_add_data_func ("/store/demo/foreign-keys", &data, test_demo_foreign_keys);
  g_test_add_data_func ("/store/demo/refuses-without-force", &data, test_demo_refuses_without_force);
  g_test_add_data_func ("/store/demo/force-replaces", &data, test_demo_force_replaces);
  g_test_add_data_func ("/store/demo/cancelled-writes-nothing", &data, test_demo_cancelled_writes_nothing);
  g_test_add_data_func ("/store/demo/async", &data, test_demo_async);
  g_test_add_data_func ("/store/demo/fast", &data, test_demo_fast);

  status = g_test_run ();

  remove_folder (data.dir);
  g_free (data.path_a);
  g_free (data.path_b);
  g_free (data.digest_a);
  g_free (data.dir);
  return status;
}
