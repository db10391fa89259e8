/* sp-scope-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Picks the campaign's SKUs and product groups from the whole catalog: a
 * sorted, filtered GtkColumnView over SpProductListModel (search as you type
 * over the catalog table's precomputed keys), a category tree that adds
 * whole groups, and the campaign's sites.
 */

#define G_LOG_DOMAIN "sp-scope-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-catalog-row.h"
#include "sp-category.h"
#include "sp-check-cell.h"
#include "sp-locale-numbers.h"
#include "sp-product-list-model.h"
#include "sp-scope-page.h"
#include "sp-site.h"
#include "sp-spinners.h"
#include "sp-text-cell.h"
#include "sp-undo-toast.h"

#define OVERSTOCK_DAYS 90

typedef enum
{
  COLUMN_IN_SCOPE,
  COLUMN_SKU,
  COLUMN_NAME,
  COLUMN_CATEGORY,
  COLUMN_STOCK,
  COLUMN_COVER,
  COLUMN_PRICE,
  COLUMN_COST,
  N_COLUMNS
} Column;

struct _SpScopePage
{
  SpCampaignPage      parent_instance;

  GtkSpinner *loading_spinner;

  /* Owned references */
  GSignalGroup       *campaign_signals;
  SpProductListModel *products;
  GtkMultiSelection  *selection;
  GtkTreeListModel   *tree;
  GHashTable         *children;     /* parent id → GListStore of SpCategory */
  GHashTable         *scope_skus;   /* the campaign's SKUs, for the filter */
  GPtrArray          *site_checks;  /* GtkCheckButton, one per site */
  GtkColumnViewColumn *scope_column; /* owned by the column view */
  gboolean            updating_sites;
  int                 probed_column; /* see sort_changed_cb() */
  gboolean            probing;
  GPtrArray          *blank_places; /* GtkListItems of empty places left blank off screen */
  guint               hide_blank_id;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *overstocked_toggle;
  GtkToggleButton    *in_scope_toggle;
  GtkBox             *sites_box;
  AdwFlap            *flap;
  GtkListView        *tree_view;
  GtkStack           *catalog_stack;
  GtkColumnView      *column_view;
  GtkLabel           *count_label;
  GtkWidget          *add_button;
  GtkWidget          *remove_button;
};

G_DEFINE_FINAL_TYPE (SpScopePage, sp_scope_page, SP_TYPE_CAMPAIGN_PAGE)

static SpCatalogTable *
table_of (SpScopePage *self)
{
  return sp_product_list_model_get_table (self->products);
}

static gboolean
in_scope (SpScopePage *self,
          guint        row)
{
  return sp_product_list_model_row_in_scope (self->products, row);
}

static void
update_count (SpScopePage *self)
{
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpCatalogTable *table = workspace ? sp_workspace_get_catalog_table (workspace) : NULL;
  guint n_all = table ? sp_catalog_table_get_n_rows (table) : 0;
  guint n_shown = sp_product_list_model_get_n_shown (self->products);
  g_autofree char *text = NULL;
  guint n_groups = campaign ? g_strv_length ((char **)sp_campaign_get_scope_categories (campaign))
                            : 0;

  guint n_skus = g_hash_table_size (self->scope_skus);
  g_autofree char *shown = NULL;
  g_autofree char *skus = NULL;
  g_autofree char *groups = NULL;

  /* Translators: SKUs shown of all SKUs in the catalog; %'u groups digits */
  shown = g_strdup_printf (ngettext ("%'u of %'u SKU", "%'u of %'u SKUs", n_all), n_shown, n_all);
  skus = g_strdup_printf (ngettext ("%'u SKU", "%'u SKUs", n_skus), n_skus);
  groups = g_strdup_printf (ngettext ("%'u group", "%'u groups", n_groups), n_groups);
  /* Translators: the SKUs shown, then the SKUs and groups in the campaign's scope */
  text = g_strdup_printf (_("%s · scope: %s, %s"), shown, skus, groups);
  gtk_label_set_label (self->count_label, text);
}

/* The table rows selected now: a refilter moves rows to other positions. */
static GtkBitset *
selected_rows (SpScopePage *self)
{
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (self->selection);
  g_autoptr(GtkBitset) positions = gtk_selection_model_get_selection (selection);
  GtkBitset *rows = gtk_bitset_new_empty ();
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, positions, &position);
       more; more = gtk_bitset_iter_next (&iter, &position))
    {
      guint row = sp_product_list_model_get_row (self->products, position);

      if (row != SP_CATALOG_ROW_NONE)
        gtk_bitset_add (rows, row);
    }

  return rows;
}

