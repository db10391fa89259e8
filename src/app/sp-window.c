/* sp-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: the campaign list in a leaflet beside the pages of the
 * selected campaign. It folds to one pane below 720 px.
 */

#define G_LOG_DOMAIN "sp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-campaign-sidebar.h"
#include "sp-campaign-view.h"
#include "sp-spinners.h"
#include "sp-window.h"

struct _SpWindow
{
  AdwApplicationWindow  parent_instance;

  GtkSpinner *loading_spinner;

  /* Owned references */
  SpWorkspace          *workspace;
  GSettings            *settings;
  GCancellable         *cancellable;   /* cancels when the window closes */
  GBinding             *title_binding; /* owned; campaign name to title */
  guint                 prefetch_id;   /* loads the catalog once the window is up */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  SpCampaignSidebar    *sidebar;
  GtkWidget            *content_box;
  GtkStack             *content_stack;
  SpCampaignView       *campaign_view;
  AdwViewSwitcherTitle *switcher_title;
  GtkRevealer          *switcher_bar;
  AdwStatusPage        *error_page;
};

G_DEFINE_FINAL_TYPE (SpWindow, sp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The pages' switcher shows only with a campaign, at the bottom when narrow. */
static void
update_switcher_cb (SpWindow *self)
{
  gboolean has_campaign = sp_campaign_view_get_campaign (self->campaign_view) != NULL;

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, has_campaign);
  gtk_revealer_set_reveal_child (self->switcher_bar,
                                 has_campaign &&
                                 adw_view_switcher_title_get_title_visible (self->switcher_title));
}

static void
show_campaign (SpWindow   *self,
               SpCampaign *campaign)
{
  sp_campaign_view_set_campaign (self->campaign_view, campaign);
  if (self->title_binding != NULL)
    g_binding_unbind (self->title_binding);
  g_clear_object (&self->title_binding);

  update_switcher_cb (self);

  if (campaign == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      adw_view_switcher_title_set_title (self->switcher_title, _("Stock Promotion"));
      return;
    }

  self->title_binding = g_object_ref (g_object_bind_property (campaign, "name",
                                                              self->switcher_title, "title",
                                                              G_BINDING_SYNC_CREATE));
  gtk_stack_set_visible_child_name (self->content_stack, "campaign");
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
campaign_activated_cb (SpWindow          *self,
                       SpCampaign        *campaign,
                       SpCampaignSidebar *sidebar)
{
  show_campaign (self, campaign);
}

static void
workspace_error_cb (SpWindow     *self,
                    const GError *error,
                    SpWorkspace  *workspace)
{
  sp_window_show_error (self, error);
}

static void
create_campaign_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SpWindow) self = user_data;
  g_autoptr(SpCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;

  if (!(campaign = sp_workspace_create_campaign_finish (SP_WORKSPACE (object), result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sp_window_show_error (self, error);
      return;
    }

  sp_campaign_sidebar_select (self->sidebar, campaign);
  show_campaign (self, campaign);
  sp_campaign_view_focus_name (self->campaign_view);
  sp_window_add_toast (self, adw_toast_new (_("Draft campaign created")));
}

static void
new_campaign_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);

  if (self->workspace == NULL)
    return;

  sp_workspace_create_campaign_async (self->workspace, _("New Campaign"), self->cancellable,
                                      create_campaign_cb, g_object_ref (self));
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
  sp_campaign_sidebar_focus_search (self->sidebar);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);

  /* Ctrl+Z in a text field undoes typing there first. */
  if (GTK_IS_TEXT (gtk_root_get_focus (GTK_ROOT (self))))
    {
      gtk_widget_activate_action (gtk_root_get_focus (GTK_ROOT (self)), "text.undo", NULL);
      return;
    }

  if (self->workspace == NULL || !sp_workspace_undo (self->workspace))
    sp_window_add_toast (self, adw_toast_new (_("Nothing to undo")));
}

static void
save_window_state (SpWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
sp_window_close_request (GtkWindow *window)
{
  save_window_state (SP_WINDOW (window));

  return GTK_WINDOW_CLASS (sp_window_parent_class)->close_request (window);
}

static void
sp_window_dispose (GObject *object)
{
  SpWindow *self = (SpWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->prefetch_id, g_source_remove);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_func (self->workspace, workspace_error_cb, self);
  if (self->title_binding != NULL)
    g_binding_unbind (self->title_binding);
  g_clear_object (&self->title_binding);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_WINDOW);
  g_clear_object (&self->workspace);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sp_window_parent_class)->dispose (object);
}

static void
sp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SpWindow *self = SP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SpWindow *self = SP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      sp_window_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_window_class_init (SpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sp_window_dispose;
  object_class->get_property = sp_window_get_property;
  object_class->set_property = sp_window_set_property;
  window_class->close_request = sp_window_close_request;

  properties [PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         SP_TYPE_WORKSPACE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SP_TYPE_CAMPAIGN_SIDEBAR);
  g_type_ensure (SP_TYPE_CAMPAIGN_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, campaign_view);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, update_switcher_cb);
  gtk_widget_class_bind_template_callback (widget_class, campaign_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.new-campaign", NULL, new_campaign_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-campaign", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
}

static void
sp_window_init (SpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sp_spinner_spin_while_mapped (self->loading_spinner);

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-campaign", FALSE);
  update_switcher_cb (self);
}

SpWindow *
sp_window_new (SpApplication *application)
{
  return g_object_new (SP_TYPE_WINDOW, "application", application, NULL);
}

SpWorkspace *
sp_window_get_workspace (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return self->workspace;
}

static gboolean
prefetch_catalog_cb (gpointer data)
{
  SpWindow *self = data;

  self->prefetch_id = 0;
  if (self->workspace != NULL)
    sp_workspace_load_catalog (self->workspace);

  return G_SOURCE_REMOVE;
}

void
sp_window_set_workspace (SpWindow    *self,
                         SpWorkspace *workspace)
{
  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (!workspace || SP_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_func (self->workspace, workspace_error_cb, self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    g_signal_connect_swapped (workspace, "error", G_CALLBACK (workspace_error_cb), self);

  sp_campaign_view_set_workspace (self->campaign_view, workspace);
  sp_campaign_sidebar_set_model (self->sidebar,
                                 workspace ? sp_workspace_get_campaigns (workspace) : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-campaign", workspace != NULL);
  gtk_stack_set_visible_child_name (self->content_stack, workspace ? "empty" : "loading");

  /* The catalog loads off the main thread, after the first frames: by the
   * time a campaign's Scope or Pricing page is opened it is there. */
  g_clear_handle_id (&self->prefetch_id, g_source_remove);
  if (workspace != NULL)
    self->prefetch_id = g_idle_add_full (G_PRIORITY_LOW, prefetch_catalog_cb, self, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WORKSPACE]);
}

/* Shows why the workspace could not be opened, or a toast for a later error. */
void
sp_window_show_error (SpWindow     *self,
                      const GError *error)
{
  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  if (self->workspace == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      return;
    }

  sp_window_add_toast (self, adw_toast_new (error->message));
}

/* Takes ownership of @toast. */
void
sp_window_add_toast (SpWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

GtkWidget *
sp_window_get_sidebar (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->sidebar);
}

GtkWidget *
sp_window_get_campaign_view (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->campaign_view);
}
