/* test-undo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Undo on the Incentives, Quotes and Storefront pages, driven through the
 * real window as a user would: an edit, Ctrl+Z, and the stored state is
 * back; a removal, the toast's Undo button, and the removed thing is back.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sp-campaign-view.h"
#include "sp-campaign-page.h"
#include "sp-catalog-repository.h"
#include "sp-customer-repository.h"
#include "sp-offer-repository.h"
#include "sp-storefront-page.h"
#include "sp-store.h"
#include "sp-window.h"
#include "sp-workspace.h"

typedef struct
{
  char        *dir;
  char        *db_path;
  SpWorkspace *workspace;
  SpWindow    *window;
  SpCampaign  *campaign;
  guint        n_offer_writes;
  guint        mark;           /* n_offer_writes before the last action */
} Fixture;

/* The fixture of the running test, for the helpers that act as the user. */
static Fixture *current;

static void
wait_until (gboolean (*check) (Fixture *),
            Fixture   *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!check (fixture))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Runs the main loop for @ms, so that pages redraw and reloads land. */
static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GError) error = NULL;

  fixture->workspace = sp_workspace_open_finish (result, &error);
  g_assert_no_error (error);
}

static gboolean
workspace_is_open (Fixture *fixture)
{
  return fixture->workspace != NULL;
}

static void
add_product (SpCatalogRepository *catalog,
             const char          *sku,
             const char          *category_path,
             gint64               list_price)
{
  g_autoptr(SpProduct) product = sp_product_new (sku, sku);
  g_autoptr(GError) error = NULL;

  sp_product_set_category_path (product, category_path);
  sp_product_set_list_price (product, list_price);
  sp_product_set_cost (product, list_price / 2);
  sp_product_set_currency (product, "EUR");
  sp_product_set_stock_on_hand (product, 500);
  sp_product_set_avg_daily_sales (product, 100);
  sp_product_set_uom (product, "PCE");
  sp_catalog_repository_save_product (catalog, product, &error);
  g_assert_no_error (error);
}

/* Two drills in one category, two customer segments, one company. */
static void
write_fixture (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (db_path, &error);
  g_autoptr(SpCatalogRepository) catalog = NULL;
  g_autoptr(SpCustomerRepository) customers = NULL;
  g_autoptr(SpCategory) tools = sp_category_new ("Tools", "Tools");
  g_autoptr(SpCategory) drills = sp_category_new ("Drills", "Tools/Drills");
  g_autoptr(SpSegment) vip = sp_segment_new ("VIP", "Very important buyers");
  g_autoptr(SpSegment) trade = sp_segment_new ("TRADE", "Trade customers");
  g_autoptr(SpCompany) acme = sp_company_new ("ACME", "Acme Builders");

  g_assert_no_error (error);
  catalog = sp_catalog_repository_new (store);
  sp_catalog_repository_save_category (catalog, tools, &error);
  g_assert_no_error (error);
  sp_catalog_repository_save_category (catalog, drills, &error);
  g_assert_no_error (error);
  add_product (catalog, "DR-100", "Tools/Drills", 10000);
  add_product (catalog, "DR-200", "Tools/Drills", 20000);

  customers = sp_customer_repository_new (store);
  sp_customer_repository_save_segment (customers, vip, &error);
  g_assert_no_error (error);
  sp_customer_repository_save_segment (customers, trade, &error);
  g_assert_no_error (error);
  sp_company_set_segment_code (acme, "TRADE");
  sp_customer_repository_save_company (customers, acme, &error);
  g_assert_no_error (error);
}

static void
offers_changed_cb (SpWorkspace *workspace,
                   SpCampaign  *campaign,
                   Fixture     *fixture)
{
  fixture->n_offer_writes++;
}