/* After a refilter: the same rows stay selected, wherever they are now. */
static void
rows_changed (SpScopePage *self,
              GtkBitset   *selected)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->products));

  if (selected != NULL && !gtk_bitset_is_empty (selected))
    {
      g_autoptr(GtkBitset) positions = gtk_bitset_new_empty ();
      g_autoptr(GtkBitset) mask = gtk_bitset_new_range (0, n);

      for (guint i = 0; i < n; i++)
        {
          if (gtk_bitset_contains (selected, sp_product_list_model_get_row (self->products, i)))
            gtk_bitset_add (positions, i);
        }
      gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), positions, mask);
    }

  update_count (self);
}

static void
search_changed_cb (SpScopePage    *self,
                   GtkSearchEntry *entry)
{
  g_autoptr(GtkBitset) selected = selected_rows (self);

  sp_product_list_model_set_search (self->products, gtk_editable_get_text (GTK_EDITABLE (entry)));
  rows_changed (self, selected);
}

static void
filter_toggled_cb (SpScopePage *self)
{
  g_autoptr(GtkBitset) selected = selected_rows (self);

  gboolean overstocked_only = gtk_toggle_button_get_active (self->overstocked_toggle);

  sp_product_list_model_set_overstocked_only (self->products, overstocked_only, OVERSTOCK_DAYS);
  sp_product_list_model_set_in_scope_only (self->products,
                                           gtk_toggle_button_get_active (self->in_scope_toggle));
  rows_changed (self, selected);
}

static void
collect_scope (SpScopePage *self)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  const char * const *skus = campaign ? sp_campaign_get_scope_products (campaign) : NULL;

  g_hash_table_remove_all (self->scope_skus);
  for (guint i = 0; skus != NULL && skus[i] != NULL; i++)
    g_hash_table_add (self->scope_skus, g_strdup (skus[i]));
  sp_product_list_model_set_scope (self->products, skus,
                                   campaign ? sp_campaign_get_scope_categories (campaign) : NULL);
}

/* A toast for the change just made; its Undo takes back that change. */
static void
show_toast (SpScopePage *self,
            const char  *title)
{
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));

  if (workspace != NULL)
    sp_undo_toast_show (GTK_WIDGET (self), title, sp_workspace_get_undo_serial (workspace));
}

static gboolean
campaign_is_editable (SpScopePage *self)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));

  return campaign != NULL && sp_workspace_get_catalog_loaded (workspace) &&
         sp_campaign_is_editable (campaign);
}

/* Adds (or removes) @skus to the campaign's SKUs, as one undoable edit. */
static guint
change_skus (SpScopePage *self,
             GPtrArray   *skus,
             gboolean     add)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  g_autoptr(GHashTable) next = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) strv = g_ptr_array_new ();
  const char * const *current = sp_campaign_get_scope_products (campaign);
  guint changed = 0;

  for (guint i = 0; current[i] != NULL; i++)
    {
      g_hash_table_add (next, (gpointer)current[i]);
      g_ptr_array_add (strv, (gpointer)current[i]);
    }

  for (guint i = 0; i < skus->len; i++)
    {
      const char *sku = g_ptr_array_index (skus, i);

      if (add && g_hash_table_add (next, (gpointer)sku))
        {
          g_ptr_array_add (strv, (gpointer)sku);
          changed++;
        }
      else if (!add && g_hash_table_remove (next, sku))
        changed++;
    }

  if (changed == 0)
    return 0;

  if (!add)
    {
      /* Rebuild in the campaign's order without the removed SKUs. */
      g_ptr_array_set_size (strv, 0);
      for (guint i = 0; current[i] != NULL; i++)
        {
          if (g_hash_table_contains (next, current[i]))
            g_ptr_array_add (strv, (gpointer)current[i]);
        }
    }
  g_ptr_array_add (strv, NULL);

  sp_workspace_edit_campaign_strv (sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self)),
                                   campaign, "scope-products", (const char * const *)strv->pdata);
  return changed;
}

static GPtrArray *
selected_skus (SpScopePage *self)
{
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (self->selection);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  GPtrArray *skus = g_ptr_array_new_with_free_func (g_free);
  GtkBitsetIter iter;
  guint position;

  if (gtk_bitset_iter_init_first (&iter, selected, &position))
    {
      do
        {
          const char *sku = sp_product_list_model_get_sku (self->products, position);

          if (sku != NULL)
            g_ptr_array_add (skus, g_strdup (sku));
        }
      while (gtk_bitset_iter_next (&iter, &position));
    }

  return skus;
}

