/* sp-step-executor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SpStepExecutor: what performs the remote steps of a stream. The runner
 * knows only this interface; the commerce-platform connector in src/connect
 * implements it.
 */

#pragma once

#include <gio/gio.h>

#include "sp-step-run.h"

G_BEGIN_DECLS

#define SP_TYPE_STEP_EXECUTOR (sp_step_executor_get_type ())

G_DECLARE_INTERFACE (SpStepExecutor, sp_step_executor, SP, STEP_EXECUTOR, GObject)

struct _SpStepExecutorInterface
{
  GTypeInterface parent_iface;

  void     (*execute_async)  (SpStepExecutor       *self,
                              SpStepRun            *step,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data);
  gboolean (*execute_finish) (SpStepExecutor       *self,
                              GAsyncResult         *result,
                              GError              **error);
};

void     sp_step_executor_execute_async  (SpStepExecutor       *self,
                                          SpStepRun            *step,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean sp_step_executor_execute_finish (SpStepExecutor       *self,
                                          GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS
