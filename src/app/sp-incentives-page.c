/* sp-incentives-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The optional incentives step: the campaign's customer segments (saved in
 * the campaign, undoable) and segment coupons (code pattern, discount,
 * validity from the schedule, usage limit), stored with the campaign.
 */

#define G_LOG_DOMAIN "sp-incentives-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-coupon.h"
#include "sp-incentives-page.h"
#include "sp-money.h"
#include "sp-segment.h"

struct _SpIncentivesPage
{
  SpCampaignPage  parent_instance;

  GCancellable   *load_cancellable;
  GSignalGroup   *campaign_signals;
  gboolean        filling;

  /* Template widgets */
  GtkListBox     *segments_list;
  GtkListBox     *coupons_list;
  AdwEntryRow    *code_row;
  GtkSpinButton  *discount_spin;
  GtkSpinButton  *limit_spin;
  GtkWidget      *create_button;
};

G_DEFINE_FINAL_TYPE (SpIncentivesPage, sp_incentives_page, SP_TYPE_CAMPAIGN_PAGE)

static void
segment_toggled_cb (SpIncentivesPage *self,
                    GtkCheckButton   *check)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) segments = NULL;

  if (self->filling || campaign == NULL)
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->segments_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *row_check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

      if (row_check != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (row_check)))
        g_strv_builder_add (builder, gtk_widget_get_name (row_check));
    }
  segments = g_strv_builder_end (builder);
  sp_workspace_edit_campaign_strv (sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self)),
                                   campaign, "segments", (const char * const *)segments);
}

static GtkWidget *
create_segment_row (gpointer item,
                    gpointer user_data)
{
  SpIncentivesPage *self = user_data;
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpSegment *segment = item;
  GtkWidget *row = adw_action_row_new ();

  /* Names and comments are data, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  GtkWidget *check = gtk_check_button_new ();

  /* The check's name is the segment code the campaign stores. */
  gtk_widget_set_name (check, sp_segment_get_code (segment));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), campaign != NULL &&
                               g_strv_contains (sp_campaign_get_segments (campaign), sp_segment_get_code (segment)));
  g_signal_connect_object (check, "toggled", G_CALLBACK (segment_toggled_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sp_segment_get_name (segment));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sp_segment_get_description (segment));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  return row;
}

static GtkWidget *
create_coupon_row (SpCoupon *coupon)
{
  g_autofree char *discount = sp_percent_format (sp_coupon_get_discount_value (coupon));
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* Names and comments are data, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  /* Translators: a coupon: discount, segment, valid until, usage limit */
  subtitle = g_strdup_printf (_("%1$s off · segment %2$s · until %3$s · limit %4$" G_GINT64_FORMAT),
                              discount, sp_coupon_get_segment_code (coupon) ?: "—",
                              sp_coupon_get_valid_to (coupon) ?: "—", sp_coupon_get_usage_limit (coupon));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sp_coupon_get_code (coupon));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static void
