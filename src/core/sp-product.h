/* sp-product.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-core-enums.h"
#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_PRODUCT (sp_product_get_type ())

G_DECLARE_FINAL_TYPE (SpProduct, sp_product, SP, PRODUCT, GObject)

SpProduct  *sp_product_new                 (const char  *sku,
                                            const char  *name) G_GNUC_WARN_UNUSED_RESULT;
const char *sp_product_get_id              (SpProduct   *self);
const char *sp_product_get_sku             (SpProduct   *self);
void        sp_product_set_sku             (SpProduct   *self,
                                            const char  *sku);
const char *sp_product_get_name            (SpProduct   *self);
void        sp_product_set_name            (SpProduct   *self,
                                            const char  *name);
const char *sp_product_get_category_path   (SpProduct   *self);
void        sp_product_set_category_path   (SpProduct   *self,
                                            const char  *category_path);
const char *sp_product_get_category_id     (SpProduct   *self);
void        sp_product_set_category_id     (SpProduct   *self,
                                            const char  *category_id);
const char *sp_product_get_uom             (SpProduct   *self);
void        sp_product_set_uom             (SpProduct   *self,
                                            const char  *uom);
gint64      sp_product_get_list_price      (SpProduct   *self);
void        sp_product_set_list_price      (SpProduct   *self,
                                            gint64       list_price);
gint64      sp_product_get_cost            (SpProduct   *self);
void        sp_product_set_cost            (SpProduct   *self,
                                            gint64       cost);
const char *sp_product_get_currency        (SpProduct   *self);
void        sp_product_set_currency        (SpProduct   *self,
                                            const char  *currency);
gint64      sp_product_get_stock_on_hand   (SpProduct   *self);
void        sp_product_set_stock_on_hand   (SpProduct   *self,
                                            gint64       stock_on_hand);
gint64      sp_product_get_avg_daily_sales (SpProduct   *self);
void        sp_product_set_avg_daily_sales (SpProduct   *self,
                                            gint64       avg_daily_sales);
const char *sp_product_get_remote_id       (SpProduct   *self);
void        sp_product_set_remote_id       (SpProduct   *self,
                                            const char  *remote_id);
gint64      sp_product_get_version         (SpProduct   *self);
void        sp_product_set_version         (SpProduct   *self,
                                            gint64       version);
gboolean    sp_product_validate            (SpProduct   *self,
                                            GError     **error);
gint64      sp_product_get_days_of_cover   (SpProduct   *self);
gint64      sp_stock_days_of_cover         (gint64       stock_on_hand,
                                            gint64       avg_daily_sales);
gboolean    sp_stock_is_overstocked        (gint64       stock_on_hand,
                                            gint64       avg_daily_sales,
                                            int          days_threshold);
gboolean    sp_product_is_overstocked      (SpProduct   *self,
                                            int          days_threshold);
gint64      sp_product_get_margin          (SpProduct   *self);
gint64      sp_product_get_margin_bp       (SpProduct   *self);
gint64      sp_product_get_margin_bp_at    (SpProduct   *self,
                                            gint64       price);
gint64      sp_product_get_stock_value     (SpProduct   *self);

G_END_DECLS
