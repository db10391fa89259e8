/* sp-pricing-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The discount group, which is the campaign's price list: per SKU in scope
 * the old and new price, the discount and the margin after it, with a
 * warning where the margin floor is broken; bulk edits for a selection, a
 * category or the whole scope. Prices come from the engine's plan, computed
 * off the main thread; every edit is saved at once and can be undone.
 */

#define G_LOG_DOMAIN "sp-pricing-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-category.h"
#include "sp-locale-numbers.h"
#include "sp-price-row.h"
#include "sp-pricing-page.h"
#include "sp-spinners.h"
#include "sp-undo-toast.h"

typedef enum
{
  COLUMN_SKU,
  COLUMN_NAME,
  COLUMN_OLD_PRICE,
  COLUMN_DISCOUNT,
  COLUMN_NEW_PRICE,
  COLUMN_MARGIN,
  COLUMN_FLOOR,
  N_COLUMNS
} Column;

struct _SpPricingPage
{
  SpCampaignPage     parent_instance;

  GtkSpinner *loading_spinner;

  /* Owned references */
  GSignalGroup      *campaign_signals;
  GListStore        *rows;          /* SpPriceRow */
  GtkMultiSelection *selection;
  GtkStringList     *categories;
  GHashTable        *discounts;     /* SKU → gint64 * basis points, off the default */
  SpPriceList       *price_list;    /* nullable until the first save */
  GCancellable      *load_cancellable;
  GCancellable      *compute_cancellable;  /* the newest computation; older ones are cancelled */
  guint              recompute_source;
  guint              n_below_floor;
  guint              generation;    /* plans shown so far */
  gboolean           price_list_loaded;

  /* Template widgets */
  GtkRevealer       *warning_revealer;
  GtkLabel          *warning_label;
  GtkSpinButton     *discount_spin;
  GtkDropDown       *category_dropdown;
  GtkWidget         *toolbar;
  GtkStack          *stack;
  GtkColumnView     *column_view;
  GtkLabel          *summary_label;
};

G_DEFINE_FINAL_TYPE (SpPricingPage, sp_pricing_page, SP_TYPE_CAMPAIGN_PAGE)

static void schedule_recompute (SpPricingPage *self);

static GHashTable *
new_discounts (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static GHashTable *
copy_discounts (GHashTable *discounts)
{
  GHashTable *copy = new_discounts ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, discounts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_memdup2 (value, sizeof (gint64)));

  return copy;
}

static void
set_discount (GHashTable *discounts,
              const char *sku,
              gint64      bp)
{
  g_hash_table_insert (discounts, g_strdup (sku), g_memdup2 (&bp, sizeof bp));
}

static void
show_summary (SpPricingPage  *self,
              SpCampaignPlan *plan)
{
  g_autofree char *floor = sp_locale_format_percent (plan->margin_floor_bp);
  g_autofree char *revenue = sp_locale_format_money (plan->revenue, plan->currency);
  g_autofree char *margin = sp_locale_format_percent (plan->margin_bp);
  g_autofree char *summary = NULL;

  /* Translators: SKUs in the price list, projected revenue, margin after the discount */
  summary = g_strdup_printf (_("%1$u SKUs · projected revenue %2$s · margin %3$s"),
                             plan->lines->len, revenue, margin);
  gtk_label_set_label (self->summary_label, summary);

  self->n_below_floor = plan->n_below_floor;
  if (plan->n_below_floor > 0)
    {
      g_autofree char *warning = NULL;

      warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%1$u SKU breaks the margin floor of %2$s after the discount.",
                                              "%1$u SKUs break the margin floor of %2$s after the discount.",
                                              plan->n_below_floor),
                                 plan->n_below_floor, floor);
      gtk_label_set_label (self->warning_label, warning);
    }
  gtk_revealer_set_reveal_child (self->warning_revealer, plan->n_below_floor > 0);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static void
plan_computed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SpPricingPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) paths = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  SpCampaignPlan *plan;

  if (!(plan = sp_workspace_compute_plan_finish (SP_WORKSPACE (object), result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING))
        gtk_label_set_label (self->summary_label, error->message);
      return;
    }

  show_summary (self, plan);

  /* The categories of the scope, for the bulk edit. */
  paths = g_hash_table_new (g_str_hash, g_str_equal);
  sorted = g_ptr_array_new ();
  for (guint i = 0; i < plan->lines->len; i++)
    {
      const SpCampaignPlanLine *line = g_ptr_array_index (plan->lines, i);

      if (line->category_path != NULL && g_hash_table_add (paths, line->category_path))
        g_ptr_array_add (sorted, line->category_path);
    }
  g_ptr_array_sort (sorted, compare_paths);
  g_ptr_array_add (sorted, NULL);
  gtk_string_list_splice (self->categories, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->categories)),
                          (const char * const *)sorted->pdata);

  /* The rows share the plan and free it with the last of them. */
  rows = sp_price_rows_new (plan);
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
  gtk_stack_set_visible_child_name (self->stack, rows->len > 0 ? "prices" : "empty");
  self->generation++;
}

