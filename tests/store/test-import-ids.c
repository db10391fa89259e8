/* test-import-ids.c: the local ids an import gives new rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-import-private.h"

/* The id of @counter, written out independently of the import's own code. */
static char *
expected_id (const SpImportIds *ids,
             guint64            counter)
{
  return g_strdup_printf ("%08" G_GINT64_MODIFIER "x-%04x-%04x-%04x-%012" G_GINT64_MODIFIER "x",
                          ids->time_ms >> 16, (guint)(ids->time_ms & 0xFFFF),
                          0x7000 | ids->rand_a,
                          (guint)(0x8000 | ((counter >> 48) & 0x3FFF)),
                          counter & G_GUINT64_CONSTANT (0xFFFFFFFFFFFF));
}

static void
check_sequence (guint64 start,
                guint   n)
{
  SpImportIds ids;
  char previous[37] = "";

  _sp_import_ids_init (&ids);
  ids.counter = start;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *expected = expected_id (&ids, start + i);
      char id[37];

      _sp_import_ids_next (&ids, id);
      g_assert_cmpstr (id, ==, expected);
      g_assert_true (g_uuid_string_is_valid (id));
      /* Time-ordered: each id sorts after the one before. */
      g_assert_cmpint (strcmp (id, previous), >, 0);
      memcpy (previous, id, sizeof id);
    }
}

static void
test_ids_sequence (void)
{
  /* Digits 9 → a and f → 0 with a carry, across several digits. */
  check_sequence (0x100, 600);
  check_sequence (G_GUINT64_CONSTANT (0x0000FFFFFFFFFFF0), 40);
  /* The last group wraps: the carry goes into the group before. */
  check_sequence (G_GUINT64_CONSTANT (0x0123FFFFFFFFFFFD), 8);
}

static void
test_ids_distinct (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  SpImportIds ids;

  _sp_import_ids_init (&ids);
  for (guint i = 0; i < 10000; i++)
    {
      char id[37];

      _sp_import_ids_next (&ids, id);
      g_assert_cmpuint (strlen (id), ==, 36);
      g_assert_true (g_hash_table_add (seen, g_strdup (id)));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/import/ids/sequence", test_ids_sequence);
  g_test_add_func ("/store/import/ids/distinct", test_ids_distinct);

  return g_test_run ();
}
