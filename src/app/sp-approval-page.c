/* sp-approval-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Submit, approve or reject (the buttons use the campaign.* actions of
 * SpCampaignView, which ask for a comment), the skip-approval setting and
 * the decisions taken on this campaign.
 */

#define G_LOG_DOMAIN "sp-approval-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-approval-page.h"
#include "sp-approval.h"
#include "sp-campaign-row.h"
#include "sp-enum-strings.h"

struct _SpApprovalPage
{
  SpCampaignPage      parent_instance;

  GSignalGroup       *campaign_signals;  /* owned */
  GtkFilterListModel *history;           /* owned; approvals of this campaign */
  GtkCustomFilter    *filter;            /* owned */
  GBinding           *required_binding;  /* owned */

  /* Template widgets */
  AdwActionRow       *state_row;
  GtkLabel           *status_label;
  GtkSwitch          *required_switch;
  GtkWidget          *submit_button;
  GtkWidget          *reject_button;
  GtkWidget          *approve_button;
  GtkStack           *history_stack;
  GtkListBox         *history_list;
};

G_DEFINE_FINAL_TYPE (SpApprovalPage, sp_approval_page, SP_TYPE_CAMPAIGN_PAGE)

static void
update_state (SpApprovalPage *self)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));
  gboolean required = workspace == NULL || sp_workspace_get_approval_required (workspace);
  SpCampaignStatus status;

  if (campaign == NULL)
    return;

  status = sp_campaign_get_status (campaign);
  gtk_label_set_label (self->status_label, sp_campaign_status_to_label (status));
  sp_campaign_status_apply_css (GTK_WIDGET (self->status_label), status);

  gtk_widget_set_visible (self->submit_button,
                          required && sp_campaign_can_transition (status, SP_CAMPAIGN_STATUS_IN_REVIEW));
  gtk_widget_set_visible (self->reject_button,
                          sp_campaign_can_transition (status, SP_CAMPAIGN_STATUS_REJECTED));
  gtk_widget_set_visible (self->approve_button,
                          status == SP_CAMPAIGN_STATUS_IN_REVIEW ||
                          (!required && status == SP_CAMPAIGN_STATUS_PLANNED));

  if (status == SP_CAMPAIGN_STATUS_DRAFT)
    adw_action_row_set_subtitle (self->state_row, _("Mark the plan as planned on the Overview before submitting it."));
  else
    adw_action_row_set_subtitle (self->state_row, "");
}

static GtkWidget *
create_history_row (gpointer item,
                    gpointer user_data)
{
  SpApproval *approval = item;
  g_autofree char *subtitle = NULL;
  const char *comment = sp_approval_get_comment (approval);
  GtkWidget *row = adw_action_row_new ();

  /* Names and comments are data, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  /* Translators: who decided and when, in the approval history */
  subtitle = g_strdup_printf (_("%1$s · %2$s"), sp_approval_get_actor (approval),
                              sp_approval_get_decided_at (approval));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 sp_approval_decision_to_label (sp_approval_get_decision (approval)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (comment != NULL && *comment != '\0')
    {
      GtkWidget *label = gtk_label_new (comment);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  return row;
}

static gboolean
match_approval_cb (gpointer item,
                   gpointer user_data)
{
  SpApprovalPage *self = user_data;
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));

  return campaign != NULL &&
         g_strcmp0 (sp_approval_get_campaign_id (item), sp_campaign_get_id (campaign)) == 0;
}

static void
history_changed_cb (SpApprovalPage *self)
{
  gtk_stack_set_visible_child_name (self->history_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->history)) > 0
                                    ? "list" : "empty");
}

static void
sp_approval_page_campaign_changed (SpCampaignPage *page)
{
  SpApprovalPage *self = SP_APPROVAL_PAGE (page);

  g_signal_group_set_target (self->campaign_signals, sp_campaign_page_get_campaign (page));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
sp_approval_page_workspace_changed (SpCampaignPage *page)
{
  SpApprovalPage *self = SP_APPROVAL_PAGE (page);
  SpWorkspace *workspace = sp_campaign_page_get_workspace (page);

  if (self->required_binding != NULL)
    g_binding_unbind (self->required_binding);
  g_clear_object (&self->required_binding);

  gtk_filter_list_model_set_model (self->history,
                                   workspace ? sp_workspace_get_approvals (workspace) : NULL);
  if (workspace == NULL)
    return;

  self->required_binding = g_object_ref (g_object_bind_property (workspace, "approval-required",
                                                                 self->required_switch, "active",
                                                                 G_BINDING_SYNC_CREATE |
                                                                 G_BINDING_BIDIRECTIONAL));
  g_signal_connect_object (workspace, "notify::approval-required", G_CALLBACK (update_state),
                           self, G_CONNECT_SWAPPED);
  update_state (self);
}

static void
sp_approval_page_dispose (GObject *object)
{
  SpApprovalPage *self = (SpApprovalPage *)object;

  if (self->required_binding != NULL)
    g_binding_unbind (self->required_binding);
  g_clear_object (&self->required_binding);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_APPROVAL_PAGE);
  g_clear_object (&self->campaign_signals);
  g_clear_object (&self->history);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (sp_approval_page_parent_class)->dispose (object);
}

static void
sp_approval_page_class_init (SpApprovalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpCampaignPageClass *page_class = SP_CAMPAIGN_PAGE_CLASS (klass);

  object_class->dispose = sp_approval_page_dispose;
  page_class->campaign_changed = sp_approval_page_campaign_changed;
  page_class->workspace_changed = sp_approval_page_workspace_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sp-approval-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpApprovalPage, state_row);
  gtk_widget_class_bind_template_child (widget_class, SpApprovalPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, SpApprovalPage, required_switch);
  gtk_widget_class_bind_template_child (widget_class, SpApprovalPage, submit_button);
  gtk_widget_class_bind_template_child (widget_class, SpApprovalPage, reject_button);
  gtk_widget_class_bind_template_child (widget_class, SpApprovalPage, approve_button);
  gtk_widget_class_bind_template_child (widget_class, SpApprovalPage, history_stack);
  gtk_widget_class_bind_template_child (widget_class, SpApprovalPage, history_list);
}

static void
sp_approval_page_init (SpApprovalPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->campaign_signals = g_signal_group_new (SP_TYPE_CAMPAIGN);
  g_signal_group_connect_object (self->campaign_signals, "notify::status",
                                 G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);

  self->filter = gtk_custom_filter_new (match_approval_cb, self, NULL);
  self->history = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  gtk_list_box_bind_model (self->history_list, G_LIST_MODEL (self->history),
                           create_history_row, NULL, NULL);
  g_signal_connect_object (self->history, "items-changed", G_CALLBACK (history_changed_cb),
                           self, G_CONNECT_SWAPPED);
}
