/* sp-order-repository.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-order-line.h"
#include "sp-sales-order.h"
#include "sp-store.h"

G_BEGIN_DECLS

#define SP_TYPE_ORDER_REPOSITORY (sp_order_repository_get_type ())

G_DECLARE_FINAL_TYPE (SpOrderRepository, sp_order_repository, SP, ORDER_REPOSITORY, GObject)

SpOrderRepository *sp_order_repository_new                (SpStore *store)
                                                           G_GNUC_WARN_UNUSED_RESULT;
GPtrArray         *sp_order_repository_load_orders        (SpOrderRepository  *self,
                                                           GCancellable       *cancellable,
                                                           GError            **error)
                                                           G_GNUC_WARN_UNUSED_RESULT;
void               sp_order_repository_load_orders_async  (SpOrderRepository   *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GPtrArray         *sp_order_repository_load_orders_finish (SpOrderRepository  *self,
                                                           GAsyncResult       *result,
                                                           GError            **error)
                                                           G_GNUC_WARN_UNUSED_RESULT;
gboolean           sp_order_repository_save_order         (SpOrderRepository  *self,
                                                           SpSalesOrder       *order,
                                                           GError            **error);
gboolean           sp_order_repository_save_orders        (SpOrderRepository  *self,
                                                           GPtrArray          *orders,
                                                           GError            **error);

G_END_DECLS