static gboolean
campaign_and_customers_ready (Fixture *fixture)
{
  SpCampaignView *view = SP_CAMPAIGN_VIEW (sp_window_get_campaign_view (fixture->window));

  return sp_campaign_view_get_campaign (view) != NULL &&
         sp_workspace_get_catalog_loaded (fixture->workspace) &&
         g_list_model_get_n_items (sp_workspace_get_segments (fixture->workspace)) == 2 &&
         g_list_model_get_n_items (sp_workspace_get_companies (fixture->workspace)) == 1;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  const char *categories[] = { "Tools/Drills", NULL };

  current = fixture;
  fixture->dir = g_dir_make_tmp ("sp-test-undo-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "workspace.db", NULL);
  write_fixture (fixture->db_path);

  sp_workspace_open_async (fixture->db_path, NULL, opened_cb, fixture);
  wait_until (workspace_is_open, fixture);
  g_signal_connect (fixture->workspace, "offers-changed", G_CALLBACK (offers_changed_cb), fixture);

  fixture->window = g_object_new (SP_TYPE_WINDOW, NULL);
  sp_window_set_workspace (fixture->window, fixture->workspace);
  gtk_window_present (GTK_WINDOW (fixture->window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-campaign", NULL));
  sp_workspace_load_catalog (fixture->workspace);
  wait_until (campaign_and_customers_ready, fixture);
  fixture->campaign = g_object_ref (sp_campaign_view_get_campaign (SP_CAMPAIGN_VIEW (sp_window_get_campaign_view (fixture->window))));
  sp_workspace_edit_campaign_strv (fixture->workspace, fixture->campaign, "scope-categories", categories);
  spin (50);
}

static void
remove_all (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->campaign);
  g_clear_object (&fixture->workspace);
  /* Let workers that still hold the workspace finish. */
  spin (100);
  remove_all (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

/* ---- Driving the pages -------------------------------------------------- */

static GtkWidget *
show_page (Fixture    *fixture,
           const char *name)
{
  SpCampaignView *view = SP_CAMPAIGN_VIEW (sp_window_get_campaign_view (fixture->window));

  adw_view_stack_set_visible_child_name (sp_campaign_view_get_stack (view), name);
  spin (20);
  return sp_campaign_view_get_page (view, name);
}

typedef gboolean (*WidgetMatch) (GtkWidget  *widget,
                                 const char *text);

/* Depth-first search under @root. */
static GtkWidget *
find_widget (GtkWidget   *root,
             WidgetMatch  match,
             const char  *text)
{
  if (match (root, text))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_button_labelled (GtkWidget  *widget,
                    const char *label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
has_tooltip (GtkWidget  *widget,
             const char *tooltip)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static gboolean
is_named_check (GtkWidget  *widget,
                const char *name)
{
  return GTK_IS_CHECK_BUTTON (widget) && g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
is_entry_row (GtkWidget  *widget,
              const char *title)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_spin_labelled (GtkWidget  *widget,
                  const char *row_title)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);

  return GTK_IS_SPIN_BUTTON (widget) && row != NULL &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), row_title) == 0;
}

static void
mark (void)
{
  current->mark = current->n_offer_writes;
}

static void
click (GtkWidget *root,
       WidgetMatch match,
       const char *text)
{
  GtkWidget *button = find_widget (root, match, text);

  mark ();
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  /* As a pointer click does; activating from the keyboard clicks a moment later. */
  g_signal_emit_by_name (button, "clicked");
  spin (20);
}

static void
find_all (GtkWidget   *root,
          WidgetMatch  match,
          const char  *text,
          GPtrArray   *found)
{
  if (match (root, text))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    find_all (child, match, text, found);
}

/* The newest toast's Undo button; an older toast may still be leaving. */
static void
click_toast_undo (Fixture *fixture)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *button;

  spin (50);
  find_all (GTK_WIDGET (fixture->window), is_button_labelled, "_Undo", buttons);
  g_assert_cmpuint (buttons->len, >, 0);
  button = g_ptr_array_index (buttons, buttons->len - 1);
  g_assert_true (gtk_widget_is_sensitive (button));
  mark ();
  g_signal_emit_by_name (button, "clicked");
  spin (20);
}

static void
press_ctrl_z (Fixture *fixture)
{
  mark ();
  gtk_window_set_focus (GTK_WINDOW (fixture->window), NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
}

static gboolean
written_and_shown (Fixture *fixture)
{
  return fixture->n_offer_writes > fixture->mark && !sp_workspace_get_offers_busy (fixture->workspace);
}

/* Waits until the last action's change is stored, and the page shows it. */
static void
wait_for_write (Fixture *fixture)
{
  wait_until (written_and_shown, fixture);
  spin (20);
}

/* ---- The stored state, read back through a store of our own ------------ */

static GPtrArray *
stored_coupons (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (fixture->db_path, &error);
  g_autoptr(SpOfferRepository) offers = sp_offer_repository_new (store);
  GPtrArray *coupons = sp_offer_repository_load_coupons (offers, sp_campaign_get_id (fixture->campaign), &error);

  g_assert_no_error (error);
  return coupons;
}

static GPtrArray *
stored_quotes (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (fixture->db_path, &error);
  g_autoptr(SpOfferRepository) offers = sp_offer_repository_new (store);
  GPtrArray *quotes = sp_offer_repository_load_quotes (offers, sp_campaign_get_id (fixture->campaign), &error);

  g_assert_no_error (error);
  return quotes;
}

static GPtrArray *
stored_banners (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (fixture->db_path, &error);
  g_autoptr(SpOfferRepository) offers = sp_offer_repository_new (store);
  GPtrArray *banners = sp_offer_repository_load_banners (offers, sp_campaign_get_id (fixture->campaign), &error);

  g_assert_no_error (error);
  return banners;
}

static GPtrArray *
stored_mappings (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (fixture->db_path, &error);
  g_autoptr(SpCustomerRepository) customers = sp_customer_repository_new (store);
  GPtrArray *mappings = sp_customer_repository_load_segment_mappings (customers,
                                                                      sp_campaign_get_id (fixture->campaign),
                                                                      &error);

  g_assert_no_error (error);
  return mappings;
}

/* ---- Incentives --------------------------------------------------------- */

static void
test_incentives_segments (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GtkWidget *page = show_page (fixture, "incentives");

  /* Rows come and go as the segments reload: each step looks the check up. */
#define VIP (find_widget (page, is_named_check, "VIP"))
  g_assert_nonnull (VIP);
  g_assert_true (gtk_widget_activate (VIP));
  g_assert_cmpstrv (sp_campaign_get_segments (fixture->campaign), ((const char *[]) { "VIP", NULL }));

  /* Ctrl+Z: the segment goes, and its check follows. */
  press_ctrl_z (fixture);
  g_assert_cmpuint (g_strv_length ((char **)sp_campaign_get_segments (fixture->campaign)), ==, 0);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (VIP)));

  /* Unchecking is a removal: the toast's Undo brings the segment back. */
  g_assert_true (gtk_widget_activate (VIP));
  g_assert_true (gtk_widget_activate (VIP));
  g_assert_cmpuint (g_strv_length ((char **)sp_campaign_get_segments (fixture->campaign)), ==, 0);
  click_toast_undo (fixture);
  g_assert_cmpstrv (sp_campaign_get_segments (fixture->campaign), ((const char *[]) { "VIP", NULL }));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (VIP)));

  /* A removal's toast, clicked after another change, keeps that change. */
  g_assert_true (gtk_widget_activate (VIP));
  g_assert_true (gtk_widget_activate (find_widget (page, is_named_check, "TRADE")));
  g_assert_cmpstrv (sp_campaign_get_segments (fixture->campaign), ((const char *[]) { "TRADE", NULL }));
  click_toast_undo (fixture);
  g_assert_cmpuint (g_strv_length ((char **)sp_campaign_get_segments (fixture->campaign)), ==, 2);
  g_assert_true (g_strv_contains (sp_campaign_get_segments (fixture->campaign), "VIP"));
  g_assert_true (g_strv_contains (sp_campaign_get_segments (fixture->campaign), "TRADE"));
