/* sp-undo-toast.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*SpUndoToastFunc) (gpointer data);

void sp_undo_toast_show      (GtkWidget       *widget,
                              const char      *title,
                              guint64          serial);
void sp_undo_toast_show_full (GtkWidget       *widget,
                              const char      *title,
                              SpUndoToastFunc  func,
                              gpointer         data,
                              GDestroyNotify   destroy);

G_END_DECLS
