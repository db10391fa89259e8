/* sp-text-cell.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SP_TYPE_TEXT_CELL (sp_text_cell_get_type ())

G_DECLARE_FINAL_TYPE (SpTextCell, sp_text_cell, SP, TEXT_CELL, GtkWidget)

GtkWidget  *sp_text_cell_new      (float        xalign,
                                   gboolean     numeric);
void        sp_text_cell_set_text (SpTextCell  *self,
                                   const char  *text);
void        sp_text_cell_set_warning (SpTextCell *self,
                                      gboolean    warning);

G_END_DECLS
