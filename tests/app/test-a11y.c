/* test-a11y.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Labels and keyboard access: every button of every screen says what it
 * does (a label, or a tooltip and an accessible label when it only shows
 * an icon), every field has a name, every button of the optional steps'
 * pages is reached with Tab, and the Shortcuts window lists the
 * shortcuts the window has, no more and no less.
 *
 * GTK 4.8 has no API to read an accessible property back, so the
 * templates are checked as written (GMarkup over the .ui files) and the
 * widgets built in C by what GTK can tell: label text or tooltip.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sp-campaign-view.h"
#include "sp-catalog-repository.h"
#include "sp-customer-repository.h"
#include "sp-offer-repository.h"
#include "sp-preferences-window.h"
#include "sp-store.h"
#include "sp-window.h"
#include "sp-workspace.h"

/* ---- The templates as written ------------------------------------------ */

/* One <object> being read. */
typedef struct
{
  char     *klass;
  char     *id;
  guint     depth;
  gboolean  has_label;       /* a "label" property, or a child object as its content */
  gboolean  has_tooltip;
  gboolean  has_a11y_label;  /* an accessible label, or a labelled-by relation */
} Frame;

typedef struct
{
  const char *file;
  GPtrArray  *frames;        /* Frame, innermost last */
  GPtrArray  *elements;      /* element names, innermost last */
  char       *property;      /* the property of the innermost object being read */
  GString    *errors;
} UiCheck;

static const char *button_classes[] = { "GtkButton", "GtkMenuButton", "GtkToggleButton", NULL };
/* Fields: they show no text of their own that could name them. */
static const char *field_classes[] = { "GtkSpinButton", "GtkSwitch", "GtkDropDown", "GtkEntry",
                                       "GtkSearchEntry", "GtkScale", "GtkTextView", NULL };

static void
frame_free (Frame *frame)
{
  g_free (frame->klass);
  g_free (frame->id);
  g_free (frame);
}

static void
finish_object (UiCheck *check,
               Frame   *frame)
{
  const char *what = frame->id ? frame->id : "(no id)";

  if (frame->klass == NULL)
    return;

  if (g_strv_contains (button_classes, frame->klass) && !frame->has_label &&
      (!frame->has_tooltip || !frame->has_a11y_label))
    g_string_append_printf (check->errors, "%s: %s %s shows only an icon but has no %s\n",
                            check->file, frame->klass, what,
                            frame->has_tooltip ? "accessible label" : "tooltip");

  if (g_strv_contains (field_classes, frame->klass) && !frame->has_a11y_label)
    g_string_append_printf (check->errors, "%s: %s %s has no accessible label\n",
                            check->file, frame->klass, what);

  if (g_str_equal (frame->klass, "GtkCheckButton") && !frame->has_label && !frame->has_a11y_label)
    g_string_append_printf (check->errors, "%s: GtkCheckButton %s has neither label nor accessible label\n",
                            check->file, what);
}

static const char *
element_at (UiCheck *check,
            guint    up)
{
  return check->elements->len > up ? g_ptr_array_index (check->elements, check->elements->len - 1 - up) : "";
}

