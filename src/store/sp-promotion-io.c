/* sp-promotion-io.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-db-private.h"
#include "sp-promotion-db-private.h"
#include "sp-promotion-io.h"

SpPromotionRecord *
sp_promotion_record_new (void)
{
  return g_new0 (SpPromotionRecord, 1);
}

void
sp_promotion_record_free (SpPromotionRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->number);
  g_free (record->name);
  g_free (record->description);
  g_free (record->start_date);
  g_free (record->end_date);
  g_free (record->stacking);
  g_free (record->definition);
  g_free (record);
}

void
sp_promotion_io_orders_free (SpPromotionIoOrders *orders)
{
  if (orders == NULL)
    return;

  g_clear_pointer (&orders->categories, g_ptr_array_unref);
  g_clear_pointer (&orders->products, g_ptr_array_unref);
  g_clear_pointer (&orders->orders, g_ptr_array_unref);
  g_clear_pointer (&orders->lines, g_ptr_array_unref);
  g_free (orders);
}

static gboolean
number_exists (sqlite3     *db,
               const char  *number,
               gboolean    *out_exists,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _sp_db_prepare (db, "SELECT 1 FROM promotions WHERE number = ?1", error)))
    return FALSE;
  _sp_db_bind_text (stmt, 1, number);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _sp_db_set_error (db, rc, error);

  *out_exists = rc == SQLITE_ROW;
  return TRUE;
}

/**
 * sp_promotion_io_reserve_numbers:
 * @db_path: the workspace database
 * @n: how many numbers
 * @error: return location for a #GError
 *
 * Finds @n promotion numbers ("PROMO00001", …) not used yet, for promotions
 * saved without one. Numbers are never reused or changed once saved.
 *
 * Returns: (transfer full): %NULL-terminated numbers, or %NULL with @error set
 */
char **
sp_promotion_io_reserve_numbers (const char  *db_path,
                                 guint        n,
                                 GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (db_path != NULL, NULL);

  if (!(db = _sp_db_open (db_path, error)))
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      char *number = _sp_promotion_db_next_number (db, i, error);

      if (number == NULL)
        return NULL;
      g_ptr_array_add (numbers, number);
    }

  g_ptr_array_add (numbers, NULL);
  return (char **)g_ptr_array_free (g_steal_pointer (&numbers), FALSE);
}

