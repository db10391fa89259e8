/* sp-campaign-repository.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SpCampaignRepository owns the list model of the workspace's campaigns and
 * keeps it current: after each of its own writes, and when SpStore reports
 * that another process changed the database. Every write is one
 * transaction with its outbox row. The _async functions run SQLite in a
 * worker on a connection of its own and apply the result on the main
 * context; the synchronous ones (CLI, tests) use the store's connection.
 */

#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sp-campaign-db-private.h"
#include "sp-campaign-private.h"
#include "sp-campaign-repository.h"
#include "sp-enum-strings.h"
#include "sp-store-private.h"

struct _SpCampaignRepository
{
  GObject       parent_instance;

  SpStore      *store;         /* owned */
  GListStore   *campaigns;     /* owned; items: SpCampaign */
  GHashTable   *by_id;         /* owned; id (borrowed from the item) → SpCampaign (borrowed) */
  GCancellable *cancellable;   /* owned; cancels the reloads started on SpStore::changed */
  gulong        changed_id;
  GQueue        writes;        /* owned; GTask, the async writes waiting for their turn */
  gboolean      writing;       /* an async write is in a worker */
  gboolean      reload_after_writes;
};

static void store_reloaded_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data);

static gboolean
has_writes (SpCampaignRepository *self)
{
  return self->writing || !g_queue_is_empty (&self->writes);
}

G_DEFINE_FINAL_TYPE (SpCampaignRepository, sp_campaign_repository, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef enum
{
  WRITE_CREATE,
  WRITE_SAVE,
  WRITE_TRANSITION,
} WriteKind;

/* What a write hands to its worker: nothing the main thread can see. */
typedef struct
{
  WriteKind         kind;
  SpCampaign       *copy;      /* owned; the campaign as it is to be stored */
  SpCampaignStatus  from;
  char             *comment;   /* owned */
} WriteOp;

static void
write_op_free (WriteOp *op)
{
  g_clear_object (&op->copy);
  g_free (op->comment);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WriteOp, write_op_free)

static gpointer
write_work (sqlite3       *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  WriteOp *op = data;
  gboolean ok = FALSE;

  if (!_sp_db_begin (db, error))
    return NULL;

  switch (op->kind)
    {
    case WRITE_CREATE:
      ok = _sp_campaign_db_write_insert (db, op->copy, error);
      break;
    case WRITE_SAVE:
      ok = _sp_campaign_db_write_update (db, op->copy, error);
      break;
    case WRITE_TRANSITION:
      ok = _sp_campaign_db_write_status (db, op->copy, op->from, op->comment, error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (!ok || !_sp_db_commit (db, error))
    {
      _sp_db_rollback (db);
      return NULL;
    }

  return g_object_ref (op->copy);
}

static gpointer
load_work (sqlite3       *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  return _sp_campaign_db_load_all (db, cancellable, error);
}

static void
index_campaign (SpCampaignRepository *self,
                SpCampaign           *campaign)
{
  g_hash_table_insert (self->by_id, (gpointer)sp_campaign_get_id (campaign), campaign);
}

/* Replaces the model's contents with @loaded, keeping the instances that
 * are already there (so bindings and selections survive) and emitting
 * items-changed only when the list itself changed. */
static void
merge_loaded (SpCampaignRepository *self,
              GPtrArray            *loaded)
{
  g_autoptr(GPtrArray) merged = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->campaigns));
  gboolean same_list = (n_items == loaded->len);

  for (guint i = 0; i < loaded->len; i++)
    {
      SpCampaign *fresh = g_ptr_array_index (loaded, i);
      SpCampaign *existing = g_hash_table_lookup (self->by_id, sp_campaign_get_id (fresh));

      if (existing != NULL)
        {
          _sp_campaign_apply (existing, fresh);
          g_ptr_array_add (merged, g_object_ref (existing));
        }
      else
        g_ptr_array_add (merged, g_object_ref (fresh));

      if (same_list)
        {
          g_autoptr(SpCampaign) item = g_list_model_get_item (G_LIST_MODEL (self->campaigns), i);
          same_list = (item == g_ptr_array_index (merged, i));
        }
    }

  if (same_list)
    return;

  g_hash_table_remove_all (self->by_id);
  for (guint i = 0; i < merged->len; i++)
    index_campaign (self, g_ptr_array_index (merged, i));

  g_list_store_splice (self->campaigns, 0, n_items, merged->pdata, merged->len);
}

/* After a successful write of @op: the model shows what is stored now. */
static void
apply_write (SpCampaignRepository *self,
             SpCampaign           *campaign,
             WriteKind             kind,
             SpCampaign           *stored)
{
  SpCampaign *item = g_hash_table_lookup (self->by_id, sp_campaign_get_id (stored));

  /* Only what the write changed is copied back: fields edited on the main
   * thread while an async write ran stay as the user left them. */
  g_object_freeze_notify (G_OBJECT (campaign));
  sp_campaign_set_created_at (campaign, sp_campaign_get_created_at (stored));
  sp_campaign_set_updated_at (campaign, sp_campaign_get_updated_at (stored));
  sp_campaign_set_version (campaign, sp_campaign_get_version (stored));
  if (kind == WRITE_TRANSITION)
    _sp_campaign_set_status_unchecked (campaign, sp_campaign_get_status (stored));
  g_object_thaw_notify (G_OBJECT (campaign));

  if (item == NULL)
    {
      index_campaign (self, campaign);
      g_list_store_append (self->campaigns, campaign);
    }
  else if (item != campaign)
    {
      /* Another instance of a campaign the model shows: it was stored as a
       * whole (save) or moved (transition). */
      if (kind == WRITE_TRANSITION)
        {
          g_object_freeze_notify (G_OBJECT (item));
          _sp_campaign_set_status_unchecked (item, sp_campaign_get_status (stored));
          sp_campaign_set_updated_at (item, sp_campaign_get_updated_at (stored));
          sp_campaign_set_version (item, sp_campaign_get_version (stored));
          g_object_thaw_notify (G_OBJECT (item));
        }
      else
        _sp_campaign_apply (item, stored);
    }
}

static WriteOp *
prepare_write (SpCampaignRepository  *self,
               SpCampaign            *campaign,
               WriteKind              kind,
               SpCampaignStatus       to,
               const char            *comment,
               GError               **error)
{
  g_autoptr(WriteOp) op = g_new0 (WriteOp, 1);

  op->kind = kind;
  op->copy = _sp_campaign_copy (campaign);
  op->from = sp_campaign_get_status (campaign);
  op->comment = g_strdup (comment != NULL ? comment : "");

  if (kind == WRITE_CREATE && g_hash_table_contains (self->by_id, sp_campaign_get_id (campaign)))
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CONSTRAINT,
                   _("The campaign “%s” exists already"), sp_campaign_get_name (campaign));
      return NULL;
    }

  /* The one lifecycle check is the model's; the copy makes the move. */
  if (kind == WRITE_TRANSITION && !sp_campaign_transition (op->copy, to, error))
    return NULL;

  return g_steal_pointer (&op);
}

