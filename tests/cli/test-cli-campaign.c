/* test-cli-campaign.c: `stock-promotion-cli campaign …` end to end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built binary (its path is the first argument, from meson) on a
 * temporary database, as a script or an ERP hook would.
 */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

static const char *cli_path;

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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sp-test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "workspace.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
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
  g_free (fixture->db);
  g_free (fixture->dir);
}

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
assert_one_line_error (Run        *run,
                       const char *expected)
{
  g_assert_cmpint (run->status, !=, 0);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "stock-promotion-cli campaign"));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
  if (strstr (run->err, expected) == NULL)
    g_error ("expected “%s” in: %s", expected, run->err);
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

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  return json_node_get_string (node);
}

static char *
create_campaign (Fixture    *fixture,
                 const char *name)
{
  g_auto(Run) run = { 0, };

  run_cli (&run, fixture->db, "campaign", "create", "--name", name, "--owner", "mia", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_strchomp (run.out);
  g_assert_cmpint (strlen (run.out), ==, 36);
  return g_steal_pointer (&run.out);
}

static void
test_create_json (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_auto(Run) run = { 0, };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  run_cli (&run, fixture->db, "campaign", "create", "--name", "Winter drills", "--owner", "mia",
           "--description", "Too many drills", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  root = parse_json (run.out);
  object = json_node_get_object (root);
  g_assert_cmpint (strlen (member_string (object, "id")), ==, 36);
  g_assert_cmpstr (member_string (object, "name"), ==, "Winter drills");
  g_assert_cmpstr (member_string (object, "description"), ==, "Too many drills");
  g_assert_cmpstr (member_string (object, "status"), ==, "draft");
  g_assert_cmpstr (member_string (object, "origin"), ==, "manual");
  g_assert_cmpstr (member_string (object, "owner"), ==, "mia");
  g_assert_true (json_object_has_member (object, "schedule"));
  g_assert_true (json_object_has_member (object, "sites"));
  g_assert_true (json_object_has_member (object, "targets"));
  g_assert_true (json_object_has_member (object, "scope"));
}

static void
test_list_and_show (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *first = create_campaign (fixture, "Alpha");
  g_autofree char *second = create_campaign (fixture, "Beta");
  g_autofree char *prefix = g_strndup (second, 8);
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) list = { 0, };
  g_auto(Run) show = { 0, };
  g_auto(Run) by_name = { 0, };
  g_auto(Run) text = { 0, };
  JsonArray *array;

  run_cli (&list, fixture->db, "campaign", "list", "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  root = parse_json (list.out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (member_string (json_array_get_object_element (array, 0), "id"), ==, first);
  g_assert_cmpstr (member_string (json_array_get_object_element (array, 1), "name"), ==, "Beta");
  g_clear_pointer (&root, json_node_unref);

  /* By id prefix and by exact name. */
  run_cli (&show, fixture->db, "campaign", "show", prefix, "--json", NULL);
  g_assert_cmpint (show.status, ==, 0);
  root = parse_json (show.out);
  g_assert_cmpstr (member_string (json_node_get_object (root), "id"), ==, second);
  g_clear_pointer (&root, json_node_unref);

  run_cli (&by_name, fixture->db, "campaign", "show", "Alpha", "--json", NULL);
  g_assert_cmpint (by_name.status, ==, 0);
  root = parse_json (by_name.out);
  g_assert_cmpstr (member_string (json_node_get_object (root), "id"), ==, first);

  run_cli (&text, fixture->db, "campaign", "list", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Alpha"));
  g_assert_nonnull (strstr (text.out, "Beta"));
}

static void
test_set_status (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *id = create_campaign (fixture, "Lifecycle");
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) legal = { 0, };
  g_auto(Run) illegal = { 0, };
  g_auto(Run) unknown = { 0, };
  g_auto(Run) show = { 0, };
  g_auto(Run) submit = { 0, };
  g_auto(Run) reject = { 0, };
  g_auto(Run) history = { 0, };
  JsonArray *approvals;

  run_cli (&legal, fixture->db, "campaign", "set-status", id, "planned", NULL);
  g_assert_cmpint (legal.status, ==, 0);
  g_assert_cmpstr (legal.err, ==, "");

  run_cli (&illegal, fixture->db, "campaign", "set-status", id, "live", NULL);
  assert_one_line_error (&illegal, "cannot move");

  run_cli (&unknown, fixture->db, "campaign", "set-status", id, "finished", NULL);
  assert_one_line_error (&unknown, "finished");

  /* The illegal move changed nothing; planning is not a review decision. */
  run_cli (&show, fixture->db, "campaign", "show", id, "--json", NULL);
  root = parse_json (show.out);
  g_assert_cmpstr (member_string (json_node_get_object (root), "status"), ==, "planned");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root),
                                                                         "approvals")), ==, 0);
  /* The boost settings of a new campaign, as the Quotes page shows them. */
  {
    JsonObject *boost = json_object_get_object_member (json_node_get_object (root), "boost");

    g_assert_true (json_object_get_boolean_member (boost, "enabled"));
    g_assert_cmpint (json_object_get_int_member (boost, "weight"), ==, 3);
    g_assert_cmpstr (member_string (boost, "clearance_category"), ==, "Clearance");
  }
  g_clear_pointer (&root, json_node_unref);

  /* Review decisions are in the history with their comments, oldest first. */
  run_cli (&submit, fixture->db, "campaign", "set-status", id, "in_review", "--comment", "please check",
           NULL);
  g_assert_cmpint (submit.status, ==, 0);
  run_cli (&reject, fixture->db, "campaign", "set-status", id, "rejected", "--comment", "margin too thin",
           NULL);
  g_assert_cmpint (reject.status, ==, 0);
  run_cli (&history, fixture->db, "campaign", "show", id, "--json", NULL);
  root = parse_json (history.out);
  approvals = json_object_get_array_member (json_node_get_object (root), "approvals");
  g_assert_cmpuint (json_array_get_length (approvals), ==, 2);
  g_assert_cmpstr (member_string (json_array_get_object_element (approvals, 0), "decision"), ==, "submitted");
  g_assert_cmpstr (member_string (json_array_get_object_element (approvals, 0), "comment"), ==, "please check");
  g_assert_cmpstr (member_string (json_array_get_object_element (approvals, 1), "decision"), ==, "rejected");
  g_assert_cmpstr (member_string (json_array_get_object_element (approvals, 1), "comment"), ==,
                   "margin too thin");
  g_assert_nonnull (member_string (json_array_get_object_element (approvals, 1), "decided_at"));
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *a = create_campaign (fixture, "Same name");
  g_autofree char *b = create_campaign (fixture, "Same name");
  g_auto(Run) missing = { 0, };
  g_auto(Run) ambiguous = { 0, };
  g_auto(Run) no_name = { 0, };
  g_auto(Run) extra = { 0, };
  g_auto(Run) bad_option = { 0, };

  run_cli (&missing, fixture->db, "campaign", "show", "no-such-campaign", NULL);
  assert_one_line_error (&missing, "no-such-campaign");

  run_cli (&ambiguous, fixture->db, "campaign", "show", "Same name", NULL);
  assert_one_line_error (&ambiguous, "more than one");

  run_cli (&no_name, fixture->db, "campaign", "create", NULL);
  assert_one_line_error (&no_name, "--name");

  run_cli (&extra, fixture->db, "campaign", "show", a, b, NULL);
  assert_one_line_error (&extra, "CAMPAIGN");

  run_cli (&bad_option, fixture->db, "campaign", "list", "--frobnicate", NULL);
  assert_one_line_error (&bad_option, "frobnicate");
}

