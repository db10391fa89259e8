/* sp-product-list-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Scope page's rows: the catalog table filtered (search, overstocked,
 * in scope) and sorted, as a GListModel of SpCatalogRow. GtkFilterListModel
 * and GtkSortListModel would ask for every one of 100,000 items and run a
 * callback on each per keystroke; here a keystroke is a search of the
 * keys that can hold the query (see sp-catalog-table.c) and one walk over
 * a byte per row. The views read a row's fields from the table.
 *
 * The items are places in the list (SpCatalogRow), not products: after a
 * refilter the items the view holds show their new row (notify::row), and
 * only the length of the list changes (see sp-catalog-row.c).
 *
 * When a refilter shortens the list, GTK 4.8 destroys the rows of widgets
 * of every place that goes, ~25 µs a cell: 40 ms for 150 rows of a catalog
 * table, more than a frame. So the places a view still holds stay, empty
 * (SP_CATALOG_ROW_NONE; the Scope page hides their rows), until the search
 * has rested for a moment, and then go 8 at a time when the main loop has
 * nothing else to do; places no view holds go at once. The results are
 * complete in the first frame, typing never waits for widgets to go, and a
 * longer result (a backspace) shows its rows in the places still there
 * instead of making new rows of widgets.
 */

/* SCHED_IDLE */
#define _GNU_SOURCE

#include "config.h"

#ifdef __linux__
#include <pthread.h>
#include <sched.h>
#endif

#include "sp-catalog-row.h"

/* Empty places that go at a time (a few milliseconds of widgets), once the
 * search has rested this long. */
#define TRIM_PLACES   8
#define TRIM_AFTER_MS 600
#include "sp-product-list-model.h"

struct _SpProductListModel
{
  GObject          parent_instance;

  SpCatalogTable  *table;
  guint            n_rows;
  guint8          *hits;         /* the search matches, a byte per row */
  guint8          *overstocked;  /* a byte per row */
  guint8          *in_scope;     /* a byte per row */
  guint32         *visible;      /* rows shown, in order */
  SpCatalogRow   **items;        /* per position; weak, alive while the view holds them */
  guint            items_end;    /* no item is held at or after this position */
  guint            n_visible;    /* the rows shown */
  guint            n_places;     /* the list's length: n_visible, then empty places that go */
  guint            trim_id;      /* waits for the search to rest, then trims when idle */
  guint            prepare_id;   /* the column orders are made once the view settles */
  GCancellable    *preparing;

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
  return SP_PRODUCT_LIST_MODEL (model)->n_places;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  SpProductListModel *self = SP_PRODUCT_LIST_MODEL (model);
  guint row;

  if (position >= self->n_places)
    return NULL;

  row = position < self->n_visible ? self->visible[position] : SP_CATALOG_ROW_NONE;
  self->items_end = MAX (self->items_end, position + 1);
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
  self->items_end = 0;
  g_clear_handle_id (&self->trim_id, g_source_remove);
  g_clear_handle_id (&self->prepare_id, g_source_remove);
  if (self->preparing != NULL)
    g_cancellable_cancel (self->preparing);
  g_clear_object (&self->preparing);
  self->n_visible = 0;
  self->n_places = 0;
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

/* Every column's order, made ahead of need: a first click on a column
 * header would otherwise sort 100,000 rows on the main thread (40-130 ms
 * each). The worker has a thread of its own at the idle scheduling class,
 * so that it takes only CPU time that the window and the display server
 * leave over. */
typedef struct
{
  SpCatalogTable *table;
  GCancellable   *cancellable;
} PrepareOrders;

static gpointer
prepare_orders_thread (gpointer data)
{
  PrepareOrders *job = data;

#ifdef __linux__
  {
    struct sched_param param = { 0 };

    pthread_setschedparam (pthread_self (), SCHED_IDLE, &param);
  }
#endif

  for (SpCatalogSort sort = SP_CATALOG_SORT_NAME; sort <= SP_CATALOG_SORT_COST; sort++)
    {
      if (g_cancellable_is_cancelled (job->cancellable))
        break;
      sp_catalog_table_get_order (job->table, sort);
    }

  sp_catalog_table_unref (job->table);
  g_object_unref (job->cancellable);
  g_free (job);

  return NULL;
}

static gboolean
prepare_orders_cb (gpointer data)
{
  SpProductListModel *self = data;
  PrepareOrders *job = g_new0 (PrepareOrders, 1);

  self->prepare_id = 0;
  self->preparing = g_cancellable_new ();
  job->table = sp_catalog_table_ref (self->table);
  job->cancellable = g_object_ref (self->preparing);
  g_thread_unref (g_thread_new ("sp-column-orders", prepare_orders_thread, job));

  return G_SOURCE_REMOVE;
}

/* Drops a few empty places from the end, whenever the main loop is idle,
 * until none is left. */
static gboolean
trim_cb (gpointer data)
{
  SpProductListModel *self = data;
  guint old_n = self->n_places;
  guint n = MAX (self->n_visible, old_n > TRIM_PLACES ? old_n - TRIM_PLACES : 0);

  self->n_places = n;
  if (n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), n, old_n - n, 0);
  self->items_end = MIN (self->items_end, n);
  if (self->n_places > self->n_visible)
    return G_SOURCE_CONTINUE;

