/* sp-cli-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stock-promotion-cli demo [--force]
 */

#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "sp-cli-commands.h"
#include "sp-demo-workspace.h"

int
sp_cli_demo_main (SpCliContext  *ctx,
                  int            argc,
                  char         **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  SpDemoWorkspaceCounts counts = { 0 };
  const char *command = argv[0];
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Replace the workspace already in the database"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Write the demo workspace of a technical wholesaler into the "
                                  "database: 5,000 products, 3 sites, 200 companies, a year of "
                                  "sales orders and campaigns in several states."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sp_cli_parse_options (context, &argc, &argv, command))
    return 1;

  if (argc != 1)
    return sp_cli_fail_message (command, "%s", _("takes no arguments; see --help"));

  folder = g_path_get_dirname (ctx->db_path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    return sp_cli_fail_message (command, _("Could not create the folder %1$s: %2$s"), folder,
                                g_strerror (errno));

  if (!sp_demo_workspace_write (ctx->db_path,
                                force ? SP_DEMO_WORKSPACE_FLAGS_FORCE : SP_DEMO_WORKSPACE_FLAGS_NONE,
                                &counts, NULL, &error))
    return sp_cli_fail (command, error);

  /* Translators: the one-line summary of "demo"; %1$s is the database, the rest are counts,
   * and %11$s is a date */
  printf (_("%1$s: demo workspace written: %2$u products in %3$u categories, %4$u sites, "
            "%5$u companies in %6$u segments, %7$u sales orders with %8$u lines, "
            "%9$u campaigns, %10$u price list entries; reference date %11$s\n"),
          ctx->db_path, counts.n_products, counts.n_categories, counts.n_sites,
          counts.n_companies, counts.n_segments, counts.n_sales_orders,
          counts.n_sales_order_lines, counts.n_campaigns, counts.n_price_list_entries,
          SP_DEMO_WORKSPACE_REFERENCE_DATE);
  return 0;
}