static Frame *
top_frame (UiCheck *check)
{
  return check->frames->len > 0 ? g_ptr_array_index (check->frames, check->frames->len - 1) : NULL;
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  UiCheck *check = user_data;
  Frame *top = top_frame (check);
  const char *klass = NULL, *id = NULL, *name = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "class"))
        klass = values[i];
      else if (g_str_equal (names[i], "id"))
        id = values[i];
      else if (g_str_equal (names[i], "name"))
        name = values[i];
    }

  if (g_str_equal (element, "object") || g_str_equal (element, "template"))
    {
      Frame *frame = g_new0 (Frame, 1);

      /* <child><object> of a button is its content: a label, or a box with one. */
      if (top != NULL && g_str_equal (element_at (check, 0), "child"))
        top->has_label = TRUE;
      frame->klass = g_strdup (klass);
      frame->id = g_strdup (id);
      frame->depth = check->elements->len;
      g_ptr_array_add (check->frames, frame);
    }
  else if (top != NULL && g_str_equal (element, "property") &&
           check->elements->len == top->depth + 1)
    {
      g_free (check->property);
      check->property = g_strdup (name);
    }
  else if (top != NULL && (g_str_equal (element, "property") || g_str_equal (element, "relation")) &&
           g_str_equal (element_at (check, 0), "accessibility") &&
           check->elements->len == top->depth + 2 &&
           (g_strcmp0 (name, "label") == 0 || g_strcmp0 (name, "labelled-by") == 0))
    top->has_a11y_label = TRUE;

  g_ptr_array_add (check->elements, g_strdup (element));
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 len,
         gpointer              user_data,
         GError              **error)
{
  UiCheck *check = user_data;
  Frame *top = top_frame (check);
  g_autofree char *value = g_strstrip (g_strndup (text, len));

  if (top == NULL || check->property == NULL || *value == '\0')
    return;

  if (g_str_equal (check->property, "label"))
    top->has_label = TRUE;
  else if (g_str_equal (check->property, "tooltip-text") || g_str_equal (check->property, "tooltip-markup"))
    top->has_tooltip = TRUE;
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  UiCheck *check = user_data;

  g_ptr_array_set_size (check->elements, check->elements->len - 1);
  if (g_str_equal (element, "property"))
    g_clear_pointer (&check->property, g_free);
  else if (g_str_equal (element, "object") || g_str_equal (element, "template"))
    {
      finish_object (check, top_frame (check));
      g_ptr_array_set_size (check->frames, check->frames->len - 1);
    }
}

/* Appends to @errors what is unlabelled in the .ui file at @path. */
static void
check_ui_file (const char *path,
               GString    *errors)
{
  static const GMarkupParser parser = { start_element_cb, end_element_cb, text_cb, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *base = g_path_get_basename (path);
  UiCheck check = { .file = base, .errors = errors };
  gsize length;

  check.frames = g_ptr_array_new_with_free_func ((GDestroyNotify)frame_free);
  check.elements = g_ptr_array_new_with_free_func (g_free);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  context = g_markup_parse_context_new (&parser, 0, &check, NULL);
  g_markup_parse_context_parse (context, contents, length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_free (check.property);
  g_ptr_array_unref (check.frames);
  g_ptr_array_unref (check.elements);
}

static GPtrArray *
list_ui_files (void)
{
  const char *folders[] = { "resources/ui", "resources/gtk" };
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *dir_path = g_build_filename (g_getenv ("SP_SOURCE_ROOT"), folders[i], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".ui"))
          g_ptr_array_add (files, g_build_filename (dir_path, name, NULL));
    }

  return files;
}

static void
test_ui_files (void)
{
  g_autoptr(GPtrArray) files = list_ui_files ();
  g_autoptr(GString) errors = g_string_new (NULL);

  g_assert_cmpuint (files->len, >, 10);
  for (guint i = 0; i < files->len; i++)
    check_ui_file (g_ptr_array_index (files, i), errors);

  if (errors->len > 0)
    g_error ("Unlabelled controls:\n%s", errors->str);
}

/* The checker itself: an icon button without a label must be caught. */
static void
test_ui_checker_fails (void)
{
  static const char *bad[] = {
    "<interface><object class=\"GtkButton\" id=\"trash\"><property name=\"icon-name\">user-trash-symbolic</property></object></interface>",
    "<interface><object class=\"GtkButton\" id=\"trash\"><property name=\"icon-name\">user-trash-symbolic</property>"
    "<property name=\"tooltip-text\">Remove</property></object></interface>",
    "<interface><object class=\"GtkBox\"><child><object class=\"GtkSpinButton\" id=\"spin\"/></child></object></interface>",
  };
  static const char *good =
    "<interface><object class=\"GtkButton\" id=\"trash\"><property name=\"icon-name\">user-trash-symbolic</property>"
    "<property name=\"tooltip-text\">Remove</property>"
    "<accessibility><property name=\"label\">Remove it</property></accessibility></object>"
    "<object class=\"GtkButton\"><child><object class=\"AdwButtonContent\"><property name=\"label\">_Add</property></object></child></object>"
    "</interface>";
  g_autofree char *dir = g_dir_make_tmp ("sp-test-a11y-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "x.ui", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GString) errors = g_string_new (NULL);

      g_assert_true (g_file_set_contents (path, bad[i], -1, NULL));
      check_ui_file (path, errors);
      g_assert_cmpuint (errors->len, >, 0);
    }

  {
    g_autoptr(GString) errors = g_string_new (NULL);

    g_assert_true (g_file_set_contents (path, good, -1, NULL));
    check_ui_file (path, errors);
    g_assert_cmpstr (errors->str, ==, "");
  }

  g_unlink (path);
  g_rmdir (dir);
}

