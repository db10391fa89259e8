/* test-contract.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Contract test: the full execution stream of a demo campaign against Prism
 * serving the Emporix specs with --errors. A loopback proxy routes each
 * service's path to its Prism (the connector knows one base URL); the test
 * fails on any request validation error Prism reports.
 *
 * Where a static mock cannot stand in for state, the proxy still sends the
 * request to Prism (so it is validated) but answers itself:
 *   - read-before-create lookups (coupon, quote, media asset) answer 404, so
 *     the create requests are sent and checked too;
 *   - GET product answers a minimal product with a version, because the
 *     spec's own examples for it are invalid (MAPPING.md §13);
 *   - the content platform has no spec; its requests are answered 200.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "sp-demo-workspace.h"
#include "sp-platform-config.h"
#include "sp-prism.h"
#include "sp-run-store.h"
#include "sp-runner.h"

#define CAMPAIGN "Winter Power Tools Clearance"

static const char * const services[][2] = {
  { "oauth", "oauth-service.yml" },
  { "customer-segment", "customer-segment-service.yml" },
  { "coupon", "coupon-service.yml" },
  { "price", "price-service.yml" },
  { "quote", "quote-service.yaml" },
  { "category", "category-tree-service.yml" },
  { "product", "product-service.yml" },
  { "media", "media-service.yml" },
  { "schema", "schema-service.yml" },
  { "customer-management", "client-management-service.yml" },
};

typedef struct
{
  SpPrism     *prism;
  SoupSession *session;
  GHashTable  *seen;        /* "METHOD /service/…" patterns sent, for coverage */
  guint        n_forwarded;
  guint        n_content;
  char        *entities_json;   /* the legal entities of the quote companies */
  guint        n_multipart;     /* multipart BLOB uploads forwarded */
} Proxy;

typedef struct
{
  Proxy             *proxy;
  SoupServerMessage *msg;
  guint              local_status;   /* answer this instead of Prism's, or 0 */
  guint              n_items;        /* items of a bulk request */
  char              *local_body;     /* answer this after Prism's 200, or NULL */
} Forward;

/* Prism's static 207 examples contain a failed item on purpose; a real
 * server answers per item. The request was validated either way, so the
 * answer becomes "every item created". */
static char *
bulk_success (guint n_items)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < n_items; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "index");
      json_builder_add_int_value (builder, i);
      json_builder_set_member_name (builder, "code");
      json_builder_add_int_value (builder, 201);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, "Created");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static const char *
spec_for (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    {
      gsize len = strlen (services[i][0]);

      if (strncmp (path + 1, services[i][0], len) == 0 && (path[len + 1] == '/' || path[len + 1] == '\0'))
        return services[i][1];
    }
  return NULL;
}

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *json)
{
  soup_server_message_set_status (msg, status, NULL);
  if (json != NULL)
    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

static void
forwarded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Forward *forward = user_data;
  SoupMessage *up = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (forward->local_status == 404)
    respond (forward->msg, 404, "{\"code\":404,\"status\":\"Not Found\",\"message\":\"not found\"}");
  else if (forward->local_body != NULL && body != NULL && soup_message_get_status (up) == 200)
    respond (forward->msg, 200, forward->local_body);
  else if (body != NULL && soup_message_get_status (up) == 207)
    {
      g_autofree char *items = bulk_success (forward->n_items);

      respond (forward->msg, 207, items);
    }
  else if (body == NULL)
    respond (forward->msg, 502, NULL);
  else
    {
      const char *type = soup_message_headers_get_content_type (soup_message_get_response_headers (up), NULL);
      const char *total = soup_message_headers_get_one (soup_message_get_response_headers (up), "X-Total-Count");

      soup_server_message_set_status (forward->msg, soup_message_get_status (up), NULL);
      if (total != NULL)
        soup_message_headers_replace (soup_server_message_get_response_headers (forward->msg),
                                      "X-Total-Count", total);
      if (g_bytes_get_size (body) > 0)
        soup_server_message_set_response (forward->msg, type ? type : "application/json", SOUP_MEMORY_COPY,
                                          g_bytes_get_data (body, NULL), g_bytes_get_size (body));
    }

  soup_server_message_unpause (forward->msg);
  g_object_unref (forward->msg);
  g_free (forward->local_body);
  g_free (forward);
}

