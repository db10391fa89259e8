/* sp-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workspace settings. The platform's address goes to the workspace (where
 * the connectors read it, off the main thread), the approval setting and the
 * data folder to GSettings, and the credentials to the Secret Service through
 * the connect layer, never into settings or SQLite.
 */

#define G_LOG_DOMAIN "sp-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-credentials.h"
#include "sp-platform-config.h"
#include "sp-preferences-window.h"

struct _SpPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;      /* owned */
  GCancellable         *cancellable;   /* owned */
  GtkFileChooserNative *chooser;       /* owned while open */
  char                 *db_path;       /* the workspace, or NULL */
  guint                 save_source;
  gboolean              filling;

  /* Template widgets */
  AdwEntryRow          *platform_url_row;
  AdwEntryRow          *tenant_row;
  AdwEntryRow          *client_id_row;
  AdwEntryRow          *secret_row;
  AdwActionRow         *credentials_row;
  GtkWidget            *save_credentials_button;
  AdwEntryRow          *content_url_row;
  GtkSwitch            *approval_switch;
  AdwActionRow         *data_folder_row;
};

G_DEFINE_FINAL_TYPE (SpPreferencesWindow, sp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
update_folder (SpPreferencesWindow *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "data-folder");

  adw_action_row_set_subtitle (self->data_folder_row,
                               *folder ? folder : g_get_user_data_dir ());
}

static void
credentials_changed_cb (SpPreferencesWindow *self)
{
  gtk_widget_set_sensitive (self->save_credentials_button,
                            *gtk_editable_get_text (GTK_EDITABLE (self->client_id_row)) &&
                            *gtk_editable_get_text (GTK_EDITABLE (self->secret_row)));
}

static SpPlatformConfig *
dup_config (SpPreferencesWindow *self)
{
  SpPlatformConfig *config = g_new0 (SpPlatformConfig, 1);
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->platform_url_row));
  const char *content = gtk_editable_get_text (GTK_EDITABLE (self->content_url_row));

  config->url = *url ? g_strdup (url) : NULL;
  config->tenant = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tenant_row)));
  config->client_id = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->client_id_row)));
  config->content_url = *content ? g_strdup (content) : NULL;

  return config;
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SpPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;

  if (!sp_credentials_store_finish (result, &where, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_action_row_set_subtitle (self->credentials_row, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->credentials_row), "error");
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->credentials_row), "error");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Credentials stored in the keyring")));
}

static void
save_credentials_cb (SpPreferencesWindow *self)
{
  g_autoptr(SpPlatformConfig) config = dup_config (self);
  g_autofree char *account = sp_platform_config_account (config);

  sp_credentials_store_async ("platform", account,
                              gtk_editable_get_text (GTK_EDITABLE (self->secret_row)),
                              self->cancellable, stored_cb, g_object_ref (self));
}

typedef struct
{
  char             *db_path;
  SpPlatformConfig *config;   /* to save; NULL to load */
} ConfigJob;

static void
config_job_free (ConfigJob *job)
{
  g_free (job->db_path);
  g_clear_pointer (&job->config, sp_platform_config_free);
  g_free (job);
}

static void
config_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ConfigJob *job = task_data;
  g_autoptr(SpRunStore) store = sp_run_store_new (job->db_path);
  SpPlatformConfig *config;
  GError *error = NULL;

  if (job->config != NULL)
    {
      if (!sp_platform_config_save (job->config, store, &error))
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, NULL, NULL);
      return;
    }

  if (!(config = sp_platform_config_load (store, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, config, (GDestroyNotify)sp_platform_config_free);
}

static void
run_config_job (SpPreferencesWindow *self,
                SpPlatformConfig    *config,
                GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = NULL;
  ConfigJob *job = g_new0 (ConfigJob, 1);

  job->db_path = g_strdup (self->db_path);
  job->config = config;
  task = g_task_new (self, self->cancellable, callback, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)config_job_free);
  g_task_run_in_thread (task, config_worker);
}

static void
config_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SpPreferencesWindow *self = SP_PREFERENCES_WINDOW (object);
  g_autoptr(SpPlatformConfig) config = NULL;
  g_autoptr(GError) error = NULL;

  if (!(config = g_task_propagate_pointer (G_TASK (result), &error)))
    return;

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->platform_url_row), config->url ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->tenant_row), config->tenant ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->client_id_row), config->client_id ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->content_url_row), config->content_url ?: "");
  self->filling = FALSE;
}

static void
config_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SpPreferencesWindow *self = SP_PREFERENCES_WINDOW (object);
  g_autoptr(GError) error = NULL;

  g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static gboolean
save_config_cb (gpointer user_data)
{
  SpPreferencesWindow *self = user_data;

  self->save_source = 0;
  if (self->db_path != NULL)
    run_config_job (self, dup_config (self), config_saved_cb);

  return G_SOURCE_REMOVE;
}

static void
platform_changed_cb (SpPreferencesWindow *self)
{
  if (self->filling)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (500, save_config_cb, self);
}

static void
chooser_response_cb (SpPreferencesWindow *self,
                     int                  response,
                     GtkNativeDialog     *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        g_settings_set_string (self->settings, "data-folder", path);
    }

  g_clear_object (&self->chooser);
}

static void
choose_folder_cb (SpPreferencesWindow *self)
{
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Data Folder"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
reset_folder_cb (SpPreferencesWindow *self)
{
  g_settings_reset (self->settings, "data-folder");
}

static void
sp_preferences_window_dispose (GObject *object)
{
  SpPreferencesWindow *self = (SpPreferencesWindow *)object;

  if (self->save_source != 0)
    {
      g_source_remove (self->save_source);
      save_config_cb (self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (sp_preferences_window_parent_class)->dispose (object);
}

static void
sp_preferences_window_class_init (SpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/sp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, platform_url_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, tenant_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, client_id_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, secret_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, credentials_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, save_credentials_button);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, content_url_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, approval_switch);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, data_folder_row);
  gtk_widget_class_bind_template_callback (widget_class, credentials_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, platform_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_credentials_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_folder_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_folder_cb);
}

static void
sp_preferences_window_init (SpPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "approval-required", self->approval_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::data-folder", G_CALLBACK (update_folder),
                           self, G_CONNECT_SWAPPED);
  update_folder (self);
}

/**
 * sp_preferences_window_new:
 * @db_path: (nullable): the open workspace, whose platform settings are shown
 */
SpPreferencesWindow *
sp_preferences_window_new (const char *db_path)
{
  SpPreferencesWindow *self = g_object_new (SP_TYPE_PREFERENCES_WINDOW, NULL);

  self->db_path = g_strdup (db_path);
  if (db_path != NULL)
    run_config_job (self, NULL, config_loaded_cb);
  else
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->platform_url_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->tenant_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->content_url_row), FALSE);
    }

  return self;
}
