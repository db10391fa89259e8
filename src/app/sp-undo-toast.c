/* sp-undo-toast.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The toast a page shows after a removal: what went, and an Undo button
 * that takes back that removal, also when other changes came after it.
 */

#define G_LOG_DOMAIN "sp-undo-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-undo-toast.h"
#include "sp-window.h"

typedef struct
{
  SpUndoToastFunc func;
  gpointer        data;
  GDestroyNotify  destroy;
} ToastAction;

typedef struct
{
  GWeakRef window;
  guint64  serial;
} SerialUndo;

static void
toast_action_free (gpointer data,
                   GClosure *closure)
{
  ToastAction *action = data;

  if (action->destroy != NULL)
    action->destroy (action->data);
  g_free (action);
}

static void
button_clicked_cb (AdwToast    *toast,
                   ToastAction *action)
{
  action->func (action->data);
}

static void
serial_undo_free (gpointer data)
{
  SerialUndo *undo = data;

  g_weak_ref_clear (&undo->window);
  g_free (undo);
}

static void
undo_serial (gpointer data)
{
  SerialUndo *undo = data;
  g_autoptr(SpWindow) window = g_weak_ref_get (&undo->window);
  SpWorkspace *workspace = window ? sp_window_get_workspace (window) : NULL;

  if (workspace != NULL)
    sp_workspace_undo_serial (workspace, undo->serial);
}

/**
 * sp_undo_toast_show_full:
 * @widget: a widget of the window that shows the toast
 * @title: what changed, for the user
 * @func: called when the user asks to undo
 * @data: data for @func
 * @destroy: frees @data with the toast
 *
 * Shows @title with an Undo button on @widget's window; nothing (but
 * @data freed) when @widget is not in a #SpWindow.
 */
void
sp_undo_toast_show_full (GtkWidget       *widget,
                         const char      *title,
                         SpUndoToastFunc  func,
                         gpointer         data,
                         GDestroyNotify   destroy)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *escaped = NULL;
  ToastAction *action;
  AdwToast *toast;

  if (!SP_IS_WINDOW (root))
    {
      if (destroy != NULL)
        destroy (data);
      return;
    }

  action = g_new0 (ToastAction, 1);
  action->func = func;
  action->data = data;
  action->destroy = destroy;

  /* Titles name codes and files, which are data; libadwaita 1.2 reads markup. */
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (button_clicked_cb), action,
                         toast_action_free, 0);
  sp_window_add_toast (SP_WINDOW (root), toast);
}

/**
 * sp_undo_toast_show:
 * @widget: a widget of the window that shows the toast
 * @title: what changed, for the user
 * @serial: the change, from sp_workspace_get_undo_serial() right after it
 *
 * Shows @title with an Undo button that takes back the change @serial.
 */
void
sp_undo_toast_show (GtkWidget  *widget,
                    const char *title,
                    guint64     serial)
{
  SerialUndo *undo = g_new0 (SerialUndo, 1);

  g_weak_ref_init (&undo->window, gtk_widget_get_root (widget));
  undo->serial = serial;
  sp_undo_toast_show_full (widget, title, undo_serial, undo, serial_undo_free);
}
