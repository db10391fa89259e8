/* sp-ui-driver.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the real window in-process:
 *   sp-ui-driver screenshots DB OUTDIR   renders every screen as PNG files in OUTDIR
 *   sp-ui-driver bench WORKDIR           the issue 6 figures as one JSON line
 * Run it under Xvfb (bench/ui/run does).
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "sp-campaign-repository.h"
#include "sp-campaign-sidebar.h"
#include "sp-campaign-view.h"
#include "sp-catalog-import.h"
#include "sp-preferences-window.h"
#include "sp-pricing-page.h"
#include "sp-product-list-model.h"
#include "sp-scope-page.h"
#include "sp-store.h"
#include "sp-window.h"
#include "sp-workspace.h"

/* Under callgrind, each keystroke's handler and frame are counted apart
 * (bench/ui/run --instructions); elsewhere these do nothing. */
#ifdef HAVE_CALLGRIND
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#define CALLGRIND_DUMP_STATS_AT(name)
#endif

static SpWorkspace *workspace;

/* Runs the main loop for @ms and returns the longest time one iteration
 * took: the longest the window could not draw a frame. */
static double
spin_measuring (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  double longest = 0;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        {
          gint64 start = g_get_monotonic_time ();

          g_main_context_iteration (NULL, FALSE);
          longest = MAX (longest, (g_get_monotonic_time () - start) / 1000.0);
        }
      g_usleep (1000);
    }

  return longest;
}

static void
spin (guint ms)
{
  spin_measuring (ms);
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!(workspace = sp_workspace_open_finish (result, &error)))
    {
      g_printerr ("sp-ui-driver: %s\n", error->message);
      exit (1);
    }
}

