/* sp-bench-publish.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Publishes a clearance price list of N SKUs (default 10,000) through the
 * Emporix connector's price-list step — price model, list, then the prices
 * through the bulk endpoint in batches — against the in-process sandbox, and
 * prints one JSON line: skus, batch size, requests, seconds, prices held.
 * Step checkpoints go to a real workspace database, as in a run.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <string.h>

#include "sp-db-private.h"
#include "sp-platform-config.h"
#include "sp-run-store.h"
#include "sp-sandbox-server.h"
#include "sp-step-executor.h"

static gboolean
write_workspace (const char  *path,
                 guint        n_skus,
                 GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) product = NULL;
  g_autoptr(sqlite3_stmt) scope = NULL;
  g_autoptr(sqlite3_stmt) entry = NULL;

  if (!(db = _sp_db_open (path, error)) || !_sp_db_begin (db, error) ||
      !_sp_db_exec (db, "INSERT INTO sites (id, code, name, currency) VALUES ('s1', 'main', 'Main', 'EUR');"
                        "INSERT INTO campaigns (id, name, status, origin, start_date, end_date, currency, "
                        "  default_discount_bp, created_at, updated_at) VALUES ('bench-10k', 'Bench 10k', "
                        "  'approved', 'manual', '2026-12-01', '2026-12-31', 'EUR', 2500, '2026-11-01', '2026-11-01');"
                        "INSERT INTO campaign_sites VALUES ('bench-10k', 's1');"
                        "INSERT INTO price_lists (id, campaign_id, name, site_id, currency) "
                        "  VALUES ('pl1', 'bench-10k', 'Bench', 's1', 'EUR');", error) ||
      !(product = _sp_db_prepare (db, "INSERT INTO products (id, sku, name, list_price, cost, currency, "
                                      "stock_on_hand) VALUES (?1, ?1, ?1, ?2, ?3, 'EUR', ?4)", error)) ||
      !(scope = _sp_db_prepare (db, "INSERT INTO campaign_scope VALUES ('bench-10k', 'product', ?1)", error)) ||
      !(entry = _sp_db_prepare (db, "INSERT INTO price_list_entries (id, price_list_id, product_id, old_price, "
                                    "new_price, discount_bp) VALUES (?1, 'pl1', ?1, ?2, ?3, 2500)", error)))
    return FALSE;

  for (guint i = 0; i < n_skus; i++)
    {
      g_autofree char *sku = g_strdup_printf ("SKU-%05u", i);
      gint64 price = 1000 + (i * 37) % 9000;

      _sp_db_bind_text (product, 1, sku);
      sqlite3_bind_int64 (product, 2, price);
      sqlite3_bind_int64 (product, 3, price / 2);
      sqlite3_bind_int64 (product, 4, 100 + i % 50);
      _sp_db_bind_text (scope, 1, sku);
      _sp_db_bind_text (entry, 1, sku);
      sqlite3_bind_int64 (entry, 2, price);
      sqlite3_bind_int64 (entry, 3, price - price / 4);
      if (!_sp_db_step_done (db, product, error) || !_sp_db_step_done (db, scope, error) ||
          !_sp_db_step_done (db, entry, error))
        return FALSE;
      sqlite3_reset (product);
      sqlite3_reset (scope);
      sqlite3_reset (entry);
    }

  return _sp_db_commit (db, error);
}

/* A server that accepts everything at once: what is left of the time is
 * the client's (JSON, HTTP, step records). */
static void
null_server_cb (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  const char *method = soup_server_message_get_method (msg);

  if (g_str_equal (path, "/oauth/token"))
    {
      static const char token[] = "{\"access_token\":\"t\",\"expires_in\":3600}";

      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, token, strlen (token));
    }
  else if (g_str_has_suffix (path, "/bulk"))
    {
      soup_server_message_set_status (msg, 207, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "[]", 2);
    }
  else
    soup_server_message_set_status (msg, g_str_equal (method, "GET") ? 404 : 201, NULL);
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

/* CPU time of the whole process (client and in-process server threads):
 * unlike wall time, it does not depend on what else the machine runs. */
static double
load_average (void)
{
  double load[1] = { 0 };

  getloadavg (load, 1);
  return load[0];
}

static gint64
cpu_usec (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gint64)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
         usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