static char *
pattern_of (const char *method,
            const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  GString *pattern = g_string_new (method);

  /* "/price/stockdemo/price-lists/<id>/prices/bulk" → "PUT /price/{}/price-lists/{}/prices/bulk" */
  for (guint i = 1; parts[i] != NULL; i++)
    {
      gboolean variable = (i == 2 && parts[i + 1] != NULL) || (i > 2 && (strchr (parts[i], '-') != NULL && g_ascii_isxdigit (parts[i][0]) &&
                                               strlen (parts[i]) > 20)) ||
                          g_str_has_prefix (parts[i], "SP") || g_str_has_prefix (parts[i], "WINTER") ||
                          (i == 4 && !g_str_equal (parts[i], "bulk") && !g_str_equal (parts[i], "search"));

      g_string_append_printf (pattern, "%s%s", i == 1 ? " /" : "/", variable ? "{}" : parts[i]);
    }
  return g_string_free (pattern, FALSE);
}

static void
proxy_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  Proxy *proxy = user_data;
  const char *method = soup_server_message_get_method (msg);
  const char *spec = spec_for (path);
  GUri *uri = soup_server_message_get_uri (msg);
  SoupMessageHeaders *in = soup_server_message_get_request_headers (msg);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(SoupMessage) up = NULL;
  g_autofree char *target = NULL;
  Forward *forward;
  const char *value;

  g_hash_table_add (proxy->seen, pattern_of (method, path));

  if (g_str_has_prefix (path, "/content/"))
    {
      proxy->n_content++;
      respond (msg, 200, "{}");
      return;
    }

  if (spec == NULL)
    {
      respond (msg, 404, "{\"message\":\"no spec for this path\"}");
      return;
    }

  target = g_strdup_printf ("%s%s%s%s", sp_prism_get_uri (proxy->prism, spec), path + 1,
                            g_uri_get_query (uri) ? "?" : "", g_uri_get_query (uri) ? g_uri_get_query (uri) : "");
  up = soup_message_new (method, target);
  g_assert_nonnull (up);

  for (guint i = 0; i < 4; i++)
    {
      static const char * const copied[] = { "Authorization", "Content-Language", "X-Total-Count", "Accept" };

      if ((value = soup_message_headers_get_one (in, copied[i])) != NULL)
        soup_message_headers_replace (soup_message_get_request_headers (up), copied[i], value);
    }
  if (g_bytes_get_size (body) > 0)
    soup_message_set_request_body_from_bytes (up, soup_message_headers_get_one (in, "Content-Type"), body);
  if (g_str_has_prefix (soup_message_headers_get_one (in, "Content-Type") ?: "", "multipart/form-data"))
    proxy->n_multipart++;

  forward = g_new0 (Forward, 1);
  forward->proxy = proxy;
  forward->msg = g_object_ref (msg);
  if (g_str_has_suffix (path, "/bulk") && g_bytes_get_size (body) > 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL) &&
          JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
        forward->n_items = json_array_get_length (json_node_get_array (json_parser_get_root (parser)));
    }

  if (g_str_equal (method, "GET") && g_str_has_prefix (path, "/product/"))
    {
      g_autofree char *product = g_strdup_printf ("{\"id\":\"%s\",\"metadata\":{\"version\":1}}",
                                                  strrchr (path, '/') + 1);

      /* Not forwarded: Prism answers 500 here (the spec's examples are
       * invalid); the PATCH that follows is what the test checks. */
      respond (msg, 200, product);
      g_object_unref (forward->msg);
      g_free (forward);
      return;
    }

  /* Prism validates the company lookups; its example companies are not the
   * demo's, so the answer names the quote companies instead. */
  if (g_str_equal (method, "GET") && g_str_has_suffix (path, "/legal-entities"))
    forward->local_body = g_strdup (proxy->entities_json);
  else if (g_str_equal (method, "GET") && g_str_has_suffix (path, "/contact-assignments"))
    {
      const char *entity = query ? g_hash_table_lookup (query, "legalEntity.id") : NULL;

      forward->local_body = g_strdup_printf ("[{\"id\":\"ca-%s\",\"legalEntity\":{\"id\":\"%s\"},"
                                             "\"customer\":{\"id\":\"C-%s\"},\"primary\":true}]",
                                             entity, entity, entity);
    }

  if (g_str_equal (method, "GET") &&
      (g_str_has_prefix (path, "/coupon/") || g_str_has_prefix (path, "/quote/") ||
       g_str_has_prefix (path, "/media/")))
    forward->local_status = 404;

  proxy->n_forwarded++;
  soup_server_message_pause (msg);
  soup_session_send_and_read_async (proxy->session, up, G_PRIORITY_DEFAULT, NULL, forwarded_cb, forward);
}

