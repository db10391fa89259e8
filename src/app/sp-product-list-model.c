/* sp-product-list-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Scope page's rows: the catalog table filtered (search, overstocked,
 * in scope) and sorted, as a GListModel of SpCatalogRow. GtkFilterListModel
 * and GtkSortListModel would ask for every one of 100,000 items and run a
 * callback on each per keystroke; here a keystroke is one strstr() pass over
 * the table's search keys and one walk over a byte per row. The views read
 * a row's fields from the table.
 *
 * The items are places in the list (SpCatalogRow), not products: after a
 * refilter the items the view holds show their new row (notify::row), and
 * only the length of the list changes (see sp-catalog-row.c).
 */

#include "config.h"

#include "sp-catalog-row.h"
#include "sp-product-list-model.h"

struct _SpProductListModel
{
  GObject          parent_instance;

  SpCatalogTable  *table;
  guint            n_rows;
  guint8          *hits;         /* the search matches, a byte per row */
  guint8          *overstocked;  /* a byte per row */
  guint8          *in_scope;     /* a byte per row */
  guint32         *orders[SP_CATALOG_SORT_COST + 1];  /* computed on first use */
  guint32         *visible;      /* rows shown, in order */
  SpCatalogRow   **items;        /* per position; weak, alive while the view holds them */
  guint            n_visible;

  char            *search;       /* case-folded */
  GStrv            scope_skus;
  GStrv            scope_categories;
  int              overstock_days;
  gboolean         overstocked_only;
  gboolean         in_scope_only;
  SpCatalogSort    sort;
  gboolean         descending;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SpProductListModel, sp_product_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return SP_TYPE_CATALOG_ROW;
}

static guint
get_n_items (GListModel *model)
{
  return SP_PRODUCT_LIST_MODEL (model)->n_visible;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  SpProductListModel *self = SP_PRODUCT_LIST_MODEL (model);
  guint row;

  if (position >= self->n_visible)
    return NULL;

  row = self->visible[position];
  if (self->items[position] != NULL)
    return g_object_ref (self->items[position]);

  self->items[position] = sp_catalog_row_new (row);
  g_object_add_weak_pointer (G_OBJECT (self->items[position]), (gpointer *)&self->items[position]);
  return self->items[position];
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
clear_rows (SpProductListModel *self)
{
  g_clear_pointer (&self->hits, g_free);
  g_clear_pointer (&self->overstocked, g_free);
  g_clear_pointer (&self->in_scope, g_free);
  g_clear_pointer (&self->visible, g_free);
  for (guint i = 0; self->items != NULL && i < self->n_rows; i++)
    {
      if (self->items[i] != NULL)
        g_object_remove_weak_pointer (G_OBJECT (self->items[i]), (gpointer *)&self->items[i]);
    }
  g_clear_pointer (&self->items, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->orders); i++)
    g_clear_pointer (&self->orders[i], g_free);
  self->n_visible = 0;
  self->n_rows = 0;
}

static void
sp_product_list_model_finalize (GObject *object)
{
  SpProductListModel *self = (SpProductListModel *)object;

  clear_rows (self);
  g_clear_pointer (&self->table, sp_catalog_table_unref);
  g_free (self->search);
  g_strfreev (self->scope_skus);
  g_strfreev (self->scope_categories);

  G_OBJECT_CLASS (sp_product_list_model_parent_class)->finalize (object);
}

static void
sp_product_list_model_class_init (SpProductListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_product_list_model_finalize;
}

static void
sp_product_list_model_init (SpProductListModel *self)
{
  self->overstock_days = 90;
}

SpProductListModel *
sp_product_list_model_new (void)
{
  return g_object_new (SP_TYPE_PRODUCT_LIST_MODEL, NULL);
}

/* Walks the rows in the chosen order and keeps those every filter lets through. */
static void
refilter (SpProductListModel *self)
{
  guint old_n = self->n_visible, n = 0;
  const guint32 *order = NULL;

  if (self->table == NULL)
    return;

  if (self->sort != SP_CATALOG_SORT_NONE)
    {
      if (self->orders[self->sort] == NULL)
        self->orders[self->sort] = sp_catalog_table_sort (self->table, self->sort);
      order = self->orders[self->sort];
    }

  for (guint i = 0; i < self->n_rows; i++)
    {
      guint index = self->descending ? self->n_rows - 1 - i : i;
      guint32 row = order ? order[index] : index;

      if (self->hits[row] &&
          (!self->overstocked_only || self->overstocked[row]) &&
          (!self->in_scope_only || self->in_scope[row]))
        self->visible[n++] = row;
    }
  self->n_visible = n;

  /* The places both lists have show their new rows; then the list grows
   * or shrinks at its end. */
  for (guint i = 0; i < MIN (old_n, n); i++)
    {
      if (self->items[i] != NULL)
        sp_catalog_row_set_row (self->items[i], self->visible[i]);
    }
  if (n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), n, old_n - n, 0);
  else if (n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, n - old_n);
}

SpCatalogTable *
sp_product_list_model_get_table (SpProductListModel *self)
{
  g_return_val_if_fail (SP_IS_PRODUCT_LIST_MODEL (self), NULL);

  return self->table;
}

