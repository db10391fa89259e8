/* sp-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-date"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sp-date.h"
#include "sp-model-error.h"

/* Reads exactly @n_digits ASCII digits. */
static gboolean
read_digits (const char *p,
             guint       n_digits,
             guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      value = value * 10 + (guint)(p[i] - '0');
    }

  *out = value;

  return TRUE;
}

static gboolean
parse_date (const char *iso,
            GDate      *out)
{
  guint year, month, day;

  if (iso == NULL ||
      !read_digits (iso, 4, &year) || iso[4] != '-' ||
      !read_digits (iso + 5, 2, &month) || iso[7] != '-' ||
      !read_digits (iso + 8, 2, &day) || iso[10] != '\0')
    return FALSE;

  if (year < 1 || !g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year))
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay)day, (GDateMonth)month, (GDateYear)year);

  return TRUE;
}

/**
 * sp_date_parse:
 * @iso: (nullable): a date in the form 'YYYY-MM-DD'
 * @out: (out caller-allocates): where to store the date
 * @error: return location for a #GError
 *
 * Parses a calendar date strictly: four-digit year, two-digit month and
 * day, and a day that exists ("2025-02-29" fails).
 *
 * Returns: %TRUE on success; otherwise %FALSE with @error set to
 *   %SP_MODEL_ERROR_PARSE, its message quoting @iso
 */
gboolean
sp_date_parse (const char  *iso,
               GDate       *out,
               GError     **error)
{
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_date (iso, out))
    {
      g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_PARSE,
                   /* Translators: do not translate YYYY-MM-DD */
                   _("“%s” is not a date in the form YYYY-MM-DD"), iso != NULL ? iso : "");
      return FALSE;
    }

  return TRUE;
}

/**
 * sp_date_is_valid:
 * @iso: (nullable): a string
 *
 * Returns: %TRUE when @iso is a date that sp_date_parse() accepts
 */
gboolean
sp_date_is_valid (const char *iso)
{
  GDate date;

  return parse_date (iso, &date);
}

/**
 * sp_date_compare:
 * @a: (nullable): a valid ISO date, or %NULL
 * @b: (nullable): a valid ISO date, or %NULL
 *
 * Compares two dates; a missing date (%NULL or empty) sorts first. Valid
 * ISO dates compare correctly as strings.
 *
 * Returns: negative, 0 or positive, as strcmp()
 */
int
sp_date_compare (const char *a,
                 const char *b)
{
  gboolean a_missing = (a == NULL || a[0] == '\0');
  gboolean b_missing = (b == NULL || b[0] == '\0');

  if (a_missing || b_missing)
    return (int)!a_missing - (int)!b_missing;

  return g_strcmp0 (a, b);
}

/**
 * sp_date_format:
 * @date: a valid #GDate
 *
 * Returns: (transfer full): @date as 'YYYY-MM-DD'
 */
char *
sp_date_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint)g_date_get_year (date),
                          (guint)g_date_get_month (date),
                          (guint)g_date_get_day (date));
}

/**
 * sp_date_today:
 *
 * Returns: (transfer full): today's local date as 'YYYY-MM-DD'
 */
char *
sp_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * sp_date_days_between:
 * @from: a valid ISO date
 * @to: a valid ISO date
 *
 * Counts the days from @from to @to: "2025-01-01" to "2025-01-31" is 30,
 * and it is negative when @to is earlier. Check outside input with
 * sp_date_is_valid() first.
 *
 * Returns: the number of days, 0 for invalid input
 */
int
sp_date_days_between (const char *from,
                      const char *to)
{
  GDate a, b;
  gboolean valid = parse_date (from, &a) && parse_date (to, &b);

  g_return_val_if_fail (valid, 0);

  return g_date_days_between (&a, &b);
}

/**
 * sp_date_add_days:
 * @iso: a valid ISO date
 * @days: days to add; negative to subtract
 *
 * Returns: (transfer full) (nullable): the date @days after @iso, or %NULL
 *   when @iso is invalid or the result is out of range
 */
char *
sp_date_add_days (const char *iso,
                  int         days)
{
  GDate date;
  gboolean valid = parse_date (iso, &date);

  g_return_val_if_fail (valid, NULL);

  if (days >= 0)
    {
      if ((guint)days > G_MAXUINT32 - g_date_get_julian (&date) ||
          g_date_get_julian (&date) + (guint)days > 3652059 /* 9999-12-31 */)
        return NULL;
      g_date_add_days (&date, (guint)days);
    }
  else
    {
      guint back = -(guint)days;

      if (back >= g_date_get_julian (&date))
        return NULL;
      g_date_subtract_days (&date, back);
    }

  return sp_date_format (&date);
}

/**
 * sp_timestamp_now:
 *
 * Returns: (transfer full): the current UTC time as 'YYYY-MM-DDTHH:MM:SSZ'
 */
char *
sp_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * sp_timestamp_is_valid:
 * @iso: (nullable): a string
 *
 * Returns: %TRUE when @iso is an ISO 8601 date and time with a time zone,
 *   such as "2025-03-01T08:30:00Z"
 */
gboolean
sp_timestamp_is_valid (const char *iso)
{
  g_autoptr(GDateTime) parsed = NULL;

  if (iso == NULL || strlen (iso) < 11 || iso[10] != 'T')
    return FALSE;

  parsed = g_date_time_new_from_iso8601 (iso, NULL);

  return parsed != NULL;
}
