/* test-cli-plan.c: `stock-promotion-cli plan …` end to end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built binary (its path is the first argument, from meson) on a
 * fresh demo workspace in a temporary folder, as a merchandiser's script
 * would: draft the plan of the draft campaign, apply it, read it back with
 * `campaign show`, and try it on a live campaign.
 */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "sp-campaign-repository.h"
#include "sp-catalog-repository.h"
#include "sp-plan-apply.h"

#define DRAFT "Plumbing Valves Overstock"
#define LIVE  "US Fasteners Overstock Sale"

static const char *cli_path;
static char *template_dir;   /* the demo workspace, written once and copied per test */

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the CLI with --db @db and the NULL-terminated arguments. */
static void
run_cli (Run        *run,
         const char *db,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (char *)cli_path);
  g_ptr_array_add (args, (char *)"--db");
  g_ptr_array_add (args, (char *)db);
  va_start (ap, db);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *)args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static void
remove_dir (const char *path)
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

/* Every file of the template (the database and any WAL beside it). */
static void
copy_template (const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (template_dir, 0, &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GFile) source = g_file_new_build_filename (template_dir, name, NULL);
      g_autoptr(GFile) dest = g_file_new_build_filename (to, name, NULL);

      g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sp-test-cli-plan-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "workspace.db", NULL);
  copy_template (fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  remove_dir (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->dir);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
member_object (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static JsonArray *
member_array (JsonObject *object,
              const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_node_get_array (node);
}

static gint64
member_int (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  return json_node_get_int (node);
}

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  return json_node_get_string (node);
}

static gboolean
member_bool (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_BOOLEAN);
  return json_node_get_boolean (node);
}

static JsonNode *
show_campaign (Fixture    *fixture,
               const char *name)
{
  g_auto(Run) run = { 0, };

  run_cli (&run, fixture->db, "campaign", "show", name, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  return parse_json (run.out);
}

static gint64
count_outbox (Fixture    *fixture,
              const char *entity)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (fixture->db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM outbox WHERE entity = ?", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* Every drafted discount is a step within the maximum and keeps the margin
 * floor; the totals add up from the lines. */
static void
check_plan (JsonObject *plan,
            gint64      floor_bp)
{
  JsonArray *lines = member_array (plan, "lines");
  JsonObject *totals = member_object (plan, "totals");
  gint64 units = 0;
  gint64 need = 0;
  gint64 revenue = 0;

  g_assert_cmpuint (json_array_get_length (lines), >, 0);
  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonObject *line = json_array_get_object_element (lines, i);
      gint64 discount = member_int (line, "discount_bp");

      g_assert_cmpint (discount % 500, ==, 0);
      g_assert_cmpint (discount, >=, 0);
      g_assert_cmpint (discount, <=, 5000);
      if (member_int (line, "floor_discount_bp") >= 0)
        g_assert_cmpint (member_int (line, "margin_bp"), >=, floor_bp);
      else
        g_assert_cmpint (discount, ==, 0);   /* the list price itself is under the floor */
      g_assert_cmpuint (json_array_get_length (member_array (line, "flags")), >, 0);
      units += member_int (line, "units_cleared");
      need += member_int (line, "need");
      revenue += member_int (line, "units_cleared") * member_int (line, "new_price");
      if (i > 0)
        g_assert_cmpstr (member_string (json_array_get_object_element (lines, i - 1), "sku"), <,
                         member_string (line, "sku"));
    }

  g_assert_cmpint (member_int (totals, "skus"), ==, json_array_get_length (lines));
  g_assert_cmpint (member_int (totals, "units_cleared"), ==, units);
  g_assert_cmpint (member_int (totals, "revenue"), ==, revenue);
  g_assert_cmpint (member_int (totals, "need"), ==, need);
  /* The SKU needs are scaled to the campaign's target, rounded up. */
  g_assert_cmpint (need, >=, member_int (totals, "units_to_clear"));
  g_assert_cmpint (need, <=, member_int (totals, "units_to_clear") + json_array_get_length (lines));
  g_assert_cmpint (member_int (totals, "skus_below_margin_floor"), ==, 0);
}

static void
test_plan_json (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_auto(Run) run = { 0, };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) shown = NULL;
  JsonObject *plan;

  run_cli (&run, fixture->db, "plan", DRAFT, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  root = parse_json (run.out);
  plan = json_node_get_object (root);

  g_assert_false (member_bool (plan, "applied"));
  g_assert_cmpstr (member_string (member_object (plan, "campaign"), "status"), ==, "draft");
  g_assert_cmpint (member_int (member_object (plan, "model"), "elasticity_x100"), ==, 200);
  check_plan (plan, member_int (member_object (plan, "campaign"), "margin_floor_bp"));

  /* Austria is the campaign's only site: SKUs not stocked there are left out. */
  g_assert_cmpuint (json_array_get_length (member_array (plan, "skipped")), >, 0);

  /* Drafting writes nothing. */
  shown = show_campaign (fixture, DRAFT);
  g_assert_cmpint (member_int (json_node_get_object (shown), "version"), ==, 1);
  g_assert_false (member_bool (member_object (json_node_get_object (shown), "price_list"), "stored"));
  g_assert_cmpint (count_outbox (fixture, "price_list"), ==, 0);
}

static void
test_plan_apply (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_auto(Run) run = { 0, };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(GHashTable) planned = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *plan, *campaign, *price_list;
  JsonArray *lines, *skus, *entries;
  gint64 campaign_rows = count_outbox (fixture, "campaign");

  run_cli (&run, fixture->db, "plan", DRAFT, "--apply", "--step", "10", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  plan = json_node_get_object (root);
  g_assert_true (member_bool (plan, "applied"));
  lines = member_array (plan, "lines");
  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonObject *line = json_array_get_object_element (lines, i);

      g_assert_cmpint (member_int (line, "discount_bp") % 1000, ==, 0);
      g_hash_table_insert (planned, (gpointer)member_string (line, "sku"), line);
    }

  /* `campaign show` reads back the planned scope and prices. */
  shown = show_campaign (fixture, DRAFT);
  campaign = json_node_get_object (shown);
  g_assert_cmpint (member_int (campaign, "version"), ==, 2);
  skus = member_array (member_object (campaign, "scope"), "skus");
  g_assert_cmpuint (json_array_get_length (skus), ==, json_array_get_length (lines));
  g_assert_cmpuint (json_array_get_length (member_array (member_object (campaign, "scope"), "categories")), ==, 0);
  for (guint i = 0; i < json_array_get_length (skus); i++)
    g_assert_true (g_hash_table_contains (planned, json_array_get_string_element (skus, i)));

  price_list = member_object (campaign, "price_list");
  g_assert_true (member_bool (price_list, "stored"));
  entries = member_array (price_list, "entries");
  g_assert_cmpuint (json_array_get_length (entries), ==, json_array_get_length (lines));
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      JsonObject *line = g_hash_table_lookup (planned, member_string (entry, "sku"));

      g_assert_nonnull (line);
      g_assert_cmpint (member_int (entry, "discount_bp"), ==, member_int (line, "discount_bp"));
      g_assert_cmpint (member_int (entry, "new_price"), ==, member_int (line, "new_price"));
      g_assert_cmpint (member_int (entry, "old_price"), ==, member_int (line, "old_price"));
      g_assert_false (member_bool (entry, "below_margin_floor"));
    }

  /* One transaction, journaled: the campaign and its price list. */
  g_assert_cmpint (count_outbox (fixture, "campaign"), ==, campaign_rows + 1);
  g_assert_cmpint (count_outbox (fixture, "price_list"), ==, 1);

  /* Planning again drafts the same plan from the applied scope. */
  {
    g_auto(Run) again = { 0, };
    g_autoptr(JsonNode) again_root = NULL;
    JsonArray *again_lines;

    run_cli (&again, fixture->db, "plan", DRAFT, "--step", "10", "--json", NULL);
    g_assert_cmpint (again.status, ==, 0);
    again_root = parse_json (again.out);
    again_lines = member_array (json_node_get_object (again_root), "lines");
    g_assert_cmpuint (json_array_get_length (again_lines), ==, json_array_get_length (lines));
    g_assert_cmpuint (json_array_get_length (member_array (json_node_get_object (again_root), "skipped")), ==, 0);
  }
}

