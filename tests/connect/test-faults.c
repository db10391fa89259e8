/* test-faults.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The execution stream of a demo campaign against the sandbox with one
 * fault class switched on per test: 401, 409, 429 with Retry-After, 500,
 * 503, a stall past the timeout, a connection reset, and a reset after the
 * server stored the object. Each run ends live (or, for a fault that never
 * goes away, with a clear failure and a clean resume), and the server then
 * holds exactly the objects of a run without faults: one of each.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "sp-demo-workspace.h"
#include "sp-run-input.h"
#include "sp-flow-error.h"
#include "sp-platform-config.h"
#include "sp-run-store.h"
#include "sp-runner.h"
#include "sp-sandbox-server.h"

#define CAMPAIGN "Winter Power Tools Clearance"

typedef struct
{
  char       *template_db;   /* the demo workspace, written once */
  GHashTable *reference;     /* "kind parent id" of a run without faults */
} Shared;

typedef struct
{
  const char *faults;        /* JSON rules, or NULL */
  gboolean    permanent;     /* the fault never goes away: the run fails */
  const char *failed_step;
  gboolean    unknown_companies;  /* the platform does not know the quote companies */
} FaultCase;

typedef struct
{
  Shared          *shared;
  const FaultCase *fault;    /* NULL for the reference run */
} CaseData;

typedef struct
{
  Shared          *shared;
  char            *dir;
  char            *db_path;
  SpSandboxServer *sandbox;
  SpHttpClient    *client;
  SpEmporixConnector *connector;
  SpRunner        *runner;
  SpRunStore      *store;
  char            *campaign_id;
} Fixture;

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