static void
test_db_isolation (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *id = create_campaign (fixture, "Only here");
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) list = { 0, };
  g_auto(Run) show = { 0, };

  run_cli (&list, other, "campaign", "list", "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  root = parse_json (list.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 0);

  run_cli (&show, other, "campaign", "show", id, NULL);
  assert_one_line_error (&show, id);
}

static void
test_newer_database (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_auto(Run) run = { 0, };
  sqlite3 *db = NULL;

  /* A database written by a future version. */
  g_assert_cmpint (sqlite3_open (fixture->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999; CREATE TABLE t (x);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  run_cli (&run, fixture->db, "campaign", "list", NULL);
  assert_one_line_error (&run, "newer version (schema 999");
}

/* A small catalog, written the way the importer stores it. */
static void
write_catalog (Fixture *fixture)
{
  g_auto(Run) run = { 0, };
  sqlite3 *db = NULL;

  /* Let the CLI create and migrate the database first. */
  run_cli (&run, fixture->db, "campaign", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);

  g_assert_cmpint (sqlite3_open (fixture->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO sites (id, code, name) VALUES ('s1', 'DE', "
                                 "'Germany'),   ('s2', 'AT', 'Austria');INSERT INTO categories "
                                 "(id, parent_id, name, path) VALUES   ('c1', NULL, 'Tools', "
                                 "'Tools'), ('c2', 'c1', 'Drills', 'Tools/Drills'),  ('c3', 'c1', "
                                 "'Saws', 'Tools/Saws');INSERT INTO products (id, sku, name, "
                                 "category_id, list_price, cost,   currency, stock_on_hand, "
                                 "avg_daily_sales) VALUES   ('p1', 'DR-100', 'Drill', 'c2', 10000, "
                                 "6000, 'EUR', 1000, 500),  ('p2', 'DR-200', 'Pro drill', 'c2', "
                                 "999, 800, 'EUR', 50, 1000),  ('p3', 'SA-100', 'Saw', 'c3', 5000, "
                                 "2000, 'EUR', 10, 100);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static JsonObject *
find_entry (JsonObject *campaign,
            const char *sku)
{
  JsonArray *entries = json_object_get_array_member (json_object_get_object_member (campaign,
                                                                                    "price_list"),
                                                     "entries");

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);

      if (g_strcmp0 (member_string (entry, "sku"), sku) == 0)
        return entry;
    }

  return NULL;
}

static void
test_plan (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autofree char *id = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) scope = { 0, };
  g_auto(Run) discount = { 0, };
  g_auto(Run) sku_discount = { 0, };
  g_auto(Run) set = { 0, };
  g_auto(Run) show = { 0, };
  g_auto(Run) bad_sku = { 0, };
  g_auto(Run) bad_date = { 0, };
  JsonObject *object, *entry, *projection;
  JsonArray *warnings;

  write_catalog (fixture);
  id = create_campaign (fixture, "Drills");

  run_cli (&scope, fixture->db, "campaign", "scope", id, "--add-category", "Tools/Drills",
           "--add-sku", "SA-100", "--site", "DE", NULL);
  g_assert_cmpint (scope.status, ==, 0);
  run_cli (&discount, fixture->db, "campaign", "discount", id, "--percent", "20", NULL);
  g_assert_cmpint (discount.status, ==, 0);
  run_cli (&sku_discount, fixture->db, "campaign", "discount", id, "--percent", "50", "--sku",
           "SA-100",
           NULL);
  g_assert_cmpint (sku_discount.status, ==, 0);
  run_cli (&set, fixture->db, "campaign", "set", id, "--owner", "jo", "--start", "2026-12-01",
           "--end", "2026-12-10", "--units", "100", "--target-date", "2026-12-15",
           "--margin-floor", "20", NULL);
  g_assert_cmpint (set.status, ==, 0);
  g_assert_cmpstr (set.err, ==, "");

  run_cli (&show, fixture->db, "campaign", "show", id, "--json", NULL);
  g_assert_cmpint (show.status, ==, 0);
  root = parse_json (show.out);
  object = json_node_get_object (root);

  g_assert_cmpstr (member_string (object, "owner"), ==, "jo");
  g_assert_cmpstr (member_string (json_object_get_object_member (object, "schedule"), "start"), ==,
                   "2026-12-01");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "targets"),
                                               "margin_floor_bp"), ==, 2000);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_object_get_object_member (object, "scope"), "categories")), ==, 1);

  /* Old price = list price, new price = 20% off, margin after discount. */
  entry = find_entry (object, "DR-100");
  g_assert_nonnull (entry);
  g_assert_cmpint (json_object_get_int_member (entry, "old_price"), ==, 10000);
  g_assert_cmpint (json_object_get_int_member (entry, "new_price"), ==, 8000);
  g_assert_cmpint (json_object_get_int_member (entry, "margin_bp"), ==, 2500);
  g_assert_false (json_object_get_boolean_member (entry, "below_margin_floor"));

  /* 9.99 − 20% = 7.99, under the 8.00 cost: below the 20% floor. */
  entry = find_entry (object, "DR-200");
  g_assert_cmpint (json_object_get_int_member (entry, "new_price"), ==, 799);
  g_assert_true (json_object_get_boolean_member (entry, "below_margin_floor"));
  g_assert_true (json_object_get_boolean_member (entry, "below_cost"));

  entry = find_entry (object, "SA-100");
  g_assert_cmpint (json_object_get_int_member (entry, "discount_bp"), ==, 5000);
  g_assert_cmpint (json_object_get_int_member (entry, "new_price"), ==, 2500);

  warnings = json_object_get_array_member (object, "warnings");
  g_assert_cmpuint (json_array_get_length (warnings), ==, 2);
  g_assert_cmpstr (member_string (json_array_get_object_element (warnings, 0), "kind"), ==,
                   "margin_floor");
  g_assert_cmpstr (member_string (json_array_get_object_element (warnings, 0), "sku"), ==,
                   "DR-200");

  /* 10 days: 70 + 50 (stock) + 10 (stock) units, as sp-campaign-plan.h models it. */
  projection = json_object_get_object_member (object, "projection");
  g_assert_cmpint (json_object_get_int_member (projection, "days"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (projection, "units_cleared"), ==, 130);
  g_assert_cmpint (json_object_get_int_member (projection, "revenue"), ==,
                   70 * 8000 + 50 * 799 + 10 * 2500);
  g_assert_true (json_object_get_boolean_member (projection, "target_met"));

  run_cli (&bad_sku, fixture->db, "campaign", "scope", id, "--add-sku", "NO-SUCH", NULL);
  assert_one_line_error (&bad_sku, "NO-SUCH");
  run_cli (&bad_date, fixture->db, "campaign", "set", id, "--end", "2026-11-01", NULL);
  assert_one_line_error (&bad_date, "end-date");
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
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/campaign/create-json", test_create_json);
  ADD ("/cli/campaign/list-and-show", test_list_and_show);
  ADD ("/cli/campaign/set-status", test_set_status);
  ADD ("/cli/campaign/errors", test_errors);
  ADD ("/cli/campaign/db-isolation", test_db_isolation);
  ADD ("/cli/campaign/newer-database", test_newer_database);
  ADD ("/cli/campaign/plan", test_plan);

#undef ADD

  return g_test_run ();
}
