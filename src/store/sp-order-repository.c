/* sp-order-repository.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SpOrderRepository: the sales-order history (orders and their lines),
 * loaded on demand as one array (the planner and the simulation read it in
 * a worker), and saved order by order or in bulk.
 */

#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-order-repository.h"
#include "sp-store-private.h"

struct _SpOrderRepository
{
  GObject  parent_instance;

  SpStore *store;   /* owned */
};

G_DEFINE_FINAL_TYPE (SpOrderRepository, sp_order_repository, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gpointer
load_orders_work (sqlite3       *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(sqlite3_stmt) orders_stmt = NULL;
  g_autoptr(sqlite3_stmt) lines_stmt = NULL;
  g_autoptr(GPtrArray) orders = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  int rc;

  if (!(orders_stmt = _sp_db_prepare (db, "SELECT o.id, o.number, c.code, s.code, o.order_date, "
                                          "o.currency FROM sales_orders o "
                                          "JOIN companies c ON c.id = o.company_id "
                                          "JOIN sites s ON s.id = o.site_id "
                                          "ORDER BY o.order_date, o.number", error)))
    return NULL;

  while ((rc = sqlite3_step (orders_stmt)) == SQLITE_ROW)
    {
      SpSalesOrder *order = g_object_new (SP_TYPE_SALES_ORDER,
                                          "id", _sp_db_column_text (orders_stmt, 0),
                                          "number", _sp_db_column_text (orders_stmt, 1),
                                          "company-code", _sp_db_column_text (orders_stmt, 2),
                                          "site-code", _sp_db_column_text (orders_stmt, 3),
                                          "order-date", _sp_db_column_text (orders_stmt, 4),
                                          "currency", _sp_db_column_text (orders_stmt, 5),
                                          NULL);

      g_ptr_array_add (orders, order);
      g_hash_table_insert (by_id, (gpointer)sp_sales_order_get_id (order), order);
    }
  if (rc != SQLITE_DONE)
    {
      _sp_db_set_error (db, rc, error);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (!(lines_stmt = _sp_db_prepare (db, "SELECT l.order_id, l.id, l.line_no, p.sku, l.quantity, "
                                         "l.unit_price FROM sales_order_lines l "
                                         "JOIN products p ON p.id = l.product_id "
                                         "ORDER BY l.order_id, l.line_no", error)))
    return NULL;

  while ((rc = sqlite3_step (lines_stmt)) == SQLITE_ROW)
    {
      SpSalesOrder *order = g_hash_table_lookup (by_id, _sp_db_column_text (lines_stmt, 0));
      g_autoptr(SpOrderLine) line = NULL;

      if (order == NULL)
        continue;

      line = g_object_new (SP_TYPE_ORDER_LINE, "id", _sp_db_column_text (lines_stmt, 1), NULL);
      sp_order_line_set_line_no (line, sqlite3_column_int64 (lines_stmt, 2));
      sp_order_line_set_sku (line, _sp_db_column_text (lines_stmt, 3));
      sp_order_line_set_quantity (line, sqlite3_column_int64 (lines_stmt, 4));
      sp_order_line_set_unit_price (line, sqlite3_column_int64 (lines_stmt, 5));
      sp_sales_order_add_line (order, line);
    }
  if (rc != SQLITE_DONE)
    {
      _sp_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&orders);
}

static gboolean
write_order (sqlite3  *db,
             gpointer  object,
             GError  **error)
{
  SpSalesOrder *order = object;
  GListModel *lines = sp_sales_order_get_lines (order);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) delete_lines = NULL;
  g_autoptr(sqlite3_stmt) insert_line = NULL;

  if (!sp_sales_order_validate (order, error) ||
      !(stmt = _sp_db_prepare (db, "INSERT INTO sales_orders (id, number, company_id, site_id, "
                                   "order_date, currency) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                                   "ON CONFLICT (id) DO UPDATE SET number = ?2, company_id = ?3, "
                                   "site_id = ?4, order_date = ?5, currency = ?6", error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, sp_sales_order_get_id (order));
  _sp_db_bind_text (stmt, 2, sp_sales_order_get_number (order));
  _sp_db_bind_text (stmt, 5, sp_sales_order_get_order_date (order));
  _sp_db_bind_text (stmt, 6, sp_sales_order_get_currency (order));

  if (!_sp_db_bind_reference (db, stmt, 3, "SELECT id FROM companies WHERE code = ?",
                              "company-code",
                              sp_sales_order_get_company_code (order), error) ||
      !_sp_db_bind_reference (db, stmt, 4, "SELECT id FROM sites WHERE code = ?", "site-code",
                              sp_sales_order_get_site_code (order), error) ||
      !_sp_db_step_done (db, stmt, error))
    return FALSE;

  if (!(delete_lines = _sp_db_prepare (db, "DELETE FROM sales_order_lines WHERE order_id = ?",
                                       error)))
    return FALSE;
  _sp_db_bind_text (delete_lines, 1, sp_sales_order_get_id (order));
  if (!_sp_db_step_done (db, delete_lines, error))
    return FALSE;

  if (!(insert_line = _sp_db_prepare (db, "INSERT INTO sales_order_lines (id, order_id, line_no, "
                                          "product_id, quantity, unit_price) VALUES (?1, ?2, ?3, "
                                          "?4, ?5, ?6)",
                                      error)))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(SpOrderLine) line = g_list_model_get_item (lines, i);

      sqlite3_reset (insert_line);
      _sp_db_bind_text (insert_line, 1, sp_order_line_get_id (line));
      _sp_db_bind_text (insert_line, 2, sp_sales_order_get_id (order));
      sqlite3_bind_int64 (insert_line, 3, sp_order_line_get_line_no (line));
      sqlite3_bind_int64 (insert_line, 5, sp_order_line_get_quantity (line));
      sqlite3_bind_int64 (insert_line, 6, sp_order_line_get_unit_price (line));

      if (!_sp_db_bind_reference (db, insert_line, 4, "SELECT id FROM products WHERE sku = ?",
                                  "sku",
                                  sp_order_line_get_sku (line), error) ||
          !_sp_db_step_done (db, insert_line, error))
        {
          g_prefix_error (error, "%s: line %" G_GINT64_FORMAT ": ",
                          sp_sales_order_get_number (order),
                          sp_order_line_get_line_no (line));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_orders (sqlite3  *db,
              gpointer  object,
              GError  **error)
{
  GPtrArray *orders = object;

  for (guint i = 0; i < orders->len; i++)
    {
      SpSalesOrder *order = g_ptr_array_index (orders, i);

      if (!write_order (db, order, error))
        return FALSE;
      /* The first order's row is written by _sp_store_write(). */
      if (i > 0 && !_sp_db_append_outbox (db, "sales_order", sp_sales_order_get_id (order),
                                          "saved", NULL, error))
        return FALSE;
    }

  return TRUE;
}

static void
sp_order_repository_finalize (GObject *object)
{
  SpOrderRepository *self = (SpOrderRepository *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (sp_order_repository_parent_class)->finalize (object);
}

static void
sp_order_repository_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SpOrderRepository *self = SP_ORDER_REPOSITORY (object);

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
sp_order_repository_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SpOrderRepository *self = SP_ORDER_REPOSITORY (object);

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
sp_order_repository_class_init (SpOrderRepositoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_order_repository_finalize;
  object_class->get_property = sp_order_repository_get_property;
  object_class->set_property = sp_order_repository_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_order_repository_init (SpOrderRepository *self)
{
}

SpOrderRepository *
sp_order_repository_new (SpStore *store)
{
  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  return g_object_new (SP_TYPE_ORDER_REPOSITORY, "store", store, NULL);
}

/**
 * sp_order_repository_load_orders:
 * @self: a #SpOrderRepository
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type SpSalesOrder): every order with
 *   its lines, by date and number, or %NULL with @error set
 */
GPtrArray *
sp_order_repository_load_orders (SpOrderRepository  *self,
                                 GCancellable       *cancellable,
                                 GError            **error)
{
  g_return_val_if_fail (SP_IS_ORDER_REPOSITORY (self), NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return _sp_store_run_sync (self->store, load_orders_work, NULL, error);
}

void
sp_order_repository_load_orders_async (SpOrderRepository   *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (SP_IS_ORDER_REPOSITORY (self));

  _sp_store_run_async (self->store, self, sp_order_repository_load_orders_async, load_orders_work,
                       NULL, NULL, (GDestroyNotify)g_ptr_array_unref,
                       cancellable, callback, user_data);
}

/* Returns: (transfer full) (element-type SpSalesOrder): the orders */
GPtrArray *
sp_order_repository_load_orders_finish (SpOrderRepository  *self,
                                        GAsyncResult       *result,
                                        GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sp_order_repository_save_order:
 * @self: a #SpOrderRepository
 * @order: an order with its lines
 * @error: return location for a #GError
 *
 * Stores @order and replaces its lines. Company, site and SKUs must exist
 * (%SP_STORE_ERROR_NOT_FOUND naming the line otherwise).
 *
 * Returns: %TRUE on success
 */
gboolean
sp_order_repository_save_order (SpOrderRepository  *self,
                                SpSalesOrder       *order,
                                GError            **error)
{
  g_return_val_if_fail (SP_IS_ORDER_REPOSITORY (self), FALSE);
  g_return_val_if_fail (SP_IS_SALES_ORDER (order), FALSE);

  return _sp_store_write (self->store, write_order, order, "sales_order",
                          sp_sales_order_get_id (order), "saved", error);
}

/**
 * sp_order_repository_save_orders:
 * @self: a #SpOrderRepository
 * @orders: (element-type SpSalesOrder): orders with their lines
 * @error: return location for a #GError
 *
 * Stores all of @orders in one transaction: all or none.
 *
 * Returns: %TRUE on success
 */
gboolean
sp_order_repository_save_orders (SpOrderRepository  *self,
                                 GPtrArray          *orders,
                                 GError            **error)
{
  g_return_val_if_fail (SP_IS_ORDER_REPOSITORY (self), FALSE);
  g_return_val_if_fail (orders != NULL, FALSE);

  if (orders->len == 0)
    return TRUE;

  return _sp_store_write (self->store, write_orders, orders, "sales_order",
                          sp_sales_order_get_id (g_ptr_array_index (orders, 0)), "saved", error);
}