  self->trim_id = 0;
  return G_SOURCE_REMOVE;
}

/* The search has rested: the empty places go, a few whenever the main
 * loop is idle. */
static gboolean
start_trim_cb (gpointer data)
{
  SpProductListModel *self = data;

  self->trim_id = g_idle_add_full (G_PRIORITY_LOW, trim_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

static void
refilter (SpProductListModel *self)
{
  guint old_n = self->n_places, n = 0, held;
  const guint32 *order = NULL;

  if (self->table == NULL)
    return;

  if (self->sort != SP_CATALOG_SORT_NONE)
    {
      order = sp_catalog_table_get_order (self->table, self->sort);
    }

  if (order == NULL && !self->descending && !self->overstocked_only && !self->in_scope_only)
    {
      /* The common case, a search in SKU order: no branch per row. */
      for (guint32 row = 0; row < self->n_rows; row++)
        {
          self->visible[n] = row;
          n += self->hits[row];
        }
    }
  else
    {
      for (guint i = 0; i < self->n_rows; i++)
        {
          guint index = self->descending ? self->n_rows - 1 - i : i;
          guint32 row = order ? order[index] : index;

          if (self->hits[row] &&
              (!self->overstocked_only || self->overstocked[row]) &&
              (!self->in_scope_only || self->in_scope[row]))
            self->visible[n++] = row;
        }
    }
  self->n_visible = n;

  /* The places both lists have show their new rows; then the list grows
   * at its end, or its end empties (see the top of this file). Only the
   * places up to the last one a view held can hold an item. */
  self->items_end = MIN (self->items_end, old_n);
  for (guint i = 0; i < MIN (MIN (old_n, n), self->items_end); i++)
    {
      if (self->items[i] != NULL)
        sp_catalog_row_set_row (self->items[i], self->visible[i]);
    }

  if (n >= old_n)
    {
      g_clear_handle_id (&self->trim_id, g_source_remove);
      self->n_places = n;
      if (n > old_n)
        g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, n - old_n);
      return;
    }

  for (guint i = n; i < self->items_end; i++)
    {
      if (self->items[i] != NULL)
        sp_catalog_row_set_row (self->items[i], SP_CATALOG_ROW_NONE);
    }
  for (held = MAX (n, self->items_end); held > n && self->items[held - 1] == NULL; held--)
    ;
  self->items_end = held;
  self->n_places = held;
  if (held < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), held, old_n - held, 0);
  /* Each refilter puts the trim off again. */
  g_clear_handle_id (&self->trim_id, g_source_remove);
  if (self->n_places > n)
    self->trim_id = g_timeout_add (TRIM_AFTER_MS, start_trim_cb, self);
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

  old_n = self->n_places;
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
  /* After the frames that show them, when the main loop has nothing else. */
  self->prepare_id = g_idle_add_full (G_PRIORITY_LOW, prepare_orders_cb, self, NULL);
}

/* Keeps the rows whose SKU, name or category path contains @text, in any case. */
void
sp_product_list_model_set_search (SpProductListModel *self,
                                  const char         *text)
{
  g_autofree char *folded = NULL;
  gboolean typed_on;

  g_return_if_fail (SP_IS_PRODUCT_LIST_MODEL (self));

  folded = g_utf8_casefold (text ?: "", -1);
  if (g_strcmp0 (folded, self->search ?: "") == 0)
    return;

  /* A query that grows (typing on) can only match fewer rows: only the
   * rows that matched are searched again. */
  typed_on = self->search != NULL && *self->search != '\0' &&
             g_str_has_prefix (folded, self->search);
  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  if (self->table == NULL)
    return;

  if (typed_on)
    sp_catalog_table_search_within (self->table, self->search, self->hits);
  else
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

/* Returns: the table row shown at @position, or SP_CATALOG_ROW_NONE for an
 * empty place about to go */
guint
sp_product_list_model_get_row (SpProductListModel *self,
                               guint               position)
{
  g_return_val_if_fail (SP_IS_PRODUCT_LIST_MODEL (self), SP_CATALOG_ROW_NONE);
  g_return_val_if_fail (position < self->n_places, SP_CATALOG_ROW_NONE);

  return position < self->n_visible ? self->visible[position] : SP_CATALOG_ROW_NONE;
}

/* Returns: how many rows the filters let through (the list may still end
 * with a few empty places) */
guint
sp_product_list_model_get_n_shown (SpProductListModel *self)
{
  g_return_val_if_fail (SP_IS_PRODUCT_LIST_MODEL (self), 0);

  return self->n_visible;
}

/* TRUE when the table row @row is in the scope given to set_scope(). */
gboolean
sp_product_list_model_row_in_scope (SpProductListModel *self,
                                    guint               row)
{
  g_return_val_if_fail (SP_IS_PRODUCT_LIST_MODEL (self), FALSE);

  return row < self->n_rows && self->in_scope[row];
}

/* The SKU at @position, without making an object; %NULL for an empty place. */
const char *
sp_product_list_model_get_sku (SpProductListModel *self,
                               guint               position)
{
  g_return_val_if_fail (SP_IS_PRODUCT_LIST_MODEL (self), NULL);
  g_return_val_if_fail (position < self->n_places, NULL);

  if (position >= self->n_visible)
    return NULL;

  return sp_catalog_table_get_sku (self->table, self->visible[position]);
}
