/* test-http-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SpHttpClient and SpTokenCache against a loopback SoupServer: the token is
 * fetched once and cached until it expires, shared by concurrent requests,
 * refreshed once on 401; 5xx and 429 are retried as the policy says.
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "sp-connect-error.h"
#include "sp-http-client.h"
#include "sp-token-cache.h"

#define SECRET "s3cr3t-client-secret"

typedef struct
{
  SoupServer   *server;
  char         *base;
  SpHttpClient *client;
  SpTokenCache *cache;
  guint         n_fetches;
  guint         n_requests;
  gint64        expires_in;
  guint         reject_next;    /* answer 401 this many times */
  guint         fail_next;      /* answer 500 this many times */
  guint         throttle_next;  /* answer 429 + Retry-After: 1 this many times */
  gboolean      bad_token_endpoint;
  char         *last_auth;
} Fixture;

static void
token_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  Fixture *fixture = user_data;
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autofree char *answer = NULL;
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autofree char *form = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_nonnull (strstr (form, "grant_type=client_credentials"));
  g_assert_nonnull (strstr (form, "client_secret=" SECRET));

  if (fixture->bad_token_endpoint)
    {
      soup_server_message_set_status (msg, 401, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        "{\"message\":\"bad client\"}", 24);
      return;
    }

  fixture->n_fetches++;
  answer = g_strdup_printf ("{\"access_token\":\"tok-%u\",\"token_type\":\"Bearer\",\"expires_in\":%" G_GINT64_FORMAT "}",
                            fixture->n_fetches, fixture->expires_in);
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, answer, strlen (answer));
}

static void
api_cb (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  Fixture *fixture = user_data;
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization");
  g_autofree char *expected = g_strdup_printf ("Bearer tok-%u", fixture->n_fetches);

  fixture->n_requests++;
  g_free (fixture->last_auth);
  fixture->last_auth = g_strdup (auth);

  if (fixture->reject_next > 0 || g_strcmp0 (auth, expected) != 0)
    {
      if (fixture->reject_next > 0)
        fixture->reject_next--;
      soup_server_message_set_status (msg, 401, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        "{\"fault\":{\"faultstring\":\"Invalid access token\"}}", 47);
      return;
    }
  if (fixture->fail_next > 0)
    {
      fixture->fail_next--;
      soup_server_message_set_status (msg, 503, NULL);
      return;
    }
  if (fixture->throttle_next > 0)
    {
      fixture->throttle_next--;
      soup_server_message_set_status (msg, 429, NULL);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "1");
      return;
    }

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "{\"ok\":true}", 11);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *token_uri = NULL;
  GSList *uris;

  fixture->expires_in = 3600;
  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, "/oauth/token", token_cb, fixture, NULL);
  soup_server_add_handler (fixture->server, "/api", api_cb, fixture, NULL);
  soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fixture->server);
  fixture->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  token_uri = g_strdup_printf ("%s/oauth/token", fixture->base);
  fixture->client = sp_http_client_new ();
  fixture->cache = sp_token_cache_new (token_uri, "client-id", SECRET, "price.pricelist_manage");
  sp_http_client_set_token_cache (fixture->client, fixture->cache);
  sp_retry_policy_set_limits (sp_http_client_get_retry_policy (fixture->client), 4, 10, 50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->cache);
  g_assert_finalize_object (fixture->client);
  soup_server_disconnect (fixture->server);
  g_assert_finalize_object (fixture->server);
  g_free (fixture->base);
  g_free (fixture->last_auth);
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GPtrArray *results = user_data;

  g_ptr_array_add (results, g_object_ref (result));
}

/* Sends @n requests at once and waits for all of them. */
static GPtrArray *
send_n (Fixture *fixture,
        guint    n)
{
  GPtrArray *results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *uri = g_strdup_printf ("%s/api", fixture->base);

  for (guint i = 0; i < n; i++)
    {
      SpHttpRequest *request = sp_http_request_new ("GET", uri);

      request->use_oauth = TRUE;
      sp_http_client_send_async (fixture->client, request, NULL, done_cb, results);
    }
  while (results->len < n)
    g_main_context_iteration (NULL, TRUE);
  return results;
}