/* Shows @table (every row, in SKU order until a sort is set), or nothing. */
void
sp_product_list_model_set_table (SpProductListModel *self,
                                 SpCatalogTable     *table)
{
  guint old_n;

  g_return_if_fail (SP_IS_PRODUCT_LIST_MODEL (self));

  if (self->table == table)
    return;

  old_n = self->n_visible;
  clear_rows (self);
  g_clear_pointer (&self->table, sp_catalog_table_unref);
  if (table == NULL)
    {
      if (old_n > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
      return;
    }

  self->table = sp_catalog_table_ref (table);
  self->n_rows = sp_catalog_table_get_n_rows (table);
  self->hits = g_malloc (MAX (self->n_rows, 1));
  self->overstocked = g_malloc (MAX (self->n_rows, 1));
  self->in_scope = g_malloc0 (MAX (self->n_rows, 1));
  self->visible = g_new (guint32, MAX (self->n_rows, 1));
  self->items = g_new0 (SpCatalogRow *, MAX (self->n_rows, 1));
  sp_catalog_table_search (table, self->search ?: "", self->hits);
  sp_catalog_table_mark_scope (table, (const char * const *)self->scope_skus,
                               (const char * const *)self->scope_categories, self->in_scope);
  for (guint i = 0; i < self->n_rows; i++)
    self->overstocked[i] = sp_catalog_table_is_overstocked (table, i, self->overstock_days);

  /* The old rows go, then the new ones come in refilter(). */
  if (old_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
  refilter (self);
}

/* Keeps the rows whose SKU, name or category path contains @text, in any case. */
void
sp_product_list_model_set_search (SpProductListModel *self,
                                  const char         *text)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (SP_IS_PRODUCT_LIST_MODEL (self));

  folded = g_utf8_casefold (text ?: "", -1);
  if (g_strcmp0 (folded, self->search ?: "") == 0)
    return;

  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  if (self->table == NULL)
    return;

  sp_catalog_table_search (self->table, self->search, self->hits);
  refilter (self);
}

void
sp_product_list_model_set_overstocked_only (SpProductListModel *self,
                                            gboolean            overstocked_only,
                                            int                 days_threshold)
{
  g_return_if_fail (SP_IS_PRODUCT_LIST_MODEL (self));

  overstocked_only = !!overstocked_only;
  if (self->overstocked_only == overstocked_only && self->overstock_days == days_threshold)
    return;

  self->overstocked_only = overstocked_only;
  if (self->overstock_days != days_threshold && self->table != NULL)
    {
      for (guint i = 0; i < self->n_rows; i++)
        self->overstocked[i] = sp_catalog_table_is_overstocked (self->table, i, days_threshold);
    }
  self->overstock_days = days_threshold;
  refilter (self);
}

/* The campaign's scope: its SKUs, and every product under its categories. */
void
sp_product_list_model_set_scope (SpProductListModel *self,
                                 const char * const *skus,
                                 const char * const *categories)
{
  g_return_if_fail (SP_IS_PRODUCT_LIST_MODEL (self));

  g_strfreev (self->scope_skus);
  g_strfreev (self->scope_categories);
  self->scope_skus = g_strdupv ((char **)skus);
  self->scope_categories = g_strdupv ((char **)categories);
  if (self->table == NULL)
    return;

  sp_catalog_table_mark_scope (self->table, skus, categories, self->in_scope);
  if (self->in_scope_only)
    refilter (self);
}

void
sp_product_list_model_set_in_scope_only (SpProductListModel *self,
                                         gboolean            in_scope_only)
{
  g_return_if_fail (SP_IS_PRODUCT_LIST_MODEL (self));

  in_scope_only = !!in_scope_only;
  if (self->in_scope_only == in_scope_only)
    return;

  self->in_scope_only = in_scope_only;
  refilter (self);
}

/* Orders the rows by @sort (SP_CATALOG_SORT_NONE: by SKU). */
void
sp_product_list_model_set_sort (SpProductListModel *self,
                                SpCatalogSort       sort,
                                gboolean            descending)
{
  g_return_if_fail (SP_IS_PRODUCT_LIST_MODEL (self));
  g_return_if_fail (sort <= SP_CATALOG_SORT_COST);

  descending = !!descending;
  if (self->sort == sort && self->descending == descending)
    return;

  self->sort = sort;
  self->descending = descending;
  refilter (self);
}

/* Returns: the table row shown at @position */
guint
sp_product_list_model_get_row (SpProductListModel *self,
                               guint               position)
{
  g_return_val_if_fail (SP_IS_PRODUCT_LIST_MODEL (self), 0);
  g_return_val_if_fail (position < self->n_visible, 0);

  return self->visible[position];
}

/* TRUE when the table row @row is in the scope given to set_scope(). */
gboolean
sp_product_list_model_row_in_scope (SpProductListModel *self,
                                    guint               row)
{
  g_return_val_if_fail (SP_IS_PRODUCT_LIST_MODEL (self), FALSE);

  return row < self->n_rows && self->in_scope[row];
}

/* The SKU at @position, without making an object. */
const char *
sp_product_list_model_get_sku (SpProductListModel *self,
                               guint               position)
{
  g_return_val_if_fail (SP_IS_PRODUCT_LIST_MODEL (self), NULL);
  g_return_val_if_fail (position < self->n_visible, NULL);

  return sp_catalog_table_get_sku (self->table, self->visible[position]);
}
