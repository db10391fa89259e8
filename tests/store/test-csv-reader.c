/* test-csv-reader.c: the CSV reader splits every input as libcsv does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader splits whole lines without quotes itself and hands everything
 * else to libcsv. Fed one byte at a time, no chunk is a whole line, so
 * libcsv reads it all: the records (fields, lengths, lines) and the error
 * must come out the same as when the input comes in one piece or in blocks
 * of any size.
 */

#include <gio/gio.h>
#include <string.h>

#include "sp-csv-reader.h"

static gboolean
record_cb (const char * const  *fields,
           const gsize         *lengths,
           guint                n_fields,
           guint                line,
           gpointer             user_data,
           GError             **error)
{
  GString *out = user_data;

  g_string_append_printf (out, "%u:", line);
  for (guint i = 0; i < n_fields; i++)
    {
      g_assert_cmpint (fields[i][lengths[i]], ==, '\0');
      g_string_append_printf (out, "[%" G_GSIZE_FORMAT "]", lengths[i]);
      g_string_append_len (out, fields[i], lengths[i]);
    }
  g_string_append_c (out, '\n');

  /* A callback error stops the reader: a field "STOP" tests that path. */
  if (n_fields > 0 && strcmp (fields[0], "STOP") == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "stopped");
      return FALSE;
    }

  return TRUE;
}

/* Returns: (transfer full): the records of @data read in chunks of @chunk
 * bytes (0: all at once; G_MAXSIZE: random sizes), then the error if any */
static char *
read_all (const char *data,
          gsize       length,
          gsize       chunk)
{
  GString *out = g_string_new (NULL);
  g_autoptr(SpCsvReader) reader = sp_csv_reader_new ("t.csv", record_cb, out);
  g_autoptr(GError) error = NULL;
  gsize offset = 0;
  gboolean ok = TRUE;

  while (ok && offset < length)
    {
      gsize n = chunk == 0 ? length : chunk == G_MAXSIZE ? (gsize)g_test_rand_int_range (1, 64) : chunk;

      n = MIN (n, length - offset);
      ok = sp_csv_reader_feed (reader, data + offset, n, &error);
      offset += n;
    }
  if (ok)
    ok = sp_csv_reader_finish (reader, &error);
  if (!ok)
    g_string_append_printf (out, "error: %s\n", error->message);

  return g_string_free (out, FALSE);
}

static void
assert_same_as_libcsv (const char *data,
                       gsize       length)
{
  g_autofree char *bytewise = read_all (data, length, 1);
  g_autofree char *whole = read_all (data, length, 0);
  g_autofree char *blocks = read_all (data, length, G_MAXSIZE);

  g_assert_cmpstr (whole, ==, bytewise);
  g_assert_cmpstr (blocks, ==, bytewise);
}

static void
test_cases (void)
{
  static const char * const cases[] = {
    "a,b,c\n1,2,3\n",
    "a,b\n  x  ,\ty\t\n",                  /* spaces and tabs around fields go */
    "a,b\nx y,  z  w \n",                   /* ... not those inside */
    "a,b\r\n1,2\r\n\r\n3,4\r\n",            /* CRLF, an empty line */
    "a,b\n1,2\r3,4\n",                      /* a lone CR ends a record */
    "a,b\n\n   \n\t\n1,2\n",                /* blank lines are no records */
    "a,b\n,\n , \n",                        /* empty fields */
    "a;b\n1,5;2\n",                         /* ';' separators */
    "a,b\n\"1,5\",2\n\"x\"\"y\",\"multi\nline\"\n3,4\n",
    "a,b\n1,2",                             /* no newline at the end */
    "a,b\n\"open,2\n",                      /* a quote never closed */
    "a,b\nx\"y,2\n",                        /* a quote inside a field */
    "a,b\nSTOP,1\n2,3\n",                   /* the callback stops the reader */
    "\xEF\xBB\xBF" "a,b\n1,2\n",            /* a byte order mark */
    "a,b\n1,\xC3\xA9\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_same_as_libcsv (cases[i], strlen (cases[i]));

  /* A NUL byte inside a field. */
  assert_same_as_libcsv ("a,b\nx\0y,z\n", 10);
}

/* Random text from the characters that matter to CSV. */
static void
test_random (void)
{
  static const char alphabet[] = "ab ,;\t\"\r\n\n\n\0\xC3";

  for (guint n = 0; n < 2000; n++)
    {
      gsize length = g_test_rand_int_range (0, 200);
      g_autofree char *data = g_malloc (length + 1);

      for (gsize i = 0; i < length; i++)
        data[i] = alphabet[g_test_rand_int_range (0, sizeof alphabet - 1)];
      assert_same_as_libcsv (data, length);
    }
}

/* The import test files and the fuzzing corpus. */
static void
test_files (void)
{
  const char *folders[] = { "tests/store/data/import", "tests/fuzz/corpus-fuzz-csv-import" };
  guint n_files = 0;

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *folder = g_build_filename (g_getenv ("SP_SOURCE_ROOT"), folders[f], NULL);
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          g_autofree char *data = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (path, &data, &length, NULL));
          assert_same_as_libcsv (data, length);
          n_files++;
        }
    }

  g_assert_cmpuint (n_files, >, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/csv-reader/cases", test_cases);
  g_test_add_func ("/store/csv-reader/random", test_random);
  g_test_add_func ("/store/csv-reader/files", test_files);

  return g_test_run ();
}
