/* sp-overview-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A campaign at a glance: status and the lifecycle actions of that state,
 * the plan's fields (saved as they are typed), the targets, and the
 * projected outcome with the stock chart.
 */

#define G_LOG_DOMAIN "sp-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-campaign-row.h"
#include "sp-date.h"
#include "sp-enum-strings.h"
#include "sp-locale-numbers.h"
#include "sp-overview-page.h"
#include "sp-price-list-entry.h"
#include "sp-stock-chart.h"

#define SAVE_DELAY_MS 400

struct _SpOverviewPage
{
  SpCampaignPage  parent_instance;

  GSignalGroup   *campaign_signals;  /* owned */
  guint           save_source;
  guint           projection_source;
  GCancellable   *projection_cancellable;
  gboolean        filling;           /* TRUE while the fields are set from the campaign */
  char           *outcome_basis;     /* the outcome group's description, as the template has it */

  /* Template widgets */
  AdwPreferencesGroup *outcome_group;
  GtkLabel       *status_label;
  AdwActionRow   *status_row;
  GtkWidget      *reopen_button;
  GtkWidget      *plan_button;
  GtkWidget      *submit_button;
  GtkWidget      *reject_button;
  GtkWidget      *approve_button;
  GtkWidget      *execute_button;
  GtkWidget      *end_button;
  AdwEntryRow    *name_row;
  AdwEntryRow    *description_row;
  AdwEntryRow    *owner_row;
  AdwEntryRow    *start_row;
  AdwEntryRow    *end_row;
  AdwActionRow   *sites_row;
  GtkSpinButton  *units_spin;
  AdwEntryRow    *target_date_row;
  GtkSpinButton  *margin_floor_spin;
  GtkSpinButton  *discount_spin;
  GtkLabel       *units_cleared_label;
  GtkLabel       *revenue_label;
  GtkLabel       *margin_label;
  SpStockChart   *chart;
};

G_DEFINE_FINAL_TYPE (SpOverviewPage, sp_overview_page, SP_TYPE_CAMPAIGN_PAGE)

static const char *
status_hint (SpCampaignStatus status)
{
  switch (status)
    {
    case SP_CAMPAIGN_STATUS_DRAFT:
      return _("Set the scope, targets and prices, then mark the plan as complete.");
    case SP_CAMPAIGN_STATUS_PLANNED:
      return _("The plan is complete and can go to review.");
    case SP_CAMPAIGN_STATUS_IN_REVIEW:
      return _("Waiting for a decision.");
    case SP_CAMPAIGN_STATUS_APPROVED:
      return _("Approved; ready to execute.");
    case SP_CAMPAIGN_STATUS_EXECUTING:
      return _("The execution run is in progress.");
    case SP_CAMPAIGN_STATUS_LIVE:
      return _("The clearance is live.");
    case SP_CAMPAIGN_STATUS_ENDED:
      return _("The campaign has ended.");
    case SP_CAMPAIGN_STATUS_REJECTED:
      return _("Rejected; edit the plan to work on it again.");
    case SP_CAMPAIGN_STATUS_FAILED:
    default:
      return _("A step of the run failed; retry or skip it on the Execution page.");
    }
}

