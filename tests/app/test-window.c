/* test-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window on a temporary workspace, driven as a user would: its
 * actions, its fields and its dialogs.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sp-approval-page.h"
#include "sp-approval.h"
#include "sp-campaign-repository.h"
#include "sp-campaign-sidebar.h"
#include "sp-campaign-view.h"
#include "sp-catalog-repository.h"
#include "sp-catalog-row.h"
#include "sp-enum-strings.h"
#include "sp-pricing-page.h"
#include "sp-check-cell.h"
#include "sp-scope-page.h"
#include "sp-store.h"
#include "sp-window.h"
#include "sp-workspace.h"

typedef struct
{
  char        *dir;
  char        *db_path;
  SpWorkspace *workspace;
  SpWindow    *window;
} Fixture;

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
             const char          *name,
             const char          *category_path,
             gint64               list_price,
             gint64               cost,
             gint64               stock)
{
  g_autoptr(SpProduct) product = sp_product_new (sku, name);
  g_autoptr(GError) error = NULL;

  sp_product_set_category_path (product, category_path);
  sp_product_set_list_price (product, list_price);
  sp_product_set_cost (product, cost);
  sp_product_set_currency (product, "EUR");
  sp_product_set_stock_on_hand (product, stock);
  sp_product_set_avg_daily_sales (product, 250);
  sp_product_set_uom (product, "PCE");
  sp_catalog_repository_save_product (catalog, product, &error);
  g_assert_no_error (error);
}

/* A small catalog: two drills with a thin margin, one saw with a fat one;
 * and @n_parts parts more (PT-000, PT-001, ...) where a test needs a list
 * longer than the screen. */
static void
write_fixture_catalog (const char *db_path,
                       guint       n_parts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (db_path, &error);
  g_autoptr(SpCatalogRepository) catalog = NULL;
  const char *paths[] = { "Tools", "Tools/Power Tools", "Tools/Power Tools/Drills",
                          "Tools/Power Tools/Saws" };

  g_assert_no_error (error);
  catalog = sp_catalog_repository_new (store);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(SpCategory) category = sp_category_new (strrchr (paths[i], '/')
                                                        ? strrchr (paths[i], '/') + 1 : paths[i],
                                                        paths[i]);

      sp_catalog_repository_save_category (catalog, category, &error);
      g_assert_no_error (error);
    }

  add_product (catalog, "DR-100", "Cordless Drill 18 V", "Tools/Power Tools/Drills", 10000, 8000, 900);
  add_product (catalog, "DR-200", "Hammer Drill 800 W", "Tools/Power Tools/Drills", 20000, 15000, 400);
  add_product (catalog, "SW-100", "Circular Saw 1200 W", "Tools/Power Tools/Saws", 15000, 6000, 50);
  for (guint i = 0; i < n_parts; i++)
    {
      g_autofree char *sku = g_strdup_printf ("PT-%03u", i);
      g_autofree char *name = g_strdup_printf ("Spare part %u", i);

      add_product (catalog, sku, name, "Tools/Power Tools/Saws", 1000, 500, 10);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sp-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "workspace.db", NULL);
  write_fixture_catalog (fixture->db_path, GPOINTER_TO_UINT (user_data));

  sp_workspace_open_async (fixture->db_path, NULL, opened_cb, fixture);
  wait_until (workspace_is_open, fixture);

  fixture->window = g_object_new (SP_TYPE_WINDOW, NULL);
  sp_window_set_workspace (fixture->window, fixture->workspace);
  gtk_window_present (GTK_WINDOW (fixture->window));
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
  g_clear_object (&fixture->workspace);
  /* Let workers that still hold the workspace finish. */
  for (guint i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  remove_all (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static gboolean
one_campaign_listed (Fixture *fixture)
{
  return sp_campaign_sidebar_get_n_visible (SP_CAMPAIGN_SIDEBAR (sp_window_get_sidebar (fixture->window))) == 1;
}

static SpCampaign *
shown_campaign (Fixture *fixture)
{
  return sp_campaign_view_get_campaign (SP_CAMPAIGN_VIEW (sp_window_get_campaign_view (fixture->window)));
}

static gboolean
campaign_shown (Fixture *fixture)
{
  return shown_campaign (fixture) != NULL;
}

static void
create_campaign (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-campaign", NULL));
  wait_until (one_campaign_listed, fixture);
  wait_until (campaign_shown, fixture);
}

static void
test_new_campaign (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpCampaignRepository) repository = NULL;
  SpCampaignSidebar *sidebar = SP_CAMPAIGN_SIDEBAR (sp_window_get_sidebar (fixture->window));
  SpCampaign *campaign;

  g_assert_cmpuint (sp_campaign_sidebar_get_n_visible (sidebar), ==, 0);

  create_campaign (fixture);

  /* It is listed, selected, shown, and a draft. */
  campaign = sp_campaign_sidebar_get_selected (sidebar);
  g_assert_nonnull (campaign);
  g_assert_true (campaign == shown_campaign (fixture));
  g_assert_cmpstr (sp_campaign_get_name (campaign), ==, "New Campaign");
  g_assert_cmpint (sp_campaign_get_status (campaign), ==, SP_CAMPAIGN_STATUS_DRAFT);

  /* And it is in the database, as another program sees it. */
  store = sp_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  repository = sp_campaign_repository_new (store);
  sp_campaign_repository_load (repository, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sp_campaign_repository_get_campaigns (repository)), ==, 1);
  g_assert_nonnull (sp_campaign_repository_lookup (repository, sp_campaign_get_id (campaign)));

  /* The search hides it when it does not match, and shows it again. */
  sp_campaign_sidebar_set_search (sidebar, "winter");
  g_assert_cmpuint (sp_campaign_sidebar_get_n_visible (sidebar), ==, 0);
  sp_campaign_sidebar_set_search (sidebar, "new");
  g_assert_cmpuint (sp_campaign_sidebar_get_n_visible (sidebar), ==, 1);
}

