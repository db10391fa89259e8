/* sp-check-cell.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SP_TYPE_CHECK_CELL (sp_check_cell_get_type ())

G_DECLARE_FINAL_TYPE (SpCheckCell, sp_check_cell, SP, CHECK_CELL, GtkWidget)

GtkWidget  *sp_check_cell_new        (void);
gboolean    sp_check_cell_get_active (SpCheckCell *self);
void        sp_check_cell_set_active (SpCheckCell *self,
                                      gboolean     active);

G_END_DECLS