static void
update_status (SpOverviewPage *self)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpCampaignStatus status;
  struct {
    GtkWidget        *button;
    SpCampaignStatus  to;
  } buttons[] = {
    { self->reopen_button, SP_CAMPAIGN_STATUS_DRAFT },
    { self->plan_button, SP_CAMPAIGN_STATUS_PLANNED },
    { self->submit_button, SP_CAMPAIGN_STATUS_IN_REVIEW },
    { self->reject_button, SP_CAMPAIGN_STATUS_REJECTED },
    { self->approve_button, SP_CAMPAIGN_STATUS_APPROVED },
    { self->execute_button, SP_CAMPAIGN_STATUS_EXECUTING },
    { self->end_button, SP_CAMPAIGN_STATUS_ENDED },
  };

  if (campaign == NULL)
    return;

  status = sp_campaign_get_status (campaign);
  gtk_label_set_label (self->status_label, sp_campaign_status_to_label (status));
  sp_campaign_status_apply_css (GTK_WIDGET (self->status_label), status);
  adw_action_row_set_subtitle (self->status_row, status_hint (status));

  /* Show the moves of this state only; the action's own state decides the rest. */
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    gtk_widget_set_visible (buttons[i].button, sp_campaign_can_transition (status, buttons[i].to));
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ?: "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ?: "");
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
fill_fields (SpOverviewPage *self)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  g_autofree char *sites = NULL;
  gboolean editable;

  if (campaign == NULL)
    return;

  self->filling = TRUE;
  set_entry_text (self->name_row, sp_campaign_get_name (campaign));
  set_entry_text (self->description_row, sp_campaign_get_description (campaign));
  set_entry_text (self->owner_row, sp_campaign_get_owner (campaign));
  set_entry_text (self->start_row, sp_campaign_get_start_date (campaign));
  set_entry_text (self->end_row, sp_campaign_get_end_date (campaign));
  set_entry_text (self->target_date_row, sp_campaign_get_target_date (campaign));
  gtk_spin_button_set_value (self->units_spin, sp_campaign_get_units_to_clear (campaign));
  gtk_spin_button_set_value (self->margin_floor_spin, sp_campaign_get_margin_floor (campaign) / 100.0);
  gtk_spin_button_set_value (self->discount_spin, sp_campaign_get_default_discount (campaign) / 100.0);
  self->filling = FALSE;

  sites = g_strjoinv (", ", (char **)sp_campaign_get_sites (campaign));
  adw_action_row_set_subtitle (self->sites_row, *sites ? sites : _("All sites (set them on the Scope page)"));

  /* A plan under review or beyond is frozen; only drafts are edited. */
  editable = sp_campaign_is_editable (campaign);
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->description_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->owner_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->end_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->target_date_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->units_spin), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->margin_floor_spin), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->discount_spin), editable);
}

static void
save_text (SpOverviewPage *self,
           SpWorkspace    *workspace,
           SpCampaign     *campaign,
           AdwEntryRow    *row,
           const char     *property,
           gboolean        is_date)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *current = NULL;

  if (is_date && *text != '\0' && !sp_date_is_valid (text))
    {
      /* Inline, where the user is looking: the field turns red until it parses. */
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");

  g_object_get (campaign, property, &current, NULL);
  if (g_strcmp0 (current ?: "", text) == 0)
    return;

  sp_workspace_edit_campaign_string (workspace, campaign, property,
                                     (is_date && *text == '\0') ? NULL : text);
}

static void
save_number (SpWorkspace   *workspace,
             SpCampaign    *campaign,
             GtkSpinButton *spin,
             const char    *property,
             double         scale)
{
  gint64 value = (gint64)(gtk_spin_button_get_value (spin) * scale + (scale > 1 ? 0.5 : 0));
  gint64 current = 0;

  g_object_get (campaign, property, &current, NULL);
  if (current != value)
    sp_workspace_edit_campaign_int64 (workspace, campaign, property, value);
}

static gboolean
save_cb (gpointer user_data)
{
  SpOverviewPage *self = user_data;
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));

  self->save_source = 0;

  if (campaign == NULL || workspace == NULL)
    return G_SOURCE_REMOVE;

  if (*gtk_editable_get_text (GTK_EDITABLE (self->name_row)) != '\0')
    save_text (self, workspace, campaign, self->name_row, "name", FALSE);
  save_text (self, workspace, campaign, self->description_row, "description", FALSE);
  save_text (self, workspace, campaign, self->owner_row, "owner", FALSE);
  save_text (self, workspace, campaign, self->start_row, "start-date", TRUE);
  save_text (self, workspace, campaign, self->end_row, "end-date", TRUE);
  save_text (self, workspace, campaign, self->target_date_row, "target-date", TRUE);
  save_number (workspace, campaign, self->units_spin, "units-to-clear", 1);
  /* Percent in the field, basis points in the model. */
  save_number (workspace, campaign, self->margin_floor_spin, "margin-floor", 100);
  save_number (workspace, campaign, self->discount_spin, "default-discount", 100);

  return G_SOURCE_REMOVE;
}

