/* sp-incentives-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The optional incentives step: the campaign's customer segments (saved in
 * the campaign), which clearance products each segment is offered
 * (segment mappings), and segment coupons (code pattern, discount,
 * validity from the schedule, usage limit). Every change is stored at
 * once and can be undone; a removal shows a toast with Undo.
 */

#define G_LOG_DOMAIN "sp-incentives-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-coupon.h"
#include "sp-incentives-page.h"
#include "sp-locale-numbers.h"
#include "sp-segment-mapping.h"
#include "sp-segment.h"
#include "sp-undo-toast.h"

struct _SpIncentivesPage
{
  SpCampaignPage  parent_instance;

  GCancellable   *load_cancellable;
  GSignalGroup   *campaign_signals;   /* owned */
  GSignalGroup   *workspace_signals;  /* owned */
  GPtrArray      *coupons;            /* owned; SpCoupon, as last loaded */
  GPtrArray      *mappings;           /* owned; SpSegmentMapping, as last loaded */
  GStrv           mapping_codes;      /* owned; the segment codes mapping_segments names */
  gboolean        filling;

  /* Template widgets */
  GtkListBox     *segments_list;
  GtkListBox     *mappings_list;
  AdwComboRow    *mapping_segment_row;
  AdwComboRow    *mapping_ref_row;
  GtkStringList  *mapping_segments;
  GtkStringList  *mapping_refs;
  GtkWidget      *add_mapping_button;
  GtkListBox     *coupons_list;
  AdwEntryRow    *code_row;
  GtkSpinButton  *discount_spin;
  GtkSpinButton  *limit_spin;
  GtkWidget      *create_button;
};

G_DEFINE_FINAL_TYPE (SpIncentivesPage, sp_incentives_page, SP_TYPE_CAMPAIGN_PAGE)

static void
clear_rows (GtkListBox *list)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  /* The placeholder is a child too; only rows go. */
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

static const char *
segment_name (SpIncentivesPage *self,
              const char       *code)
{
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));
  GListModel *segments = workspace ? sp_workspace_get_segments (workspace) : NULL;

  for (guint i = 0; segments != NULL && i < g_list_model_get_n_items (segments); i++)
    {
      g_autoptr(SpSegment) segment = g_list_model_get_item (segments, i);

      if (g_strcmp0 (sp_segment_get_code (segment), code) == 0)
        return sp_segment_get_name (segment);
    }

  return code;
}

/* An icon button at the end of a row; @name says what it removes. */
static GtkWidget *
create_remove_button (const char *tooltip,
                      const char *accessible_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  return button;
}

/* ---- Segments ----------------------------------------------------------- */

/* What the toast of a segment's removal needs to put it back. */
typedef struct
{
  GWeakRef    page;
  SpCampaign *campaign;   /* owned */
  char       *code;
  guint64     serial;     /* the removal, in the workspace's undo history */
} SegmentUndo;

static void
segment_undo_free (gpointer data)
{
  SegmentUndo *undo = data;

  g_weak_ref_clear (&undo->page);
  g_clear_object (&undo->campaign);
  g_free (undo->code);
  g_free (undo);
}

static void
undo_segment_removal (gpointer data)
{
  SegmentUndo *undo = data;
  g_autoptr(SpIncentivesPage) self = g_weak_ref_get (&undo->page);
  SpWorkspace *workspace = self ? sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self)) : NULL;
  const char * const *segments;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) restored = NULL;

  if (workspace == NULL)
    return;

  /* The newest change is undone; after other changes, undoing the whole
   * list would drop them, so the segment comes back as a change of its own. */
  if (sp_workspace_get_undo_serial (workspace) == undo->serial)
    {
      sp_workspace_undo_serial (workspace, undo->serial);
      return;
    }

  segments = sp_campaign_get_segments (undo->campaign);
  if (!sp_campaign_is_editable (undo->campaign) || g_strv_contains (segments, undo->code))
    return;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **)segments);
  g_strv_builder_add (builder, undo->code);
  restored = g_strv_builder_end (builder);
  sp_workspace_edit_campaign_strv (workspace, undo->campaign, "segments",
                                   (const char * const *)restored);
}