/* ---- The widgets as built ----------------------------------------------- */

typedef struct
{
  char        *dir;
  char        *db_path;
  SpWorkspace *workspace;
  SpWindow    *window;
  SpCampaign  *campaign;
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

/* A campaign with a segment, a coupon, a mapping, a quote and a banner, so
 * that every kind of row is on screen. */
static void
write_fixture (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (db_path, &error);
  g_autoptr(SpCatalogRepository) catalog = sp_catalog_repository_new (store);
  g_autoptr(SpCustomerRepository) customers = sp_customer_repository_new (store);
  g_autoptr(SpCategory) drills = sp_category_new ("Drills", "Drills");
  g_autoptr(SpProduct) product = sp_product_new ("DR-100", "Cordless Drill");
  g_autoptr(SpSegment) vip = sp_segment_new ("VIP", "Very important buyers");
  g_autoptr(SpCompany) acme = sp_company_new ("ACME", "Acme Builders");

  g_assert_no_error (error);
  sp_catalog_repository_save_category (catalog, drills, &error);
  g_assert_no_error (error);
  sp_product_set_category_path (product, "Drills");
  sp_product_set_list_price (product, 10000);
  sp_product_set_cost (product, 5000);
  sp_product_set_currency (product, "EUR");
  sp_product_set_stock_on_hand (product, 500);
  sp_product_set_uom (product, "PCE");
  sp_catalog_repository_save_product (catalog, product, &error);
  g_assert_no_error (error);
  sp_customer_repository_save_segment (customers, vip, &error);
  g_assert_no_error (error);
  sp_customer_repository_save_company (customers, acme, &error);
  g_assert_no_error (error);
}

static gboolean
campaign_ready (Fixture *fixture)
{
  SpCampaignView *view = SP_CAMPAIGN_VIEW (sp_window_get_campaign_view (fixture->window));

  return sp_campaign_view_get_campaign (view) != NULL &&
         sp_workspace_get_catalog_loaded (fixture->workspace) &&
         g_list_model_get_n_items (sp_workspace_get_segments (fixture->workspace)) == 1;
}

static void
add_offers (Fixture *fixture)
{
  SpCampaign *campaign = fixture->campaign;
  const char *segments[] = { "VIP", NULL };
  const char *products[] = { "DR-100", NULL };
  g_autoptr(SpCoupon) coupon = sp_coupon_new ("CLEAR-VIP");
  g_autoptr(SpQuote) quote = sp_quote_new ("ACME");
  g_autoptr(SpQuoteLine) line = sp_quote_line_new ("DR-100", 2, 9000);
  g_autoptr(SpSegmentMapping) mapping = sp_segment_mapping_new ("VIP", SP_SCOPE_KIND_PRODUCT, "DR-100");
  g_autoptr(SpBanner) banner = sp_banner_new ("Clearance");

  sp_workspace_edit_campaign_strv (fixture->workspace, campaign, "segments", segments);
  sp_workspace_edit_campaign_strv (fixture->workspace, campaign, "scope-products", products);
  sp_coupon_set_campaign_id (coupon, sp_campaign_get_id (campaign));
  sp_coupon_set_segment_code (coupon, "VIP");
  sp_coupon_set_discount_value (coupon, 1000);
  sp_quote_set_campaign_id (quote, sp_campaign_get_id (campaign));
  sp_quote_set_currency (quote, "EUR");
  sp_quote_add_line (quote, line);
  sp_banner_set_campaign_id (banner, sp_campaign_get_id (campaign));
  sp_workspace_edit_offer (fixture->workspace, campaign, NULL, G_OBJECT (coupon));
  sp_workspace_edit_offer (fixture->workspace, campaign, NULL, G_OBJECT (quote));
  sp_workspace_edit_offer (fixture->workspace, campaign, NULL, G_OBJECT (mapping));
  sp_workspace_edit_offer (fixture->workspace, campaign, NULL, G_OBJECT (banner));
  spin (600);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sp-test-a11y-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "workspace.db", NULL);
  write_fixture (fixture->db_path);

  sp_workspace_open_async (fixture->db_path, NULL, opened_cb, fixture);
  wait_until (workspace_is_open, fixture);
  fixture->window = g_object_new (SP_TYPE_WINDOW, NULL);
  sp_window_set_workspace (fixture->window, fixture->workspace);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-campaign", NULL));
  sp_workspace_load_catalog (fixture->workspace);
  wait_until (campaign_ready, fixture);
  fixture->campaign = g_object_ref (sp_campaign_view_get_campaign (SP_CAMPAIGN_VIEW (sp_window_get_campaign_view (fixture->window))));
  add_offers (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->campaign);
  g_clear_object (&fixture->workspace);
  spin (100);
  d = g_dir_open (fixture->dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static gboolean
shows_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL &&
      *gtk_button_get_label (GTK_BUTTON (widget)) != '\0' &&
      gtk_button_get_icon_name (GTK_BUTTON (widget)) == NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child))
      return TRUE;

  return FALSE;
}