/* Saves what is in the fields now instead of after the delay. */
static void
flush_save (SpOverviewPage *self)
{
  if (self->save_source != 0)
    {
      g_source_remove (self->save_source);
      save_cb (self);
    }
}

static void
schedule_save (SpOverviewPage *self)
{
  if (self->filling)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

static void
text_changed_cb (SpOverviewPage *self,
                 GtkEditable    *editable)
{
  schedule_save (self);
}

static void
number_changed_cb (SpOverviewPage *self,
                   GtkSpinButton  *spin)
{
  schedule_save (self);
}

/* Stock per day over the plan's days: without the campaign each SKU sells at
 * its usual rate, with it at the rate that clears the projected units. */
static void
show_chart (SpOverviewPage *self,
            SpCampaignPlan *plan,
            SpCampaign     *campaign)
{
  guint days = (guint)CLAMP (plan->days, 1, 730);
  g_autoptr(GArray) without = g_array_sized_new (FALSE, TRUE, sizeof (double), days + 1);
  g_autoptr(GArray) with = g_array_sized_new (FALSE, TRUE, sizeof (double), days + 1);
  const char *start = sp_campaign_get_start_date (campaign);
  const char *target = sp_campaign_get_target_date (campaign);
  g_autofree char *today = sp_date_today ();
  int target_day = -1;

  for (guint day = 0; day <= days; day++)
    {
      double stock_without = 0, stock_with = 0;

      for (guint i = 0; i < plan->lines->len; i++)
        {
          const SpCampaignPlanLine *line = g_ptr_array_index (plan->lines, i);
          double stock = (double)line->stock_on_hand;
          double usual = line->avg_daily_sales / 100.0;
          double cleared = (double)line->units_cleared / days;

          stock_without += MAX (0.0, stock - usual * day);
          stock_with += MAX (0.0, stock - cleared * day);
        }
      g_array_append_val (without, stock_without);
      g_array_append_val (with, stock_with);
    }

  if (target != NULL && sp_date_is_valid (target))
    target_day = sp_date_days_between (sp_date_is_valid (start) ? start : today, target);

  sp_stock_chart_set_series (self->chart, (const double *)(gpointer)without->data,
                             (const double *)(gpointer)with->data, without->len,
                             target_day >= 0 ? target_day : -1);
}

static void
show_plan (SpOverviewPage *self,
           SpCampaignPlan *plan)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  g_autofree char *units = NULL;
  g_autofree char *revenue = NULL;
  g_autofree char *margin = NULL;
  g_autofree char *margin_pct = NULL;
  g_autofree char *margin_amount = NULL;
  g_autofree char *cleared = NULL;
  g_autofree char *target = NULL;

  if (campaign == NULL)
    return;

  cleared = sp_locale_format_count (plan->units_cleared);
  target = sp_locale_format_count (plan->units_to_clear);
  if (plan->units_to_clear > 0)
    /* Translators: units the plan clears, and the campaign's target */
    units = g_strdup_printf (_("%1$s (target %2$s)"), cleared, target);
  else
    units = g_strdup (cleared);
  revenue = sp_locale_format_money (plan->revenue, plan->currency);
  margin_pct = sp_locale_format_percent (plan->margin_bp);
  margin_amount = sp_locale_format_money (plan->margin, plan->currency);
  /* Translators: a margin amount and its percentage of revenue */
  margin = g_strdup_printf (_("%1$s (%2$s)"), margin_amount, margin_pct);
  /* SKUs priced in another currency are left out of the figures: say so,
   * rather than show a plan of nothing without a reason. */
  if (plan->n_other_currency > 0)
    {
      g_autofree char *left_out = NULL;
      g_autofree char *description = NULL;

      /* Translators: %1$u is a number of SKUs, %2$s the campaign's currency such as USD */
      left_out = g_strdup_printf (ngettext ("%1$u SKU is priced in another currency than the "
                                            "campaign's %2$s and is left out.",
                                            "%1$u SKUs are priced in another currency than the "
                                            "campaign's %2$s and are left out.",
                                            plan->n_other_currency),
                                  plan->n_other_currency, plan->currency);
      /* Translators: the projection's basis, then which SKUs it leaves out */
      description = g_strdup_printf (_("%1$s. %2$s"), self->outcome_basis, left_out);
      adw_preferences_group_set_description (self->outcome_group, description);
    }
  else
    {
      adw_preferences_group_set_description (self->outcome_group, self->outcome_basis);
    }
  gtk_label_set_label (self->units_cleared_label, units);
  gtk_label_set_label (self->revenue_label, revenue);
  gtk_label_set_label (self->margin_label, margin);
  show_chart (self, plan, campaign);
}