static void
add_selected_cb (SpScopePage *self)
{
  g_autoptr(GPtrArray) skus = selected_skus (self);
  g_autofree char *title = NULL;
  guint n;

  if (!campaign_is_editable (self) || (n = change_skus (self, skus, TRUE)) == 0)
    return;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u SKU added to the scope",
                                        "%u SKUs added to the scope", n), n);
  show_toast (self, title);
}

static void
remove_selected_cb (SpScopePage *self)
{
  g_autoptr(GPtrArray) skus = selected_skus (self);
  g_autofree char *title = NULL;
  guint n;

  if (!campaign_is_editable (self) || (n = change_skus (self, skus, FALSE)) == 0)
    return;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u SKU removed from the scope",
                                        "%u SKUs removed from the scope", n), n);
  show_toast (self, title);
}

/* Adds the group at @path, or removes it when it is in the scope already. */
void
sp_scope_page_add_category (SpScopePage *self,
                            const char  *path)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) next = NULL;
  g_autofree char *title = NULL;
  const char * const *current;
  gboolean removed = FALSE;

  g_return_if_fail (SP_IS_SCOPE_PAGE (self));
  g_return_if_fail (path != NULL);

  if (!campaign_is_editable (self))
    return;

  current = sp_campaign_get_scope_categories (campaign);
  for (guint i = 0; current[i] != NULL; i++)
    {
      if (g_strcmp0 (current[i], path) == 0)
        removed = TRUE;
      else
        g_strv_builder_add (builder, current[i]);
    }
  if (!removed)
    g_strv_builder_add (builder, path);
  next = g_strv_builder_end (builder);

  sp_workspace_edit_campaign_strv (sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self)),
                                   campaign, "scope-categories", (const char * const *)next);

  /* Translators: %s is a category path such as Tools/Power Tools */
  title = g_strdup_printf (removed ? _("Group %s removed from the scope")
                                   : _("Group %s added to the scope"), path);
  show_toast (self, title);
}

static void
tree_activated_cb (SpScopePage *self,
                   guint        position,
                   GtkListView *list_view)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
  g_autoptr(SpCategory) category = gtk_tree_list_row_get_item (row);

  sp_scope_page_add_category (self, sp_category_get_path (category));
}

static void
check_toggled_cb (SpCheckCell *check,
                  GtkListItem *list_item)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (check), SP_TYPE_SCOPE_PAGE);
  SpScopePage *self = page ? SP_SCOPE_PAGE (page) : NULL;
  SpCatalogRow *item = gtk_list_item_get_item (list_item);
  g_autoptr(GPtrArray) skus = g_ptr_array_new ();
  gboolean active = sp_check_cell_get_active (check);
  guint row;

  if (self == NULL || item == NULL ||
      (row = sp_catalog_row_get_row (item)) == SP_CATALOG_ROW_NONE ||
      active == in_scope (self, row))
    return;

  if (!campaign_is_editable (self))
    {
      sp_check_cell_set_active (check, !active);
      return;
    }

  g_ptr_array_add (skus, (gpointer)sp_catalog_table_get_sku (table_of (self), row));
  /* A SKU that is in scope through its group stays checked. */
  if (change_skus (self, skus, active) == 0)
    sp_check_cell_set_active (check, in_scope (self, row));
}

/* What each cell callback needs: the column, and the page to tell the scope. */
typedef struct
{
  SpScopePage *self;    /* unowned; the page owns the column view that owns the factory */
  Column       column;
} CellData;

static char *
format_cell (SpCatalogTable *table,
             guint           row,
             Column          column)
{
  switch (column)
    {
    case COLUMN_SKU:
      return g_strdup (sp_catalog_table_get_sku (table, row));
    case COLUMN_NAME:
      return g_strdup (sp_catalog_table_get_name (table, row));
    case COLUMN_CATEGORY:
      return g_strdup (sp_catalog_table_get_category_path (table, row));
    case COLUMN_STOCK:
      return sp_locale_format_count (sp_catalog_table_get_stock_on_hand (table, row));
    case COLUMN_COVER:
      if (sp_catalog_table_get_avg_daily_sales (table, row) <= 0)
        return g_strdup ("∞");
      return sp_locale_format_count (sp_catalog_table_get_days_of_cover (table, row));
    case COLUMN_PRICE:
      return sp_locale_format_money (sp_catalog_table_get_list_price (table, row),
                                     sp_catalog_table_get_currency (table, row));
    case COLUMN_COST:
      return sp_locale_format_money (sp_catalog_table_get_cost (table, row),
                                     sp_catalog_table_get_currency (table, row));
    case COLUMN_IN_SCOPE:
    case N_COLUMNS:
    default:
      return NULL;
    }
}