static void
segment_toggled_cb (SpIncentivesPage *self,
                    GtkCheckButton   *check)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) segments = NULL;

  if (self->filling || campaign == NULL || workspace == NULL)
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->segments_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *row_check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

      if (row_check != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (row_check)))
        g_strv_builder_add (builder, gtk_widget_get_name (row_check));
    }
  segments = g_strv_builder_end (builder);
  sp_workspace_edit_campaign_strv (workspace, campaign, "segments", (const char * const *)segments);

  if (!gtk_check_button_get_active (check))
    {
      g_autofree char *title = NULL;
      SegmentUndo *undo;

      /* Translators: a toast; %s is a customer segment's name */
      title = g_strdup_printf (_("Segment “%s” removed from the campaign"),
                               segment_name (self, gtk_widget_get_name (GTK_WIDGET (check))));
      undo = g_new0 (SegmentUndo, 1);
      g_weak_ref_init (&undo->page, self);
      undo->campaign = g_object_ref (campaign);
      undo->code = g_strdup (gtk_widget_get_name (GTK_WIDGET (check)));
      undo->serial = sp_workspace_get_undo_serial (workspace);
      sp_undo_toast_show_full (GTK_WIDGET (self), title, undo_segment_removal, undo,
                               segment_undo_free);
    }
}

static GtkWidget *
create_segment_row (gpointer item,
                    gpointer user_data)
{
  SpIncentivesPage *self = user_data;
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpSegment *segment = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  /* Names and comments are data, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  /* The check's name is the segment code the campaign stores. */
  gtk_widget_set_name (check, sp_segment_get_code (segment));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               campaign != NULL &&
                               g_strv_contains (sp_campaign_get_segments (campaign),
                                                sp_segment_get_code (segment)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sp_segment_get_name (segment), -1);
  g_signal_connect_object (check, "toggled", G_CALLBACK (segment_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sp_segment_get_name (segment));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sp_segment_get_description (segment));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  return row;
}

/* Undo and other windows change the campaign's segments; the checks follow. */
static void
sync_segment_checks (SpIncentivesPage *self)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));

  self->filling = TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->segments_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = ADW_IS_ACTION_ROW (row)
                         ? adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) : NULL;

      if (check != NULL)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                     campaign != NULL &&
                                     g_strv_contains (sp_campaign_get_segments (campaign),
                                                      gtk_widget_get_name (check)));
    }
  self->filling = FALSE;
}

/* ---- Segment mappings --------------------------------------------------- */

static void
remove_mapping_cb (SpIncentivesPage *self,
                   GtkButton        *button)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));
  const char *id = gtk_widget_get_name (GTK_WIDGET (button));

  for (guint i = 0; campaign != NULL && self->mappings != NULL && i < self->mappings->len; i++)
    {
      SpSegmentMapping *mapping = g_ptr_array_index (self->mappings, i);
      g_autofree char *title = NULL;

      if (g_strcmp0 (sp_segment_mapping_get_id (mapping), id) != 0)
        continue;

      sp_workspace_edit_offer (workspace, campaign, G_OBJECT (mapping), NULL);
      /* Translators: a toast; %1$s is a SKU or category, %2$s a customer segment */
      title = g_strdup_printf (_("%1$s no longer offered to %2$s"),
                               sp_segment_mapping_get_ref (mapping),
                               segment_name (self, sp_segment_mapping_get_segment_code (mapping)));
      sp_undo_toast_show (GTK_WIDGET (self), title, sp_workspace_get_undo_serial (workspace));
      return;
    }
}

static GtkWidget *
create_mapping_row (SpIncentivesPage *self,
                    SpSegmentMapping *mapping,
                    gboolean          editable)
{
  const char *ref = sp_segment_mapping_get_ref (mapping);
  const char *name = segment_name (self, sp_segment_mapping_get_segment_code (mapping));
  g_autofree char *label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ref);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), name);

  /* Translators: accessible label of a button; %1$s is a SKU or category, %2$s a segment */
  label = g_strdup_printf (_("Stop offering %1$s to %2$s"), ref, name);
  button = create_remove_button (_("Remove Mapping"), label);
  gtk_widget_set_name (button, sp_segment_mapping_get_id (mapping));
  gtk_widget_set_sensitive (button, editable);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_mapping_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