static void
plan_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SpOverviewPage) self = user_data;
  g_autoptr(SpCampaignPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  if (!(plan = sp_workspace_compute_plan_finish (SP_WORKSPACE (object), result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING))
        gtk_label_set_label (self->units_cleared_label, error->message);
      return;
    }

  show_plan (self, plan);
}

/* The SKUs' own discounts are in the campaign's price list. */
static void
price_list_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SpOverviewPage) self = user_data;
  g_autoptr(SpPriceList) price_list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) discounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  GListModel *entries;

  price_list = sp_workspace_load_price_list_finish (SP_WORKSPACE (object), result, &error);
  if (error != NULL || campaign == NULL)
    return;

  entries = price_list ? sp_price_list_get_entries (price_list) : NULL;
  for (guint i = 0; entries != NULL && i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(SpPriceListEntry) entry = g_list_model_get_item (entries, i);
      gint64 bp = sp_price_list_entry_get_discount (entry);

      g_hash_table_insert (discounts, g_strdup (sp_price_list_entry_get_sku (entry)),
                           g_memdup2 (&bp, sizeof bp));
    }

  sp_workspace_compute_plan_async (SP_WORKSPACE (object), campaign, discounts, self->projection_cancellable,
                                   plan_cb, g_object_ref (self));
}