/* A cell's own state, made with it and kept as long as its list item. */
typedef struct
{
  GtkListItem *list_item;  /* unowned: owns this */
  GtkWidget   *child;      /* unowned: the list item holds it */
  CellData    *data;
  gboolean     stale;      /* its item moved while it was off screen */
  gboolean     blank;      /* in blank_places */
} Cell;

/* The Cells that show an item, on the item. */
static GQuark cells_quark;

static void cell_mapped_cb (GtkWidget *child,
                            Cell      *cell);

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  CellData *data = user_data;
  Column column = data->column;
  GtkWidget *child;
  Cell *cell = g_new0 (Cell, 1);

  /* A cell is one widget: a check for the scope, a label for the rest. */
  if (column == COLUMN_IN_SCOPE)
    {
      child = sp_check_cell_new ();
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("In the campaign's scope"),
                                      -1);
      g_signal_connect (child, "toggled", G_CALLBACK (check_toggled_cb), list_item);
    }
  else
    {
      child = sp_text_cell_new (column >= COLUMN_STOCK ? 1.0 : 0.0, column >= COLUMN_STOCK);
    }
  cell->list_item = list_item;
  cell->child = child;
  cell->data = data;
  g_object_set_data_full (G_OBJECT (list_item), "sp-cell", cell, g_free);
  g_signal_connect (child, "map", G_CALLBACK (cell_mapped_cb), cell);
  gtk_list_item_set_child (list_item, child);
}

/* Shows the row its item stands for now. */
static void
render_cell (GtkListItem *list_item,
             CellData    *data)
{
  Column column = data->column;
  SpCatalogRow *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  SpCatalogTable *table = table_of (data->self);
  guint row = sp_catalog_row_get_row (item);
  gboolean empty = row == SP_CATALOG_ROW_NONE;
  g_autofree char *text = NULL;

  /* An empty place (about to go) shows nothing and takes no clicks. */
  if (column == COLUMN_IN_SCOPE)
    {
      sp_check_cell_set_active (SP_CHECK_CELL (child), !empty && in_scope (data->self, row));
      gtk_widget_set_opacity (child, empty ? 0.0 : 1.0);
      gtk_widget_set_sensitive (child, !empty);
      return;
    }

  if (empty)
    {
      sp_text_cell_set_text (SP_TEXT_CELL (child), NULL);
      sp_text_cell_set_warning (SP_TEXT_CELL (child), FALSE);
      return;
    }

  text = format_cell (table, row, column);
  sp_text_cell_set_text (SP_TEXT_CELL (child), text);
  sp_text_cell_set_warning (SP_TEXT_CELL (child),
                            column == COLUMN_STOCK &&
                            sp_catalog_table_is_overstocked (table, row, OVERSTOCK_DAYS));
}

/* The row of widgets that holds the cell with @child. */
static GtkWidget *
row_of (GtkWidget *child)
{
  GtkWidget *parent = child ? gtk_widget_get_parent (child) : NULL;
  GtkWidget *row = parent ? gtk_widget_get_parent (parent) : NULL;

  return row != NULL && GTK_IS_LIST_VIEW (gtk_widget_get_parent (row)) ? row : NULL;
}

/* Hides the rows of the empty places left blank (see show_place()). A list
 * item whose widgets GTK has torn down since has no child any more. */
static void
hide_blank_places (SpScopePage *self)
{
  g_autoptr(GPtrArray) list_items = g_steal_pointer (&self->blank_places);

  g_clear_handle_id (&self->hide_blank_id, g_source_remove);
  for (guint i = 0; list_items != NULL && i < list_items->len; i++)
    {
      GtkListItem *list_item = g_ptr_array_index (list_items, i);
      SpCatalogRow *item = gtk_list_item_get_item (list_item);
      Cell *cell = g_object_get_data (G_OBJECT (list_item), "sp-cell");
      GtkWidget *row = row_of (gtk_list_item_get_child (list_item));

      cell->blank = FALSE;
      if (item != NULL && sp_catalog_row_get_row (item) == SP_CATALOG_ROW_NONE && row != NULL)
        gtk_widget_set_visible (row, FALSE);
    }
}

static gboolean
hide_blank_places_cb (gpointer data)
{
  SpScopePage *self = data;

  self->hide_blank_id = 0;
  hide_blank_places (self);
  return G_SOURCE_REMOVE;
}

/* An empty place's row of widgets is hidden: it takes no room below the
 * results while it waits to go (or to show a row again, widgets and all).
 * Off screen it stays, blank: hiding rows there would lay out the whole
 * list again, a third of a keystroke's frame, for rows nobody sees. The
 * blank ones are hidden with the first empty place that is on screen, when
 * the list is laid out again anyway, or when one comes into view. */
