/* sp-sales-order.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-core-enums.h"
#include "sp-types.h"
#include "sp-order-line.h"

G_BEGIN_DECLS

#define SP_TYPE_SALES_ORDER (sp_sales_order_get_type ())

G_DECLARE_FINAL_TYPE (SpSalesOrder, sp_sales_order, SP, SALES_ORDER, GObject)

SpSalesOrder *sp_sales_order_new              (const char    *number) G_GNUC_WARN_UNUSED_RESULT;
const char   *sp_sales_order_get_id           (SpSalesOrder  *self);
const char   *sp_sales_order_get_number       (SpSalesOrder  *self);
void          sp_sales_order_set_number       (SpSalesOrder  *self,
                                               const char    *number);
const char   *sp_sales_order_get_company_code (SpSalesOrder  *self);
void          sp_sales_order_set_company_code (SpSalesOrder  *self,
                                               const char    *company_code);
const char   *sp_sales_order_get_site_code    (SpSalesOrder  *self);
void          sp_sales_order_set_site_code    (SpSalesOrder  *self,
                                               const char    *site_code);
const char   *sp_sales_order_get_order_date   (SpSalesOrder  *self);
void          sp_sales_order_set_order_date   (SpSalesOrder  *self,
                                               const char    *order_date);
const char   *sp_sales_order_get_currency     (SpSalesOrder  *self);
void          sp_sales_order_set_currency     (SpSalesOrder  *self,
                                               const char    *currency);
GListModel   *sp_sales_order_get_lines        (SpSalesOrder  *self);
void          sp_sales_order_add_line         (SpSalesOrder  *self,
                                               SpOrderLine   *line);
void          sp_sales_order_remove_all_lines (SpSalesOrder  *self);
gboolean      sp_sales_order_validate         (SpSalesOrder  *self,
                                               GError       **error);
gint64        sp_sales_order_get_total        (SpSalesOrder  *self);

G_END_DECLS