static void
describe (GString   *out,
          GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);
  GtkWidget *page = gtk_widget_get_ancestor (widget, ADW_TYPE_BIN);

  g_string_append_printf (out, "%s (icon %s) in %s%s%s", G_OBJECT_TYPE_NAME (widget),
                          GTK_IS_BUTTON (widget) ? gtk_button_get_icon_name (GTK_BUTTON (widget)) : "?",
                          page ? G_OBJECT_TYPE_NAME (page) : "the window",
                          row ? " row " : "",
                          row ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : "");
}

/* Every button under @root (visible or not: it may show later) says what it
 * does; @seen holds those already reported. */
static void
check_buttons (GtkWidget  *root,
               GHashTable *seen,
               GString    *errors)
{
  gboolean button = GTK_IS_BUTTON (root) || GTK_IS_MENU_BUTTON (root);

  /* GTK's and libadwaita's own parts: the window controls, a spin button's
   * steppers and a toast are labelled by their toolkit, which we cannot
   * read back in GTK 4.8. */
  if (GTK_IS_WINDOW_CONTROLS (root) || GTK_IS_SPIN_BUTTON (root) ||
      g_str_equal (G_OBJECT_TYPE_NAME (root), "AdwToastWidget"))
    return;

  if (button && !shows_text (root) && gtk_widget_get_tooltip_text (root) == NULL &&
      g_hash_table_add (seen, root))
    {
      describe (errors, root);
      g_string_append (errors, " has neither text nor tooltip\n");
    }

  /* A menu button is one control; its inner toggle button is GTK's. */
  if (GTK_IS_MENU_BUTTON (root))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    check_buttons (child, seen, errors);
}

static const char *pages[] = { "overview", "scope", "incentives", "pricing", "quotes", "storefront",
                               "approval", "execution" };

static void
show_page (Fixture    *fixture,
           const char *name)
{
  SpCampaignView *view = SP_CAMPAIGN_VIEW (sp_window_get_campaign_view (fixture->window));

  adw_view_stack_set_visible_child_name (sp_campaign_view_get_stack (view), name);
  spin (200);
}

static void
expand_rows (GtkWidget *root)
{
  if (ADW_IS_EXPANDER_ROW (root))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (root), TRUE);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    expand_rows (child);
}

static void
test_buttons_labelled (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  SpPreferencesWindow *preferences;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      show_page (fixture, pages[i]);
      check_buttons (GTK_WIDGET (fixture->window), seen, errors);
    }

  preferences = sp_preferences_window_new (fixture->db_path);
  gtk_window_present (GTK_WINDOW (preferences));
  spin (100);
  check_buttons (GTK_WIDGET (preferences), seen, errors);
  gtk_window_destroy (GTK_WINDOW (preferences));

  if (errors->len > 0)
    g_error ("Unlabelled buttons:\n%s", errors->str);
}

/* The walk itself: a button with only an icon, added to a page, fails it. */
static void
test_buttons_checker_fails (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GtkWidget *page = sp_campaign_view_get_page (SP_CAMPAIGN_VIEW (sp_window_get_campaign_view (fixture->window)),
                                               "quotes");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *bad = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_box_append (GTK_BOX (box), bad);
  gtk_widget_insert_before (box, page, NULL);
  check_buttons (page, seen, errors);
  g_assert_cmpuint (errors->len, >, 0);

  g_string_truncate (errors, 0);
  g_hash_table_remove_all (seen);
  gtk_widget_set_tooltip_text (bad, "Remove");
  check_buttons (page, seen, errors);
  g_assert_cmpstr (errors->str, ==, "");
  gtk_widget_unparent (box);
}