static void
show_place (Cell     *cell,
            gboolean  empty)
{
  SpScopePage *self = cell->data->self;
  GtkWidget *row = row_of (cell->child);

  if (row == NULL)
    return;

  if (!empty)
    {
      gtk_widget_set_visible (row, TRUE);
    }
  else if (gtk_widget_get_mapped (row))
    {
      gtk_widget_set_visible (row, FALSE);
      hide_blank_places (self);
    }
  else if (!cell->blank && cell->data->column == COLUMN_IN_SCOPE)
    {
      cell->blank = TRUE;
      if (self->blank_places == NULL)
        self->blank_places = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (self->blank_places, g_object_ref (cell->list_item));
    }
}

/* GTK keeps about 200 rows of widgets around the visible ones; a refilter
 * redraws the cells on screen now and the others when they come into view.
 * One handler per item serves the eight cells of its row. */
static void
item_moved_cb (SpCatalogRow *item,
               GParamSpec   *pspec,
               gpointer      user_data)
{
  GPtrArray *cells = g_object_get_qdata (G_OBJECT (item), cells_quark);

  if (cells == NULL || cells->len == 0)
    return;

  show_place (g_ptr_array_index (cells, 0), sp_catalog_row_get_row (item) == SP_CATALOG_ROW_NONE);
  for (guint i = 0; i < cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (cells, i);

      cell->stale = !gtk_widget_get_mapped (cell->child);
      if (!cell->stale)
        render_cell (cell->list_item, cell->data);
    }
}

static void
cell_mapped_cb (GtkWidget *child,
                Cell      *cell)
{
  SpScopePage *self = cell->data->self;
  SpCatalogRow *item = gtk_list_item_get_item (cell->list_item);

  if (cell->stale && item != NULL)
    {
      cell->stale = FALSE;
      render_cell (cell->list_item, cell->data);
    }

  /* An empty place scrolled into view: the blank ones go once the frame
   * that shows it is done (see show_place()). */
  if (item != NULL && sp_catalog_row_get_row (item) == SP_CATALOG_ROW_NONE &&
      self->hide_blank_id == 0)
    self->hide_blank_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, hide_blank_places_cb, self, NULL);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GObject *item = gtk_list_item_get_item (list_item);
  GPtrArray *cells = g_object_get_qdata (item, cells_quark);
  Cell *cell = g_object_get_data (G_OBJECT (list_item), "sp-cell");

  /* A refilter gives the item another row rather than the view another item. */
  if (cells == NULL)
    {
      cells = g_ptr_array_sized_new (N_COLUMNS);
      g_object_set_qdata_full (item, cells_quark, cells, (GDestroyNotify)g_ptr_array_unref);
      g_signal_connect (item, "notify::row", G_CALLBACK (item_moved_cb), NULL);
    }
  g_ptr_array_add (cells, cell);
  cell->stale = FALSE;
  show_place (cell, sp_catalog_row_get_row (SP_CATALOG_ROW (item)) == SP_CATALOG_ROW_NONE);
  render_cell (list_item, user_data);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GPtrArray *cells = g_object_get_qdata (gtk_list_item_get_item (list_item), cells_quark);

  if (cells != NULL)
    g_ptr_array_remove_fast (cells, g_object_get_data (G_OBJECT (list_item), "sp-cell"));
}

/* What each column sorts by. */
static const SpCatalogSort column_sorts[N_COLUMNS] = {
  SP_CATALOG_SORT_NONE, SP_CATALOG_SORT_SKU, SP_CATALOG_SORT_NAME, SP_CATALOG_SORT_CATEGORY,
  SP_CATALOG_SORT_STOCK, SP_CATALOG_SORT_COVER, SP_CATALOG_SORT_LIST_PRICE, SP_CATALOG_SORT_COST,
};

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  CellData *data = user_data;
  SpCatalogTable *table = table_of (data->self);

  /* See sort_changed_cb(): the first column asked is the primary one. */
  if (data->self->probing)
    {
      if (data->self->probed_column < 0)
        data->self->probed_column = data->column;
      return GTK_ORDERING_LARGER;
    }

  if (table == NULL)
    return GTK_ORDERING_EQUAL;

  return sp_catalog_table_compare (table, column_sorts[data->column],
                                   sp_catalog_row_get_row ((SpCatalogRow *)a),
                                   sp_catalog_row_get_row ((SpCatalogRow *)b));
}

