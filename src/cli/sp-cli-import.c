/* sp-cli-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stock-promotion-cli import-catalog FILE [--skip-invalid] [--json]
 * stock-promotion-cli import-stock FILE [--skip-invalid] [--json]
 */

#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sp-catalog-import.h"
#include "sp-cli-commands.h"
#include "sp-stock-import.h"
#include "sp-store.h"

typedef gboolean (*ImportFunc) (SpStore                *store,
                                const char             *path,
                                const SpImportOptions  *options,
                                SpImportReport        **report_out,
                                GCancellable           *cancellable,
                                GError                **error);

static void
print_summary (SpImportReport *report)
{
  g_autofree char *read = g_strdup_printf ("%" G_GUINT64_FORMAT, sp_import_report_get_rows_read (report));
  g_autofree char *inserted = g_strdup_printf ("%" G_GUINT64_FORMAT, sp_import_report_get_inserted (report));
  g_autofree char *updated = g_strdup_printf ("%" G_GUINT64_FORMAT, sp_import_report_get_updated (report));
  g_autofree char *unchanged = g_strdup_printf ("%" G_GUINT64_FORMAT, sp_import_report_get_unchanged (report));
  g_autofree char *skipped = g_strdup_printf ("%" G_GUINT64_FORMAT, sp_import_report_get_skipped (report));

  /* Translators: a summary after an import; %1$s is a file name, the rest are counts */
  printf (_("%1$s: %2$s rows read, %3$s inserted, %4$s updated, %5$s unchanged, %6$s skipped\n"),
          sp_import_report_get_file (report), read, inserted, updated, unchanged, skipped);

  if (sp_import_report_get_categories_created (report) > 0)
    printf (g_dngettext (GETTEXT_PACKAGE, "%u category created\n", "%u categories created\n",
                         sp_import_report_get_categories_created (report)),
            sp_import_report_get_categories_created (report));
  if (sp_import_report_get_sites_created (report) > 0)
    printf (g_dngettext (GETTEXT_PACKAGE, "%u site created\n", "%u sites created\n",
                         sp_import_report_get_sites_created (report)),
            sp_import_report_get_sites_created (report));
}

static int
run_import (SpCliContext  *ctx,
            int            argc,
            char         **argv,
            const char    *summary,
            ImportFunc     import)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  SpImportOptions options = SP_IMPORT_OPTIONS_INIT;
  const char *command = argv[0];
  gboolean skip_invalid = FALSE;
  gboolean json = FALSE;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &skip_invalid,
      N_("Import the valid rows and list the invalid ones"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the report as JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE"));
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sp_cli_parse_options (context, &argc, &argv, command))
    return 1;

  if (argc != 2)
    return sp_cli_fail_message (command, "%s", _("expected one FILE (CSV or JSON); see --help"));

  if (!(store = sp_store_open (ctx->db_path, &error)))
    return sp_cli_fail (command, error);

  options.skip_invalid = skip_invalid;
  ok = import (store, argv[1], &options, &report, NULL, &error);

  if (json && report != NULL)
    {
      g_autofree char *text = sp_import_report_to_json (report);

      printf ("%s\n", text);
    }
  else if (ok)
    {
      print_summary (report);
      for (guint i = 0; i < sp_import_report_get_n_errors (report); i++)
        fprintf (stderr, "%s\n", sp_import_report_get_error (report, i)->message);
    }

  if (!ok)
    return sp_cli_fail (command, error);

  return 0;
}

int
sp_cli_import_catalog_main (SpCliContext  *ctx,
                            int            argc,
                            char         **argv)
{
  return run_import (ctx, argc, argv,
                     _("Imports a catalog (CSV or JSON, columns sku, name, category_path, uom, "
                       "list_price, cost, currency, stock_on_hand, avg_daily_sales), all rows "
                       "or none; existing SKUs are updated."),
                     sp_catalog_import_file);
}

int
sp_cli_import_stock_main (SpCliContext  *ctx,
                          int            argc,
                          char         **argv)
{
  return run_import (ctx, argc, argv,
                     _("Imports stock per site (CSV or JSON, columns sku, site, stock_on_hand, "
                       "avg_daily_sales), all rows or none; unknown sites are created."),
                     sp_stock_import_file);
}