static SpScopePage *
scope_page (Fixture *fixture)
{
  return SP_SCOPE_PAGE (sp_campaign_view_get_page (SP_CAMPAIGN_VIEW (sp_window_get_campaign_view (fixture->window)), "scope"));
}

static SpPricingPage *
pricing_page (Fixture *fixture)
{
  return SP_PRICING_PAGE (sp_campaign_view_get_page (SP_CAMPAIGN_VIEW (sp_window_get_campaign_view (fixture->window)), "pricing"));
}

static gboolean
scope_ready (Fixture *fixture)
{
  return sp_scope_page_get_ready (scope_page (fixture));
}

/* The filter runs at once, on every keystroke. */
static void
search_scope (Fixture    *fixture,
              const char *text)
{
  sp_scope_page_set_search (scope_page (fixture), text);
}

static GtkWidget *find_on_page (Fixture    *fixture,
                                const char *page,
                                GType       type);

/* The rows of the Scope page's table that are on screen; with @blank, only
 * those that show an empty place (its check box is transparent) rather
 * than a product. */
static guint
count_scope_rows (Fixture  *fixture,
                  gboolean  blank)
{
  GtkWidget *view = find_on_page (fixture, "scope", GTK_TYPE_COLUMN_VIEW);
  guint n = 0;

  for (GtkWidget *list = gtk_widget_get_first_child (view); list != NULL;
       list = gtk_widget_get_next_sibling (list))
    {
      if (!GTK_IS_LIST_VIEW (list))
        continue;
      for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          GtkWidget *first_cell = gtk_widget_get_first_child (row);
          GtkWidget *check = first_cell ? gtk_widget_get_first_child (first_cell) : NULL;

          g_assert_true (SP_IS_CHECK_CELL (check));
          n += gtk_widget_get_mapped (row) && (!blank || gtk_widget_get_opacity (check) == 0.0);
        }
    }

  return n;
}

static guint
scope_rows_on_screen (Fixture *fixture)
{
  return count_scope_rows (fixture, FALSE);
}

static guint
blank_scope_rows_on_screen (Fixture *fixture)
{
  return count_scope_rows (fixture, TRUE);
}

static gboolean
all_scope_rows_on_screen (Fixture *fixture)
{
  return scope_rows_on_screen (fixture) == 3;
}

static void
count_frame (guint *frames)
{
  (*frames)++;
}

