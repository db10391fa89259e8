/* sp-run-controller.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs a campaign's execution stream in the background with the flow
 * layer's SpRunner, against the configured commerce platform or, when none
 * is configured, the sandbox started in-process. It outlives the window
 * (the workspace owns it and the application is held while a run goes on)
 * and tells the pages what happens through its signals.
 */

#define G_LOG_DOMAIN "sp-run-controller"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-credentials.h"
#include "sp-http-client.h"
#include "sp-platform-config.h"
#include "sp-run-controller.h"
#include "sp-runner.h"
#include "sp-sandbox-server.h"
#include "sp-stream.h"

#define SANDBOX_TENANT    "stockdemo"
#define SANDBOX_CLIENT_ID "stock-promotion-demo"

typedef struct
{
  SpRunController    *self;        /* unowned; the controller outlives its runs */
  char               *campaign_id;
  SpPlatformConfig   *config;
  SpHttpClient       *client;
  SpEmporixConnector *connector;
  SpRunner           *runner;
} Run;

struct _SpRunController
{
  GObject          parent_instance;

  char            *db_path;
  GCancellable    *cancellable;
  GHashTable      *runs;       /* campaign id → Run */
  SpSandboxServer *sandbox;    /* started on first use when no platform is configured */
};

G_DEFINE_FINAL_TYPE (SpRunController, sp_run_controller, G_TYPE_OBJECT)

enum {
  STEP_CHANGED,
  PROGRESS,
  LOG,
  FINISHED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
run_free (Run *run)
{
  g_free (run->campaign_id);
  g_clear_pointer (&run->config, sp_platform_config_free);
  g_clear_object (&run->runner);
  g_clear_object (&run->connector);
  g_clear_object (&run->client);
  g_free (run);
}

static void
log_line (SpRunController *self,
          const char      *campaign_id,
          const char      *line)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%H:%M:%S");
  g_autofree char *text = g_strdup_printf ("%s  %s", stamp, line);

  g_signal_emit (self, signals [LOG], 0, campaign_id, text);
}

static void
finish_run (SpRunController *self,
            const char      *campaign_id,
            const GError    *error)
{
  GApplication *app = g_application_get_default ();
  g_autofree char *id = g_strdup (campaign_id);

  if (error != NULL)
    log_line (self, id, error->message);
  else
    log_line (self, id, _("The run is complete."));

  g_hash_table_remove (self->runs, id);
  g_signal_emit (self, signals [FINISHED], 0, id, error ? error->message : NULL);
  if (app != NULL)
    g_application_release (app);
}

static void
step_changed_cb (SpRunner   *runner,
                 const char *stream,
                 const char *step,
                 guint       state,
                 const char *reason,
                 Run        *run)
{
  const SpStream *def = sp_stream_lookup (stream);
  const SpStepDef *step_def = def ? sp_stream_find_step (def, step) : NULL;
  g_autofree char *line = NULL;

  /* Translators: a line of the execution log: step title, new state, reason */
  line = g_strdup_printf (_("%1$s: %2$s %3$s"), step_def ? _(step_def->title) : step,
                          sp_step_state_to_string (state), reason ? reason : "");
  log_line (run->self, run->campaign_id, line);
  g_signal_emit (run->self, signals [STEP_CHANGED], 0, run->campaign_id, step, state, reason);
}

static void
progress_cb (SpRunner   *runner,
             const char *step,
             double      fraction,
             const char *message,
             Run        *run)
{
  g_signal_emit (run->self, signals [PROGRESS], 0, run->campaign_id, step, fraction, message);
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SpRunController) self = user_data;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key, value;

  sp_runner_run_finish (SP_RUNNER (object), result, &error);

  g_hash_table_iter_init (&iter, self->runs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Run *run = value;

      if (run->runner == SP_RUNNER (object))
        {
          finish_run (self, run->campaign_id, error);
          return;
        }
    }
}

static void
start_runner (Run        *run,
              const char *secret,
              const char *content_token)
{
  SpRunController *self = run->self;

  run->connector = sp_platform_config_connect (run->config, run->client, secret, content_token);
  run->runner = sp_runner_new (self->db_path, SP_STEP_EXECUTOR (run->connector));
  g_signal_connect (run->runner, "step-changed", G_CALLBACK (step_changed_cb), run);
  g_signal_connect (run->runner, "progress", G_CALLBACK (progress_cb), run);
  sp_runner_run_async (run->runner, run->campaign_id, SP_STREAM_EXECUTION, SP_RUN_FLAGS_CHAIN,
                       self->cancellable, run_done_cb, g_object_ref (self));
}

