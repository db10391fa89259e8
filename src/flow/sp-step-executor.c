/* sp-step-executor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-step-executor.h"

G_DEFINE_INTERFACE (SpStepExecutor, sp_step_executor, G_TYPE_OBJECT)

static void
sp_step_executor_default_init (SpStepExecutorInterface *iface)
{
}

/**
 * sp_step_executor_execute_async:
 * @step: the step to perform; its remote ids and checkpoints go through it
 *
 * Performs @step on the platform. Must be called on the main context.
 */
void
sp_step_executor_execute_async (SpStepExecutor      *self,
                                SpStepRun           *step,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (SP_IS_STEP_EXECUTOR (self));
  g_return_if_fail (SP_IS_STEP_RUN (step));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  SP_STEP_EXECUTOR_GET_IFACE (self)->execute_async (self, step, cancellable, callback, user_data);
}

gboolean
sp_step_executor_execute_finish (SpStepExecutor  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  g_return_val_if_fail (SP_IS_STEP_EXECUTOR (self), FALSE);

  return SP_STEP_EXECUTOR_GET_IFACE (self)->execute_finish (self, result, error);
}