/* ---- Keyboard ----------------------------------------------------------- */

static gboolean
reached (GPtrArray *focused,
         GtkWidget *widget)
{
  for (guint i = 0; i < focused->len; i++)
    {
      GtkWidget *focus = g_ptr_array_index (focused, i);

      /* The row of a check or switch takes the focus and toggles it. */
      if (focus == widget || gtk_widget_is_ancestor (focus, widget) ||
          (ADW_IS_ACTION_ROW (focus) &&
           adw_action_row_get_activatable_widget (ADW_ACTION_ROW (focus)) == widget))
        return TRUE;
    }

  return FALSE;
}

static void
collect_controls (GtkWidget *root,
                  GPtrArray *controls)
{
  if (!gtk_widget_get_mapped (root) || !gtk_widget_is_sensitive (root))
    return;

  if (GTK_IS_BUTTON (root) || GTK_IS_MENU_BUTTON (root) || GTK_IS_CHECK_BUTTON (root) ||
      GTK_IS_SPIN_BUTTON (root) || GTK_IS_SWITCH (root) || ADW_IS_ENTRY_ROW (root) ||
      ADW_IS_COMBO_ROW (root))
    {
      g_ptr_array_add (controls, root);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_controls (child, controls);
}

/* Tab from the start of the window until the focus comes round again. */
static GPtrArray *
tab_through (GtkWindow *window)
{
  GPtrArray *focused = g_ptr_array_new ();

  gtk_window_set_focus (window, NULL);
  for (guint i = 0; i < 600; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        break;
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focused->len > 0 && focus == g_ptr_array_index (focused, 0))
        break;
      g_ptr_array_add (focused, focus);
    }

  return focused;
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  user_data)
{
  const char *optional[] = { "incentives", "quotes", "storefront", "overview", "approval", "execution" };
  g_autoptr(GString) errors = g_string_new (NULL);
  guint n_controls = 0;

  for (guint i = 0; i < G_N_ELEMENTS (optional); i++)
    {
      GtkWidget *page = sp_campaign_view_get_page (SP_CAMPAIGN_VIEW (sp_window_get_campaign_view (fixture->window)),
                                                   optional[i]);
      g_autoptr(GPtrArray) controls = g_ptr_array_new ();
      g_autoptr(GPtrArray) focused = NULL;

      show_page (fixture, optional[i]);
      expand_rows (page);
      spin (300);
      collect_controls (page, controls);
      n_controls += controls->len;
      focused = tab_through (GTK_WINDOW (fixture->window));

      for (guint j = 0; j < controls->len; j++)
        if (!reached (focused, g_ptr_array_index (controls, j)))
          {
            g_string_append_printf (errors, "%s: Tab never reaches ", optional[i]);
            describe (errors, g_ptr_array_index (controls, j));
            g_string_append_c (errors, '\n');
          }
    }

  /* The pages show their rows: coupons, mappings, quote lines, fields. */
  g_assert_cmpuint (n_controls, >, 30);
  if (errors->len > 0)
    g_error ("Out of keyboard reach:\n%s", errors->str);
}

/* ---- Mnemonics ---------------------------------------------------------- */

/* The mnemonic keys of what is on screen under @root: labels with an
 * underline, in buttons and rows alike. */
static void
collect_mnemonics (GtkWidget  *root,
                   GHashTable *keys,
                   GString    *errors,
                   const char *page)
{
  if (!gtk_widget_get_mapped (root))
    return;

  if (GTK_IS_LABEL (root) && gtk_label_get_use_underline (GTK_LABEL (root)))
    {
      guint key = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (root)));
      const char *other;

      if (key != GDK_KEY_VoidSymbol)
        {
          if ((other = g_hash_table_lookup (keys, GUINT_TO_POINTER (key))) != NULL)
            g_string_append_printf (errors, "%s: “%s” and “%s” share Alt+%s\n", page, other,
                                    gtk_label_get_label (GTK_LABEL (root)), gdk_keyval_name (key));
          else
            g_hash_table_insert (keys, GUINT_TO_POINTER (key), (gpointer)gtk_label_get_label (GTK_LABEL (root)));
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_mnemonics (child, keys, errors, page);
}

