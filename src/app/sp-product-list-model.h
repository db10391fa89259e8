/* sp-product-list-model.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-catalog-table.h"

G_BEGIN_DECLS

#define SP_TYPE_PRODUCT_LIST_MODEL (sp_product_list_model_get_type ())

G_DECLARE_FINAL_TYPE (SpProductListModel, sp_product_list_model, SP, PRODUCT_LIST_MODEL, GObject)

SpProductListModel *sp_product_list_model_new                  (void);
SpCatalogTable     *sp_product_list_model_get_table            (SpProductListModel *self);
void                sp_product_list_model_set_table            (SpProductListModel *self,
                                                                SpCatalogTable     *table);
void                sp_product_list_model_set_search           (SpProductListModel *self,
                                                                const char         *text);
void                sp_product_list_model_set_overstocked_only (SpProductListModel *self,
                                                                gboolean            overstocked_only,
                                                                int                 days_threshold);
void                sp_product_list_model_set_scope            (SpProductListModel *self,
                                                                const char * const *skus,
                                                                const char * const *categories);
void                sp_product_list_model_set_in_scope_only    (SpProductListModel *self,
                                                                gboolean            in_scope_only);
void                sp_product_list_model_set_sort             (SpProductListModel *self,
                                                                SpCatalogSort       sort,
                                                                gboolean            descending);
guint               sp_product_list_model_get_row              (SpProductListModel *self,
                                                                guint               position);
gboolean            sp_product_list_model_row_in_scope         (SpProductListModel *self,
                                                                guint               row);
guint               sp_product_list_model_get_n_shown          (SpProductListModel *self);
const char         *sp_product_list_model_get_sku              (SpProductListModel *self,
                                                                guint               position);

G_END_DECLS
