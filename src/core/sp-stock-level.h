/* sp-stock-level.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-core-enums.h"
#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_STOCK_LEVEL (sp_stock_level_get_type ())

G_DECLARE_FINAL_TYPE (SpStockLevel, sp_stock_level, SP, STOCK_LEVEL, GObject)

SpStockLevel *sp_stock_level_new                 (const char    *product_sku,
                                                  const char    *site_code) G_GNUC_WARN_UNUSED_RESULT;
const char   *sp_stock_level_get_id              (SpStockLevel  *self);
const char   *sp_stock_level_get_product_sku     (SpStockLevel  *self);
void          sp_stock_level_set_product_sku     (SpStockLevel  *self,
                                                  const char    *product_sku);
const char   *sp_stock_level_get_site_code       (SpStockLevel  *self);
void          sp_stock_level_set_site_code       (SpStockLevel  *self,
                                                  const char    *site_code);
gint64        sp_stock_level_get_stock_on_hand   (SpStockLevel  *self);
void          sp_stock_level_set_stock_on_hand   (SpStockLevel  *self,
                                                  gint64         stock_on_hand);
gint64        sp_stock_level_get_avg_daily_sales (SpStockLevel  *self);
void          sp_stock_level_set_avg_daily_sales (SpStockLevel  *self,
                                                  gint64         avg_daily_sales);
gboolean      sp_stock_level_validate            (SpStockLevel  *self,
                                                  GError       **error);

G_END_DECLS
