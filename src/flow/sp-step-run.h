/* sp-step-run.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SpStepRun: one step of one run as an executor sees it: the campaign
 * snapshot, the idempotency key, the remote ids confirmed so far, and
 * checkpoints that store them before and after each request.
 */

#pragma once

#include <gio/gio.h>

#include "sp-run-input.h"
#include "sp-run-store.h"
#include "sp-stream.h"

G_BEGIN_DECLS

#define SP_TYPE_STEP_RUN (sp_step_run_get_type ())

G_DECLARE_FINAL_TYPE (SpStepRun, sp_step_run, SP, STEP_RUN, GObject)

SpStepRun        *sp_step_run_new                (SpRunStore            *store,
                                                  const char            *run_id,
                                                  const SpStream        *stream,
                                                  const SpStepDef       *def,
                                                  SpRunInput            *input,
                                                  const SpRunStepRecord *record,
                                                  gboolean               dry_run) G_GNUC_WARN_UNUSED_RESULT;
const char       *sp_step_run_get_step_id        (SpStepRun             *self);
const SpStepDef  *sp_step_run_get_def            (SpStepRun             *self);
const SpStream   *sp_step_run_get_stream         (SpStepRun             *self);
SpRunInput       *sp_step_run_get_input          (SpStepRun             *self);
const char       *sp_step_run_get_idempotency_key (SpStepRun            *self);
gboolean          sp_step_run_get_dry_run        (SpStepRun             *self);
SpStepState       sp_step_run_get_state          (SpStepRun             *self);
void              sp_step_run_set_state          (SpStepRun             *self,
                                                  SpStepState            state,
                                                  const char            *reason);
const char       *sp_step_run_get_reason         (SpStepRun             *self);
void              sp_step_run_add_note           (SpStepRun             *self,
                                                  const char            *note);
const char       *sp_step_run_get_notes          (SpStepRun             *self);
guint             sp_step_run_get_attempts       (SpStepRun             *self);
void              sp_step_run_add_attempt        (SpStepRun             *self);
void              sp_step_run_add_remote_id      (SpStepRun             *self,
                                                  const char            *remote_id);
gboolean          sp_step_run_has_remote_id      (SpStepRun             *self,
                                                  const char            *remote_id);
guint             sp_step_run_get_n_remote_ids   (SpStepRun             *self);
SpRunStepRecord  *sp_step_run_dup_record         (SpStepRun             *self) G_GNUC_WARN_UNUSED_RESULT;
void              sp_step_run_report_progress    (SpStepRun             *self,
                                                  double                 fraction,
                                                  const char            *message);
void              sp_step_run_report_request     (SpStepRun             *self,
                                                  const char            *method,
                                                  const char            *uri,
                                                  const char            *body);
void              sp_step_run_checkpoint_async   (SpStepRun             *self,
                                                  GCancellable          *cancellable,
                                                  GAsyncReadyCallback    callback,
                                                  gpointer               user_data);
gboolean          sp_step_run_checkpoint_finish  (SpStepRun             *self,
                                                  GAsyncResult          *result,
                                                  GError               **error);

G_END_DECLS