static void
test_plan_live_fails (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_auto(Run) run = { 0, };
  g_autoptr(JsonNode) before = show_campaign (fixture, LIVE);
  g_autoptr(JsonNode) after = NULL;

  run_cli (&run, fixture->db, "plan", LIVE, "--apply", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "stock-promotion-cli plan: "));
  g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);
  if (strstr (run.err, "only a draft, planned or rejected campaign can be edited") == NULL)
    g_error ("unexpected message: %s", run.err);

  after = show_campaign (fixture, LIVE);
  g_assert_cmpint (member_int (json_node_get_object (after), "version"), ==,
                   member_int (json_node_get_object (before), "version"));

  /* Drafting (without --apply) a live campaign is allowed: it only reads. */
  run_clear (&run);
  run_cli (&run, fixture->db, "plan", LIVE, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "units cleared of"));
}

/* In process: a plan that cannot be stored whole (a SKU the catalog does
 * not have) leaves the campaign, its price list and the outbox untouched. */
static void
test_apply_atomic (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(SpPlannerResult) result = NULL;
  gint64 campaign_rows = count_outbox (fixture, "campaign");

  {
    g_autoptr(SpStore) store = sp_store_open (fixture->db, &error);
    g_autoptr(SpCampaignRepository) campaigns = NULL;
    g_autoptr(SpCatalogRepository) catalog = NULL;
    g_autoptr(GPtrArray) products = NULL;
    SpPlannerLine *bogus = g_new0 (SpPlannerLine, 1);
    SpCampaign *campaign;

    g_assert_no_error (error);
    campaigns = sp_campaign_repository_new (store);
    catalog = sp_catalog_repository_new (store);
    g_assert_true (sp_campaign_repository_load (campaigns, &error));
    campaign = sp_campaign_repository_find (campaigns, DRAFT, &error);
    g_assert_no_error (error);
    products = sp_catalog_repository_load_products (catalog, NULL, &error);
    g_assert_no_error (error);

    result = sp_planner_draft (campaign, products, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (result->lines->len, >, 0);

    /* Last in the price list, so the campaign row is written before it fails. */
    bogus->sku = g_strdup ("ZZ-NO-SUCH-SKU");
    bogus->name = g_strdup ("Nothing");
    bogus->old_price = 1000;
    g_ptr_array_add (result->lines, bogus);

    g_assert_false (sp_plan_apply (campaigns, campaign, result, &error));
    g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "ZZ-NO-SUCH-SKU"));
    g_assert_cmpint (sp_campaign_get_version (campaign), ==, 1);
  }

  shown = show_campaign (fixture, DRAFT);
  g_assert_cmpint (member_int (json_node_get_object (shown), "version"), ==, 1);
  g_assert_false (member_bool (member_object (json_node_get_object (shown), "price_list"), "stored"));
  g_assert_cmpint (count_outbox (fixture, "campaign"), ==, campaign_rows);
  g_assert_cmpint (count_outbox (fixture, "price_list"), ==, 0);
}