static void
step_changed_cb (SpRunner   *runner,
                 const char *stream,
                 const char *step,
                 guint       state,
                 const char *reason,
                 GPtrArray  *problems)
{
  /* Skipped because a filter said so is fine; failing is not. */
  if (state == SP_STEP_FAILED || (reason != NULL && strstr (reason, "failing") != NULL) ||
      (state == SP_STEP_PENDING && reason != NULL && reason[0] != '\0'))
    g_ptr_array_add (problems, g_strdup_printf ("%s: %s", step, reason));
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

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
test_execution_stream (void)
{
  const char *specs[G_N_ELEMENTS (services) + 1];
  g_autoptr(SpPlatformConfig) config = g_new0 (SpPlatformConfig, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(SpHttpClient) client = NULL;
  g_autoptr(SpEmporixConnector) connector = NULL;
  g_autoptr(SpRunner) runner = NULL;
  g_autoptr(SpRunStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) violations = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *campaign_id = NULL;
  g_autofree char *status = NULL;
  Proxy proxy = { NULL, };
  GSList *uris;
  gboolean ok;
  static const char * const required[] = {
    "POST /oauth/token",
    "PUT /customer-segment/{}/segments/{}",
    "PUT /customer-segment/{}/segments/{}/items/PRODUCT/bulk",
    "GET /coupon/{}/coupons/{}",
    "POST /coupon/{}/coupons",
    "PUT /price/{}/priceModels/{}",
    "PUT /price/{}/price-lists/{}",
    "POST /price/{}/price-lists/{}/prices/bulk",
    "GET /customer-management/{}/legal-entities",
    "PUT /customer-segment/{}/segments/{}/customers/bulk",
    "GET /customer-management/{}/contact-assignments",
    "POST /price/{}/match-prices",
    "POST /quote/{}/quotes",
    "PUT /category/{}/categories/{}",
    "PUT /category/{}/categories/{}/assignments/references/bulk",
    "PATCH /product/{}/products/{}",
    "POST /media/{}/assets",
    "PUT /schema/{}/custom-entities/{}",
    "POST /schema/{}/schemas",
    "POST /schema/{}/custom-entities/{}/instances",
  };

  if (!sp_prism_available_or_skip ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    specs[i] = services[i][1];
  specs[G_N_ELEMENTS (services)] = NULL;

  proxy.prism = sp_prism_start (specs, &error);
  g_assert_no_error (error);
  proxy.session = soup_session_new_with_options ("timeout", 30, NULL);
  proxy.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, proxy_cb, &proxy, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  config->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  config->tenant = g_strdup ("stockdemo");
  config->client_id = g_strdup ("CLIENT_ID");
  config->content_url = g_strdup_printf ("%s/content", config->url);

  dir = g_dir_make_tmp ("sp-contract-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (dir, "ws.db", NULL);
  sp_demo_workspace_write (db_path, SP_DEMO_WORKSPACE_FLAGS_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  store = sp_run_store_new (db_path);
  campaign_id = sp_run_store_resolve_campaign (store, CAMPAIGN, &error);
  g_assert_no_error (error);
  {
    g_autoptr(SpRunInput) input = sp_run_store_load_input (store, campaign_id, &error);
    g_autoptr(GString) entities = g_string_new ("[");

    g_assert_no_error (error);
    g_autoptr(GPtrArray) codes = g_ptr_array_new ();

    for (guint i = 0; i < input->quotes->len; i++)
      g_ptr_array_add (codes, ((SpRunQuote *)g_ptr_array_index (input->quotes, i))->company_code);
    for (guint i = 0; i < input->companies->len; i++)
      g_ptr_array_add (codes, ((SpRunCompany *)g_ptr_array_index (input->companies, i))->code);
    for (guint i = 0; i < codes->len; i++)
      {
        const char *code = g_ptr_array_index (codes, i);

        g_string_append_printf (entities, "%s{\"id\":\"%s\",\"name\":\"%s\","
                                "\"entitiesAddresses\":[{\"id\":\"loc-%s\"}]}",
                                i > 0 ? "," : "", code, code, code);
      }
    g_string_append (entities, "]");
    proxy.entities_json = g_string_free (g_steal_pointer (&entities), FALSE);
  }
  /* The banners carry their own image: a multipart BLOB asset (07b). */
  {
    static const guint8 png[] = {
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
      0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
      0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
      0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
      0x42, 0x60, 0x82,
    };
    g_autofree char *image = g_build_filename (dir, "hero.png", NULL);
    sqlite3 *db = NULL;
    char *sql;

    g_file_set_contents (image, (const char *)png, sizeof png, &error);
    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
    sql = sqlite3_mprintf ("UPDATE banners SET image_path = '%q' WHERE campaign_id = '%q'", image,
                           campaign_id);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_changes (db), >, 0);
    sqlite3_free (sql);
    sqlite3_close (db);
  }

  client = sp_http_client_new ();
  /* Prism's mock answers never need a retry; one attempt keeps failures clear. */
  sp_retry_policy_set_limits (sp_http_client_get_retry_policy (client), 1, 10, 10);
  connector = sp_platform_config_connect (config, client, "CLIENT_SECRET", "content-token");
  runner = sp_runner_new (db_path, SP_STEP_EXECUTOR (connector));
  g_signal_connect (runner, "step-changed", G_CALLBACK (step_changed_cb), problems);
  sp_runner_run_async (runner, campaign_id, SP_STREAM_EXECUTION, SP_RUN_FLAGS_NONE, NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  ok = sp_runner_run_finish (runner, result, &error);

  /* Every request validated… */
  violations = sp_prism_dup_violations (proxy.prism);
  for (guint i = 0; i < violations->len; i++)
    g_printerr ("Prism: %s\n", (const char *)g_ptr_array_index (violations, i));
  g_assert_cmpuint (violations->len, ==, 0);
  sp_prism_assert_no_violations (proxy.prism);

  /* …the stream completed on the mock… */
  g_assert_no_error (error);
  g_assert_true (ok);
  status = sp_run_store_get_status (store, campaign_id, &error);
  g_assert_cmpstr (status, ==, "live");
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("step problem: %s\n", (const char *)g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);

  /* …and every kind of request the stream sends was among them. */
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (!g_hash_table_contains (proxy.seen, required[i]))
      {
        GHashTableIter iter;
        gpointer key;

        g_hash_table_iter_init (&iter, proxy.seen);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          g_printerr ("sent: %s\n", (const char *)key);
        g_error ("never sent: %s", required[i]);
      }
  g_assert_cmpuint (proxy.n_content, >=, 2);
  g_assert_cmpuint (proxy.n_multipart, >=, 1);
  g_assert_cmpuint (proxy.n_forwarded, >=, 30);

  soup_server_disconnect (server);
  sp_prism_stop (proxy.prism);
  g_clear_pointer (&proxy.prism, sp_prism_free);
  g_clear_object (&proxy.session);
  g_hash_table_unref (proxy.seen);
  g_free (proxy.entities_json);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("SP_NO_SECRET_SERVICE", "1", TRUE);

  g_test_add_func ("/connect/contract/execution-stream", test_execution_stream);

  return g_test_run ();
}