typedef struct
{
  SpRunController *self;         /* owned */
  char            *campaign_id;
} Pending;

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->self);
  g_free (pending->campaign_id);
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pending, pending_free)

static Pending *
pending_new (SpRunController *self,
             const char      *campaign_id)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->self = g_object_ref (self);
  pending->campaign_id = g_strdup (campaign_id);

  return pending;
}

static void
secret_found_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Pending) pending = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = sp_credentials_lookup_finish (result, &error);
  Run *run = g_hash_table_lookup (pending->self->runs, pending->campaign_id);

  if (run == NULL)
    return;

  if (secret == NULL)
    finish_run (pending->self, pending->campaign_id, error);
  else
    start_runner (run, secret, NULL);
}

static void
config_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(SpRunStore) store = sp_run_store_new (task_data);
  SpPlatformConfig *config;
  GError *error = NULL;

  /* Its own connection, in this thread. */
  if (!(config = sp_platform_config_load (store, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, config, (GDestroyNotify)sp_platform_config_free);
}

static void
config_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Pending) pending = user_data;
  SpRunController *self = pending->self;
  Run *run = g_hash_table_lookup (self->runs, pending->campaign_id);
  g_autoptr(GError) error = NULL;

  if (run == NULL)
    return;

  if (!(run->config = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      finish_run (self, pending->campaign_id, error);
      return;
    }

  run->client = sp_http_client_new ();

  if (run->config->url == NULL)
    {
      g_autofree char *base = NULL;

      if (self->sandbox == NULL)
        {
          g_autofree char *dir = g_path_get_dirname (self->db_path);
          g_autofree char *state = g_build_filename (dir, "sandbox", NULL);

          self->sandbox = sp_sandbox_server_new (state);
          if (!sp_sandbox_server_start (self->sandbox, 0, &error))
            {
              g_clear_object (&self->sandbox);
              finish_run (self, pending->campaign_id, error);
              return;
            }
        }

      base = g_strdup (sp_sandbox_server_get_uri (self->sandbox));
      if (g_str_has_suffix (base, "/"))
        base[strlen (base) - 1] = '\0';
      run->config->url = g_strdup (base);
      run->config->tenant = g_strdup (SANDBOX_TENANT);
      run->config->client_id = g_strdup (SANDBOX_CLIENT_ID);
      run->config->content_url = g_strdup_printf ("%s/content", base);
      log_line (self, run->campaign_id, _("No commerce platform is configured; running against the local sandbox."));
      start_runner (run, sp_sandbox_server_get_client_secret (self->sandbox) ?: "sandbox", "sandbox");
      return;
    }

  {
    g_autofree char *account = sp_platform_config_account (run->config);

    sp_credentials_lookup_async ("platform", account, self->cancellable, secret_found_cb,
                                 pending_new (self, pending->campaign_id));
  }
}

/* Starts (or resumes) the campaign's execution stream, unless it runs already. */
void
sp_run_controller_start (SpRunController *self,
                         const char      *campaign_id)
{
  g_autoptr(GTask) task = NULL;
  GApplication *app = g_application_get_default ();
  Run *run;

  g_return_if_fail (SP_IS_RUN_CONTROLLER (self));
  g_return_if_fail (campaign_id != NULL);

  if (g_hash_table_contains (self->runs, campaign_id))
    return;

  run = g_new0 (Run, 1);
  run->self = self;
  run->campaign_id = g_strdup (campaign_id);
  g_hash_table_insert (self->runs, run->campaign_id, run);

  /* The run goes on when the window closes. */
  if (app != NULL)
    g_application_hold (app);
  log_line (self, campaign_id, _("Starting the execution stream…"));

  task = g_task_new (NULL, self->cancellable, config_loaded_cb, pending_new (self, campaign_id));
  g_task_set_task_data (task, g_strdup (self->db_path), g_free);
  g_task_run_in_thread (task, config_worker);
}

gboolean
sp_run_controller_is_running (SpRunController *self,
                              const char      *campaign_id)
{
  g_return_val_if_fail (SP_IS_RUN_CONTROLLER (self), FALSE);

  return campaign_id != NULL && g_hash_table_contains (self->runs, campaign_id);
}

