/* sp-runner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-flow"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-campaign-repository.h"
#include "sp-catalog-repository.h"
#include "sp-date.h"
#include "sp-flow-error.h"
#include "sp-plan-apply.h"
#include "sp-planner.h"
#include "sp-run-store.h"
#include "sp-runner.h"
#include "sp-store.h"

struct _SpRunner
{
  GObject          parent_instance;

  SpRunStore      *store;          /* owned */
  SpStepExecutor  *executor;       /* owned, nullable */
  guint            max_concurrency;
  gboolean         dry_run;
};

G_DEFINE_FINAL_TYPE (SpRunner, sp_runner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MAX_CONCURRENCY,
  PROP_DRY_RUN,
  N_PROPS
};

enum {
  SIGNAL_STREAM_STARTED,
  SIGNAL_STEP_CHANGED,
  SIGNAL_PROGRESS,
  SIGNAL_REQUEST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Which campaign statuses a stream may start from. */
static gboolean
stream_accepts_status (const SpStream *stream,
                       const char     *status)
{
  static const struct { SpStreamKind kind; const char *status; } starts[] = {
    { SP_STREAM_PLANNING, "draft" },
    { SP_STREAM_APPROVAL, "planned" },
    { SP_STREAM_APPROVAL, "in_review" },
    { SP_STREAM_EXECUTION, "approved" },
    { SP_STREAM_EXECUTION, "executing" },
    { SP_STREAM_EXECUTION, "failed" },
    { SP_STREAM_ENDING, "live" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    if (starts[i].kind == stream->kind && g_strcmp0 (starts[i].status, status) == 0)
      return TRUE;

  return FALSE;
}

/* ---- Database jobs, run in GIO's worker pool ------------------------------ */

typedef enum
{
  JOB_PREPARE = 1,
  JOB_SAVE_STEP,
  JOB_LOCAL_STEP,
  JOB_FINISH,
} JobKind;

typedef struct
{
  JobKind          kind;
  SpRunStore      *store;
  const SpStream  *stream;
  char            *campaign_id;
  char            *run_id;
  SpRunFlags       flags;
  gboolean         dry_run;
  SpRunStepRecord *record;          /* JOB_SAVE_STEP, JOB_LOCAL_STEP (step id) */
  char            *run_state;       /* JOB_FINISH: done|failed|cancelled */
  char            *retry_step;      /* JOB_PREPARE: a failed step to run again */
  char            *skip_step;       /* JOB_PREPARE: a failed optional step to skip */

  /* Results of JOB_PREPARE */
  SpRunInput      *input;
  GPtrArray       *records;
  gboolean         resumed;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->store);
  g_free (job->campaign_id);
  g_free (job->run_id);
  g_clear_pointer (&job->record, sp_run_step_record_free);
  g_free (job->run_state);
  g_free (job->retry_step);
  g_free (job->skip_step);
  g_clear_pointer (&job->input, sp_run_input_unref);
  g_clear_pointer (&job->records, g_ptr_array_unref);
  g_free (job);
}

static Job *
job_new (SpRunner   *self,
         JobKind     kind,
         const char *campaign_id,
         const char *run_id)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->store = g_object_ref (self->store);
  job->campaign_id = g_strdup (campaign_id);
  job->run_id = g_strdup (run_id);
  job->dry_run = self->dry_run;
  return job;
}

/* A step the user asked to retry or skip: it must have failed, and only
 * an optional step may be skipped. Its new state is stored before the run
 * continues. */
static gboolean
apply_step_request (Job     *job,
                    GError **error)
{
  const char *step_id = job->retry_step ? job->retry_step : job->skip_step;
  const SpStepDef *def = sp_stream_find_step (job->stream, step_id);
  g_autoptr(GPtrArray) records = NULL;
  SpRunStepRecord *record = NULL;

  if (!(records = sp_run_store_load_steps (job->store, job->run_id, error)))
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    if (g_str_equal (((SpRunStepRecord *)g_ptr_array_index (records, i))->step, step_id))
      record = g_ptr_array_index (records, i);

  if (def == NULL || record == NULL || g_strcmp0 (record->state, "failed") != 0)
    {
      g_set_error (error, SP_FLOW_ERROR, SP_FLOW_ERROR_ILLEGAL_STATE,
                   job->retry_step
                   ? _("Step “%s” of campaign “%s” has not failed (it is %s); only a failed step can be retried")
                   : _("Step “%s” of campaign “%s” has not failed (it is %s); only a failed step can be skipped"),
                   step_id, job->input->name, record ? record->state : "not run");
      return FALSE;
    }

  if (job->skip_step != NULL)
    {
      if (!def->optional)
        {
          g_set_error (error, SP_FLOW_ERROR, SP_FLOW_ERROR_ILLEGAL_STATE,
                       _("Step “%s” of campaign “%s” is required and cannot be skipped; retry it"),
                       step_id, job->input->name);
          return FALSE;
        }
      g_free (record->state);
      record->state = g_strdup ("skipped");
      {
        char *reason = g_strdup_printf (_("skipped on request after failing: %s"),
                                        record->reason ? record->reason : "");

        g_free (record->reason);
        record->reason = reason;
      }
    }
  else
    {
      g_free (record->state);
      record->state = g_strdup ("pending");
    }

  return sp_run_store_save_step (job->store, job->run_id, record, error);
}

static gboolean prepare_run (Job *job, GError **error);

static gboolean
prepare_job (Job     *job,
             GError **error)
{
  guint holder = 0;

  if (!(job->input = sp_run_store_load_input (job->store, job->campaign_id, error)))
    return FALSE;

  if (!stream_accepts_status (job->stream, job->input->status))
    {
      g_set_error (error, SP_FLOW_ERROR, SP_FLOW_ERROR_ILLEGAL_STATE,
                   _("Campaign “%s” is %s; the %s stream cannot run now"),
                   job->input->name, job->input->status, job->stream->id);
      return FALSE;
    }

  if (job->dry_run)
    return TRUE;

  /* One process at a time per campaign; the claim is given up when the
   * stream's run finishes (or goes with the process). */
  if (!sp_run_store_claim_campaign (job->store, job->campaign_id, &holder, error))
    return FALSE;
  if (holder != 0)
    {
      g_set_error (error, SP_FLOW_ERROR, SP_FLOW_ERROR_BUSY,
                   _("Campaign “%s” is already being executed by process %u"),
                   job->input->name, holder);
      return FALSE;
    }

  if (!prepare_run (job, error))
    {
      sp_run_store_release_campaign (job->store, job->campaign_id, NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
prepare_run (Job     *job,
             GError **error)
{
  g_autoptr(GPtrArray) records = NULL;

  job->run_id = sp_run_store_find_open_run (job->store, job->campaign_id, job->stream->id, error);
  if (job->run_id == NULL && error != NULL && *error != NULL)
    return FALSE;

  job->resumed = job->run_id != NULL;
  if (job->run_id == NULL)
    {
      if (job->flags & SP_RUN_FLAGS_RESUME_ONLY)
        {
          g_set_error (error, SP_FLOW_ERROR, SP_FLOW_ERROR_NOT_FOUND,
                       _("Campaign “%s” has no stopped %s run to resume"),
                       job->input->name, job->stream->id);
          return FALSE;
        }

      records = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_run_step_record_free);
      for (guint i = 0; i < job->stream->n_steps; i++)
        {
          g_autofree char *key = sp_stream_idempotency_key (job->stream, job->campaign_id,
                                                            job->stream->steps[i].id);

          g_ptr_array_add (records, sp_run_step_record_new (job->stream->steps[i].id, "pending", key));
        }
      if (!(job->run_id = sp_run_store_begin_run (job->store, job->campaign_id, job->stream->id,
                                                  records, error)))
        return FALSE;
    }
  else if ((job->retry_step != NULL || job->skip_step != NULL) && !apply_step_request (job, error))
    return FALSE;
  else if (!sp_run_store_finish_run (job->store, job->run_id, "running", error))
    return FALSE;

  if (!(job->records = sp_run_store_load_steps (job->store, job->run_id, error)))
    return FALSE;

  if (job->stream->start_status != NULL &&
      !sp_run_store_transition (job->store, job->campaign_id, job->stream->start_status, NULL, error))
    return FALSE;

  return TRUE;
}

static gboolean
has_price_entries (const SpRunInput *input)
{
  for (guint i = 0; i < input->price_lists->len; i++)
    if (((SpRunPriceList *)g_ptr_array_index (input->price_lists, i))->prices->len > 0)
      return TRUE;
  return FALSE;
}

/* A campaign that starts without a price list (an ERP signal opened it)
 * gets the planner's draft: the overstocked SKUs at the smallest discount
 * that clears each within the margin floor, written into the campaign. */
static gboolean
draft_plan (Job     *job,
            GError **error)
{
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpCampaignRepository) campaigns = NULL;
  g_autoptr(SpCatalogRepository) catalog = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GPtrArray) levels = NULL;
  g_autoptr(SpPlannerResult) result = NULL;
  g_autofree char *today = sp_date_today ();
  SpPlannerConstraints constraints;
  SpCampaign *campaign;

  if (!(store = sp_store_open (sp_run_store_get_db_path (job->store), error)))
    return FALSE;
  campaigns = sp_campaign_repository_new (store);
  catalog = sp_catalog_repository_new (store);
  if (!sp_campaign_repository_load (campaigns, error) ||
      !(campaign = sp_campaign_repository_find (campaigns, job->campaign_id, error)) ||
      !(products = sp_catalog_repository_load_products (catalog, NULL, error)) ||
      !(levels = sp_catalog_repository_load_stock_levels (catalog, error)))
    return FALSE;

  sp_planner_constraints_init (&constraints);
  if (!(result = sp_planner_draft (campaign, products, levels, &constraints, today, error)))
    return FALSE;
  if (result->lines->len == 0)
    {
      g_set_error (error, SP_FLOW_ERROR, SP_FLOW_ERROR_STEP_FAILED,
                   _("The planner found no overstocked SKU for campaign “%s” (%u SKUs left out)"),
                   sp_campaign_get_name (campaign), result->skipped->len);
      return FALSE;
    }

  return sp_plan_apply (campaigns, campaign, result, error);
}

/* The workspace-side steps of the planning and approval streams. */
static gboolean
local_step_job (Job     *job,
                GError **error)
{
  g_autoptr(SpRunInput) input = NULL;
  const char *step = job->record->step;

  if (!(input = sp_run_store_load_input (job->store, job->campaign_id, error)))
    return FALSE;

  if (g_str_equal (step, "clearance-plan"))
    {
      if (!has_price_entries (input))
        {
          if (!draft_plan (job, error))
            return FALSE;
          sp_run_input_unref (g_steal_pointer (&input));
          if (!(input = sp_run_store_load_input (job->store, job->campaign_id, error)))
            return FALSE;
        }

      for (guint i = 0; i < input->products->len; i++)
        {
          const SpRunProduct *product = g_ptr_array_index (input->products, i);

          if (product->new_price <= 0)
            {
              g_set_error (error, SP_FLOW_ERROR, SP_FLOW_ERROR_STEP_FAILED,
                           _("Product %s has no clearance price"), product->sku);
              return FALSE;
            }
        }
      return TRUE;
    }

  if (g_str_equal (step, "submit"))
    {
      if (g_strcmp0 (input->status, "planned") != 0)
        return TRUE;
      /* `campaign submit` records the submission with its comment first. */
      if (g_strcmp0 (input->last_decision, "submitted") != 0 &&
          !sp_run_store_record_decision (job->store, job->campaign_id, "submitted", "", g_get_user_name (), error))
        return FALSE;
      return sp_run_store_transition (job->store, job->campaign_id, "in_review", NULL, error);
    }

  if (g_str_equal (step, "decision"))
    {
      if (g_strcmp0 (input->last_decision, "approved") == 0)
        return TRUE;
      if (g_strcmp0 (input->last_decision, "rejected") == 0)
        {
          if (!sp_run_store_transition (job->store, job->campaign_id, "rejected", NULL, error))
            return FALSE;
          g_set_error (error, SP_FLOW_ERROR, SP_FLOW_ERROR_STEP_FAILED,
                       _("The plan was rejected"));
          return FALSE;
        }
      g_set_error (error, SP_FLOW_ERROR, SP_FLOW_ERROR_WAITING,
                   _("Waiting for approval of campaign “%s”"), input->name);
      return FALSE;
    }

  /* collect-data and refresh: loading the snapshot was the work. */
  return TRUE;
}

static gboolean
finish_job (Job     *job,
            GError **error)
{
  g_autofree char *status = NULL;
  const char *target = NULL;

  if (job->dry_run)
    return TRUE;

  if (!sp_run_store_finish_run (job->store, job->run_id, job->run_state, error))
    return FALSE;
  if (!sp_run_store_release_campaign (job->store, job->campaign_id, error))
    return FALSE;

  if (g_str_equal (job->run_state, "done"))
    target = job->stream->done_status;
  else if (g_str_equal (job->run_state, "failed"))
    target = job->stream->fail_status;

  if (target == NULL)
    return TRUE;

  /* Approval that the workspace does not require passes through review. */
  if (job->stream->kind == SP_STREAM_APPROVAL)
    {
      if (!(status = sp_run_store_get_status (job->store, job->campaign_id, error)))
        return FALSE;
      if (g_str_equal (status, "planned") &&
          (!sp_run_store_record_decision (job->store, job->campaign_id, "approved",
                                          _("Approval is not required in this workspace"),
                                          g_get_user_name (), error) ||
           !sp_run_store_transition (job->store, job->campaign_id, "in_review", NULL, error)))
        return FALSE;
    }

  return sp_run_store_transition (job->store, job->campaign_id, target, NULL, error);
}

static void
job_worker (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gboolean ok = FALSE;

  g_assert (job != NULL);

  switch (job->kind)
    {
    case JOB_PREPARE:
      ok = prepare_job (job, &error);
      break;
    case JOB_SAVE_STEP:
      ok = job->dry_run || sp_run_store_save_step (job->store, job->run_id, job->record, &error);
      break;
    case JOB_LOCAL_STEP:
      ok = job->dry_run || local_step_job (job, &error);
      break;
    case JOB_FINISH:
      ok = finish_job (job, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
run_job (SpRunner            *self,
         Job                 *job,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  /* Database jobs are not cancelled: what a step did must be written. */
  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, run_job);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, job_worker);
}

/* ---- The scheduler, on the main context ----------------------------------- */

typedef struct
{
  SpStepRun *step;          /* owned */
  gboolean   started;       /* in this run */
  gboolean   retried;       /* an optional step gets one more try */
} Slot;

typedef struct
{
  SpRunner       *self;     /* owned */
  GTask          *task;     /* borrowed: owned by the caller's chain */
  char           *campaign_id;
  const SpStream *stream;
  SpRunFlags      flags;
  char           *retry_step;   /* for the first stream only */
  char           *skip_step;
  SpRunInput     *input;
  char           *run_id;
  GPtrArray      *slots;    /* (element-type Slot) */
  guint           n_running;
  guint           n_saving;
  gboolean        stopping;
  GError         *failure;
} RunState;

static void
slot_free (gpointer data)
{
  Slot *slot = data;

  g_clear_object (&slot->step);
  g_free (slot);
}

static void
run_state_free (gpointer data)
{
  RunState *state = data;

  g_clear_object (&state->self);
  g_free (state->campaign_id);
  g_free (state->retry_step);
  g_free (state->skip_step);
  g_clear_pointer (&state->input, sp_run_input_unref);
  g_free (state->run_id);
  g_clear_pointer (&state->slots, g_ptr_array_unref);
  g_clear_error (&state->failure);
  g_free (state);
}

static void schedule (RunState *state);
static void start_stream (GTask *task, const SpStream *stream);

static Slot *
find_slot (RunState   *state,
           const char *step_id)
{
  for (guint i = 0; i < state->slots->len; i++)
    {
      Slot *slot = g_ptr_array_index (state->slots, i);

      if (g_str_equal (sp_step_run_get_step_id (slot->step), step_id))
        return slot;
    }

  return NULL;
}

static void
emit_step_changed (RunState *state,
                   Slot     *slot)
{
  g_signal_emit (state->self, signals[SIGNAL_STEP_CHANGED], 0,
                 state->stream->id, sp_step_run_get_step_id (slot->step),
                 (guint)sp_step_run_get_state (slot->step), sp_step_run_get_reason (slot->step));
}

typedef struct
{
  GTask *task;              /* owned */
  Slot  *slot;              /* borrowed from the run state */
  void (*then) (GTask *task, Slot *slot);
} SaveContext;

static void
step_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  SaveContext *context = user_data;
  RunState *state = g_task_get_task_data (context->task);
  g_autoptr(GError) error = NULL;

  state->n_saving--;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Without the record on disk the run cannot promise anything. */
      state->stopping = TRUE;
      if (state->failure == NULL)
        state->failure = g_steal_pointer (&error);
    }
  else
    emit_step_changed (state, context->slot);