static gint64
publish (const char  *base_url,
         SpRunStore  *store,
         SpRunInput  *input,
         guint        batch,
         guint       *n_requests,
         gint64      *cpu)
{
  g_autoptr(SpPlatformConfig) config = g_new0 (SpPlatformConfig, 1);
  g_autoptr(SpHttpClient) client = sp_http_client_new ();
  g_autoptr(SpEmporixConnector) connector = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_run_step_record_free);
  g_autoptr(SpStepRun) step = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *run_id = NULL;
  const SpStream *stream = sp_stream_get (SP_STREAM_EXECUTION);
  gint64 started;

  config->url = g_strdup (base_url);
  config->tenant = g_strdup ("stockdemo");
  config->client_id = g_strdup ("bench");
  connector = sp_platform_config_connect (config, client, "secret", NULL);
  sp_emporix_connector_set_batch_size (connector, batch);

  g_ptr_array_add (records, sp_run_step_record_new ("price-list", "pending", "bench"));
  run_id = sp_run_store_begin_run (store, "bench-10k", "execution", records, &error);
  g_assert_no_error (error);
  step = sp_step_run_new (store, run_id, stream, sp_stream_find_step (stream, "price-list"), input, NULL, FALSE);
  sp_step_run_add_attempt (step);

  started = g_get_monotonic_time ();
  *cpu = cpu_usec ();
  sp_step_executor_execute_async (SP_STEP_EXECUTOR (connector), step, NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!sp_step_executor_execute_finish (SP_STEP_EXECUTOR (connector), result, &error))
    {
      g_printerr ("bench/publish: %s\n", error->message);
      exit (1);
    }

  *n_requests = sp_http_client_get_n_requests (client);
  *cpu = cpu_usec () - *cpu;
  return g_get_monotonic_time () - started;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(SpSandboxServer) sandbox = NULL;
  g_autoptr(SpRunStore) store = NULL;
  g_autoptr(SpRunInput) input = NULL;
  guint n_skus = argc > 1 ? (guint)atoi (argv[1]) : 10000;
  guint batch = argc > 2 ? (guint)atoi (argv[2]) : SP_EMPORIX_MAX_BATCH;
  gint64 elapsed, client_elapsed, cpu, client_cpu;
  guint n_requests, n_client_requests;

  g_setenv ("SP_NO_SECRET_SERVICE", "1", TRUE);
  dir = g_dir_make_tmp ("sp-bench-publish-XXXXXX", &error);
  db_path = g_build_filename (dir, "ws.db", NULL);
  if (dir == NULL || !write_workspace (db_path, n_skus, &error))
    {
      g_printerr ("bench/publish: %s\n", error->message);
      return 1;
    }

  sandbox = sp_sandbox_server_new (NULL);
  if (!sp_sandbox_server_start (sandbox, 0, &error))
    {
      g_printerr ("bench/publish: %s\n", error->message);
      return 1;
    }

  store = sp_run_store_new (db_path);
  if (!(input = sp_run_store_load_input (store, "bench-10k", &error)))
    {
      g_printerr ("bench/publish: %s\n", error->message);
      return 1;
    }

  {
    g_autofree char *base = g_strndup (sp_sandbox_server_get_uri (sandbox),
                                       strlen (sp_sandbox_server_get_uri (sandbox)) - 1);

    elapsed = publish (base, store, input, batch, &n_requests, &cpu);
  }

  /* The same publication against a server that answers at once. */
  {
    g_autoptr(SoupServer) null_server = soup_server_new (NULL, NULL);
    g_autofree char *base = NULL;
    GSList *uris;

    soup_server_add_handler (null_server, NULL, null_server_cb, NULL, NULL);
    if (!soup_server_listen_local (null_server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
      {
        g_printerr ("bench/publish: %s\n", error->message);
        return 1;
      }
    uris = soup_server_get_uris (null_server);
    base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
    g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
    client_elapsed = publish (base, store, input, batch, &n_client_requests, &client_cpu);
    soup_server_disconnect (null_server);
  }

  printf ("{\"skus\": %u, \"batch_size\": %u, \"requests\": %u, \"bulk_requests\": %u, "
          "\"seconds\": %.3f, \"prices_on_server\": %" G_GINT64_FORMAT ", \"under_2s\": %s, "
          "\"cpu_seconds\": %.3f, \"client_seconds\": %.3f, \"client_cpu_seconds\": %.3f, "
          "\"client_requests\": %u, \"load_average\": %.2f}\n",
          n_skus, batch, n_requests, sp_sandbox_server_get_request_count (sandbox, "POST",
            "/price/{tenant}/price-lists/{priceListId}/prices/bulk"),
          elapsed / 1e6, sp_sandbox_server_count_objects (sandbox, "price"),
          elapsed < 2 * G_USEC_PER_SEC ? "true" : "false", cpu / 1e6, client_elapsed / 1e6,
          client_cpu / 1e6, n_client_requests, load_average ());

  sp_sandbox_server_stop (sandbox);
  g_unlink (db_path);
  {
    g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