static gboolean
write_sync (SpCampaignRepository  *self,
            SpCampaign            *campaign,
            WriteKind              kind,
            SpCampaignStatus       to,
            const char            *comment,
            GError               **error)
{
  g_autoptr(WriteOp) op = NULL;
  g_autoptr(SpCampaign) stored = NULL;

  if (!(op = prepare_write (self, campaign, kind, to, comment, error)))
    return FALSE;
  if (!(stored = _sp_store_run_sync (self->store, write_work, op, error)))
    return FALSE;

  apply_write (self, campaign, op->kind, stored);
  return TRUE;
}

typedef struct
{
  SpCampaign       *campaign;   /* owned; the caller's instance */
  WriteKind         kind;
  SpCampaignStatus  to;
  char             *comment;    /* owned */
} WriteState;

static void
write_state_free (WriteState *state)
{
  g_clear_object (&state->campaign);
  g_free (state->comment);
  g_free (state);
}

static void dispatch_next_write (SpCampaignRepository *self);

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SpCampaignRepository *self = g_task_get_source_object (task);
  WriteState *state = g_task_get_task_data (task);
  g_autoptr(SpCampaign) stored = NULL;
  GError *error = NULL;

  self->writing = FALSE;

  if (!(stored = g_task_propagate_pointer (G_TASK (result), &error)))
    g_task_return_error (task, error);
  else
    {
      apply_write (self, state->campaign, state->kind, stored);
      g_task_return_boolean (task, TRUE);
    }

  dispatch_next_write (self);
}

