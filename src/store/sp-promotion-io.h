/* sp-promotion-io.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Minimal SQL access for promotions (the promotions table) and for what
 * pricing the workspace's sales orders needs. Promotions travel as records
 * with their definition as JSON text (written and read by the engine's
 * sp-promotion-json, one layer up in the CLI), so this file needs no JSON.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *number;       /* owned */
  char *name;         /* owned */
  char *description;  /* owned */
  char *start_date;   /* owned; YYYY-MM-DD */
  char *end_date;     /* owned; YYYY-MM-DD */
  char *stacking;     /* owned; "stack" or "exclusive" */
  char *definition;   /* owned; the promotion as JSON */
} SpPromotionRecord;

/* Rows of the workspace for pricing its orders; each row is a GStrv. */
typedef struct
{
  GPtrArray *categories;  /* owned; { path, parent path or "" } */
  GPtrArray *products;    /* owned; { sku, category path or "", uom, list price in minor units } */
  GPtrArray *orders;      /* owned; { number, date, customer, country, city, currency, site code } */
  GPtrArray *lines;       /* owned; { order number, sku, quantity }, in order and line order */
} SpPromotionIoOrders;

SpPromotionRecord   *sp_promotion_record_new          (void) G_GNUC_WARN_UNUSED_RESULT;
void                 sp_promotion_record_free         (SpPromotionRecord    *record);
void                 sp_promotion_io_orders_free      (SpPromotionIoOrders  *orders);
char               **sp_promotion_io_reserve_numbers  (const char           *db_path,
                                                       guint                 n,
                                                       GError              **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean             sp_promotion_io_save             (const char           *db_path,
                                                       GPtrArray            *records,
                                                       guint                *out_created,
                                                       guint                *out_updated,
                                                       GError              **error);
GPtrArray           *sp_promotion_io_load             (const char           *db_path,
                                                       const char           *number,
                                                       GError              **error) G_GNUC_WARN_UNUSED_RESULT;
SpPromotionIoOrders *sp_promotion_io_load_orders_rows (const char           *db_path,
                                                       GError              **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpPromotionRecord, sp_promotion_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpPromotionIoOrders, sp_promotion_io_orders_free)

G_END_DECLS
