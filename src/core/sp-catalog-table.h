/* sp-catalog-table.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sp-product.h"

G_BEGIN_DECLS

#define SP_TYPE_CATALOG_TABLE (sp_catalog_table_get_type ())

typedef struct _SpCatalogTable        SpCatalogTable;
typedef struct _SpCatalogTableBuilder SpCatalogTableBuilder;

/* What to sort the rows of a catalog by. */
typedef enum
{
  SP_CATALOG_SORT_NONE,
  SP_CATALOG_SORT_SKU,
  SP_CATALOG_SORT_NAME,
  SP_CATALOG_SORT_CATEGORY,
  SP_CATALOG_SORT_STOCK,
  SP_CATALOG_SORT_COVER,
  SP_CATALOG_SORT_LIST_PRICE,
  SP_CATALOG_SORT_COST,
} SpCatalogSort;

GType                  sp_catalog_table_get_type          (void) G_GNUC_CONST;

SpCatalogTableBuilder *sp_catalog_table_builder_new       (guint                  n_hint);
void                   sp_catalog_table_builder_add_category (SpCatalogTableBuilder *builder,
                                                           const char            *category_id,
                                                           const char            *category_path);
void                   sp_catalog_table_builder_add       (SpCatalogTableBuilder *builder,
                                                           const char            *id,
                                                           const char            *sku,
                                                           const char            *name,
                                                           const char            *category_id,
                                                           const char            *category_path,
                                                           const char            *uom,
                                                           const char            *currency,
                                                           gint64                 list_price,
                                                           gint64                 cost,
                                                           gint64                 stock_on_hand,
                                                           gint64                 avg_daily_sales,
                                                           const char            *remote_id,
                                                           gint64                 version);
void                   sp_catalog_table_builder_merge     (SpCatalogTableBuilder *builder,
                                                           SpCatalogTableBuilder *other);
G_GNUC_WARN_UNUSED_RESULT
SpCatalogTable        *sp_catalog_table_builder_end       (SpCatalogTableBuilder *builder);
void                   sp_catalog_table_builder_free      (SpCatalogTableBuilder *builder);

SpCatalogTable        *sp_catalog_table_ref               (SpCatalogTable        *self);
void                   sp_catalog_table_unref             (SpCatalogTable        *self);

guint                  sp_catalog_table_get_n_rows        (const SpCatalogTable  *self);
const char            *sp_catalog_table_get_id            (const SpCatalogTable  *self,
                                                           guint                  row);
const char            *sp_catalog_table_get_sku           (const SpCatalogTable  *self,
                                                           guint                  row);
const char            *sp_catalog_table_get_name          (const SpCatalogTable  *self,
                                                           guint                  row);
const char            *sp_catalog_table_get_category_path (const SpCatalogTable  *self,
                                                           guint                  row);
const char            *sp_catalog_table_get_currency      (const SpCatalogTable  *self,
                                                           guint                  row);
gint64                 sp_catalog_table_get_list_price    (const SpCatalogTable  *self,
                                                           guint                  row);
gint64                 sp_catalog_table_get_cost          (const SpCatalogTable  *self,
                                                           guint                  row);
gint64                 sp_catalog_table_get_stock_on_hand (const SpCatalogTable  *self,
                                                           guint                  row);
gint64                 sp_catalog_table_get_avg_daily_sales (const SpCatalogTable *self,
                                                           guint                  row);
gint64                 sp_catalog_table_get_days_of_cover (const SpCatalogTable  *self,
                                                           guint                  row);
gboolean               sp_catalog_table_is_overstocked    (const SpCatalogTable  *self,
                                                           guint                  row,
                                                           int                    days_threshold);
gboolean               sp_catalog_table_find_sku          (const SpCatalogTable  *self,
                                                           const char            *sku,
                                                           guint                 *row);
G_GNUC_WARN_UNUSED_RESULT
SpProduct             *sp_catalog_table_dup_product       (const SpCatalogTable  *self,
                                                           guint                  row);
guint                  sp_catalog_table_search            (const SpCatalogTable  *self,
                                                           const char            *query,
                                                           guint8                *hits);
guint                  sp_catalog_table_search_within     (const SpCatalogTable  *self,
                                                           const char            *query,
                                                           guint8                *hits);
guint                  sp_catalog_table_mark_scope        (const SpCatalogTable  *self,
                                                           const char * const    *skus,
                                                           const char * const    *categories,
                                                           guint8                *in_scope);
int                    sp_catalog_table_compare           (const SpCatalogTable  *self,
                                                           SpCatalogSort          sort,
                                                           guint                  a,
                                                           guint                  b);
G_GNUC_WARN_UNUSED_RESULT
guint32               *sp_catalog_table_sort              (const SpCatalogTable  *self,
                                                           SpCatalogSort          sort);
const guint32         *sp_catalog_table_get_order         (SpCatalogTable        *self,
                                                           SpCatalogSort          sort);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCatalogTable, sp_catalog_table_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCatalogTableBuilder, sp_catalog_table_builder_free)

G_END_DECLS
