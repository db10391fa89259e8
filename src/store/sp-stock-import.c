/* sp-stock-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-import-private.h"
#include "sp-stock-import.h"
#include "sp-store-private.h"

static const char upsert_sql[] =
  "INSERT INTO product_stock (product_id, site_id, stock_on_hand, avg_daily_sales) "
  "VALUES (?1, ?2, ?3, COALESCE (?4, 0)) "
  "ON CONFLICT (product_id, site_id) DO UPDATE SET "
  "  stock_on_hand = excluded.stock_on_hand, "
  "  avg_daily_sales = COALESCE (?4, avg_daily_sales) "
  "WHERE stock_on_hand IS NOT excluded.stock_on_hand "
  "   OR avg_daily_sales IS NOT COALESCE (?4, avg_daily_sales)";

/* The product's figures are the sums over its sites. */
static const char totals_sql[] =
  "UPDATE products SET "
  "  stock_on_hand = (SELECT SUM (stock_on_hand) FROM product_stock WHERE product_id = ?1), "
  "  avg_daily_sales = (SELECT SUM (avg_daily_sales) FROM product_stock WHERE product_id = ?1), "
  "  version = version + 1 "
  "WHERE id = ?1";

typedef struct
{
  sqlite3        *db;
  SpImportReport *report;        /* borrowed */
  sqlite3_stmt   *upsert;
  sqlite3_stmt   *totals;
  sqlite3_stmt   *find_product;
  sqlite3_stmt   *find_site;
  sqlite3_stmt   *insert_site;
  sqlite3_stmt   *find_stock;
  GHashTable     *sites;         /* code → id, both owned */
  SpImportIds     ids;
  SpImportSeen    seen;
} StockWriter;

static void
stock_writer_free (gpointer data)
{
  StockWriter *self = data;

  g_clear_pointer (&self->upsert, sqlite3_finalize);
  g_clear_pointer (&self->totals, sqlite3_finalize);
  g_clear_pointer (&self->find_product, sqlite3_finalize);
  g_clear_pointer (&self->find_site, sqlite3_finalize);
  g_clear_pointer (&self->insert_site, sqlite3_finalize);
  g_clear_pointer (&self->find_stock, sqlite3_finalize);
  g_clear_pointer (&self->sites, g_hash_table_unref);
  _sp_import_seen_clear (&self->seen);
  g_free (self);
}

static gpointer
stock_writer_begin (sqlite3         *db,
                    SpImportReport  *report,
                    GError         **error)
{
  StockWriter *self = g_new0 (StockWriter, 1);

  self->db = db;
  self->report = report;
  self->sites = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  _sp_import_ids_init (&self->ids);
  _sp_import_seen_init (&self->seen);

  if (!(self->upsert = _sp_db_prepare (db, upsert_sql, error)) ||
      !(self->totals = _sp_db_prepare (db, totals_sql, error)) ||
      !(self->find_product = _sp_db_prepare (db, "SELECT id FROM products WHERE sku = ?", error)) ||
      !(self->find_site = _sp_db_prepare (db, "SELECT id FROM sites WHERE code = ?", error)) ||
      !(self->insert_site = _sp_db_prepare (db, "INSERT INTO sites (id, code, name) VALUES (?, ?, ?)",
                                            error)) ||
      !(self->find_stock = _sp_db_prepare (db,
                                           "SELECT 1 FROM product_stock "
                                           "WHERE product_id = ? AND site_id = ?", error)))
    {
      stock_writer_free (self);
      return NULL;
    }

  return self;
}

static gboolean
step_done (StockWriter   *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _sp_db_set_error (self->db, rc, error);

  return TRUE;
}

/* Runs @stmt, which selects one text column; @text is NULL when no row. */
static gboolean
select_text (StockWriter   *self,
             sqlite3_stmt  *stmt,
             char         **text,
             GError       **error)
{
  int rc = sqlite3_step (stmt);

  *text = rc == SQLITE_ROW ? g_strdup ((const char *)sqlite3_column_text (stmt, 0)) : NULL;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _sp_db_set_error (self->db, rc, error);

  return TRUE;
}

/* An unknown site code creates the site, named by its code: stock files
 * come from ERPs that know their warehouses before we do. The report
 * counts them. */