static gboolean
recompute_cb (gpointer user_data)
{
  SpPricingPage *self = user_data;
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));

  self->recompute_source = 0;
  if (campaign == NULL || workspace == NULL || !self->price_list_loaded ||
      !sp_workspace_get_catalog_loaded (workspace))
    return G_SOURCE_REMOVE;

  g_cancellable_cancel (self->compute_cancellable);
  g_clear_object (&self->compute_cancellable);
  self->compute_cancellable = g_cancellable_new ();
  sp_workspace_compute_plan_async (workspace, campaign, self->discounts, self->compute_cancellable,
                                   plan_computed_cb, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static void
schedule_recompute (SpPricingPage *self)
{
  g_clear_handle_id (&self->recompute_source, g_source_remove);
  self->recompute_source = g_timeout_add (50, recompute_cb, self);
}

static void
price_list_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(SpPricingPage) self = user_data;
  g_autoptr(SpPriceList) price_list = NULL;
  g_autoptr(GError) error = NULL;
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  GListModel *entries;

  price_list = sp_workspace_load_price_list_finish (SP_WORKSPACE (object), result, &error);
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_label (self->summary_label, error->message);
      return;
    }

  g_hash_table_remove_all (self->discounts);
  g_set_object (&self->price_list, price_list);
  self->price_list_loaded = TRUE;

  /* Entries at the campaign's discount follow it; the others are per-SKU edits. */
  entries = price_list ? sp_price_list_get_entries (price_list) : NULL;
  for (guint i = 0; entries != NULL && i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(SpPriceListEntry) entry = g_list_model_get_item (entries, i);

      if (sp_price_list_entry_get_discount (entry) != sp_campaign_get_default_discount (campaign))
        set_discount (self->discounts, sp_price_list_entry_get_sku (entry),
                      sp_price_list_entry_get_discount (entry));
    }

  schedule_recompute (self);
}

static void
load_price_list (SpPricingPage *self)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->price_list);
  g_hash_table_remove_all (self->discounts);
  self->price_list_loaded = FALSE;
  g_list_store_remove_all (self->rows);
  gtk_revealer_set_reveal_child (self->warning_revealer, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  if (campaign == NULL || workspace == NULL)
    return;

  self->load_cancellable = g_cancellable_new ();
  sp_workspace_load_price_list_async (workspace, campaign, self->load_cancellable,
                                      price_list_loaded_cb, g_object_ref (self));
}

typedef struct
{
  GWeakRef    page;
  SpCampaign *campaign;   /* owned */
  GHashTable *discounts;  /* owned; the discounts before the edit */
} DiscountUndo;

static void
discount_undo_free (gpointer data)
{
  DiscountUndo *undo = data;

  g_weak_ref_clear (&undo->page);
  g_clear_object (&undo->campaign);
  g_clear_pointer (&undo->discounts, g_hash_table_unref);
  g_free (undo);
}

static void
save_discounts (SpPricingPage *self)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));

  if (self->price_list == NULL)
    {
      /* Translators: the name of a campaign's clearance price list; %s is the campaign */
      g_autofree char *name = g_strdup_printf (_("%s — clearance prices"), sp_campaign_get_name (campaign));

      self->price_list = sp_price_list_new (name);
    }

  sp_workspace_save_price_list (workspace, campaign, self->price_list, self->discounts);
  schedule_recompute (self);
}

static void
undo_discounts (gpointer data)
{
  DiscountUndo *undo = data;
  g_autoptr(SpPricingPage) self = g_weak_ref_get (&undo->page);

  if (self == NULL || sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self)) != undo->campaign)
    return;

  g_hash_table_unref (self->discounts);
  self->discounts = copy_discounts (undo->discounts);
  save_discounts (self);
}

static void
remember_discounts (SpPricingPage *self)
{
  DiscountUndo *undo = g_new0 (DiscountUndo, 1);
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));

  g_weak_ref_init (&undo->page, self);
  undo->campaign = g_object_ref (campaign);
  undo->discounts = copy_discounts (self->discounts);
  sp_workspace_push_undo (sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self)), campaign,
                          undo_discounts, undo, discount_undo_free);
}

