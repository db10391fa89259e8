/* sp-campaign-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages of one campaign in an AdwViewStack, and the lifecycle actions
 * (campaign.plan, campaign.submit, …) that every page's buttons use. A page
 * is built the first time it is shown or asked for: the window's first
 * frame does not wait for eight pages nobody has opened yet.
 */

#define G_LOG_DOMAIN "sp-campaign-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-approval-page.h"
#include "sp-campaign-page.h"
#include "sp-campaign-view.h"
#include "sp-execution-page.h"
#include "sp-incentives-page.h"
#include "sp-overview-page.h"
#include "sp-pricing-page.h"
#include "sp-quotes-page.h"
#include "sp-scope-page.h"
#include "sp-storefront-page.h"

struct _SpCampaignView
{
  GtkWidget       parent_instance;

  /* Owned references */
  SpCampaign     *campaign;
  SpWorkspace    *workspace;
  GSignalGroup   *campaign_signals;
  GCancellable   *cancellable;

  /* Template widgets */
  AdwViewStack   *stack;
};

G_DEFINE_FINAL_TYPE (SpCampaignView, sp_campaign_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CAMPAIGN,
  PROP_STACK,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const struct {
  const char       *action;
  SpCampaignStatus  to;
} lifecycle_actions[] = {
  { "campaign.plan", SP_CAMPAIGN_STATUS_PLANNED },
  { "campaign.submit", SP_CAMPAIGN_STATUS_IN_REVIEW },
  { "campaign.approve", SP_CAMPAIGN_STATUS_APPROVED },
  { "campaign.reject", SP_CAMPAIGN_STATUS_REJECTED },
  { "campaign.execute", SP_CAMPAIGN_STATUS_EXECUTING },
  { "campaign.end", SP_CAMPAIGN_STATUS_ENDED },
  { "campaign.reopen", SP_CAMPAIGN_STATUS_DRAFT },
};

static void
update_actions (SpCampaignView *self)
{
  SpCampaignStatus status = self->campaign ? sp_campaign_get_status (self->campaign) : 0;
  gboolean skip_review = self->workspace && !sp_workspace_get_approval_required (self->workspace);

  for (guint i = 0; i < G_N_ELEMENTS (lifecycle_actions); i++)
    {
      SpCampaignStatus to = lifecycle_actions[i].to;
      gboolean enabled = self->campaign != NULL && self->workspace != NULL &&
                         sp_campaign_can_transition (status, to);

      /* Approving straight from "planned" is the skip-approval preference. */
      if (to == SP_CAMPAIGN_STATUS_APPROVED && status == SP_CAMPAIGN_STATUS_PLANNED)
        enabled = enabled && skip_review;
      if (to == SP_CAMPAIGN_STATUS_IN_REVIEW)
        enabled = enabled && !skip_review;

      gtk_widget_action_set_enabled (GTK_WIDGET (self), lifecycle_actions[i].action, enabled);
    }
}

static void
transition_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SpCampaignView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sp_workspace_transition_finish (SP_WORKSPACE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    sp_workspace_report_error (SP_WORKSPACE (object), error);
}

/* Moves the campaign to @to, with @comment for the decision history. */
void
sp_campaign_view_decide (SpCampaignView   *self,
                         SpCampaignStatus  to,
                         const char       *comment)
{
  g_return_if_fail (SP_IS_CAMPAIGN_VIEW (self));

  if (self->campaign == NULL || self->workspace == NULL)
    return;

  sp_workspace_transition_async (self->workspace, self->campaign, to, comment,
                                 self->cancellable, transition_cb, g_object_ref (self));
}

static void
respond (SpCampaignView   *self,
         AdwMessageDialog *dialog,
         const char       *response,
         SpCampaignStatus  to)
{
  GtkEditable *comment = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_strcmp0 (response, "confirm") == 0)
    sp_campaign_view_decide (self, to, gtk_editable_get_text (comment));
}

static void
approve_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SpCampaignView   *self)
{
  respond (self, dialog, response, SP_CAMPAIGN_STATUS_APPROVED);
}

static void
reject_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SpCampaignView   *self)
{
  respond (self, dialog, response, SP_CAMPAIGN_STATUS_REJECTED);
}

static void
end_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 SpCampaignView   *self)
{
  respond (self, dialog, response, SP_CAMPAIGN_STATUS_ENDED);
}