#undef VIP
}

static void
test_incentives_coupons (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GtkWidget *page = show_page (fixture, "incentives");
  GtkWidget *discount;
  g_autoptr(GPtrArray) coupons = NULL;
  g_autofree char *id = NULL;

  g_assert_true (gtk_widget_activate (find_widget (page, is_named_check, "VIP")));
  click (page, is_button_labelled, "_Create Coupons");
  wait_for_write (fixture);
  coupons = stored_coupons (fixture);
  g_assert_cmpuint (coupons->len, ==, 1);
  g_assert_cmpstr (sp_coupon_get_code (g_ptr_array_index (coupons, 0)), ==, "CLEAR-VIP");
  g_assert_cmpint (sp_coupon_get_discount_value (g_ptr_array_index (coupons, 0)), ==, 1000);
  id = g_strdup (sp_coupon_get_id (g_ptr_array_index (coupons, 0)));
  g_clear_pointer (&coupons, g_ptr_array_unref);

  /* An edit: 20% for the same code updates the coupon; Ctrl+Z puts 10% back. */
  discount = find_widget (page, is_spin_labelled, "Discount (%)");
  g_assert_nonnull (discount);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (discount), 20);
  click (page, is_button_labelled, "_Create Coupons");
  wait_for_write (fixture);
  coupons = stored_coupons (fixture);
  g_assert_cmpuint (coupons->len, ==, 1);
  g_assert_cmpint (sp_coupon_get_discount_value (g_ptr_array_index (coupons, 0)), ==, 2000);
  g_clear_pointer (&coupons, g_ptr_array_unref);

  press_ctrl_z (fixture);
  wait_for_write (fixture);
  coupons = stored_coupons (fixture);
  g_assert_cmpuint (coupons->len, ==, 1);
  g_assert_cmpint (sp_coupon_get_discount_value (g_ptr_array_index (coupons, 0)), ==, 1000);
  g_clear_pointer (&coupons, g_ptr_array_unref);

  /* A removal through the row's button; the toast's Undo restores it. */
  click (page, has_tooltip, "Remove Coupon");
  wait_for_write (fixture);
  coupons = stored_coupons (fixture);
  g_assert_cmpuint (coupons->len, ==, 0);
  g_clear_pointer (&coupons, g_ptr_array_unref);

  click_toast_undo (fixture);
  wait_for_write (fixture);
  coupons = stored_coupons (fixture);
  g_assert_cmpuint (coupons->len, ==, 1);
  g_assert_cmpstr (sp_coupon_get_id (g_ptr_array_index (coupons, 0)), ==, id);
  g_assert_cmpstr (sp_coupon_get_code (g_ptr_array_index (coupons, 0)), ==, "CLEAR-VIP");
  g_assert_cmpint (sp_coupon_get_discount_value (g_ptr_array_index (coupons, 0)), ==, 1000);
  g_clear_pointer (&coupons, g_ptr_array_unref);

  /* The newest change left is the creation: Ctrl+Z takes the coupon away. */
  press_ctrl_z (fixture);
  wait_for_write (fixture);
  coupons = stored_coupons (fixture);
  g_assert_cmpuint (coupons->len, ==, 0);
}

