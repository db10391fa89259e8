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

#include "sp-campaign-repository.h"
#include "sp-campaign-sidebar.h"
#include "sp-campaign-view.h"
#include "sp-catalog-repository.h"
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

/* A small catalog: two drills with a thin margin, one saw with a fat one. */
static void
write_fixture_catalog (const char *db_path)
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
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sp-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "workspace.db", NULL);
  write_fixture_catalog (fixture->db_path);

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

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/app/window/new-campaign", Fixture, NULL,
              fixture_set_up, test_new_campaign, fixture_tear_down);

  return g_test_run ();
}
