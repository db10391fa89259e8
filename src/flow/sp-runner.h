/* sp-runner.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SpRunner: runs one value stream for one campaign. Steps whose
 * dependencies are met run concurrently up to a bound; database work goes to
 * GIO's worker pool, remote work to the SpStepExecutor on the main context.
 * Every step change is stored before it is announced, and the campaign's
 * lifecycle transitions are made here and nowhere else.
 */

#pragma once

#include <gio/gio.h>

#include "sp-step-executor.h"
#include "sp-stream.h"

G_BEGIN_DECLS

typedef enum
{
  SP_RUN_FLAGS_NONE        = 0,
  SP_RUN_FLAGS_RESUME_ONLY = 1 << 0,   /* fail unless a stopped run exists */
  SP_RUN_FLAGS_CHAIN       = 1 << 1,   /* go on with the next stream until live */
  SP_RUN_FLAGS_HOLD_FAILED = 1 << 2,   /* a failed optional step stops the run too,
                                          for a person to retry or skip it */
} SpRunFlags;

#define SP_TYPE_RUNNER (sp_runner_get_type ())

G_DECLARE_FINAL_TYPE (SpRunner, sp_runner, SP, RUNNER, GObject)

SpRunner   *sp_runner_new                 (const char          *db_path,
                                           SpStepExecutor      *executor) G_GNUC_WARN_UNUSED_RESULT;
guint       sp_runner_get_max_concurrency (SpRunner            *self);
void        sp_runner_set_max_concurrency (SpRunner            *self,
                                           guint                max_concurrency);
gboolean    sp_runner_get_dry_run         (SpRunner            *self);
void        sp_runner_set_dry_run         (SpRunner            *self,
                                           gboolean             dry_run);
void        sp_runner_run_async           (SpRunner            *self,
                                           const char          *campaign_id,
                                           SpStreamKind         stream,
                                           SpRunFlags           flags,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean    sp_runner_run_finish          (SpRunner            *self,
                                           GAsyncResult        *result,
                                           GError             **error);
void        sp_runner_retry_step_async    (SpRunner            *self,
                                           const char          *campaign_id,
                                           const char          *step_id,
                                           SpRunFlags           flags,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean    sp_runner_retry_step_finish   (SpRunner            *self,
                                           GAsyncResult        *result,
                                           GError             **error);
void        sp_runner_skip_step_async     (SpRunner            *self,
                                           const char          *campaign_id,
                                           const char          *step_id,
                                           SpRunFlags           flags,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean    sp_runner_skip_step_finish    (SpRunner            *self,
                                           GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
