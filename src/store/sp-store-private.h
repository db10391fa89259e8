/* sp-store-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the repositories of src/store share about SpStore: the main-thread
 * connection of the synchronous (CLI) API, and running a piece of database
 * work in a GTask worker on a connection of its own (the app's API).
 */

#pragma once

#include "sp-db-private.h"
#include "sp-store.h"

G_BEGIN_DECLS

/* Work on @db that returns a result (transfer full) or %NULL with @error set.
 * It runs on the main thread (sync API) or in a worker (async API); either
 * way it must not touch objects another thread can see, other than @data. */
typedef gpointer (*SpStoreWorkFunc) (sqlite3       *db,
                                     gpointer       data,
                                     GCancellable  *cancellable,
                                     GError       **error);

/* One change to store, on @db inside the caller's transaction. */
typedef gboolean (*SpStoreWriteFunc) (sqlite3       *db,
                                      gpointer       object,
                                      GError       **error);

sqlite3  *_sp_store_get_db        (SpStore              *self,
                                   GError              **error);
void      _sp_store_run_async     (SpStore              *self,
                                   gpointer              source_object,
                                   gpointer              source_tag,
                                   SpStoreWorkFunc       func,
                                   gpointer              data,
                                   GDestroyNotify        data_free,
                                   GDestroyNotify        result_free,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
gpointer  _sp_store_run_sync      (SpStore              *self,
                                   SpStoreWorkFunc       func,
                                   gpointer              data,
                                   GError              **error);

gboolean  _sp_store_write         (SpStore              *self,
                                   SpStoreWriteFunc      func,
                                   gpointer              object,
                                   const char           *entity,
                                   const char           *entity_id,
                                   const char           *action,
                                   GError              **error);

G_END_DECLS