/* Async writes run one at a time, in the order they were asked for, and
 * each takes its copy of the campaign only when its turn comes: a save
 * then carries the version the previous write stored, so quick successive
 * edits (every edit is saved at once) never conflict with each other. */
static void
dispatch_next_write (SpCampaignRepository *self)
{
  while (!self->writing && !g_queue_is_empty (&self->writes))
    {
      g_autoptr(GTask) task = g_queue_pop_head (&self->writes);
      WriteState *state = g_task_get_task_data (task);
      GCancellable *cancellable;
      gpointer source_tag;
      GError *error = NULL;
      WriteOp *op;

      if (g_task_return_error_if_cancelled (task))
        continue;

      if (!(op = prepare_write (self, state->campaign, state->kind, state->to, state->comment,
                                &error)))
        {
          g_task_return_error (task, error);
          continue;
        }

      self->writing = TRUE;
      source_tag = g_task_get_source_tag (task);
      cancellable = g_task_get_cancellable (task);
      _sp_store_run_async (self->store, self, source_tag, write_work, op,
                           (GDestroyNotify)write_op_free, g_object_unref,
                           cancellable, write_cb, g_steal_pointer (&task));
    }

  if (!has_writes (self) && self->reload_after_writes)
    {
      self->reload_after_writes = FALSE;
      sp_campaign_repository_reload_async (self, self->cancellable, store_reloaded_cb, NULL);
    }
}

static void
write_async (SpCampaignRepository *self,
             SpCampaign           *campaign,
             WriteKind             kind,
             SpCampaignStatus      to,
             const char           *comment,
             gpointer              source_tag,
             GCancellable         *cancellable,
             GAsyncReadyCallback   callback,
             gpointer              user_data)
{
  GTask *task;
  WriteState *state;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  state = g_new0 (WriteState, 1);
  state->campaign = g_object_ref (campaign);
  state->kind = kind;
  state->to = to;
  state->comment = g_strdup (comment);
  g_task_set_task_data (task, state, (GDestroyNotify)write_state_free);

  g_queue_push_tail (&self->writes, task);
  dispatch_next_write (self);
}

static gboolean
write_finish (SpCampaignRepository  *self,
              GAsyncResult          *result,
              gpointer               source_tag,
              GError               **error)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN_REPOSITORY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
reload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SpCampaignRepository *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) loaded = NULL;
  GError *error = NULL;

  if (!(loaded = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  /* What was read may predate writes of ours still queued: merging it would
   * undo edits the user just made. Read again once they are stored. */
  if (has_writes (self))
    self->reload_after_writes = TRUE;
  else
    merge_loaded (self, loaded);

  g_task_return_boolean (task, TRUE);
}

static void
store_reloaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!sp_campaign_repository_reload_finish (SP_CAMPAIGN_REPOSITORY (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not reload the campaigns: %s", error->message);
}

static void
store_changed_cb (SpCampaignRepository *self,
                  SpStore              *store)
{
  if (has_writes (self))
    {
      self->reload_after_writes = TRUE;
      return;
    }

  sp_campaign_repository_reload_async (self, self->cancellable, store_reloaded_cb, NULL);
}

static void
sp_campaign_repository_constructed (GObject *object)
{
  SpCampaignRepository *self = (SpCampaignRepository *)object;

  G_OBJECT_CLASS (sp_campaign_repository_parent_class)->constructed (object);

  g_assert (SP_IS_STORE (self->store));
  self->changed_id = g_signal_connect_object (self->store, "changed",
                                              G_CALLBACK (store_changed_cb), self,
                                              G_CONNECT_SWAPPED);
}

static void
sp_campaign_repository_dispose (GObject *object)
{
  SpCampaignRepository *self = (SpCampaignRepository *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_signal_handler (&self->changed_id, self->store);
  if (self->by_id != NULL)
    g_hash_table_remove_all (self->by_id);
  if (self->campaigns != NULL)
    g_list_store_remove_all (self->campaigns);

  G_OBJECT_CLASS (sp_campaign_repository_parent_class)->dispose (object);
}

static void
sp_campaign_repository_finalize (GObject *object)
{
  SpCampaignRepository *self = (SpCampaignRepository *)object;

  /* Every queued task holds a reference on us, so none is left here. */
  g_assert (g_queue_is_empty (&self->writes));
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->campaigns);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sp_campaign_repository_parent_class)->finalize (object);
}

static void
sp_campaign_repository_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SpCampaignRepository *self = SP_CAMPAIGN_REPOSITORY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_campaign_repository_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SpCampaignRepository *self = SP_CAMPAIGN_REPOSITORY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_campaign_repository_class_init (SpCampaignRepositoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sp_campaign_repository_constructed;
  object_class->dispose = sp_campaign_repository_dispose;
  object_class->finalize = sp_campaign_repository_finalize;
  object_class->get_property = sp_campaign_repository_get_property;
  object_class->set_property = sp_campaign_repository_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_campaign_repository_init (SpCampaignRepository *self)
{
  self->campaigns = g_list_store_new (SP_TYPE_CAMPAIGN);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->cancellable = g_cancellable_new ();
}

/**
 * sp_campaign_repository_new:
 * @store: the workspace database
 *
 * Creates a repository with an empty model; fill it with
 * sp_campaign_repository_reload_async() (or _load() in the CLI).
 *
 * Returns: (transfer full): the new repository
 */
SpCampaignRepository *
sp_campaign_repository_new (SpStore *store)
{
  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  return g_object_new (SP_TYPE_CAMPAIGN_REPOSITORY, "store", store, NULL);
}

/* Returns: (transfer none): the store */
SpStore *
sp_campaign_repository_get_store (SpCampaignRepository *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN_REPOSITORY (self), NULL);

  return self->store;
}

/**
 * sp_campaign_repository_get_campaigns:
 * @self: a #SpCampaignRepository
 *
 * The campaigns, oldest first, kept current by the repository. Views wrap
 * it in filter and sort models; they never change it.
 *
 * Returns: (transfer none) (element-type SpCampaign): the model
 */
GListModel *
sp_campaign_repository_get_campaigns (SpCampaignRepository *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN_REPOSITORY (self), NULL);

  return G_LIST_MODEL (self->campaigns);
}

