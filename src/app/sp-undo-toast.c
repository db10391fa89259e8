/* sp-undo-toast.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The toast a page shows after a removal: what went, and an Undo button
 * that takes back the newest change, as Ctrl+Z does.
 */

#define G_LOG_DOMAIN "sp-undo-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-undo-toast.h"
#include "sp-window.h"

static void
undo_clicked_cb (SpWindow *window)
{
  SpWorkspace *workspace = sp_window_get_workspace (window);

  if (workspace != NULL)
    sp_workspace_undo (workspace);
}

/**
 * sp_undo_toast_show:
 * @widget: a widget of the window that shows the toast
 * @title: what changed, for the user
 *
 * Shows @title with an Undo button on @widget's window; nothing when
 * @widget is not in a #SpWindow.
 */
void
sp_undo_toast_show (GtkWidget  *widget,
                    const char *title)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwToast *toast;

  if (!SP_IS_WINDOW (root))
    return;

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), root,
                           G_CONNECT_SWAPPED);
  sp_window_add_toast (SP_WINDOW (root), toast);
}
