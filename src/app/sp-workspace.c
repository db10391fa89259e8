/* sp-workspace.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the window works on: the store, its repositories and their list
 * models, the catalog (loaded once, off the main thread), the undo history
 * of campaign and offer edits (coupons, quotes, banners, segment mappings,
 * stored in order by one writer), and the workspace preferences. SpApplication owns one
 * and passes it down; nothing here is global.
 */

#define G_LOG_DOMAIN "sp-workspace"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "sp-approval.h"
#include "sp-campaign-repository.h"
#include "sp-catalog-repository.h"
#include "sp-customer-repository.h"
#include "sp-offer-repository.h"
#include "sp-run-controller.h"
#include "sp-date.h"
#include "sp-store.h"
#include "sp-workspace.h"

#define UNDO_DEPTH       50
#define UNDO_COALESCE_US (2 * G_USEC_PER_SEC)

typedef struct
{
  SpCampaign     *campaign;   /* owned */
  char           *property;   /* NULL for an entry with @func */
  GValue          old_value;
  gint64          when;       /* monotonic time of the last edit it covers */
  guint64         serial;     /* names the entry for sp_workspace_undo_serial() */
  SpUndoFunc      func;
  gpointer        data;
  GDestroyNotify  destroy;
} UndoEntry;

struct _SpWorkspace
{
  GObject               parent_instance;

  SpStore              *store;
  SpCampaignRepository *campaigns;
  SpCatalogRepository  *catalog;
  SpOfferRepository    *offers;
  SpRunController      *runs;
  SpCustomerRepository *customers;
  SpCatalogTable       *table;          /* the catalog; read by plan workers, never changed */
  GSettings            *settings;
  GCancellable         *cancellable;
  GListStore           *approvals;    /* SpApproval */
  GQueue                undo;         /* UndoEntry, newest first */
  guint64               undo_serial;  /* the serial of the newest UndoEntry made */
  GQueue                offer_batches;  /* OfferBatch, waiting for their turn */
  gboolean              writing_offers; /* an OfferBatch is in a worker */
  guint                 loading_offers; /* sp_workspace_load_offers_async() calls under way */
  guint                 catalog_state;  /* 0 not started, 1 loading, 2 loaded */
};

G_DEFINE_FINAL_TYPE (SpWorkspace, sp_workspace, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CATALOG_LOADED,
  PROP_APPROVAL_REQUIRED,
  PROP_CAN_UNDO,
  N_PROPS
};