/* GTK 4.8 has no getter for the column view's primary sort column (4.10
 * adds one). Its sorter asks the column sorters in order, primary first,
 * and inverts a descending one: so comparing two items once, with every
 * column answering "larger", tells which column comes first and how. */
static void
sort_changed_cb (SpScopePage *self,
                 int          change,
                 GtkSorter   *sorter)
{
  g_autoptr(SpCatalogRow) a = sp_catalog_row_new (0);
  g_autoptr(SpCatalogRow) b = sp_catalog_row_new (0);
  g_autoptr(GtkBitset) selected = selected_rows (self);
  GtkOrdering order;

  self->probed_column = -1;
  self->probing = TRUE;
  order = gtk_sorter_compare (sorter, a, b);
  self->probing = FALSE;

  if (self->probed_column < 0 || order == GTK_ORDERING_EQUAL)
    sp_product_list_model_set_sort (self->products, SP_CATALOG_SORT_NONE, FALSE);
  else
    sp_product_list_model_set_sort (self->products, column_sorts[self->probed_column],
                                    order == GTK_ORDERING_SMALLER);
  rows_changed (self, selected);
}

static void
add_columns (SpScopePage *self)
{
  static const struct {
    const char *title;
    gboolean    expand;
    int         width;
  } columns[N_COLUMNS] = {
    { N_("In Scope"), FALSE, 36 },
    { N_("SKU"), FALSE, 84 },
    { N_("Name"), TRUE, 170 },
    { N_("Category"), TRUE, 130 },
    { N_("Stock"), FALSE, 56 },
    { N_("Cover (days)"), FALSE, 104 },
    { N_("List Price"), FALSE, 96 },
    { N_("Cost"), FALSE, 90 },
  };

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      CellData *data = g_new0 (CellData, 1);

      data->self = self;
      data->column = i;
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), data);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), data);
      g_signal_connect_data (factory, "bind", G_CALLBACK (bind_cell_cb), data,
                             (GClosureNotify)(void (*) (void))g_free, 0);

      column = gtk_column_view_column_new (i == COLUMN_IN_SCOPE ? "" : _(columns[i].title),
                                           factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (i != COLUMN_IN_SCOPE)
        {
          CellData *sort_data = g_memdup2 (data, sizeof (CellData));
          g_autoptr(GtkSorter) sorter = NULL;

          sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, sort_data, g_free));

          gtk_column_view_column_set_sorter (column, sorter);
        }
      gtk_column_view_append_column (self->column_view, column);
      if (i == COLUMN_IN_SCOPE)
        self->scope_column = column;
      g_object_unref (column);
    }
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  SpScopePage *self = user_data;
  GListStore *children = g_hash_table_lookup (self->children, sp_category_get_id (item));

  return children ? g_object_ref (G_LIST_MODEL (children)) : NULL;
}

/* The category tree: roots, and each category's children, from the flat list. */
static void
build_tree (SpScopePage *self)
{
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));
  GListModel *categories = sp_workspace_get_categories (workspace);
  g_autoptr(GListStore) roots = g_list_store_new (SP_TYPE_CATEGORY);
  g_autoptr(GtkSingleSelection) selection = NULL;
  guint n = g_list_model_get_n_items (categories);

  g_hash_table_remove_all (self->children);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpCategory) category = g_list_model_get_item (categories, i);
      const char *parent = sp_category_get_parent_id (category);
      GListStore *siblings;

      if (parent == NULL || *parent == '\0')
        {
          g_list_store_append (roots, category);
          continue;
        }

      if (!(siblings = g_hash_table_lookup (self->children, parent)))
        {
          siblings = g_list_store_new (SP_TYPE_CATEGORY);
          g_hash_table_insert (self->children, g_strdup (parent), siblings);
        }
      g_list_store_append (siblings, category);
    }

  g_clear_object (&self->tree);
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (g_object_ref (roots)), FALSE, FALSE,
                                        create_children_cb, self, NULL);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
  gtk_list_view_set_model (self->tree_view, GTK_SELECTION_MODEL (selection));
}

static void
fill_sites (SpScopePage *self);

static void
catalog_loaded_cb (SpScopePage *self)
{
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));

  if (workspace == NULL || !sp_workspace_get_catalog_loaded (workspace))
    return;

  sp_product_list_model_set_table (self->products, sp_workspace_get_catalog_table (workspace));
  build_tree (self);
  fill_sites (self);
  update_count (self);
  gtk_stack_set_visible_child_name (self->catalog_stack, "catalog");
}