  if (context->then != NULL && !state->stopping)
    context->then (context->task, context->slot);
  else
    schedule (state);

  g_object_unref (context->task);
  g_free (context);
}

/* Stores the slot's state, announces it, then continues with @then. */
static void
save_slot (GTask  *task,
           Slot   *slot,
           void  (*then) (GTask *task, Slot *slot))
{
  RunState *state = g_task_get_task_data (task);
  SaveContext *context = g_new0 (SaveContext, 1);
  g_autoptr(SpRunStepRecord) record = sp_step_run_dup_record (slot->step);

  context->task = g_object_ref (task);
  context->slot = slot;
  context->then = then;
  state->n_saving++;

  if (state->self->dry_run)
    {
      /* Nothing is stored in a dry run; the job only keeps the order. */
      Job *job = job_new (state->self, JOB_SAVE_STEP, state->campaign_id, state->run_id);

      job->record = g_steal_pointer (&record);
      run_job (state->self, job, step_saved_cb, context);
    }
  else
    sp_run_store_save_step_async (state->self->store, state->run_id, record, step_saved_cb, context);
}

static void
step_finished (GTask        *task,
               Slot         *slot,
               const GError *error)
{
  RunState *state = g_task_get_task_data (task);
  const SpStepDef *def = sp_step_run_get_def (slot->step);

  state->n_running--;

  if (error == NULL)
    {
      sp_step_run_set_state (slot->step, SP_STEP_DONE, sp_step_run_get_notes (slot->step));
      g_signal_emit (state->self, signals[SIGNAL_PROGRESS], 0, def->id, 1.0, _(def->title));
      save_slot (task, slot, NULL);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      sp_step_run_set_state (slot->step, SP_STEP_PENDING, _("Cancelled"));
      state->stopping = TRUE;
      if (state->failure == NULL)
        state->failure = g_error_copy (error);
      save_slot (task, slot, NULL);
      return;
    }

  if (g_error_matches (error, SP_FLOW_ERROR, SP_FLOW_ERROR_WAITING))
    {
      sp_step_run_set_state (slot->step, SP_STEP_PENDING, error->message);
      state->stopping = TRUE;
      if (state->failure == NULL)
        state->failure = g_error_copy (error);
      save_slot (task, slot, NULL);
      return;
    }

  if (def->optional && !slot->retried)
    {
      /* A failed optional step gets one more try, then it is skipped. */
      slot->retried = TRUE;
      sp_step_run_set_state (slot->step, SP_STEP_PENDING, error->message);
      slot->started = FALSE;
      save_slot (task, slot, NULL);
      return;
    }

  if (def->optional && !(state->flags & SP_RUN_FLAGS_HOLD_FAILED))
    {
      g_autofree char *reason = g_strdup_printf (_("skipped after failing: %s"), error->message);

      sp_step_run_set_state (slot->step, SP_STEP_SKIPPED, reason);
      save_slot (task, slot, NULL);
      return;
    }

  sp_step_run_set_state (slot->step, SP_STEP_FAILED, error->message);
  state->stopping = TRUE;
  if (state->failure == NULL)
    state->failure = g_error_new (SP_FLOW_ERROR, SP_FLOW_ERROR_STEP_FAILED,
                                  _("Step “%s” failed: %s"), def->id, error->message);
  save_slot (task, slot, NULL);
}

