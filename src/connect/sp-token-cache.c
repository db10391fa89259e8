/* sp-token-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-connect"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sp-connect-error.h"
#include "sp-json.h"
#include "sp-token-cache.h"

/* A token is renewed this long before it expires (at most a tenth of its
 * lifetime), so a request never leaves with a token about to die. */
#define RENEW_MARGIN_USEC (60 * G_USEC_PER_SEC)

struct _SpTokenCache
{
  GObject   parent_instance;

  char     *token_uri;
  char     *client_id;
  char     *client_secret;   /* never logged */
  char     *scope;
  char     *token;           /* never logged */
  gint64    renew_at;        /* monotonic µs */
  GQueue    waiting;         /* (element-type GTask): requests sharing one fetch */
  gboolean  fetching;
  guint     n_fetches;
};

G_DEFINE_FINAL_TYPE (SpTokenCache, sp_token_cache, G_TYPE_OBJECT)

static void
wipe (char **secret)
{
  if (*secret != NULL)
    memset (*secret, 0, strlen (*secret));
  g_clear_pointer (secret, g_free);
}

static void
sp_token_cache_finalize (GObject *object)
{
  SpTokenCache *self = (SpTokenCache *)object;

  g_assert (g_queue_is_empty (&self->waiting));

  g_free (self->token_uri);
  g_free (self->client_id);
  wipe (&self->client_secret);
  g_free (self->scope);
  wipe (&self->token);

  G_OBJECT_CLASS (sp_token_cache_parent_class)->finalize (object);
}

static void
sp_token_cache_class_init (SpTokenCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_token_cache_finalize;
}

static void
sp_token_cache_init (SpTokenCache *self)
{
  g_queue_init (&self->waiting);
}

/**
 * sp_token_cache_new:
 * @token_uri: the token endpoint ("https://api.emporix.io/oauth/token")
 * @scope: (nullable): space-separated scope names
 *
 * Returns: (transfer full): an empty cache
 */
SpTokenCache *
sp_token_cache_new (const char *token_uri,
                    const char *client_id,
                    const char *client_secret,
                    const char *scope)
{
  SpTokenCache *self;

  g_return_val_if_fail (token_uri != NULL && client_id != NULL && client_secret != NULL, NULL);

  self = g_object_new (SP_TYPE_TOKEN_CACHE, NULL);
  self->token_uri = g_strdup (token_uri);
  self->client_id = g_strdup (client_id);
  self->client_secret = g_strdup (client_secret);
  self->scope = g_strdup (scope);
  return self;
}

guint
sp_token_cache_get_n_fetches (SpTokenCache *self)
{
  g_return_val_if_fail (SP_IS_TOKEN_CACHE (self), 0);
  return self->n_fetches;
}

void
sp_token_cache_invalidate (SpTokenCache *self)
{
  g_return_if_fail (SP_IS_TOKEN_CACHE (self));

  wipe (&self->token);
  self->renew_at = 0;
}

gboolean
sp_token_cache_is_valid (SpTokenCache *self)
{
  g_return_val_if_fail (SP_IS_TOKEN_CACHE (self), FALSE);

  return self->token != NULL && g_get_monotonic_time () < self->renew_at;
}

static void
complete_waiting (SpTokenCache *self,
                  const GError *error)
{
  GTask *task;

  while ((task = g_queue_pop_head (&self->waiting)) != NULL)
    {
      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_pointer (task, g_strdup (self->token), g_free);
      g_object_unref (task);
    }
}

static gboolean
parse_token (SpTokenCache    *self,
             SpHttpResponse  *response,
             GError         **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  const char *token;
  gint64 expires_in;
  gint64 margin;

  if (response->status != 200)
    {
      g_autofree char *message = sp_json_error_message (response->body);

      g_set_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_AUTH,
                   _("The token endpoint answered %u%s%s; check the client id and secret"),
                   response->status, message ? ": " : "", message ? message : "");
      return FALSE;
    }

  if (!(root = sp_json_parse_bytes (response->body, "POST /oauth/token", error)) ||
      !sp_json_node_get_object (root, "$", &object, error) ||
      !sp_json_get_string (object, "$", "access_token", &token, error) ||
      !sp_json_get_int (object, "$", "expires_in", &expires_in, error))
    return FALSE;

  if (token[0] == '\0' || expires_in <= 0)
    {
      g_set_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_BAD_RESPONSE,
                   _("$.access_token: the token endpoint gave an empty or expired token"));
      return FALSE;
    }

  wipe (&self->token);
  self->token = g_strdup (token);
  margin = MIN (RENEW_MARGIN_USEC, expires_in * G_USEC_PER_SEC / 10);
  self->renew_at = g_get_monotonic_time () + expires_in * G_USEC_PER_SEC - margin;
  return TRUE;
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SpTokenCache) self = user_data;
  g_autoptr(SpHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  self->fetching = FALSE;
  if ((response = sp_http_client_send_finish (SP_HTTP_CLIENT (object), result, &error)) != NULL)
    parse_token (self, response, &error);

  complete_waiting (self, error);
}

static GBytes *
token_form (SpTokenCache *self)
{
  GString *form = g_string_new ("grant_type=client_credentials&client_id=");
  g_autofree char *id = g_uri_escape_string (self->client_id, NULL, FALSE);
  g_autofree char *secret = g_uri_escape_string (self->client_secret, NULL, FALSE);
  gsize len;

  g_string_append (form, id);
  g_string_append (form, "&client_secret=");
  g_string_append (form, secret);
  memset (secret, 0, strlen (secret));
  if (self->scope != NULL && self->scope[0] != '\0')
    {
      g_autofree char *scope = g_uri_escape_string (self->scope, NULL, FALSE);

      g_string_append (form, "&scope=");
      g_string_append (form, scope);
    }

  len = form->len;
  return g_bytes_new_take (g_string_free (form, FALSE), len);
}

/**
 * sp_token_cache_get_async:
 * @client: the client that sends the token request
 *
 * Gets the cached token, or fetches a new one when it is missing or about
 * to expire.
 */
void
sp_token_cache_get_async (SpTokenCache        *self,
                          SpHttpClient        *client,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SpHttpRequest *request;

  g_return_if_fail (SP_IS_TOKEN_CACHE (self));
  g_return_if_fail (SP_IS_HTTP_CLIENT (client));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_token_cache_get_async);

  if (sp_token_cache_is_valid (self))
    {
      g_task_return_pointer (task, g_strdup (self->token), g_free);
      return;
    }

  g_queue_push_tail (&self->waiting, g_steal_pointer (&task));
  if (self->fetching)
    return;

  self->fetching = TRUE;
  self->n_fetches++;
  request = sp_http_request_new ("POST", self->token_uri);
  request->content_type = g_strdup ("application/x-www-form-urlencoded");
  request->body = token_form (self);
  /* Not cancellable: other requests may be waiting for the same token. */
  sp_http_client_send_async (client, request, NULL, fetch_cb, g_object_ref (self));
}

/**
 * sp_token_cache_get_finish:
 *
 * Returns: (transfer full): the access token, or %NULL
 */
char *
sp_token_cache_get_finish (SpTokenCache  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
