/* sp-catalog-repository.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SpCatalogRepository: sites and categories as list models kept current,
 * and the products (which can be 100,000 and more) loaded on demand in a
 * worker as one array, for the scope page to wrap. Bulk writes of the
 * catalog are the importer's (sp-catalog-import.c); the saves here are for
 * single edits and tests, each one transaction with its outbox row.
 */

#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-catalog-repository.h"
#include "sp-store-private.h"

struct _SpCatalogRepository
{
  GObject       parent_instance;

  SpStore      *store;         /* owned */
  GListStore   *sites;         /* owned; items: SpSite, by code */
  GListStore   *categories;    /* owned; items: SpCategory, by path (parents first) */
  GCancellable *cancellable;   /* owned; cancels reloads started on SpStore::changed */
  gulong        changed_id;
};

G_DEFINE_FINAL_TYPE (SpCatalogRepository, sp_catalog_repository, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef struct
{
  GPtrArray *sites;
  GPtrArray *categories;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->sites, g_ptr_array_unref);
  g_clear_pointer (&loaded->categories, g_ptr_array_unref);
  g_free (loaded);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Loaded, loaded_free)

static GPtrArray *
read_sites (sqlite3  *db,
            GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (!(stmt = _sp_db_prepare (db,
                               "SELECT id, code, name, region, currency FROM sites ORDER BY code",
                               error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sites, g_object_new (SP_TYPE_SITE,
                                          "id", _sp_db_column_text (stmt, 0),
                                          "code", _sp_db_column_text (stmt, 1),
                                          "name", _sp_db_column_text (stmt, 2),
                                          "region", _sp_db_column_text (stmt, 3),
                                          "currency", _sp_db_column_text (stmt, 4),
                                          NULL));
  if (rc != SQLITE_DONE)
    {
      _sp_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&sites);
}

static GPtrArray *
read_categories (sqlite3  *db,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) categories = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  /* Sorted by path, every parent comes before its children: a tree model
   * can be built in one pass. */
  if (!(stmt = _sp_db_prepare (db, "SELECT id, parent_id, name, path, remote_id FROM categories "
                                   "ORDER BY path", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (categories, g_object_new (SP_TYPE_CATEGORY,
                                               "id", _sp_db_column_text (stmt, 0),
                                               "parent-id", _sp_db_column_text (stmt, 1),
                                               "name", _sp_db_column_text (stmt, 2),
                                               "path", _sp_db_column_text (stmt, 3),
                                               "remote-id", _sp_db_column_text (stmt, 4),
                                               NULL));
  if (rc != SQLITE_DONE)
    {
      _sp_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&categories);
}

static gpointer
load_work (sqlite3       *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(Loaded) loaded = g_new0 (Loaded, 1);

  if (!(loaded->sites = read_sites (db, error)) ||
      !(loaded->categories = read_categories (db, error)))
    return NULL;

  return g_steal_pointer (&loaded);
}

#define PRODUCT_SELECT \
  "SELECT p.id, p.sku, p.name, c.path, p.category_id, p.uom, p.list_price, p.cost, p.currency, " \
  "p.stock_on_hand, p.avg_daily_sales, p.remote_id, p.version " \
  "FROM products p LEFT JOIN categories c ON c.id = p.category_id"

/* Without the join: the category paths come from a hash table, which is
 * cheaper than one lookup in SQLite per product. */
#define PRODUCT_RANGE_SELECT \
  "SELECT id, sku, name, NULL, category_id, uom, list_price, cost, currency, " \
  "stock_on_hand, avg_daily_sales, remote_id, version FROM products WHERE rowid BETWEEN ? AND ?"

/* Above this many products, loading is split between two threads. */
#define PARALLEL_THRESHOLD 20000

static SpProduct *
product_from_row (sqlite3_stmt *stmt,
                  GHashTable   *paths)
{
  SpProduct *product = g_object_new (SP_TYPE_PRODUCT, "id", _sp_db_column_text (stmt, 0), NULL);
  const char *category_id = _sp_db_column_text (stmt, 4);

  /* Setters rather than a long g_object_new(): no property lookup by name,
   * which matters at 100,000 products. */
  sp_product_set_sku (product, _sp_db_column_text (stmt, 1));
  sp_product_set_name (product, _sp_db_column_text (stmt, 2));
  if (paths != NULL && category_id != NULL)
    sp_product_set_category_path (product, g_hash_table_lookup (paths, category_id));
  else if (paths == NULL)
    sp_product_set_category_path (product, _sp_db_column_text (stmt, 3));
  sp_product_set_category_id (product, category_id);
  sp_product_set_uom (product, _sp_db_column_text (stmt, 5));
  sp_product_set_list_price (product, sqlite3_column_int64 (stmt, 6));
  sp_product_set_cost (product, sqlite3_column_int64 (stmt, 7));
  sp_product_set_currency (product, _sp_db_column_text (stmt, 8));
  sp_product_set_stock_on_hand (product, sqlite3_column_int64 (stmt, 9));
  sp_product_set_avg_daily_sales (product, sqlite3_column_int64 (stmt, 10));
  sp_product_set_remote_id (product, _sp_db_column_text (stmt, 11));
  sp_product_set_version (product, sqlite3_column_int64 (stmt, 12));
  return product;
}

/* One part of the products table (by rowid), read on one connection by
 * @read into @result. */
typedef struct _Range Range;
typedef gboolean (*ReadRangeFunc) (sqlite3  *db,
                                   Range    *range,
                                   GError  **error);

struct _Range
{
  const char    *path;          /* the database, for a second connection */
  GHashTable    *paths;         /* borrowed; category id → path, read only */
  gint64         first_rowid;
  gint64         last_rowid;
  GCancellable  *cancellable;   /* borrowed */
  ReadRangeFunc  read;
  gpointer       result;        /* owned by the caller of read_in_halves() */
  GError        *error;         /* owned; or the failure */
};

static gboolean
read_product_objects (sqlite3  *db,
                      Range    *range,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *products;
  guint n = 0;
  int rc;

  if (!(stmt = _sp_db_prepare (db, PRODUCT_RANGE_SELECT, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, range->first_rowid);
  sqlite3_bind_int64 (stmt, 2, range->last_rowid);

  range->result = products = g_ptr_array_new_full (range->last_rowid - range->first_rowid + 1,
                                                   g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (products, product_from_row (stmt, range->paths));
      if (++n % 4096 == 0 && g_cancellable_set_error_if_cancelled (range->cancellable, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return _sp_db_set_error (db, rc, error);

  return TRUE;
}

static gpointer
read_range_thread (gpointer data)
{
  Range *range = data;
  g_autoptr(sqlite3) db = NULL;

  /* This thread's own connection: a connection never crosses threads. */
  if ((db = _sp_db_open (range->path, &range->error)))
    range->read (db, range, &range->error);

  return NULL;
}

/* Reads the products table with @read, in two halves by rowid above
 * PARALLEL_THRESHOLD products: the second on a thread with its own
 * connection (to @path). Both read the same snapshot only if nobody writes
 * meanwhile; a write in between shows as a product seen as before or after
 * it, never as a broken row. On success @low and @high hold the results
 * (@high's is NULL when one thread did it all); on failure the caller frees
 * whatever results there are. */
static gboolean
read_in_halves (sqlite3        *db,
                const char     *path,
                GHashTable     *paths,
                ReadRangeFunc   read,
                GCancellable   *cancellable,
                Range          *low,
                Range          *high,
                GError        **error)
{
  g_autoptr(sqlite3_stmt) bounds = NULL;
  GThread *thread = NULL;
  gint64 count;
  int rc;

  *low = *high = (Range) { path, paths, 0, -1, cancellable, read, NULL, NULL };
  if (!(bounds = _sp_db_prepare (db, "SELECT count(*), coalesce(min(rowid), 0), "
                                     "coalesce(max(rowid), -1) FROM products", error)))
    return FALSE;
  if ((rc = sqlite3_step (bounds)) != SQLITE_ROW)
    return _sp_db_set_error (db, rc, error);

  count = sqlite3_column_int64 (bounds, 0);
  low->first_rowid = sqlite3_column_int64 (bounds, 1);
  low->last_rowid = sqlite3_column_int64 (bounds, 2);
  if (count > PARALLEL_THRESHOLD && path != NULL)
    {
      high->last_rowid = low->last_rowid;
      low->last_rowid = low->first_rowid + (low->last_rowid - low->first_rowid) / 2;
      high->first_rowid = low->last_rowid + 1;
      thread = g_thread_new ("sp-read-products", read_range_thread, high);
    }

  read (db, low, &low->error);
  if (thread != NULL)
    g_thread_join (thread);

  if (low->error != NULL || high->error != NULL)
    {
      g_propagate_error (error, low->error != NULL ? low->error : high->error);
      g_clear_error (low->error != NULL ? &high->error : &low->error);
      return FALSE;
    }

  return TRUE;
}

static GHashTable *
read_category_paths (sqlite3  *db,
                     GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int rc;

  if (!(stmt = _sp_db_prepare (db, "SELECT id, path FROM categories", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (paths, g_strdup (_sp_db_column_text (stmt, 0)),
                         g_strdup (_sp_db_column_text (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      _sp_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&paths);
}

static gint
compare_sku (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 (sp_product_get_sku (*(SpProduct **)a), sp_product_get_sku (*(SpProduct **)b));
}

/* Building 100,000 GObjects is most of the time: two threads build half each. */
static gpointer
load_products_work (sqlite3       *db,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GHashTable) paths = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GPtrArray) more = NULL;
  Range low, high;
  gboolean ok;

  if (!(paths = read_category_paths (db, error)))
    return NULL;

  ok = read_in_halves (db, data, paths, read_product_objects, cancellable, &low, &high, error);
  products = low.result;
  more = high.result;
  if (!ok)
    return NULL;

  if (more != NULL)
    g_ptr_array_extend_and_steal (products, g_steal_pointer (&more));
  g_ptr_array_sort (products, compare_sku);
  return g_steal_pointer (&products);
}

static gpointer
load_stock_work (sqlite3       *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) levels = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (!(stmt = _sp_db_prepare (db, "SELECT p.sku, s.code, ps.stock_on_hand, ps.avg_daily_sales "
                                   "FROM product_stock ps JOIN products p ON p.id = ps.product_id "
                                   "JOIN sites s ON s.id = ps.site_id ORDER BY p.sku, s.code",
                               error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpStockLevel *level = sp_stock_level_new (_sp_db_column_text (stmt, 0),
                                                _sp_db_column_text (stmt, 1));

      sp_stock_level_set_stock_on_hand (level, sqlite3_column_int64 (stmt, 2));
      sp_stock_level_set_avg_daily_sales (level, sqlite3_column_int64 (stmt, 3));
      g_ptr_array_add (levels, level);
    }
  if (rc != SQLITE_DONE)
    {
      _sp_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&levels);
}

static void
apply_loaded (SpCatalogRepository *self,
              Loaded              *loaded)
{
  g_list_store_splice (self->sites, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sites)),
                       loaded->sites->pdata, loaded->sites->len);
  g_list_store_splice (self->categories, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->categories)),
                       loaded->categories->pdata, loaded->categories->len);
}

static void
reload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(Loaded) loaded = NULL;
  GError *error = NULL;

  if (!(loaded = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  apply_loaded (g_task_get_source_object (task), loaded);
  g_task_return_boolean (task, TRUE);
}

static void
store_reloaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!sp_catalog_repository_reload_finish (SP_CATALOG_REPOSITORY (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not reload the catalog: %s", error->message);
}

static void
store_changed_cb (SpCatalogRepository *self,
                  SpStore             *store)
{
  sp_catalog_repository_reload_async (self, self->cancellable, store_reloaded_cb, NULL);
}

static void
sp_catalog_repository_constructed (GObject *object)
{
  SpCatalogRepository *self = (SpCatalogRepository *)object;

  G_OBJECT_CLASS (sp_catalog_repository_parent_class)->constructed (object);

  self->changed_id = g_signal_connect_object (self->store, "changed",
                                              G_CALLBACK (store_changed_cb), self,
                                              G_CONNECT_SWAPPED);
}

static void
sp_catalog_repository_dispose (GObject *object)
{
  SpCatalogRepository *self = (SpCatalogRepository *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_signal_handler (&self->changed_id, self->store);

  G_OBJECT_CLASS (sp_catalog_repository_parent_class)->dispose (object);
}

static void
sp_catalog_repository_finalize (GObject *object)
{
  SpCatalogRepository *self = (SpCatalogRepository *)object;

  g_clear_object (&self->sites);
  g_clear_object (&self->categories);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sp_catalog_repository_parent_class)->finalize (object);
}

static void
sp_catalog_repository_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SpCatalogRepository *self = SP_CATALOG_REPOSITORY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_catalog_repository_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SpCatalogRepository *self = SP_CATALOG_REPOSITORY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_catalog_repository_class_init (SpCatalogRepositoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sp_catalog_repository_constructed;
  object_class->dispose = sp_catalog_repository_dispose;
  object_class->finalize = sp_catalog_repository_finalize;
  object_class->get_property = sp_catalog_repository_get_property;
  object_class->set_property = sp_catalog_repository_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_catalog_repository_init (SpCatalogRepository *self)
{
  self->sites = g_list_store_new (SP_TYPE_SITE);
  self->categories = g_list_store_new (SP_TYPE_CATEGORY);
  self->cancellable = g_cancellable_new ();
}

SpCatalogRepository *
sp_catalog_repository_new (SpStore *store)
{
  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  return g_object_new (SP_TYPE_CATALOG_REPOSITORY, "store", store, NULL);
}

/* Returns: (transfer none) (element-type SpSite): the sites, by code */
GListModel *
sp_catalog_repository_get_sites (SpCatalogRepository *self)
{
  g_return_val_if_fail (SP_IS_CATALOG_REPOSITORY (self), NULL);

  return G_LIST_MODEL (self->sites);
}

/* Returns: (transfer none) (element-type SpCategory): the categories by
 * path, every parent before its children */
GListModel *
sp_catalog_repository_get_categories (SpCatalogRepository *self)
{
  g_return_val_if_fail (SP_IS_CATALOG_REPOSITORY (self), NULL);

  return G_LIST_MODEL (self->categories);
}

gboolean
sp_catalog_repository_load (SpCatalogRepository  *self,
                            GError              **error)
{
  g_autoptr(Loaded) loaded = NULL;

  g_return_val_if_fail (SP_IS_CATALOG_REPOSITORY (self), FALSE);

  if (!(loaded = _sp_store_run_sync (self->store, load_work, NULL, error)))
    return FALSE;

  apply_loaded (self, loaded);
  return TRUE;
}

void
sp_catalog_repository_reload_async (SpCatalogRepository *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SP_IS_CATALOG_REPOSITORY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_catalog_repository_reload_async);
  _sp_store_run_async (self->store, self, sp_catalog_repository_reload_async, load_work, NULL, NULL,
                       (GDestroyNotify)loaded_free, cancellable, reload_cb,
                       g_steal_pointer (&task));
}

gboolean
sp_catalog_repository_reload_finish (SpCatalogRepository  *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sp_catalog_repository_load_products:
 * @self: a #SpCatalogRepository
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Loads every product, by SKU, synchronously (the CLI and tests).
 *
 * Returns: (transfer full) (element-type SpProduct): the products, or %NULL
 *   with @error set
 */
GPtrArray *
sp_catalog_repository_load_products (SpCatalogRepository  *self,
                                     GCancellable         *cancellable,
                                     GError              **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (SP_IS_CATALOG_REPOSITORY (self), NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  path = g_strdup (sp_store_get_path (self->store));

  return _sp_store_run_sync (self->store, load_products_work, path, error);
}

/**
 * sp_catalog_repository_load_products_async:
 * @self: a #SpCatalogRepository
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the main context with the products
 * @user_data: data for @callback
 *
 * Loads every product, by SKU, in a worker thread.
 */
void
sp_catalog_repository_load_products_async (SpCatalogRepository *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (SP_IS_CATALOG_REPOSITORY (self));

  _sp_store_run_async (self->store, self, sp_catalog_repository_load_products_async,
                       load_products_work, g_strdup (sp_store_get_path (self->store)), g_free,
                       (GDestroyNotify)g_ptr_array_unref,
                       cancellable, callback, user_data);
}

/* Returns: (transfer full) (element-type SpProduct): the products, or %NULL */
GPtrArray *
sp_catalog_repository_load_products_finish (SpCatalogRepository  *self,
                                            GAsyncResult         *result,
                                            GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        sp_catalog_repository_load_products_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* One part of the products table (by rowid) read into a table builder. */
static gboolean
read_table_rows (sqlite3     *db,
                 Range       *range,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  SpCatalogTableBuilder *builder;
  GHashTableIter iter;
  gpointer id, path;
  guint n = 0;
  int rc;

  if (!(stmt = _sp_db_prepare (db, "SELECT id, sku, name, category_id, uom, currency, list_price, "
                                   "cost, stock_on_hand, avg_daily_sales, remote_id, version "
                                   "FROM products WHERE rowid BETWEEN ? AND ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, range->first_rowid);
  sqlite3_bind_int64 (stmt, 2, range->last_rowid);

  /* The builder learns the category paths first, cheaper than a join. */
  range->result = builder = sp_catalog_table_builder_new (range->last_rowid - range->first_rowid + 1);
  g_hash_table_iter_init (&iter, range->paths);
  while (g_hash_table_iter_next (&iter, &id, &path))
    sp_catalog_table_builder_add_category (builder, id, path);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sp_catalog_table_builder_add (builder, _sp_db_column_text (stmt, 0), _sp_db_column_text (stmt, 1),
                                    _sp_db_column_text (stmt, 2), _sp_db_column_text (stmt, 3), NULL,
                                    _sp_db_column_text (stmt, 4), _sp_db_column_text (stmt, 5),
                                    sqlite3_column_int64 (stmt, 6), sqlite3_column_int64 (stmt, 7),
                                    sqlite3_column_int64 (stmt, 8), sqlite3_column_int64 (stmt, 9),
                                    _sp_db_column_text (stmt, 10), sqlite3_column_int64 (stmt, 11));
      if (++n % 4096 == 0 && g_cancellable_set_error_if_cancelled (range->cancellable, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return _sp_db_set_error (db, rc, error);

  return TRUE;
}

/* The catalog for views: one compact table rather than an object per
 * product (see SpCatalogTable), read by two threads like the objects. */
static gpointer
load_table_work (sqlite3       *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GHashTable) paths = NULL;
  g_autoptr(SpCatalogTableBuilder) builder = NULL;
  g_autoptr(SpCatalogTableBuilder) more = NULL;
  Range low, high;
  gboolean ok;

  if (!(paths = read_category_paths (db, error)))
    return NULL;

  ok = read_in_halves (db, data, paths, read_table_rows, cancellable, &low, &high, error);
  builder = low.result;
  more = high.result;
  if (!ok)
    return NULL;

  if (more != NULL)
    sp_catalog_table_builder_merge (builder, g_steal_pointer (&more));
  return sp_catalog_table_builder_end (g_steal_pointer (&builder));
}

/**
 * sp_catalog_repository_load_table_async:
 * @self: a #SpCatalogRepository
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the main context with the table
 * @user_data: data for @callback
 *
 * Loads every product into one #SpCatalogTable, in a worker thread.
 */
void
sp_catalog_repository_load_table_async (SpCatalogRepository *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (SP_IS_CATALOG_REPOSITORY (self));

  _sp_store_run_async (self->store, self, sp_catalog_repository_load_table_async,
                       load_table_work, g_strdup (sp_store_get_path (self->store)), g_free,
                       (GDestroyNotify)sp_catalog_table_unref,
                       cancellable, callback, user_data);
}

/* Returns: (transfer full): the catalog, or %NULL with @error set */
SpCatalogTable *
sp_catalog_repository_load_table_finish (SpCatalogRepository  *self,
                                         GAsyncResult         *result,
                                         GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        sp_catalog_repository_load_table_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Returns: (transfer full): the catalog, or %NULL with @error set */
SpCatalogTable *
sp_catalog_repository_load_table (SpCatalogRepository  *self,
                                  GCancellable         *cancellable,
                                  GError              **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (SP_IS_CATALOG_REPOSITORY (self), NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  path = g_strdup (sp_store_get_path (self->store));

  return _sp_store_run_sync (self->store, load_table_work, path, error);
}

static gpointer
load_product_work (sqlite3       *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *sku = data;
  int rc;

  if (!(stmt = _sp_db_prepare (db, PRODUCT_SELECT " WHERE p.sku = ?", error)))
    return NULL;
  _sp_db_bind_text (stmt, 1, sku);

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return product_from_row (stmt, NULL);
  if (rc == SQLITE_DONE)
    g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                 /* Translators: %s is a SKU */
                 _("There is no product with the SKU “%s”"), sku);
  else
    _sp_db_set_error (db, rc, error);

  return NULL;
}

/* Returns: (transfer full): the product with @sku, or %NULL with @error set
 * (%SP_STORE_ERROR_NOT_FOUND) */
SpProduct *
sp_catalog_repository_load_product (SpCatalogRepository  *self,
                                    const char           *sku,
                                    GError              **error)
{
  g_return_val_if_fail (SP_IS_CATALOG_REPOSITORY (self), NULL);
  g_return_val_if_fail (sku != NULL, NULL);

  return _sp_store_run_sync (self->store, load_product_work, (gpointer)sku, error);
}

/* Returns: (transfer full) (element-type SpStockLevel): stock per product
 * and site, by SKU and site code */
GPtrArray *
sp_catalog_repository_load_stock_levels (SpCatalogRepository  *self,
                                         GError              **error)
{
  g_return_val_if_fail (SP_IS_CATALOG_REPOSITORY (self), NULL);

  return _sp_store_run_sync (self->store, load_stock_work, NULL, error);
}

static gboolean
write_site (sqlite3  *db,
            gpointer  object,
            GError  **error)
{
  SpSite *site = object;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!sp_site_validate (site, error) ||
      !(stmt = _sp_db_prepare (db, "INSERT INTO sites (id, code, name, region, currency) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO UPDATE SET "
                                   "code = ?2, name = ?3, region = ?4, currency = ?5", error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, sp_site_get_id (site));
  _sp_db_bind_text (stmt, 2, sp_site_get_code (site));
  _sp_db_bind_text (stmt, 3, sp_site_get_name (site));
  _sp_db_bind_text (stmt, 4, sp_site_get_region (site));
  _sp_db_bind_text (stmt, 5, sp_site_get_currency (site) ?: "EUR");
  return _sp_db_step_done (db, stmt, error);
}

static gboolean
write_category (sqlite3  *db,
                gpointer  object,
                GError  **error)
{
  SpCategory *category = object;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!sp_category_validate (category, error) ||
      !(stmt = _sp_db_prepare (db, "INSERT INTO categories (id, parent_id, name, path, remote_id) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO UPDATE SET "
                                   "parent_id = ?2, name = ?3, path = ?4, remote_id = ?5", error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, sp_category_get_id (category));
  _sp_db_bind_text_or_null (stmt, 2, sp_category_get_parent_id (category));
  _sp_db_bind_text (stmt, 3, sp_category_get_name (category));
  _sp_db_bind_text (stmt, 4, sp_category_get_path (category));
  _sp_db_bind_text_or_null (stmt, 5, sp_category_get_remote_id (category));
  return _sp_db_step_done (db, stmt, error);
}

static gboolean
write_product (sqlite3  *db,
               gpointer  object,
               GError  **error)
{
  SpProduct *product = object;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *path = sp_product_get_category_path (product);
  int rc;

  if (!sp_product_validate (product, error))
    return FALSE;

  /* The category is found by its path when the product names one. */
  if (!(stmt = _sp_db_prepare (db, "INSERT INTO products (id, sku, name, category_id, uom, "
                                   "list_price, cost, currency, stock_on_hand, avg_daily_sales, "
                                   "remote_id, version) VALUES (?1, ?2, ?3, CASE WHEN ?13 IS NULL "
                                   "THEN ?4 ELSE (SELECT id FROM categories WHERE path = ?13) END, "
                                   "?5, ?6, ?7, ?8, ?9, ?10, ?11, max(?12, 1)) ON CONFLICT (id) DO "
                                   "UPDATE SET sku = ?2, name = ?3, category_id = "
                                   "excluded.category_id, uom = ?5, list_price = ?6, cost = ?7, "
                                   "currency = ?8, stock_on_hand = ?9, avg_daily_sales = ?10, "
                                   "remote_id = ?11, version = products.version + 1 RETURNING "
                                   "version, category_id", error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, sp_product_get_id (product));
  _sp_db_bind_text (stmt, 2, sp_product_get_sku (product));
  _sp_db_bind_text (stmt, 3, sp_product_get_name (product));
  _sp_db_bind_text_or_null (stmt, 4, sp_product_get_category_id (product));
  _sp_db_bind_text (stmt, 5, sp_product_get_uom (product) ?: "Each");
  sqlite3_bind_int64 (stmt, 6, sp_product_get_list_price (product));
  sqlite3_bind_int64 (stmt, 7, sp_product_get_cost (product));
  _sp_db_bind_text (stmt, 8, sp_product_get_currency (product));
  sqlite3_bind_int64 (stmt, 9, sp_product_get_stock_on_hand (product));
  sqlite3_bind_int64 (stmt, 10, sp_product_get_avg_daily_sales (product));
  _sp_db_bind_text_or_null (stmt, 11, sp_product_get_remote_id (product));
  sqlite3_bind_int64 (stmt, 12, sp_product_get_version (product));
  _sp_db_bind_text_or_null (stmt, 13, path != NULL && path[0] != '\0' ? path : NULL);

  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return _sp_db_set_error (db, rc, error);

  if (path != NULL && path[0] != '\0' && sqlite3_column_type (stmt, 1) == SQLITE_NULL)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                   /* Translators: %1$s is a SKU, %2$s a category path */
                   _("%1$s: category-path: there is no category “%2$s”"),
                   sp_product_get_sku (product), path);
      return FALSE;
    }

  sp_product_set_version (product, sqlite3_column_int64 (stmt, 0));
  sp_product_set_category_id (product, _sp_db_column_text (stmt, 1));
  return TRUE;
}

static gboolean
write_stock_level (sqlite3  *db,
                   gpointer  object,
                   GError  **error)
{
  SpStockLevel *level = object;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!sp_stock_level_validate (level, error) ||
      !(stmt = _sp_db_prepare (db, "INSERT OR REPLACE INTO product_stock (product_id, site_id, "
                                   "stock_on_hand, avg_daily_sales) SELECT p.id, s.id, ?3, ?4 FROM "
                                   "products p, sites s WHERE p.sku = ?1 AND s.code = ?2", error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, sp_stock_level_get_product_sku (level));
  _sp_db_bind_text (stmt, 2, sp_stock_level_get_site_code (level));
  sqlite3_bind_int64 (stmt, 3, sp_stock_level_get_stock_on_hand (level));
  sqlite3_bind_int64 (stmt, 4, sp_stock_level_get_avg_daily_sales (level));

  if (!_sp_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                   /* Translators: %1$s is a SKU, %2$s a site code */
                   _("No product “%1$s” or no site “%2$s”"),
                   sp_stock_level_get_product_sku (level), sp_stock_level_get_site_code (level));
      return FALSE;
    }

  return TRUE;
}

gboolean
sp_catalog_repository_save_site (SpCatalogRepository  *self,
                                 SpSite               *site,
                                 GError              **error)
{
  g_return_val_if_fail (SP_IS_CATALOG_REPOSITORY (self), FALSE);
  g_return_val_if_fail (SP_IS_SITE (site), FALSE);

  return _sp_store_write (self->store, write_site, site, "site", sp_site_get_id (site), "saved",
                          error) &&
         sp_catalog_repository_load (self, error);
}

gboolean
sp_catalog_repository_save_category (SpCatalogRepository  *self,
                                     SpCategory           *category,
                                     GError              **error)
{
  g_return_val_if_fail (SP_IS_CATALOG_REPOSITORY (self), FALSE);
  g_return_val_if_fail (SP_IS_CATEGORY (category), FALSE);

  return _sp_store_write (self->store, write_category, category, "category",
                          sp_category_get_id (category), "saved", error) &&
         sp_catalog_repository_load (self, error);
}

/**
 * sp_catalog_repository_save_product:
 * @self: a #SpCatalogRepository
 * @product: a product, new or stored
 * @error: return location for a #GError
 *
 * Stores @product; its category is the one of its category-path when it
 * has one (%SP_STORE_ERROR_NOT_FOUND when no such category exists), else
 * its category-id. Sets @product's version to the stored one.
 *
 * Returns: %TRUE on success
 */
gboolean
sp_catalog_repository_save_product (SpCatalogRepository  *self,
                                    SpProduct            *product,
                                    GError              **error)
{
  g_return_val_if_fail (SP_IS_CATALOG_REPOSITORY (self), FALSE);
  g_return_val_if_fail (SP_IS_PRODUCT (product), FALSE);

  return _sp_store_write (self->store, write_product, product, "product",
                          sp_product_get_id (product), "saved", error);
}

gboolean
sp_catalog_repository_save_stock_level (SpCatalogRepository  *self,
                                        SpStockLevel         *level,
                                        GError              **error)
{
  g_return_val_if_fail (SP_IS_CATALOG_REPOSITORY (self), FALSE);
  g_return_val_if_fail (SP_IS_STOCK_LEVEL (level), FALSE);

  return _sp_store_write (self->store, write_stock_level, level, "stock",
                          sp_stock_level_get_product_sku (level), "saved", error);
}
