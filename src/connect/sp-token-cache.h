/* sp-token-cache.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SpTokenCache: an OAuth client-credentials token, fetched from the token
 * endpoint and kept until shortly before it expires. Concurrent requests
 * for a token share one fetch. The token and the secret are never logged.
 */

#pragma once

#include <gio/gio.h>

#include "sp-http-client.h"

G_BEGIN_DECLS

#define SP_TYPE_TOKEN_CACHE (sp_token_cache_get_type ())

G_DECLARE_FINAL_TYPE (SpTokenCache, sp_token_cache, SP, TOKEN_CACHE, GObject)

SpTokenCache *sp_token_cache_new          (const char          *token_uri,
                                           const char          *client_id,
                                           const char          *client_secret,
                                           const char          *scope) G_GNUC_WARN_UNUSED_RESULT;
guint         sp_token_cache_get_n_fetches (SpTokenCache       *self);
void          sp_token_cache_invalidate   (SpTokenCache        *self);
gboolean      sp_token_cache_is_valid     (SpTokenCache        *self);
void          sp_token_cache_get_async    (SpTokenCache        *self,
                                           SpHttpClient        *client,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
char         *sp_token_cache_get_finish   (SpTokenCache        *self,
                                           GAsyncResult        *result,
                                           GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
