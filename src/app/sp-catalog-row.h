/* sp-catalog-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SP_TYPE_CATALOG_ROW (sp_catalog_row_get_type ())

G_DECLARE_FINAL_TYPE (SpCatalogRow, sp_catalog_row, SP, CATALOG_ROW, GObject)

SpCatalogRow *sp_catalog_row_new     (guint         row);
guint         sp_catalog_row_get_row (SpCatalogRow *self);
void          sp_catalog_row_set_row (SpCatalogRow *self,
                                      guint         row);

G_END_DECLS
