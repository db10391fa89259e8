/* sp-cli-sandbox.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stock-promotion-cli sandbox [--port N] [--state DIR] [--faults FILE] [--token-lifetime S]
 *
 * Runs the local stand-in of the commerce platform on 127.0.0.1 until
 * SIGINT or SIGTERM. The first line on stdout is the base URL, so that
 * scripts can read it ("read -r url < <(stock-promotion-cli sandbox &)").
 */

#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <stdio.h>

#include "sp-cli-commands.h"
#include "sp-sandbox-server.h"

static gboolean
quit_cb (gpointer user_data)
{
  GMainLoop *loop = user_data;

  g_main_loop_quit (loop);
  return G_SOURCE_CONTINUE;
}

int
sp_cli_sandbox_main (SpCliContext  *ctx,
                     int            argc,
                     char         **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SpSandboxServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state_dir = NULL;
  g_autofree char *faults_file = NULL;
  g_autofree char *faults = NULL;
  int port = 0;
  int token_lifetime = 0;
  guint sigint_id, sigterm_id;
  GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, N_("Loopback port (default: a free one)"), "N" },
    { "state", 's', 0, G_OPTION_ARG_FILENAME, &state_dir,
      N_("Folder of the sandbox's database (default: in memory)"), "DIR" },
    { "faults", 0, 0, G_OPTION_ARG_FILENAME, &faults_file,
      N_("Fault rules to apply from the start (JSON, see src/sandbox/README.md)"), "FILE" },
    { "token-lifetime", 0, 0, G_OPTION_ARG_INT, &token_lifetime,
      N_("Lifetime of issued tokens in seconds (default: 14399)"), "S" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Runs a local stand-in of the commerce platform on 127.0.0.1 "
                                  "until interrupted. Prints its base URL first."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sp_cli_parse_options (context, &argc, &argv, "sandbox"))
    return 1;
  if (argc > 1)
    return sp_cli_fail_message ("sandbox", _("unexpected argument “%s”"), argv[1]);
  if (port < 0 || port > G_MAXUINT16)
    return sp_cli_fail_message ("sandbox", _("--port must be from 0 to 65535"));
  if (token_lifetime < 0)
    return sp_cli_fail_message ("sandbox", _("--token-lifetime must be positive"));

  server = sp_sandbox_server_new (state_dir);
  if (token_lifetime > 0)
    sp_sandbox_server_set_token_lifetime (server, (guint)token_lifetime);
  if (faults_file != NULL)
    {
      if (!g_file_get_contents (faults_file, &faults, NULL, &error) ||
          !sp_sandbox_server_add_faults (server, faults, &error))
        {
          g_prefix_error (&error, "%s: ", faults_file);
          return sp_cli_fail ("sandbox", error);
        }
    }

  if (!sp_sandbox_server_start (server, (guint)port, &error))
    return sp_cli_fail ("sandbox", error);

  /* The server answers on its own thread as soon as it starts: whoever reads
   * the URL may ask it something and stop it at once, so the signals are
   * caught before the URL goes out. */
  loop = g_main_loop_new (NULL, FALSE);
  sigint_id = g_unix_signal_add (SIGINT, quit_cb, loop);
  sigterm_id = g_unix_signal_add (SIGTERM, quit_cb, loop);
  printf ("%s\n", sp_sandbox_server_get_uri (server));
  fflush (stdout);
  fprintf (stderr, _("Sandbox listening on %s (state: %s). Open %ssandbox to see what it holds; "
                     "Ctrl+C stops it.\n"),
           sp_sandbox_server_get_uri (server), state_dir != NULL ? state_dir : _("in memory"),
           sp_sandbox_server_get_uri (server));

  g_main_loop_run (loop);
  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);

  sp_sandbox_server_stop (server);
  return 0;
}
