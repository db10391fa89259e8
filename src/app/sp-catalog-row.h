/* sp-catalog-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SP_TYPE_CATALOG_ROW (sp_catalog_row_get_type ())

/* The row of a place at the end of a list that is about to go. */
#define SP_CATALOG_ROW_NONE G_MAXUINT

G_DECLARE_FINAL_TYPE (SpCatalogRow, sp_catalog_row, SP, CATALOG_ROW, GObject)

SpCatalogRow *sp_catalog_row_new     (guint         row);
guint         sp_catalog_row_get_row (SpCatalogRow *self);
void          sp_catalog_row_set_row (SpCatalogRow *self,
                                      guint         row);

G_END_DECLS
