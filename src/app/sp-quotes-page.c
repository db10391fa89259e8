/* sp-quotes-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The optional quotes and discovery steps: draft quotes with the clearance
 * items at their new prices for chosen companies, and the search boost
 * (SpCampaign:boost-enabled, -weight, -category), saved as it is edited.
 */

#define G_LOG_DOMAIN "sp-quotes-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-company.h"
#include "sp-locale-numbers.h"
#include "sp-money.h"
#include "sp-quote-line.h"
#include "sp-quote.h"
#include "sp-quotes-page.h"
#include "sp-undo-toast.h"

#define MAX_QUOTE_LINES 20
#define SAVE_DELAY_MS   400

struct _SpQuotesPage
{
  SpCampaignPage  parent_instance;

  GCancellable   *load_cancellable;
  GSignalGroup   *campaign_signals;  /* owned */
  GSignalGroup   *workspace_signals; /* owned */
  GPtrArray      *quotes;            /* owned; SpQuote, as last loaded */
  SpCampaign     *shown;             /* owned; the campaign the boost fields show */
  guint           save_source;
  gboolean        filling;

  /* Template widgets */
  GtkListBox     *quotes_list;
  GtkListBox     *companies_list;
  GtkWidget      *create_button;
  GtkSwitch      *boost_switch;
  GtkSpinButton  *boost_spin;
  AdwEntryRow    *category_row;
};

G_DEFINE_FINAL_TYPE (SpQuotesPage, sp_quotes_page, SP_TYPE_CAMPAIGN_PAGE)

static SpQuote *
find_quote (SpQuotesPage *self,
            const char   *id)
{
  for (guint i = 0; self->quotes != NULL && i < self->quotes->len; i++)
    {
      SpQuote *quote = g_ptr_array_index (self->quotes, i);

      if (g_strcmp0 (sp_quote_get_id (quote), id) == 0)
        return quote;
    }

  return NULL;
}

static void
remove_quote_cb (SpQuotesPage *self,
                 GtkButton    *button)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));
  SpQuote *quote = find_quote (self, gtk_widget_get_name (GTK_WIDGET (button)));
  g_autofree char *title = NULL;

  if (campaign == NULL || workspace == NULL || quote == NULL)
    return;

  sp_workspace_edit_offer (workspace, campaign, G_OBJECT (quote), NULL);
  /* Translators: a toast; %s is a company code */
  title = g_strdup_printf (_("Quote for %s removed"), sp_quote_get_company_code (quote));
  sp_undo_toast_show (GTK_WIDGET (self), title, sp_workspace_get_undo_serial (workspace));
}

/* The quote as it is, without the line @line_id. */
static SpQuote *
copy_quote_without_line (SpQuote    *quote,
                         const char *line_id)
{
  GListModel *lines = sp_quote_get_lines (quote);
  SpQuote *copy = g_object_new (SP_TYPE_QUOTE,
                                "id", sp_quote_get_id (quote),
                                "campaign-id", sp_quote_get_campaign_id (quote),
                                "company-code", sp_quote_get_company_code (quote),
                                "status", sp_quote_get_status (quote),
                                "valid-to", sp_quote_get_valid_to (quote),
                                "currency", sp_quote_get_currency (quote),
                                "remote-id", sp_quote_get_remote_id (quote),
                                NULL);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(SpQuoteLine) line = g_list_model_get_item (lines, i);

      if (g_strcmp0 (sp_quote_line_get_id (line), line_id) != 0)
        sp_quote_add_line (copy, line);
    }

  return copy;
}