static guint
send_one (Fixture  *fixture,
          GError  **error)
{
  g_autoptr(GPtrArray) results = send_n (fixture, 1);
  g_autoptr(SpHttpResponse) response = sp_http_client_send_finish (fixture->client,
                                                                   g_ptr_array_index (results, 0), error);

  return response ? response->status : 0;
}

static void
test_token_cached (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (send_one (fixture, &error), ==, 200);
  g_assert_cmpuint (send_one (fixture, &error), ==, 200);
  g_assert_cmpuint (send_one (fixture, &error), ==, 200);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_fetches, ==, 1);
  g_assert_cmpstr (fixture->last_auth, ==, "Bearer tok-1");
  g_assert_true (sp_token_cache_is_valid (fixture->cache));
}

static void
test_token_shared (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GPtrArray) results = send_n (fixture, 6);

  /* Six requests started before any token existed share one fetch. */
  g_assert_cmpuint (fixture->n_fetches, ==, 1);
  for (guint i = 0; i < results->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SpHttpResponse) response = sp_http_client_send_finish (fixture->client,
                                                                       g_ptr_array_index (results, i), &error);

      g_assert_no_error (error);
      g_assert_cmpuint (response->status, ==, 200);
    }
}

static gboolean
quit_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_token_expires (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean waited = FALSE;

  fixture->expires_in = 1;
  g_assert_cmpuint (send_one (fixture, &error), ==, 200);
  g_assert_cmpuint (fixture->n_fetches, ==, 1);

  g_timeout_add (1100, quit_cb, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (sp_token_cache_is_valid (fixture->cache));
  g_assert_cmpuint (send_one (fixture, &error), ==, 200);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_fetches, ==, 2);
  g_assert_cmpstr (fixture->last_auth, ==, "Bearer tok-2");
}

static void
test_refresh_once_on_401 (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  /* A revoked token: one refresh, then it works. */
  fixture->reject_next = 1;
  g_assert_cmpuint (send_one (fixture, &error), ==, 200);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_fetches, ==, 2);
  g_assert_cmpuint (fixture->n_requests, ==, 2);

  /* Still rejected after the refresh: an error, and no second refresh. */
  fixture->reject_next = 5;
  fixture->n_requests = 0;
  g_assert_cmpuint (send_one (fixture, &error), ==, 0);
  g_assert_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_AUTH);
  g_assert_cmpuint (fixture->n_fetches, ==, 3);
  g_assert_cmpuint (fixture->n_requests, ==, 2);
}

static void
test_bad_credentials (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->bad_token_endpoint = TRUE;
  g_assert_cmpuint (send_one (fixture, &error), ==, 0);
  g_assert_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_AUTH);
  g_assert_null (strstr (error->message, SECRET));
  g_assert_cmpuint (fixture->n_requests, ==, 0);
}

static void
test_retry_5xx_and_429 (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 started;

  fixture->fail_next = 2;
  g_assert_cmpuint (send_one (fixture, &error), ==, 200);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_requests, ==, 3);

  /* Retry-After: 1 is honoured, not the short backoff. */
  fixture->throttle_next = 1;
  started = g_get_monotonic_time ();
  g_assert_cmpuint (send_one (fixture, &error), ==, 200);
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - started, >=, 1000 * 1000 - 20000);

  /* Out of attempts: the status is reported. */
  fixture->fail_next = 10;
  g_assert_cmpuint (send_one (fixture, &error), ==, 0);
  g_assert_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_HTTP);
  g_assert_nonnull (strstr (error->message, "503"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/connect/http-client/token-cached", Fixture, NULL, fixture_set_up, test_token_cached,
              fixture_tear_down);
  g_test_add ("/connect/http-client/token-shared", Fixture, NULL, fixture_set_up, test_token_shared,
              fixture_tear_down);
  g_test_add ("/connect/http-client/token-expires", Fixture, NULL, fixture_set_up, test_token_expires,
              fixture_tear_down);
  g_test_add ("/connect/http-client/refresh-once-on-401", Fixture, NULL, fixture_set_up,
              test_refresh_once_on_401, fixture_tear_down);
  g_test_add ("/connect/http-client/bad-credentials", Fixture, NULL, fixture_set_up, test_bad_credentials,
              fixture_tear_down);
  g_test_add ("/connect/http-client/retry-5xx-and-429", Fixture, NULL, fixture_set_up, test_retry_5xx_and_429,
              fixture_tear_down);

  return g_test_run ();
}
