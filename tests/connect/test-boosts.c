/* test-boosts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The execution stream's boosts step follows the campaign's boost settings
 * (campaigns.params_json "boost"): turned off, the step is skipped with a
 * reason and the sandbox gets no clearance category and no boosted product;
 * a weight and a category name of the user's own reach the sandbox.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "sp-demo-workspace.h"
#include "sp-platform-config.h"
#include "sp-run-input.h"
#include "sp-run-store.h"
#include "sp-runner.h"
#include "sp-sandbox-server.h"

#define CAMPAIGN "Winter Power Tools Clearance"

typedef struct
{
  char            *dir;
  char            *db_path;
  SpSandboxServer *sandbox;
  SpHttpClient    *client;
  SpEmporixConnector *connector;
  SpRunner        *runner;
  SpRunStore      *store;
  char            *campaign_id;
} Fixture;

static char *template_db;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
set_boost (Fixture    *fixture,
           const char *boost_json)
{
  sqlite3 *db = NULL;
  char *sql;

  g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
  sql = sqlite3_mprintf ("UPDATE campaigns SET params_json = json_set (coalesce (params_json, '{}'), "
                         "'$.boost', json ('%q')) WHERE id = '%q'", boost_json, fixture->campaign_id);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_free (sql);
  sqlite3_close (db);
}

/* The platform knows the campaign's products and quote companies. */
static void
seed_platform (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpRunInput) input = sp_run_store_load_input (fixture->store, fixture->campaign_id, &error);
  g_autoptr(GString) seed = g_string_new ("{\"product\": [");

  g_assert_no_error (error);
  g_assert_cmpuint (input->products->len, >, 3);
  for (guint i = 0; i < input->products->len; i++)
    {
      const SpRunProduct *product = g_ptr_array_index (input->products, i);

      g_string_append_printf (seed, "%s{\"id\": \"%s\", \"code\": \"%s\", \"name\": {\"en\": \"P\"}}",
                              i > 0 ? "," : "", product->remote_id, product->remote_id);
    }
  g_string_append (seed, "]}");
  sp_sandbox_server_seed (fixture->sandbox, seed->str, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(SpPlatformConfig) config = g_new0 (SpPlatformConfig, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *state = NULL;
  gsize len;

  fixture->dir = g_dir_make_tmp ("sp-boosts-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "ws.db", NULL);
  g_file_get_contents (template_db, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (fixture->db_path, contents, len, &error);
  g_assert_no_error (error);

  state = g_build_filename (fixture->dir, "sandbox", NULL);
  fixture->sandbox = sp_sandbox_server_new (state);
  sp_sandbox_server_start (fixture->sandbox, 0, &error);
  g_assert_no_error (error);

  config->url = g_strdup (sp_sandbox_server_get_uri (fixture->sandbox));
  config->url[strlen (config->url) - 1] = '\0';
  config->tenant = g_strdup ("stockdemo");
  config->client_id = g_strdup ("test-client");
  config->content_url = g_strdup_printf ("%s/content", config->url);

  fixture->client = sp_http_client_new ();
  sp_http_client_set_timeout (fixture->client, 5);
  fixture->connector = sp_platform_config_connect (config, fixture->client, "secret", "content-token");
  fixture->runner = sp_runner_new (fixture->db_path, SP_STEP_EXECUTOR (fixture->connector));
  fixture->store = sp_run_store_new (fixture->db_path);
  fixture->campaign_id = sp_run_store_resolve_campaign (fixture->store, CAMPAIGN, &error);
  g_assert_no_error (error);
  seed_platform (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (G_OBJECT (fixture->runner)->ref_count > 1 && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  g_assert_finalize_object (fixture->runner);
  g_clear_object (&fixture->connector);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->store);
  sp_sandbox_server_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->campaign_id);
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static void
run_execution (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;

  sp_runner_run_async (fixture->runner, fixture->campaign_id, SP_STREAM_EXECUTION, SP_RUN_FLAGS_NONE,
                       NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (sp_runner_run_finish (fixture->runner, result, &error));
  g_assert_no_error (error);
  status = sp_run_store_get_status (fixture->store, fixture->campaign_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (status, ==, "live");
}

static const SpRunStepRecord *
find_step (GPtrArray  *steps,
           const char *id)
{
  for (guint i = 0; i < steps->len; i++)
    if (g_str_equal (((SpRunStepRecord *)g_ptr_array_index (steps, i))->step, id))
      return g_ptr_array_index (steps, i);
  return NULL;
}

static GPtrArray *
last_steps (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *run_id = sp_run_store_find_last_run (fixture->store, fixture->campaign_id, "execution",
                                                        &error);
  GPtrArray *steps;

  g_assert_no_error (error);
  steps = sp_run_store_load_steps (fixture->store, run_id, &error);
  g_assert_no_error (error);
  return steps;
}

/* Counts the occurrences of @needle in @haystack. */
static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The run input reads the settings with their defaults. */
static void
test_input (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  set_boost (fixture, "{\"enabled\": false, \"weight\": 9, \"clearance_category\": \"Restposten\"}");
  {
    g_autoptr(SpRunInput) input = sp_run_store_load_input (fixture->store, fixture->campaign_id, &error);

    g_assert_no_error (error);
    g_assert_false (input->boost_enabled);
    g_assert_cmpint (input->boost_weight, ==, 9);
    g_assert_cmpstr (input->boost_category, ==, "Restposten");
  }

  /* Members missing: the defaults. */
  set_boost (fixture, "{}");
  {
    g_autoptr(SpRunInput) input = sp_run_store_load_input (fixture->store, fixture->campaign_id, &error);

    g_assert_no_error (error);
    g_assert_true (input->boost_enabled);
    g_assert_cmpint (input->boost_weight, ==, 3);
    g_assert_cmpstr (input->boost_category, ==, "Clearance");
  }
}

/* Boost off: the step is skipped and says why; nothing boosted remotely. */
static void
test_off (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autoptr(GPtrArray) steps = NULL;
  g_autofree char *json = NULL;
  const SpRunStepRecord *record;

  set_boost (fixture, "{\"enabled\": false, \"weight\": 5, \"clearance_category\": \"Clearance\"}");
  run_execution (fixture);

  steps = last_steps (fixture);
  record = find_step (steps, "boosts");
  g_assert_nonnull (record);
  g_assert_cmpstr (record->state, ==, "skipped");
  g_assert_nonnull (strstr (record->reason, "boost turned off for this campaign"));
  /* The steps after it still ran. */
  g_assert_cmpstr (find_step (steps, "go-live")->state, ==, "done");

  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->sandbox, "category"), ==, 0);
  g_assert_cmpint (sp_sandbox_server_get_request_count (fixture->sandbox, "PUT",
                                                        "/category/{tenant}/categories/{categoryId}"), ==, 0);
  json = sp_sandbox_server_dup_objects_json (fixture->sandbox);
  g_assert_null (strstr (json, "searchBoost"));
}

/* A weight and category of the user's own reach the platform: the top
 * three products get the weight, the rest one less. */
static void
test_custom (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GPtrArray) steps = NULL;
  g_autofree char *json = NULL;
  guint top, rest;

  set_boost (fixture, "{\"enabled\": true, \"weight\": 8, \"clearance_category\": \"Letzte Chance\"}");
  run_execution (fixture);

  steps = last_steps (fixture);
  g_assert_cmpstr (find_step (steps, "boosts")->state, ==, "done");
  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->sandbox, "category"), ==, 1);

  json = sp_sandbox_server_dup_objects_json (fixture->sandbox);
  g_assert_nonnull (strstr (json, "Letzte Chance"));
  g_assert_null (strstr (json, "Abverkauf"));
  top = count (json, "\"searchBoost\":8");
  rest = count (json, "\"searchBoost\":7");
  g_assert_cmpuint (top, ==, 3);
  g_assert_cmpuint (rest, >, 0);
  g_assert_cmpuint (count (json, "\"searchBoost\":3"), ==, 0);
  g_assert_cmpuint (count (json, "\"searchBoost\":2"), ==, 0);
}

/* Weight 1: every product gets 1 (never 0). */
static void
test_weight_one (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *json = NULL;

  set_boost (fixture, "{\"enabled\": true, \"weight\": 1, \"clearance_category\": \"Clearance\"}");
  run_execution (fixture);

  json = sp_sandbox_server_dup_objects_json (fixture->sandbox);
  g_assert_nonnull (strstr (json, "Abverkauf"));
  g_assert_cmpuint (count (json, "\"searchBoost\":1"), >, 3);
  g_assert_cmpuint (count (json, "\"searchBoost\":0"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template_dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("SP_NO_SECRET_SERVICE", "1", TRUE);

  template_dir = g_dir_make_tmp ("sp-boosts-template-XXXXXX", &error);
  g_assert_no_error (error);
  template_db = g_build_filename (template_dir, "template.db", NULL);
  sp_demo_workspace_write (template_db, SP_DEMO_WORKSPACE_FLAGS_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/connect/boosts/input", Fixture, NULL, fixture_set_up, test_input, fixture_tear_down);
  g_test_add ("/connect/boosts/off", Fixture, NULL, fixture_set_up, test_off, fixture_tear_down);
  g_test_add ("/connect/boosts/custom", Fixture, NULL, fixture_set_up, test_custom, fixture_tear_down);
  g_test_add ("/connect/boosts/weight-one", Fixture, NULL, fixture_set_up, test_weight_one,
              fixture_tear_down);

  status = g_test_run ();
  remove_tree (template_dir);
  g_free (template_db);
  return status;
}