/* Waits for the window to paint a frame. */
static void
wait_for_frame (Fixture *fixture)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window));
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint frames = 0;
  gulong handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (count_frame),
                                             &frames);

  gtk_widget_queue_draw (GTK_WIDGET (fixture->window));
  while (frames == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, handler);
}

static guint wanted_generation;

static gboolean
pricing_moved (Fixture *fixture)
{
  return sp_pricing_page_get_generation (pricing_page (fixture)) >= wanted_generation;
}

static void
wait_for_pricing (Fixture *fixture)
{
  wanted_generation = sp_pricing_page_get_generation (pricing_page (fixture)) + 1;
  wait_until (pricing_moved, fixture);
}

/* Adds the drills to the scope, then sets discounts until the floor breaks. */
static void
test_scope_and_pricing (Fixture       *fixture,
                        gconstpointer  user_data)
{
  SpCampaign *campaign;

  create_campaign (fixture);
  campaign = shown_campaign (fixture);
  wait_until (scope_ready, fixture);

  /* Search as you type: a growing query only narrows the list. */
  adw_view_stack_set_visible_child_name (
    sp_campaign_view_get_stack (SP_CAMPAIGN_VIEW (sp_window_get_campaign_view (fixture->window))),
    "scope");
  wait_until (all_scope_rows_on_screen, fixture);
  search_scope (fixture, "o");
  g_assert_cmpuint (sp_scope_page_get_n_shown (scope_page (fixture)), ==, 3);
  search_scope (fixture, "dr-");
  g_assert_cmpuint (sp_scope_page_get_n_shown (scope_page (fixture)), ==, 2);
  /* The next frame shows those rows and no blank one below them. */
  wait_for_frame (fixture);
  g_assert_cmpuint (scope_rows_on_screen (fixture), ==, 2);
  search_scope (fixture, "");
  g_assert_cmpuint (sp_scope_page_get_n_shown (scope_page (fixture)), ==, 3);
  wait_for_frame (fixture);
  g_assert_cmpuint (scope_rows_on_screen (fixture), ==, 3);

  /* The whole Drills group goes into the scope, and is saved. */
  sp_scope_page_add_category (scope_page (fixture), "Tools/Power Tools/Drills");
  g_assert_cmpstr (sp_campaign_get_scope_categories (campaign)[0], ==, "Tools/Power Tools/Drills");
  g_assert_cmpuint (g_strv_length ((char **)sp_campaign_get_scope_products (campaign)), ==, 0);

  /* A margin floor of 15%, then 10% off everything: the drills (20% and 25%
   * margin before) drop to 11.1% and 16.7%; one breaks the floor. */
  sp_workspace_edit_campaign_int64 (fixture->workspace, campaign, "margin-floor", 1500);
  wait_for_pricing (fixture);
  sp_pricing_page_apply_to_all (pricing_page (fixture), 10.0);
  g_assert_cmpint (sp_campaign_get_default_discount (campaign), ==, 1000);
  wait_for_pricing (fixture);
  g_assert_cmpuint (sp_pricing_page_get_n_lines (pricing_page (fixture)), ==, 2);
  g_assert_cmpuint (sp_pricing_page_get_n_below_floor (pricing_page (fixture)), ==, 1);
  g_assert_true (sp_pricing_page_get_warning_shown (pricing_page (fixture)));

  /* Undo (Ctrl+Z, outside a text field) takes the discount back; no warning at list price. */
  gtk_window_set_focus (GTK_WINDOW (fixture->window), NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpint (sp_campaign_get_default_discount (campaign), ==, 0);
  wait_for_pricing (fixture);
  g_assert_cmpuint (sp_pricing_page_get_n_below_floor (pricing_page (fixture)), ==, 0);
  g_assert_false (sp_pricing_page_get_warning_shown (pricing_page (fixture)));
}

static SpCampaignStatus wanted_status;

static gboolean
status_reached (Fixture *fixture)
{
  return sp_campaign_get_status (shown_campaign (fixture)) == wanted_status;
}

static void
wait_for_status (Fixture          *fixture,
                 SpCampaignStatus  status)
{
  wanted_status = status;
  wait_until (status_reached, fixture);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static GListModel *
approval_history (Fixture *fixture)
{
  GtkWidget *view = sp_window_get_campaign_view (fixture->window);

  return sp_approval_page_get_history (SP_APPROVAL_PAGE (sp_campaign_view_get_page (SP_CAMPAIGN_VIEW (view),
                                                                                    "approval")));
}

static gboolean
history_has_two (Fixture *fixture)
{
  return g_list_model_get_n_items (approval_history (fixture)) == 2;
}

static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;

  return FALSE;
}

/* The row of the Approval page titled @title, as the user sees it. */
static AdwActionRow *
find_approval_row (Fixture    *fixture,
                   const char *title)
{
  GtkWidget *view = sp_window_get_campaign_view (fixture->window);
  GtkWidget *page = sp_campaign_view_get_page (SP_CAMPAIGN_VIEW (view), "approval");
  GtkWidget *widget = page;

  /* Depth-first walk over the page's widgets. */
  while (widget != NULL)
    {
      GtkWidget *next;

      if (ADW_IS_ACTION_ROW (widget) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
        return ADW_ACTION_ROW (widget);

      if ((next = gtk_widget_get_first_child (widget)) != NULL)
        {
          widget = next;
          continue;
        }
      while (widget != page && gtk_widget_get_next_sibling (widget) == NULL)
        widget = gtk_widget_get_parent (widget);
      widget = widget == page ? NULL : gtk_widget_get_next_sibling (widget);
    }

  return NULL;
}

static void
test_submit_and_approve (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GtkWidget *view;
  AdwMessageDialog *dialog;

  create_campaign (fixture);
  view = sp_window_get_campaign_view (fixture->window);

  /* Draft → planned → in review, through the page's actions. */
  g_assert_true (gtk_widget_activate_action (view, "campaign.plan", NULL));
  wait_for_status (fixture, SP_CAMPAIGN_STATUS_PLANNED);
  g_assert_true (gtk_widget_activate_action (view, "campaign.submit", NULL));
  wait_for_status (fixture, SP_CAMPAIGN_STATUS_IN_REVIEW);

  /* Approve asks for a comment in a dialog; the reviewer confirms. */
  gtk_window_set_focus (GTK_WINDOW (fixture->window), NULL);
  g_assert_true (gtk_widget_activate_action (view, "campaign.approve", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Margins are fine");
  adw_message_dialog_response (dialog, "confirm");
  wait_for_status (fixture, SP_CAMPAIGN_STATUS_APPROVED);

  /* The decision is in the history with its comment. */
  g_assert_cmpuint (g_list_model_get_n_items (sp_workspace_get_approvals (fixture->workspace)), ==, 2);
  {
    g_autoptr(SpApproval) last = g_list_model_get_item (sp_workspace_get_approvals (fixture->workspace), 0);

    g_assert_cmpint (sp_approval_get_decision (last), ==, SP_APPROVAL_DECISION_APPROVED);
    g_assert_cmpstr (sp_approval_get_comment (last), ==, "Margins are fine");
  }

  /* The Approval page shows the stored history, newest first: the approval
   * row with its comment, then the submission. */
  wait_until (history_has_two, fixture);
  {
    g_autoptr(SpApproval) newest = g_list_model_get_item (approval_history (fixture), 0);
    g_autoptr(SpApproval) oldest = g_list_model_get_item (approval_history (fixture), 1);
    AdwActionRow *row = find_approval_row (fixture,
                                           sp_approval_decision_to_label (SP_APPROVAL_DECISION_APPROVED));

    g_assert_cmpint (sp_approval_get_decision (newest), ==, SP_APPROVAL_DECISION_APPROVED);
    g_assert_cmpstr (sp_approval_get_comment (newest), ==, "Margins are fine");
    g_assert_cmpint (sp_approval_get_decision (oldest), ==, SP_APPROVAL_DECISION_SUBMITTED);

    g_assert_nonnull (row);
    g_assert_true (shows_label (GTK_WIDGET (row), "Margins are fine"));
    g_assert_true (strstr (adw_action_row_get_subtitle (row), g_get_user_name ()) != NULL);
  }

  /* The decisions are stored: another session reads them back, oldest first. */
  {
    g_autoptr(GPtrArray) approvals = NULL;
    g_autoptr(GError) error = NULL;
    SpCampaign *campaign = sp_campaign_view_get_campaign (SP_CAMPAIGN_VIEW (view));
    g_autoptr(SpStore) store = sp_store_open (fixture->db_path, &error);
    g_autoptr(SpCampaignRepository) repository = NULL;

    g_assert_no_error (error);
    repository = sp_campaign_repository_new (store);
    approvals = sp_campaign_repository_load_approvals (repository, sp_campaign_get_id (campaign), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (approvals->len, ==, 2);
    g_assert_cmpstr (sp_approval_get_comment (g_ptr_array_index (approvals, 1)), ==, "Margins are fine");
  }
}

/* The first widget of @type on the page named @page_name. */
static GtkWidget *
find_on_page (Fixture    *fixture,
              const char *page_name,
              GType       type)
{
  GtkWidget *view = sp_window_get_campaign_view (fixture->window);
  GtkWidget *page = sp_campaign_view_get_page (SP_CAMPAIGN_VIEW (view), page_name);
  GtkWidget *widget = page;

  while (widget != NULL)
    {
      GtkWidget *next;

      if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
        return widget;
      if ((next = gtk_widget_get_first_child (widget)) != NULL)
        {
          widget = next;
          continue;
        }
      while (widget != page && gtk_widget_get_next_sibling (widget) == NULL)
        widget = gtk_widget_get_parent (widget);
      widget = widget == page ? NULL : gtk_widget_get_next_sibling (widget);
    }

  return NULL;
}

/* The campaign as another program reads it from the database. */
static SpCampaign *
stored_campaign (Fixture    *fixture,
                 const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (fixture->db_path, &error);
  g_autoptr(SpCampaignRepository) repository = NULL;
  SpCampaign *campaign;

  g_assert_no_error (error);
  repository = sp_campaign_repository_new (store);
  g_assert_true (sp_campaign_repository_load (repository, &error));
  g_assert_no_error (error);
  campaign = sp_campaign_repository_lookup (repository, id);
  return campaign ? g_object_ref (campaign) : NULL;
}

static gboolean
boost_stored (Fixture *fixture)
{
  g_autoptr(SpCampaign) stored = NULL;

  g_usleep (20000);
  stored = stored_campaign (fixture, sp_campaign_get_id (shown_campaign (fixture)));
  return stored != NULL && !sp_campaign_get_boost_enabled (stored) &&
         sp_campaign_get_boost_weight (stored) == 7 &&
         g_strcmp0 (sp_campaign_get_boost_category (stored), "Abverkauf") == 0;
}

static gboolean
boost_category_set (Fixture *fixture)
{
  return g_strcmp0 (sp_campaign_get_boost_category (shown_campaign (fixture)), "Abverkauf") == 0;
}

static void
test_boost_settings (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkSwitch *boost_switch;
  GtkSpinButton *boost_spin;
  GtkEditable *category;
  SpCampaign *campaign;

  create_campaign (fixture);
  campaign = shown_campaign (fixture);
  boost_switch = GTK_SWITCH (find_on_page (fixture, "quotes", GTK_TYPE_SWITCH));
  boost_spin = GTK_SPIN_BUTTON (find_on_page (fixture, "quotes", GTK_TYPE_SPIN_BUTTON));
  category = GTK_EDITABLE (find_on_page (fixture, "quotes", ADW_TYPE_ENTRY_ROW));
  g_assert_nonnull (boost_switch);
  g_assert_nonnull (boost_spin);
  g_assert_nonnull (category);

  /* The page shows the campaign's settings. */
  g_assert_true (gtk_switch_get_active (boost_switch));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (boost_spin), ==, sp_campaign_get_boost_weight (campaign));
  g_assert_cmpstr (gtk_editable_get_text (category), ==, "Clearance");

  /* Each edit goes to the campaign (the switch and the factor at once,
   * with what was typed so far) and reaches the database. */
  gtk_spin_button_set_value (boost_spin, 7);
  g_assert_cmpint (sp_campaign_get_boost_weight (campaign), ==, 7);
  gtk_editable_set_text (category, "Abverkauf");
  gtk_switch_set_active (boost_switch, FALSE);
  g_assert_false (sp_campaign_get_boost_enabled (campaign));
  /* Turned off, the factor and category are not edited. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (boost_spin)));
  wait_until (boost_category_set, fixture);
  wait_until (boost_stored, fixture);

  /* Undo (Ctrl+Z, outside a text field) puts the last change back, and
   * the page shows it. */
  gtk_window_set_focus (GTK_WINDOW (fixture->window), NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpstr (sp_campaign_get_boost_category (campaign), ==, "Clearance");
  g_assert_cmpstr (gtk_editable_get_text (category), ==, "Clearance");
}

/* The SKU shown at @position of the Scope page's column view. */
static const char *
scope_sku_at (Fixture       *fixture,
              GtkColumnView *view,
              guint          position)
{
  g_autoptr(SpCatalogRow) item = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), position);

  return sp_catalog_table_get_sku (sp_workspace_get_catalog_table (fixture->workspace),
                                   sp_catalog_row_get_row (item));
}

/* A click on a column header sorts by it, a second click the other way;
 * the selected rows stay selected while the search changes the list. */
static void
test_scope_sort_and_selection (Fixture       *fixture,
                               gconstpointer  user_data)
{
  GtkColumnView *view;
  GListModel *columns;
  GtkColumnViewColumn *stock = NULL;
  SpCatalogTable *table;
  GtkSelectionModel *selection;
  guint n, most = 0, least = 0;

  create_campaign (fixture);
  wait_until (scope_ready, fixture);
  view = GTK_COLUMN_VIEW (find_on_page (fixture, "scope", GTK_TYPE_COLUMN_VIEW));
  table = sp_workspace_get_catalog_table (fixture->workspace);
  n = sp_catalog_table_get_n_rows (table);
  g_assert_cmpuint (n, >=, 3);
  for (guint i = 1; i < n; i++)
    {
      if (sp_catalog_table_get_stock_on_hand (table, i) > sp_catalog_table_get_stock_on_hand (table, most))
        most = i;
      if (sp_catalog_table_get_stock_on_hand (table, i) < sp_catalog_table_get_stock_on_hand (table, least))
        least = i;
    }

  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), "Stock") == 0)
        stock = column;
    }
  g_assert_nonnull (stock);

  gtk_column_view_sort_by_column (view, stock, GTK_SORT_DESCENDING);
  g_assert_cmpstr (scope_sku_at (fixture, view, 0), ==, sp_catalog_table_get_sku (table, most));
  gtk_column_view_sort_by_column (view, stock, GTK_SORT_ASCENDING);
  g_assert_cmpstr (scope_sku_at (fixture, view, 0), ==, sp_catalog_table_get_sku (table, least));
  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  g_assert_cmpstr (scope_sku_at (fixture, view, 0), ==, sp_catalog_table_get_sku (table, 0));

  /* Select the last row, then search for it: it moves up and stays selected. */
  selection = gtk_column_view_get_model (view);
  gtk_selection_model_select_item (selection, n - 1, TRUE);
  search_scope (fixture, sp_catalog_table_get_sku (table, n - 1));
  g_assert_cmpuint (sp_scope_page_get_n_shown (scope_page (fixture)), ==, 1);
  g_assert_true (gtk_selection_model_is_selected (selection, 0));
  search_scope (fixture, "");
  g_assert_true (gtk_selection_model_is_selected (selection, n - 1));
  g_assert_false (gtk_selection_model_is_selected (selection, 0));
}

