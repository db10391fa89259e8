/* sp-cli-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sp-cli.h"

int
sp_cli_fail (const char   *command,
             const GError *error)
{
  /* One line, so scripts and ERP hooks can log it as is. */
  g_autofree char *message = g_strdup (error != NULL ? error->message : _("Unknown error"));

  g_strdelimit (message, "\n", ' ');
  fprintf (stderr, "stock-promotion-cli %s: %s\n", command, message);
  return 1;
}

int
sp_cli_fail_message (const char *command,
                     const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_strdelimit (message, "\n", ' ');
  fprintf (stderr, "stock-promotion-cli %s: %s\n", command, message);
  return 1;
}

gboolean
sp_cli_parse_options (GOptionContext   *context,
                      int              *argc,
                      char           ***argv,
                      const char       *command)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      sp_cli_fail (command, error);
      return FALSE;
    }

  return TRUE;
}

char *
sp_cli_default_db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "stock-promotion", "workspace.db", NULL);
}
