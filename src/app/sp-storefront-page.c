/* sp-storefront-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The campaign's imagery (a file chooser, or image files dropped on the
 * page, with a preview) and its banner: title, text, link, placement. Saved
 * as the campaign's banner as it is edited.
 */

#define G_LOG_DOMAIN "sp-storefront-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-banner.h"
#include "sp-storefront-page.h"
#include "sp-undo-toast.h"

#define SAVE_DELAY_MS 500

struct _SpStorefrontPage
{
  SpCampaignPage        parent_instance;

  SpCampaign           *shown;         /* owned; the campaign the fields show */
  SpBanner             *banner;        /* owned; as last stored, or NULL before the first save */
  char                 *image_path;
  GtkFileChooserNative *chooser;
  GCancellable         *load_cancellable;
  GSignalGroup         *workspace_signals;  /* owned */
  GSignalGroup         *campaign_signals;   /* owned */
  guint                 save_source;
  gboolean              filling;

  /* Template widgets */
  GtkWidget            *drop_box;
  GtkPicture           *picture;
  GtkLabel             *image_label;
  GtkWidget            *remove_image_button;
  GtkWidget            *choose_button;
  AdwEntryRow          *title_row;
  AdwEntryRow          *body_row;
  AdwEntryRow          *link_row;
  AdwComboRow          *placement_row;
};

G_DEFINE_FINAL_TYPE (SpStorefrontPage, sp_storefront_page, SP_TYPE_CAMPAIGN_PAGE)

static const char *placements[] = { "home-hero", "category-top", "search-results", "checkout" };

/* Stores what the fields show as the campaign's banner; FALSE when there
 * is nothing to store (no title yet). Typing (@typed) is undone in runs. */
static gboolean
save_banner (SpStorefrontPage *self,
             gboolean          typed)
{
  SpCampaign *campaign = self->shown;
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  guint placement = adw_combo_row_get_selected (self->placement_row);
  SpBanner *banner;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (campaign == NULL || workspace == NULL || *title == '\0')
    return FALSE;

  banner = g_object_new (SP_TYPE_BANNER,
                         "id", self->banner ? sp_banner_get_id (self->banner) : NULL,
                         "title", title, NULL);
  sp_banner_set_campaign_id (banner, sp_campaign_get_id (campaign));
  sp_banner_set_body (banner, gtk_editable_get_text (GTK_EDITABLE (self->body_row)));
  sp_banner_set_link (banner, gtk_editable_get_text (GTK_EDITABLE (self->link_row)));
  sp_banner_set_placement (banner, placements[MIN (placement, G_N_ELEMENTS (placements) - 1)]);
  sp_banner_set_image_path (banner, self->image_path);
  if (self->banner != NULL)
    sp_banner_set_remote_id (banner, sp_banner_get_remote_id (self->banner));

  /* The workspace keeps the banner as it was, for Undo. */
  if (typed)
    {
      sp_workspace_edit_offer (workspace, campaign, G_OBJECT (self->banner), G_OBJECT (banner));
    }
  else
    {
      g_autoptr(GPtrArray) before = g_ptr_array_new ();
      g_autoptr(GPtrArray) after = g_ptr_array_new ();

      g_ptr_array_add (before, self->banner);
      g_ptr_array_add (after, banner);
      sp_workspace_edit_offers (workspace, campaign, before, after);
    }
  g_clear_object (&self->banner);
  self->banner = banner;

  return TRUE;
}

static gboolean
is_editable (SpStorefrontPage *self)
{
  return self->shown != NULL && sp_campaign_is_editable (self->shown);
}

/* A plan under review or beyond is frozen, as on the other pages. */
static void
update_sensitivity (SpStorefrontPage *self)
{
  gboolean editable = is_editable (self);

  gtk_widget_set_sensitive (self->choose_button, editable);
  gtk_widget_set_sensitive (self->remove_image_button, editable && self->image_path != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->title_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->body_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->link_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->placement_row), editable);
}