static void
ask_decision (SpCampaignView   *self,
              SpCampaignStatus  to)
{
  const char *heading, *body, *label;
  AdwResponseAppearance appearance = ADW_RESPONSE_SUGGESTED;
  GCallback response_cb;
  GtkWidget *dialog, *entry;

  switch (to)
    {
    case SP_CAMPAIGN_STATUS_APPROVED:
      heading = _("Approve the Plan?");
      body = _("Once approved, the campaign can be executed against the commerce platform.");
      label = _("_Approve");
      response_cb = G_CALLBACK (approve_response_cb);
      break;
    case SP_CAMPAIGN_STATUS_REJECTED:
      heading = _("Reject the Plan?");
      body = _("The campaign goes back to its planner. Say what has to change.");
      label = _("_Reject");
      appearance = ADW_RESPONSE_DESTRUCTIVE;
      response_cb = G_CALLBACK (reject_response_cb);
      break;
    case SP_CAMPAIGN_STATUS_ENDED:
    default:
      heading = _("End the Campaign?");
      body = _("Its price list and coupons are ended by date on the platform. This cannot be undone.");
      label = _("_End Campaign");
      appearance = ADW_RESPONSE_DESTRUCTIVE;
      response_cb = G_CALLBACK (end_response_cb);
      break;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   heading, body);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Comment"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comment on the decision"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "confirm", label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm", appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", response_cb, self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lifecycle_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SpCampaignView *self = SP_CAMPAIGN_VIEW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (lifecycle_actions); i++)
    {
      SpCampaignStatus to = lifecycle_actions[i].to;

      if (g_strcmp0 (action_name, lifecycle_actions[i].action) != 0)
        continue;

      if (to == SP_CAMPAIGN_STATUS_EXECUTING)
        {
          /* The runner moves the campaign through executing to live. */
          sp_run_controller_start (sp_workspace_get_run_controller (self->workspace),
                                   sp_campaign_get_id (self->campaign));
          adw_view_stack_set_visible_child_name (self->stack, "execution");
        }
      else if (to == SP_CAMPAIGN_STATUS_APPROVED || to == SP_CAMPAIGN_STATUS_REJECTED ||
               to == SP_CAMPAIGN_STATUS_ENDED)
        ask_decision (self, to);
      else
        sp_campaign_view_decide (self, to, NULL);
      return;
    }
}

static void
campaign_status_cb (SpCampaignView *self,
                    GParamSpec     *pspec,
                    SpCampaign     *campaign)
{
  update_actions (self);
}

/* Each stack page holds an AdwBin until its page is first needed. */
static const struct {
  const char  *name;
  GType      (*get_type) (void);
} page_types[] = {
  { "overview", sp_overview_page_get_type },
  { "scope", sp_scope_page_get_type },
  { "incentives", sp_incentives_page_get_type },
  { "pricing", sp_pricing_page_get_type },
  { "quotes", sp_quotes_page_get_type },
  { "storefront", sp_storefront_page_get_type },
  { "approval", sp_approval_page_get_type },
  { "execution", sp_execution_page_get_type },
};

static GtkWidget *
ensure_page (SpCampaignView *self,
             const char     *name)
{
  GtkWidget *bin = name ? adw_view_stack_get_child_by_name (self->stack, name) : NULL;
  GtkWidget *page;

  if (bin == NULL || !ADW_IS_BIN (bin))
    return NULL;
  if ((page = adw_bin_get_child (ADW_BIN (bin))) != NULL)
    return page;

  for (guint i = 0; i < G_N_ELEMENTS (page_types); i++)
    {
      if (g_strcmp0 (page_types[i].name, name) != 0)
        continue;

      page = g_object_new (page_types[i].get_type (), NULL);
      adw_bin_set_child (ADW_BIN (bin), page);
      sp_campaign_page_set_workspace (SP_CAMPAIGN_PAGE (page), self->workspace);
      sp_campaign_page_set_campaign (SP_CAMPAIGN_PAGE (page), self->campaign);
      return page;
    }

  return NULL;
}

static void
visible_page_cb (SpCampaignView *self)
{
  if (self->campaign != NULL)
    ensure_page (self, adw_view_stack_get_visible_child_name (self->stack));
}

static void
for_each_page (SpCampaignView *self,
               void          (*func) (SpCampaignPage *, gpointer),
               gpointer        data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *page = ADW_IS_BIN (child) ? adw_bin_get_child (ADW_BIN (child)) : NULL;

      if (page != NULL && SP_IS_CAMPAIGN_PAGE (page))
        func (SP_CAMPAIGN_PAGE (page), data);
    }
}

static void
set_page_campaign (SpCampaignPage *page,
                   gpointer        campaign)
{
  sp_campaign_page_set_campaign (page, campaign);
}

