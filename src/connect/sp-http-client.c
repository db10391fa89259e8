/* sp-http-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-connect"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sp-connect-error.h"
#include "sp-http-client.h"
#include "sp-json.h"
#include "sp-token-cache.h"

struct _SpHttpClient
{
  GObject         parent_instance;

  SoupSession    *session;       /* owned; the application's only one */
  SpTokenCache   *token_cache;   /* owned, nullable */
  SpRetryPolicy  *policy;        /* owned */
  guint           n_requests;
};

G_DEFINE_FINAL_TYPE (SpHttpClient, sp_http_client, G_TYPE_OBJECT)

SpHttpRequest *
sp_http_request_new (const char *method,
                     const char *uri)
{
  SpHttpRequest *request = g_new0 (SpHttpRequest, 1);

  request->method = g_strdup (method);
  request->uri = g_strdup (uri);
  return request;
}

/* Serializes @node as the body; JSON is always written by json-glib. */
void
sp_http_request_set_json (SpHttpRequest *request,
                          JsonNode      *node)
{
  char *text;

  g_return_if_fail (request != NULL && node != NULL);

  text = json_to_string (node, FALSE);
  g_clear_pointer (&request->body, g_bytes_unref);
  request->body = g_bytes_new_take (text, strlen (text));
  g_free (request->content_type);
  request->content_type = g_strdup ("application/json");
}

void
sp_http_request_free (SpHttpRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->method);
  g_free (request->uri);
  g_free (request->content_type);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_free (request->bearer);
  g_free (request->idempotency_key);
  g_free (request->content_language);
  g_free (request);
}

void
sp_http_response_free (SpHttpResponse *response)
{
  if (response == NULL)
    return;

  g_clear_pointer (&response->headers, soup_message_headers_unref);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_free (response);
}

static void
sp_http_client_finalize (GObject *object)
{
  SpHttpClient *self = (SpHttpClient *)object;

  g_clear_object (&self->session);
  g_clear_object (&self->token_cache);
  g_clear_pointer (&self->policy, sp_retry_policy_free);

  G_OBJECT_CLASS (sp_http_client_parent_class)->finalize (object);
}

static void
sp_http_client_class_init (SpHttpClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_http_client_finalize;
}

static void
sp_http_client_init (SpHttpClient *self)
{
  g_autofree char *user_agent = g_strdup_printf ("StockPromotion/%s", PACKAGE_VERSION);

  self->session = soup_session_new_with_options ("timeout", 30,
                                                 "idle-timeout", 60,
                                                 "user-agent", user_agent,
                                                 "max-conns-per-host", 8,
                                                 NULL);
  self->policy = sp_retry_policy_new ();
}

/**
 * sp_http_client_new:
 *
 * Returns: (transfer full): a client; use one per application
 */
SpHttpClient *
sp_http_client_new (void)
{
  return g_object_new (SP_TYPE_HTTP_CLIENT, NULL);
}

void
sp_http_client_set_timeout (SpHttpClient *self,
                            guint         seconds)
{
  g_return_if_fail (SP_IS_HTTP_CLIENT (self));

  g_object_set (self->session, "timeout", seconds, NULL);
}

void
sp_http_client_set_token_cache (SpHttpClient *self,
                                SpTokenCache *cache)
{
  g_return_if_fail (SP_IS_HTTP_CLIENT (self));
  g_return_if_fail (!cache || SP_IS_TOKEN_CACHE (cache));

  g_set_object (&self->token_cache, cache);
}

/**
 * sp_http_client_get_token_cache:
 *
 * Returns: (transfer none) (nullable): the token cache
 */
SpTokenCache *
sp_http_client_get_token_cache (SpHttpClient *self)
{
  g_return_val_if_fail (SP_IS_HTTP_CLIENT (self), NULL);
  return self->token_cache;
}

/**
 * sp_http_client_get_retry_policy:
 *
 * Returns: (transfer none): the policy; tests tune its limits
 */
SpRetryPolicy *
sp_http_client_get_retry_policy (SpHttpClient *self)
{
  g_return_val_if_fail (SP_IS_HTTP_CLIENT (self), NULL);
  return self->policy;
}

guint
sp_http_client_get_n_requests (SpHttpClient *self)
{
  g_return_val_if_fail (SP_IS_HTTP_CLIENT (self), 0);
  return self->n_requests;
}

typedef struct
{
  SpHttpRequest *request;          /* owned */
  SoupMessage   *msg;              /* owned: the attempt in flight */
  char          *token;            /* owned; never logged */
  guint          attempt;
  gboolean       token_refreshed;
} SendState;