static void
test_incentives_mappings (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GtkWidget *page = show_page (fixture, "incentives");
  g_autoptr(GPtrArray) mappings = NULL;
  g_autofree char *id = NULL;

  g_assert_true (gtk_widget_activate (find_widget (page, is_named_check, "TRADE")));
  spin (20);
  click (page, is_button_labelled, "_Add Mapping");
  wait_for_write (fixture);
  mappings = stored_mappings (fixture);
  g_assert_cmpuint (mappings->len, ==, 1);
  g_assert_cmpstr (sp_segment_mapping_get_segment_code (g_ptr_array_index (mappings, 0)), ==, "TRADE");
  g_assert_cmpstr (sp_segment_mapping_get_ref (g_ptr_array_index (mappings, 0)), ==, "Tools/Drills");
  g_assert_cmpint (sp_segment_mapping_get_kind (g_ptr_array_index (mappings, 0)), ==, SP_SCOPE_KIND_CATEGORY);
  id = g_strdup (sp_segment_mapping_get_id (g_ptr_array_index (mappings, 0)));
  g_clear_pointer (&mappings, g_ptr_array_unref);

  click (page, has_tooltip, "Remove Mapping");
  wait_for_write (fixture);
  mappings = stored_mappings (fixture);
  g_assert_cmpuint (mappings->len, ==, 0);
  g_clear_pointer (&mappings, g_ptr_array_unref);

  click_toast_undo (fixture);
  wait_for_write (fixture);
  mappings = stored_mappings (fixture);
  g_assert_cmpuint (mappings->len, ==, 1);
  g_assert_cmpstr (sp_segment_mapping_get_id (g_ptr_array_index (mappings, 0)), ==, id);
  g_clear_pointer (&mappings, g_ptr_array_unref);

  /* Ctrl+Z on the addition removes it again. */
  press_ctrl_z (fixture);
  wait_for_write (fixture);
  mappings = stored_mappings (fixture);
  g_assert_cmpuint (mappings->len, ==, 0);
}

/* ---- Quotes ------------------------------------------------------------- */

static guint
n_lines (SpQuote *quote)
{
  return g_list_model_get_n_items (sp_quote_get_lines (quote));
}

static gboolean
is_expander_row (GtkWidget  *widget,
                 const char *unused)
{
  return ADW_IS_EXPANDER_ROW (widget);
}

/* Expands the quote's row (again, should a reload have rebuilt it) until
 * its lines' buttons are on screen. */