static void
remove_line_cb (SpQuotesPage *self,
                GtkButton    *button)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));
  GtkWidget *quote_row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_EXPANDER_ROW);
  SpQuote *quote = quote_row ? find_quote (self, gtk_widget_get_name (quote_row)) : NULL;
  const char *line_id = gtk_widget_get_name (GTK_WIDGET (button));
  g_autoptr(SpQuote) after = NULL;
  g_autofree char *title = NULL;

  if (campaign == NULL || workspace == NULL || quote == NULL)
    return;

  after = copy_quote_without_line (quote, line_id);
  if (g_list_model_get_n_items (sp_quote_get_lines (after)) ==
      g_list_model_get_n_items (sp_quote_get_lines (quote)))
    return;

  sp_workspace_edit_offer (workspace, campaign, G_OBJECT (quote), G_OBJECT (after));
  /* Translators: a toast; %s is a company code */
  title = g_strdup_printf (_("Line removed from the quote for %s"),
                           sp_quote_get_company_code (quote));
  sp_undo_toast_show (GTK_WIDGET (self), title, sp_workspace_get_undo_serial (workspace));
}

static GtkWidget *
create_remove_button (const char *tooltip,
                      const char *accessible_label,
                      const char *name,
                      gboolean    editable)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_name (button, name);
  gtk_widget_set_sensitive (button, editable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  return button;
}

static GtkWidget *
create_line_row (SpQuotesPage *self,
                 SpQuote      *quote,
                 SpQuoteLine  *line,
                 gboolean      editable)
{
  g_autofree char *price = sp_locale_format_money (sp_quote_line_get_unit_price (line),
                                                   sp_quote_get_currency (quote));
  g_autofree char *quantity = sp_locale_format_count (sp_quote_line_get_quantity (line));
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sp_quote_line_get_sku (line));
  /* Translators: a quote line: quantity × unit price */
  subtitle = g_strdup_printf (_("%1$s × %2$s"), quantity, price);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* Translators: accessible label of a button; %1$s is a SKU, %2$s a company code */
  label = g_strdup_printf (_("Remove %1$s from the quote for %2$s"), sp_quote_line_get_sku (line),
                           sp_quote_get_company_code (quote));
  button = create_remove_button (_("Remove Line"), label, sp_quote_line_get_id (line), editable);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_line_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static const char *
company_name (SpQuotesPage *self,
              const char   *code)
{
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));
  GListModel *companies = workspace ? sp_workspace_get_companies (workspace) : NULL;

  for (guint i = 0; companies != NULL && i < g_list_model_get_n_items (companies); i++)
    {
      g_autoptr(SpCompany) company = g_list_model_get_item (companies, i);

      if (g_strcmp0 (sp_company_get_code (company), code) == 0)
        return sp_company_get_name (company);
    }

  return code;
}

