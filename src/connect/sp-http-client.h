/* sp-http-client.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SpHttpClient: the application's one SoupSession. Every request is async
 * on the main context; transport failures, 5xx and 429 are retried by the
 * flow's SpRetryPolicy, a 401 refreshes the OAuth token once. Any other
 * answer, 404 and 409 included, is returned for the caller to judge.
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sp-retry-policy.h"

G_BEGIN_DECLS

typedef struct _SpTokenCache SpTokenCache;

typedef struct
{
  char     *method;
  char     *uri;
  char     *content_type;      /* nullable */
  GBytes   *body;              /* nullable */
  char     *bearer;            /* nullable: a fixed token (content platform) */
  gboolean  use_oauth;         /* attach the cached OAuth token */
  char     *idempotency_key;   /* nullable */
  char     *content_language;  /* nullable */
  gboolean  total_count;       /* send X-Total-Count: true */
} SpHttpRequest;

typedef struct
{
  guint               status;
  SoupMessageHeaders *headers;
  GBytes             *body;
} SpHttpResponse;

SpHttpRequest  *sp_http_request_new           (const char     *method,
                                               const char     *uri) G_GNUC_WARN_UNUSED_RESULT;
void            sp_http_request_set_json      (SpHttpRequest  *request,
                                               JsonNode       *node);
void            sp_http_request_free          (SpHttpRequest  *request);
void            sp_http_response_free         (SpHttpResponse *response);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpHttpRequest, sp_http_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpHttpResponse, sp_http_response_free)

#define SP_TYPE_HTTP_CLIENT (sp_http_client_get_type ())

G_DECLARE_FINAL_TYPE (SpHttpClient, sp_http_client, SP, HTTP_CLIENT, GObject)

SpHttpClient   *sp_http_client_new             (void) G_GNUC_WARN_UNUSED_RESULT;
void            sp_http_client_set_timeout     (SpHttpClient        *self,
                                                guint                seconds);
void            sp_http_client_set_token_cache (SpHttpClient        *self,
                                                SpTokenCache        *cache);
SpTokenCache   *sp_http_client_get_token_cache (SpHttpClient        *self);
SpRetryPolicy  *sp_http_client_get_retry_policy (SpHttpClient       *self);
guint           sp_http_client_get_n_requests  (SpHttpClient        *self);
void            sp_http_client_send_async      (SpHttpClient        *self,
                                                SpHttpRequest       *request,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
SpHttpResponse *sp_http_client_send_finish     (SpHttpClient        *self,
                                                GAsyncResult        *result,
                                                GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
