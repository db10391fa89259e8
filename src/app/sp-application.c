/* sp-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the workspace (from --db, $SP_DB, or the data folder) off the main
 * thread, owns it, and hands it to the window.
 */

#define G_LOG_DOMAIN "sp-application"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-application.h"
#include "sp-preferences-window.h"
#include "sp-window.h"
#include "sp-workspace.h"

struct _SpApplication
{
  AdwApplication  parent_instance;

  SpWorkspace    *workspace;    /* owned; NULL until opened */
  char           *db_path;      /* owned; from --db */
  GCancellable   *cancellable;  /* owned */
  gboolean        opening;
};

G_DEFINE_FINAL_TYPE (SpApplication, sp_application, ADW_TYPE_APPLICATION)

static void
workspace_opened_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SpApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  self->opening = FALSE;
  self->workspace = sp_workspace_open_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Every window, focused or not (under Xvfb there is no focus). */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (!SP_IS_WINDOW (l->data))
        continue;
      if (self->workspace != NULL)
        sp_window_set_workspace (l->data, self->workspace);
      else
        sp_window_show_error (l->data, error);
    }
}

static void
sp_application_activate (GApplication *app)
{
  SpApplication *self = SP_APPLICATION (app);
  GtkWindow *window;

  /* The store opens in a worker while the window is being built. */
  if (self->workspace == NULL && !self->opening)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *path = self->db_path ? g_strdup (self->db_path)
                                            : sp_workspace_default_path (settings);

      self->opening = TRUE;
      sp_workspace_open_async (path, self->cancellable, workspace_opened_cb, g_object_ref (self));
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL && gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    window = gtk_application_get_windows (GTK_APPLICATION (app))->data;
  if (window == NULL)
    {
      window = GTK_WINDOW (sp_window_new (self));
      if (self->workspace != NULL)
        sp_window_set_workspace (SP_WINDOW (window), self->workspace);
    }

  gtk_window_present (window);
}

static int
sp_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  SpApplication *self = SP_APPLICATION (app);
  g_autofree char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^ay", &db))
    {
      g_free (self->db_path);
      self->db_path = g_steal_pointer (&db);
    }

  return -1;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SpApplication *self = user_data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    gtk_window_close (l->data);
  g_application_quit (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SpApplication *self = user_data;
  static const char *developers[] = { "Stock Promotion contributors", NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Stock Promotion"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("Stock Promotion contributors"),
                         "developers", developers,
                         "comments", _("Turn overstock into coordinated clearance campaigns."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 Stock Promotion contributors",
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  SpPreferencesWindow *preferences =
    sp_preferences_window_new (self->workspace ? sp_workspace_get_path (self->workspace) : NULL);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
};

static void
sp_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (sp_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);
}

static void
sp_application_dispose (GObject *object)
{
  SpApplication *self = (SpApplication *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->workspace);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (sp_application_parent_class)->dispose (object);
}

static void
sp_application_class_init (SpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sp_application_dispose;
  app_class->activate = sp_application_activate;
  app_class->startup = sp_application_startup;
  app_class->handle_local_options = sp_application_handle_local_options;
}

static void
sp_application_init (SpApplication *self)
{
  self->cancellable = g_cancellable_new ();

  g_application_add_main_option (G_APPLICATION (self), "db", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_FILENAME,
                                 _("Open the workspace database at PATH"), _("PATH"));
}

SpApplication *
sp_application_new (void)
{
  return g_object_new (SP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/* Returns: (transfer none) (nullable): the open workspace */
SpWorkspace *
sp_application_get_workspace (SpApplication *self)
{
  g_return_val_if_fail (SP_IS_APPLICATION (self), NULL);

  return self->workspace;
}