static GtkWidget *
create_quote_row (SpQuotesPage *self,
                  SpQuote      *quote,
                  gboolean      editable)
{
  g_autofree char *total = sp_locale_format_money (sp_quote_get_total (quote),
                                                   sp_quote_get_currency (quote));
  GListModel *lines = sp_quote_get_lines (quote);
  g_autofree char *subtitle = NULL;
  g_autofree char *n_lines = NULL;
  g_autofree char *label = NULL;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *button;
  guint n;

  /* Names and comments are data, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_name (row, sp_quote_get_id (quote));

  n = g_list_model_get_n_items (lines);
  n_lines = g_strdup_printf (g_dngettext (NULL, "%u line", "%u lines", n), n);
  /* Translators: a draft quote: company code, status, number of lines, total */
  subtitle = g_strdup_printf (_("%1$s · %2$s · %3$s · %4$s"), sp_quote_get_company_code (quote),
                              sp_quote_get_status (quote), n_lines, total);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 company_name (self, sp_quote_get_company_code (quote)));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  /* Translators: accessible label of a button; %s is a company code */
  label = g_strdup_printf (_("Remove the quote for %s"), sp_quote_get_company_code (quote));
  button = create_remove_button (_("Remove Quote"), label, sp_quote_get_id (quote), editable);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_quote_cb), self,
                           G_CONNECT_SWAPPED);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(SpQuoteLine) line = g_list_model_get_item (lines, i);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                create_line_row (self, quote, line, editable));
    }

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
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sp_company_get_name (company), -1);
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
  SpCampaign *campaign;
  gboolean editable;

  if (!(offers = sp_workspace_load_offers_finish (SP_WORKSPACE (object), result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sp_workspace_report_error (SP_WORKSPACE (object), error);
      return;
    }

  campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  editable = campaign != NULL && sp_campaign_is_editable (campaign);
  g_clear_pointer (&self->quotes, g_ptr_array_unref);
  self->quotes = g_steal_pointer (&offers->quotes);
  clear_rows (self->quotes_list);
  for (guint i = 0; i < self->quotes->len; i++)
    gtk_list_box_append (self->quotes_list,
                         create_quote_row (self, g_ptr_array_index (self->quotes, i), editable));
}

static void
load_quotes (SpQuotesPage *self)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
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
  g_autoptr(GPtrArray) before = g_ptr_array_new ();
  g_autoptr(GPtrArray) after = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree guint8 *in_scope = NULL;
  SpCatalogTable *table;
  guint n_rows;

  if (campaign == NULL || workspace == NULL ||
      (table = sp_workspace_get_catalog_table (workspace)) == NULL)
    return;

  n_rows = sp_catalog_table_get_n_rows (table);
  in_scope = g_malloc (MAX (n_rows, 1));
  sp_catalog_table_mark_scope (table, sp_campaign_get_scope_products (campaign),
                               sp_campaign_get_scope_categories (campaign), in_scope);

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
      for (guint i = 0; i < n_rows && n_lines < MAX_QUOTE_LINES; i++)
        {
          g_autoptr(SpQuoteLine) line = NULL;
          gint64 price;

          if (!in_scope[i])
            continue;
          price = sp_money_apply_discount (sp_catalog_table_get_list_price (table, i),
                                           sp_campaign_get_default_discount (campaign));
          line = sp_quote_line_new (sp_catalog_table_get_sku (table, i), 1, price);
          sp_quote_add_line (quote, line);
          n_lines++;
        }
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
      g_ptr_array_add (before, NULL);
      g_ptr_array_add (after, quote);
    }

  /* One change: Ctrl+Z takes back every quote just made. */
  sp_workspace_edit_offers (workspace, campaign, before, after);
}

/* ---- Search and category boost ------------------------------------------ */

static void
fill_boost (SpQuotesPage *self)
{
  SpCampaign *campaign = self->shown;
  const char *category;
  gboolean editable, enabled;

  if (campaign == NULL)
    return;

  category = sp_campaign_get_boost_category (campaign);
  enabled = sp_campaign_get_boost_enabled (campaign);

  self->filling = TRUE;
  gtk_switch_set_active (self->boost_switch, enabled);
  gtk_spin_button_set_value (self->boost_spin, (double)sp_campaign_get_boost_weight (campaign));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->category_row)), category ?: "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->category_row), category ?: "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->category_row), "error");
  self->filling = FALSE;

  /* A plan under review or beyond is frozen; only drafts are edited. */
  editable = sp_campaign_is_editable (campaign);
  gtk_widget_set_sensitive (GTK_WIDGET (self->boost_switch), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->boost_spin), editable && enabled);
  gtk_widget_set_sensitive (GTK_WIDGET (self->category_row), editable && enabled);
}

/* Stores what the fields show into the campaign they show. */
static void
save_boost (SpQuotesPage *self)
{
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));
  g_autoptr(SpCampaign) campaign = self->shown ? g_object_ref (self->shown) : NULL;
  g_autofree char *category = NULL;
  gboolean enabled;
  gint64 weight;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (campaign == NULL || workspace == NULL)
    return;

  /* Read every field first: each edit notifies, which refills the fields. */
  enabled = gtk_switch_get_active (self->boost_switch);
  weight = (gint64)gtk_spin_button_get_value_as_int (self->boost_spin);
  category = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->category_row))));

  if (enabled != sp_campaign_get_boost_enabled (campaign))
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_BOOLEAN);
      g_value_set_boolean (&value, enabled);
      sp_workspace_edit_campaign (workspace, campaign, "boost-enabled", &value);
    }

  if (weight != sp_campaign_get_boost_weight (campaign))
    sp_workspace_edit_campaign_int64 (workspace, campaign, "boost-weight", weight);

  if (*category == '\0')
    {
      /* Inline, where the user is looking: the boost needs a category name. */
      self->filling = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->category_row), "");
      self->filling = FALSE;
      gtk_widget_add_css_class (GTK_WIDGET (self->category_row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->category_row), "error");
  if (g_strcmp0 (category, sp_campaign_get_boost_category (campaign)) != 0)
    sp_workspace_edit_campaign_string (workspace, campaign, "boost-category", category);
}