static void
site_toggled_cb (SpScopePage    *self,
                 GtkCheckButton *check)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) sites = NULL;

  if (self->updating_sites || campaign == NULL)
    return;

  if (!sp_campaign_is_editable (campaign))
    {
      self->updating_sites = TRUE;
      gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
      self->updating_sites = FALSE;
      return;
    }

  for (guint i = 0; i < self->site_checks->len; i++)
    {
      GtkCheckButton *site_check = g_ptr_array_index (self->site_checks, i);

      if (gtk_check_button_get_active (site_check))
        g_strv_builder_add (builder, gtk_widget_get_name (GTK_WIDGET (site_check)));
    }
  sites = g_strv_builder_end (builder);

  sp_workspace_edit_campaign_strv (sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self)),
                                   campaign, "sites", (const char * const *)sites);
}

static void
sync_sites (SpScopePage *self)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  const char * const *sites = campaign ? sp_campaign_get_sites (campaign) : NULL;

  self->updating_sites = TRUE;
  for (guint i = 0; i < self->site_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->site_checks, i);
      const char *code = gtk_widget_get_name (GTK_WIDGET (check));

      gtk_check_button_set_active (check, sites != NULL && g_strv_contains (sites, code));
    }
  self->updating_sites = FALSE;
}

/* One check button per site in the popover; its widget name is the site code. */
static void
fill_sites (SpScopePage *self)
{
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));
  GListModel *sites = sp_workspace_get_sites (workspace);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sites_box))))
    gtk_box_remove (self->sites_box, child);
  g_ptr_array_set_size (self->site_checks, 0);

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(SpSite) site = g_list_model_get_item (sites, i);
      g_autofree char *label = NULL;
      GtkWidget *check;

      /* Translators: a site in the scope's site list: its name and code */
      label = g_strdup_printf (_("%1$s (%2$s)"), sp_site_get_name (site), sp_site_get_code (site));
      check = gtk_check_button_new_with_label (label);
      gtk_widget_set_name (check, sp_site_get_code (site));
      g_signal_connect_object (check, "toggled", G_CALLBACK (site_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->sites_box, check);
      g_ptr_array_add (self->site_checks, check);
    }

  sync_sites (self);
}

static void
campaign_notify_cb (SpScopePage *self,
                    GParamSpec  *pspec,
                    SpCampaign  *campaign)
{
  g_autoptr(GtkBitset) selected = NULL;

  if (g_strcmp0 (pspec->name, "sites") == 0)
    {
      sync_sites (self);
      return;
    }

  if (g_strcmp0 (pspec->name, "scope-products") != 0 &&
      g_strcmp0 (pspec->name, "scope-categories") != 0 &&
      g_strcmp0 (pspec->name, "status") != 0)
    return;

  selected = selected_rows (self);
  collect_scope (self);
  gtk_widget_set_sensitive (self->add_button, sp_campaign_is_editable (campaign));
  gtk_widget_set_sensitive (self->remove_button, sp_campaign_is_editable (campaign));
  rows_changed (self, selected);

  /* Setting the factory again rebinds the visible check boxes only. */
  if (self->scope_column != NULL)
    {
      GtkListItemFactory *current = gtk_column_view_column_get_factory (self->scope_column);
      g_autoptr(GtkListItemFactory) factory = g_object_ref (current);

      gtk_column_view_column_set_factory (self->scope_column, NULL);
      gtk_column_view_column_set_factory (self->scope_column, factory);
    }
}

static void
sp_scope_page_campaign_changed (SpCampaignPage *page)
{
  SpScopePage *self = SP_SCOPE_PAGE (page);
  SpCampaign *campaign = sp_campaign_page_get_campaign (page);

  g_signal_group_set_target (self->campaign_signals, campaign);
  collect_scope (self);
  sync_sites (self);
  if (campaign != NULL)
    {
      gtk_widget_set_sensitive (self->add_button, sp_campaign_is_editable (campaign));
      gtk_widget_set_sensitive (self->remove_button, sp_campaign_is_editable (campaign));
    }
  update_count (self);
}