/* Returns: (transfer none) (nullable): the campaign with exactly @id */
SpCampaign *
sp_campaign_repository_lookup (SpCampaignRepository *self,
                               const char           *id)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN_REPOSITORY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

/**
 * sp_campaign_repository_find:
 * @self: a #SpCampaignRepository
 * @ref: what a user typed: an id, an unambiguous prefix of one, or a name
 * @error: return location for a #GError
 *
 * Finds the campaign @ref names: the exact id first, then the exact name,
 * then an id starting with @ref. Anything ambiguous is an error.
 *
 * Returns: (transfer none): the campaign, or %NULL with @error set to
 *   %SP_STORE_ERROR_NOT_FOUND
 */
SpCampaign *
sp_campaign_repository_find (SpCampaignRepository  *self,
                             const char            *ref,
                             GError               **error)
{
  GListModel *model = G_LIST_MODEL (self->campaigns);
  SpCampaign *by_name = NULL;
  SpCampaign *by_prefix = NULL;
  guint n_names = 0, n_prefixes = 0;
  SpCampaign *found;

  g_return_val_if_fail (SP_IS_CAMPAIGN_REPOSITORY (self), NULL);
  g_return_val_if_fail (ref != NULL, NULL);

  if ((found = g_hash_table_lookup (self->by_id, ref)))
    return found;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SpCampaign) campaign = g_list_model_get_item (model, i);

      if (g_strcmp0 (sp_campaign_get_name (campaign), ref) == 0)
        {
          by_name = campaign;
          n_names++;
        }
      if (ref[0] != '\0' && g_str_has_prefix (sp_campaign_get_id (campaign), ref))
        {
          by_prefix = campaign;
          n_prefixes++;
        }
    }

  if (n_names == 1)
    return by_name;
  if (n_names == 0 && n_prefixes == 1)
    return by_prefix;

  if (n_names > 1 || n_prefixes > 1)
    g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                 /* Translators: %s is what the user typed to name a campaign */
                 _("“%s” names more than one campaign; give more of the id"), ref);
  else
    g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                 /* Translators: %s is what the user typed to name a campaign */
                 _("There is no campaign “%s”"), ref);
  return NULL;
}

/**
 * sp_campaign_repository_load:
 * @self: a #SpCampaignRepository
 * @error: return location for a #GError
 *
 * Loads the campaigns synchronously (the CLI and tests).
 *
 * Returns: %TRUE on success
 */
