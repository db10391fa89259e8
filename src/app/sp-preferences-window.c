/* sp-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workspace settings, bound to GSettings; the platform credentials go
 * to the Secret Service through libsecret, never into settings or SQLite.
 */

#define G_LOG_DOMAIN "sp-preferences-window"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "sp-preferences-window.h"

struct _SpPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;      /* owned */
  GCancellable         *cancellable;   /* owned */
  GtkFileChooserNative *chooser;       /* owned while open */

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

static const SecretSchema *
credentials_schema (void)
{
  static const SecretSchema schema = {
    APP_ID ".Credentials", SECRET_SCHEMA_NONE,
    {
      { "platform-url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "client-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

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

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SpPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
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
  g_autofree char *url = g_settings_get_string (self->settings, "platform-url");

  secret_password_store (credentials_schema (), SECRET_COLLECTION_DEFAULT,
                         _("Stock Promotion commerce platform"),
                         gtk_editable_get_text (GTK_EDITABLE (self->secret_row)),
                         self->cancellable, stored_cb, g_object_ref (self),
                         "platform-url", url,
                         "client-id", gtk_editable_get_text (GTK_EDITABLE (self->client_id_row)),
                         NULL);
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

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

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
  g_settings_bind (self->settings, "platform-url", self->platform_url_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "platform-tenant", self->tenant_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "content-platform-url", self->content_url_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "approval-required", self->approval_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::data-folder", G_CALLBACK (update_folder),
                           self, G_CONNECT_SWAPPED);
  update_folder (self);
}

SpPreferencesWindow *
sp_preferences_window_new (void)
{
  return g_object_new (SP_TYPE_PREFERENCES_WINDOW, NULL);
}