static gboolean
save_cb (gpointer user_data)
{
  SpQuotesPage *self = user_data;

  self->save_source = 0;
  save_boost (self);
  return G_SOURCE_REMOVE;
}

/* Typing is saved after a short pause; a switch or a step at once. */
static void
boost_text_changed_cb (SpQuotesPage *self)
{
  if (self->filling)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

static void
boost_changed_cb (SpQuotesPage *self)
{
  if (self->filling)
    return;

  save_boost (self);
}

static void
campaign_notify_cb (SpQuotesPage *self,
                    GParamSpec   *pspec,
                    SpCampaign   *campaign)
{
  /* Undo, another window or a reload changed it; typing in progress wins. */
  if (self->save_source == 0 &&
      (g_str_has_prefix (pspec->name, "boost-") || g_str_equal (pspec->name, "status")))
    fill_boost (self);
  if (g_str_equal (pspec->name, "status"))
    load_quotes (self);
}

static void
offers_changed_cb (SpQuotesPage *self,
                   SpCampaign   *campaign,
                   SpWorkspace  *workspace)
{
  if (campaign == sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self)))
    load_quotes (self);
}

static void
sp_quotes_page_campaign_changed (SpCampaignPage *page)
{
  SpQuotesPage *self = SP_QUOTES_PAGE (page);
  SpWorkspace *workspace = sp_campaign_page_get_workspace (page);
  SpCampaign *campaign = sp_campaign_page_get_campaign (page);

  /* Edits typed for the previous campaign still go to it. */
  if (self->save_source != 0)
    save_boost (self);
  g_set_object (&self->shown, campaign);
  g_signal_group_set_target (self->campaign_signals, campaign);
  g_signal_group_set_target (self->workspace_signals, workspace);
  clear_rows (self->quotes_list);
  g_clear_pointer (&self->quotes, g_ptr_array_unref);
  fill_boost (self);

  gtk_list_box_bind_model (self->companies_list, workspace ? sp_workspace_get_companies (workspace) : NULL,
                           create_company_row, self, NULL);
  load_quotes (self);
}

static void
sp_quotes_page_dispose (GObject *object)
{
  SpQuotesPage *self = (SpQuotesPage *)object;

  g_cancellable_cancel (self->load_cancellable);
  if (self->save_source != 0)
    save_boost (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_QUOTES_PAGE);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->campaign_signals);
  g_clear_object (&self->workspace_signals);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->quotes, g_ptr_array_unref);

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
  gtk_widget_class_bind_template_child (widget_class, SpQuotesPage, boost_switch);
  gtk_widget_class_bind_template_child (widget_class, SpQuotesPage, boost_spin);
  gtk_widget_class_bind_template_child (widget_class, SpQuotesPage, category_row);
  gtk_widget_class_bind_template_callback (widget_class, create_quotes_cb);
  gtk_widget_class_bind_template_callback (widget_class, boost_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, boost_text_changed_cb);
}

static void
sp_quotes_page_init (SpQuotesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->campaign_signals = g_signal_group_new (SP_TYPE_CAMPAIGN);
  g_signal_group_connect_object (self->campaign_signals, "notify",
                                 G_CALLBACK (campaign_notify_cb), self, G_CONNECT_SWAPPED);
  self->workspace_signals = g_signal_group_new (SP_TYPE_WORKSPACE);
  g_signal_group_connect_object (self->workspace_signals, "offers-changed",
                                 G_CALLBACK (offers_changed_cb), self, G_CONNECT_SWAPPED);
}