typedef struct
{
  GTask *task;   /* owned */
  Slot  *slot;   /* borrowed */
} StepContext;

static void
remote_step_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  StepContext *context = user_data;
  g_autoptr(GError) error = NULL;

  sp_step_executor_execute_finish (SP_STEP_EXECUTOR (object), result, &error);
  step_finished (context->task, context->slot, error);
  g_object_unref (context->task);
  g_free (context);
}

static void
local_step_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  StepContext *context = user_data;
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  step_finished (context->task, context->slot, error);
  g_object_unref (context->task);
  g_free (context);
}

static void
execute_slot (GTask *task,
              Slot  *slot)
{
  RunState *state = g_task_get_task_data (task);
  const SpStepDef *def = sp_step_run_get_def (slot->step);
  StepContext *context = g_new0 (StepContext, 1);

  context->task = g_object_ref (task);
  context->slot = slot;

  if (def->kind == SP_STEP_LOCAL)
    {
      Job *job = job_new (state->self, JOB_LOCAL_STEP, state->campaign_id, state->run_id);

      job->record = sp_step_run_dup_record (slot->step);
      run_job (state->self, job, local_step_done_cb, context);
    }
  else if (state->self->executor != NULL)
    sp_step_executor_execute_async (state->self->executor, slot->step,
                                    g_task_get_cancellable (task), remote_step_done_cb, context);
  else
    {
      g_autoptr(GError) error = g_error_new (SP_FLOW_ERROR, SP_FLOW_ERROR_ILLEGAL_STATE,
                                             _("No platform connector is configured"));

      g_object_unref (context->task);
      g_free (context);
      step_finished (task, slot, error);
    }
}