static const char *
ensure_site (StockWriter  *self,
             const char   *code,
             GError      **error)
{
  const char *id = g_hash_table_lookup (self->sites, code);
  char *found = NULL;
  char new_id[37];

  if (id != NULL)
    return id;

  sqlite3_bind_text (self->find_site, 1, code, -1, SQLITE_STATIC);
  if (!select_text (self, self->find_site, &found, error))
    return NULL;

  if (found == NULL)
    {
      _sp_import_ids_next (&self->ids, new_id);
      sqlite3_bind_text (self->insert_site, 1, new_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (self->insert_site, 2, code, -1, SQLITE_STATIC);
      sqlite3_bind_text (self->insert_site, 3, code, -1, SQLITE_STATIC);
      if (!step_done (self, self->insert_site, error))
        return NULL;
      self->report->sites_created++;
      found = g_strdup (new_id);
    }

  g_hash_table_insert (self->sites, g_strdup (code), found);
  return found;
}

static gboolean
stock_writer_write (SpImportParser        *parser,
                    const SpImportRecord  *record,
                    gpointer               user_data,
                    GError               **error)
{
  StockWriter *self = user_data;
  g_autofree char *product_id = NULL;
  const char *site_id;
  gboolean existed;
  int rc;

  sqlite3_bind_text (self->find_product, 1, record->sku, -1, SQLITE_STATIC);
  if (!select_text (self, self->find_product, &product_id, error))
    return FALSE;
  if (product_id == NULL)
    {
      _sp_import_parser_reject (parser, record, "sku",
                                /* Translators: %s is a SKU */
                                _("no product “%s” in the catalog"), record->sku);
      return TRUE;
    }

  if (!(site_id = ensure_site (self, record->site, error)))
    return FALSE;

  sqlite3_bind_text (self->find_stock, 1, product_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->find_stock, 2, site_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (self->find_stock);
  sqlite3_reset (self->find_stock);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _sp_db_set_error (self->db, rc, error);
  existed = rc == SQLITE_ROW;

  /* A pair written earlier by this file (the set says maybe, the row
   * confirms it) is a repeated row. */
  if (!_sp_import_seen_add (&self->seen, record->sku, record->site) && existed)
    {
      _sp_import_parser_reject (parser, record, "site",
                                /* Translators: %1$s is a SKU, %2$s a site code */
                                _("“%1$s” at site “%2$s” appears more than once in the file"),
                                record->sku, record->site);
      return TRUE;
    }

  sqlite3_bind_text (self->upsert, 1, product_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->upsert, 2, site_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (self->upsert, 3, record->stock_on_hand);
  if (record->has_avg_daily_sales)
    sqlite3_bind_int64 (self->upsert, 4, record->avg_daily_sales);
  else
    sqlite3_bind_null (self->upsert, 4);
  if (!step_done (self, self->upsert, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    return TRUE;
  if (existed)
    self->report->updated++;
  else
    self->report->inserted++;

  sqlite3_bind_text (self->totals, 1, product_id, -1, SQLITE_STATIC);
  return step_done (self, self->totals, error);
}

static const SpImportWriterClass stock_writer_class = {
  SP_IMPORT_KIND_STOCK,
  "stock.imported",
  stock_writer_begin,
  stock_writer_write,
  NULL,
  stock_writer_free,
};

/**
 * sp_stock_import_file:
 * @store: the workspace
 * @path: a CSV or JSON file with sku, site, stock_on_hand, avg_daily_sales
 * @options: (nullable): how to import; %NULL for the defaults
 * @report_out: (out) (optional) (transfer full): what happened, also on failure
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Imports stock per site in one transaction: upsert of product_stock by
 * (SKU, site), then the product's stock_on_hand and avg_daily_sales become
 * the sums over its sites. An unknown SKU is an invalid row; an unknown
 * site code creates the site (named by its code).
 *
 * Returns: %TRUE when the rows were stored
 */
gboolean
sp_stock_import_file (SpStore                *store,
                      const char             *path,
                      const SpImportOptions  *options,
                      SpImportReport        **report_out,
                      GCancellable           *cancellable,
                      GError                **error)
{
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (report_out != NULL)
    *report_out = NULL;
  if (!(db = _sp_store_get_db (store, error)))
    return FALSE;

  return _sp_import_run (db, &stock_writer_class, path, NULL, NULL, options, report_out,
                         cancellable, error);
}

/**
 * sp_stock_import_bytes:
 * @name: what to call the input in messages ("stock.csv")
 *
 * Like sp_stock_import_file(), on data in memory.
 */
gboolean
sp_stock_import_bytes (SpStore                *store,
                       const char             *name,
                       GBytes                 *bytes,
                       const SpImportOptions  *options,
                       SpImportReport        **report_out,
                       GCancellable           *cancellable,
                       GError                **error)
{
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if (report_out != NULL)
    *report_out = NULL;
  if (!(db = _sp_store_get_db (store, error)))
    return FALSE;

  return _sp_import_run (db, &stock_writer_class, NULL, bytes, name, options, report_out,
                         cancellable, error);
}

void
sp_stock_import_file_async (SpStore               *store,
                            const char            *path,
                            const SpImportOptions *options,
                            GCancellable          *cancellable,
                            GAsyncReadyCallback    callback,
                            gpointer               user_data)
{
  g_return_if_fail (SP_IS_STORE (store));
  g_return_if_fail (path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  _sp_import_run_async (&stock_writer_class, store, sp_stock_import_file_async,
                        sp_store_get_path (store), path, options, cancellable, callback,
                        user_data);
}

gboolean
sp_stock_import_file_finish (SpStore         *store,
                             GAsyncResult    *result,
                             SpImportReport **report_out,
                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sp_stock_import_file_async,
                        FALSE);

  return _sp_import_run_finish (result, report_out, error);
}
