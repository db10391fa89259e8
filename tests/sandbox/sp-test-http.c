/* sp-test-http.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sp-test-http.h"

void
sp_test_response_free (SpTestResponse *response)
{
  if (response == NULL)
    return;
  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_pointer (&response->headers, soup_message_headers_unref);
  g_clear_pointer (&response->json, json_node_unref);
  g_clear_error (&response->error);
  g_free (response);
}

SoupSession *
sp_test_session_new (guint timeout_seconds)
{
  return soup_session_new_with_options ("timeout", timeout_seconds, "user-agent", "sp-test", NULL);
}

typedef struct
{
  SpTestResponse *response;
  gboolean        done;
} Pending;

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Pending *pending = user_data;

  pending->response->body = soup_session_send_and_read_finish (SOUP_SESSION (object), result,
                                                               &pending->response->error);
  pending->done = TRUE;
}

/* @headers: (nullable): "Name", "value", …, NULL */
SpTestResponse *
sp_test_send (SoupSession        *session,
              const char         *method,
              const char         *uri,
              const char         *token,
              const char         *content_type,
              GBytes             *body,
              const char *const  *headers)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  SpTestResponse *response = g_new0 (SpTestResponse, 1);
  Pending pending = { response, FALSE };

  g_assert_nonnull (msg);
  if (token != NULL)
    {
      g_autofree char *authorization = g_strdup_printf ("Bearer %s", token);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    authorization);
    }
  for (guint i = 0; headers != NULL && headers[i] != NULL; i += 2)
    soup_message_headers_replace (soup_message_get_request_headers (msg), headers[i],
                                  headers[i + 1]);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type, body);

  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, sent_cb, &pending);
  while (!pending.done)
    g_main_context_iteration (NULL, TRUE);

  response->status = response->error == NULL ? soup_message_get_status (msg) : 0;
  response->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  if (response->body != NULL && g_bytes_get_size (response->body) > 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      gsize size;
      const char *data = g_bytes_get_data (response->body, &size);

      if (json_parser_load_from_data (parser, data, size,
                                      NULL) && json_parser_get_root (parser) != NULL)
        response->json = json_node_copy (json_parser_get_root (parser));
    }
  return response;
}

SpTestResponse *
sp_test_send_json (SoupSession *session,
                   const char  *method,
                   const char  *uri,
                   const char  *token,
                   const char  *json)
{
  g_autoptr(GBytes) body = json != NULL ? g_bytes_new (json, strlen (json)) : NULL;

  return sp_test_send (session, method, uri, token, json != NULL ? "application/json" : NULL, body,
                       NULL);
}

/* Asks the sandbox (or Prism) at @base_uri for a client-credentials token. */
char *
sp_test_get_token (SoupSession *session,
                   const char  *base_uri)
{
  static const char form[] = "grant_type=client_credentials&client_id=demo&client_secret=demo-secret";
  g_autofree char *uri = g_strconcat (base_uri, "oauth/token", NULL);
  g_autoptr(GBytes) body = g_bytes_new_static (form, sizeof form - 1);
  g_autoptr(SpTestResponse) response = NULL;

  response = sp_test_send (session, "POST", uri, NULL, "application/x-www-form-urlencoded", body,
                           NULL);
  g_assert_no_error (response->error);
  g_assert_cmpuint (response->status, ==, 200);
  return g_strdup (sp_test_member_string (response, "access_token"));
}

const char *
sp_test_member_string (SpTestResponse *response,
                       const char     *member)
{
  JsonNode *node;

  g_assert_nonnull (response->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (response->json));
  node = json_object_get_member (json_node_get_object (response->json), member);
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  return json_node_get_string (node);
}

gint64
sp_test_member_int (SpTestResponse *response,
                    const char     *member)
{
  JsonNode *node;

  g_assert_nonnull (response->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (response->json));
  node = json_object_get_member (json_node_get_object (response->json), member);
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  return json_node_get_int (node);
}

/* Reads a file of ../shared (SP_SHARED_DIR), e.g. "emporix/requests/03b-….json". */
char *
sp_test_read_shared (const char *relative_path)
{
  const char *shared = g_getenv ("SP_SHARED_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_nonnull (shared);
  path = g_build_filename (shared, relative_path, NULL);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}
