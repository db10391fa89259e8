/* sp-approval-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Submit, approve or reject (the buttons use the campaign.* actions of
 * SpCampaignView, which ask for a comment), the skip-approval setting and
 * the stored history of decisions taken on this campaign, newest first,
 * read again whenever the campaign's status moves.
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
  GListStore         *history;           /* owned; SpApproval of this campaign, newest first */
  GCancellable       *load_cancellable;  /* owned */
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

  const char *decided_at = sp_approval_get_decided_at (approval);
  g_autoptr(GDateTime) utc = decided_at ? g_date_time_new_from_iso8601 (decided_at, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  g_autofree char *when = local ? g_date_time_format (local, "%x %H:%M") : g_strdup (decided_at ?: "");
  const char *actor = sp_approval_get_actor (approval);

  /* Translators: who decided and when, in the approval history */
  subtitle = g_strdup_printf (_("%1$s · %2$s"), actor && *actor ? actor : _("Unknown"), when);
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

static void
history_changed_cb (SpApprovalPage *self)
{
  gtk_stack_set_visible_child_name (self->history_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->history)) > 0
                                    ? "list" : "empty");
}

static void
approvals_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SpApprovalPage) self = user_data;
  g_autoptr(GPtrArray) approvals = NULL;
  g_autoptr(GError) error = NULL;

  if (!(approvals = sp_workspace_load_approvals_finish (SP_WORKSPACE (object), result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sp_workspace_report_error (SP_WORKSPACE (object), error);
      return;
    }

  /* The store gives the oldest first; the page shows the newest first. */
  for (guint i = 0; i < approvals->len / 2; i++)
    {
      gpointer tmp = approvals->pdata[i];

      approvals->pdata[i] = approvals->pdata[approvals->len - 1 - i];
      approvals->pdata[approvals->len - 1 - i] = tmp;
    }
  g_list_store_splice (self->history, 0, g_list_model_get_n_items (G_LIST_MODEL (self->history)),
                       approvals->pdata, approvals->len);
}

static void
load_history (SpApprovalPage *self)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (campaign == NULL || workspace == NULL)
    {
      g_list_store_remove_all (self->history);
      return;
    }

  self->load_cancellable = g_cancellable_new ();
  sp_workspace_load_approvals_async (workspace, campaign, self->load_cancellable,
                                     approvals_loaded_cb, g_object_ref (self));
}

static void
status_changed_cb (SpApprovalPage *self)
{
  update_state (self);
  /* A review decision was stored with the move: show it. */
  load_history (self);
}

static void
sp_approval_page_campaign_changed (SpCampaignPage *page)
{
  SpApprovalPage *self = SP_APPROVAL_PAGE (page);
  SpCampaign *campaign = sp_campaign_page_get_campaign (page);
  g_autoptr(SpApproval) first = g_list_model_get_item (G_LIST_MODEL (self->history), 0);

  /* Another campaign's history is not shown while this one's loads. */
  if (first != NULL &&
      (campaign == NULL || g_strcmp0 (sp_approval_get_campaign_id (first), sp_campaign_get_id (campaign)) != 0))
    g_list_store_remove_all (self->history);

  g_signal_group_set_target (self->campaign_signals, campaign);
  update_state (self);
  load_history (self);
}

static void
sp_approval_page_workspace_changed (SpCampaignPage *page)
{
  SpApprovalPage *self = SP_APPROVAL_PAGE (page);
  SpWorkspace *workspace = sp_campaign_page_get_workspace (page);

  if (self->required_binding != NULL)
    g_binding_unbind (self->required_binding);
  g_clear_object (&self->required_binding);

  load_history (self);
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
  g_cancellable_cancel (self->load_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_APPROVAL_PAGE);
  g_clear_object (&self->campaign_signals);
  g_clear_object (&self->history);
  g_clear_object (&self->load_cancellable);

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
                                 G_CALLBACK (status_changed_cb), self, G_CONNECT_SWAPPED);

  self->history = g_list_store_new (SP_TYPE_APPROVAL);
  gtk_list_box_bind_model (self->history_list, G_LIST_MODEL (self->history),
                           create_history_row, NULL, NULL);
  g_signal_connect_object (self->history, "items-changed", G_CALLBACK (history_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * sp_approval_page_get_history:
 * @self: a #SpApprovalPage
 *
 * Returns: (transfer none): the shown decisions (#SpApproval), newest first
 */
GListModel *
sp_approval_page_get_history (SpApprovalPage *self)
{
  g_return_val_if_fail (SP_IS_APPROVAL_PAGE (self), NULL);

  return G_LIST_MODEL (self->history);
}