static void
test_mnemonics_unique (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  guint n_keys = 0;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(GHashTable) keys = g_hash_table_new (NULL, NULL);

      show_page (fixture, pages[i]);
      collect_mnemonics (GTK_WIDGET (fixture->window), keys, errors, pages[i]);
      n_keys += g_hash_table_size (keys);
    }

  g_assert_cmpuint (n_keys, >, 5);
  if (errors->len > 0)
    g_error ("One key, two controls:\n%s", errors->str);
}

/* ---- Shortcuts ---------------------------------------------------------- */

typedef struct
{
  gboolean   in_accelerator;
  GPtrArray *listed;          /* char*: the accelerators the Shortcuts window lists */
} OverlayRead;

static void
overlay_start_cb (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  OverlayRead *read = user_data;

  read->in_accelerator = FALSE;
  for (guint i = 0; g_str_equal (element, "property") && names[i] != NULL; i++)
    if (g_str_equal (names[i], "name") && g_str_equal (values[i], "accelerator"))
      read->in_accelerator = TRUE;
}

static void
overlay_text_cb (GMarkupParseContext  *context,
                 const char           *text,
                 gsize                 len,
                 gpointer              user_data,
                 GError              **error)
{
  OverlayRead *read = user_data;

  if (read->in_accelerator)
    g_ptr_array_add (read->listed, g_strndup (text, len));
  read->in_accelerator = FALSE;
}

static void
test_shortcuts_match (Fixture       *fixture,
                      gconstpointer  user_data)
{
  static const GMarkupParser parser = { overlay_start_cb, NULL, overlay_text_cb, NULL, NULL };
  OverlayRead state = { FALSE, NULL };
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) bound = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = g_build_filename (g_getenv ("SP_SOURCE_ROOT"), "resources", "gtk",
                                            "help-overlay.ui", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GListModel) controllers = NULL;
  g_autoptr(GError) error = NULL;

  state.listed = listed;
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  context = g_markup_parse_context_new (&parser, 0, &state, NULL);
  g_markup_parse_context_parse (context, contents, -1, &error);
  g_assert_no_error (error);

  /* What the window binds (its class shortcuts), as accelerator strings. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) && GTK_IS_NAMED_ACTION (action) &&
              g_str_has_prefix (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "win."))
            g_ptr_array_add (bound,
                             gtk_accelerator_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                                   gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))));
        }
    }

  g_assert_cmpuint (bound->len, >, 0);
  for (guint i = 0; i < listed->len; i++)
    {
      guint key;
      GdkModifierType mods;
      g_autofree char *name = NULL;

      g_assert_true (gtk_accelerator_parse (g_ptr_array_index (listed, i), &key, &mods));
      name = gtk_accelerator_name (key, mods);
      if (!g_ptr_array_find_with_equal_func (bound, name, g_str_equal, NULL))
        g_error ("The Shortcuts window lists %s, which the window does not bind", name);
    }
  for (guint i = 0; i < bound->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < listed->len && !found; j++)
        {
          guint key;
          GdkModifierType mods;
          g_autofree char *name = NULL;

          gtk_accelerator_parse (g_ptr_array_index (listed, j), &key, &mods);
          name = gtk_accelerator_name (key, mods);
          found = g_str_equal (name, g_ptr_array_index (bound, i));
        }
      if (!found)
        g_error ("The window binds %s, which the Shortcuts window does not list",
                 (char *)g_ptr_array_index (bound, i));
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/app/a11y/ui-files", test_ui_files);
  g_test_add_func ("/app/a11y/ui-checker-fails", test_ui_checker_fails);
  g_test_add ("/app/a11y/buttons-labelled", Fixture, NULL, fixture_set_up, test_buttons_labelled, fixture_tear_down);
  g_test_add ("/app/a11y/buttons-checker-fails", Fixture, NULL, fixture_set_up, test_buttons_checker_fails, fixture_tear_down);
  g_test_add ("/app/a11y/keyboard", Fixture, NULL, fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/app/a11y/shortcuts", Fixture, NULL, fixture_set_up, test_shortcuts_match, fixture_tear_down);
  g_test_add ("/app/a11y/mnemonics", Fixture, NULL, fixture_set_up, test_mnemonics_unique, fixture_tear_down);

  return g_test_run ();
}
