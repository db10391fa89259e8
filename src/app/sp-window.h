/* sp-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sp-application.h"
#include "sp-workspace.h"

G_BEGIN_DECLS

#define SP_TYPE_WINDOW (sp_window_get_type ())

G_DECLARE_FINAL_TYPE (SpWindow, sp_window, SP, WINDOW, AdwApplicationWindow)

SpWindow    *sp_window_new               (SpApplication *application) G_GNUC_WARN_UNUSED_RESULT;
SpWorkspace *sp_window_get_workspace     (SpWindow      *self);
void         sp_window_set_workspace     (SpWindow      *self,
                                          SpWorkspace   *workspace);
void         sp_window_show_error        (SpWindow      *self,
                                          const GError  *error);
void         sp_window_add_toast         (SpWindow      *self,
                                          AdwToast      *toast);
GtkWidget   *sp_window_get_sidebar       (SpWindow      *self);
GtkWidget   *sp_window_get_campaign_view (SpWindow      *self);

G_END_DECLS