static void
start_slot (GTask *task,
            Slot  *slot)
{
  RunState *state = g_task_get_task_data (task);

  slot->started = TRUE;
  state->n_running++;
  sp_step_run_add_attempt (slot->step);
  sp_step_run_set_state (slot->step, SP_STEP_RUNNING, "");
  save_slot (task, slot, execute_slot);
}

static gboolean
slot_settled (Slot *slot)
{
  SpStepState s = sp_step_run_get_state (slot->step);

  return s == SP_STEP_DONE || s == SP_STEP_SKIPPED;
}

static gboolean
dependencies_met (RunState *state,
                  Slot     *slot)
{
  const SpStepDef *def = sp_step_run_get_def (slot->step);

  for (guint i = 0; def->after[i] != NULL; i++)
    {
      Slot *dependency = find_slot (state, def->after[i]);

      if (dependency != NULL && !slot_settled (dependency))
        return FALSE;
    }

  return TRUE;
}

static void
finished_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RunState *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  const SpStream *next;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (state->failure != NULL)
        g_prefix_error (&error, "%s; ", state->failure->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (state->failure != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&state->failure));
      return;
    }

  /* Chained: the next stream that takes the campaign further. */
  if ((state->flags & SP_RUN_FLAGS_CHAIN) && state->stream->done_status != NULL &&
      !state->self->dry_run &&
      (next = sp_stream_for_status (state->stream->done_status)) != NULL &&
      next != state->stream)
    {
      start_stream (g_steal_pointer (&task), next);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
finish_run (GTask *task)
{
  RunState *state = g_task_get_task_data (task);
  Job *job = job_new (state->self, JOB_FINISH, state->campaign_id, state->run_id);

  job->stream = state->stream;
  if (state->failure == NULL)
    job->run_state = g_strdup ("done");
  else if (g_error_matches (state->failure, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
           g_error_matches (state->failure, SP_FLOW_ERROR, SP_FLOW_ERROR_WAITING))
    job->run_state = g_strdup ("cancelled");
  else
    job->run_state = g_strdup ("failed");

  run_job (state->self, job, finished_cb, g_object_ref (task));
}

static void
schedule (RunState *state)
{
  GTask *task = state->task;
  gboolean all_settled = TRUE;

  if (state->n_saving > 0)
    return;

  if (state->stopping)
    {
      if (state->n_running == 0)
        {
          state->task = NULL;
          finish_run (task);
          g_object_unref (task);
        }
      return;
    }

  for (guint i = 0; i < state->slots->len; i++)
    {
      Slot *slot = g_ptr_array_index (state->slots, i);

      if (slot_settled (slot))
        continue;

      all_settled = FALSE;
      if (slot->started || state->n_running >= state->self->max_concurrency ||
          !dependencies_met (state, slot))
        continue;

      start_slot (task, slot);
    }

  if (all_settled && state->n_running == 0)
    {
      state->task = NULL;
      finish_run (task);
      g_object_unref (task);
    }
}

static void
step_progress_cb (SpStepRun  *step,
                  double      fraction,
                  const char *message,
                  SpRunner   *self)
{
  g_signal_emit (self, signals[SIGNAL_PROGRESS], 0, sp_step_run_get_step_id (step), fraction, message);
}

static void
step_request_cb (SpStepRun  *step,
                 const char *method,
                 const char *uri,
                 const char *body,
                 SpRunner   *self)
{
  g_signal_emit (self, signals[SIGNAL_REQUEST], 0, sp_step_run_get_step_id (step), method, uri, body);
}

static void
prepared_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RunState *state = g_task_get_task_data (task);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  state->input = sp_run_input_ref (job->input);
  state->run_id = g_strdup (job->run_id);
  g_signal_emit (state->self, signals[SIGNAL_STREAM_STARTED], 0, state->stream->id,
                 state->run_id, job->resumed);

  for (guint i = 0; i < state->stream->n_steps; i++)
    {
      const SpStepDef *def = &state->stream->steps[i];
      const SpRunStepRecord *record = NULL;
      const char *reason = NULL;
      Slot *slot = g_new0 (Slot, 1);

      for (guint j = 0; job->records != NULL && j < job->records->len; j++)
        if (g_str_equal (((SpRunStepRecord *)g_ptr_array_index (job->records, j))->step, def->id))
          record = g_ptr_array_index (job->records, j);

      slot->step = sp_step_run_new (state->self->dry_run ? NULL : state->self->store, state->run_id,
                                    state->stream, def, state->input, record, state->self->dry_run);
      g_signal_connect_object (slot->step, "progress", G_CALLBACK (step_progress_cb), state->self, 0);
      g_signal_connect_object (slot->step, "request", G_CALLBACK (step_request_cb), state->self, 0);
      g_ptr_array_add (state->slots, slot);

      /* Done and skipped steps stay so; anything else runs (again). The
       * filter is asked every time: the campaign may have changed. */
      if (sp_step_run_get_state (slot->step) == SP_STEP_DONE)
        emit_step_changed (state, slot);
      else if (!sp_stream_step_applies (def, state->input, &reason))
        {
          sp_step_run_set_state (slot->step, SP_STEP_SKIPPED, _(reason));
          save_slot (task, slot, NULL);
        }
      else if (sp_step_run_get_state (slot->step) == SP_STEP_SKIPPED)
        emit_step_changed (state, slot);
      else
        sp_step_run_set_state (slot->step, SP_STEP_PENDING, sp_step_run_get_reason (slot->step));
    }

  state->task = g_steal_pointer (&task);
  schedule (state);
}

static void
start_stream (GTask          *task,
              const SpStream *stream)
{
  RunState *state = g_task_get_task_data (task);
  Job *job = job_new (state->self, JOB_PREPARE, state->campaign_id, NULL);

  g_clear_pointer (&state->input, sp_run_input_unref);
  g_clear_pointer (&state->run_id, g_free);
  g_clear_pointer (&state->slots, g_ptr_array_unref);
  g_clear_error (&state->failure);
  state->slots = g_ptr_array_new_with_free_func (slot_free);
  state->stream = stream;
  state->stopping = FALSE;
  state->n_running = 0;
  state->n_saving = 0;

  job->stream = stream;
  job->flags = state->flags;
  job->retry_step = g_steal_pointer (&state->retry_step);
  job->skip_step = g_steal_pointer (&state->skip_step);
  /* Only the first stream of a chain may insist on resuming. */
  state->flags &= ~SP_RUN_FLAGS_RESUME_ONLY;
  run_job (state->self, job, prepared_cb, task);
}

/* ---- GObject --------------------------------------------------------------- */

static void
sp_runner_finalize (GObject *object)
{
  SpRunner *self = (SpRunner *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->executor);

  G_OBJECT_CLASS (sp_runner_parent_class)->finalize (object);
}

static void
sp_runner_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SpRunner *self = SP_RUNNER (object);

  switch (prop_id)
    {
    case PROP_MAX_CONCURRENCY:
      g_value_set_uint (value, self->max_concurrency);
      break;
    case PROP_DRY_RUN:
      g_value_set_boolean (value, self->dry_run);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_runner_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SpRunner *self = SP_RUNNER (object);

  switch (prop_id)
    {
    case PROP_MAX_CONCURRENCY:
      sp_runner_set_max_concurrency (self, g_value_get_uint (value));
      break;
    case PROP_DRY_RUN:
      sp_runner_set_dry_run (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_runner_class_init (SpRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_runner_finalize;
  object_class->get_property = sp_runner_get_property;
  object_class->set_property = sp_runner_set_property;

  properties[PROP_MAX_CONCURRENCY] =
    g_param_spec_uint ("max-concurrency", NULL, NULL, 1, 16, 2,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRY_RUN] =
    g_param_spec_boolean ("dry-run", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpRunner::stream-started:
   * @stream: the stream id ("execution")
   * @run_id: (nullable): the run's id, %NULL in a dry run
   * @resumed: whether a stopped run is continued
   */
  signals[SIGNAL_STREAM_STARTED] =
    g_signal_new ("stream-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_BOOLEAN);

  /**
   * SpRunner::step-changed:
   * @stream: the stream id
   * @step: the step id ("price-list")
   * @state: the new #SpStepState, already stored
   * @reason: why it was skipped or failed, or ""
   */
  signals[SIGNAL_STEP_CHANGED] =
    g_signal_new ("step-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_STRING);

  /**
   * SpRunner::progress:
   * @step: the step id
   * @fraction: how much of the step is done, 0 to 1
   * @message: what it is doing, translated
   */
  signals[SIGNAL_PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_DOUBLE, G_TYPE_STRING);

  /**
   * SpRunner::request:
   * @step: the step id
   * @method: the HTTP method
   * @uri: the URI
   * @body: (nullable): the body
   */
  signals[SIGNAL_REQUEST] =
    g_signal_new ("request", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
}

static void
sp_runner_init (SpRunner *self)
{
  self->max_concurrency = 2;
}

/**
 * sp_runner_new:
 * @db_path: the workspace database
 * @executor: (nullable): performs the remote steps
 *
 * Returns: (transfer full): a runner
 */
SpRunner *
sp_runner_new (const char     *db_path,
               SpStepExecutor *executor)
{
  SpRunner *self;

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (!executor || SP_IS_STEP_EXECUTOR (executor), NULL);

  self = g_object_new (SP_TYPE_RUNNER, NULL);
  self->store = sp_run_store_new (db_path);
  self->executor = executor ? g_object_ref (executor) : NULL;
  return self;
}

guint
sp_runner_get_max_concurrency (SpRunner *self)
{
  g_return_val_if_fail (SP_IS_RUNNER (self), 1);
  return self->max_concurrency;
}

void
sp_runner_set_max_concurrency (SpRunner *self,
                               guint     max_concurrency)
{
  g_return_if_fail (SP_IS_RUNNER (self));

  max_concurrency = CLAMP (max_concurrency, 1, 16);
  if (self->max_concurrency == max_concurrency)
    return;

  self->max_concurrency = max_concurrency;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_CONCURRENCY]);
}

gboolean
sp_runner_get_dry_run (SpRunner *self)
{
  g_return_val_if_fail (SP_IS_RUNNER (self), FALSE);
  return self->dry_run;
}

void
sp_runner_set_dry_run (SpRunner *self,
                       gboolean  dry_run)
{
  g_return_if_fail (SP_IS_RUNNER (self));

  dry_run = !!dry_run;
  if (self->dry_run == dry_run)
    return;

  self->dry_run = dry_run;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRY_RUN]);
}

/* Campaigns with a run going on in this process (main thread only); other
 * processes are kept out by the claim in the database (prepare_job). */
static GHashTable *active_campaigns;

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  GError *error = NULL;

  g_hash_table_remove (active_campaigns, g_task_get_task_data (outer));
  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (outer, TRUE);
  else
    g_task_return_error (outer, error);
}

/* Returns the task a run works with, or NULL when the campaign is running
 * here already (the caller's callback gets SP_FLOW_ERROR_BUSY). The
 * caller's task completes once the run's does and the campaign is free. */
static GTask *
begin_run (SpRunner            *self,
           const char          *campaign_id,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data,
           gpointer             source_tag)
{
  g_autoptr(GTask) outer = g_task_new (self, cancellable, callback, user_data);
  GTask *inner;

  g_task_set_source_tag (outer, source_tag);
  if (active_campaigns == NULL)
    active_campaigns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!self->dry_run)
    {
      if (g_hash_table_contains (active_campaigns, campaign_id))
        {
          g_task_return_new_error (outer, SP_FLOW_ERROR, SP_FLOW_ERROR_BUSY,
                                   _("Campaign %s is already being executed by this process"),
                                   campaign_id);
          return NULL;
        }
      g_hash_table_add (active_campaigns, g_strdup (campaign_id));
    }
  g_task_set_task_data (outer, g_strdup (self->dry_run ? "" : campaign_id), g_free);

  inner = g_task_new (self, cancellable, run_done_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (inner, source_tag);
  return inner;
}

/**
 * sp_runner_run_async:
 * @campaign_id: the campaign's id
 * @stream: the stream to run (with %SP_RUN_FLAGS_CHAIN, the first one)
 *
 * Runs @stream for the campaign, continuing a stopped run of the same
 * stream when there is one. Signals are emitted on the calling thread's
 * main context, which must be the one this runner is used on.
 */
void
sp_runner_run_async (SpRunner            *self,
                     const char          *campaign_id,
                     SpStreamKind         stream,
                     SpRunFlags           flags,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RunState *state;

  g_return_if_fail (SP_IS_RUNNER (self));
  g_return_if_fail (campaign_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  if (!(task = begin_run (self, campaign_id, cancellable, callback, user_data, sp_runner_run_async)))
    return;

  state = g_new0 (RunState, 1);
  state->self = g_object_ref (self);
  state->campaign_id = g_strdup (campaign_id);
  state->flags = flags;
  g_task_set_task_data (task, state, run_state_free);

  start_stream (g_steal_pointer (&task), sp_stream_get (stream));
}

static const SpStream *
stream_of_step (const char *step_id)
{
  for (SpStreamKind kind = SP_STREAM_PLANNING; kind <= SP_STREAM_ENDING; kind++)
    if (sp_stream_find_step (sp_stream_get (kind), step_id) != NULL)
      return sp_stream_get (kind);
  return NULL;
}

static void
run_step_request (SpRunner            *self,
                  const char          *campaign_id,
                  const char          *retry_step,
                  const char          *skip_step,
                  SpRunFlags           flags,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data,
                  gpointer             source_tag)
{
  const char *step_id = retry_step ? retry_step : skip_step;
  const SpStream *stream = stream_of_step (step_id);
  g_autoptr(GTask) task = NULL;
  RunState *state;

  if (stream == NULL)
    {
      g_task_report_new_error (self, callback, user_data, source_tag, SP_FLOW_ERROR,
                               SP_FLOW_ERROR_NOT_FOUND, _("No stream has a step “%s”"), step_id);
      return;
    }
  if (!(task = begin_run (self, campaign_id, cancellable, callback, user_data, source_tag)))
    return;

  state = g_new0 (RunState, 1);
  state->self = g_object_ref (self);
  state->campaign_id = g_strdup (campaign_id);
  state->flags = flags | SP_RUN_FLAGS_RESUME_ONLY;
  state->retry_step = g_strdup (retry_step);
  state->skip_step = g_strdup (skip_step);
  g_task_set_task_data (task, state, run_state_free);

  start_stream (g_steal_pointer (&task), stream);
}

/**
 * sp_runner_retry_step_async:
 * @campaign_id: the campaign's id
 * @step_id: a step of the campaign's stopped run that failed ("price-list")
 * @flags: as for sp_runner_run_async(); %SP_RUN_FLAGS_RESUME_ONLY is implied
 *
 * Runs the failed step again and continues its stopped run from there, so
 * that a campaign that is `failed` goes on to `live` (or fails again with
 * the new reason). It is an error (%SP_FLOW_ERROR_ILLEGAL_STATE) when the
 * step has not failed, and %SP_FLOW_ERROR_NOT_FOUND when there is no
 * stopped run.
 */
void
sp_runner_retry_step_async (SpRunner            *self,
                            const char          *campaign_id,
                            const char          *step_id,
                            SpRunFlags           flags,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (SP_IS_RUNNER (self));
  g_return_if_fail (campaign_id != NULL);
  g_return_if_fail (step_id != NULL);

  run_step_request (self, campaign_id, step_id, NULL, flags, cancellable, callback, user_data,
                    sp_runner_retry_step_async);
}

gboolean
sp_runner_retry_step_finish (SpRunner      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sp_runner_skip_step_async:
 * @campaign_id: the campaign's id
 * @step_id: an optional step of the campaign's stopped run that failed
 * @flags: as for sp_runner_run_async(); %SP_RUN_FLAGS_RESUME_ONLY is implied
 *
 * Marks the failed optional step skipped (stored with its failure reason)
 * and continues its stopped run without it. A required step cannot be
 * skipped (%SP_FLOW_ERROR_ILLEGAL_STATE, nothing changes): retry it.
 */
void
sp_runner_skip_step_async (SpRunner            *self,
                           const char          *campaign_id,
                           const char          *step_id,
                           SpRunFlags           flags,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (SP_IS_RUNNER (self));
  g_return_if_fail (campaign_id != NULL);
  g_return_if_fail (step_id != NULL);

  run_step_request (self, campaign_id, NULL, step_id, flags, cancellable, callback, user_data,
                    sp_runner_skip_step_async);
}

gboolean
sp_runner_skip_step_finish (SpRunner      *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
sp_runner_run_finish (SpRunner      *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