/* Legal entities, one contact and one location per quote company. */
static char *
companies_json (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpRunInput) input = sp_run_store_load_input (fixture->store, fixture->campaign_id, &error);
  g_autoptr(GString) entities = g_string_new (NULL);
  g_autoptr(GString) contacts = g_string_new (NULL);
  g_autoptr(GString) locations = g_string_new (NULL);

  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) list = g_ptr_array_new ();

  g_assert_no_error (error);
  g_assert_cmpuint (input->quotes->len, >, 0);
  g_assert_cmpuint (input->companies->len, >, 0);
  for (guint i = 0; i < input->quotes->len; i++)
    g_ptr_array_add (list, ((SpRunQuote *)g_ptr_array_index (input->quotes, i))->company_code);
  for (guint i = 0; i < input->companies->len; i++)
    g_ptr_array_add (list, ((SpRunCompany *)g_ptr_array_index (input->companies, i))->code);
  for (guint i = 0; i < list->len; i++)
    {
      const char *code = g_ptr_array_index (list, i);
      const char *sep = entities->len > 0 ? "," : "";

      if (!g_hash_table_add (codes, (gpointer)code))
        continue;
      g_string_append_printf (entities, "%s{\"id\": \"%s\", \"name\": \"Company %s\", "
                              "\"entitiesAddresses\": [{\"id\": \"loc-%s\"}]}", sep, code, code, code);
      g_string_append_printf (contacts, "%s{\"id\": \"ca-%s\", \"legalEntity\": {\"id\": \"%s\"}, "
                              "\"customer\": {\"id\": \"C-%s\"}, \"primary\": true}", sep, code, code, code);
      g_string_append_printf (locations, "%s{\"id\": \"loc-%s\", \"legalEntityId\": \"%s\"}", sep,
                              code, code);
    }
  return g_strdup_printf ("{\"legal-entity\": [%s], \"contact-assignment\": [%s], \"location\": [%s]}",
                          entities->str, contacts->str, locations->str);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  const CaseData *data = user_data;
  const FaultCase *fault = data->fault;
  g_autoptr(SpPlatformConfig) config = g_new0 (SpPlatformConfig, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *state = NULL;
  gsize len;

  fixture->shared = data->shared;
  fixture->dir = g_dir_make_tmp ("sp-faults-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "ws.db", NULL);
  g_file_get_contents (fixture->shared->template_db, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (fixture->db_path, contents, len, &error);
  g_assert_no_error (error);

  state = g_build_filename (fixture->dir, "sandbox", NULL);
  fixture->sandbox = sp_sandbox_server_new (state);
  sp_sandbox_server_start (fixture->sandbox, 0, &error);
  g_assert_no_error (error);
  if (fault != NULL && fault->faults != NULL)
    {
      sp_sandbox_server_add_faults (fixture->sandbox, fault->faults, &error);
      g_assert_no_error (error);
    }

  config->url = g_strdup (sp_sandbox_server_get_uri (fixture->sandbox));
  config->url[strlen (config->url) - 1] = '\0';
  config->tenant = g_strdup ("stockdemo");
  config->client_id = g_strdup ("test-client");
  config->content_url = g_strdup_printf ("%s/content", config->url);

  fixture->client = sp_http_client_new ();
  /* Short enough that a stalled request times out within the test. */
  sp_http_client_set_timeout (fixture->client, 2);
  sp_retry_policy_set_limits (sp_http_client_get_retry_policy (fixture->client), 5, 50, 400);
  fixture->connector = sp_platform_config_connect (config, fixture->client, "secret", "content-token");
  fixture->runner = sp_runner_new (fixture->db_path, SP_STEP_EXECUTOR (fixture->connector));
  fixture->store = sp_run_store_new (fixture->db_path);
  fixture->campaign_id = sp_run_store_resolve_campaign (fixture->store, CAMPAIGN, &error);
  g_assert_no_error (error);

  /* The platform knows the campaign's quote companies (§4 lookups). */
  if (fault == NULL || !fault->unknown_companies)
    {
      g_autofree char *seed = companies_json (fixture);

      sp_sandbox_server_seed (fixture->sandbox, seed, &error);
      g_assert_no_error (error);
    }
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

static gboolean
run_execution (Fixture  *fixture,
               GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sp_runner_run_async (fixture->runner, fixture->campaign_id, SP_STREAM_EXECUTION, SP_RUN_FLAGS_NONE,
                       NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return sp_runner_run_finish (fixture->runner, result, error);
}

/* The sandbox's objects as "kind parent id" strings, without the reference
 * data it seeds itself. */
static GHashTable *
held_objects (Fixture *fixture,
              guint   *n_objects)
{
  g_autofree char *json = sp_sandbox_server_dup_objects_json (fixture->sandbox);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonObject *kinds;
  g_autoptr(GList) names = NULL;

  *n_objects = 0;
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  kinds = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "kinds");
  names = json_object_get_members (kinds);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonArray *objects;

      if (g_str_equal (l->data, "legal-entity") || g_str_equal (l->data, "contact-assignment") ||
          g_str_equal (l->data, "location"))
        continue;

      objects = json_object_get_array_member (json_object_get_object_member (kinds, l->data), "objects");
      for (guint i = 0; i < json_array_get_length (objects); i++)
        {
          JsonObject *object = json_array_get_object_element (objects, i);

          g_hash_table_add (set, g_strdup_printf ("%s %s %s", (const char *)l->data,
                                                  json_object_has_member (object, "parent") ?
                                                  json_object_get_string_member (object, "parent") : "",
                                                  json_object_get_string_member (object, "id")));
          (*n_objects)++;
        }
    }

  return set;
}

static void
assert_one_of_each (Fixture *fixture)
{
  guint n_objects = 0;
  g_autoptr(GHashTable) held = held_objects (fixture, &n_objects);
  GHashTableIter iter;
  gpointer key;

  /* No object twice, none missing, none extra. */
  g_assert_cmpuint (n_objects, ==, g_hash_table_size (held));
  g_hash_table_iter_init (&iter, fixture->shared->reference);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (held, key))
      g_error ("missing on the server: %s", (const char *)key);
  g_assert_cmpuint (g_hash_table_size (held), ==, g_hash_table_size (fixture->shared->reference));
}

static void
assert_status (Fixture    *fixture,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *status = sp_run_store_get_status (fixture->store, fixture->campaign_id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (status, ==, expected);
}

static void
test_reference (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  guint n_objects = 0;

  g_assert_true (run_execution (fixture, &error));
  g_assert_no_error (error);
  assert_status (fixture, "live");

  fixture->shared->reference = held_objects (fixture, &n_objects);
  g_assert_cmpuint (n_objects, >, 100);

  /* Every quote went to its company's contact and location, priced by
   * match-prices from a price list the run published. */
  {
    g_autoptr(SpRunInput) input = sp_run_store_load_input (fixture->store, fixture->campaign_id, &error);
    g_autofree char *json = sp_sandbox_server_dup_objects_json (fixture->sandbox);

    g_assert_no_error (error);
    g_assert_cmpint (sp_sandbox_server_count_objects (fixture->sandbox, "quote"), ==, input->quotes->len);
    for (guint i = 0; i < input->quotes->len; i++)
      {
        const SpRunQuote *quote = g_ptr_array_index (input->quotes, i);
        g_autofree char *customer = g_strdup_printf ("\"customerId\":\"C-%s\"", quote->company_code);
        g_autofree char *location = g_strdup_printf ("\"billingAddressId\":\"loc-%s\"", quote->company_code);

        g_assert_nonnull (strstr (json, customer));
        g_assert_nonnull (strstr (json, location));
      }
    g_assert_cmpuint (sp_sandbox_server_get_request_count (fixture->sandbox, "POST",
                                                           "/price/{tenant}/match-prices"), >, 0);

    /* Each company has a segment of its contacts (B2B members) and a coupon
     * restricted to it. */
    g_assert_cmpint (sp_sandbox_server_count_objects (fixture->sandbox, "segment-customer"), ==,
                     input->companies->len);
    for (guint i = 0; i < input->companies->len; i++)
      {
        const SpRunCompany *company = g_ptr_array_index (input->companies, i);
        g_autofree char *campaign = g_ascii_strup (fixture->campaign_id, 8);
        g_autofree char *code = g_ascii_strup (company->code, -1);
        g_autofree char *coupon = g_strdup_printf ("\"SPC-%s-%s\"", campaign, code);
        g_autofree char *member = g_strdup_printf ("\"legalEntityId\":\"%s\"", company->code);

        g_assert_nonnull (strstr (json, coupon));
        g_assert_nonnull (strstr (json, member));
      }
  }
  g_assert_cmpuint (n_objects, ==, g_hash_table_size (fixture->shared->reference));
}

static void
test_fault (Fixture       *fixture,
            gconstpointer  user_data)
{
  const FaultCase *fault = ((const CaseData *)user_data)->fault;
  g_autoptr(GError) error = NULL;

  if (fixture->shared->reference == NULL)
    {
      g_test_skip ("the reference run failed");
      return;
    }

  if (!fault->permanent)
    {
      gboolean ok = run_execution (fixture, &error);

      g_assert_no_error (error);
      g_assert_true (ok);
      assert_status (fixture, "live");
      g_assert_cmpuint (sp_sandbox_server_get_pending_faults (fixture->sandbox), ==, 0);
      assert_one_of_each (fixture);
      return;
    }

  /* A fault that does not go away stops the run with a clear reason… */
  g_assert_false (run_execution (fixture, &error));
  g_assert_error (error, SP_FLOW_ERROR, SP_FLOW_ERROR_STEP_FAILED);
  g_assert_nonnull (strstr (error->message, fault->failed_step));
  g_clear_error (&error);
  assert_status (fixture, "failed");

  /* …and once it is gone, retrying the failed step ends live with nothing
   * twice. */
  sp_sandbox_server_clear_faults (fixture->sandbox);
  {
    g_autoptr(GAsyncResult) result = NULL;

    sp_runner_retry_step_async (fixture->runner, fixture->campaign_id, fault->failed_step,
                                SP_RUN_FLAGS_NONE, NULL, done_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (sp_runner_retry_step_finish (fixture->runner, result, &error));
  }
  g_assert_no_error (error);
  assert_status (fixture, "live");
  assert_one_of_each (fixture);
}

/* Companies the platform does not know get no quote, and the step says why. */
static void
test_unknown_companies (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autofree char *run_id = NULL;
  gboolean found = FALSE;

  g_assert_true (run_execution (fixture, &error));
  g_assert_no_error (error);
  assert_status (fixture, "live");
  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->sandbox, "quote"), ==, 0);
  /* Nor a company price list, segment or coupon. */
  {
    g_autofree char *json = sp_sandbox_server_dup_objects_json (fixture->sandbox);

    g_assert_null (strstr (json, "-le-"));
  }

  run_id = sp_run_store_find_last_run (fixture->store, fixture->campaign_id, "execution", &error);
  g_assert_no_error (error);
  steps = sp_run_store_load_steps (fixture->store, run_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < steps->len; i++)
    {
      const SpRunStepRecord *record = g_ptr_array_index (steps, i);

      if (g_str_equal (record->step, "quotes"))
        {
          found = TRUE;
          g_assert_cmpstr (record->state, ==, "done");
          g_assert_nonnull (strstr (record->reason, "is not a legal entity on the platform"));
        }
      if (g_str_equal (record->step, "company-prices"))
        {
          g_assert_cmpstr (record->state, ==, "done");
          g_assert_nonnull (strstr (record->reason, "not published"));
        }
    }
  g_assert_true (found);
}

/* A 1×1 PNG. */
static const guint8 tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
  0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
  0x42, 0x60, 0x82,
};

