/* test-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib.h>

#include "sp-date.h"
#include "sp-model-error.h"

static void
test_date_parse_valid (void)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_true (sp_date_parse ("2025-02-28", &date, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_date_get_year (&date), ==, 2025);
  g_assert_cmpuint (g_date_get_month (&date), ==, 2);
  g_assert_cmpuint (g_date_get_day (&date), ==, 28);

  g_assert_true (sp_date_parse ("2024-02-29", &date, &error));
  g_assert_no_error (error);
}

static void
test_date_parse_invalid (void)
{
  static const char * const cases[] = {
    "2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-1-01", "25-01-01",
    "2025-01-01T00:00", "2025/01/01", "01.02.2025", " 2025-01-01", "2025-01-01 ",
    "0000-01-01", "abcd-ef-gh", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *quoted = g_strdup_printf ("“%s”", cases[i]);
      GDate date;

      g_test_message ("parsing “%s”", cases[i]);
      g_assert_false (sp_date_is_valid (cases[i]));
      g_assert_false (sp_date_parse (cases[i], &date, &error));
      g_assert_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, quoted));
    }

  g_assert_false (sp_date_is_valid (NULL));
}

static void
test_date_compare (void)
{
  g_assert_cmpint (sp_date_compare ("2025-01-01", "2025-01-02"), <, 0);
  g_assert_cmpint (sp_date_compare ("2025-12-31", "2025-01-02"), >, 0);
  g_assert_cmpint (sp_date_compare ("2025-03-01", "2025-03-01"), ==, 0);
  g_assert_cmpint (sp_date_compare ("2024-12-31", "2025-01-01"), <, 0);
  /* A missing date sorts first. */
  g_assert_cmpint (sp_date_compare (NULL, "2025-01-01"), <, 0);
  g_assert_cmpint (sp_date_compare ("2025-01-01", ""), >, 0);
  g_assert_cmpint (sp_date_compare (NULL, ""), ==, 0);
}

static void
test_date_days_between (void)
{
  g_assert_cmpint (sp_date_days_between ("2025-01-01", "2025-01-31"), ==, 30);
  g_assert_cmpint (sp_date_days_between ("2025-01-31", "2025-01-01"), ==, -30);
  g_assert_cmpint (sp_date_days_between ("2024-02-28", "2024-03-01"), ==, 2);
  g_assert_cmpint (sp_date_days_between ("2025-02-28", "2025-03-01"), ==, 1);
  g_assert_cmpint (sp_date_days_between ("2025-01-01", "2026-01-01"), ==, 365);
  g_assert_cmpint (sp_date_days_between ("2025-06-15", "2025-06-15"), ==, 0);
}

static void
test_date_add_days (void)
{
  static const struct { const char *from; int days; const char *to; } cases[] = {
    { "2024-12-31", 1, "2025-01-01" },
    { "2024-12-31", -1, "2024-12-30" },
    { "2024-02-28", 1, "2024-02-29" },
    { "2025-02-28", 1, "2025-03-01" },
    { "2025-03-01", -1, "2025-02-28" },
    { "2025-01-01", 365, "2026-01-01" },
    { "2025-01-01", 0, "2025-01-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *to = sp_date_add_days (cases[i].from, cases[i].days);

      g_assert_cmpstr (to, ==, cases[i].to);
      g_assert_cmpint (sp_date_days_between (cases[i].from, to), ==, cases[i].days);
    }
}

static void
test_date_add_days_out_of_range (void)
{
  g_autofree char *before = sp_date_add_days ("0001-01-01", -1);
  g_autofree char *after = sp_date_add_days ("9999-12-31", 1);

  g_assert_null (before);
  g_assert_null (after);
}

static void
test_date_today (void)
{
  g_autofree char *today = sp_date_today ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *expected = g_date_time_format (now, "%Y-%m-%d");

  g_assert_true (sp_date_is_valid (today));
  /* Both were read within the same test; only a midnight between them differs. */
  g_assert_cmpint (ABS (sp_date_days_between (today, expected)), <=, 1);
}

static void
test_date_format (void)
{
  g_autofree char *text = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 5, G_DATE_MARCH, 2025);
  text = sp_date_format (&date);
  g_assert_cmpstr (text, ==, "2025-03-05");
}

static void
test_timestamp (void)
{
  g_autofree char *now = sp_timestamp_now ();

  g_assert_true (sp_timestamp_is_valid (now));
  g_assert_true (g_str_has_suffix (now, "Z"));
  g_assert_cmpuint (strlen (now), ==, strlen ("2025-03-01T08:30:00Z"));
  g_assert_true (sp_timestamp_is_valid ("2025-03-01T08:30:00Z"));
  g_assert_true (sp_timestamp_is_valid ("2025-03-01T08:30:00+01:00"));
  g_assert_false (sp_timestamp_is_valid ("2025-03-01"));
  g_assert_false (sp_timestamp_is_valid ("2025-03-01T08:30:00"));
  g_assert_false (sp_timestamp_is_valid ("yesterday"));
  g_assert_false (sp_timestamp_is_valid (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/date/parse/valid", test_date_parse_valid);
  g_test_add_func ("/core/date/parse/invalid", test_date_parse_invalid);
  g_test_add_func ("/core/date/compare", test_date_compare);
  g_test_add_func ("/core/date/days-between", test_date_days_between);
  g_test_add_func ("/core/date/add-days", test_date_add_days);
  g_test_add_func ("/core/date/add-days/out-of-range", test_date_add_days_out_of_range);
  g_test_add_func ("/core/date/today", test_date_today);
  g_test_add_func ("/core/date/format", test_date_format);
  g_test_add_func ("/core/date/timestamp", test_timestamp);

  return g_test_run ();
}