gboolean
sp_campaign_repository_load (SpCampaignRepository  *self,
                             GError               **error)
{
  g_autoptr(GPtrArray) loaded = NULL;

  g_return_val_if_fail (SP_IS_CAMPAIGN_REPOSITORY (self), FALSE);

  if (!(loaded = _sp_store_run_sync (self->store, load_work, NULL, error)))
    return FALSE;

  merge_loaded (self, loaded);
  return TRUE;
}

/**
 * sp_campaign_repository_reload_async:
 * @self: a #SpCampaignRepository
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the model is current
 * @user_data: data for @callback
 *
 * Reads the campaigns in a worker and updates the model in place.
 */
void
sp_campaign_repository_reload_async (SpCampaignRepository *self,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SP_IS_CAMPAIGN_REPOSITORY (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_campaign_repository_reload_async);

  _sp_store_run_async (self->store, self, sp_campaign_repository_reload_async, load_work,
                       NULL, NULL, (GDestroyNotify)g_ptr_array_unref,
                       cancellable, reload_cb, g_steal_pointer (&task));
}

gboolean
sp_campaign_repository_reload_finish (SpCampaignRepository  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  return write_finish (self, result, sp_campaign_repository_reload_async, error);
}

/**
 * sp_campaign_repository_create:
 * @self: a #SpCampaignRepository
 * @campaign: a new campaign
 * @error: return location for a #GError
 *
 * Stores @campaign (validated first) and appends it to the model.
 *
 * Returns: %TRUE on success
 */
gboolean
sp_campaign_repository_create (SpCampaignRepository  *self,
                               SpCampaign            *campaign,
                               GError               **error)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN_REPOSITORY (self), FALSE);
  g_return_val_if_fail (SP_IS_CAMPAIGN (campaign), FALSE);

  return write_sync (self, campaign, WRITE_CREATE, 0, NULL, error);
}

void
sp_campaign_repository_create_async (SpCampaignRepository *self,
                                     SpCampaign           *campaign,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_return_if_fail (SP_IS_CAMPAIGN_REPOSITORY (self));
  g_return_if_fail (SP_IS_CAMPAIGN (campaign));

  write_async (self, campaign, WRITE_CREATE, 0, NULL, sp_campaign_repository_create_async,
               cancellable, callback, user_data);
}

gboolean
sp_campaign_repository_create_finish (SpCampaignRepository  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  return write_finish (self, result, sp_campaign_repository_create_async, error);
}

/**
 * sp_campaign_repository_save:
 * @self: a #SpCampaignRepository
 * @campaign: a stored campaign with edits
 * @error: return location for a #GError
 *
 * Stores every field of @campaign if nobody else changed it since it was
 * loaded (otherwise %SP_STORE_ERROR_CONFLICT), with its sites, scope and
 * segments. Unknown sites, SKUs, category paths or segments are
 * %SP_STORE_ERROR_NOT_FOUND, and nothing is stored.
 *
 * Returns: %TRUE on success
 */
gboolean
sp_campaign_repository_save (SpCampaignRepository  *self,
                             SpCampaign            *campaign,
                             GError               **error)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN_REPOSITORY (self), FALSE);
  g_return_val_if_fail (SP_IS_CAMPAIGN (campaign), FALSE);

  return write_sync (self, campaign, WRITE_SAVE, 0, NULL, error);
}

void
sp_campaign_repository_save_async (SpCampaignRepository *self,
                                   SpCampaign           *campaign,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_return_if_fail (SP_IS_CAMPAIGN_REPOSITORY (self));
  g_return_if_fail (SP_IS_CAMPAIGN (campaign));

  write_async (self, campaign, WRITE_SAVE, 0, NULL, sp_campaign_repository_save_async,
               cancellable, callback, user_data);
}

gboolean
sp_campaign_repository_save_finish (SpCampaignRepository  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  return write_finish (self, result, sp_campaign_repository_save_async, error);
}

/**
 * sp_campaign_repository_transition:
 * @self: a #SpCampaignRepository
 * @campaign: a stored campaign
 * @to: the wanted status
 * @comment: (nullable): the reviewer's comment, kept in the approval history
 * @error: return location for a #GError
 *
 * Moves @campaign to @to through the model's lifecycle check
 * (%SP_MODEL_ERROR_ILLEGAL_TRANSITION otherwise, with nothing stored), then
 * stores the status, an approval history row for review decisions and the
 * outbox row in one transaction. @campaign changes only on success.
 *
 * Returns: %TRUE on success
 */