static void
send_state_free (gpointer data)
{
  SendState *state = data;

  sp_http_request_free (state->request);
  g_clear_object (&state->msg);
  if (state->token != NULL)
    memset (state->token, 0, strlen (state->token));
  g_free (state->token);
  g_free (state);
}

static void send_attempt (GTask *task);
static void get_token (GTask *task);

static gboolean
retry_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;

  if (g_task_return_error_if_cancelled (task))
    return G_SOURCE_REMOVE;

  /* The source keeps its own reference; the next attempt takes a new one. */
  if (((SendState *)g_task_get_task_data (task))->request->use_oauth &&
      SP_HTTP_CLIENT (g_task_get_source_object (task))->token_cache != NULL)
    get_token (g_object_ref (task));
  else
    send_attempt (g_object_ref (task));
  return G_SOURCE_REMOVE;
}

/* Waits @delay_ms, or less when the request is cancelled meanwhile. */
static void
retry_later (GTask  *task,
             gint64  delay_ms)
{
  GSource *source = g_timeout_source_new (MAX (delay_ms, 0));
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (cancellable != NULL)
    {
      GSource *cancel_source = g_cancellable_source_new (cancellable);

      g_source_set_dummy_callback (cancel_source);
      g_source_add_child_source (source, cancel_source);
      g_source_unref (cancel_source);
    }

  g_source_set_callback (source, retry_timeout_cb, g_object_ref (task), g_object_unref);
  g_source_attach (source, g_task_get_context (task));
  g_source_unref (source);
}

static gboolean
is_transient_transport_error (const GError *error)
{
  /* Resets, refused connections, timeouts and truncated answers: the
   * request may or may not have arrived, so only idempotent requests
   * (which ours are, by their ids) may be repeated. */
  return error->domain == G_IO_ERROR || error->domain == G_RESOLVER_ERROR ||
         error->domain == SOUP_SESSION_ERROR || error->domain == G_TLS_ERROR;
}

static void
give_up (GTask      *task,
         SoupMessage *msg,
         guint        status,
         GBytes      *body)
{
  SendState *state = g_task_get_task_data (task);
  g_autofree char *message = sp_json_error_message (body);

  g_task_return_new_error (task, SP_CONNECT_ERROR,
                           status == 429 ? SP_CONNECT_ERROR_RATE_LIMITED :
                           status == 401 ? SP_CONNECT_ERROR_AUTH : SP_CONNECT_ERROR_HTTP,
                           /* Translators: %1$s %2$s is "PUT /price/…", %3$u the HTTP status */
                           _("%1$s %2$s: the server answered %3$u %4$s%5$s%6$s"),
                           state->request->method, state->request->uri, status,
                           soup_message_get_reason_phrase (msg) ? soup_message_get_reason_phrase (msg) : "",
                           message ? ": " : "", message ? message : "");
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SpHttpClient *self = g_task_get_source_object (task);
  SendState *state = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupMessage) msg = g_steal_pointer (&state->msg);
  SpFailureKind kind;
  SpRetryAction action;
  gint64 retry_after = -1;
  gint64 delay = 0;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);

  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_cancellable_is_cancelled (g_task_get_cancellable (task)))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      g_debug ("%s %s: attempt %u failed: %s", state->request->method, state->request->uri,
               state->attempt, error->message);
      if (is_transient_transport_error (error) &&
          sp_retry_policy_decide (self->policy, SP_FAILURE_TRANSIENT, state->attempt, -1, FALSE,
                                  &delay) == SP_RETRY_AFTER_DELAY)
        {
          retry_later (task, delay);
          return;
        }

      g_task_return_new_error (task, SP_CONNECT_ERROR, SP_CONNECT_ERROR_TRANSPORT,
                               /* Translators: %1$s %2$s is "PUT /price/…" */
                               _("%1$s %2$s: %3$s"), state->request->method, state->request->uri,
                               error->message);
      return;
    }

  status = soup_message_get_status (msg);
  g_debug ("%s %s: %u (attempt %u)", state->request->method, state->request->uri, status, state->attempt);

  if (status == 401 || status == 429 || status == 408 || status >= 500)
    {
      kind = sp_failure_kind_from_status (status);
      if (kind == SP_FAILURE_UNAUTHORIZED && !state->request->use_oauth)
        {
          give_up (task, msg, status, body);
          return;
        }
      if ((status == 429 || status == 503) &&
          !sp_retry_parse_retry_after (soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                                     "Retry-After"),
                                       NULL, &retry_after))
        retry_after = -1;

      action = sp_retry_policy_decide (self->policy, kind, state->attempt, retry_after,
                                       state->token_refreshed, &delay);
      if (action == SP_RETRY_REFRESH_TOKEN && self->token_cache != NULL)
        {
          state->token_refreshed = TRUE;
          sp_token_cache_invalidate (self->token_cache);
          get_token (task);
          g_steal_pointer (&task);
          return;
        }
      if (action == SP_RETRY_AFTER_DELAY)
        {
          retry_later (task, delay);
          return;
        }

      give_up (task, msg, status, body);
      return;
    }

  {
    SpHttpResponse *response = g_new0 (SpHttpResponse, 1);

    response->status = status;
    response->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
    response->body = g_steal_pointer (&body);
    g_task_return_pointer (task, response, (GDestroyNotify)sp_http_response_free);
  }
}

