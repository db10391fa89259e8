/* sp-demo-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo generator's deterministic helpers: a splitmix64 PRNG with named
 * streams, UUID-like ids derived from (kind, index), dates relative to the
 * reference date, and the row writer shared by the sp-demo-*.c files.
 */

#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "sp-db-private.h"
#include "sp-demo-private.h"

const SpDemoSiteInfo _sp_demo_sites[SP_DEMO_N_SITES] = {
  { "DE", "Germany",       "DACH",          "EUR" },
  { "AT", "Austria",       "DACH",          "EUR" },
  { "US", "United States", "North America", "USD" },
};

static guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static guint64
hash_string (const char *text)
{
  guint64 hash = G_GUINT64_CONSTANT (0xcbf29ce484222325);   /* FNV-1a */

  for (const char *p = text; *p != '\0'; p++)
    {
      hash ^= (guchar)*p;
      hash *= G_GUINT64_CONSTANT (0x100000001b3);
    }

  return hash;
}

/* Each part of the workspace draws from its own named stream, so changing
 * one part leaves the others as they were. */
void
_sp_demo_rng_init (SpDemoRng  *rng,
                   const char *stream)
{
  rng->state = SP_DEMO_SEED ^ hash_string (stream);
}

guint64
_sp_demo_rng_next (SpDemoRng *rng)
{
  return splitmix64 (&rng->state);
}

/* A number in [lo, hi], both included. */
guint
_sp_demo_rng_range (SpDemoRng *rng,
                    guint      lo,
                    guint      hi)
{
  g_assert (lo <= hi);

  return lo + (guint)(_sp_demo_rng_next (rng) % ((guint64)hi - lo + 1));
}

gboolean
_sp_demo_rng_per_mille (SpDemoRng *rng,
                        guint      per_mille)
{
  return _sp_demo_rng_next (rng) % 1000 < per_mille;
}

/* @out holds SP_DEMO_ID_LEN bytes. The id has the shape of a random
 * (version 4) UUID but depends only on @kind and @index. */
void
_sp_demo_make_id (char       *out,
                  const char *kind,
                  guint64     index)
{
  guint64 state = SP_DEMO_SEED ^ hash_string (kind) ^ (index * G_GUINT64_CONSTANT (0x2545f4914f6cdd1d));
  guint64 hi = splitmix64 (&state);
  guint64 lo = splitmix64 (&state);

  g_snprintf (out, SP_DEMO_ID_LEN, "%08x-%04x-4%03x-%04x-%012" G_GINT64_MODIFIER "x",
              (guint)(hi >> 32), (guint)((hi >> 16) & 0xffff), (guint)(hi & 0xfff),
              (guint)(0x8000 | ((lo >> 48) & 0x3fff)), lo & G_GUINT64_CONSTANT (0xffffffffffff));
}

static GDate
reference_plus (int days)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_NOVEMBER, 2026);   /* SP_DEMO_WORKSPACE_REFERENCE_DATE */
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);

  return date;
}

/* @out holds 11 bytes: "YYYY-MM-DD". */
void
_sp_demo_format_date (char *out,
                      int   days_from_reference)
{
  GDate date = reference_plus (days_from_reference);

  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
}

/* @out holds 21 bytes: "YYYY-MM-DDTHH:MM:SSZ". */
void
_sp_demo_format_time (char  *out,
                      int    days_from_reference,
                      guint  hour,
                      guint  minute)
{
  GDate date = reference_plus (days_from_reference);

  g_snprintf (out, 21, "%04u-%02u-%02uT%02u:%02u:00Z", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date), hour, minute);
}

/* @amount less @basis_points of it, rounded half-up to the minor unit
 * (amounts here are never negative). */
gint64
_sp_demo_apply_bp (gint64 amount,
                   gint64 basis_points)
{
  g_assert (amount >= 0 && basis_points >= 0 && basis_points <= 10000);

  return (amount * (10000 - basis_points) + 5000) / 10000;
}

guint
_sp_demo_count_words (const char *list)
{
  guint n = 1;

  for (const char *p = list; *p != '\0'; p++)
    if (*p == '|')
      n++;

  return n;
}

/* Copies word @index of the '|'-separated @list into @out and returns it. */
const char *
_sp_demo_pick_word (const char *list,
                    guint       index,
                    char       *out,
                    gsize       out_size)
{
  const char *start = list;
  const char *end;
  gsize len;

  for (guint i = 0; i < index; i++)
    {
      start = strchr (start, '|');
      g_assert (start != NULL);
      start++;
    }

  end = strchr (start, '|');
  len = end != NULL ? (gsize)(end - start) : strlen (start);
  g_assert (len < out_size);
  memcpy (out, start, len);
  out[len] = '\0';

  return out;
}

/* TRUE while nothing has failed; turns a cancellation into the failure. */
gboolean
_sp_demo_ok (SpDemo *demo)
{
  if (demo->error == NULL)
    g_cancellable_set_error_if_cancelled (demo->cancellable, &demo->error);

  return demo->error == NULL;
}

/* Inserts one row with the static statement @sql, prepared on first use and
 * reused. @types has one letter per parameter: 't' text (NULL for SQL NULL),
 * 'i' int, 'x' gint64. After the first failure this does nothing, and the
 * callers check _sp_demo_ok() once per table instead of once per row. */
gboolean
_sp_demo_insert (SpDemo     *demo,
                 const char *sql,
                 const char *types,
                 ...)
{
  sqlite3_stmt *stmt;
  va_list args;
  int rc;

  if (demo->error != NULL)
    return FALSE;

  if (!(stmt = g_hash_table_lookup (demo->statements, sql)))
    {
      if (!(stmt = _sp_db_prepare (demo->db, sql, &demo->error)))
        return FALSE;
      g_hash_table_insert (demo->statements, (gpointer)sql, stmt);
    }

  va_start (args, types);
  for (int i = 0; types[i] != '\0'; i++)
    {
      switch (types[i])
        {
        case 't':
          _sp_db_bind_text_or_null (stmt, i + 1, va_arg (args, const char *));
          break;
        case 'i':
          sqlite3_bind_int (stmt, i + 1, va_arg (args, int));
          break;
        case 'x':
          sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
          break;
        default:
          g_assert_not_reached ();
        }
    }
  va_end (args);

  g_assert (sqlite3_bind_parameter_count (stmt) == (int)strlen (types));

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    return _sp_db_set_error (demo->db, rc, &demo->error);

  return TRUE;
}