static void
set_banner_images (Fixture    *fixture,
                   const char *path)
{
  sqlite3 *db = NULL;
  char *sql;

  g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
  sql = sqlite3_mprintf ("UPDATE banners SET image_path = '%q' WHERE campaign_id = '%q'", path,
                         fixture->campaign_id);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), >, 0);
  sqlite3_free (sql);
  sqlite3_close (db);
}

static gboolean
run_held (Fixture  *fixture,
          GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sp_runner_run_async (fixture->runner, fixture->campaign_id, SP_STREAM_EXECUTION,
                       SP_RUN_FLAGS_HOLD_FAILED, NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return sp_runner_run_finish (fixture->runner, result, error);
}

/* A banner's own image is uploaded as a multipart BLOB asset (07b) and to
 * the content platform, instead of the placeholder. */
static void
test_banner_image (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "hero.png", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *)tiny_png, sizeof tiny_png, &error);
  g_assert_no_error (error);
  set_banner_images (fixture, path);

  g_assert_true (run_held (fixture, &error));
  g_assert_no_error (error);
  assert_status (fixture, "live");
  json = sp_sandbox_server_dup_objects_json (fixture->sandbox);
  g_assert_nonnull (strstr (json, "\"BLOB\""));
  g_assert_nonnull (strstr (json, "hero.png"));
  g_assert_nonnull (strstr (json, "image/png"));
  g_assert_null (strstr (json, "\"LINK\""));
  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->sandbox, "media"), >, 0);
}