/* The choices of the Add Mapping rows: the campaign's segments, and its scope. */
static void
fill_mapping_choices (SpIncentivesPage *self)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  const char * const *segments = campaign ? sp_campaign_get_segments (campaign) : NULL;
  const char * const *categories = campaign ? sp_campaign_get_scope_categories (campaign) : NULL;
  const char * const *products = campaign ? sp_campaign_get_scope_products (campaign) : NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n;

  /* The user picks a segment by its name; the mapping stores its code. */
  g_strfreev (self->mapping_codes);
  self->mapping_codes = g_strdupv ((char **)segments);
  for (guint i = 0; segments != NULL && segments[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer)segment_name (self, segments[i]));
  g_ptr_array_add (names, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->mapping_segments));
  gtk_string_list_splice (self->mapping_segments, 0, n, (const char * const *)names->pdata);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->mapping_refs));
  gtk_string_list_splice (self->mapping_refs, 0, n, categories);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->mapping_refs));
  gtk_string_list_splice (self->mapping_refs, n, 0, products);
}

static void
add_mapping_cb (SpIncentivesPage *self)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));
  guint segment = adw_combo_row_get_selected (self->mapping_segment_row);
  guint ref = adw_combo_row_get_selected (self->mapping_ref_row);
  g_autoptr(SpSegmentMapping) mapping = NULL;
  const char *segment_code, *ref_text;
  SpScopeKind kind;

  if (campaign == NULL || workspace == NULL || segment == GTK_INVALID_LIST_POSITION ||
      ref == GTK_INVALID_LIST_POSITION)
    return;

  segment_code = self->mapping_codes != NULL && segment < g_strv_length (self->mapping_codes)
                 ? self->mapping_codes[segment] : NULL;
  ref_text = gtk_string_list_get_string (self->mapping_refs, ref);
  if (segment_code == NULL || ref_text == NULL)
    return;

  /* The choices list the scope's categories first, then its SKUs. */
  kind = ref < g_strv_length ((char **)sp_campaign_get_scope_categories (campaign))
         ? SP_SCOPE_KIND_CATEGORY : SP_SCOPE_KIND_PRODUCT;
  for (guint i = 0; self->mappings != NULL && i < self->mappings->len; i++)
    {
      SpSegmentMapping *m = g_ptr_array_index (self->mappings, i);

      if (g_strcmp0 (sp_segment_mapping_get_segment_code (m), segment_code) == 0 &&
          sp_segment_mapping_get_kind (m) == kind &&
          g_strcmp0 (sp_segment_mapping_get_ref (m), ref_text) == 0)
        return;
    }

  mapping = sp_segment_mapping_new (segment_code, kind, ref_text);
  sp_workspace_edit_offer (workspace, campaign, NULL, G_OBJECT (mapping));
}

/* ---- Coupons ------------------------------------------------------------ */

static void
remove_coupon_cb (SpIncentivesPage *self,
                  GtkButton        *button)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));
  const char *id = gtk_widget_get_name (GTK_WIDGET (button));

  for (guint i = 0; campaign != NULL && self->coupons != NULL && i < self->coupons->len; i++)
    {
      SpCoupon *coupon = g_ptr_array_index (self->coupons, i);
      g_autofree char *title = NULL;

      if (g_strcmp0 (sp_coupon_get_id (coupon), id) != 0)
        continue;

      sp_workspace_edit_offer (workspace, campaign, G_OBJECT (coupon), NULL);
      /* Translators: a toast; %s is a coupon code */
      title = g_strdup_printf (_("Coupon %s removed"), sp_coupon_get_code (coupon));
      sp_undo_toast_show (GTK_WIDGET (self), title, sp_workspace_get_undo_serial (workspace));
      return;
    }
}

static GtkWidget *
create_coupon_row (SpIncentivesPage *self,
                   SpCoupon         *coupon,
                   gboolean          editable)
{
  g_autofree char *discount = sp_locale_format_percent (sp_coupon_get_discount_value (coupon));
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  /* Names and comments are data, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  /* Translators: a coupon: discount, segment, valid until, usage limit */
  subtitle = g_strdup_printf (_("%1$s off · segment %2$s · until %3$s · limit %4$" G_GINT64_FORMAT),
                              discount, sp_coupon_get_segment_code (coupon) ?: "—",
                              sp_coupon_get_valid_to (coupon) ?: "—",
                              sp_coupon_get_usage_limit (coupon));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sp_coupon_get_code (coupon));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* Translators: accessible label of a button; %s is a coupon code */
  label = g_strdup_printf (_("Remove coupon %s"), sp_coupon_get_code (coupon));
  button = create_remove_button (_("Remove Coupon"), label);
  gtk_widget_set_name (button, sp_coupon_get_id (coupon));
  gtk_widget_set_sensitive (button, editable);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_coupon_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static SpCoupon *
