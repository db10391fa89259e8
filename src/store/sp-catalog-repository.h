/* sp-catalog-repository.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-catalog-table.h"
#include "sp-category.h"
#include "sp-product.h"
#include "sp-site.h"
#include "sp-stock-level.h"
#include "sp-store.h"

G_BEGIN_DECLS

#define SP_TYPE_CATALOG_REPOSITORY (sp_catalog_repository_get_type ())

G_DECLARE_FINAL_TYPE (SpCatalogRepository, sp_catalog_repository, SP, CATALOG_REPOSITORY, GObject)

SpCatalogRepository *sp_catalog_repository_new                  (SpStore *store)
                                                                 G_GNUC_WARN_UNUSED_RESULT;
GListModel          *sp_catalog_repository_get_sites            (SpCatalogRepository *self);
GListModel          *sp_catalog_repository_get_categories       (SpCatalogRepository *self);

gboolean             sp_catalog_repository_load                 (SpCatalogRepository  *self,
                                                                 GError              **error);
void                 sp_catalog_repository_reload_async         (SpCatalogRepository *self,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gboolean             sp_catalog_repository_reload_finish        (SpCatalogRepository  *self,
                                                                 GAsyncResult         *result,
                                                                 GError              **error);

SpCatalogTable      *sp_catalog_repository_load_table           (SpCatalogRepository  *self,
                                                                  GCancellable         *cancellable,
                                                                  GError              **error);
void                 sp_catalog_repository_load_table_async     (SpCatalogRepository *self,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
SpCatalogTable      *sp_catalog_repository_load_table_finish    (SpCatalogRepository  *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);
GPtrArray           *sp_catalog_repository_load_products        (SpCatalogRepository  *self,
                                                                 GCancellable         *cancellable,
                                                                 GError              **error)
                                                                 G_GNUC_WARN_UNUSED_RESULT;
void                 sp_catalog_repository_load_products_async  (SpCatalogRepository *self,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
GPtrArray           *sp_catalog_repository_load_products_finish (SpCatalogRepository  *self,
                                                                 GAsyncResult         *result,
                                                                 GError              **error)
                                                                 G_GNUC_WARN_UNUSED_RESULT;
SpProduct           *sp_catalog_repository_load_product         (SpCatalogRepository  *self,
                                                                 const char           *sku,
                                                                 GError              **error)
                                                                 G_GNUC_WARN_UNUSED_RESULT;
GPtrArray           *sp_catalog_repository_load_stock_levels    (SpCatalogRepository  *self,
                                                                 GError              **error)
                                                                 G_GNUC_WARN_UNUSED_RESULT;

gboolean             sp_catalog_repository_save_site            (SpCatalogRepository  *self,
                                                                 SpSite               *site,
                                                                 GError              **error);
gboolean             sp_catalog_repository_save_category        (SpCatalogRepository  *self,
                                                                 SpCategory           *category,
                                                                 GError              **error);
gboolean             sp_catalog_repository_save_product         (SpCatalogRepository  *self,
                                                                 SpProduct            *product,
                                                                 GError              **error);
gboolean             sp_catalog_repository_save_stock_level     (SpCatalogRepository  *self,
                                                                 SpStockLevel         *level,
                                                                 GError              **error);

G_END_DECLS
