/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "sp-cli.h"
#include "sp-cli-commands.h"

typedef struct
{
  const char       *name;
  const char       *summary;   /* N_() */
  SpCliCommandFunc  func;
} SpCliCommand;

/* Each subcommand is listed once here; its code lives in sp-cli-<name>.c. */
static const SpCliCommand commands[] = {
  SP_CLI_COMMANDS
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: stock-promotion-cli [--db PATH] COMMAND [OPTIONS…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-16s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Global options:"));
  fprintf (out, "  --db PATH        %s\n", _("Workspace database (default: the user data folder)"));
  fprintf (out, "  --version        %s\n", _("Print the version"));
  fprintf (out, "\n%s\n", _("Run “stock-promotion-cli COMMAND --help” for the options of a command."));
}

/* Removes the global --db option wherever it stands, so that both
 * "--db PATH price" and "price … --db PATH" work. */
static gboolean
take_db_option (int    *argc,
                char  **argv,
                char  **db_path)
{
  int out = 1;

  for (int i = 1; i < *argc; i++)
    {
      if (strcmp (argv[i], "--db") == 0)
        {
          if (i + 1 >= *argc)
            return FALSE;
          g_free (*db_path);
          *db_path = g_strdup (argv[++i]);
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          g_free (*db_path);
          *db_path = g_strdup (argv[i] + strlen ("--db="));
        }
      else
        argv[out++] = argv[i];
    }

  *argc = out;
  argv[out] = NULL;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  SpCliContext ctx = { NULL, "stock-promotion-cli" };
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!take_db_option (&argc, argv, &ctx.db_path))
    return sp_cli_fail_message ("--db", "%s", _("--db needs a path"));

  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_usage (argc < 2 ? stderr : stdout);
      g_free (ctx.db_path);
      return argc < 2 ? 2 : 0;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("stock-promotion-cli %s\n", PACKAGE_VERSION);
      g_free (ctx.db_path);
      return 0;
    }

  if (ctx.db_path == NULL)
    ctx.db_path = sp_cli_default_db_path ();

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (argv[1], commands[i].name) == 0)
        {
          status = commands[i].func (&ctx, argc - 1, argv + 1);
          g_free (ctx.db_path);
          return status;
        }
    }

  status = sp_cli_fail_message (argv[1], "%s", _("unknown command; see --help"));
  g_free (ctx.db_path);
  return status;
}