offers_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SpIncentivesPage) self = user_data;
  g_autoptr(SpCampaignOffers) offers = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) old_rows = g_ptr_array_new ();

  if (!(offers = sp_workspace_load_offers_finish (SP_WORKSPACE (object), result, &error)))
    return;

  /* The placeholder is a child too; only rows go. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->coupons_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child))
        g_ptr_array_add (old_rows, child);
    }
  for (guint i = 0; i < old_rows->len; i++)
    gtk_list_box_remove (self->coupons_list, g_ptr_array_index (old_rows, i));
  for (guint i = 0; i < offers->coupons->len; i++)
    gtk_list_box_append (self->coupons_list, create_coupon_row (g_ptr_array_index (offers->coupons, i)));
}

static void
load_coupons (SpIncentivesPage *self)
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
create_coupons_cb (SpIncentivesPage *self)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));
  const char * const *segments;
  const char *pattern = gtk_editable_get_text (GTK_EDITABLE (self->code_row));

  if (campaign == NULL || workspace == NULL || *pattern == '\0')
    return;

  segments = sp_campaign_get_segments (campaign);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      g_autoptr(GString) code = g_string_new (pattern);
      SpCoupon *coupon;

      g_string_replace (code, "{SEGMENT}", segments[i], 0);
      coupon = sp_coupon_new (code->str);
      sp_coupon_set_campaign_id (coupon, sp_campaign_get_id (campaign));
      sp_coupon_set_segment_code (coupon, segments[i]);
      sp_coupon_set_discount_type (coupon, SP_DISCOUNT_TYPE_PERCENT);
      sp_coupon_set_discount_value (coupon, (gint64)(gtk_spin_button_get_value (self->discount_spin) * 100 + 0.5));
      sp_coupon_set_currency (coupon, sp_campaign_get_currency (campaign));
      sp_coupon_set_valid_from (coupon, sp_campaign_get_start_date (campaign));
      sp_coupon_set_valid_to (coupon, sp_campaign_get_end_date (campaign));
      sp_coupon_set_usage_limit (coupon, gtk_spin_button_get_value_as_int (self->limit_spin));
      gtk_list_box_append (self->coupons_list, create_coupon_row (coupon));
      sp_workspace_save_offer (workspace, G_OBJECT (coupon));
    }
}

static void
update_sensitivity (SpIncentivesPage *self)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  gboolean editable = campaign != NULL && sp_campaign_is_editable (campaign);

  gtk_widget_set_sensitive (GTK_WIDGET (self->segments_list), editable);
  gtk_widget_set_sensitive (self->create_button,
                            editable && sp_campaign_get_segments (campaign)[0] != NULL);
}

static void
bind_segments (SpIncentivesPage *self)
{
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));

  self->filling = TRUE;
  gtk_list_box_bind_model (self->segments_list, workspace ? sp_workspace_get_segments (workspace) : NULL,
                           create_segment_row, self, NULL);
  self->filling = FALSE;
  update_sensitivity (self);
}

static void
campaign_notify_cb (SpIncentivesPage *self,
                    GParamSpec       *pspec,
                    SpCampaign       *campaign)
{
  if (g_strcmp0 (pspec->name, "status") == 0 || g_strcmp0 (pspec->name, "segments") == 0)
    update_sensitivity (self);
}

static void
sp_incentives_page_campaign_changed (SpCampaignPage *page)
{
  SpIncentivesPage *self = SP_INCENTIVES_PAGE (page);

  g_signal_group_set_target (self->campaign_signals, sp_campaign_page_get_campaign (page));
  bind_segments (self);
  load_coupons (self);
}

static void
sp_incentives_page_dispose (GObject *object)
{
  SpIncentivesPage *self = (SpIncentivesPage *)object;

  g_cancellable_cancel (self->load_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_INCENTIVES_PAGE);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->campaign_signals);

  G_OBJECT_CLASS (sp_incentives_page_parent_class)->dispose (object);
}

static void
sp_incentives_page_class_init (SpIncentivesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpCampaignPageClass *page_class = SP_CAMPAIGN_PAGE_CLASS (klass);

  object_class->dispose = sp_incentives_page_dispose;
  page_class->campaign_changed = sp_incentives_page_campaign_changed;
  page_class->workspace_changed = sp_incentives_page_campaign_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sp-incentives-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpIncentivesPage, segments_list);
  gtk_widget_class_bind_template_child (widget_class, SpIncentivesPage, coupons_list);
  gtk_widget_class_bind_template_child (widget_class, SpIncentivesPage, code_row);
  gtk_widget_class_bind_template_child (widget_class, SpIncentivesPage, discount_spin);
  gtk_widget_class_bind_template_child (widget_class, SpIncentivesPage, limit_spin);
  gtk_widget_class_bind_template_child (widget_class, SpIncentivesPage, create_button);
  gtk_widget_class_bind_template_callback (widget_class, create_coupons_cb);
}

static void
sp_incentives_page_init (SpIncentivesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->campaign_signals = g_signal_group_new (SP_TYPE_CAMPAIGN);
  g_signal_group_connect_object (self->campaign_signals, "notify",
                                 G_CALLBACK (campaign_notify_cb), self, G_CONNECT_SWAPPED);
}
