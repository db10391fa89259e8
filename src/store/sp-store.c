/* sp-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SpStore is the workspace database: its path, a connection for the
 * synchronous API (the CLI and tests, on the thread that opened the store),
 * and a way to run work in GTask workers, each on a connection of its own,
 * for the application, whose main thread never waits for SQLite.
 */

#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-store-private.h"

/* The watcher: a thread with its own connection that polls
 * PRAGMA data_version and tells the main context when another connection
 * (another process, or a worker of ours) committed a change. */
typedef struct
{
  gatomicrefcount  ref_count;
  GMutex           mutex;
  GCond            cond;
  gboolean         stop;          /* under mutex */
  char            *path;          /* owned */
  guint            interval_ms;
  GMainContext    *context;       /* owned; where "changed" is emitted */
  GWeakRef         store;
} Watch;

struct _SpStore
{
  GObject   parent_instance;

  char     *path;      /* owned; immutable */
  sqlite3  *db;        /* owned; the sync API's connection, opened on first use */
  GThread  *watcher;   /* owned */
  Watch    *watch;     /* owned reference */
};

G_DEFINE_FINAL_TYPE (SpStore, sp_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static Watch *
watch_ref (Watch *watch)
{
  g_atomic_ref_count_inc (&watch->ref_count);
  return watch;
}

static void
watch_unref (Watch *watch)
{
  if (!g_atomic_ref_count_dec (&watch->ref_count))
    return;

  g_mutex_clear (&watch->mutex);
  g_cond_clear (&watch->cond);
  g_weak_ref_clear (&watch->store);
  g_main_context_unref (watch->context);
  g_free (watch->path);
  g_free (watch);
}

static gboolean
emit_changed_cb (gpointer user_data)
{
  Watch *watch = user_data;
  g_autoptr(SpStore) self = g_weak_ref_get (&watch->store);

  if (self != NULL)
    g_signal_emit (self, signals [CHANGED], 0);

  return G_SOURCE_REMOVE;
}

static gpointer
watch_thread (gpointer user_data)
{
  Watch *watch = user_data;
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 last;

  if (!(db = _sp_db_open (watch->path, &error)))
    {
      g_warning ("Not watching the database for changes: %s", error->message);
      watch_unref (watch);
      return NULL;
    }

  last = _sp_db_data_version (db);

  g_mutex_lock (&watch->mutex);
  while (!watch->stop)
    {
      gint64 until = g_get_monotonic_time () + watch->interval_ms * G_TIME_SPAN_MILLISECOND;
      gint64 now;

      if (g_cond_wait_until (&watch->cond, &watch->mutex, until) || watch->stop)
        continue;

      g_mutex_unlock (&watch->mutex);
      now = _sp_db_data_version (db);
      if (now != last && now >= 0)
        {
          last = now;
          g_main_context_invoke_full (watch->context, G_PRIORITY_DEFAULT, emit_changed_cb,
                                      watch_ref (watch), (GDestroyNotify)watch_unref);
        }
      g_mutex_lock (&watch->mutex);
    }
  g_mutex_unlock (&watch->mutex);

  watch_unref (watch);
  return NULL;
}

static void
stop_watching (SpStore *self)
{
  if (self->watcher == NULL)
    return;

  g_mutex_lock (&self->watch->mutex);
  self->watch->stop = TRUE;
  g_cond_signal (&self->watch->cond);
  g_mutex_unlock (&self->watch->mutex);

  g_thread_join (g_steal_pointer (&self->watcher));
  g_clear_pointer (&self->watch, watch_unref);
}

static void
sp_store_dispose (GObject *object)
{
  SpStore *self = (SpStore *)object;

  stop_watching (self);

  G_OBJECT_CLASS (sp_store_parent_class)->dispose (object);
}

static void
sp_store_finalize (GObject *object)
{
  SpStore *self = (SpStore *)object;

  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (sp_store_parent_class)->finalize (object);
}

static void
sp_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SpStore *self = SP_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_store_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SpStore *self = SP_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_store_class_init (SpStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_store_dispose;
  object_class->finalize = sp_store_finalize;
  object_class->get_property = sp_store_get_property;
  object_class->set_property = sp_store_set_property;

  properties [PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpStore::changed:
   *
   * Emitted on the main context when another connection committed a change
   * to the database, once sp_store_watch() was called.
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sp_store_init (SpStore *self)
{
}

/**
 * sp_store_open:
 * @path: the database file; created and migrated when needed
 * @error: return location for a #GError
 *
 * Opens the workspace database synchronously (the CLI and tests). The
 * application uses sp_store_open_async().
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
SpStore *
sp_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(SpStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (SP_TYPE_STORE, "path", path, NULL);
  if (!(self->db = _sp_db_open (path, error)))
    return NULL;

  return g_steal_pointer (&self);
}

static void
open_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(sqlite3) db = NULL;
  GError *error = NULL;

  /* Opening migrates; the connection itself stays in this thread. */
  if (!(db = _sp_db_open (path, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * sp_store_open_async:
 * @path: the database file; created and migrated when needed
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the thread-default main context when done
 * @user_data: data for @callback
 *
 * Opens and migrates the database in a worker thread.
 */
void
sp_store_open_async (const char          *path,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_store_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_worker);
}

/**
 * sp_store_open_finish:
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
SpStore *
sp_store_open_finish (GAsyncResult  *result,
                      GError       **error)
{
  GTask *task = G_TASK (result);

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (task) == sp_store_open_async, NULL);

  if (!g_task_propagate_boolean (task, error))
    return NULL;

  return g_object_new (SP_TYPE_STORE, "path", g_task_get_task_data (task), NULL);
}

const char *
sp_store_get_path (SpStore *self)
{
  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  return self->path;
}

/**
 * sp_store_watch:
 * @self: a #SpStore
 * @interval_ms: how often to look, in milliseconds
 *
 * Starts emitting #SpStore::changed on the thread-default main context
 * whenever another connection commits a change. The check runs in a thread
 * of its own, so the main thread never waits for the database.
 */
void
sp_store_watch (SpStore *self,
                guint    interval_ms)
{
  Watch *watch;

  g_return_if_fail (SP_IS_STORE (self));
  g_return_if_fail (interval_ms > 0);

  stop_watching (self);

  watch = g_new0 (Watch, 1);
  g_atomic_ref_count_init (&watch->ref_count);
  g_mutex_init (&watch->mutex);
  g_cond_init (&watch->cond);
  watch->path = g_strdup (self->path);
  watch->interval_ms = interval_ms;
  watch->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&watch->store, self);

  self->watch = watch;
  self->watcher = g_thread_new ("sp-store-watch", watch_thread, watch_ref (watch));
}

/* Returns: (transfer none): the connection of the synchronous API, which
 * belongs to the thread that uses the sync API (the main thread). */
sqlite3 *
_sp_store_get_db (SpStore  *self,
                  GError  **error)
{
  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  if (self->db == NULL)
    self->db = _sp_db_open (self->path, error);

  return self->db;
}

gpointer
_sp_store_run_sync (SpStore          *self,
                    SpStoreWorkFunc   func,
                    gpointer          data,
                    GError          **error)
{
  sqlite3 *db;

  if (!(db = _sp_store_get_db (self, error)))
    return NULL;

  return func (db, data, NULL, error);
}

/* Runs @func on the sync connection in one transaction, with an outbox row
 * for @entity/@entity_id; nothing is stored when anything fails. */
gboolean
_sp_store_write (SpStore           *self,
                 SpStoreWriteFunc   func,
                 gpointer           object,
                 const char        *entity,
                 const char        *entity_id,
                 const char        *action,
                 GError           **error)
{
  sqlite3 *db;

  if (!(db = _sp_store_get_db (self, error)) || !_sp_db_begin (db, error))
    return FALSE;

  if (!func (db, object, error) ||
      !_sp_db_append_outbox (db, entity, entity_id, action, NULL, error) ||
      !_sp_db_commit (db, error))
    {
      _sp_db_rollback (db);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  char            *path;
  SpStoreWorkFunc  func;
  gpointer         data;
  GDestroyNotify   data_free;
  GDestroyNotify   result_free;
} Work;

static void
work_free (Work *work)
{
  if (work->data_free != NULL && work->data != NULL)
    work->data_free (work->data);
  g_free (work->path);
  g_free (work);
}

static void
work_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Work *work = task_data;
  g_autoptr(sqlite3) db = NULL;
  GError *error = NULL;
  gpointer result;

  /* This thread owns @db; nothing here touches the source object. */
  if (!(db = _sp_db_open (work->path, &error)) ||
      !(result = work->func (db, work->data, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, result, work->result_free);
}

/* Runs @func in a worker on its own connection; finish with
 * g_task_propagate_pointer(). @data (transfer full) goes to the worker,
 * so it must be a copy nobody else touches meanwhile. */
void
_sp_store_run_async (SpStore             *self,
                     gpointer             source_object,
                     gpointer             source_tag,
                     SpStoreWorkFunc      func,
                     gpointer             data,
                     GDestroyNotify       data_free,
                     GDestroyNotify       result_free,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Work *work;

  g_return_if_fail (SP_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  work = g_new0 (Work, 1);
  work->path = g_strdup (self->path);
  work->func = func;
  work->data = data;
  work->data_free = data_free;
  work->result_free = result_free;

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, work, (GDestroyNotify)work_free);
  g_task_run_in_thread (task, work_worker);
}