static gboolean
save_cb (gpointer user_data)
{
  SpStorefrontPage *self = user_data;

  self->save_source = 0;
  save_banner (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
changed_cb (SpStorefrontPage *self)
{
  if (self->filling)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

static void
show_image (SpStorefrontPage *self,
            const char       *path)
{
  gtk_widget_set_sensitive (self->remove_image_button, path != NULL && is_editable (self));
  if (g_strcmp0 (path, self->image_path) == 0 &&
      (path == NULL) == (gtk_picture_get_paintable (self->picture) == NULL))
    return;

  g_free (self->image_path);
  self->image_path = g_strdup (path);

  if (path != NULL)
    {
      g_autofree char *name = g_path_get_basename (path);

      gtk_picture_set_filename (self->picture, path);
      gtk_label_set_label (self->image_label, name);
    }
  else
    {
      gtk_picture_set_paintable (self->picture, NULL);
      gtk_label_set_label (self->image_label, _("Drop an image file here"));
    }
}

/**
 * sp_storefront_page_set_image_file:
 * @self: a #SpStorefrontPage
 * @file: an image file
 *
 * Makes @file the campaign's image, as the file chooser and a drop do.
 */
void
sp_storefront_page_set_image_file (SpStorefrontPage *self,
                                   GFile            *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (SP_IS_STOREFRONT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if ((path = g_file_get_path (file)) == NULL)
    return;

  show_image (self, path);
  changed_cb (self);
}

static gboolean
drop_cb (GtkDropTarget    *target,
         const GValue     *value,
         double            x,
         double            y,
         SpStorefrontPage *self)
{
  gtk_widget_remove_css_class (self->drop_box, "dragging");
  if (!G_VALUE_HOLDS (value, G_TYPE_FILE) || !is_editable (self))
    return FALSE;

  sp_storefront_page_set_image_file (self, g_value_get_object (value));
  return TRUE;
}

static GdkDragAction
drag_enter_cb (GtkDropTarget    *target,
               double            x,
               double            y,
               SpStorefrontPage *self)
{
  gtk_widget_add_css_class (self->drop_box, "dragging");
  return GDK_ACTION_COPY;
}

static void
drag_leave_cb (GtkDropTarget    *target,
               SpStorefrontPage *self)
{
  gtk_widget_remove_css_class (self->drop_box, "dragging");
}

static void
chooser_response_cb (SpStorefrontPage *self,
                     int               response,
                     GtkNativeDialog  *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        sp_storefront_page_set_image_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_image_cb (SpStorefrontPage *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_pixbuf_formats (filter);
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Campaign Image"),
                                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
remove_image_cb (SpStorefrontPage *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (self->image_path == NULL)
    return;

  name = g_path_get_basename (self->image_path);
  /* Text typed just before is stored first, as a step of its own. */
  if (self->save_source != 0)
    save_banner (self, TRUE);
  show_image (self, NULL);
  if (save_banner (self, FALSE))
    {
      /* Translators: a toast; %s is an image file name */
      title = g_strdup_printf (_("Image %s removed"), name);
      SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));

      sp_undo_toast_show (GTK_WIDGET (self), title, sp_workspace_get_undo_serial (workspace));
    }
}

/* Setting the same text would move the cursor of someone typing there. */
static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ?: "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ?: "");
}

static void
fill (SpStorefrontPage *self,
      SpBanner         *banner)
{
  guint placement;

  self->filling = TRUE;
  g_set_object (&self->banner, banner);
  set_text (self->title_row, banner ? sp_banner_get_title (banner) : "");
  set_text (self->body_row, banner ? sp_banner_get_body (banner) : "");
  set_text (self->link_row, banner ? sp_banner_get_link (banner) : "");
  placement = 0;
  for (guint i = 0; banner != NULL && i < G_N_ELEMENTS (placements); i++)
    {
      if (g_strcmp0 (sp_banner_get_placement (banner), placements[i]) == 0)
        placement = i;
    }
  adw_combo_row_set_selected (self->placement_row, placement);
  show_image (self, banner ? sp_banner_get_image_path (banner) : NULL);
  self->filling = FALSE;
}

static void
offers_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SpStorefrontPage) self = user_data;
  g_autoptr(SpCampaignOffers) offers = NULL;
  g_autoptr(GError) error = NULL;

  if (!(offers = sp_workspace_load_offers_finish (SP_WORKSPACE (object), result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sp_workspace_report_error (SP_WORKSPACE (object), error);
      return;
    }

  /* What is being typed wins over what was stored before. */
  if (self->save_source != 0)
    return;

  fill (self, offers->banners->len > 0 ? g_ptr_array_index (offers->banners, 0) : NULL);
}

static void
reload (SpStorefrontPage *self)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (campaign == NULL || workspace == NULL)
    return;

  self->load_cancellable = g_cancellable_new ();
  sp_workspace_load_offers_async (workspace, campaign, self->load_cancellable, offers_loaded_cb,
                                  g_object_ref (self));
}

static void
load (SpStorefrontPage *self)
{
  /* Pending edits go to the campaign they were made for. */
  if (self->save_source != 0)
    save_banner (self, TRUE);
  g_set_object (&self->shown, sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self)));
  fill (self, NULL);
  g_signal_group_set_target (self->workspace_signals,
                             sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self)));
  g_signal_group_set_target (self->campaign_signals,
                             sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self)));
  update_sensitivity (self);
  reload (self);
}