/* GTK lays out its rows of widgets once, then keeps those off screen
 * out of the way: a few dozen rows on screen. */
static gboolean
scope_rows_settled (Fixture *fixture)
{
  guint n = scope_rows_on_screen (fixture);

  return n > 0 && n < 60;
}

/* Typing leaves the places below the screen that the search emptied blank
 * for a moment; scrolled to straight away, they go as they come into view
 * and the end of the list shows the last results. */
static void
test_scope_scroll_after_search (Fixture       *fixture,
                                gconstpointer  user_data)
{
  GtkWidget *view;
  GListModel *places;
  GtkAdjustment *scroll;

  create_campaign (fixture);
  wait_until (scope_ready, fixture);
  adw_view_stack_set_visible_child_name (
    sp_campaign_view_get_stack (SP_CAMPAIGN_VIEW (sp_window_get_campaign_view (fixture->window))),
    "scope");
  wait_until (scope_rows_settled, fixture);
  view = find_on_page (fixture, "scope", GTK_TYPE_COLUMN_VIEW);
  places = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));

  /* PT-100 to PT-199; the places after them are still in the list. */
  search_scope (fixture, "pt-1");
  g_assert_cmpuint (sp_scope_page_get_n_shown (scope_page (fixture)), ==, 100);
  g_assert_cmpuint (g_list_model_get_n_items (places), >, 100);
  wait_for_frame (fixture);
  g_assert_cmpuint (blank_scope_rows_on_screen (fixture), ==, 0);

  scroll = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  for (guint i = 0; i < 3; i++)
    {
      gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll) -
                                        gtk_adjustment_get_page_size (scroll));
      wait_for_frame (fixture);
      wait_for_frame (fixture);
    }
  g_assert_cmpuint (scope_rows_on_screen (fixture), >, 0);
  g_assert_cmpuint (blank_scope_rows_on_screen (fixture), ==, 0);
  g_assert_cmpstr (scope_sku_at (fixture, GTK_COLUMN_VIEW (view), 99), ==, "PT-199");
}