find_coupon_by_code (SpIncentivesPage *self,
                     const char       *code)
{
  for (guint i = 0; self->coupons != NULL && i < self->coupons->len; i++)
    {
      SpCoupon *coupon = g_ptr_array_index (self->coupons, i);

      if (g_strcmp0 (sp_coupon_get_code (coupon), code) == 0)
        return coupon;
    }

  return NULL;
}

/* One coupon per segment; a code that exists already is updated, as one undoable change. */
static void
create_coupons_cb (SpIncentivesPage *self)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));
  g_autoptr(GPtrArray) before = g_ptr_array_new ();
  g_autoptr(GPtrArray) after = g_ptr_array_new_with_free_func (g_object_unref);
  const char * const *segments;
  const char *pattern = gtk_editable_get_text (GTK_EDITABLE (self->code_row));
  gint64 discount_bp = (gint64)(gtk_spin_button_get_value (self->discount_spin) * 100 + 0.5);

  if (campaign == NULL || workspace == NULL || *pattern == '\0')
    return;

  segments = sp_campaign_get_segments (campaign);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      g_autoptr(GString) code = g_string_new (pattern);
      SpCoupon *existing;
      SpCoupon *coupon;

      g_string_replace (code, "{SEGMENT}", segments[i], 0);
      existing = find_coupon_by_code (self, code->str);
      coupon = g_object_new (SP_TYPE_COUPON, "id", existing ? sp_coupon_get_id (existing) : NULL,
                             "code", code->str, NULL);
      sp_coupon_set_campaign_id (coupon, sp_campaign_get_id (campaign));
      sp_coupon_set_segment_code (coupon, segments[i]);
      sp_coupon_set_discount_type (coupon, SP_DISCOUNT_TYPE_PERCENT);
      sp_coupon_set_discount_value (coupon, discount_bp);
      sp_coupon_set_currency (coupon, sp_campaign_get_currency (campaign));
      sp_coupon_set_valid_from (coupon, sp_campaign_get_start_date (campaign));
      sp_coupon_set_valid_to (coupon, sp_campaign_get_end_date (campaign));
      sp_coupon_set_usage_limit (coupon, gtk_spin_button_get_value_as_int (self->limit_spin));
      if (existing != NULL)
        sp_coupon_set_remote_id (coupon, sp_coupon_get_remote_id (existing));
      g_ptr_array_add (before, existing);
      g_ptr_array_add (after, coupon);
    }

  sp_workspace_edit_offers (workspace, campaign, before, after);
}

/* ---- Loading ------------------------------------------------------------ */

static void
update_sensitivity (SpIncentivesPage *self)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  gboolean editable = campaign != NULL && sp_campaign_is_editable (campaign);

  gtk_widget_set_sensitive (GTK_WIDGET (self->segments_list), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mapping_segment_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mapping_ref_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->code_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->discount_spin), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->limit_spin), editable);
  gtk_widget_set_sensitive (self->create_button,
                            editable && sp_campaign_get_segments (campaign)[0] != NULL);
  gtk_widget_set_sensitive (self->add_mapping_button,
                            editable &&
                            g_list_model_get_n_items (G_LIST_MODEL (self->mapping_segments)) > 0 &&
                            g_list_model_get_n_items (G_LIST_MODEL (self->mapping_refs)) > 0);
}

static void
offers_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SpIncentivesPage) self = user_data;
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
  g_clear_pointer (&self->coupons, g_ptr_array_unref);
  g_clear_pointer (&self->mappings, g_ptr_array_unref);
  self->coupons = g_steal_pointer (&offers->coupons);
  self->mappings = g_steal_pointer (&offers->mappings);

  clear_rows (self->coupons_list);
  for (guint i = 0; i < self->coupons->len; i++)
    gtk_list_box_append (self->coupons_list,
                         create_coupon_row (self, g_ptr_array_index (self->coupons, i), editable));
  clear_rows (self->mappings_list);
  for (guint i = 0; i < self->mappings->len; i++)
    gtk_list_box_append (self->mappings_list,
                         create_mapping_row (self, g_ptr_array_index (self->mappings, i),
                                             editable));
}

static void
load_offers (SpIncentivesPage *self)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (campaign == NULL || workspace == NULL)
    return;

  self->load_cancellable = g_cancellable_new ();
  sp_workspace_load_offers_async (workspace, campaign, self->load_cancellable, offers_loaded_cb,
                                  g_object_ref (self));
}

static void
offers_changed_cb (SpIncentivesPage *self,
                   SpCampaign       *campaign,
                   SpWorkspace      *workspace)
{
  if (campaign == sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self)))
    load_offers (self);
}

