/* sp-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-store-error.h"

G_BEGIN_DECLS

#define SP_TYPE_STORE (sp_store_get_type ())

G_DECLARE_FINAL_TYPE (SpStore, sp_store, SP, STORE, GObject)

SpStore    *sp_store_open           (const char           *path,
                                     GError              **error) G_GNUC_WARN_UNUSED_RESULT;
void        sp_store_open_async     (const char           *path,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
SpStore    *sp_store_open_finish    (GAsyncResult         *result,
                                     GError              **error) G_GNUC_WARN_UNUSED_RESULT;
const char *sp_store_get_path       (SpStore              *self);
void        sp_store_watch          (SpStore              *self,
                                     guint                 interval_ms);

G_END_DECLS