static gboolean
save_one (sqlite3            *db,
          SpPromotionRecord  *record,
          gboolean           *out_created,
          GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *id = NULL;
  gboolean exists = FALSE;

  if (!number_exists (db, record->number, &exists, error))
    return FALSE;

  if (exists)
    {
      /* Same number, same promotion: its content changes, its number never. */
      if (!(stmt = _sp_db_prepare (db,
                                   "UPDATE promotions SET name = ?2, description = ?3, start_date = ?4, "
                                   "end_date = ?5, stacking = ?6, definition = ?7, version = version + 1 "
                                   "WHERE number = ?1 RETURNING id", error)))
        return FALSE;
    }
  else
    {
      id = g_uuid_string_random ();
      if (!(stmt = _sp_db_prepare (db,
                                   "INSERT INTO promotions (id, number, name, description, start_date, "
                                   "end_date, stacking, definition) VALUES (?8, ?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                                   "RETURNING id", error)))
        return FALSE;
      _sp_db_bind_text (stmt, 8, id);
    }

  _sp_db_bind_text (stmt, 1, record->number);
  _sp_db_bind_text (stmt, 2, record->name);
  _sp_db_bind_text (stmt, 3, record->description);
  _sp_db_bind_text (stmt, 4, record->start_date);
  _sp_db_bind_text (stmt, 5, record->end_date);
  _sp_db_bind_text (stmt, 6, record->stacking);
  _sp_db_bind_text (stmt, 7, record->definition);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _sp_db_set_error (db, sqlite3_errcode (db), error);
  g_free (id);
  id = g_strdup (_sp_db_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  *out_created = !exists;
  return _sp_db_append_outbox (db, "promotion", id, exists ? "updated" : "created", record->definition, error);
}

/**
 * sp_promotion_io_save:
 * @db_path: the workspace database
 * @records: (element-type SpPromotionRecord): promotions, each with a number
 * @out_created: (out) (optional): how many were new
 * @out_updated: (out) (optional): how many replaced a saved one
 * @error: return location for a #GError
 *
 * Saves all @records in one transaction, with an outbox entry each; on
 * failure nothing is saved.
 *
 * Returns: %TRUE on success
 */
gboolean
sp_promotion_io_save (const char  *db_path,
                      GPtrArray   *records,
                      guint       *out_created,
                      guint       *out_updated,
                      GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  guint created = 0;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  if (!(db = _sp_db_open (db_path, error)) || !_sp_db_begin (db, error))
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    {
      SpPromotionRecord *record = g_ptr_array_index (records, i);
      gboolean was_created = FALSE;

      g_return_val_if_fail (record->number != NULL && record->number[0] != '\0', FALSE);

      if (!save_one (db, record, &was_created, error))
        {
          _sp_db_rollback (db);
          return FALSE;
        }
      created += was_created;
    }

  if (!_sp_db_commit (db, error))
    {
      _sp_db_rollback (db);
      return FALSE;
    }

  if (out_created != NULL)
    *out_created = created;
  if (out_updated != NULL)
    *out_updated = records->len - created;
  return TRUE;
}

/**
 * sp_promotion_io_load:
 * @db_path: the workspace database
 * @number: (nullable): one promotion, or %NULL for all
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type SpPromotionRecord): the promotions
 *   in number order, or %NULL with @error set (%SP_STORE_ERROR_NOT_FOUND
 *   when @number is not saved)
 */
GPtrArray *
sp_promotion_io_load (const char  *db_path,
                      const char  *number,
                      GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_promotion_record_free);
  int rc;

  g_return_val_if_fail (db_path != NULL, NULL);

  if (!(db = _sp_db_open (db_path, error)) ||
      !(stmt = _sp_db_prepare (db,
                               "SELECT number, name, description, start_date, end_date, stacking, definition "
                               "FROM promotions WHERE ?1 IS NULL OR number = ?1 ORDER BY number", error)))
    return NULL;
  _sp_db_bind_text_or_null (stmt, 1, number);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpPromotionRecord *record = sp_promotion_record_new ();

      record->number = g_strdup (_sp_db_column_text (stmt, 0));
      record->name = g_strdup (_sp_db_column_text (stmt, 1));
      record->description = g_strdup (_sp_db_column_text (stmt, 2));
      record->start_date = g_strdup (_sp_db_column_text (stmt, 3));
      record->end_date = g_strdup (_sp_db_column_text (stmt, 4));
      record->stacking = g_strdup (_sp_db_column_text (stmt, 5));
      record->definition = g_strdup (_sp_db_column_text (stmt, 6));
      g_ptr_array_add (records, record);
    }

  if (rc != SQLITE_DONE)
    {
      _sp_db_set_error (db, rc, error);
      return NULL;
    }

  if (number != NULL && records->len == 0)
    {
      /* Translators: %s is a promotion number */
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND, _("No promotion “%s”"), number);
      return NULL;
    }

  return g_steal_pointer (&records);
}

static GPtrArray *
read_rows (sqlite3     *db,
           const char  *sql,
           guint        n_columns,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  int rc;

  if (!(stmt = _sp_db_prepare (db, sql, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **row = g_new0 (char *, n_columns + 1);

      for (guint i = 0; i < n_columns; i++)
        {
          const char *text = _sp_db_column_text (stmt, i);

          row[i] = g_strdup (text != NULL ? text : "");
        }
      g_ptr_array_add (rows, row);
    }

  if (rc != SQLITE_DONE)
    {
      _sp_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/**
 * sp_promotion_io_load_orders_rows:
 * @db_path: the workspace database
 * @error: return location for a #GError
 *
 * Reads the catalog and the sales orders with their lines. Categories are
 * named by their path ("Tools/Power Tools/Drills"), which is what rules and
 * benefits on item_category name in the workspace. The customer is
 * the company code, its country and city are the billing and shipping ones,
 * and the site code stands for the business unit.
 *
 * Returns: (transfer full): the rows, or %NULL with @error set
 */
SpPromotionIoOrders *
sp_promotion_io_load_orders_rows (const char  *db_path,
                                  GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(SpPromotionIoOrders) orders = g_new0 (SpPromotionIoOrders, 1);

  g_return_val_if_fail (db_path != NULL, NULL);

  if (!(db = _sp_db_open (db_path, error)) ||
      !(orders->categories = read_rows (db,
                                        "SELECT c.path, p.path FROM categories c "
                                        "LEFT JOIN categories p ON p.id = c.parent_id ORDER BY c.path", 2, error)) ||
      !(orders->products = read_rows (db,
                                      "SELECT p.sku, c.path, p.uom, p.list_price FROM products p "
                                      "LEFT JOIN categories c ON c.id = p.category_id ORDER BY p.sku", 4, error)) ||
      !(orders->orders = read_rows (db,
                                    "SELECT o.number, o.order_date, c.code, c.country, c.city, o.currency, s.code "
                                    "FROM sales_orders o JOIN companies c ON c.id = o.company_id "
                                    "JOIN sites s ON s.id = o.site_id ORDER BY o.order_date, o.number",
                                    7, error)) ||
      !(orders->lines = read_rows (db,
                                   "SELECT o.number, p.sku, l.quantity FROM sales_order_lines l "
                                   "JOIN sales_orders o ON o.id = l.order_id "
                                   "JOIN products p ON p.id = l.product_id "
                                   "ORDER BY o.order_date, o.number, l.line_no", 3, error)))
    return NULL;

  return g_steal_pointer (&orders);
}