static gboolean
line_button_shown (Fixture *fixture)
{
  GtkWidget *page = sp_campaign_view_get_page (SP_CAMPAIGN_VIEW (sp_window_get_campaign_view (fixture->window)),
                                               "quotes");
  GtkWidget *row = find_widget (page, is_expander_row, NULL);

  if (row != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  return find_widget (page, has_tooltip, "Remove Line") != NULL;
}

static void
test_quotes (Fixture       *fixture,
             gconstpointer  user_data)
{
  GtkWidget *page = show_page (fixture, "quotes");
  GtkWidget *boost;
  g_autoptr(GPtrArray) quotes = NULL;
  gint64 weight;

  g_assert_true (gtk_widget_activate (find_widget (page, is_named_check, "ACME")));
  click (page, is_button_labelled, "_Create Quotes");
  wait_for_write (fixture);
  quotes = stored_quotes (fixture);
  g_assert_cmpuint (quotes->len, ==, 1);
  g_assert_cmpstr (sp_quote_get_company_code (g_ptr_array_index (quotes, 0)), ==, "ACME");
  g_assert_cmpuint (n_lines (g_ptr_array_index (quotes, 0)), ==, 2);
  g_clear_pointer (&quotes, g_ptr_array_unref);

  /* A line removed from the row's button; the toast's Undo puts it back. */
  wait_until (line_button_shown, fixture);
  click (page, has_tooltip, "Remove Line");
  wait_for_write (fixture);
  quotes = stored_quotes (fixture);
  g_assert_cmpuint (n_lines (g_ptr_array_index (quotes, 0)), ==, 1);
  g_clear_pointer (&quotes, g_ptr_array_unref);

  click_toast_undo (fixture);
  wait_for_write (fixture);
  quotes = stored_quotes (fixture);
  g_assert_cmpuint (n_lines (g_ptr_array_index (quotes, 0)), ==, 2);
  g_clear_pointer (&quotes, g_ptr_array_unref);

  /* The whole quote. */
  click (page, has_tooltip, "Remove Quote");
  wait_for_write (fixture);
  quotes = stored_quotes (fixture);
  g_assert_cmpuint (quotes->len, ==, 0);
  g_clear_pointer (&quotes, g_ptr_array_unref);

  /* Another change before the toast's Undo: the quote comes back, the change stays. */
  weight = sp_campaign_get_boost_weight (fixture->campaign);
  boost = find_widget (page, is_spin_labelled, "Boost factor");
  g_assert_nonnull (boost);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (boost), weight == 5 ? 7 : 5);
  click_toast_undo (fixture);
  wait_for_write (fixture);
  g_assert_cmpint (sp_campaign_get_boost_weight (fixture->campaign), ==, weight == 5 ? 7 : 5);
  press_ctrl_z (fixture);
  g_assert_cmpint (sp_campaign_get_boost_weight (fixture->campaign), ==, weight);
  quotes = stored_quotes (fixture);
  g_assert_cmpuint (quotes->len, ==, 1);
  g_assert_cmpuint (n_lines (g_ptr_array_index (quotes, 0)), ==, 2);
  g_clear_pointer (&quotes, g_ptr_array_unref);

  /* Ctrl+Z on the creation. */
  press_ctrl_z (fixture);
  wait_for_write (fixture);
  quotes = stored_quotes (fixture);
  g_assert_cmpuint (quotes->len, ==, 0);

  /* The boost factor is a campaign edit: Ctrl+Z puts it back. */
  weight = sp_campaign_get_boost_weight (fixture->campaign);
  boost = find_widget (page, is_spin_labelled, "Boost factor");
  g_assert_nonnull (boost);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (boost), weight == 5 ? 7 : 5);
  g_assert_cmpint (sp_campaign_get_boost_weight (fixture->campaign), !=, weight);
  press_ctrl_z (fixture);
  g_assert_cmpint (sp_campaign_get_boost_weight (fixture->campaign), ==, weight);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (boost)), ==, weight);
}

/* ---- Storefront --------------------------------------------------------- */

static gboolean
banner_title_is_spring (Fixture *fixture)
{
  g_autoptr(GPtrArray) banners = stored_banners (fixture);

  return banners->len == 1 && g_strcmp0 (sp_banner_get_title (g_ptr_array_index (banners, 0)), "Spring") == 0;
}