static void
steps_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  char **args = task_data;   /* db path, campaign id, step to skip or NULL */
  g_autoptr(SpRunStore) store = sp_run_store_new (args[0]);
  g_autofree char *run_id = NULL;
  GPtrArray *steps;
  GError *error = NULL;

  run_id = sp_run_store_find_open_run (store, args[1], "execution", &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (run_id == NULL)
    {
      g_task_return_pointer (task, g_ptr_array_new_with_free_func ((GDestroyNotify)sp_run_step_record_free),
                             (GDestroyNotify)g_ptr_array_unref);
      return;
    }

  if (!(steps = sp_run_store_load_steps (store, run_id, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; args[2] != NULL && i < steps->len; i++)
    {
      SpRunStepRecord *record = g_ptr_array_index (steps, i);

      if (g_strcmp0 (record->step, args[2]) != 0)
        continue;
      g_free (record->state);
      record->state = g_strdup ("skipped");
      g_free (record->reason);
      record->reason = g_strdup (_("Skipped by the user"));
      if (!sp_run_store_save_step (store, run_id, record, &error))
        {
          g_ptr_array_unref (steps);
          g_task_return_error (task, error);
          return;
        }
    }

  g_task_return_pointer (task, steps, (GDestroyNotify)g_ptr_array_unref);
}

/**
 * sp_run_controller_load_steps_async:
 * @self: a #SpRunController
 * @campaign_id: the campaign
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the steps
 * @user_data: data for @callback
 *
 * Reads the steps of the campaign's open execution run (none when there is
 * no open run), off the main thread.
 */
void
sp_run_controller_load_steps_async (SpRunController     *self,
                                    const char          *campaign_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  char **args = g_new0 (char *, 4);

  args[0] = g_strdup (self->db_path);
  args[1] = g_strdup (campaign_id);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_run_controller_load_steps_async);
  g_task_set_task_data (task, args, (GDestroyNotify)g_strfreev);
  g_task_run_in_thread (task, steps_worker);
}

/* Returns: (transfer full) (element-type SpRunStepRecord): the steps */
GPtrArray *
sp_run_controller_load_steps_finish (SpRunController  *self,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
skipped_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Pending) pending = user_data;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GError) error = NULL;

  if (!(steps = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      log_line (pending->self, pending->campaign_id, error->message);
      return;
    }

  sp_run_controller_start (pending->self, pending->campaign_id);
}

/* Marks a failed optional step skipped and resumes the run past it. */
void
sp_run_controller_skip (SpRunController *self,
                        const char      *campaign_id,
                        const char      *step)
{
  g_autoptr(GTask) task = NULL;
  char **args = g_new0 (char *, 4);

  g_return_if_fail (SP_IS_RUN_CONTROLLER (self));

  args[0] = g_strdup (self->db_path);
  args[1] = g_strdup (campaign_id);
  args[2] = g_strdup (step);
  task = g_task_new (NULL, self->cancellable, skipped_cb, pending_new (self, campaign_id));
  g_task_set_task_data (task, args, (GDestroyNotify)g_strfreev);
  g_task_run_in_thread (task, steps_worker);
}

static void
sp_run_controller_dispose (GObject *object)
{
  SpRunController *self = (SpRunController *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->runs, g_hash_table_unref);
  if (self->sandbox != NULL)
    sp_sandbox_server_stop (self->sandbox);
  g_clear_object (&self->sandbox);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (sp_run_controller_parent_class)->dispose (object);
}

static void
sp_run_controller_class_init (SpRunControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_run_controller_dispose;

  /**
   * SpRunController::step-changed:
   * @campaign_id: the campaign
   * @step: the step id
   * @state: the #SpStepState
   * @reason: why it was skipped or failed
   */
  signals [STEP_CHANGED] =
    g_signal_new ("step-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_STRING);
  signals [PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_DOUBLE, G_TYPE_STRING);
  signals [LOG] =
    g_signal_new ("log", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  /**
   * SpRunController::finished:
   * @campaign_id: the campaign
   * @error_message: (nullable): why the run stopped, or %NULL when it completed
   */
  signals [FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
sp_run_controller_init (SpRunController *self)
{
  self->cancellable = g_cancellable_new ();
  self->runs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)run_free);
}

SpRunController *
sp_run_controller_new (const char *db_path)
{
  SpRunController *self = g_object_new (SP_TYPE_RUN_CONTROLLER, NULL);

  self->db_path = g_strdup (db_path);

  return self;
}
