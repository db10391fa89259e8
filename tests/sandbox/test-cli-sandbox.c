/* test-cli-sandbox.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `stock-promotion-cli sandbox` prints its base URL first, serves on
 * loopback, keeps its state in --state, and stops cleanly on SIGTERM.
 * The path of the CLI comes as the first argument.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "sp-test-http.h"

static const char *cli_path;

typedef struct
{
  char     *line;
  gboolean  done;
} LineRead;

static void
line_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  LineRead *read = user_data;

  read->line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object), result,
                                                          NULL, NULL);
  read->done = TRUE;
}

static void
waited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);  /* the status is read below */
  *(gboolean *)user_data = TRUE;
}

/* Starts the sandbox and returns its URL (the first line it prints). */
static GSubprocess *
start_cli (const char  *state_dir,
           char       **url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  GSubprocess *process;
  LineRead read = { NULL, FALSE };

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, cli_path, "sandbox",
                              "--state", state_dir,
                              NULL);
  g_assert_no_error (error);
  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_data_input_stream_read_line_async (output, G_PRIORITY_DEFAULT, NULL, line_read_cb, &read);
  while (!read.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (read.line);
  *url = read.line;
  return process;
}

static void
stop_cli (GSubprocess *process)
{
  gboolean exited = FALSE;

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait_async (process, NULL, waited_cb, &exited);
  while (!exited)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
}

static void
test_cli_serves_and_keeps_state (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state_dir = g_dir_make_tmp ("sp-cli-sandbox-XXXXXX", &error);
  g_autofree char *url = NULL;
  g_autofree char *objects = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *token = NULL;
  g_autofree char *coupon_uri = NULL;
  g_autofree char *coupon = sp_test_read_shared ("emporix/requests/02d-coupon-create-segment.json");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(SoupSession) session = sp_test_session_new (10);
  g_autoptr(SpTestResponse) response = NULL;

  g_assert_no_error (error);
  process = start_cli (state_dir, &url);
  g_assert_true (g_str_has_prefix (url, "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (url, "/"));

  token = sp_test_get_token (session, url);
  coupon_uri = g_strconcat (url, "coupon/stockdemo/coupons", NULL);
  response = sp_test_send_json (session, "POST", coupon_uri, token, coupon);
  g_assert_cmpuint (response->status, ==, 201);
  g_clear_pointer (&response, sp_test_response_free);
  stop_cli (process);
  g_clear_object (&process);

  db_path = g_build_filename (state_dir, "sandbox.db", NULL);
  g_assert_true (g_file_test (db_path, G_FILE_TEST_IS_REGULAR));

  /* Started again on the same state: the coupon is still there. */
  g_free (url);
  process = start_cli (state_dir, &url);
  objects = g_strconcat (url, "sandbox/objects?kind=coupon", NULL);
  response = sp_test_send_json (session, "GET", objects, NULL, NULL);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_nonnull (strstr (g_bytes_get_data (response->body, NULL), "SPC2026W07LOYAL"));
  stop_cli (process);

  for (const char *suffix = ""; suffix != NULL; suffix = g_str_equal (suffix, "") ? "-wal" :
                                                        g_str_equal (suffix,
                                                                     "-wal") ? "-shm" : NULL)
    {
      g_autofree char *path = g_strconcat (db_path, suffix, NULL);

      g_remove (path);
    }
  g_rmdir (state_dir);
}

static void
test_cli_rejects_bad_port (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *err = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error,
                              cli_path, "sandbox", "--port", "70000", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_true (g_str_has_prefix (err, "stock-promotion-cli sandbox: "));
  g_assert_cmpuint (strchr (err, '\n') - err, ==, strlen (err) - 1);   /* one line */
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_cmpint (argc, >=, 2);
  cli_path = argv[1];
  g_test_add_func ("/sandbox/cli/serves-and-keeps-state", test_cli_serves_and_keeps_state);
  g_test_add_func ("/sandbox/cli/rejects-bad-port", test_cli_rejects_bad_port);

  return g_test_run ();
}