static void
test_storefront (Fixture       *fixture,
                 gconstpointer  user_data)
{
  GtkWidget *page = show_page (fixture, "storefront");
  GtkWidget *title = find_widget (page, is_entry_row, "Title");
  g_autofree char *image = g_build_filename (fixture->dir, "banner.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (image);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GPtrArray) banners = NULL;
  guchar pixels[4 * 4 * 4] = { 0 };
  g_autoptr(GBytes) bytes = g_bytes_new (pixels, sizeof pixels);

  texture = gdk_memory_texture_new (4, 4, GDK_MEMORY_R8G8B8A8, bytes, 16);
  g_assert_true (gdk_texture_save_to_png (texture, image));

  /* Typing a title saves it after a pause; so does choosing an image. */
  g_assert_nonnull (title);
  mark ();
  gtk_editable_set_text (GTK_EDITABLE (title), "Winter");
  wait_for_write (fixture);
  mark ();
  sp_storefront_page_set_image_file (SP_STOREFRONT_PAGE (page), file);
  wait_for_write (fixture);
  banners = stored_banners (fixture);
  g_assert_cmpuint (banners->len, ==, 1);
  g_assert_cmpstr (sp_banner_get_title (g_ptr_array_index (banners, 0)), ==, "Winter");
  g_assert_cmpstr (sp_banner_get_image_path (g_ptr_array_index (banners, 0)), ==, image);
  g_clear_pointer (&banners, g_ptr_array_unref);

  /* Removing the image; the toast's Undo brings it back, stored. */
  click (page, has_tooltip, "Remove Image");
  wait_for_write (fixture);
  banners = stored_banners (fixture);
  g_assert_null (sp_banner_get_image_path (g_ptr_array_index (banners, 0)));
  g_clear_pointer (&banners, g_ptr_array_unref);

  click_toast_undo (fixture);
  wait_for_write (fixture);
  banners = stored_banners (fixture);
  g_assert_cmpstr (sp_banner_get_image_path (g_ptr_array_index (banners, 0)), ==, image);
  g_clear_pointer (&banners, g_ptr_array_unref);
  g_assert_true (gtk_widget_get_sensitive (find_widget (page, has_tooltip, "Remove Image")));

  /* Retyping the title, then Ctrl+Z: the stored title and the field are back. */
  spin (2100);
  gtk_editable_set_text (GTK_EDITABLE (title), "Spring");
  wait_until (banner_title_is_spring, fixture);
  spin (100);
  press_ctrl_z (fixture);
  wait_for_write (fixture);
  banners = stored_banners (fixture);
  g_assert_cmpstr (sp_banner_get_title (g_ptr_array_index (banners, 0)), ==, "Winter");
  g_assert_cmpstr (sp_banner_get_image_path (g_ptr_array_index (banners, 0)), ==, image);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Winter");
}

static gboolean
other_campaign_shown (Fixture *fixture)
{
  SpCampaign *shown = sp_campaign_view_get_campaign (SP_CAMPAIGN_VIEW (sp_window_get_campaign_view (fixture->window)));

  return shown != NULL && shown != fixture->campaign;
}

/* Typing, then another campaign at once: the text goes to the campaign it
 * was typed for, not to the one shown next. */
static void
test_storefront_switch (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GtkWidget *page = show_page (fixture, "storefront");
  GtkWidget *title = find_widget (page, is_entry_row, "Title");
  g_autoptr(GPtrArray) banners = NULL;
  SpCampaign *other;

  mark ();
  gtk_editable_set_text (GTK_EDITABLE (title), "Typed for the first");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-campaign", NULL));
  wait_until (other_campaign_shown, fixture);
  wait_for_write (fixture);

  banners = stored_banners (fixture);
  g_assert_cmpuint (banners->len, ==, 1);
  g_assert_cmpstr (sp_banner_get_title (g_ptr_array_index (banners, 0)), ==, "Typed for the first");
  g_clear_pointer (&banners, g_ptr_array_unref);

  other = sp_campaign_view_get_campaign (SP_CAMPAIGN_VIEW (sp_window_get_campaign_view (fixture->window)));
  g_set_object (&fixture->campaign, other);
  banners = stored_banners (fixture);
  g_assert_cmpuint (banners->len, ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/app/undo/incentives-segments", Fixture, NULL, fixture_set_up, test_incentives_segments, fixture_tear_down);
  g_test_add ("/app/undo/incentives-coupons", Fixture, NULL, fixture_set_up, test_incentives_coupons, fixture_tear_down);
  g_test_add ("/app/undo/incentives-mappings", Fixture, NULL, fixture_set_up, test_incentives_mappings, fixture_tear_down);
  g_test_add ("/app/undo/quotes", Fixture, NULL, fixture_set_up, test_quotes, fixture_tear_down);
  g_test_add ("/app/undo/storefront", Fixture, NULL, fixture_set_up, test_storefront, fixture_tear_down);
  g_test_add ("/app/undo/storefront-switch", Fixture, NULL, fixture_set_up, test_storefront_switch,
              fixture_tear_down);

  return g_test_run ();
}