static void
count_toggle (guint *toggles)
{
  (*toggles)++;
}

/* A row's check box puts its SKU in the scope and takes it out again, by
 * Space or Enter as by a click (all three activate it); only a user's
 * toggle changes the scope. */
static void
test_scope_check_box (Fixture       *fixture,
                      gconstpointer  user_data)
{
  SpCampaign *campaign;
  SpCheckCell *check;
  guint toggles = 0;

  create_campaign (fixture);
  campaign = shown_campaign (fixture);
  wait_until (scope_ready, fixture);
  /* Let the view make its rows. */
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  check = SP_CHECK_CELL (find_on_page (fixture, "scope", SP_TYPE_CHECK_CELL));
  g_assert_nonnull (check);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (check)));
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (count_toggle), &toggles);
  g_assert_false (sp_check_cell_get_active (check));
  g_assert_cmpuint (g_strv_length ((char **)sp_campaign_get_scope_products (campaign)), ==, 0);

  g_assert_true (gtk_widget_activate (GTK_WIDGET (check)));
  g_assert_true (sp_check_cell_get_active (check));
  g_assert_cmpuint (toggles, ==, 1);
  g_assert_cmpuint (g_strv_length ((char **)sp_campaign_get_scope_products (campaign)), ==, 1);

  g_assert_true (gtk_widget_activate (GTK_WIDGET (check)));
  g_assert_false (sp_check_cell_get_active (check));
  g_assert_cmpuint (g_strv_length ((char **)sp_campaign_get_scope_products (campaign)), ==, 0);

  /* Set by the program (a refilter, an undo): no toggle, the scope stays. */
  sp_check_cell_set_active (check, TRUE);
  g_assert_cmpuint (toggles, ==, 2);
  g_assert_cmpuint (g_strv_length ((char **)sp_campaign_get_scope_products (campaign)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* gtk_test_init () makes warnings fatal too; under Xvfb without a window
   * manager GTK warns about focus events it never gets. Criticals stay fatal. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  g_test_add ("/app/window/new-campaign", Fixture, NULL,
              fixture_set_up, test_new_campaign, fixture_tear_down);

  g_test_add ("/app/window/scope-and-pricing", Fixture, NULL,
              fixture_set_up, test_scope_and_pricing, fixture_tear_down);
  g_test_add ("/app/window/submit-and-approve", Fixture, NULL,
              fixture_set_up, test_submit_and_approve, fixture_tear_down);
  g_test_add ("/app/window/scope-sort-and-selection", Fixture, NULL,
              fixture_set_up, test_scope_sort_and_selection, fixture_tear_down);
  g_test_add ("/app/window/scope-scroll-after-search", Fixture, GUINT_TO_POINTER (250),
              fixture_set_up, test_scope_scroll_after_search, fixture_tear_down);
  g_test_add ("/app/window/scope-check-box", Fixture, NULL,
              fixture_set_up, test_scope_check_box, fixture_tear_down);
  g_test_add ("/app/window/boost-settings", Fixture, NULL,
              fixture_set_up, test_boost_settings, fixture_tear_down);

  return g_test_run ();
}
