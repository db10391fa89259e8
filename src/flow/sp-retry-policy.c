/* sp-retry-policy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sp-retry-policy.h"

struct _SpRetryPolicy
{
  guint   max_attempts;      /* attempts in all, the first one included */
  gint64  base_delay_ms;
  gint64  max_delay_ms;
  gint64  max_retry_after_ms;
  GRand  *rand;
};

/**
 * sp_retry_policy_new:
 *
 * Returns: (transfer full): a policy with 6 attempts, 200 ms base delay,
 *   10 s cap and at most 120 s of Retry-After
 */
SpRetryPolicy *
sp_retry_policy_new (void)
{
  SpRetryPolicy *self = g_new0 (SpRetryPolicy, 1);

  self->max_attempts = 6;
  self->base_delay_ms = 200;
  self->max_delay_ms = 10000;
  self->max_retry_after_ms = 120000;
  self->rand = g_rand_new ();
  return self;
}

void
sp_retry_policy_free (SpRetryPolicy *self)
{
  if (self == NULL)
    return;

  g_rand_free (self->rand);
  g_free (self);
}

void
sp_retry_policy_set_limits (SpRetryPolicy *self,
                            guint          max_attempts,
                            gint64         base_delay_ms,
                            gint64         max_delay_ms)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (max_attempts >= 1);
  g_return_if_fail (base_delay_ms >= 0 && max_delay_ms >= base_delay_ms);

  self->max_attempts = max_attempts;
  self->base_delay_ms = base_delay_ms;
  self->max_delay_ms = max_delay_ms;
}

void
sp_retry_policy_set_seed (SpRetryPolicy *self,
                          guint32        seed)
{
  g_return_if_fail (self != NULL);

  g_rand_set_seed (self->rand, seed);
}

guint
sp_retry_policy_get_max_attempts (SpRetryPolicy *self)
{
  g_return_val_if_fail (self != NULL, 1);

  return self->max_attempts;
}

/**
 * sp_retry_policy_backoff_ms:
 * @attempt: the attempt that failed, from 1
 *
 * "Equal jitter": the ceiling doubles with each attempt up to the cap, and
 * the delay is drawn from its upper half, so clients that failed together
 * spread out but none retries at once.
 *
 * Returns: the delay before the next attempt, in milliseconds
 */
gint64
sp_retry_policy_backoff_ms (SpRetryPolicy *self,
                            guint          attempt)
{
  gint64 ceiling;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (attempt >= 1, 0);

  ceiling = self->base_delay_ms;
  for (guint i = 1; i < attempt && ceiling < self->max_delay_ms; i++)
    ceiling *= 2;
  ceiling = MIN (ceiling, self->max_delay_ms);

  if (ceiling < 2)
    return ceiling;

  return ceiling / 2 + g_rand_int_range (self->rand, 0, (gint32)(ceiling - ceiling / 2) + 1);
}

/**
 * sp_retry_policy_decide:
 * @kind: what failed
 * @attempt: the attempt that failed, from 1
 * @retry_after_ms: the server's Retry-After in ms, or -1
 * @token_refreshed: whether this request already got a fresh token
 * @delay_ms: (out): how long to wait before retrying
 *
 * Returns: what to do next
 */
SpRetryAction
sp_retry_policy_decide (SpRetryPolicy *self,
                        SpFailureKind  kind,
                        guint          attempt,
                        gint64         retry_after_ms,
                        gboolean       token_refreshed,
                        gint64        *delay_ms)
{
  g_return_val_if_fail (self != NULL, SP_RETRY_GIVE_UP);
  g_return_val_if_fail (delay_ms != NULL, SP_RETRY_GIVE_UP);

  *delay_ms = 0;

  switch (kind)
    {
    case SP_FAILURE_UNAUTHORIZED:
      return token_refreshed ? SP_RETRY_GIVE_UP : SP_RETRY_REFRESH_TOKEN;

    case SP_FAILURE_CONFLICT:
      return SP_RETRY_RESOLVE_CONFLICT;

    case SP_FAILURE_RATE_LIMITED:
      if (attempt >= self->max_attempts)
        return SP_RETRY_GIVE_UP;
      if (retry_after_ms >= 0)
        {
          if (retry_after_ms > self->max_retry_after_ms)
            return SP_RETRY_GIVE_UP;
          *delay_ms = retry_after_ms;
        }
      else
        *delay_ms = sp_retry_policy_backoff_ms (self, attempt);
      return SP_RETRY_AFTER_DELAY;

    case SP_FAILURE_TRANSIENT:
      if (attempt >= self->max_attempts)
        return SP_RETRY_GIVE_UP;
      *delay_ms = sp_retry_policy_backoff_ms (self, attempt);
      return SP_RETRY_AFTER_DELAY;

    case SP_FAILURE_PERMANENT:
    default:
      return SP_RETRY_GIVE_UP;
    }
}

/**
 * sp_retry_parse_retry_after:
 * @value: the Retry-After header: delta-seconds or an HTTP-date
 * @now: (nullable): the current time, for HTTP-dates (default: now)
 * @delay_ms: (out): the delay in milliseconds, never negative
 *
 * Returns: %TRUE when @value is a valid Retry-After
 */
gboolean
sp_retry_parse_retry_after (const char *value,
                            GDateTime  *now,
                            gint64     *delay_ms)
{
  g_autoptr(GDateTime) current = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *iso = NULL;
  static const char * const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  char wday[4], mon[4];
  int day, year, hour, minute, second;
  guint64 seconds;

  g_return_val_if_fail (delay_ms != NULL, FALSE);

  *delay_ms = 0;
  if (value == NULL)
    return FALSE;

  while (g_ascii_isspace (*value))
    value++;

  if (g_ascii_isdigit (*value))
    {
      const char *end = NULL;

      seconds = g_ascii_strtoull (value, (char **)&end, 10);
      while (end != NULL && g_ascii_isspace (*end))
        end++;
      if (end == NULL || *end != '\0' || seconds > G_MAXINT32)
        return FALSE;
      *delay_ms = (gint64)seconds * 1000;
      return TRUE;
    }

  /* IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT" */
  if (sscanf (value, "%3s, %d %3s %d %d:%d:%d GMT", wday, &day, mon, &year, &hour, &minute, &second) != 7)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      if (strcmp (mon, months[i]) == 0)
        {
          when = g_date_time_new_utc (year, i + 1, day, hour, minute, second);
          break;
        }
    }
  if (when == NULL)
    return FALSE;

  current = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  *delay_ms = MAX (0, g_date_time_difference (when, current) / 1000);
  return TRUE;
}

SpFailureKind
sp_failure_kind_from_status (guint status)
{
  if (status == 401)
    return SP_FAILURE_UNAUTHORIZED;
  if (status == 409)
    return SP_FAILURE_CONFLICT;
  if (status == 429)
    return SP_FAILURE_RATE_LIMITED;
  if (status == 408 || status >= 500)
    return SP_FAILURE_TRANSIENT;
  return SP_FAILURE_PERMANENT;
}