static gint64
spin_bp (SpPricingPage *self)
{
  return (gint64)(gtk_spin_button_get_value (self->discount_spin) * 100 + 0.5);
}

static gboolean
can_edit (SpPricingPage *self)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));

  return campaign != NULL && self->price_list_loaded && sp_campaign_is_editable (campaign);
}

/* A toast for the change just made; its Undo takes back that change. */
static void
show_toast (SpPricingPage *self,
            const char    *title)
{
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));

  if (workspace != NULL)
    sp_undo_toast_show (GTK_WIDGET (self), title, sp_workspace_get_undo_serial (workspace));
}

static void
apply_selection_cb (SpPricingPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autofree char *title = NULL;
  GtkBitsetIter iter;
  guint position, n = 0;

  if (!can_edit (self) || gtk_bitset_is_empty (selected))
    return;

  remember_discounts (self);
  if (gtk_bitset_iter_init_first (&iter, selected, &position))
    {
      do
        {
          g_autoptr(SpPriceRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

          set_discount (self->discounts, sp_price_row_get_line (row)->sku, spin_bp (self));
          n++;
        }
      while (gtk_bitset_iter_next (&iter, &position));
    }
  save_discounts (self);

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "New discount for %u SKU",
                                        "New discount for %u SKUs", n), n);
  show_toast (self, title);
}

static void
apply_category_cb (SpPricingPage *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->category_dropdown);
  const char *path = item ? gtk_string_object_get_string (item) : NULL;
  g_autofree char *title = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  if (!can_edit (self) || path == NULL)
    return;

  remember_discounts (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpPriceRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      const SpCampaignPlanLine *line = sp_price_row_get_line (row);

      if (line->category_path != NULL && sp_category_path_contains (path, line->category_path))
        set_discount (self->discounts, line->sku, spin_bp (self));
    }
  save_discounts (self);

  /* Translators: %s is a category path */
  title = g_strdup_printf (_("New discount for %s"), path);
  show_toast (self, title);
}

/* The campaign's discount for every SKU: per-SKU discounts are dropped. */
void
sp_pricing_page_apply_to_all (SpPricingPage *self,
                              double         percent)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));

  g_return_if_fail (SP_IS_PRICING_PAGE (self));

  if (!can_edit (self))
    return;

  gtk_spin_button_set_value (self->discount_spin, percent);
  remember_discounts (self);
  g_hash_table_remove_all (self->discounts);
  sp_workspace_edit_campaign_int64 (workspace, campaign, "default-discount", spin_bp (self));
  save_discounts (self);
  show_toast (self, _("New discount for the whole scope"));
}

static void
apply_all_cb (SpPricingPage *self)
{
  sp_pricing_page_apply_to_all (self, gtk_spin_button_get_value (self->discount_spin));
}

static char *
format_cell (const SpCampaignPlanLine *line,
             Column                    column)
{
  switch (column)
    {
    case COLUMN_SKU:
      return g_strdup (line->sku);
    case COLUMN_NAME:
      return g_strdup (line->name);
    case COLUMN_OLD_PRICE:
      return sp_locale_format_money (line->old_price, line->currency);
    case COLUMN_DISCOUNT:
      return sp_locale_format_percent (line->discount_bp);
    case COLUMN_NEW_PRICE:
      return sp_locale_format_money (line->new_price, line->currency);
    case COLUMN_MARGIN:
      return sp_locale_format_percent_fixed (line->margin_bp);
    case COLUMN_FLOOR:
      if (line->below_cost)
        return g_strdup (_("Below cost"));
      if (line->below_floor)
        return g_strdup (_("Below floor"));
      return g_strdup ("");
    case N_COLUMNS:
    default:
      return NULL;
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), column >= COLUMN_OLD_PRICE && column <= COLUMN_MARGIN ? 1.0 : 0.0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  const SpCampaignPlanLine *line = sp_price_row_get_line (gtk_list_item_get_item (list_item));
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = format_cell (line, column);

  gtk_label_set_label (GTK_LABEL (label), text);
  if ((column == COLUMN_MARGIN || column == COLUMN_FLOOR) && (line->below_floor || line->below_cost))
    gtk_widget_add_css_class (label, "margin-warning");
  else
    gtk_widget_remove_css_class (label, "margin-warning");
}