static void
offers_changed_cb (SpStorefrontPage *self,
                   SpCampaign       *campaign,
                   SpWorkspace      *workspace)
{
  if (campaign == sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self)) && self->save_source == 0)
    reload (self);
}

static void
sp_storefront_page_campaign_changed (SpCampaignPage *page)
{
  load (SP_STOREFRONT_PAGE (page));
}

static void
sp_storefront_page_dispose (GObject *object)
{
  SpStorefrontPage *self = (SpStorefrontPage *)object;

  if (self->save_source != 0)
    save_banner (self, TRUE);
  g_cancellable_cancel (self->load_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_STOREFRONT_PAGE);
  g_clear_object (&self->chooser);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->banner);
  g_clear_object (&self->shown);
  g_clear_object (&self->workspace_signals);
  g_clear_object (&self->campaign_signals);
  g_clear_pointer (&self->image_path, g_free);

  G_OBJECT_CLASS (sp_storefront_page_parent_class)->dispose (object);
}

static void
sp_storefront_page_class_init (SpStorefrontPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpCampaignPageClass *page_class = SP_CAMPAIGN_PAGE_CLASS (klass);

  object_class->dispose = sp_storefront_page_dispose;
  page_class->campaign_changed = sp_storefront_page_campaign_changed;
  page_class->workspace_changed = sp_storefront_page_campaign_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sp-storefront-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpStorefrontPage, drop_box);
  gtk_widget_class_bind_template_child (widget_class, SpStorefrontPage, picture);
  gtk_widget_class_bind_template_child (widget_class, SpStorefrontPage, image_label);
  gtk_widget_class_bind_template_child (widget_class, SpStorefrontPage, remove_image_button);
  gtk_widget_class_bind_template_child (widget_class, SpStorefrontPage, choose_button);
  gtk_widget_class_bind_template_child (widget_class, SpStorefrontPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, SpStorefrontPage, body_row);
  gtk_widget_class_bind_template_child (widget_class, SpStorefrontPage, link_row);
  gtk_widget_class_bind_template_child (widget_class, SpStorefrontPage, placement_row);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_image_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_image_cb);
}

static void
sp_storefront_page_init (SpStorefrontPage *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Files dropped anywhere on the page; the chooser button does the same from the keyboard. */
  target = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  g_signal_connect (target, "enter", G_CALLBACK (drag_enter_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drag_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  self->campaign_signals = g_signal_group_new (SP_TYPE_CAMPAIGN);
  g_signal_group_connect_object (self->campaign_signals, "notify::status",
                                 G_CALLBACK (update_sensitivity), self, G_CONNECT_SWAPPED);
  self->workspace_signals = g_signal_group_new (SP_TYPE_WORKSPACE);
  g_signal_group_connect_object (self->workspace_signals, "offers-changed",
                                 G_CALLBACK (offers_changed_cb), self, G_CONNECT_SWAPPED);
}
