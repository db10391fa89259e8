/* sp-step-run.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-flow"

#include "config.h"

#include <json-glib/json-glib.h>

#include "sp-step-run.h"

struct _SpStepRun
{
  GObject           parent_instance;

  SpRunStore       *store;        /* owned */
  char             *run_id;
  const SpStream   *stream;       /* static data */
  const SpStepDef  *def;          /* static data */
  SpRunInput       *input;        /* owned reference */
  char             *idempotency_key;
  char             *reason;
  SpStepState       state;
  guint             attempts;
  GPtrArray        *remote_ids;   /* (element-type utf8), in order */
  GHashTable       *remote_set;   /* borrowed keys from remote_ids */
  gboolean          dry_run;
  GString          *notes;        /* owned, nullable: what a done step reports */
};

G_DEFINE_FINAL_TYPE (SpStepRun, sp_step_run, G_TYPE_OBJECT)

enum {
  SIGNAL_PROGRESS,
  SIGNAL_REQUEST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
sp_step_run_finalize (GObject *object)
{
  SpStepRun *self = (SpStepRun *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->run_id, g_free);
  g_clear_pointer (&self->input, sp_run_input_unref);
  g_clear_pointer (&self->idempotency_key, g_free);
  g_clear_pointer (&self->reason, g_free);
  if (self->notes != NULL)
    g_string_free (self->notes, TRUE);
  g_clear_pointer (&self->remote_set, g_hash_table_unref);
  g_clear_pointer (&self->remote_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_step_run_parent_class)->finalize (object);
}

static void
sp_step_run_class_init (SpStepRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_step_run_finalize;

  /**
   * SpStepRun::progress:
   * @fraction: how much of the step is done, 0 to 1
   * @message: what the step is doing, translated
   */
  signals[SIGNAL_PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_STRING);

  /**
   * SpStepRun::request:
   * @method: the HTTP method
   * @uri: the URI, without credentials
   * @body: (nullable): the request body
   *
   * Emitted for every request the step sends or, in a dry run, would send.
   */
  signals[SIGNAL_REQUEST] =
    g_signal_new ("request", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
}

static void
sp_step_run_init (SpStepRun *self)
{
  self->remote_ids = g_ptr_array_new_with_free_func (g_free);
  self->remote_set = g_hash_table_new (g_str_hash, g_str_equal);
  self->state = SP_STEP_PENDING;
  self->reason = g_strdup ("");
}

/**
 * sp_step_run_new:
 * @store: (nullable): where checkpoints go; %NULL in a dry run
 * @record: (nullable): the stored state to resume from
 *
 * Returns: (transfer full): a new step run
 */
SpStepRun *
sp_step_run_new (SpRunStore            *store,
                 const char            *run_id,
                 const SpStream        *stream,
                 const SpStepDef       *def,
                 SpRunInput            *input,
                 const SpRunStepRecord *record,
                 gboolean               dry_run)
{
  SpStepRun *self;

  g_return_val_if_fail (stream != NULL && def != NULL && input != NULL, NULL);

  self = g_object_new (SP_TYPE_STEP_RUN, NULL);
  self->store = store ? g_object_ref (store) : NULL;
  self->run_id = g_strdup (run_id);
  self->stream = stream;
  self->def = def;
  self->input = sp_run_input_ref (input);
  self->dry_run = dry_run || store == NULL;
  self->idempotency_key = sp_stream_idempotency_key (stream, input->campaign_id, def->id);

  if (record != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root;

      self->state = sp_step_state_from_string (record->state);
      self->attempts = record->attempts;
      g_free (self->reason);
      self->reason = g_strdup (record->reason ? record->reason : "");

      /* The stored ids are our own JSON; anything else is ignored. */
      if (record->remote_ids_json != NULL &&
          json_parser_load_from_data (parser, record->remote_ids_json, -1, NULL) &&
          (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
        {
          JsonArray *array = json_node_get_array (root);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *node = json_array_get_element (array, i);

              if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
                sp_step_run_add_remote_id (self, json_node_get_string (node));
            }
        }
    }

  return self;
}

const char *
sp_step_run_get_step_id (SpStepRun *self)
{
  g_return_val_if_fail (SP_IS_STEP_RUN (self), NULL);
  return self->def->id;
}

const SpStepDef *
sp_step_run_get_def (SpStepRun *self)
{
  g_return_val_if_fail (SP_IS_STEP_RUN (self), NULL);
  return self->def;
}

const SpStream *
sp_step_run_get_stream (SpStepRun *self)
{
  g_return_val_if_fail (SP_IS_STEP_RUN (self), NULL);
  return self->stream;
}

/**
 * sp_step_run_get_input:
 *
 * Returns: (transfer none): the campaign snapshot, read-only
 */
SpRunInput *
sp_step_run_get_input (SpStepRun *self)
{
  g_return_val_if_fail (SP_IS_STEP_RUN (self), NULL);
  return self->input;
}

const char *
sp_step_run_get_idempotency_key (SpStepRun *self)
{
  g_return_val_if_fail (SP_IS_STEP_RUN (self), NULL);
  return self->idempotency_key;
}

gboolean
sp_step_run_get_dry_run (SpStepRun *self)
{
  g_return_val_if_fail (SP_IS_STEP_RUN (self), TRUE);
  return self->dry_run;
}

SpStepState
sp_step_run_get_state (SpStepRun *self)
{
  g_return_val_if_fail (SP_IS_STEP_RUN (self), SP_STEP_PENDING);
  return self->state;
}

void
sp_step_run_set_state (SpStepRun   *self,
                       SpStepState  state,
                       const char  *reason)
{
  g_return_if_fail (SP_IS_STEP_RUN (self));

  char *copy = g_strdup (reason ? reason : "");   /* @reason may be our own */

  self->state = state;
  g_free (self->reason);
  self->reason = copy;
}

/**
 * sp_step_run_add_note:
 * @self: a #SpStepRun
 * @note: what the step did not do, or did differently, and why
 *
 * Adds a note that the runner stores as the reason of the step once it is
 * done (a done step otherwise has no reason). Notes of one attempt only.
 */
void
sp_step_run_add_note (SpStepRun  *self,
                      const char *note)
{
  g_return_if_fail (SP_IS_STEP_RUN (self));
  g_return_if_fail (note != NULL);

  if (self->notes == NULL)
    self->notes = g_string_new (NULL);
  if (self->notes->len > 0)
    g_string_append (self->notes, "; ");
  g_string_append (self->notes, note);
}

/**
 * sp_step_run_get_notes:
 * @self: a #SpStepRun
 *
 * Returns: the notes added so far joined by "; ", or "" (transfer none)
 */
const char *
sp_step_run_get_notes (SpStepRun *self)
{
  g_return_val_if_fail (SP_IS_STEP_RUN (self), NULL);
  return self->notes != NULL ? self->notes->str : "";
}

const char *
sp_step_run_get_reason (SpStepRun *self)
{
  g_return_val_if_fail (SP_IS_STEP_RUN (self), NULL);
  return self->reason;
}

guint
sp_step_run_get_attempts (SpStepRun *self)
{
  g_return_val_if_fail (SP_IS_STEP_RUN (self), 0);
  return self->attempts;
}

void
sp_step_run_add_attempt (SpStepRun *self)
{
  g_return_if_fail (SP_IS_STEP_RUN (self));
  self->attempts++;
  if (self->notes != NULL)
    g_string_truncate (self->notes, 0);
}

void
sp_step_run_add_remote_id (SpStepRun  *self,
                           const char *remote_id)
{
  char *copy;

  g_return_if_fail (SP_IS_STEP_RUN (self));
  g_return_if_fail (remote_id != NULL);

  if (g_hash_table_contains (self->remote_set, remote_id))
    return;

  copy = g_strdup (remote_id);
  g_ptr_array_add (self->remote_ids, copy);
  g_hash_table_add (self->remote_set, copy);
}

gboolean
sp_step_run_has_remote_id (SpStepRun  *self,
                           const char *remote_id)
{
  g_return_val_if_fail (SP_IS_STEP_RUN (self), FALSE);
  return g_hash_table_contains (self->remote_set, remote_id);
}

guint
sp_step_run_get_n_remote_ids (SpStepRun *self)
{
  g_return_val_if_fail (SP_IS_STEP_RUN (self), 0);
  return self->remote_ids->len;
}

static char *
remote_ids_to_json (SpStepRun *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < self->remote_ids->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->remote_ids, i));
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/**
 * sp_step_run_dup_record:
 *
 * Returns: (transfer full): the step's state as stored in run_steps
 */
SpRunStepRecord *
sp_step_run_dup_record (SpStepRun *self)
{
  SpRunStepRecord *record;

  g_return_val_if_fail (SP_IS_STEP_RUN (self), NULL);

  record = sp_run_step_record_new (self->def->id, sp_step_state_to_string (self->state),
                                   self->idempotency_key);
  g_free (record->reason);
  record->reason = g_strdup (self->reason);
  g_free (record->remote_ids_json);
  record->remote_ids_json = remote_ids_to_json (self);
  record->attempts = self->attempts;
  return record;
}

void
sp_step_run_report_progress (SpStepRun  *self,
                             double      fraction,
                             const char *message)
{
  g_return_if_fail (SP_IS_STEP_RUN (self));

  g_signal_emit (self, signals[SIGNAL_PROGRESS], 0, CLAMP (fraction, 0.0, 1.0), message);
}

void
sp_step_run_report_request (SpStepRun  *self,
                            const char *method,
                            const char *uri,
                            const char *body)
{
  g_return_if_fail (SP_IS_STEP_RUN (self));

  g_signal_emit (self, signals[SIGNAL_REQUEST], 0, method, uri, body);
}

static void
checkpoint_saved_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!sp_run_store_save_step_finish (SP_RUN_STORE (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * sp_step_run_checkpoint_async:
 *
 * Stores the step's current state, remote ids and attempts. Executors call
 * it before and after each request that changes something remotely.
 */
void
sp_step_run_checkpoint_async (SpStepRun           *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SpRunStepRecord) record = NULL;

  g_return_if_fail (SP_IS_STEP_RUN (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_step_run_checkpoint_async);

  if (self->dry_run)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Not cancellable on purpose: a request may already have been sent, and
   * its outcome must be on disk before anything else happens. */
  record = sp_step_run_dup_record (self);
  sp_run_store_save_step_async (self->store, self->run_id, record, checkpoint_saved_cb, g_steal_pointer (&task));
}

gboolean
sp_step_run_checkpoint_finish (SpStepRun     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
