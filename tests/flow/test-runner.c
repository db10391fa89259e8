/* test-runner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The runner against a fake executor on a real workspace (the demo): step
 * order, stored states, failures of required and optional steps, resume,
 * and the approval gate.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sp-db-private.h"

#include "sp-demo-workspace.h"
#include "sp-flow-error.h"
#include "sp-run-store.h"
#include "sp-runner.h"

/* ---- A fake executor -------------------------------------------------------- */

#define TEST_TYPE_EXECUTOR (test_executor_get_type ())
G_DECLARE_FINAL_TYPE (TestExecutor, test_executor, TEST, EXECUTOR, GObject)

struct _TestExecutor
{
  GObject     parent_instance;
  GPtrArray  *started;    /* step ids, in start order */
  GPtrArray  *finished;   /* step ids, in finish order */
  GHashTable *failures;   /* step id → failures left */
  guint       running;
  guint       max_running;
};

static void executor_iface_init (SpStepExecutorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestExecutor, test_executor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SP_TYPE_STEP_EXECUTOR, executor_iface_init))

static gboolean
complete_cb (gpointer user_data)
{
  GTask *task = user_data;
  TestExecutor *self = g_task_get_source_object (task);
  SpStepRun *step = g_task_get_task_data (task);
  const char *id = sp_step_run_get_step_id (step);
  guint left = GPOINTER_TO_UINT (g_hash_table_lookup (self->failures, id));

  self->running--;
  g_ptr_array_add (self->finished, g_strdup (id));
  if (left > 0)
    {
      g_hash_table_insert (self->failures, g_strdup (id), GUINT_TO_POINTER (left - 1));
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "injected failure of %s", id);
    }
  else
    {
      g_autofree char *remote = g_strdup_printf ("remote-%s", id);

      sp_step_run_add_remote_id (step, remote);
      sp_step_run_report_progress (step, 0.5, "half way");
      g_task_return_boolean (task, TRUE);
    }

  return G_SOURCE_REMOVE;
}

static void
fake_execute_async (SpStepExecutor      *executor,
                    SpStepRun           *step,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  TestExecutor *self = TEST_EXECUTOR (executor);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_task_data (task, g_object_ref (step), g_object_unref);
  g_ptr_array_add (self->started, g_strdup (sp_step_run_get_step_id (step)));
  self->running++;
  self->max_running = MAX (self->max_running, self->running);
  g_timeout_add_full (G_PRIORITY_DEFAULT, 60, complete_cb, task, g_object_unref);
}