static void
add_columns (SpPricingPage *self)
{
  static const struct {
    const char *title;
    gboolean    expand;
    int         width;
  } columns[N_COLUMNS] = {
    { N_("SKU"), FALSE, 100 },
    { N_("Name"), TRUE, 200 },
    { N_("Old Price"), FALSE, 100 },
    { N_("Discount"), FALSE, 80 },
    { N_("New Price"), FALSE, 100 },
    { N_("Margin"), FALSE, 80 },
    { N_("Margin Floor"), FALSE, 110 },
  };

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
}

static void
campaign_notify_cb (SpPricingPage *self,
                    GParamSpec    *pspec,
                    SpCampaign    *campaign)
{
  if (g_strcmp0 (pspec->name, "status") == 0)
    gtk_widget_set_sensitive (self->toolbar, sp_campaign_is_editable (campaign));
}

static void
plan_changed_cb (SpPricingPage *self,
                 SpCampaign    *campaign,
                 SpWorkspace   *workspace)
{
  if (campaign == sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self)))
    schedule_recompute (self);
}

static void
sp_pricing_page_campaign_changed (SpCampaignPage *page)
{
  SpPricingPage *self = SP_PRICING_PAGE (page);
  SpCampaign *campaign = sp_campaign_page_get_campaign (page);

  g_signal_group_set_target (self->campaign_signals, campaign);
  if (campaign != NULL)
    gtk_widget_set_sensitive (self->toolbar, sp_campaign_is_editable (campaign));
  load_price_list (self);
}

static void
sp_pricing_page_workspace_changed (SpCampaignPage *page)
{
  SpPricingPage *self = SP_PRICING_PAGE (page);
  SpWorkspace *workspace = sp_campaign_page_get_workspace (page);

  if (workspace != NULL)
    {
      g_signal_connect_object (workspace, "plan-changed", G_CALLBACK (plan_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (workspace, "notify::catalog-loaded", G_CALLBACK (schedule_recompute),
                               self, G_CONNECT_SWAPPED);
      sp_workspace_load_catalog (workspace);
    }
  load_price_list (self);
}

static void
sp_pricing_page_dispose (GObject *object)
{
  SpPricingPage *self = (SpPricingPage *)object;

  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->compute_cancellable);
  g_clear_object (&self->compute_cancellable);
  g_clear_handle_id (&self->recompute_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_PRICING_PAGE);
  g_clear_object (&self->campaign_signals);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->categories);
  g_clear_object (&self->price_list);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->discounts, g_hash_table_unref);

  G_OBJECT_CLASS (sp_pricing_page_parent_class)->dispose (object);
}

static void
sp_pricing_page_class_init (SpPricingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpCampaignPageClass *page_class = SP_CAMPAIGN_PAGE_CLASS (klass);

  object_class->dispose = sp_pricing_page_dispose;
  page_class->campaign_changed = sp_pricing_page_campaign_changed;
  page_class->workspace_changed = sp_pricing_page_workspace_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sp-pricing-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpPricingPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, SpPricingPage, warning_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpPricingPage, warning_label);
  gtk_widget_class_bind_template_child (widget_class, SpPricingPage, discount_spin);
  gtk_widget_class_bind_template_child (widget_class, SpPricingPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpPricingPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, SpPricingPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SpPricingPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SpPricingPage, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, apply_selection_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_category_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_all_cb);
}

static void
sp_pricing_page_init (SpPricingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sp_spinner_spin_while_mapped (self->loading_spinner);

  self->discounts = new_discounts ();
  self->rows = g_list_store_new (SP_TYPE_PRICE_ROW);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  self->categories = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (self->categories));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  add_columns (self);

  self->campaign_signals = g_signal_group_new (SP_TYPE_CAMPAIGN);
  g_signal_group_connect_object (self->campaign_signals, "notify",
                                 G_CALLBACK (campaign_notify_cb), self, G_CONNECT_SWAPPED);
}

guint
sp_pricing_page_get_n_lines (SpPricingPage *self)
{
  g_return_val_if_fail (SP_IS_PRICING_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

guint
sp_pricing_page_get_n_below_floor (SpPricingPage *self)
{
  g_return_val_if_fail (SP_IS_PRICING_PAGE (self), 0);

  return self->n_below_floor;
}

gboolean
sp_pricing_page_get_warning_shown (SpPricingPage *self)
{
  g_return_val_if_fail (SP_IS_PRICING_PAGE (self), FALSE);

  return gtk_revealer_get_reveal_child (self->warning_revealer);
}

/* How many plans the page has shown; tests wait for it to move. */
guint
sp_pricing_page_get_generation (SpPricingPage *self)
{
  g_return_val_if_fail (SP_IS_PRICING_PAGE (self), 0);

  return self->generation;
}