static void
open_workspace (const char *path)
{
  sp_workspace_open_async (path, NULL, opened_cb, NULL);
  while (workspace == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
save_png (GtkWidget  *window,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_printerr ("sp-ui-driver: could not write %s\n", path);
  else
    g_print ("%s\n", path);
}

static SpCampaign *
find_campaign (const char *prefix)
{
  GListModel *campaigns = sp_workspace_get_campaigns (workspace);

  for (guint i = 0; i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(SpCampaign) campaign = g_list_model_get_item (campaigns, i);

      if (g_str_has_prefix (sp_campaign_get_name (campaign), prefix))
        return campaign;
    }

  return NULL;
}

static void
show (SpWindow   *window,
      const char *campaign_prefix,
      const char *page)
{
  SpCampaign *campaign = find_campaign (campaign_prefix);
  GtkWidget *view = sp_window_get_campaign_view (window);

  if (campaign == NULL)
    {
      g_printerr ("sp-ui-driver: no campaign %s\n", campaign_prefix);
      return;
    }
  sp_campaign_sidebar_select (SP_CAMPAIGN_SIDEBAR (sp_window_get_sidebar (window)), campaign);
  adw_view_stack_set_visible_child_name (sp_campaign_view_get_stack (SP_CAMPAIGN_VIEW (view)), page);
  spin (1200);
}

static void
shoot (gpointer    window,
       const char *dir,
       const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  save_png (GTK_WIDGET (window), path);
}

static gboolean run_finished;

static void
finished_cb (SpRunController *controller,
             const char      *campaign_id,
             const char      *error_message)
{
  g_print ("finished: %s\n", error_message ? error_message : "ok");
  run_finished = TRUE;
}

static int
screenshots (const char *db,
             const char *dir)
{
  SpWindow *window;

  open_workspace (db);
  window = g_object_new (SP_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  sp_window_set_workspace (window, workspace);
  gtk_window_present (GTK_WINDOW (window));
  sp_workspace_load_catalog (workspace);
  spin (2500);

  shoot (window, dir, "01-campaigns.png");
  show (window, "Winter", "overview");
  shoot (window, dir, "02-overview.png");
  show (window, "Winter", "scope");
  {
    SpScopePage *scope = SP_SCOPE_PAGE (sp_campaign_view_get_page (SP_CAMPAIGN_VIEW (sp_window_get_campaign_view (window)), "scope"));

    /* The campaign's own SKUs, checked, with the catalog around them a click away. */
    sp_scope_page_set_in_scope_only (scope, TRUE);
    spin (800);
    shoot (window, dir, "03-scope.png");
    sp_scope_page_set_in_scope_only (scope, FALSE);
  }
  show (window, "Winter", "incentives");
  shoot (window, dir, "04-incentives.png");
  show (window, "Winter", "quotes");
  shoot (window, dir, "06-quotes.png");
  show (window, "Winter", "storefront");
  shoot (window, dir, "07-storefront.png");
  show (window, "HVAC", "approval");
  shoot (window, dir, "08-approval.png");
  /* A draft with a 25% margin floor and 15% off: the floor breaks on some
   * SKUs. After the pages above, whose shots its Undo toast would cover. */
  show (window, "Plumbing", "pricing");
  {
    GtkWidget *page = sp_campaign_view_get_page (SP_CAMPAIGN_VIEW (sp_window_get_campaign_view (window)), "pricing");

    sp_workspace_edit_campaign_int64 (workspace, find_campaign ("Plumbing"), "margin-floor", 2500);
    sp_pricing_page_apply_to_all (SP_PRICING_PAGE (page), 15.0);
    spin (2500);
  }
  shoot (window, dir, "05-pricing.png");
  /* Execute the approved campaign against the sandbox, as a user would. */
  g_signal_connect (sp_workspace_get_run_controller (workspace), "finished", G_CALLBACK (finished_cb), NULL);
  show (window, "Winter", "execution");
  gtk_widget_activate_action (sp_window_get_campaign_view (window), "campaign.execute", NULL);
  {
    SpCampaign *winter = find_campaign ("Winter");
    gint64 deadline = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;

    while (!run_finished && g_get_monotonic_time () < deadline &&
           sp_campaign_get_status (winter) != SP_CAMPAIGN_STATUS_LIVE &&
           sp_campaign_get_status (winter) != SP_CAMPAIGN_STATUS_FAILED)
      g_main_context_iteration (NULL, TRUE);
  }
  spin (2500);
  shoot (window, dir, "09-execution.png");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  show (window, "Winter", "overview");
  shoot (window, dir, "10-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  spin (1500);
  shoot (window, dir, "11-narrow-page.png");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  spin (1000);
  shoot (window, dir, "12-narrow-list.png");

  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  spin (500);
  {
    GtkWidget *preferences = GTK_WIDGET (sp_preferences_window_new (db));

    gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
    gtk_window_set_default_size (GTK_WINDOW (preferences), 600, 720);
    gtk_window_present (GTK_WINDOW (preferences));
    spin (1000);
    shoot ((SpWindow *)preferences, dir, "13-preferences.png");
    gtk_window_destroy (GTK_WINDOW (preferences));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

/* A 100,000-SKU catalog in 10 × 10 × 10 categories and 1,000 campaigns. */
static int
generate (const char *dir)
{
  static const char *tops[] = { "Tools", "Fasteners", "Plumbing", "Electrical", "HVAC",
                                "Welding", "Safety", "Adhesives", "Measuring", "Storage" };
  static const char *things[] = { "Drill", "Saw", "Valve", "Cable", "Filter", "Torch", "Glove",
                                  "Sealant", "Gauge", "Bin", "Wrench", "Bolt", "Pipe", "Switch" };
  g_autofree char *db = g_build_filename (dir, "workspace.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "catalog.csv", NULL);
  g_autoptr(GString) text = g_string_new ("sku,name,category_path,uom,list_price,cost,currency,stock_on_hand,avg_daily_sales\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpCampaignRepository) campaigns = NULL;
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < 100000; i++)
    {
      guint top = i % 10, mid = (i / 10) % 10, leaf = (i / 100) % 10;
      gint64 price = 500 + g_rand_int_range (rand, 0, 50000);
      gint64 cost = price * g_rand_int_range (rand, 45, 90) / 100;

      g_string_append_printf (text, "SKU-%06u,%s %s %u,%s/Group %u/Line %u,PCE,%" G_GINT64_FORMAT ".%02d,"
                              "%" G_GINT64_FORMAT ".%02d,EUR,%d,%d.%02d\n",
                              i, things[i % G_N_ELEMENTS (things)], tops[top], i,
                              tops[top], mid, leaf, price / 100, (int)(price % 100),
                              cost / 100, (int)(cost % 100),
                              g_rand_int_range (rand, 0, 2000), g_rand_int_range (rand, 0, 20),
                              g_rand_int_range (rand, 0, 100));
    }
  g_rand_free (rand);

  if (!g_file_set_contents (csv, text->str, text->len, &error) ||
      !(store = sp_store_open (db, &error)) ||
      !sp_catalog_import_file (store, csv, NULL, NULL, NULL, &error))
    {
      g_printerr ("sp-ui-driver: %s\n", error->message);
      return 1;
    }

  campaigns = sp_campaign_repository_new (store);
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Clearance %04u %s", i, tops[i % 10]);
      g_autofree char *group = g_strdup_printf ("%s/Group %u", tops[i % 10], (i / 10) % 10);
      const char *categories[] = { group, NULL };
      g_autoptr(SpCampaign) campaign = sp_campaign_new (name);

      sp_campaign_set_owner (campaign, i % 3 ? "Lena Hoffmann" : "Jonas Berger");
      sp_campaign_set_start_date (campaign, "2026-12-01");
      sp_campaign_set_end_date (campaign, "2027-01-31");
      sp_campaign_set_scope_categories (campaign, categories);
      if (!sp_campaign_repository_create (campaigns, campaign, &error))
        {
          g_printerr ("sp-ui-driver: %s\n", error->message);
          return 1;
        }
    }

  g_unlink (csv);
  return 0;
}

static gint64 t0;
static double first_frame_ms = -1;
static gint64 frame_start;
static double frame_work_ms = -1;

static guint n_frames;
static GtkWidget *bench_window;

/* Waits for the end of the next frame that paints. */
static void
wait_for_frame (void)
{
  guint frame = n_frames;

  gtk_widget_queue_draw (bench_window);
  while (n_frames == frame)
    g_main_context_iteration (NULL, TRUE);
}

/* A frame's own work: from its start, before GTK's layout phase (styles,
 * sizes, the window's geometry), to the end of its paint. */
static void
frame_start_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  if (frame_start == 0)
    frame_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                SpWindow      *window)
{
  n_frames++;
  if (frame_start != 0 && frame_work_ms < 0)
    frame_work_ms = (g_get_monotonic_time () - frame_start) / 1000.0;
  if (first_frame_ms < 0 &&
      sp_campaign_sidebar_get_n_visible (SP_CAMPAIGN_SIDEBAR (sp_window_get_sidebar (window))) > 0)
    first_frame_ms = (g_get_monotonic_time () - t0) / 1000.0;
}

/* Opens the Scope page of the shown campaign: ms to the first frame with its rows. */
static double
open_scope (SpWindow     *window,
            SpScopePage **scope)
{
  SpCampaignView *view = SP_CAMPAIGN_VIEW (sp_window_get_campaign_view (window));
  gint64 start = g_get_monotonic_time ();

  adw_view_stack_set_visible_child_name (sp_campaign_view_get_stack (view), "scope");
  *scope = SP_SCOPE_PAGE (sp_campaign_view_get_page (view, "scope"));
  while (!sp_scope_page_get_ready (*scope))
    g_main_context_iteration (NULL, TRUE);
  wait_for_frame ();

  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, "VmHWM:")))
    return -1;

  return g_ascii_strtod (line + 6, NULL) / 1024.0;
}

/* @cold: opens the Scope page straight after the window's first frame,
 * while the catalog is still loading, and prints only that figure. */
static int
bench (const char *dir,
       gboolean    cold)
{
  g_autofree char *db = g_build_filename (dir, "workspace.db", NULL);
  const char *query = "drill tools 12";
  SpWindow *window;
  SpScopePage *scope;
  double scope_ready_ms, refilter_ms = 0, slowest_handler_ms = 0, raw_scan_ms = 0, model_ms = 0;

  /* First frame: from here to the first frame that shows the campaign list.
   * As SpApplication does: the store opens in a worker while the window is
   * built and shown. */
  t0 = g_get_monotonic_time ();
  sp_workspace_open_async (db, NULL, opened_cb, NULL);
  window = g_object_new (SP_TYPE_WINDOW, NULL);
  bench_window = GTK_WIDGET (window);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), window);
  while (workspace == NULL)
    g_main_context_iteration (NULL, TRUE);
  sp_window_set_workspace (window, workspace);
  while (first_frame_ms < 0)
    g_main_context_iteration (NULL, TRUE);

  /* Scope ready: a user picks a campaign and sees its Overview (its
   * projection needs the catalog, loading since the first frames), then
   * opens the Scope page: from that click to the first frame that shows the
   * 100k rows in the column view. */
  sp_campaign_sidebar_select (SP_CAMPAIGN_SIDEBAR (sp_window_get_sidebar (window)),
                              g_list_model_get_item (sp_workspace_get_campaigns (workspace), 0));
  if (cold)
    {
      printf ("{\"scope_cold_ms\": %.1f}\n", open_scope (window, &scope));
      return 0;
    }
  while (!sp_workspace_get_catalog_loaded (workspace))
    g_main_context_iteration (NULL, TRUE);
  wait_for_frame ();
  scope_ready_ms = open_scope (window, &scope);

  /* The filter's own work, without the view: the search over every row's
   * key for one letter, and the slowest keystroke of the query on a list
   * model that no view shows. */
  {
    SpCatalogTable *table = sp_workspace_get_catalog_table (workspace);
    g_autofree guint8 *hits = g_new (guint8, sp_catalog_table_get_n_rows (table));
    g_autoptr(SpProductListModel) model = sp_product_list_model_new ();
    gint64 s0 = g_get_monotonic_time ();
    guint n = sp_catalog_table_search (table, "d", hits);

    raw_scan_ms = (g_get_monotonic_time () - s0) / 1000.0;
    g_printerr ("bench/ui: the search keys of %u rows scanned in %.1f ms (%u hits)\n",
                sp_catalog_table_get_n_rows (table), raw_scan_ms, n);

    sp_product_list_model_set_table (model, table);
    for (guint i = 1; query[i - 1] != '\0'; i++)
      {
        g_autofree char *typed = g_strndup (query, i);

        s0 = g_get_monotonic_time ();
        sp_product_list_model_set_search (model, typed);
        model_ms = MAX (model_ms, (g_get_monotonic_time () - s0) / 1000.0);
      }
  }

  /* Each keystroke of a typed query: the handler filters the whole catalog
   * at once; the next frame then lays out and draws the rows it shows.
   * refilter_ms is the larger of the handler plus that frame's own work and
   * the longest the main loop is busy at a time in the 300 ms after. */
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "before-paint",
                    G_CALLBACK (frame_start_cb), NULL);
  /* The page settles first (its last rows come into view), as it would
   * before anyone types. */
  spin (700);
  for (guint i = 0; query[i] != '\0'; i++)
    {
      char key[2] = { query[i], '\0' };
      gint64 key_start = g_get_monotonic_time ();
      double handler_ms, later_ms;

      CALLGRIND_START_INSTRUMENTATION;
      sp_scope_page_type (scope, key);
      handler_ms = (g_get_monotonic_time () - key_start) / 1000.0;
      frame_work_ms = -1;
      frame_start = 0;
      while (frame_work_ms < 0 && g_get_monotonic_time () - key_start < 5 * G_USEC_PER_SEC)
        g_main_context_iteration (NULL, TRUE);
      if (frame_work_ms < 0)
        {
          g_printerr ("sp-ui-driver: no frame after a keystroke\n");
          exit (1);
        }
      CALLGRIND_STOP_INSTRUMENTATION;
      {
        g_autofree char *dump = g_strdup_printf ("keystroke %u '%c'", i + 1, query[i]);

        CALLGRIND_DUMP_STATS_AT (dump);
      }
      /* Then nothing the keystroke left to do may block a frame either. */
      later_ms = spin_measuring (300);
      refilter_ms = MAX (refilter_ms, MAX (handler_ms + frame_work_ms, later_ms));
      g_printerr ("bench/ui: key '%c': handler %.1f ms + frame %.1f ms, then at most %.1f ms at a time; %u rows\n",
                  query[i], handler_ms, frame_work_ms, later_ms, sp_scope_page_get_n_shown (scope));
      slowest_handler_ms = MAX (slowest_handler_ms, handler_ms);
    }

  printf ("{\"scope_ready_ms\": %.1f, \"refilter_ms\": %.2f, \"refilter_handler_ms\": %.2f, "
          "\"first_frame_ms\": %.1f, \"rss_mb\": %.1f, \"skus\": %u, \"campaigns\": %u, "
          "\"shown_after_query\": %u, \"key_scan_ms\": %.1f, \"refilter_model_ms\": %.2f}\n",
          scope_ready_ms, refilter_ms, slowest_handler_ms, first_frame_ms, rss_mb (),
          sp_catalog_table_get_n_rows (sp_workspace_get_catalog_table (workspace)),
          g_list_model_get_n_items (sp_workspace_get_campaigns (workspace)),
          sp_scope_page_get_n_shown (scope), raw_scan_ms, model_ms);
  return 0;
}

