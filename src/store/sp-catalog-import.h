/* sp-catalog-import.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Imports a catalog (CSV or JSON) into the workspace: upsert by SKU, the
 * category tree built from the '/'-separated paths, in one transaction.
 */

#pragma once

#include <gio/gio.h>

#include "sp-import-report.h"
#include "sp-store.h"

G_BEGIN_DECLS

gboolean sp_catalog_import_file        (SpStore                *store,
                                        const char             *path,
                                        const SpImportOptions  *options,
                                        SpImportReport        **report_out,
                                        GCancellable           *cancellable,
                                        GError                **error);
gboolean sp_catalog_import_bytes       (SpStore                *store,
                                        const char             *name,
                                        GBytes                 *bytes,
                                        const SpImportOptions  *options,
                                        SpImportReport        **report_out,
                                        GCancellable           *cancellable,
                                        GError                **error);
void     sp_catalog_import_file_async  (SpStore                *store,
                                        const char             *path,
                                        const SpImportOptions  *options,
                                        GCancellable           *cancellable,
                                        GAsyncReadyCallback     callback,
                                        gpointer                user_data);
gboolean sp_catalog_import_file_finish (SpStore                *store,
                                        GAsyncResult           *result,
                                        SpImportReport        **report_out,
                                        GError                **error);

G_END_DECLS