gboolean
sp_campaign_repository_transition (SpCampaignRepository  *self,
                                   SpCampaign            *campaign,
                                   SpCampaignStatus       to,
                                   const char            *comment,
                                   GError               **error)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN_REPOSITORY (self), FALSE);
  g_return_val_if_fail (SP_IS_CAMPAIGN (campaign), FALSE);

  return write_sync (self, campaign, WRITE_TRANSITION, to, comment, error);
}

void
sp_campaign_repository_transition_async (SpCampaignRepository *self,
                                         SpCampaign           *campaign,
                                         SpCampaignStatus      to,
                                         const char           *comment,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data)
{
  g_return_if_fail (SP_IS_CAMPAIGN_REPOSITORY (self));
  g_return_if_fail (SP_IS_CAMPAIGN (campaign));

  write_async (self, campaign, WRITE_TRANSITION, to, comment,
               sp_campaign_repository_transition_async, cancellable, callback, user_data);
}

gboolean
sp_campaign_repository_transition_finish (SpCampaignRepository  *self,
                                          GAsyncResult          *result,
                                          GError               **error)
{
  return write_finish (self, result, sp_campaign_repository_transition_async, error);
}

static gpointer
load_approvals_work (sqlite3       *db,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) approvals = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (!(stmt = _sp_db_prepare (db, "SELECT id, campaign_id, decision, comment, actor, decided_at "
                                   "FROM approvals WHERE campaign_id = ? "
                                   "ORDER BY decided_at, rowid",
                               error)))
    return NULL;
  _sp_db_bind_text (stmt, 1, data);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpApprovalDecision decision;

      if (!sp_approval_decision_from_string (_sp_db_column_text (stmt, 2), &decision))
        {
          g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_SQL,
                       /* Translators: %s is the id of an approval row */
                       _("approvals.decision: unknown value in %s"), _sp_db_column_text (stmt, 0));
          return NULL;
        }

      g_ptr_array_add (approvals, g_object_new (SP_TYPE_APPROVAL,
                                                "id", _sp_db_column_text (stmt, 0),
                                                "campaign-id", _sp_db_column_text (stmt, 1),
                                                "decision", decision,
                                                "comment", _sp_db_column_text (stmt, 3),
                                                "actor", _sp_db_column_text (stmt, 4),
                                                "decided-at", _sp_db_column_text (stmt, 5),
                                                NULL));
    }
  if (rc != SQLITE_DONE)
    {
      _sp_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&approvals);
}

/**
 * sp_campaign_repository_load_approvals:
 * @self: a #SpCampaignRepository
 * @campaign_id: a campaign
 * @error: return location for a #GError
 *
 * The approval history of a campaign, oldest first. Rows are written by
 * sp_campaign_repository_transition() for review decisions.
 *
 * Returns: (transfer full) (element-type SpApproval): the decisions
 */
GPtrArray *
sp_campaign_repository_load_approvals (SpCampaignRepository  *self,
                                       const char            *campaign_id,
                                       GError               **error)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN_REPOSITORY (self), NULL);
  g_return_val_if_fail (campaign_id != NULL, NULL);

  return _sp_store_run_sync (self->store, load_approvals_work, (gpointer)campaign_id, error);
}

/**
 * sp_campaign_repository_load_approvals_async:
 * @self: a #SpCampaignRepository
 * @campaign_id: a campaign
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the history
 * @user_data: data for @callback
 *
 * Reads the approval history of a campaign in a worker, oldest first (see
 * sp_campaign_repository_load_approvals()).
 */
void
sp_campaign_repository_load_approvals_async (SpCampaignRepository *self,
                                             const char           *campaign_id,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data)
{
  g_return_if_fail (SP_IS_CAMPAIGN_REPOSITORY (self));
  g_return_if_fail (campaign_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  _sp_store_run_async (self->store, self, sp_campaign_repository_load_approvals_async,
                       load_approvals_work, g_strdup (campaign_id), g_free,
                       (GDestroyNotify)g_ptr_array_unref, cancellable, callback, user_data);
}

/**
 * sp_campaign_repository_load_approvals_finish:
 * @self: a #SpCampaignRepository
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type SpApproval): the decisions, oldest first
 */
GPtrArray *
sp_campaign_repository_load_approvals_finish (SpCampaignRepository  *self,
                                              GAsyncResult          *result,
                                              GError               **error)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN_REPOSITORY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        sp_campaign_repository_load_approvals_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