/* A missing file, or one that is not an image, fails the step with a
 * reason naming the file; nothing is uploaded for it. */
static void
test_banner_image_bad (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.png", NULL);
  g_autofree char *text = g_build_filename (fixture->dir, "notes.png", NULL);
  g_autoptr(GError) error = NULL;

  set_banner_images (fixture, missing);
  g_assert_false (run_held (fixture, &error));
  g_assert_error (error, SP_FLOW_ERROR, SP_FLOW_ERROR_STEP_FAILED);
  g_assert_nonnull (strstr (error->message, "imagery"));
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);
  assert_status (fixture, "failed");
  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->sandbox, "media"), ==, 0);

  g_file_set_contents (text, "not an image\n", -1, &error);
  g_assert_no_error (error);
  set_banner_images (fixture, text);
  g_assert_false (run_held (fixture, &error));
  g_assert_error (error, SP_FLOW_ERROR, SP_FLOW_ERROR_STEP_FAILED);
  g_assert_nonnull (strstr (error->message, text));
  g_assert_nonnull (strstr (error->message, "not an image"));
}

static const FaultCase cases[] = {
  { "[{\"match\": \"PUT /price/*\", \"fault\": 401, \"times\": 1}]", FALSE, NULL },
  { "[{\"match\": \"POST /coupon/*/coupons\", \"fault\": 409, \"times\": 1},"
    " {\"match\": \"POST /schema/*/instances\", \"fault\": 409, \"times\": 1, \"afterStore\": true},"
    " {\"match\": \"PUT /schema/*/instances/*\", \"fault\": 409, \"times\": 1}]", FALSE, NULL },
  { "[{\"match\": \"POST /price/*/prices/bulk\", \"fault\": 429, \"retryAfter\": 1, \"times\": 1}]", FALSE, NULL },
  { "[{\"match\": \"PUT /customer-segment/*\", \"fault\": 500, \"times\": 2}]", FALSE, NULL },
  { "[{\"match\": \"PUT /category/*\", \"fault\": 503, \"times\": 2}]", FALSE, NULL },
  { "[{\"match\": \"POST /quote/*/quotes\", \"fault\": \"stall\", \"seconds\": 4, \"times\": 1}]", FALSE, NULL },
  { "[{\"match\": \"PUT /price/*/price-lists/*\", \"fault\": \"reset\", \"times\": 1}]", FALSE, NULL },
  { "[{\"match\": \"POST /coupon/*/coupons\", \"fault\": \"reset\", \"afterStore\": true, \"times\": 1},"
    " {\"match\": \"POST /price/*/prices/bulk\", \"fault\": \"reset\", \"afterStore\": true, \"times\": 1}]",
    FALSE, NULL },
  { "[{\"match\": \"GET /customer-management/*\", \"fault\": 500, \"times\": 2},"
    " {\"match\": \"POST /price/*/match-prices\", \"fault\": 503, \"times\": 1}]", FALSE, NULL },
  { "[{\"match\": \"PUT /price/*/price-lists/*\", \"fault\": 500, \"times\": -1}]", TRUE, "price-list" },
};

