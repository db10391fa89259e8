/* sp-order-line.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-core-enums.h"
#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_ORDER_LINE (sp_order_line_get_type ())

G_DECLARE_FINAL_TYPE (SpOrderLine, sp_order_line, SP, ORDER_LINE, GObject)

SpOrderLine *sp_order_line_new            (const char   *sku,
                                           gint64        quantity,
                                           gint64        unit_price) G_GNUC_WARN_UNUSED_RESULT;
const char  *sp_order_line_get_id         (SpOrderLine  *self);
gint64       sp_order_line_get_line_no    (SpOrderLine  *self);
void         sp_order_line_set_line_no    (SpOrderLine  *self,
                                           gint64        line_no);
const char  *sp_order_line_get_sku        (SpOrderLine  *self);
void         sp_order_line_set_sku        (SpOrderLine  *self,
                                           const char   *sku);
gint64       sp_order_line_get_quantity   (SpOrderLine  *self);
void         sp_order_line_set_quantity   (SpOrderLine  *self,
                                           gint64        quantity);
gint64       sp_order_line_get_unit_price (SpOrderLine  *self);
void         sp_order_line_set_unit_price (SpOrderLine  *self,
                                           gint64        unit_price);
gboolean     sp_order_line_validate       (SpOrderLine  *self,
                                           GError      **error);
gint64       sp_order_line_get_amount     (SpOrderLine  *self);

G_END_DECLS