static gboolean
update_projection_cb (gpointer user_data)
{
  SpOverviewPage *self = user_data;
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));

  self->projection_source = 0;
  if (campaign == NULL || workspace == NULL || !sp_workspace_get_catalog_loaded (workspace))
    return G_SOURCE_REMOVE;

  /* Only the newest projection is shown. */
  g_cancellable_cancel (self->projection_cancellable);
  g_clear_object (&self->projection_cancellable);
  self->projection_cancellable = g_cancellable_new ();
  sp_workspace_load_price_list_async (workspace, campaign, self->projection_cancellable,
                                      price_list_cb, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static void
schedule_projection (SpOverviewPage *self)
{
  g_clear_handle_id (&self->projection_source, g_source_remove);
  self->projection_source = g_timeout_add (100, update_projection_cb, self);
}

static void
campaign_notify_cb (SpOverviewPage *self,
                    GParamSpec     *pspec,
                    SpCampaign     *campaign)
{
  if (g_strcmp0 (pspec->name, "status") == 0)
    update_status (self);
  else if (self->save_source == 0)
    fill_fields (self);

  schedule_projection (self);
}

static void
sp_overview_page_campaign_changed (SpCampaignPage *page)
{
  SpOverviewPage *self = SP_OVERVIEW_PAGE (page);
  SpCampaign *campaign = sp_campaign_page_get_campaign (page);

  /* Edits typed for the previous campaign still go to it. */
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_signal_group_set_target (self->campaign_signals, campaign);
  fill_fields (self);
  update_status (self);
  gtk_label_set_label (self->units_cleared_label, "…");
  gtk_label_set_label (self->revenue_label, "…");
  gtk_label_set_label (self->margin_label, "…");
  sp_stock_chart_set_series (self->chart, NULL, NULL, 0, -1);
  schedule_projection (self);
}

static void
sp_overview_page_workspace_changed (SpCampaignPage *page)
{
  SpOverviewPage *self = SP_OVERVIEW_PAGE (page);
  SpWorkspace *workspace = sp_campaign_page_get_workspace (page);

  if (workspace != NULL)
    {
      g_signal_connect_object (workspace, "plan-changed", G_CALLBACK (schedule_projection), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (workspace, "notify::catalog-loaded",
                               G_CALLBACK (schedule_projection), self, G_CONNECT_SWAPPED);
      sp_workspace_load_catalog (workspace);
    }
  schedule_projection (self);
}

static void
sp_overview_page_dispose (GObject *object)
{
  SpOverviewPage *self = (SpOverviewPage *)object;

  flush_save (self);
  g_clear_handle_id (&self->projection_source, g_source_remove);
  g_cancellable_cancel (self->projection_cancellable);
  g_clear_object (&self->projection_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->campaign_signals);
  g_clear_pointer (&self->outcome_basis, g_free);

  G_OBJECT_CLASS (sp_overview_page_parent_class)->dispose (object);
}

static void
sp_overview_page_class_init (SpOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpCampaignPageClass *page_class = SP_CAMPAIGN_PAGE_CLASS (klass);

  object_class->dispose = sp_overview_page_dispose;
  page_class->campaign_changed = sp_overview_page_campaign_changed;
  page_class->workspace_changed = sp_overview_page_workspace_changed;

  g_type_ensure (SP_TYPE_STOCK_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sp-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpOverviewPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, SpOverviewPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, SpOverviewPage, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, SpOverviewPage, plan_button);
  gtk_widget_class_bind_template_child (widget_class, SpOverviewPage, submit_button);
  gtk_widget_class_bind_template_child (widget_class, SpOverviewPage, reject_button);
  gtk_widget_class_bind_template_child (widget_class, SpOverviewPage, approve_button);
  gtk_widget_class_bind_template_child (widget_class, SpOverviewPage, execute_button);
  gtk_widget_class_bind_template_child (widget_class, SpOverviewPage, end_button);
  gtk_widget_class_bind_template_child (widget_class, SpOverviewPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, SpOverviewPage, description_row);
  gtk_widget_class_bind_template_child (widget_class, SpOverviewPage, owner_row);
  gtk_widget_class_bind_template_child (widget_class, SpOverviewPage, start_row);
  gtk_widget_class_bind_template_child (widget_class, SpOverviewPage, end_row);
  gtk_widget_class_bind_template_child (widget_class, SpOverviewPage, sites_row);
  gtk_widget_class_bind_template_child (widget_class, SpOverviewPage, units_spin);
  gtk_widget_class_bind_template_child (widget_class, SpOverviewPage, target_date_row);
  gtk_widget_class_bind_template_child (widget_class, SpOverviewPage, margin_floor_spin);
  gtk_widget_class_bind_template_child (widget_class, SpOverviewPage, discount_spin);
  gtk_widget_class_bind_template_child (widget_class, SpOverviewPage, units_cleared_label);
  gtk_widget_class_bind_template_child (widget_class, SpOverviewPage, outcome_group);
  gtk_widget_class_bind_template_child (widget_class, SpOverviewPage, revenue_label);
  gtk_widget_class_bind_template_child (widget_class, SpOverviewPage, margin_label);
  gtk_widget_class_bind_template_child (widget_class, SpOverviewPage, chart);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, number_changed_cb);
}

static void
sp_overview_page_init (SpOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->outcome_basis = g_strdup (adw_preferences_group_get_description (self->outcome_group));

  self->campaign_signals = g_signal_group_new (SP_TYPE_CAMPAIGN);
  g_signal_group_connect_object (self->campaign_signals, "notify",
                                 G_CALLBACK (campaign_notify_cb), self, G_CONNECT_SWAPPED);
}

void
sp_overview_page_focus_name (SpOverviewPage *self)
{
  g_return_if_fail (SP_IS_OVERVIEW_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}
