/* sp-quotes-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The optional quotes and discovery steps: draft quotes with the clearance
 * items at their new prices for chosen companies, and the search boost.
 */

#define G_LOG_DOMAIN "sp-quotes-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-company.h"
#include "sp-money.h"
#include "sp-quote-line.h"
#include "sp-quote.h"
#include "sp-quotes-page.h"

#define MAX_QUOTE_LINES 20

struct _SpQuotesPage
{
  SpCampaignPage  parent_instance;

  GCancellable   *load_cancellable;

  /* Template widgets */
  GtkListBox     *quotes_list;
  GtkListBox     *companies_list;
  GtkWidget      *create_button;
};

G_DEFINE_FINAL_TYPE (SpQuotesPage, sp_quotes_page, SP_TYPE_CAMPAIGN_PAGE)

static GtkWidget *
create_quote_row (SpQuote *quote)
{
  g_autofree char *total = sp_money_format_with_currency (sp_quote_get_total (quote),
                                                          sp_quote_get_currency (quote));
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* Names and comments are data, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  /* Translators: a draft quote: status, number of lines, total */
  subtitle = g_strdup_printf (_("%1$s · %2$u lines · %3$s"), sp_quote_get_status (quote),
                              g_list_model_get_n_items (sp_quote_get_lines (quote)), total);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sp_quote_get_company_code (quote));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static GtkWidget *
create_company_row (gpointer item,
                    gpointer user_data)
{
  SpCompany *company = item;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* Names and comments are data, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  GtkWidget *check = gtk_check_button_new ();

  /* The check's name is the company code a quote is for. */
  gtk_widget_set_name (check, sp_company_get_code (company));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  /* Translators: a company's city, country and segment */
  subtitle = g_strdup_printf (_("%1$s, %2$s · %3$s"), sp_company_get_city (company) ?: "",
                              sp_company_get_country (company) ?: "",
                              sp_company_get_segment_code (company) ?: "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sp_company_get_name (company));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  return row;
}

static void
clear_rows (GtkListBox *list)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child))
        g_ptr_array_add (rows, child);
    }
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_remove (list, g_ptr_array_index (rows, i));
}

static void
offers_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SpQuotesPage) self = user_data;
  g_autoptr(SpCampaignOffers) offers = NULL;
  g_autoptr(GError) error = NULL;

  if (!(offers = sp_workspace_load_offers_finish (SP_WORKSPACE (object), result, &error)))
    return;

  clear_rows (self->quotes_list);
  for (guint i = 0; i < offers->quotes->len; i++)
    gtk_list_box_append (self->quotes_list, create_quote_row (g_ptr_array_index (offers->quotes, i)));
}

static void
load_quotes (SpQuotesPage *self)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  clear_rows (self->quotes_list);
  if (campaign == NULL || workspace == NULL)
    return;

  gtk_widget_set_sensitive (self->create_button, sp_campaign_is_editable (campaign));
  self->load_cancellable = g_cancellable_new ();
  sp_workspace_load_offers_async (workspace, campaign, self->load_cancellable, offers_loaded_cb,
                                  g_object_ref (self));
}

/* One quote per checked company, with the first clearance items at the campaign's price. */
static void
create_quotes_cb (SpQuotesPage *self)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));
  g_autoptr(SpPlanInput) input = NULL;
  const SpProductFacts *facts;
  guint n_facts;

  if (campaign == NULL || workspace == NULL || !sp_workspace_get_catalog_loaded (workspace))
    return;

  input = sp_workspace_dup_plan_input (workspace, campaign);
  facts = sp_workspace_get_facts (workspace, &n_facts);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->companies_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = ADW_IS_ACTION_ROW (row) ? adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) : NULL;
      SpQuote *quote;
      guint n_lines = 0;

      if (check == NULL || !gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        continue;

      quote = sp_quote_new (gtk_widget_get_name (check));
      sp_quote_set_campaign_id (quote, sp_campaign_get_id (campaign));
      sp_quote_set_currency (quote, sp_campaign_get_currency (campaign));
      sp_quote_set_valid_to (quote, sp_campaign_get_end_date (campaign));
      for (guint i = 0; i < n_facts && n_lines < MAX_QUOTE_LINES; i++)
        {
          g_autoptr(SpQuoteLine) line = NULL;

          if (!sp_plan_input_contains (input, &facts[i]))
            continue;
          line = sp_quote_line_new (facts[i].sku, 1,
                                    sp_money_apply_discount (facts[i].list_price, input->discount_bp));
          sp_quote_add_line (quote, line);
          n_lines++;
        }
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
      gtk_list_box_append (self->quotes_list, create_quote_row (quote));
      sp_workspace_save_offer (workspace, G_OBJECT (quote));
    }
}

static void
sp_quotes_page_campaign_changed (SpCampaignPage *page)
{
  SpQuotesPage *self = SP_QUOTES_PAGE (page);
  SpWorkspace *workspace = sp_campaign_page_get_workspace (page);

  gtk_list_box_bind_model (self->companies_list, workspace ? sp_workspace_get_companies (workspace) : NULL,
                           create_company_row, self, NULL);
  load_quotes (self);
}

static void
sp_quotes_page_dispose (GObject *object)
{
  SpQuotesPage *self = (SpQuotesPage *)object;

  g_cancellable_cancel (self->load_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_QUOTES_PAGE);
  g_clear_object (&self->load_cancellable);

  G_OBJECT_CLASS (sp_quotes_page_parent_class)->dispose (object);
}

static void
sp_quotes_page_class_init (SpQuotesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpCampaignPageClass *page_class = SP_CAMPAIGN_PAGE_CLASS (klass);

  object_class->dispose = sp_quotes_page_dispose;
  page_class->campaign_changed = sp_quotes_page_campaign_changed;
  page_class->workspace_changed = sp_quotes_page_campaign_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sp-quotes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpQuotesPage, quotes_list);
  gtk_widget_class_bind_template_child (widget_class, SpQuotesPage, companies_list);
  gtk_widget_class_bind_template_child (widget_class, SpQuotesPage, create_button);
  gtk_widget_class_bind_template_callback (widget_class, create_quotes_cb);
}

static void
sp_quotes_page_init (SpQuotesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