static const char * const case_names[] = {
  "401", "409", "429-retry-after", "500", "503", "stall", "reset", "store-then-reset", "lookups-500",
  "500-permanent",
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template_dir = NULL;
  Shared shared = { NULL, NULL };
  CaseData reference = { &shared, NULL };
  CaseData data[G_N_ELEMENTS (cases)];
  int status;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("SP_NO_SECRET_SERVICE", "1", TRUE);

  template_dir = g_dir_make_tmp ("sp-faults-template-XXXXXX", &error);
  g_assert_no_error (error);
  shared.template_db = g_build_filename (template_dir, "template.db", NULL);
  sp_demo_workspace_write (shared.template_db, SP_DEMO_WORKSPACE_FLAGS_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/connect/faults/reference", Fixture, &reference, fixture_set_up, test_reference,
              fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/connect/faults/%s", case_names[i]);

      data[i].shared = &shared;
      data[i].fault = &cases[i];
      g_test_add (path, Fixture, &data[i], fixture_set_up, test_fault, fixture_tear_down);
    }

  {
    static const FaultCase unknown = { NULL, FALSE, NULL, TRUE };
    static CaseData unknown_data;

    unknown_data.shared = &shared;
    unknown_data.fault = &unknown;
    g_test_add ("/connect/faults/unknown-companies", Fixture, &unknown_data, fixture_set_up,
                test_unknown_companies, fixture_tear_down);
    g_test_add ("/connect/faults/banner-image", Fixture, &reference, fixture_set_up,
                test_banner_image, fixture_tear_down);
    g_test_add ("/connect/faults/banner-image-bad", Fixture, &reference, fixture_set_up,
                test_banner_image_bad, fixture_tear_down);
  }

  status = g_test_run ();
  remove_tree (template_dir);
  g_free (shared.template_db);
  g_clear_pointer (&shared.reference, g_hash_table_unref);
  return status;
}
