/* sp-retry-policy.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What to do after a failed request: exponential backoff with jitter for
 * server errors, timeouts and resets; the server's Retry-After on 429; one
 * token refresh on 401; the conflict path on 409; give up otherwise.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SP_FAILURE_TRANSIENT = 1,   /* 5xx, timeout, connection reset */
  SP_FAILURE_RATE_LIMITED,    /* 429 */
  SP_FAILURE_UNAUTHORIZED,    /* 401 */
  SP_FAILURE_CONFLICT,        /* 409 */
  SP_FAILURE_PERMANENT,       /* any other 4xx, bad response */
} SpFailureKind;

typedef enum
{
  SP_RETRY_GIVE_UP = 1,
  SP_RETRY_AFTER_DELAY,
  SP_RETRY_REFRESH_TOKEN,
  SP_RETRY_RESOLVE_CONFLICT,
} SpRetryAction;

typedef struct _SpRetryPolicy SpRetryPolicy;

SpRetryPolicy *sp_retry_policy_new              (void) G_GNUC_WARN_UNUSED_RESULT;
void           sp_retry_policy_free             (SpRetryPolicy  *self);
void           sp_retry_policy_set_limits       (SpRetryPolicy  *self,
                                                 guint           max_attempts,
                                                 gint64          base_delay_ms,
                                                 gint64          max_delay_ms);
void           sp_retry_policy_set_seed         (SpRetryPolicy  *self,
                                                 guint32         seed);
guint          sp_retry_policy_get_max_attempts (SpRetryPolicy  *self);
gint64         sp_retry_policy_backoff_ms       (SpRetryPolicy  *self,
                                                 guint           attempt);
SpRetryAction  sp_retry_policy_decide           (SpRetryPolicy  *self,
                                                 SpFailureKind   kind,
                                                 guint           attempt,
                                                 gint64          retry_after_ms,
                                                 gboolean        token_refreshed,
                                                 gint64         *delay_ms);
gboolean       sp_retry_parse_retry_after       (const char     *value,
                                                 GDateTime      *now,
                                                 gint64         *delay_ms);
SpFailureKind  sp_failure_kind_from_status      (guint           status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpRetryPolicy, sp_retry_policy_free)

G_END_DECLS
