/* sp-stock-import.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Imports stock per site (CSV or JSON): sku, site, stock_on_hand,
 * avg_daily_sales; updates product_stock and the products' totals.
 */

#pragma once

#include <gio/gio.h>

#include "sp-import-report.h"
#include "sp-store.h"

G_BEGIN_DECLS

gboolean sp_stock_import_file        (SpStore                *store,
                                        const char             *path,
                                        const SpImportOptions  *options,
                                        SpImportReport        **report_out,
                                        GCancellable           *cancellable,
                                        GError                **error);
gboolean sp_stock_import_bytes       (SpStore                *store,
                                        const char             *name,
                                        GBytes                 *bytes,
                                        const SpImportOptions  *options,
                                        SpImportReport        **report_out,
                                        GCancellable           *cancellable,
                                        GError                **error);
void     sp_stock_import_file_async  (SpStore                *store,
                                        const char             *path,
                                        const SpImportOptions  *options,
                                        GCancellable           *cancellable,
                                        GAsyncReadyCallback     callback,
                                        gpointer                user_data);
gboolean sp_stock_import_file_finish (SpStore                *store,
                                        GAsyncResult           *result,
                                        SpImportReport        **report_out,
                                        GError                **error);

G_END_DECLS