/* libsoup re-sends a request by itself when a kept-alive connection turns
 * out to be closed; the body stream is spent by then, so it is set again. */
static void
restarted_cb (SoupMessage *msg,
              GBytes      *body)
{
  const char *content_type = soup_message_headers_get_content_type (soup_message_get_request_headers (msg), NULL);

  soup_message_set_request_body_from_bytes (msg, content_type, body);
}

static void
body_closure_notify (gpointer  data,
                     GClosure *closure)
{
  g_bytes_unref (data);
}

static void
send_attempt (GTask *task)
{
  SpHttpClient *self = g_task_get_source_object (task);
  SendState *state = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  g_clear_object (&state->msg);
  if (!(state->msg = soup_message_new (state->request->method, state->request->uri)))
    {
      g_task_return_new_error (task, SP_CONNECT_ERROR, SP_CONNECT_ERROR_CONFIG,
                               _("“%s” is not a valid address"), state->request->uri);
      g_object_unref (task);
      return;
    }

  headers = soup_message_get_request_headers (state->msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  /* An empty fixed token means "no Authorization" (an open content platform). */
  if (state->token != NULL || (state->request->bearer != NULL && state->request->bearer[0] != '\0'))
    {
      g_autofree char *value = g_strdup_printf ("Bearer %s", state->token ? state->token : state->request->bearer);

      soup_message_headers_replace (headers, "Authorization", value);
      memset (value, 0, strlen (value));
    }
  if (state->request->idempotency_key != NULL)
    soup_message_headers_replace (headers, "Idempotency-Key", state->request->idempotency_key);
  if (state->request->content_language != NULL)
    soup_message_headers_replace (headers, "Content-Language", state->request->content_language);
  if (state->request->total_count)
    soup_message_headers_replace (headers, "X-Total-Count", "true");
  if (state->request->body != NULL)
    {
      soup_message_set_request_body_from_bytes (state->msg,
                                                state->request->content_type ? state->request->content_type
                                                                             : "application/octet-stream",
                                                state->request->body);
      g_signal_connect_data (state->msg, "restarted", G_CALLBACK (restarted_cb),
                             g_bytes_ref (state->request->body), body_closure_notify, 0);
    }

  state->attempt++;
  self->n_requests++;
  soup_session_send_and_read_async (self->session, state->msg, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), send_cb, task);
}

static void
token_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  SendState *state = g_task_get_task_data (task);
  GError *error = NULL;

  g_free (state->token);
  if (!(state->token = sp_token_cache_get_finish (SP_TOKEN_CACHE (object), result, &error)))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  send_attempt (task);
}

/* Takes over the reference on @task. */
static void
get_token (GTask *task)
{
  SpHttpClient *self = g_task_get_source_object (task);

  sp_token_cache_get_async (self->token_cache, self, g_task_get_cancellable (task), token_cb, task);
}

/**
 * sp_http_client_send_async:
 * @request: (transfer full): what to send
 *
 * Sends @request, retrying as the policy says.
 */
void
sp_http_client_send_async (SpHttpClient        *self,
                           SpHttpRequest       *request,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;
  SendState *state;

  g_return_if_fail (SP_IS_HTTP_CLIENT (self));
  g_return_if_fail (request != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_http_client_send_async);

  state = g_new0 (SendState, 1);
  state->request = request;
  g_task_set_task_data (task, state, send_state_free);

  if (request->use_oauth && self->token_cache != NULL)
    get_token (task);
  else
    send_attempt (task);
}

/**
 * sp_http_client_send_finish:
 *
 * Returns: (transfer full): the answer (any status but retried ones), or
 *   %NULL with @error set
 */
SpHttpResponse *
sp_http_client_send_finish (SpHttpClient  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