static gboolean
fake_execute_finish (SpStepExecutor  *executor,
                     GAsyncResult    *result,
                     GError         **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
executor_iface_init (SpStepExecutorInterface *iface)
{
  iface->execute_async = fake_execute_async;
  iface->execute_finish = fake_execute_finish;
}

static void
test_executor_finalize (GObject *object)
{
  TestExecutor *self = TEST_EXECUTOR (object);

  g_ptr_array_unref (self->started);
  g_ptr_array_unref (self->finished);
  g_hash_table_unref (self->failures);
  G_OBJECT_CLASS (test_executor_parent_class)->finalize (object);
}

static void
test_executor_class_init (TestExecutorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_executor_finalize;
}

static void
test_executor_init (TestExecutor *self)
{
  self->started = g_ptr_array_new_with_free_func (g_free);
  self->finished = g_ptr_array_new_with_free_func (g_free);
  self->failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static gint
index_of (GPtrArray  *array,
          const char *id)
{
  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (g_ptr_array_index (array, i), id))
      return i;
  return -1;
}

static guint
count_of (GPtrArray  *array,
          const char *id)
{
  guint n = 0;

  for (guint i = 0; i < array->len; i++)
    n += g_str_equal (g_ptr_array_index (array, i), id);
  return n;
}

/* ---- Fixture: a demo workspace in a temporary folder ------------------------ */

typedef struct
{
  char         *dir;
  char         *db_path;
  SpRunStore   *store;
  TestExecutor *executor;
  SpRunner     *runner;
  guint         n_changes;
  guint         n_progress;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  const char *template_db = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  /* A copy of the demo workspace written once by main (). */
  fixture->dir = g_dir_make_tmp ("sp-runner-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "ws.db", NULL);
  g_file_get_contents (template_db, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (fixture->db_path, contents, len, &error);
  g_assert_no_error (error);

  fixture->store = sp_run_store_new (fixture->db_path);
  fixture->executor = g_object_new (TEST_TYPE_EXECUTOR, NULL);
  fixture->runner = sp_runner_new (fixture->db_path, SP_STEP_EXECUTOR (fixture->executor));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  const char *name;

  /* Worker threads drop their task (whose source is the runner) just after
   * the result is delivered; wait for them before checking for leaks. */
  while ((G_OBJECT (fixture->runner)->ref_count > 1 || G_OBJECT (fixture->store)->ref_count > 1) &&
         g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  g_assert_finalize_object (fixture->runner);
  g_assert_finalize_object (fixture->executor);
  g_assert_finalize_object (fixture->store);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static char *
campaign_id (Fixture    *fixture,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  char *id = sp_run_store_resolve_campaign (fixture->store, name, &error);

  g_assert_no_error (error);
  return id;
}

static char *
status_of (Fixture    *fixture,
           const char *id)
{
  g_autoptr(GError) error = NULL;
  char *status = sp_run_store_get_status (fixture->store, id, &error);

  g_assert_no_error (error);
  return status;
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static gboolean
run_stream (Fixture       *fixture,
            const char    *id,
            SpStreamKind   kind,
            SpRunFlags     flags,
            GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sp_runner_run_async (fixture->runner, id, kind, flags, NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return sp_runner_run_finish (fixture->runner, result, error);
}

static void
step_changed_cb (SpRunner   *runner,
                 const char *stream,
                 const char *step,
                 guint       state,
                 const char *reason,
                 Fixture    *fixture)
{
  fixture->n_changes++;
}

static void
progress_cb (SpRunner   *runner,
             const char *step,
             double      fraction,
             const char *message,
             Fixture    *fixture)
{
  g_assert_cmpfloat (fraction, >=, 0.0);
  g_assert_cmpfloat (fraction, <=, 1.0);
  fixture->n_progress++;
}

static SpRunStepRecord *
stored_step (Fixture    *fixture,
             const char *id,
             const char *stream,
             const char *step)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *run_id = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(sqlite3) db = NULL;

  /* The newest run of the stream, done or not. */
  run_id = sp_run_store_find_open_run (fixture->store, id, stream, &error);
  g_assert_no_error (error);
  if (run_id == NULL)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id FROM runs WHERE campaign_id = ?1 AND stream = ?2 "
                                           "ORDER BY started_at DESC, rowid DESC LIMIT 1", -1, &stmt, NULL),
                       ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, stream, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      run_id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
    }

  records = sp_run_store_load_steps (fixture->store, run_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < records->len; i++)
    {
      SpRunStepRecord *record = g_ptr_array_index (records, i);

      if (g_str_equal (record->step, step))
        return sp_run_step_record_copy (record);
    }

  g_assert_not_reached ();
}

/* ---- Tests ------------------------------------------------------------------ */

static void
test_execution_live (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *id = campaign_id (fixture, "Winter Power Tools Clearance");
  g_autofree char *status = NULL;
  g_autoptr(SpRunStepRecord) price_list = NULL;
  g_autoptr(GError) error = NULL;
  const SpStream *stream = sp_stream_get (SP_STREAM_EXECUTION);
  GPtrArray *started = fixture->executor->started;
  GPtrArray *finished = fixture->executor->finished;

  g_signal_connect (fixture->runner, "step-changed", G_CALLBACK (step_changed_cb), fixture);
  g_signal_connect (fixture->runner, "progress", G_CALLBACK (progress_cb), fixture);
  sp_runner_set_max_concurrency (fixture->runner, 2);

  g_assert_true (run_stream (fixture, id, SP_STREAM_EXECUTION, SP_RUN_FLAGS_NONE, &error));
  g_assert_no_error (error);

  status = status_of (fixture, id);
  g_assert_cmpstr (status, ==, "live");

  /* Every applicable step ran once, each after the steps it depends on. */
  for (guint i = 0; i < stream->n_steps; i++)
    {
      const SpStepDef *def = &stream->steps[i];

      g_assert_cmpuint (count_of (started, def->id), ==, 1);
      for (guint j = 0; def->after[j] != NULL; j++)
        g_assert_cmpint (index_of (finished, def->after[j]), <, index_of (finished, def->id));
    }
  g_assert_cmpuint (fixture->executor->max_running, <=, 2);
  g_assert_cmpuint (fixture->executor->max_running, >=, 2);   /* independent steps overlapped */
  g_assert_cmpuint (fixture->n_changes, >=, 2 * stream->n_steps);
  g_assert_cmpuint (fixture->n_progress, >=, stream->n_steps);

  price_list = stored_step (fixture, id, "execution", "price-list");
  g_assert_cmpstr (price_list->state, ==, "done");
  g_assert_cmpuint (price_list->attempts, ==, 1);
  g_assert_cmpstr (price_list->remote_ids_json, ==, "[\"remote-price-list\"]");
  g_assert_true (g_str_has_suffix (price_list->idempotency_key, ":execution:price-list"));
}

static void
test_required_failure_then_resume (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autofree char *id = campaign_id (fixture, "Winter Power Tools Clearance");
  g_autofree char *failed = NULL;
  g_autofree char *live = NULL;
  g_autoptr(SpRunStepRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (fixture->executor->failures, g_strdup ("price-list"), GUINT_TO_POINTER (1));
  sp_runner_set_max_concurrency (fixture->runner, 1);

  g_assert_false (run_stream (fixture, id, SP_STREAM_EXECUTION, SP_RUN_FLAGS_NONE, &error));
  g_assert_error (error, SP_FLOW_ERROR, SP_FLOW_ERROR_STEP_FAILED);
  g_assert_nonnull (strstr (error->message, "price-list"));
  g_assert_nonnull (strstr (error->message, "injected failure"));
  g_clear_error (&error);

  failed = status_of (fixture, id);
  g_assert_cmpstr (failed, ==, "failed");
  record = stored_step (fixture, id, "execution", "price-list");
  g_assert_cmpstr (record->state, ==, "failed");
  g_assert_nonnull (strstr (record->reason, "injected failure"));
  /* Coupons ran before the failure and are done for good. */
  g_assert_cmpuint (count_of (fixture->executor->started, "coupons"), ==, 1);
  g_assert_cmpuint (count_of (fixture->executor->started, "go-live"), ==, 0);

  /* A resume only-run continues the stopped run. */
  g_assert_true (run_stream (fixture, id, SP_STREAM_EXECUTION, SP_RUN_FLAGS_RESUME_ONLY, &error));
  g_assert_no_error (error);
  live = status_of (fixture, id);
  g_assert_cmpstr (live, ==, "live");
  g_assert_cmpuint (count_of (fixture->executor->started, "coupons"), ==, 1);
  g_assert_cmpuint (count_of (fixture->executor->started, "price-list"), ==, 2);
  g_assert_cmpuint (count_of (fixture->executor->started, "go-live"), ==, 1);

  g_clear_pointer (&record, sp_run_step_record_free);
  record = stored_step (fixture, id, "execution", "price-list");
  g_assert_cmpstr (record->state, ==, "done");
  g_assert_cmpuint (record->attempts, ==, 2);

  /* Nothing is left to resume. */
  g_assert_false (run_stream (fixture, id, SP_STREAM_EXECUTION, SP_RUN_FLAGS_RESUME_ONLY, &error));
  g_assert_error (error, SP_FLOW_ERROR, SP_FLOW_ERROR_ILLEGAL_STATE);
}

static void
test_optional_failure_skipped (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autofree char *id = campaign_id (fixture, "Winter Power Tools Clearance");
  g_autofree char *status = NULL;
  g_autoptr(SpRunStepRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (fixture->executor->failures, g_strdup ("boosts"), GUINT_TO_POINTER (10));

  g_assert_true (run_stream (fixture, id, SP_STREAM_EXECUTION, SP_RUN_FLAGS_NONE, &error));
  g_assert_no_error (error);
  status = status_of (fixture, id);
  g_assert_cmpstr (status, ==, "live");

  /* Tried twice, then skipped with the reason; its dependants still ran. */
  g_assert_cmpuint (count_of (fixture->executor->started, "boosts"), ==, 2);
  g_assert_cmpuint (count_of (fixture->executor->started, "imagery"), ==, 1);
  record = stored_step (fixture, id, "execution", "boosts");
  g_assert_cmpstr (record->state, ==, "skipped");
  g_assert_nonnull (strstr (record->reason, "injected failure of boosts"));
}

static gboolean
run_request (Fixture     *fixture,
             const char  *id,
             const char  *step,
             gboolean     retry,
             SpRunFlags   flags,
             GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  if (retry)
    sp_runner_retry_step_async (fixture->runner, id, step, flags, NULL, done_cb, &result);
  else
    sp_runner_skip_step_async (fixture->runner, id, step, flags, NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return retry ? sp_runner_retry_step_finish (fixture->runner, result, error)
               : sp_runner_skip_step_finish (fixture->runner, result, error);
}

/* A failed required step: skipping it is refused and changes nothing;
 * retrying it (only it: a done step cannot be "retried") takes the
 * campaign from failed to live. */
static void
test_retry_failed_step (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *id = campaign_id (fixture, "Winter Power Tools Clearance");
  g_autofree char *status = NULL;
  g_autofree char *still = NULL;
  g_autofree char *live = NULL;
  g_autoptr(SpRunStepRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (fixture->executor->failures, g_strdup ("price-list"), GUINT_TO_POINTER (1));
  sp_runner_set_max_concurrency (fixture->runner, 1);
  g_assert_false (run_stream (fixture, id, SP_STREAM_EXECUTION, SP_RUN_FLAGS_NONE, &error));
  g_assert_error (error, SP_FLOW_ERROR, SP_FLOW_ERROR_STEP_FAILED);
  g_clear_error (&error);
  status = status_of (fixture, id);
  g_assert_cmpstr (status, ==, "failed");

  g_assert_false (run_request (fixture, id, "price-list", FALSE, SP_RUN_FLAGS_NONE, &error));
  g_assert_error (error, SP_FLOW_ERROR, SP_FLOW_ERROR_ILLEGAL_STATE);
  g_assert_nonnull (strstr (error->message, "required"));
  g_clear_error (&error);
  g_assert_false (run_request (fixture, id, "coupons", TRUE, SP_RUN_FLAGS_NONE, &error));
  g_assert_error (error, SP_FLOW_ERROR, SP_FLOW_ERROR_ILLEGAL_STATE);
  g_assert_nonnull (strstr (error->message, "has not failed"));
  g_clear_error (&error);
  g_assert_false (run_request (fixture, id, "no-such-step", TRUE, SP_RUN_FLAGS_NONE, &error));
  g_assert_error (error, SP_FLOW_ERROR, SP_FLOW_ERROR_NOT_FOUND);
  g_clear_error (&error);

  still = status_of (fixture, id);
  g_assert_cmpstr (still, ==, "failed");
  record = stored_step (fixture, id, "execution", "price-list");
  g_assert_cmpstr (record->state, ==, "failed");
  g_assert_cmpuint (count_of (fixture->executor->started, "price-list"), ==, 1);

  g_assert_true (run_request (fixture, id, "price-list", TRUE, SP_RUN_FLAGS_NONE, &error));
  g_assert_no_error (error);
  live = status_of (fixture, id);
  g_assert_cmpstr (live, ==, "live");
  g_assert_cmpuint (count_of (fixture->executor->started, "price-list"), ==, 2);
  g_assert_cmpuint (count_of (fixture->executor->started, "coupons"), ==, 1);
  g_assert_cmpuint (count_of (fixture->executor->started, "go-live"), ==, 1);
  g_clear_pointer (&record, sp_run_step_record_free);
  record = stored_step (fixture, id, "execution", "price-list");
  g_assert_cmpstr (record->state, ==, "done");

  /* Nothing failed any more. */
  g_assert_false (run_request (fixture, id, "price-list", TRUE, SP_RUN_FLAGS_NONE, &error));
  g_assert_nonnull (error);
}

/* With HOLD_FAILED a failing optional step stops the run for a person to
 * decide; skipping it takes the campaign live without it. */
static void
test_skip_failed_optional_step (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autofree char *id = campaign_id (fixture, "Winter Power Tools Clearance");
  g_autofree char *status = NULL;
  g_autofree char *live = NULL;
  g_autoptr(SpRunStepRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (fixture->executor->failures, g_strdup ("boosts"), GUINT_TO_POINTER (10));
  g_assert_false (run_stream (fixture, id, SP_STREAM_EXECUTION, SP_RUN_FLAGS_HOLD_FAILED, &error));
  g_assert_error (error, SP_FLOW_ERROR, SP_FLOW_ERROR_STEP_FAILED);
  g_assert_nonnull (strstr (error->message, "boosts"));
  g_clear_error (&error);
  status = status_of (fixture, id);
  g_assert_cmpstr (status, ==, "failed");
  record = stored_step (fixture, id, "execution", "boosts");
  g_assert_cmpstr (record->state, ==, "failed");
  g_assert_cmpuint (count_of (fixture->executor->started, "imagery"), ==, 0);

  g_assert_true (run_request (fixture, id, "boosts", FALSE, SP_RUN_FLAGS_HOLD_FAILED, &error));
  g_assert_no_error (error);
  live = status_of (fixture, id);
  g_assert_cmpstr (live, ==, "live");
  g_assert_cmpuint (count_of (fixture->executor->started, "boosts"), ==, 2);
  g_assert_cmpuint (count_of (fixture->executor->started, "imagery"), ==, 1);
  g_clear_pointer (&record, sp_run_step_record_free);
  record = stored_step (fixture, id, "execution", "boosts");
  g_assert_cmpstr (record->state, ==, "skipped");
  g_assert_nonnull (strstr (record->reason, "skipped on request"));
  g_assert_nonnull (strstr (record->reason, "injected failure of boosts"));
}

static gint64
count_rows (Fixture    *fixture,
            const char *sql,
            const char *id)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* A campaign opened by an ERP signal has no scope and no prices: the
 * planning stream's clearance-plan step drafts them with the planner. */
static void
test_planning_drafts_plan (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *id = campaign_id (fixture, "Plumbing Valves Overstock");
  g_autofree char *status = NULL;
  g_autoptr(SpRunStepRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3) db = NULL;
  char *sql;
  static const char entries_sql[] =
    "SELECT count(*) FROM price_list_entries e JOIN price_lists l ON l.id = e.price_list_id "
    "WHERE l.campaign_id = ?1";

  g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
  sql = sqlite3_mprintf ("DELETE FROM price_list_entries WHERE price_list_id IN "
                         "(SELECT id FROM price_lists WHERE campaign_id = '%q'); "
                         "DELETE FROM campaign_scope WHERE campaign_id = '%q';", id, id);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_free (sql);
  g_assert_cmpint (count_rows (fixture, entries_sql, id), ==, 0);

  g_assert_true (run_stream (fixture, id, SP_STREAM_PLANNING, SP_RUN_FLAGS_NONE, &error));
  g_assert_no_error (error);
  status = status_of (fixture, id);
  g_assert_cmpstr (status, ==, "planned");
  record = stored_step (fixture, id, "planning", "clearance-plan");
  g_assert_cmpstr (record->state, ==, "done");
  g_assert_cmpint (count_rows (fixture, entries_sql, id), >, 0);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM price_list_entries e JOIN price_lists l "
                               "ON l.id = e.price_list_id WHERE l.campaign_id = ?1 "
                               "AND (e.new_price <= 0 OR e.new_price > e.old_price)", id), ==, 0);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM campaign_scope WHERE campaign_id = ?1", id),
                   >, 0);
}

static void
put_claim (Fixture    *fixture,
           const char *id,
           guint       pid,
           gint64      when)
{
  g_autoptr(sqlite3) db = NULL;
  char *sql;

  g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
  sql = sqlite3_mprintf ("INSERT OR REPLACE INTO settings (key, value) VALUES ('run-lock:%q', '%u %q %lld')",
                         id, pid, g_get_host_name (), (long long)when);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_free (sql);
}

/* Another live process running the campaign stops a second run at once;
 * a claim left by a process that is gone does not. */
static void
test_claimed_by_other_process (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autofree char *id = campaign_id (fixture, "Winter Power Tools Clearance");
  g_autofree char *status = NULL;
  g_autofree char *live = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  /* Process 1 is always there. */
  put_claim (fixture, id, 1, now);
  g_assert_false (run_stream (fixture, id, SP_STREAM_EXECUTION, SP_RUN_FLAGS_NONE, &error));
  g_assert_error (error, SP_FLOW_ERROR, SP_FLOW_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "already being executed by process 1"));
  g_clear_error (&error);
  g_assert_cmpuint (fixture->executor->started->len, ==, 0);
  status = status_of (fixture, id);
  g_assert_cmpstr (status, ==, "approved");

  /* A process id that does not exist: the claim is stale. */
  put_claim (fixture, id, G_MAXINT - 1, now);
  g_assert_true (run_stream (fixture, id, SP_STREAM_EXECUTION, SP_RUN_FLAGS_NONE, &error));
  g_assert_no_error (error);
  live = status_of (fixture, id);
  g_assert_cmpstr (live, ==, "live");

  /* In this process, a second run waits for nothing either: it fails at
   * once while the first one goes on to live. */
  {
    g_autoptr(GAsyncResult) first = NULL;
    g_autoptr(GAsyncResult) second = NULL;

    sp_runner_run_async (fixture->runner, id, SP_STREAM_ENDING, SP_RUN_FLAGS_NONE, NULL, done_cb, &first);
    sp_runner_run_async (fixture->runner, id, SP_STREAM_ENDING, SP_RUN_FLAGS_NONE, NULL, done_cb, &second);
    while (first == NULL || second == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (sp_runner_run_finish (fixture->runner, second, &error));
    g_assert_error (error, SP_FLOW_ERROR, SP_FLOW_ERROR_BUSY);
    g_clear_error (&error);
    g_assert_true (sp_runner_run_finish (fixture->runner, first, &error));
    g_assert_no_error (error);
    g_clear_pointer (&live, g_free);
    live = status_of (fixture, id);
    g_assert_cmpstr (live, ==, "ended");
  }

  /* The finished run gave its claim up. */
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM settings WHERE key = 'run-lock:' || ?1", id),
                   ==, 0);
}

static void
test_approval_gate (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *id = campaign_id (fixture, "Plumbing Valves Overstock");
  g_autofree char *waiting = NULL;
  g_autofree char *live = NULL;
  g_autoptr(GError) error = NULL;

  /* Draft → planned → in review, then it waits for a person. */
  g_assert_false (run_stream (fixture, id, SP_STREAM_PLANNING, SP_RUN_FLAGS_CHAIN, &error));
  g_assert_error (error, SP_FLOW_ERROR, SP_FLOW_ERROR_WAITING);
  g_clear_error (&error);
  waiting = status_of (fixture, id);
  g_assert_cmpstr (waiting, ==, "in_review");
  g_assert_cmpuint (fixture->executor->started->len, ==, 0);

  sp_run_store_record_decision (fixture->store, id, "approved", "Go", "tester", &error);
  g_assert_no_error (error);
  g_assert_true (run_stream (fixture, id, SP_STREAM_APPROVAL, SP_RUN_FLAGS_CHAIN, &error));
  g_assert_no_error (error);
  live = status_of (fixture, id);
  g_assert_cmpstr (live, ==, "live");
}

static void
test_approval_not_required (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *id = campaign_id (fixture, "Plumbing Valves Overstock");
  g_autofree char *live = NULL;
  g_autoptr(SpRunStepRecord) decision = NULL;
  g_autoptr(GError) error = NULL;

  sp_run_store_set_setting (fixture->store, "approval.required", "false", &error);
  g_assert_no_error (error);

  g_assert_true (run_stream (fixture, id, SP_STREAM_PLANNING, SP_RUN_FLAGS_CHAIN, &error));
  g_assert_no_error (error);
  live = status_of (fixture, id);
  g_assert_cmpstr (live, ==, "live");

  decision = stored_step (fixture, id, "approval", "decision");
  g_assert_cmpstr (decision->state, ==, "skipped");
  g_assert_cmpstr (decision->reason, ==, "the workspace does not require approval");
}

static void
test_wrong_status (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *id = campaign_id (fixture, "Plumbing Valves Overstock");
  g_autoptr(GError) error = NULL;

  /* A draft cannot be executed. */
  g_assert_false (run_stream (fixture, id, SP_STREAM_EXECUTION, SP_RUN_FLAGS_NONE, &error));
  g_assert_error (error, SP_FLOW_ERROR, SP_FLOW_ERROR_ILLEGAL_STATE);
  g_assert_cmpuint (fixture->executor->started->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template_dir = NULL;
  g_autofree char *template_db = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  template_dir = g_dir_make_tmp ("sp-runner-template-XXXXXX", &error);
  g_assert_no_error (error);
  template_db = g_build_filename (template_dir, "template.db", NULL);
  sp_demo_workspace_write (template_db, SP_DEMO_WORKSPACE_FLAGS_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/flow/runner/execution-live", Fixture, template_db, fixture_set_up, test_execution_live,
              fixture_tear_down);
  g_test_add ("/flow/runner/required-failure-then-resume", Fixture, template_db, fixture_set_up,
              test_required_failure_then_resume, fixture_tear_down);
  g_test_add ("/flow/runner/optional-failure-skipped", Fixture, template_db, fixture_set_up,
              test_optional_failure_skipped, fixture_tear_down);
  g_test_add ("/flow/runner/retry-failed-step", Fixture, template_db, fixture_set_up,
              test_retry_failed_step, fixture_tear_down);
  g_test_add ("/flow/runner/skip-failed-optional-step", Fixture, template_db, fixture_set_up,
              test_skip_failed_optional_step, fixture_tear_down);
  g_test_add ("/flow/runner/planning-drafts-plan", Fixture, template_db, fixture_set_up,
              test_planning_drafts_plan, fixture_tear_down);
  g_test_add ("/flow/runner/claimed-by-other-process", Fixture, template_db, fixture_set_up,
              test_claimed_by_other_process, fixture_tear_down);
  g_test_add ("/flow/runner/approval-gate", Fixture, template_db, fixture_set_up, test_approval_gate,
              fixture_tear_down);
  g_test_add ("/flow/runner/approval-not-required", Fixture, template_db, fixture_set_up,
              test_approval_not_required, fixture_tear_down);
  g_test_add ("/flow/runner/wrong-status", Fixture, template_db, fixture_set_up, test_wrong_status,
              fixture_tear_down);

  status = g_test_run ();
  g_unlink (template_db);
  g_rmdir (template_dir);
  return status;
}