static void
set_page_workspace (SpCampaignPage *page,
                    gpointer        workspace)
{
  sp_campaign_page_set_workspace (page, workspace);
}

static void
sp_campaign_view_dispose (GObject *object)
{
  SpCampaignView *self = (SpCampaignView *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_func (self->workspace, update_actions, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_CAMPAIGN_VIEW);
  g_clear_object (&self->campaign_signals);
  g_clear_object (&self->campaign);
  g_clear_object (&self->workspace);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sp_campaign_view_parent_class)->dispose (object);
}

static void
sp_campaign_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SpCampaignView *self = SP_CAMPAIGN_VIEW (object);

  switch (prop_id)
    {
    case PROP_CAMPAIGN:
      g_value_set_object (value, self->campaign);
      break;
    case PROP_STACK:
      g_value_set_object (value, self->stack);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_campaign_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SpCampaignView *self = SP_CAMPAIGN_VIEW (object);

  switch (prop_id)
    {
    case PROP_CAMPAIGN:
      sp_campaign_view_set_campaign (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_campaign_view_class_init (SpCampaignViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_campaign_view_dispose;
  object_class->get_property = sp_campaign_view_get_property;
  object_class->set_property = sp_campaign_view_set_property;

  properties [PROP_CAMPAIGN] =
    g_param_spec_object ("campaign", NULL, NULL,
                         SP_TYPE_CAMPAIGN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_STACK] =
    g_param_spec_object ("stack", NULL, NULL,
                         ADW_TYPE_VIEW_STACK,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SP_TYPE_OVERVIEW_PAGE);
  g_type_ensure (SP_TYPE_SCOPE_PAGE);
  g_type_ensure (SP_TYPE_INCENTIVES_PAGE);
  g_type_ensure (SP_TYPE_PRICING_PAGE);
  g_type_ensure (SP_TYPE_QUOTES_PAGE);
  g_type_ensure (SP_TYPE_STOREFRONT_PAGE);
  g_type_ensure (SP_TYPE_APPROVAL_PAGE);
  g_type_ensure (SP_TYPE_EXECUTION_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sp-campaign-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SpCampaignView, stack);
  gtk_widget_class_bind_template_callback (widget_class, visible_page_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  for (guint i = 0; i < G_N_ELEMENTS (lifecycle_actions); i++)
    gtk_widget_class_install_action (widget_class, lifecycle_actions[i].action, NULL,
                                     lifecycle_action);
}

static void
sp_campaign_view_init (SpCampaignView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->campaign_signals = g_signal_group_new (SP_TYPE_CAMPAIGN);
  g_signal_group_connect_object (self->campaign_signals, "notify::status",
                                 G_CALLBACK (campaign_status_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

SpCampaign *
sp_campaign_view_get_campaign (SpCampaignView *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN_VIEW (self), NULL);

  return self->campaign;
}

void
sp_campaign_view_set_campaign (SpCampaignView *self,
                               SpCampaign     *campaign)
{
  g_return_if_fail (SP_IS_CAMPAIGN_VIEW (self));
  g_return_if_fail (!campaign || SP_IS_CAMPAIGN (campaign));

  if (!g_set_object (&self->campaign, campaign))
    return;

  g_signal_group_set_target (self->campaign_signals, campaign);
  for_each_page (self, set_page_campaign, campaign);
  visible_page_cb (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAMPAIGN]);
}

void
sp_campaign_view_set_workspace (SpCampaignView *self,
                                SpWorkspace    *workspace)
{
  g_return_if_fail (SP_IS_CAMPAIGN_VIEW (self));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_func (self->workspace, update_actions, self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    g_signal_connect_swapped (workspace, "notify::approval-required",
                              G_CALLBACK (update_actions), self);

  for_each_page (self, set_page_workspace, workspace);
  update_actions (self);
}

/* Returns: (transfer none): the stack of pages */
AdwViewStack *
sp_campaign_view_get_stack (SpCampaignView *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN_VIEW (self), NULL);

  return self->stack;
}

/* Returns: (transfer none) (nullable): the page called @name ("scope", …), built if need be */
GtkWidget *
sp_campaign_view_get_page (SpCampaignView *self,
                           const char     *name)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN_VIEW (self), NULL);

  return ensure_page (self, name);
}

void
sp_campaign_view_focus_name (SpCampaignView *self)
{
  g_return_if_fail (SP_IS_CAMPAIGN_VIEW (self));

  adw_view_stack_set_visible_child_name (self->stack, "overview");
  sp_overview_page_focus_name (SP_OVERVIEW_PAGE (ensure_page (self, "overview")));
}