enum {
  ERROR,
  PLAN_CHANGED,
  OFFERS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

typedef struct _OfferBatch OfferBatch;

static void offer_batch_free (OfferBatch *batch);

static void
undo_entry_free (UndoEntry *entry)
{
  g_clear_object (&entry->campaign);
  g_free (entry->property);
  if (G_IS_VALUE (&entry->old_value))
    g_value_unset (&entry->old_value);
  if (entry->destroy != NULL)
    entry->destroy (entry->data);
  g_free (entry);
}

static void
sp_workspace_dispose (GObject *object)
{
  SpWorkspace *self = (SpWorkspace *)object;

  g_cancellable_cancel (self->cancellable);
  g_queue_clear_full (&self->undo, (GDestroyNotify)undo_entry_free);
  g_queue_clear_full (&self->offer_batches, (GDestroyNotify)offer_batch_free);
  g_clear_object (&self->campaigns);
  g_clear_object (&self->catalog);
  g_clear_object (&self->offers);
  g_clear_object (&self->runs);
  g_clear_object (&self->customers);
  g_clear_pointer (&self->table, sp_catalog_table_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->approvals);

  G_OBJECT_CLASS (sp_workspace_parent_class)->dispose (object);
}

static void
sp_workspace_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SpWorkspace *self = SP_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_CATALOG_LOADED:
      g_value_set_boolean (value, sp_workspace_get_catalog_loaded (self));
      break;
    case PROP_APPROVAL_REQUIRED:
      g_value_set_boolean (value, sp_workspace_get_approval_required (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, sp_workspace_can_undo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_workspace_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SpWorkspace *self = SP_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_APPROVAL_REQUIRED:
      sp_workspace_set_approval_required (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_workspace_class_init (SpWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_workspace_dispose;
  object_class->get_property = sp_workspace_get_property;
  object_class->set_property = sp_workspace_set_property;

  properties [PROP_CATALOG_LOADED] =
    g_param_spec_boolean ("catalog-loaded", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_APPROVAL_REQUIRED] =
    g_param_spec_boolean ("approval-required", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpWorkspace::error:
   * @error: what went wrong, for the user
   *
   * A background save or load failed; the window shows it.
   */
  signals [ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * SpWorkspace::plan-changed:
   * @campaign: the campaign whose plan changed
   *
   * Something the projection depends on changed (scope, prices, targets).
   */
  signals [PLAN_CHANGED] =
    g_signal_new ("plan-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SP_TYPE_CAMPAIGN);

  /**
   * SpWorkspace::offers-changed:
   * @campaign: the campaign whose offers were stored
   *
   * An edit of coupons, quotes, banners or segment mappings (or its undo)
   * is in the store; pages showing them reload.
   */
  signals [OFFERS_CHANGED] =
    g_signal_new ("offers-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SP_TYPE_CAMPAIGN);
}

static void
approval_required_changed_cb (SpWorkspace *self,
                              const char  *key,
                              GSettings   *settings)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_APPROVAL_REQUIRED]);
}

static void
sp_workspace_init (SpWorkspace *self)
{
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  self->approvals = g_list_store_new (G_TYPE_OBJECT);
  g_queue_init (&self->undo);
  g_queue_init (&self->offer_batches);

  g_signal_connect_object (self->settings, "changed::approval-required",
                           G_CALLBACK (approval_required_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * sp_workspace_default_path:
 * @settings: the application's settings
 *
 * Where the workspace database is: `$SP_DB`, or the data-folder setting, or
 * the user data folder, followed by `stock-promotion/workspace.db`.
 *
 * Returns: (transfer full): a path
 */
char *
sp_workspace_default_path (GSettings *settings)
{
  g_autofree char *folder = NULL;
  const char *env = g_getenv ("SP_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  folder = g_settings_get_string (settings, "data-folder");
  if (folder == NULL || *folder == '\0')
    {
      g_free (folder);
      folder = g_strdup (g_get_user_data_dir ());
    }

  return g_build_filename (folder, "stock-promotion", "workspace.db", NULL);
}

static void
make_folder_worker (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  g_autofree char *folder = g_path_get_dirname (task_data);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("Could not create the folder %s: %s"),
                               folder, g_strerror (saved_errno));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
reload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SpWorkspace *self = g_task_get_task_data (task);
  GError *error = NULL;

  if (!sp_campaign_repository_reload_finish (SP_CAMPAIGN_REPOSITORY (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_object_ref (self), g_object_unref);
}

static void
store_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(SpWorkspace) self = g_object_new (SP_TYPE_WORKSPACE, NULL);
  GError *error = NULL;

  if (!(self->store = sp_store_open_finish (result, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  self->campaigns = sp_campaign_repository_new (self->store);
  self->catalog = sp_catalog_repository_new (self->store);
  self->offers = sp_offer_repository_new (self->store);
  self->runs = sp_run_controller_new (sp_store_get_path (self->store));
  self->customers = sp_customer_repository_new (self->store);
  /* Runs and the CLI write the same database; the models follow them. */
  sp_store_watch (self->store, 1000);
  g_task_set_task_data (task, g_object_ref (self), g_object_unref);
  sp_campaign_repository_reload_async (self->campaigns, g_task_get_cancellable (task),
                                       reload_cb, g_object_ref (task));
}

static void
folder_made_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  sp_store_open_async (g_task_get_task_data (task), g_task_get_cancellable (task),
                       store_opened_cb, g_object_ref (task));
}

/**
 * sp_workspace_open_async:
 * @path: the workspace database; created when missing
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the campaigns are loaded
 * @user_data: data for @callback
 *
 * Opens the store at @path and loads its campaigns.
 */
void
sp_workspace_open_async (const char          *path,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) folder_task = NULL;

  g_return_if_fail (path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_workspace_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);

  folder_task = g_task_new (NULL, cancellable, folder_made_cb, g_object_ref (task));
  g_task_set_task_data (folder_task, g_strdup (path), g_free);
  g_task_run_in_thread (folder_task, make_folder_worker);
}

/* Returns: (transfer full): the opened workspace, or %NULL with @error set */
SpWorkspace *
sp_workspace_open_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
sp_workspace_get_path (SpWorkspace *self)
{
  g_return_val_if_fail (SP_IS_WORKSPACE (self), NULL);

  return sp_store_get_path (self->store);
}

/* Returns: (transfer none): the campaigns (SpCampaign), kept current by the repository */
GListModel *
sp_workspace_get_campaigns (SpWorkspace *self)
{
  g_return_val_if_fail (SP_IS_WORKSPACE (self), NULL);

  return sp_campaign_repository_get_campaigns (self->campaigns);
}

/* Returns: (transfer none): runs the execution streams of this workspace */
SpRunController *
sp_workspace_get_run_controller (SpWorkspace *self)
{
  g_return_val_if_fail (SP_IS_WORKSPACE (self), NULL);

  return self->runs;
}

/* Returns: (transfer none) (nullable): the catalog; %NULL until it is loaded */
SpCatalogTable *
sp_workspace_get_catalog_table (SpWorkspace *self)
{
  g_return_val_if_fail (SP_IS_WORKSPACE (self), NULL);

  return self->table;
}

/* Returns: (transfer none): the categories (SpCategory); empty until the catalog is loaded */
GListModel *
sp_workspace_get_categories (SpWorkspace *self)
{
  g_return_val_if_fail (SP_IS_WORKSPACE (self), NULL);

  return sp_catalog_repository_get_categories (self->catalog);
}

/* Returns: (transfer none): the sites (SpSite); empty until the catalog is loaded */
GListModel *
sp_workspace_get_sites (SpWorkspace *self)
{
  g_return_val_if_fail (SP_IS_WORKSPACE (self), NULL);

  return sp_catalog_repository_get_sites (self->catalog);
}

/* Returns: (transfer none): the decisions taken in this session (SpApproval) */
GListModel *
sp_workspace_get_approvals (SpWorkspace *self)
{
  g_return_val_if_fail (SP_IS_WORKSPACE (self), NULL);

  return G_LIST_MODEL (self->approvals);
}

gboolean
sp_workspace_get_catalog_loaded (SpWorkspace *self)
{
  g_return_val_if_fail (SP_IS_WORKSPACE (self), FALSE);

  return self->catalog_state == 2;
}

gboolean
sp_workspace_get_approval_required (SpWorkspace *self)
{
  g_return_val_if_fail (SP_IS_WORKSPACE (self), TRUE);

  return g_settings_get_boolean (self->settings, "approval-required");
}

void
sp_workspace_set_approval_required (SpWorkspace *self,
                                    gboolean     approval_required)
{
  g_return_if_fail (SP_IS_WORKSPACE (self));

  /* GSettings notifies through approval_required_changed_cb, once. */
  g_settings_set_boolean (self->settings, "approval-required", approval_required);
}

void
sp_workspace_report_error (SpWorkspace  *self,
                           const GError *error)
{
  g_return_if_fail (SP_IS_WORKSPACE (self));
  g_return_if_fail (error != NULL);

  g_signal_emit (self, signals [ERROR], 0, error);
}

static void
catalog_reloaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SpWorkspace) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sp_catalog_repository_reload_finish (SP_CATALOG_REPOSITORY (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    sp_workspace_report_error (self, error);
}

static void
table_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SpWorkspace) self = user_data;
  g_autoptr(SpCatalogTable) table = NULL;
  g_autoptr(GError) error = NULL;

  if (!(table = sp_catalog_repository_load_table_finish (SP_CATALOG_REPOSITORY (object),
                                                         result, &error)))
    {
      self->catalog_state = 0;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sp_workspace_report_error (self, error);
      return;
    }

  g_clear_pointer (&self->table, sp_catalog_table_unref);
  self->table = g_steal_pointer (&table);
  self->catalog_state = 2;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CATALOG_LOADED]);
}

static void
customers_reloaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(SpWorkspace) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sp_customer_repository_reload_finish (SP_CUSTOMER_REPOSITORY (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    sp_workspace_report_error (self, error);
}

/* Starts loading the catalog, once; notify::catalog-loaded says when it is there. */
void
sp_workspace_load_catalog (SpWorkspace *self)
{
  g_return_if_fail (SP_IS_WORKSPACE (self));

  if (self->catalog_state != 0)
    return;

  self->catalog_state = 1;
  sp_catalog_repository_reload_async (self->catalog, self->cancellable,
                                      catalog_reloaded_cb, g_object_ref (self));
  sp_customer_repository_reload_async (self->customers, self->cancellable,
                                       customers_reloaded_cb, g_object_ref (self));
  sp_catalog_repository_load_table_async (self->catalog, self->cancellable,
                                          table_loaded_cb, g_object_ref (self));
}

static void
campaign_created_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SpCampaign *campaign = g_task_get_task_data (task);
  GError *error = NULL;

  if (!sp_campaign_repository_create_finish (SP_CAMPAIGN_REPOSITORY (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* The repository's model holds its own object for the new row; hand that one out. */
  g_task_return_pointer (task,
                         g_object_ref (sp_campaign_repository_lookup (SP_CAMPAIGN_REPOSITORY (object),
                                                                      sp_campaign_get_id (campaign))
                                       ?: campaign),
                         g_object_unref);
}

/**
 * sp_workspace_create_campaign_async:
 * @self: a #SpWorkspace
 * @name: the new campaign's name
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the draft is stored
 * @user_data: data for @callback
 *
 * Creates a draft campaign, manual origin, in the workspace's currency.
 */
void
sp_workspace_create_campaign_async (SpWorkspace         *self,
                                    const char          *name,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SpCampaign) campaign = NULL;
  g_autofree char *today = sp_date_today ();

  g_return_if_fail (SP_IS_WORKSPACE (self));
  g_return_if_fail (name != NULL);

  campaign = sp_campaign_new (name);
  sp_campaign_set_origin (campaign, SP_CAMPAIGN_ORIGIN_MANUAL);
  sp_campaign_set_owner (campaign, g_get_real_name ());
  sp_campaign_set_start_date (campaign, today);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_workspace_create_campaign_async);
  g_task_set_task_data (task, g_object_ref (campaign), g_object_unref);
  sp_campaign_repository_create_async (self->campaigns, campaign, cancellable,
                                       campaign_created_cb, g_object_ref (task));
}

/* Returns: (transfer full): the new draft, as the campaign list holds it */
SpCampaign *
sp_workspace_create_campaign_finish (SpWorkspace   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SpWorkspace) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sp_campaign_repository_save_finish (SP_CAMPAIGN_REPOSITORY (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    sp_workspace_report_error (self, error);
}

static void
set_and_save (SpWorkspace  *self,
              SpCampaign   *campaign,
              const char   *property,
              const GValue *value)
{
  g_object_set_property (G_OBJECT (campaign), property, value);
  sp_campaign_repository_save_async (self->campaigns, campaign, self->cancellable,
                                     saved_cb, g_object_ref (self));
  g_signal_emit (self, signals [PLAN_CHANGED], 0, campaign);
}

/**
 * sp_workspace_edit_campaign:
 * @self: a #SpWorkspace
 * @campaign: the campaign to change
 * @property: the name of one of its properties
 * @value: the new value
 *
 * Sets @property on @campaign and saves it at once, remembering the old
 * value for sp_workspace_undo(). Edits of the same text or number
 * property within two seconds (typing) are undone together.
 */
void
sp_workspace_edit_campaign (SpWorkspace  *self,
                            SpCampaign   *campaign,
                            const char   *property,
                            const GValue *value)
{
  UndoEntry *top;
  GParamSpec *pspec;
  gint64 now = g_get_monotonic_time ();
  gboolean could_undo;

  g_return_if_fail (SP_IS_WORKSPACE (self));
  g_return_if_fail (SP_IS_CAMPAIGN (campaign));
  g_return_if_fail (property != NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (campaign), property);
  g_return_if_fail (pspec != NULL);

  could_undo = sp_workspace_can_undo (self);
  top = g_queue_peek_head (&self->undo);
  /* Typing and spinning coalesce; a list or a switch changes by single
   * clicks, each of which a toast may offer to undo on its own. */
  if (top != NULL && top->campaign == campaign && top->property != NULL &&
      g_strcmp0 (top->property, property) == 0 &&
      pspec->value_type != G_TYPE_STRV && pspec->value_type != G_TYPE_BOOLEAN &&
      now - top->when < UNDO_COALESCE_US)
    {
      top->when = now;
    }
  else
    {
      UndoEntry *entry = g_new0 (UndoEntry, 1);

      entry->campaign = g_object_ref (campaign);
      entry->property = g_strdup (property);
      entry->when = now;
      entry->serial = ++self->undo_serial;
      g_value_init (&entry->old_value, pspec->value_type);
      g_object_get_property (G_OBJECT (campaign), property, &entry->old_value);
      g_queue_push_head (&self->undo, entry);
          if (g_queue_get_length (&self->undo) > UNDO_DEPTH)
        undo_entry_free (g_queue_pop_tail (&self->undo));
    }

  set_and_save (self, campaign, property, value);

  if (!could_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
}

void
sp_workspace_edit_campaign_string (SpWorkspace *self,
                                   SpCampaign  *campaign,
                                   const char  *property,
                                   const char  *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value);
  sp_workspace_edit_campaign (self, campaign, property, &gvalue);
}

void
sp_workspace_edit_campaign_int64 (SpWorkspace *self,
                                  SpCampaign  *campaign,
                                  const char  *property,
                                  gint64       value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_INT64);
  g_value_set_int64 (&gvalue, value);
  sp_workspace_edit_campaign (self, campaign, property, &gvalue);
}

void
sp_workspace_edit_campaign_strv (SpWorkspace        *self,
                                 SpCampaign         *campaign,
                                 const char         *property,
                                 const char * const *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRV);
  g_value_set_boxed (&gvalue, value);
  sp_workspace_edit_campaign (self, campaign, property, &gvalue);
}

static void apply_undo (SpWorkspace *self,
                        UndoEntry   *entry);

/* Undoes the newest edit still possible; FALSE when there is none. */
gboolean
sp_workspace_undo (SpWorkspace *self)
{
  UndoEntry *entry;

  g_return_val_if_fail (SP_IS_WORKSPACE (self), FALSE);

  /* A campaign that left the editable states keeps its plan. */
  while ((entry = g_queue_pop_head (&self->undo)) != NULL &&
         !sp_campaign_is_editable (entry->campaign))
    undo_entry_free (entry);

  if (entry == NULL)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
      return FALSE;
    }

  apply_undo (self, entry);
  return TRUE;
}

/* Takes @entry, out of the history already, back; and frees it. */
static void
apply_undo (SpWorkspace *self,
            UndoEntry   *entry)
{
  if (entry->func != NULL)
    entry->func (entry->data);
  else
    set_and_save (self, entry->campaign, entry->property, &entry->old_value);
  undo_entry_free (entry);

  if (g_queue_is_empty (&self->undo))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
}

/**
 * sp_workspace_get_undo_serial:
 * @self: a #SpWorkspace
 *
 * Names the newest change in the undo history, for a toast that offers to
 * undo that change even after others.
 *
 * Returns: the newest change's serial, or 0 when there is none
 */
guint64
sp_workspace_get_undo_serial (SpWorkspace *self)
{
  UndoEntry *top;

  g_return_val_if_fail (SP_IS_WORKSPACE (self), 0);

  top = g_queue_peek_head (&self->undo);
  return top != NULL ? top->serial : 0;
}

/**
 * sp_workspace_undo_serial:
 * @self: a #SpWorkspace
 * @serial: what sp_workspace_get_undo_serial() returned after the change
 *
 * Undoes the change @serial names, newest or not (a removal a toast offers
 * to take back), and drops it from the history.
 *
 * Returns: %FALSE when that change was undone already or can no longer be
 */
gboolean
sp_workspace_undo_serial (SpWorkspace *self,
                          guint64      serial)
{
  g_return_val_if_fail (SP_IS_WORKSPACE (self), FALSE);

  for (GList *l = self->undo.head; l != NULL; l = l->next)
    {
      UndoEntry *entry = l->data;

      if (entry->serial != serial)
        continue;

      g_queue_delete_link (&self->undo, l);
      if (!sp_campaign_is_editable (entry->campaign))
        {
          undo_entry_free (entry);
          if (g_queue_is_empty (&self->undo))
            g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
          return FALSE;
        }

      apply_undo (self, entry);
      return TRUE;
    }

  return FALSE;
}

gboolean
sp_workspace_can_undo (SpWorkspace *self)
{
  g_return_val_if_fail (SP_IS_WORKSPACE (self), FALSE);

  return !g_queue_is_empty (&self->undo);
}

static void
transitioned_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!sp_campaign_repository_transition_finish (SP_CAMPAIGN_REPOSITORY (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
record_decision (SpWorkspace      *self,
                 SpCampaign       *campaign,
                 SpCampaignStatus  to,
                 const char       *comment)
{
  g_autoptr(SpApproval) approval = NULL;
  g_autofree char *now = sp_timestamp_now ();
  SpApprovalDecision decision;

  if (to == SP_CAMPAIGN_STATUS_IN_REVIEW)
    decision = SP_APPROVAL_DECISION_SUBMITTED;
  else if (to == SP_CAMPAIGN_STATUS_APPROVED)
    decision = SP_APPROVAL_DECISION_APPROVED;
  else if (to == SP_CAMPAIGN_STATUS_REJECTED)
    decision = SP_APPROVAL_DECISION_REJECTED;
  else
    return;

  approval = sp_approval_new (sp_campaign_get_id (campaign), decision);
  sp_approval_set_comment (approval, comment ?: "");
  sp_approval_set_actor (approval, g_get_real_name ());
  sp_approval_set_decided_at (approval, now);
  g_list_store_insert (self->approvals, 0, approval);
}

/**
 * sp_workspace_transition_async:
 * @self: a #SpWorkspace
 * @campaign: the campaign to move
 * @to: the new status
 * @comment: (nullable): the comment of a review decision
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the move is stored
 * @user_data: data for @callback
 *
 * Moves @campaign through its lifecycle; the repository checks the move.
 */
void
sp_workspace_transition_async (SpWorkspace         *self,
                               SpCampaign          *campaign,
                               SpCampaignStatus     to,
                               const char          *comment,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SP_IS_WORKSPACE (self));
  g_return_if_fail (SP_IS_CAMPAIGN (campaign));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_workspace_transition_async);
  if (sp_campaign_can_transition (sp_campaign_get_status (campaign), to))
    record_decision (self, campaign, to, comment);
  sp_campaign_repository_transition_async (self->campaigns, campaign, to, comment, cancellable,
                                           transitioned_cb, g_steal_pointer (&task));
}

gboolean
sp_workspace_transition_finish (SpWorkspace   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sp_workspace_push_undo:
 * @self: a #SpWorkspace
 * @campaign: the campaign the change belongs to
 * @func: undoes the change
 * @data: data for @func
 * @destroy: frees @data
 *
 * Remembers a change that is not a campaign property (a price list).
 */
void
sp_workspace_push_undo (SpWorkspace    *self,
                        SpCampaign     *campaign,
                        SpUndoFunc      func,
                        gpointer        data,
                        GDestroyNotify  destroy)
{
  UndoEntry *entry = g_new0 (UndoEntry, 1);
  gboolean could_undo = sp_workspace_can_undo (self);

  entry->campaign = g_object_ref (campaign);
  entry->when = g_get_monotonic_time ();
  entry->serial = ++self->undo_serial;
  entry->func = func;
  entry->data = data;
  entry->destroy = destroy;
  g_queue_push_head (&self->undo, entry);
  if (g_queue_get_length (&self->undo) > UNDO_DEPTH)
    undo_entry_free (g_queue_pop_tail (&self->undo));

  if (!could_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
}

static void
price_lists_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GPtrArray) lists = NULL;
  GError *error = NULL;

  if (!(lists = sp_offer_repository_load_price_lists_finish (SP_OFFER_REPOSITORY (object), result, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  /* A campaign has one price list, its discount group. */
  g_task_return_pointer (task, lists->len > 0 ? g_object_ref (g_ptr_array_index (lists, 0)) : NULL,
                         g_object_unref);
}

void
sp_workspace_load_price_list_async (SpWorkspace         *self,
                                    SpCampaign          *campaign,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SP_IS_WORKSPACE (self));
  g_return_if_fail (SP_IS_CAMPAIGN (campaign));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_workspace_load_price_list_async);
  sp_offer_repository_load_price_lists_async (self->offers, sp_campaign_get_id (campaign), cancellable,
                                              price_lists_loaded_cb, g_steal_pointer (&task));
}

/* Returns: (transfer full) (nullable): the campaign's price list; %NULL with
 * @error unset when it has none yet */
SpPriceList *
sp_workspace_load_price_list_finish (SpWorkspace   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
price_list_saved_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SpWorkspace) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sp_offer_repository_save_price_list_finish (SP_OFFER_REPOSITORY (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    sp_workspace_report_error (self, error);
}

/* The products of @campaign's scope, in SKU order, as
 * sp_campaign_plan_resolve_scope() would give them: objects are made only
 * for the rows in scope. */
static GPtrArray *
resolve_scope (SpCatalogTable *table,
               SpCampaign     *campaign)
{
  GPtrArray *scope = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = sp_catalog_table_get_n_rows (table);
  g_autofree guint8 *in_scope = g_malloc (MAX (n, 1));

  sp_catalog_table_mark_scope (table, sp_campaign_get_scope_products (campaign),
                               sp_campaign_get_scope_categories (campaign), in_scope);
  for (guint i = 0; i < n; i++)
    {
      if (in_scope[i])
        g_ptr_array_add (scope, sp_catalog_table_dup_product (table, i));
    }

  return scope;
}

/**
 * sp_workspace_save_price_list:
 * @self: a #SpWorkspace
 * @campaign: the campaign
 * @price_list: its price list, changed in place
 * @discounts: (element-type utf8 gint64): SKU → basis points, for SKUs off the default
 *
 * Rewrites @price_list from the campaign's scope (one entry per SKU, old
 * price = list price) and saves it.
 */
void
sp_workspace_save_price_list (SpWorkspace *self,
                              SpCampaign  *campaign,
                              SpPriceList *price_list,
                              GHashTable  *discounts)
{
  g_autoptr(GPtrArray) scope = NULL;

  g_return_if_fail (SP_IS_WORKSPACE (self));
  g_return_if_fail (self->table != NULL);

  scope = resolve_scope (self->table, campaign);
  sp_price_list_set_campaign_id (price_list, sp_campaign_get_id (campaign));
  sp_price_list_set_currency (price_list, sp_campaign_get_currency (campaign));
  sp_price_list_set_valid_from (price_list, sp_campaign_get_start_date (campaign));
  sp_price_list_set_valid_to (price_list, sp_campaign_get_end_date (campaign));
  sp_price_list_remove_all_entries (price_list);

  for (guint i = 0; i < scope->len; i++)
    {
      SpProduct *product = g_ptr_array_index (scope, i);
      const gint64 *bp = g_hash_table_lookup (discounts, sp_product_get_sku (product));
      g_autoptr(SpPriceListEntry) entry = NULL;

      entry = sp_price_list_entry_new_discounted (sp_product_get_sku (product),
                                                  sp_product_get_list_price (product),
                                                  bp ? *bp : sp_campaign_get_default_discount (campaign));
      sp_price_list_add_entry (price_list, entry);
    }

  sp_offer_repository_save_price_list_async (self->offers, price_list, self->cancellable,
                                             price_list_saved_cb, g_object_ref (self));
  g_signal_emit (self, signals [PLAN_CHANGED], 0, campaign);
}

typedef struct
{
  SpCampaign *campaign;    /* a private copy */
  SpCatalogTable *table;  /* a reference; never changed */
  GHashTable *discounts;   /* a copy */
  char       *today;
} ComputeData;

static void
compute_data_free (ComputeData *data)
{
  g_clear_object (&data->campaign);
  g_clear_pointer (&data->table, sp_catalog_table_unref);
  g_clear_pointer (&data->discounts, g_hash_table_unref);
  g_free (data->today);
  g_free (data);
}

/* The worker gets its own campaign object, with what the plan reads. */
static SpCampaign *
copy_campaign (SpCampaign *campaign)
{
  SpCampaign *copy = sp_campaign_new (sp_campaign_get_name (campaign));

  sp_campaign_set_start_date (copy, sp_campaign_get_start_date (campaign));
  sp_campaign_set_end_date (copy, sp_campaign_get_end_date (campaign));
  sp_campaign_set_target_date (copy, sp_campaign_get_target_date (campaign));
  sp_campaign_set_sites (copy, sp_campaign_get_sites (campaign));
  sp_campaign_set_scope_products (copy, sp_campaign_get_scope_products (campaign));
  sp_campaign_set_scope_categories (copy, sp_campaign_get_scope_categories (campaign));
  sp_campaign_set_units_to_clear (copy, sp_campaign_get_units_to_clear (campaign));
  sp_campaign_set_margin_floor (copy, sp_campaign_get_margin_floor (campaign));
  sp_campaign_set_default_discount (copy, sp_campaign_get_default_discount (campaign));
  sp_campaign_set_currency (copy, sp_campaign_get_currency (campaign));

  return copy;
}

static void
compute_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *data = task_data;
  g_autoptr(GPtrArray) scope = NULL;

  g_assert (data != NULL && data->table != NULL);

  scope = resolve_scope (data->table, data->campaign);
  g_task_return_pointer (task,
                         sp_campaign_plan_compute (data->campaign, scope, data->discounts, data->today),
                         (GDestroyNotify)sp_campaign_plan_free);
}

/**
 * sp_workspace_compute_plan_async:
 * @self: a #SpWorkspace
 * @campaign: the campaign
 * @discounts: (nullable) (element-type utf8 gint64): SKU → basis points
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the plan
 * @user_data: data for @callback
 *
 * Prices the campaign's scope (the engine's sp_campaign_plan_compute()) in
 * a worker, on copies. The catalog must be loaded.
 */
void
sp_workspace_compute_plan_async (SpWorkspace         *self,
                                 SpCampaign          *campaign,
                                 GHashTable          *discounts,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ComputeData *data;
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (SP_IS_WORKSPACE (self));
  g_return_if_fail (SP_IS_CAMPAIGN (campaign));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_workspace_compute_plan_async);

  if (self->table == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The catalog is still loading"));
      return;
    }

  data = g_new0 (ComputeData, 1);
  data->campaign = copy_campaign (campaign);
  data->table = sp_catalog_table_ref (self->table);
  data->discounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  data->today = sp_date_today ();
  if (discounts != NULL)
    {
      g_hash_table_iter_init (&iter, discounts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (data->discounts, g_strdup (key), g_memdup2 (value, sizeof (gint64)));
    }
  g_task_set_task_data (task, data, (GDestroyNotify)compute_data_free);
  g_task_run_in_thread (task, compute_worker);
}

/* Returns: (transfer full): the plan, or %NULL with @error set */
SpCampaignPlan *
sp_workspace_compute_plan_finish (SpWorkspace   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Returns: (transfer none): the customer segments (SpSegment) */
GListModel *
sp_workspace_get_segments (SpWorkspace *self)
{
  g_return_val_if_fail (SP_IS_WORKSPACE (self), NULL);

  return sp_customer_repository_get_segments (self->customers);
}

/* Returns: (transfer none): the companies (SpCompany) */
GListModel *
sp_workspace_get_companies (SpWorkspace *self)
{
  g_return_val_if_fail (SP_IS_WORKSPACE (self), NULL);

  return sp_customer_repository_get_companies (self->customers);
}

void
sp_campaign_offers_free (SpCampaignOffers *offers)
{
  if (offers == NULL)
    return;

  g_clear_pointer (&offers->coupons, g_ptr_array_unref);
  g_clear_pointer (&offers->quotes, g_ptr_array_unref);
  g_clear_pointer (&offers->banners, g_ptr_array_unref);
  g_clear_pointer (&offers->mappings, g_ptr_array_unref);
  g_free (offers);
}

static void
load_offers_worker (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  char **args = task_data;   /* database path, campaign id */
  g_autoptr(SpCampaignOffers) offers = g_new0 (SpCampaignOffers, 1);
  g_autoptr(SpOfferRepository) repository = NULL;
  g_autoptr(SpCustomerRepository) customers = NULL;
  g_autoptr(SpStore) store = NULL;
  GError *error = NULL;

  /* A store of its own: its connection belongs to this thread. */
  if (!(store = sp_store_open (args[0], &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  repository = sp_offer_repository_new (store);
  customers = sp_customer_repository_new (store);
  if (!(offers->coupons = sp_offer_repository_load_coupons (repository, args[1], &error)) ||
      !(offers->quotes = sp_offer_repository_load_quotes (repository, args[1], &error)) ||
      !(offers->banners = sp_offer_repository_load_banners (repository, args[1], &error)) ||
      !(offers->mappings = sp_customer_repository_load_segment_mappings (customers, args[1],
                                                                         &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&offers), (GDestroyNotify)sp_campaign_offers_free);
}

static void
offers_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SpWorkspace *self = SP_WORKSPACE (object);
  SpCampaignOffers *offers;
  GError *error = NULL;

  /* Before the caller's callback, which shows what was loaded. */
  self->loading_offers--;
  if (!(offers = g_task_propagate_pointer (G_TASK (result), &error)))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, offers, (GDestroyNotify)sp_campaign_offers_free);
}

void
sp_workspace_load_offers_async (SpWorkspace         *self,
                                SpCampaign          *campaign,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker_task = NULL;
  char **args = g_new0 (char *, 3);

  g_return_if_fail (SP_IS_WORKSPACE (self));
  g_return_if_fail (SP_IS_CAMPAIGN (campaign));

  args[0] = g_strdup (sp_store_get_path (self->store));
  args[1] = g_strdup (sp_campaign_get_id (campaign));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_workspace_load_offers_async);

  self->loading_offers++;
  worker_task = g_task_new (self, cancellable, offers_loaded_cb, g_steal_pointer (&task));
  g_task_set_task_data (worker_task, args, (GDestroyNotify)g_strfreev);
  g_task_run_in_thread (worker_task, load_offers_worker);
}

/* Returns: (transfer full): the campaign's coupons, quotes and banners */
SpCampaignOffers *
sp_workspace_load_offers_finish (SpWorkspace   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
approvals_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GPtrArray *approvals;
  GError *error = NULL;

  if (!(approvals = sp_campaign_repository_load_approvals_finish (SP_CAMPAIGN_REPOSITORY (object),
                                                                  result, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, approvals, (GDestroyNotify)g_ptr_array_unref);
}

/**
 * sp_workspace_load_approvals_async:
 * @self: a #SpWorkspace
 * @campaign: a campaign
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the history
 * @user_data: data for @callback
 *
 * Reads the stored approval history of @campaign (every session's
 * decisions) in a worker.
 */
void
sp_workspace_load_approvals_async (SpWorkspace         *self,
                                   SpCampaign          *campaign,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SP_IS_WORKSPACE (self));
  g_return_if_fail (SP_IS_CAMPAIGN (campaign));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_workspace_load_approvals_async);
  sp_campaign_repository_load_approvals_async (self->campaigns, sp_campaign_get_id (campaign),
                                               cancellable, approvals_loaded_cb,
                                               g_steal_pointer (&task));
}

/* Returns: (transfer full) (element-type SpApproval): the decisions, oldest first */
GPtrArray *
sp_workspace_load_approvals_finish (SpWorkspace   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- Offer edits: coupons, quotes, banners, segment mappings ----------- */

/* One write of an offer: a copy of it, saved or deleted. */
typedef struct
{
  GObject  *object;        /* owned; read only by the worker */
  char     *campaign_id;   /* a mapping's campaign */
  gboolean  delete;
} OfferOp;

/* Writes that belong together, run in one worker, in order. */
struct _OfferBatch
{
  SpCampaign *campaign;    /* owned; main thread only */
  char       *path;
  GPtrArray  *ops;         /* OfferOp */
};

/* What sp_workspace_undo() needs to put offers back: @before[i] became
 * @after[i]; either may be NULL (created, removed). */
typedef struct
{
  SpWorkspace *workspace;  /* unowned: the workspace owns the undo entry */
  SpCampaign  *campaign;   /* owned */
  GPtrArray   *before;     /* owned copies */
  GPtrArray   *after;      /* owned copies */
} OfferUndo;

static void
offer_op_free (OfferOp *op)
{
  g_clear_object (&op->object);
  g_free (op->campaign_id);
  g_free (op);
}

static void
offer_batch_free (OfferBatch *batch)
{
  g_clear_object (&batch->campaign);
  g_free (batch->path);
  g_clear_pointer (&batch->ops, g_ptr_array_unref);
  g_free (batch);
}

static void
offer_undo_free (OfferUndo *undo)
{
  g_clear_object (&undo->campaign);
  g_clear_pointer (&undo->before, g_ptr_array_unref);
  g_clear_pointer (&undo->after, g_ptr_array_unref);
  g_free (undo);
}

static void
clear_object_or_null (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

/* A copy with every readable and writable property (the id included), so
 * that the page may go on changing its object. */
static GObject *
copy_object (GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  g_autofree const char **names = NULL;
  GValue *values;
  GObject *copy;
  guint n_pspecs, n = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  names = g_new0 (const char *, n_pspecs);
  values = g_new0 (GValue, n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE)
        continue;

      names[n] = pspecs[i]->name;
      g_value_init (&values[n], pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &values[n]);
      n++;
    }
  copy = g_object_new_with_properties (G_OBJECT_TYPE (object), n, names, values);
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);
  g_free (values);

  if (SP_IS_QUOTE (object))
    {
      GListModel *lines = sp_quote_get_lines (SP_QUOTE (object));

      for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
        {
          g_autoptr(GObject) line = g_list_model_get_item (lines, i);
          g_autoptr(GObject) line_copy = copy_object (line);

          sp_quote_add_line (SP_QUOTE (copy), SP_QUOTE_LINE (line_copy));
        }
    }

  return copy;
}

static gboolean
write_offer_op (SpOfferRepository     *offers,
                SpCustomerRepository  *customers,
                OfferOp               *op,
                GError               **error)
{
  if (SP_IS_SEGMENT_MAPPING (op->object))
    {
      SpSegmentMapping *mapping = SP_SEGMENT_MAPPING (op->object);

      if (op->delete)
        return sp_customer_repository_delete_segment_mapping (customers,
                                                              sp_segment_mapping_get_id (mapping),
                                                              error);
      return sp_customer_repository_save_segment_mapping (customers, mapping, op->campaign_id,
                                                          error);
    }

  if (op->delete)
    return sp_offer_repository_delete (offers, op->object, error);
  if (SP_IS_COUPON (op->object))
    return sp_offer_repository_save_coupon (offers, SP_COUPON (op->object), error);
  if (SP_IS_BANNER (op->object))
    return sp_offer_repository_save_banner (offers, SP_BANNER (op->object), error);
  return sp_offer_repository_save_quote (offers, SP_QUOTE (op->object), error);
}

static void
write_offers_worker (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  OfferBatch *batch = task_data;
  g_autoptr(SpOfferRepository) offers = NULL;
  g_autoptr(SpCustomerRepository) customers = NULL;
  g_autoptr(SpStore) store = NULL;
  GError *error = NULL;

  /* A store of its own: its connection belongs to this thread. */
  if (!(store = sp_store_open (batch->path, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  offers = sp_offer_repository_new (store);
  customers = sp_customer_repository_new (store);
  for (guint i = 0; i < batch->ops->len; i++)
    {
      if (!write_offer_op (offers, customers, g_ptr_array_index (batch->ops, i), &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }

  g_task_return_boolean (task, TRUE);
}

static void dispatch_offer_batch (SpWorkspace *self);

static void
offers_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SpWorkspace *self = SP_WORKSPACE (object);
  OfferBatch *batch = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->writing_offers = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    sp_workspace_report_error (self, error);

  g_signal_emit (self, signals [OFFERS_CHANGED], 0, batch->campaign);
  dispatch_offer_batch (self);
}

/* Batches run one at a time in the order asked, so that the store ends as
 * the last edit left it, also when an undo follows an edit at once. */
static void
dispatch_offer_batch (SpWorkspace *self)
{
  g_autoptr(GTask) task = NULL;
  OfferBatch *batch;

  if (self->writing_offers || (batch = g_queue_pop_head (&self->offer_batches)) == NULL)
    return;

  self->writing_offers = TRUE;
  task = g_task_new (self, self->cancellable, offers_written_cb, NULL);
  g_task_set_source_tag (task, dispatch_offer_batch);
  g_task_set_task_data (task, batch, (GDestroyNotify)offer_batch_free);
  g_task_run_in_thread (task, write_offers_worker);
}

static void
queue_offer_op (OfferBatch *batch,
                GObject    *object,
                gboolean    delete)
{
  OfferOp *op = g_new0 (OfferOp, 1);

  op->object = copy_object (object);
  op->campaign_id = g_strdup (sp_campaign_get_id (batch->campaign));
  op->delete = delete;
  g_ptr_array_add (batch->ops, op);
}

static OfferBatch *
offer_batch_new (SpWorkspace *self,
                 SpCampaign  *campaign)
{
  OfferBatch *batch = g_new0 (OfferBatch, 1);

  batch->campaign = g_object_ref (campaign);
  batch->path = g_strdup (sp_store_get_path (self->store));
  batch->ops = g_ptr_array_new_with_free_func ((GDestroyNotify)offer_op_free);
  return batch;
}

static void
run_offer_batch (SpWorkspace *self,
                 OfferBatch  *batch)
{
  g_queue_push_tail (&self->offer_batches, batch);
  dispatch_offer_batch (self);
}

static void
undo_offers (gpointer data)
{
  OfferUndo *undo = data;
  OfferBatch *batch = offer_batch_new (undo->workspace, undo->campaign);

  /* Backwards, so that a later change is taken back first. */
  for (guint i = undo->before->len; i > 0; i--)
    {
      GObject *before = g_ptr_array_index (undo->before, i - 1);
      GObject *after = g_ptr_array_index (undo->after, i - 1);

      if (before != NULL)
        queue_offer_op (batch, before, FALSE);
      else
        queue_offer_op (batch, after, TRUE);
    }
  run_offer_batch (undo->workspace, batch);
}

/* Typing into a banner saves every pause; undo takes back the whole run. */
static gboolean
coalesce_offer_edit (SpWorkspace *self,
                     SpCampaign  *campaign,
                     GObject     *before,
                     GObject     *after,
                     gint64       now)
{
  UndoEntry *top = g_queue_peek_head (&self->undo);
  g_autofree char *top_id = NULL;
  g_autofree char *id = NULL;
  OfferUndo *undo;
  GObject *top_after;

  if (top == NULL || top->func != undo_offers || top->campaign != campaign ||
      now - top->when >= UNDO_COALESCE_US || before == NULL || after == NULL)
    return FALSE;

  undo = top->data;
  top_after = undo->after->len == 1 ? g_ptr_array_index (undo->after, 0) : NULL;
  if (top_after == NULL || !SP_IS_BANNER (after) || !SP_IS_BANNER (top_after))
    return FALSE;

  g_object_get (top_after, "id", &top_id, NULL);
  g_object_get (after, "id", &id, NULL);
  if (g_strcmp0 (top_id, id) != 0)
    return FALSE;

  g_ptr_array_index (undo->after, 0) = copy_object (after);
  g_object_unref (top_after);
  top->when = now;
  return TRUE;
}

static void
edit_offers (SpWorkspace *self,
             SpCampaign  *campaign,
             GPtrArray   *before,
             GPtrArray   *after,
             gboolean     coalesce)
{
  OfferBatch *batch;
  OfferUndo *undo;

  g_return_if_fail (SP_IS_WORKSPACE (self));
  g_return_if_fail (SP_IS_CAMPAIGN (campaign));
  g_return_if_fail (before != NULL && after != NULL && before->len == after->len);

  if (before->len == 0)
    return;

  batch = offer_batch_new (self, campaign);
  undo = g_new0 (OfferUndo, 1);
  undo->workspace = self;
  undo->campaign = g_object_ref (campaign);
  undo->before = g_ptr_array_new_with_free_func (clear_object_or_null);
  undo->after = g_ptr_array_new_with_free_func (clear_object_or_null);

  for (guint i = 0; i < before->len; i++)
    {
      GObject *b = g_ptr_array_index (before, i);
      GObject *a = g_ptr_array_index (after, i);

      g_return_if_fail (a != NULL || b != NULL);

      if (a != NULL)
        queue_offer_op (batch, a, FALSE);
      else
        queue_offer_op (batch, b, TRUE);
      g_ptr_array_add (undo->before, b ? copy_object (b) : NULL);
      g_ptr_array_add (undo->after, a ? copy_object (a) : NULL);
    }

  if (coalesce && before->len == 1 &&
      coalesce_offer_edit (self, campaign, g_ptr_array_index (before, 0),
                           g_ptr_array_index (after, 0), g_get_monotonic_time ()))
    offer_undo_free (undo);
  else
    sp_workspace_push_undo (self, campaign, undo_offers, undo, (GDestroyNotify)offer_undo_free);

  run_offer_batch (self, batch);
}

/**
 * sp_workspace_edit_offers:
 * @self: a #SpWorkspace
 * @campaign: the campaign the offers belong to
 * @before: (element-type GObject): each offer as it was, or %NULL for a new one
 * @after: (element-type GObject): each offer as it is now, or %NULL for a removed one
 *
 * Stores a change of the campaign's coupons, quotes, banners or segment
 * mappings (#SpCoupon, #SpQuote, #SpBanner, #SpSegmentMapping): each
 * @after[i] is saved, or @before[i] deleted where @after[i] is %NULL. The
 * arrays are parallel and copied. The change is one undo step of its own:
 * sp_workspace_undo() takes all of it back. #SpWorkspace::offers-changed
 * follows once it is stored.
 */
void
sp_workspace_edit_offers (SpWorkspace *self,
                          SpCampaign  *campaign,
                          GPtrArray   *before,
                          GPtrArray   *after)
{
  edit_offers (self, campaign, before, after, FALSE);
}

/**
 * sp_workspace_edit_offer:
 * @self: a #SpWorkspace
 * @campaign: the campaign the offer belongs to
 * @before: (nullable): the offer as it was; %NULL when @after is new
 * @after: (nullable): the offer as it is now; %NULL to remove @before
 *
 * sp_workspace_edit_offers() for one offer, as it is typed: edits of one
 * banner within two seconds are undone together. A removal that a toast
 * offers to undo goes through sp_workspace_edit_offers().
 */
void
sp_workspace_edit_offer (SpWorkspace *self,
                         SpCampaign  *campaign,
                         GObject     *before,
                         GObject     *after)
{
  g_autoptr(GPtrArray) befores = g_ptr_array_new ();
  g_autoptr(GPtrArray) afters = g_ptr_array_new ();

  g_ptr_array_add (befores, before);
  g_ptr_array_add (afters, after);
  edit_offers (self, campaign, befores, afters, TRUE);
}

/**
 * sp_workspace_get_offers_busy:
 * @self: a #SpWorkspace
 *
 * Whether offer edits are still being stored or offers loaded; tests and
 * benchmarks wait for it to turn %FALSE.
 *
 * Returns: %TRUE while offers are written or read
 */
gboolean
sp_workspace_get_offers_busy (SpWorkspace *self)
{
  g_return_val_if_fail (SP_IS_WORKSPACE (self), FALSE);

  return self->writing_offers || !g_queue_is_empty (&self->offer_batches) ||
         self->loading_offers > 0;
}
