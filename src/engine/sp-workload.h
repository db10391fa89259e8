/* sp-workload.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the pricing engine prices: a catalog (categories, products), orders
 * with their lines, and promotions. Held in flat C arrays, not GObjects, so
 * that 100,000 products and order lines load and price fast. Read from
 * promotion-workload/1 JSON, or filled through the add functions (the
 * store's orders), then checked once by sp_workload_finish().
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sp-promotion.h"

G_BEGIN_DECLS

/* The order header attributes are the first SpRuleAttribute values. */
#define SP_WORKLOAD_N_HEADER SP_RULE_ATTRIBUTE_ITEM

typedef struct _SpWorkload SpWorkload;

SpWorkload  *sp_workload_new                 (void) G_GNUC_WARN_UNUSED_RESULT;
void         sp_workload_free                (SpWorkload   *self);
SpWorkload  *sp_workload_load_file           (const char   *filename,
                                              GError      **error) G_GNUC_WARN_UNUSED_RESULT;
SpWorkload  *sp_workload_load_json           (JsonNode     *root,
                                              GError      **error) G_GNUC_WARN_UNUSED_RESULT;
void         sp_workload_add_category        (SpWorkload   *self,
                                              const char   *id,
                                              const char   *parent);
void         sp_workload_add_product         (SpWorkload   *self,
                                              const char   *sku,
                                              const char   *category,
                                              const char   *uom,
                                              gint64        list_price);
void         sp_workload_add_order           (SpWorkload   *self,
                                              const char   *id,
                                              const char   *date,
                                              const char  **header);
void         sp_workload_add_line            (SpWorkload   *self,
                                              const char   *sku,
                                              gint64        quantity,
                                              const char   *uom);
void         sp_workload_add_promotion       (SpWorkload   *self,
                                              SpPromotion  *promotion);
gboolean     sp_workload_finish              (SpWorkload   *self,
                                              GError      **error);
guint        sp_workload_get_n_orders        (SpWorkload   *self);
guint        sp_workload_get_n_lines         (SpWorkload   *self);
guint        sp_workload_get_n_products      (SpWorkload   *self);
GPtrArray   *sp_workload_get_promotions      (SpWorkload   *self);
const char  *sp_workload_get_order_id        (SpWorkload   *self,
                                              guint         order);
const char  *sp_workload_get_order_date      (SpWorkload   *self,
                                              guint         order);
const char  *sp_workload_get_order_currency  (SpWorkload   *self,
                                              guint         order);
int          sp_workload_find_order          (SpWorkload   *self,
                                              const char   *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpWorkload, sp_workload_free)

G_END_DECLS