static void
log_cb (SpRunController *controller,
        const char      *campaign_id,
        const char      *line)
{
  g_print ("log: %s\n", line);
}

/* Presses Execute on a campaign's Overview and waits for the run to end. */
static int
execute (const char *db,
         const char *prefix)
{
  SpWindow *window;
  SpCampaign *campaign;

  open_workspace (db);
  window = g_object_new (SP_TYPE_WINDOW, NULL);
  sp_window_set_workspace (window, workspace);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (sp_workspace_get_run_controller (workspace), "finished", G_CALLBACK (finished_cb), NULL);
  g_signal_connect (sp_workspace_get_run_controller (workspace), "log", G_CALLBACK (log_cb), NULL);
  campaign = find_campaign (prefix);
  show (window, prefix, "overview");
  gtk_widget_activate_action (sp_window_get_campaign_view (window), "campaign.execute", NULL);
  while (!run_finished)
    g_main_context_iteration (NULL, TRUE);
  spin (2500);
  g_print ("status: %d\n", sp_campaign_get_status (campaign));
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc >= 3 && g_str_equal (argv[1], "generate"))
    return generate (argv[2]);

  gtk_init ();
  adw_init ();

  /* What GtkApplication does for the real program: our CSS and icons. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                      RESOURCE_BASE "/icons");
  }

  if (argc >= 4 && g_str_equal (argv[1], "screenshots"))
    return screenshots (argv[2], argv[3]);
  if (argc >= 4 && g_str_equal (argv[1], "execute"))
    return execute (argv[2], argv[3]);
  if (argc >= 3 && g_str_equal (argv[1], "bench"))
    return bench (argv[2], FALSE);
  if (argc >= 3 && g_str_equal (argv[1], "bench-cold"))
    return bench (argv[2], TRUE);

  g_printerr ("usage: sp-ui-driver generate|bench WORKDIR | screenshots DB OUTDIR\n");
  return 2;
}