static void
sp_scope_page_workspace_changed (SpCampaignPage *page)
{
  SpScopePage *self = SP_SCOPE_PAGE (page);
  SpWorkspace *workspace = sp_campaign_page_get_workspace (page);

  if (workspace == NULL)
    return;

  g_signal_connect_object (workspace, "notify::catalog-loaded", G_CALLBACK (catalog_loaded_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sp_workspace_get_categories (workspace), "items-changed",
                           G_CALLBACK (build_tree), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sp_workspace_get_sites (workspace), "items-changed",
                           G_CALLBACK (fill_sites), self, G_CONNECT_SWAPPED);
  sp_workspace_load_catalog (workspace);
  catalog_loaded_cb (self);
}

static void
sp_scope_page_dispose (GObject *object)
{
  SpScopePage *self = (SpScopePage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_SCOPE_PAGE);
  g_clear_object (&self->campaign_signals);
  g_clear_object (&self->selection);
  g_clear_object (&self->products);
  g_clear_object (&self->tree);
  g_clear_pointer (&self->children, g_hash_table_unref);
  g_clear_pointer (&self->scope_skus, g_hash_table_unref);
  g_clear_pointer (&self->site_checks, g_ptr_array_unref);
  g_clear_handle_id (&self->hide_blank_id, g_source_remove);
  g_clear_pointer (&self->blank_places, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_scope_page_parent_class)->dispose (object);
}

static void
sp_scope_page_class_init (SpScopePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpCampaignPageClass *page_class = SP_CAMPAIGN_PAGE_CLASS (klass);

  object_class->dispose = sp_scope_page_dispose;
  page_class->campaign_changed = sp_scope_page_campaign_changed;
  page_class->workspace_changed = sp_scope_page_workspace_changed;

  g_type_ensure (SP_TYPE_CATEGORY);
  cells_quark = g_quark_from_static_string ("sp-scope-page-cells");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sp-scope-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpScopePage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, SpScopePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SpScopePage, overstocked_toggle);
  gtk_widget_class_bind_template_child (widget_class, SpScopePage, in_scope_toggle);
  gtk_widget_class_bind_template_child (widget_class, SpScopePage, sites_box);
  gtk_widget_class_bind_template_child (widget_class, SpScopePage, flap);
  gtk_widget_class_bind_template_child (widget_class, SpScopePage, tree_view);
  gtk_widget_class_bind_template_child (widget_class, SpScopePage, catalog_stack);
  gtk_widget_class_bind_template_child (widget_class, SpScopePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SpScopePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, SpScopePage, add_button);
  gtk_widget_class_bind_template_child (widget_class, SpScopePage, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, tree_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_selected_cb);
}

static void
sp_scope_page_init (SpScopePage *self)
{
  g_autoptr(GtkListItemFactory) tree_factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  sp_spinner_spin_while_mapped (self->loading_spinner);

  self->children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->scope_skus = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->site_checks = g_ptr_array_new ();
  self->campaign_signals = g_signal_group_new (SP_TYPE_CAMPAIGN);
  g_signal_group_connect_object (self->campaign_signals, "notify",
                                 G_CALLBACK (campaign_notify_cb), self, G_CONNECT_SWAPPED);

  add_columns (self);

  /* The model filters and sorts itself; the column headers only say how. */
  self->products = sp_product_list_model_new ();
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->products)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sort_changed_cb), self, G_CONNECT_SWAPPED);

  tree_factory = gtk_builder_list_item_factory_new_from_resource (NULL, RESOURCE_BASE
                                                                  "/ui/sp-category-item.ui");
  gtk_list_view_set_factory (self->tree_view, tree_factory);
}

/* Types @text into the search entry, as a user would. */
void
sp_scope_page_set_search (SpScopePage *self,
                          const char  *text)
{
  g_return_if_fail (SP_IS_SCOPE_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed_cb (self, self->search_entry);
}

/* Types @text at the end of the search entry, as keystrokes would. */
void
sp_scope_page_type (SpScopePage *self,
                    const char  *text)
{
  int position = -1;

  g_return_if_fail (SP_IS_SCOPE_PAGE (self));

  gtk_editable_insert_text (GTK_EDITABLE (self->search_entry), text, -1, &position);
  search_changed_cb (self, self->search_entry);
}

guint
sp_scope_page_get_n_shown (SpScopePage *self)
{
  g_return_val_if_fail (SP_IS_SCOPE_PAGE (self), 0);

  return sp_product_list_model_get_n_shown (self->products);
}

/* TRUE once the catalog is in the column view. */
gboolean
sp_scope_page_get_ready (SpScopePage *self)
{
  g_return_val_if_fail (SP_IS_SCOPE_PAGE (self), FALSE);

  return sp_product_list_model_get_table (self->products) != NULL;
}

void
sp_scope_page_set_overstocked (SpScopePage *self,
                               gboolean     overstocked_only)
{
  g_return_if_fail (SP_IS_SCOPE_PAGE (self));

  gtk_toggle_button_set_active (self->overstocked_toggle, overstocked_only);
}

void
sp_scope_page_set_in_scope_only (SpScopePage *self,
                                 gboolean     in_scope_only)
{
  g_return_if_fail (SP_IS_SCOPE_PAGE (self));

  gtk_toggle_button_set_active (self->in_scope_toggle, in_scope_only);
}
