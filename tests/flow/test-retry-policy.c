/* test-retry-policy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-retry-policy.h"

static void
test_backoff_schedule (void)
{
  g_autoptr(SpRetryPolicy) policy = sp_retry_policy_new ();

  sp_retry_policy_set_limits (policy, 6, 200, 3000);
  sp_retry_policy_set_seed (policy, 42);

  /* Attempt n waits between half and all of min(200 · 2^(n-1), 3000) ms. */
  for (guint round = 0; round < 200; round++)
    {
      static const gint64 ceilings[] = { 200, 400, 800, 1600, 3000, 3000, 3000 };

      for (guint attempt = 1; attempt <= G_N_ELEMENTS (ceilings); attempt++)
        {
          gint64 delay = sp_retry_policy_backoff_ms (policy, attempt);

          g_assert_cmpint (delay, >=, ceilings[attempt - 1] / 2);
          g_assert_cmpint (delay, <=, ceilings[attempt - 1]);
        }
    }
}

static void
test_jitter_spreads (void)
{
  g_autoptr(SpRetryPolicy) policy = sp_retry_policy_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 delays[50];

  sp_retry_policy_set_seed (policy, 7);
  for (guint i = 0; i < G_N_ELEMENTS (delays); i++)
    {
      delays[i] = sp_retry_policy_backoff_ms (policy, 3);
      g_hash_table_add (seen, &delays[i]);
    }

  /* Clients that failed together must not all come back together. */
  g_assert_cmpuint (g_hash_table_size (seen), >, 10);
}

static void
test_decisions (void)
{
  g_autoptr(SpRetryPolicy) policy = sp_retry_policy_new ();
  gint64 delay = -1;

  sp_retry_policy_set_limits (policy, 3, 100, 1000);

  g_assert_cmpint (sp_retry_policy_decide (policy, SP_FAILURE_TRANSIENT, 1, -1, FALSE, &delay), ==,
                   SP_RETRY_AFTER_DELAY);
  g_assert_cmpint (delay, >=, 50);
  g_assert_cmpint (sp_retry_policy_decide (policy, SP_FAILURE_TRANSIENT, 3, -1, FALSE, &delay), ==,
                   SP_RETRY_GIVE_UP);

  /* 429 waits exactly what the server asked for. */
  g_assert_cmpint (sp_retry_policy_decide (policy, SP_FAILURE_RATE_LIMITED, 1, 2000, FALSE, &delay), ==,
                   SP_RETRY_AFTER_DELAY);
  g_assert_cmpint (delay, ==, 2000);
  /* …but not for ever. */
  g_assert_cmpint (sp_retry_policy_decide (policy, SP_FAILURE_RATE_LIMITED, 1, 3600 * 1000, FALSE, &delay), ==,
                   SP_RETRY_GIVE_UP);

  /* 401: one token refresh, never two. */
  g_assert_cmpint (sp_retry_policy_decide (policy, SP_FAILURE_UNAUTHORIZED, 1, -1, FALSE, &delay), ==,
                   SP_RETRY_REFRESH_TOKEN);
  g_assert_cmpint (sp_retry_policy_decide (policy, SP_FAILURE_UNAUTHORIZED, 2, -1, TRUE, &delay), ==,
                   SP_RETRY_GIVE_UP);

  g_assert_cmpint (sp_retry_policy_decide (policy, SP_FAILURE_CONFLICT, 1, -1, FALSE, &delay), ==,
                   SP_RETRY_RESOLVE_CONFLICT);
  g_assert_cmpint (sp_retry_policy_decide (policy, SP_FAILURE_PERMANENT, 1, -1, FALSE, &delay), ==,
                   SP_RETRY_GIVE_UP);
}

static void
test_failure_kinds (void)
{
  g_assert_cmpint (sp_failure_kind_from_status (500), ==, SP_FAILURE_TRANSIENT);
  g_assert_cmpint (sp_failure_kind_from_status (503), ==, SP_FAILURE_TRANSIENT);
  g_assert_cmpint (sp_failure_kind_from_status (408), ==, SP_FAILURE_TRANSIENT);
  g_assert_cmpint (sp_failure_kind_from_status (429), ==, SP_FAILURE_RATE_LIMITED);
  g_assert_cmpint (sp_failure_kind_from_status (401), ==, SP_FAILURE_UNAUTHORIZED);
  g_assert_cmpint (sp_failure_kind_from_status (409), ==, SP_FAILURE_CONFLICT);
  g_assert_cmpint (sp_failure_kind_from_status (400), ==, SP_FAILURE_PERMANENT);
  g_assert_cmpint (sp_failure_kind_from_status (404), ==, SP_FAILURE_PERMANENT);
}

static void
test_retry_after_parsing (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2015, 10, 21, 7, 28, 0);
  gint64 delay = -1;

  g_assert_true (sp_retry_parse_retry_after ("3", NULL, &delay));
  g_assert_cmpint (delay, ==, 3000);
  g_assert_true (sp_retry_parse_retry_after (" 120 ", NULL, &delay));
  g_assert_cmpint (delay, ==, 120000);
  g_assert_true (sp_retry_parse_retry_after ("0", NULL, &delay));
  g_assert_cmpint (delay, ==, 0);

  g_assert_true (sp_retry_parse_retry_after ("Wed, 21 Oct 2015 07:28:30 GMT", now, &delay));
  g_assert_cmpint (delay, ==, 30000);
  /* A date in the past means "now", never a negative wait. */
  g_assert_true (sp_retry_parse_retry_after ("Wed, 21 Oct 2015 07:00:00 GMT", now, &delay));
  g_assert_cmpint (delay, ==, 0);

  g_assert_false (sp_retry_parse_retry_after (NULL, NULL, &delay));
  g_assert_false (sp_retry_parse_retry_after ("", NULL, &delay));
  g_assert_false (sp_retry_parse_retry_after ("soon", NULL, &delay));
  g_assert_false (sp_retry_parse_retry_after ("-5", NULL, &delay));
  g_assert_false (sp_retry_parse_retry_after ("12abc", NULL, &delay));
  g_assert_false (sp_retry_parse_retry_after ("99999999999", NULL, &delay));
  g_assert_false (sp_retry_parse_retry_after ("Wed, 21 Foo 2015 07:28:30 GMT", now, &delay));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/flow/retry-policy/backoff-schedule", test_backoff_schedule);
  g_test_add_func ("/flow/retry-policy/jitter-spreads", test_jitter_spreads);
  g_test_add_func ("/flow/retry-policy/decisions", test_decisions);
  g_test_add_func ("/flow/retry-policy/failure-kinds", test_failure_kinds);
  g_test_add_func ("/flow/retry-policy/retry-after", test_retry_after_parsing);

  return g_test_run ();
}