static void
bind_segments (SpIncentivesPage *self)
{
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));

  self->filling = TRUE;
  gtk_list_box_bind_model (self->segments_list,
                           workspace ? sp_workspace_get_segments (workspace) : NULL,
                           create_segment_row, self, NULL);
  self->filling = FALSE;
  fill_mapping_choices (self);
  update_sensitivity (self);
}

static void
campaign_notify_cb (SpIncentivesPage *self,
                    GParamSpec       *pspec,
                    SpCampaign       *campaign)
{
  if (g_str_equal (pspec->name, "segments"))
    sync_segment_checks (self);
  if (g_str_equal (pspec->name, "segments") || g_str_has_prefix (pspec->name, "scope-"))
    fill_mapping_choices (self);
  if (g_str_equal (pspec->name, "status"))
    load_offers (self);
  if (g_str_equal (pspec->name, "status") || g_str_equal (pspec->name, "segments") ||
      g_str_has_prefix (pspec->name, "scope-"))
    update_sensitivity (self);
}

static void
sp_incentives_page_campaign_changed (SpCampaignPage *page)
{
  SpIncentivesPage *self = SP_INCENTIVES_PAGE (page);

  g_signal_group_set_target (self->campaign_signals, sp_campaign_page_get_campaign (page));
  g_signal_group_set_target (self->workspace_signals, sp_campaign_page_get_workspace (page));
  clear_rows (self->coupons_list);
  clear_rows (self->mappings_list);
  g_clear_pointer (&self->coupons, g_ptr_array_unref);
  g_clear_pointer (&self->mappings, g_ptr_array_unref);
  bind_segments (self);
  load_offers (self);
}

static void
sp_incentives_page_dispose (GObject *object)
{
  SpIncentivesPage *self = (SpIncentivesPage *)object;

  g_cancellable_cancel (self->load_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_INCENTIVES_PAGE);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->campaign_signals);
  g_clear_object (&self->workspace_signals);
  g_clear_pointer (&self->coupons, g_ptr_array_unref);
  g_clear_pointer (&self->mappings, g_ptr_array_unref);
  g_clear_pointer (&self->mapping_codes, g_strfreev);

  G_OBJECT_CLASS (sp_incentives_page_parent_class)->dispose (object);
}

static void
sp_incentives_page_class_init (SpIncentivesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpCampaignPageClass *page_class = SP_CAMPAIGN_PAGE_CLASS (klass);

  object_class->dispose = sp_incentives_page_dispose;
  page_class->campaign_changed = sp_incentives_page_campaign_changed;
  page_class->workspace_changed = sp_incentives_page_campaign_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/sp-incentives-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpIncentivesPage, segments_list);
  gtk_widget_class_bind_template_child (widget_class, SpIncentivesPage, mappings_list);
  gtk_widget_class_bind_template_child (widget_class, SpIncentivesPage, mapping_segment_row);
  gtk_widget_class_bind_template_child (widget_class, SpIncentivesPage, mapping_ref_row);
  gtk_widget_class_bind_template_child (widget_class, SpIncentivesPage, mapping_segments);
  gtk_widget_class_bind_template_child (widget_class, SpIncentivesPage, mapping_refs);
  gtk_widget_class_bind_template_child (widget_class, SpIncentivesPage, add_mapping_button);
  gtk_widget_class_bind_template_child (widget_class, SpIncentivesPage, coupons_list);
  gtk_widget_class_bind_template_child (widget_class, SpIncentivesPage, code_row);
  gtk_widget_class_bind_template_child (widget_class, SpIncentivesPage, discount_spin);
  gtk_widget_class_bind_template_child (widget_class, SpIncentivesPage, limit_spin);
  gtk_widget_class_bind_template_child (widget_class, SpIncentivesPage, create_button);
  gtk_widget_class_bind_template_callback (widget_class, create_coupons_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_mapping_cb);
}

static void
sp_incentives_page_init (SpIncentivesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->campaign_signals = g_signal_group_new (SP_TYPE_CAMPAIGN);
  g_signal_group_connect_object (self->campaign_signals, "notify",
                                 G_CALLBACK (campaign_notify_cb), self, G_CONNECT_SWAPPED);
  self->workspace_signals = g_signal_group_new (SP_TYPE_WORKSPACE);
  g_signal_group_connect_object (self->workspace_signals, "offers-changed",
                                 G_CALLBACK (offers_changed_cb), self, G_CONNECT_SWAPPED);
}
