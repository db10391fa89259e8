/* sp-run-controller.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-run-store.h"

G_BEGIN_DECLS

#define SP_TYPE_RUN_CONTROLLER (sp_run_controller_get_type ())

G_DECLARE_FINAL_TYPE (SpRunController, sp_run_controller, SP, RUN_CONTROLLER, GObject)

SpRunController *sp_run_controller_new              (const char          *db_path) G_GNUC_WARN_UNUSED_RESULT;
gboolean         sp_run_controller_is_running       (SpRunController     *self,
                                                     const char          *campaign_id);
void             sp_run_controller_start            (SpRunController     *self,
                                                     const char          *campaign_id);
void             sp_run_controller_skip             (SpRunController     *self,
                                                     const char          *campaign_id,
                                                     const char          *step);
void             sp_run_controller_load_steps_async (SpRunController     *self,
                                                     const char          *campaign_id,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GPtrArray       *sp_run_controller_load_steps_finish (SpRunController    *self,
                                                     GAsyncResult        *result,
                                                     GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
