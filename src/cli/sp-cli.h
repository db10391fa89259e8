/* sp-cli.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared declarations of stock-promotion-cli: every subcommand lives in its
 * own sp-cli-<command>.c and is listed once in the table in main.c.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  char *db_path;      /* owned; --db, or the default in the user data dir */
  const char *prog;   /* borrowed; "stock-promotion-cli" */
} SpCliContext;

/* A subcommand gets argv with argv[0] set to its own name ("campaign",
 * "import-catalog", …) and returns the process exit status. It reports
 * failures as one line on stderr through sp_cli_fail(). */
typedef int (*SpCliCommandFunc) (SpCliContext *ctx,
                                 int           argc,
                                 char        **argv);

int      sp_cli_fail            (const char   *command,
                                 const GError *error);
int      sp_cli_fail_message    (const char   *command,
                                 const char   *format,
                                 ...) G_GNUC_PRINTF (2, 3);
gboolean sp_cli_parse_options   (GOptionContext *context,
                                 int            *argc,
                                 char         ***argv,
                                 const char     *command);
char    *sp_cli_default_db_path (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