static void
apply_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* In process, as the app does it: the plan applied in a worker, the
 * campaign updated on the main context; a live campaign refused. */
static void
test_apply_async (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (fixture->db, &error);
  g_autoptr(SpCampaignRepository) campaigns = NULL;
  g_autoptr(SpCatalogRepository) catalog = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(SpPlannerResult) result = NULL;
  g_autoptr(GAsyncResult) async_result = NULL;
  g_autoptr(JsonNode) shown = NULL;
  SpCampaign *campaign;
  SpCampaign *live;

  g_assert_no_error (error);
  campaigns = sp_campaign_repository_new (store);
  catalog = sp_catalog_repository_new (store);
  g_assert_true (sp_campaign_repository_load (campaigns, &error));
  campaign = sp_campaign_repository_find (campaigns, DRAFT, &error);
  g_assert_no_error (error);
  products = sp_catalog_repository_load_products (catalog, NULL, &error);
  g_assert_no_error (error);
  result = sp_planner_draft (campaign, products, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  sp_plan_apply_async (campaigns, campaign, result, NULL, apply_done_cb, &async_result);
  while (async_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (sp_plan_apply_finish (campaigns, async_result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sp_campaign_get_version (campaign), ==, 2);
  g_assert_cmpuint (g_strv_length ((char **)sp_campaign_get_scope_products (campaign)), ==, result->lines->len);

  shown = show_campaign (fixture, DRAFT);
  g_assert_cmpint (member_int (json_node_get_object (shown), "version"), ==, 2);
  g_assert_cmpuint (json_array_get_length (member_array (member_object (json_node_get_object (shown), "price_list"),
                                                         "entries")), ==, result->lines->len);

  g_clear_object (&async_result);
  live = sp_campaign_repository_find (campaigns, LIVE, &error);
  g_assert_no_error (error);
  sp_plan_apply_async (campaigns, live, result, NULL, apply_done_cb, &async_result);
  while (async_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (sp_plan_apply_finish (campaigns, async_result, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CONSTRAINT);
}

static void
test_plan_bad_options (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_auto(Run) run = { 0, };

  run_cli (&run, fixture->db, "plan", DRAFT, "--step", "0", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "step is out of range"));
  run_clear (&run);

  run_cli (&run, fixture->db, "plan", DRAFT, "--max-discount", "lots", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "stock-promotion-cli plan: --max-discount: "));
  run_clear (&run);

  run_cli (&run, fixture->db, "plan", "No Such Campaign", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "stock-promotion-cli plan: "));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template_db = NULL;
  g_auto(Run) run = { 0, };
  int status;

  g_test_init (&argc, &argv, NULL);

  g_assert_cmpint (argc, ==, 2);
  cli_path = argv[1];

  template_dir = g_dir_make_tmp ("sp-test-cli-plan-demo-XXXXXX", &error);
  g_assert_no_error (error);
  template_db = g_build_filename (template_dir, "workspace.db", NULL);
  run_cli (&run, template_db, "demo", NULL);
  g_assert_cmpint (run.status, ==, 0);

  g_test_add ("/cli/plan/json", Fixture, NULL, fixture_set_up, test_plan_json, fixture_tear_down);
  g_test_add ("/cli/plan/apply", Fixture, NULL, fixture_set_up, test_plan_apply, fixture_tear_down);
  g_test_add ("/cli/plan/live-fails", Fixture, NULL, fixture_set_up, test_plan_live_fails, fixture_tear_down);
  g_test_add ("/cli/plan/apply-atomic", Fixture, NULL, fixture_set_up, test_apply_atomic, fixture_tear_down);
  g_test_add ("/cli/plan/apply-async", Fixture, NULL, fixture_set_up, test_apply_async, fixture_tear_down);
  g_test_add ("/cli/plan/bad-options", Fixture, NULL, fixture_set_up, test_plan_bad_options,
              fixture_tear_down);

  status = g_test_run ();
  remove_dir (template_dir);
  g_free (template_dir);
  return status;
}
