/* sp-credentials.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Secrets of the platform connectors (client secret, content token). They
 * go to the Secret Service through libsecret; only when none runs, to a
 * file readable by the user alone, with a warning. Never to SQLite, never
 * to a log.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      sp_credentials_store_async   (const char          *kind,
                                        const char          *account,
                                        const char          *secret,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean  sp_credentials_store_finish  (GAsyncResult        *result,
                                        char               **where,
                                        GError             **error);
void      sp_credentials_lookup_async  (const char          *kind,
                                        const char          *account,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
char     *sp_credentials_lookup_finish (GAsyncResult        *result,
                                        GError             **error) G_GNUC_WARN_UNUSED_RESULT;
char     *sp_credentials_fallback_path (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
