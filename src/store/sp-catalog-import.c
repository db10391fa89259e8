/* sp-catalog-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-catalog-import.h"
#include "sp-import-private.h"
#include "sp-store-private.h"

/* A row that changes nothing is left alone: its version stays, so sync
 * does not push it again. Parameters not given (NULL) keep the stored value. */
static const char upsert_sql[] =
  "INSERT INTO products (id, sku, name, category_id, uom, list_price, cost, currency, "
  "                      stock_on_hand, avg_daily_sales, extra_json) "
  "VALUES (?1, ?2, ?3, ?4, COALESCE (?5, 'Each'), ?6, ?7, ?8, COALESCE (?9, 0), "
  "        COALESCE (?10, 0), ?11) "
  "ON CONFLICT (sku) DO UPDATE SET "
  "  name = excluded.name, "
  "  category_id = CASE WHEN ?12 THEN excluded.category_id ELSE category_id END, "
  "  uom = COALESCE (?5, uom), "
  "  list_price = excluded.list_price, cost = excluded.cost, currency = excluded.currency, "
  "  stock_on_hand = COALESCE (?9, stock_on_hand), "
  "  avg_daily_sales = COALESCE (?10, avg_daily_sales), "
  "  extra_json = COALESCE (?11, extra_json), "
  "  version = version + 1 "
  "WHERE name IS NOT excluded.name "
  "   OR (?12 AND category_id IS NOT excluded.category_id) "
  "   OR uom IS NOT COALESCE (?5, uom) "
  "   OR list_price IS NOT excluded.list_price OR cost IS NOT excluded.cost "
  "   OR currency IS NOT excluded.currency "
  "   OR stock_on_hand IS NOT COALESCE (?9, stock_on_hand) "
  "   OR avg_daily_sales IS NOT COALESCE (?10, avg_daily_sales) "
  "   OR extra_json IS NOT COALESCE (?11, extra_json)";

/* A first load into an empty catalog: every row that gets here is new (a
 * SKU twice in the file is rejected before), so a plain insert does what the
 * upsert would, without its conflict handling. The rows go in INSERT_ROWS at
 * a time, in one statement: SQLite then keeps its cursors on the table and
 * the unique indexes from one row to the next (the keys come in order, so
 * each insert lands next to the previous one) instead of searching each
 * B-tree from the root for every row. */
#define INSERT_COLUMNS 11
#define INSERT_ROWS    256
/* The defaults of the upsert (uom 'Each', no stock, no sales) are bound
 * by bind_pending() rather than computed per row. */
#define INSERT_VALUES "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define INSERT_HEAD \
  "INSERT INTO products (id, sku, name, category_id, uom, list_price, cost, currency, " \
  "                      stock_on_hand, avg_daily_sales, extra_json) VALUES "

/* A row waiting for its batch: the text lives in CatalogWriter.pending_text
 * (offsets, since the array may move as it grows). */
typedef struct
{
  gsize offset;                    /* G_MAXSIZE for none */
  int   length;
} PendingText;

typedef struct
{
  guint        line;               /* where the row comes from, for a repeated SKU */
  int          index;
  char         id[37];
  const char  *category_id;        /* owned by CatalogWriter.categories */
  int          category_id_length;
  PendingText  sku;
  PendingText  name;
  PendingText  uom;
  PendingText  extra_json;
  gint64       list_price;
  gint64       cost;
  char         currency[4];
  gboolean     has_stock_on_hand;
  gint64       stock_on_hand;
  gboolean     has_avg_daily_sales;
  gint64       avg_daily_sales;
} PendingRow;

typedef struct
{
  sqlite3        *db;
  SpImportReport *report;          /* borrowed */
  SpImportParser *parser;          /* borrowed; the rows' parser, there until end () returns */
  sqlite3_stmt   *upsert;
  sqlite3_stmt   *find_product;
  sqlite3_stmt   *find_category;
  sqlite3_stmt   *insert_category;
  GHashTable     *categories;      /* path → id, both owned */
  GPtrArray      *slot_ids;        /* SpImportRecord.category_slot → id (in @categories) */
  GPtrArray      *deferred_indexes; /* owned; CREATE INDEX statements to run at the end */
  SpImportIds     ids;
  SpImportSeen    seen;
  gboolean        first_load;      /* the catalog was empty at the start */
  sqlite3_stmt   *insert_one;      /* first load: one row */
  sqlite3_stmt   *insert_many;     /* first load: INSERT_ROWS rows */
  PendingRow      pending[INSERT_ROWS];
  guint           n_pending;
  GByteArray     *pending_text;
} CatalogWriter;

static void
catalog_writer_free (gpointer data)
{
  CatalogWriter *self = data;

  g_clear_pointer (&self->upsert, sqlite3_finalize);
  g_clear_pointer (&self->find_product, sqlite3_finalize);
  g_clear_pointer (&self->find_category, sqlite3_finalize);
  g_clear_pointer (&self->insert_category, sqlite3_finalize);
  g_clear_pointer (&self->insert_one, sqlite3_finalize);
  g_clear_pointer (&self->insert_many, sqlite3_finalize);
  g_clear_pointer (&self->pending_text, g_byte_array_unref);
  g_clear_pointer (&self->slot_ids, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_hash_table_unref);
  g_clear_pointer (&self->deferred_indexes, g_ptr_array_unref);
  _sp_import_seen_clear (&self->seen);
  g_free (self);
}

/* A first load into an empty catalog drops the secondary (non-unique)
 * indexes of products and builds them again after the last row, in the same
 * transaction: one sort instead of a million inserts at random places. A
 * failed import rolls the drop back with everything else. The unique
 * indexes stay, the upsert needs them. */
static gboolean
defer_indexes (CatalogWriter  *self,
               GError        **error)
{
  g_autoptr(sqlite3_stmt) empty = NULL;
  g_autoptr(sqlite3_stmt) indexes = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (!(empty = _sp_db_prepare (self->db, "SELECT 1 FROM products LIMIT 1", error)))
    return FALSE;
  if ((rc = sqlite3_step (empty)) == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return _sp_db_set_error (self->db, rc, error);

  self->first_load = TRUE;
  if (!(indexes = _sp_db_prepare (self->db,
                                  "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                  "AND tbl_name = 'products' AND sql IS NOT NULL "
                                  "AND sql NOT LIKE 'CREATE UNIQUE%'", error)))
    return FALSE;
  while ((rc = sqlite3_step (indexes)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *)sqlite3_column_text (indexes, 0)));
      g_ptr_array_add (self->deferred_indexes,
                       g_strdup ((const char *)sqlite3_column_text (indexes, 1)));
    }
  if (rc != SQLITE_DONE)
    return _sp_db_set_error (self->db, rc, error);

  for (guint i = 0; i < names->len; i++)
    {
      /* The name comes from the schema itself; %w quotes it as an identifier. */
      char *sql = sqlite3_mprintf ("DROP INDEX \"%w\"", (const char *)names->pdata[i]);
      gboolean ok = _sp_db_exec (self->db, sql, error);

      sqlite3_free (sql);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static gboolean flush_pending (CatalogWriter  *self,
                               GError        **error);

static gboolean
catalog_writer_end (gpointer   data,
                    GError   **error)
{
  CatalogWriter *self = data;

  if (!flush_pending (self, error))
    return FALSE;

  /* No rows come any more; the index sort needs the memory more. */
  _sp_import_seen_clear (&self->seen);

  /* The parsing thread is done: SQLite's sorter may use a second core for
   * the index sort (each sorting thread takes up to cache_size of memory).
   * 0 is SQLite's default. */
  if (!_sp_db_exec (self->db, "PRAGMA threads = 1", error))
    return FALSE;
  for (guint i = 0; i < self->deferred_indexes->len; i++)
    if (!_sp_db_exec (self->db, self->deferred_indexes->pdata[i], error))
      {
        _sp_db_exec (self->db, "PRAGMA threads = 0", NULL);
        return FALSE;
      }

  return _sp_db_exec (self->db, "PRAGMA threads = 0", error);
}

static gpointer
catalog_writer_begin (sqlite3         *db,
                      SpImportReport  *report,
                      GError         **error)
{
  CatalogWriter *self = g_new0 (CatalogWriter, 1);

  self->db = db;
  self->report = report;
  self->categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->slot_ids = g_ptr_array_new ();
  self->deferred_indexes = g_ptr_array_new_with_free_func (g_free);
  _sp_import_ids_init (&self->ids);
  _sp_import_seen_init (&self->seen);

  if (!defer_indexes (self, error) ||
      !(self->upsert = _sp_db_prepare (db, upsert_sql, error)) ||
      !(self->find_product = _sp_db_prepare (db, "SELECT 1 FROM products WHERE sku = ?", error)) ||
      !(self->find_category = _sp_db_prepare (db, "SELECT id FROM categories WHERE path = ?",
                                              error)) ||
      !(self->insert_category = _sp_db_prepare (db,
                                                "INSERT INTO categories (id, parent_id, name, path) "
                                                "VALUES (?, ?, ?, ?)", error)))
    {
      catalog_writer_free (self);
      return NULL;
    }

  if (self->first_load)
    {
      g_autoptr(GString) sql = g_string_new (INSERT_HEAD);

      for (guint i = 0; i < INSERT_ROWS; i++)
        g_string_append (sql, i == 0 ? INSERT_VALUES : ", " INSERT_VALUES);
      self->pending_text = g_byte_array_sized_new (INSERT_ROWS * 128);
      if (!(self->insert_one = _sp_db_prepare (db, INSERT_HEAD INSERT_VALUES, error)) ||
          !(self->insert_many = _sp_db_prepare (db, sql->str, error)))
        {
          catalog_writer_free (self);
          return NULL;
        }
    }

  return self;
}

static gboolean
step_done (CatalogWriter  *self,
           sqlite3_stmt   *stmt,
           GError        **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _sp_db_set_error (self->db, rc, error);

  return TRUE;
}

static PendingText
pending_copy (CatalogWriter *self,
              const char    *text)
{
  PendingText copy = { G_MAXSIZE, 0 };
  gsize length;

  if (text == NULL)
    return copy;

  length = strlen (text);
  copy.offset = self->pending_text->len;
  /* -1: SQLite finds the end itself (text longer than an int can say). */
  copy.length = length <= G_MAXINT ? (int)length : -1;
  g_byte_array_append (self->pending_text, (const guint8 *)text, length + 1);
  return copy;
}

/* Binds @text, with its length: SQLite need not measure it again. */
static void
bind_pending_text (CatalogWriter     *self,
                   sqlite3_stmt      *stmt,
                   int                index,
                   const PendingText *text)
{
  if (text->offset != G_MAXSIZE)
    sqlite3_bind_text (stmt, index, (const char *)self->pending_text->data + text->offset,
                       text->length, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_optional_int (sqlite3_stmt *stmt,
                   int           index,
                   gboolean      given,
                   gint64        value)
{
  if (given)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

/* Binds @row as the columns from @first on of the insert @stmt. */
static void
bind_pending (CatalogWriter    *self,
              sqlite3_stmt     *stmt,
              int               first,
              const PendingRow *row)
{
  sqlite3_bind_text (stmt, first, row->id, 36, SQLITE_STATIC);
  bind_pending_text (self, stmt, first + 1, &row->sku);
  bind_pending_text (self, stmt, first + 2, &row->name);
  sqlite3_bind_text (stmt, first + 3, row->category_id, row->category_id_length, SQLITE_STATIC);
  if (row->uom.offset != G_MAXSIZE)
    bind_pending_text (self, stmt, first + 4, &row->uom);
  else
    sqlite3_bind_text (stmt, first + 4, "Each", 4, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, first + 5, row->list_price);
  sqlite3_bind_int64 (stmt, first + 6, row->cost);
  sqlite3_bind_text (stmt, first + 7, row->currency, 3, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, first + 8, row->has_stock_on_hand ? row->stock_on_hand : 0);
  sqlite3_bind_int64 (stmt, first + 9, row->has_avg_daily_sales ? row->avg_daily_sales : 0);
  bind_pending_text (self, stmt, first + 10, &row->extra_json);
}

/* A first load finds a SKU repeated in the file through the unique index
 * of products.sku (the catalog was empty, so the earlier row is one of this
 * file): no set of seen keys is needed. */
static gboolean
is_repeated_sku (CatalogWriter *self,
                 int            rc)
{
  return rc == SQLITE_CONSTRAINT_UNIQUE && strstr (sqlite3_errmsg (self->db), "products.sku") != NULL;
}

static void
reject_repeated (CatalogWriter    *self,
                 const PendingRow *row)
{
  SpImportRecord record = { 0, };

  record.line = row->line;
  record.index = row->index;
  record.sku = (const char *)self->pending_text->data + row->sku.offset;
  _sp_import_parser_reject (self->parser, &record, "sku",
                            /* Translators: %s is a SKU */
                            _("“%s” appears more than once in the file"), record.sku);
}

/* Writes the rows waiting for their batch: all in one statement when the
 * batch is full, else (the last rows, or a batch with a repeated SKU, which
 * the failed statement left out entirely) one by one. */
static gboolean
flush_pending (CatalogWriter  *self,
               GError        **error)
{
  int rc;

  if (self->n_pending == 0)
    return TRUE;

  if (self->n_pending == INSERT_ROWS)
    {
      for (guint i = 0; i < INSERT_ROWS; i++)
        bind_pending (self, self->insert_many, 1 + i * INSERT_COLUMNS, &self->pending[i]);
      rc = sqlite3_step (self->insert_many);
      sqlite3_reset (self->insert_many);
      if (rc == SQLITE_DONE)
        {
          self->report->inserted += INSERT_ROWS;
          self->n_pending = 0;
        }
      else if (!is_repeated_sku (self, rc))
        return _sp_db_set_error (self->db, rc, error);
    }

  for (guint i = 0; i < self->n_pending; i++)
    {
      bind_pending (self, self->insert_one, 1, &self->pending[i]);
      rc = sqlite3_step (self->insert_one);
      sqlite3_reset (self->insert_one);
      if (rc == SQLITE_DONE)
        self->report->inserted++;
      else if (is_repeated_sku (self, rc))
        reject_repeated (self, &self->pending[i]);
      else
        return _sp_db_set_error (self->db, rc, error);
    }

  self->n_pending = 0;
  g_byte_array_set_size (self->pending_text, 0);
  return TRUE;
}

static gboolean
add_pending (CatalogWriter         *self,
             const SpImportRecord  *record,
             const char            *category_id,
             GError               **error)
{
  PendingRow *row = &self->pending[self->n_pending++];

  _sp_import_ids_next (&self->ids, row->id);
  row->line = record->line;
  row->index = record->index;
  row->category_id = category_id;
  row->category_id_length = category_id != NULL ? (int)strlen (category_id) : 0;
  row->sku = pending_copy (self, record->sku);
  row->name = pending_copy (self, record->name);
  row->uom = pending_copy (self, record->uom);
  row->extra_json = pending_copy (self, record->extra_json);
  row->list_price = record->list_price;
  row->cost = record->cost;
  memcpy (row->currency, record->currency, sizeof row->currency);
  row->has_stock_on_hand = record->has_stock_on_hand;
  row->stock_on_hand = record->stock_on_hand;
  row->has_avg_daily_sales = record->has_avg_daily_sales;
  row->avg_daily_sales = record->avg_daily_sales;

  if (self->n_pending == INSERT_ROWS)
    return flush_pending (self, error);
  return TRUE;
}

/* Returns: (transfer none): the id of the category at @path, created with
 * its parents when missing, or %NULL with @error set */
static const char *
ensure_category (CatalogWriter  *self,
                 const char     *path,
                 GError        **error)
{
  const char *id = g_hash_table_lookup (self->categories, path);
  const char *parent_id = NULL;
  const char *slash;
  char new_id[37];
  int rc;

  if (id != NULL)
    return id;

  if ((slash = strrchr (path, '/')) != NULL)
    {
      g_autofree char *parent_path = g_strndup (path, slash - path);

      if (!(parent_id = ensure_category (self, parent_path, error)))
        return NULL;
    }

  sqlite3_bind_text (self->find_category, 1, path, -1, SQLITE_STATIC);
  rc = sqlite3_step (self->find_category);
  if (rc == SQLITE_ROW)
    {
      char *found = g_strdup ((const char *)sqlite3_column_text (self->find_category, 0));

      sqlite3_reset (self->find_category);
      g_hash_table_insert (self->categories, g_strdup (path), found);
      return found;
    }
  sqlite3_reset (self->find_category);
  if (rc != SQLITE_DONE)
    {
      _sp_db_set_error (self->db, rc, error);
      return NULL;
    }

  _sp_import_ids_next (&self->ids, new_id);
  sqlite3_bind_text (self->insert_category, 1, new_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->insert_category, 2, parent_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->insert_category, 3, slash != NULL ? slash + 1 : path, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->insert_category, 4, path, -1, SQLITE_STATIC);
  if (!step_done (self, self->insert_category, error))
    return NULL;

  self->report->categories_created++;
  g_hash_table_insert (self->categories, g_strdup (path), g_strdup (new_id));
  return g_hash_table_lookup (self->categories, path);
}

/* Returns: (transfer none): the id of the category of @record, found by
 * the number the pipeline gave its path when it did, else by the path */
static const char *
find_category (CatalogWriter         *self,
               const SpImportRecord  *record,
               GError               **error)
{
  guint slot = record->category_slot;
  const char *id;

  if (slot > 0 && slot < self->slot_ids->len && self->slot_ids->pdata[slot] != NULL)
    return self->slot_ids->pdata[slot];

  if (!(id = ensure_category (self, record->category_path, error)))
    return NULL;

  if (slot > 0)
    {
      if (slot >= self->slot_ids->len)
        g_ptr_array_set_size (self->slot_ids, slot + 1);
      self->slot_ids->pdata[slot] = (gpointer)id;
    }

  return id;
}

/* The set says "maybe"; the database says whether the SKU is really there
 * already (written by an earlier row, or before the import). */
static gboolean
is_repeated (CatalogWriter        *self,
             const SpImportRecord *record,
             gboolean             *repeated,
             GError              **error)
{
  int rc;

  *repeated = FALSE;
  if (self->first_load)
    return TRUE;
  if (record->key_checked ? record->key_new : _sp_import_seen_add (&self->seen, record->sku, NULL))
    return TRUE;

  /* The earlier row may still wait for its batch. */
  if (!flush_pending (self, error))
    return FALSE;

  sqlite3_bind_text (self->find_product, 1, record->sku, -1, SQLITE_STATIC);
  rc = sqlite3_step (self->find_product);
  sqlite3_reset (self->find_product);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _sp_db_set_error (self->db, rc, error);

  *repeated = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
catalog_writer_write (SpImportParser        *parser,
                      const SpImportRecord  *record,
                      gpointer               user_data,
                      GError               **error)
{
  CatalogWriter *self = user_data;
  sqlite3_stmt *stmt = self->upsert;
  const char *category_id = NULL;
  gboolean repeated;
  char id[37];

  self->parser = parser;

  if (!is_repeated (self, record, &repeated, error))
    return FALSE;
  if (repeated)
    {
      _sp_import_parser_reject (parser, record, "sku",
                                /* Translators: %s is a SKU */
                                _("“%s” appears more than once in the file"), record->sku);
      return TRUE;
    }

  if (record->category_path != NULL && record->category_path[0] != '\0' &&
      !(category_id = find_category (self, record, error)))
    return FALSE;

  if (self->first_load)
    return add_pending (self, record, category_id, error);

  _sp_import_ids_next (&self->ids, id);
  sqlite3_bind_text (stmt, 1, id, 36, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, record->sku, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, record->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, category_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, record->uom, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, record->list_price);
  sqlite3_bind_int64 (stmt, 7, record->cost);
  sqlite3_bind_text (stmt, 8, record->currency, 3, SQLITE_STATIC);
  bind_optional_int (stmt, 9, record->has_stock_on_hand, record->stock_on_hand);
  bind_optional_int (stmt, 10, record->has_avg_daily_sales, record->avg_daily_sales);
  sqlite3_bind_text (stmt, 11, record->extra_json, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 12, record->category_path != NULL);

  /* An upsert that updates leaves the last insert rowid alone. */
  sqlite3_set_last_insert_rowid (self->db, 0);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_last_insert_rowid (self->db) != 0)
    self->report->inserted++;
  else if (sqlite3_changes (self->db) > 0)
    self->report->updated++;

  return TRUE;
}

static gboolean
catalog_writer_wants_seen_keys (gpointer data)
{
  CatalogWriter *self = data;

  return !self->first_load;
}

static const SpImportWriterClass catalog_writer_class = {
  SP_IMPORT_KIND_CATALOG,
  "catalog.imported",
  catalog_writer_begin,
  catalog_writer_write,
  catalog_writer_end,
  catalog_writer_free,
  catalog_writer_wants_seen_keys,
};

/**
 * sp_catalog_import_file:
 * @store: the workspace
 * @path: a CSV or JSON file
 * @options: (nullable): how to import; %NULL for the defaults
 * @report_out: (out) (optional) (transfer full): what happened, also on failure
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Imports the catalog at @path on the calling thread, in one transaction.
 * Without @options->skip_invalid, one invalid row fails the whole import
 * and the error names the first (file, line or JSON path, field, reason);
 * the report lists them all. A SKU twice in one file is an invalid row.
 *
 * Returns: %TRUE when the rows were stored
 */
gboolean
sp_catalog_import_file (SpStore                *store,
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

  return _sp_import_run (db, &catalog_writer_class, path, NULL, NULL, options, report_out,
                         cancellable, error);
}

/**
 * sp_catalog_import_bytes:
 * @name: what to call the input in messages ("catalog.json")
 *
 * Like sp_catalog_import_file(), on data in memory.
 */
gboolean
sp_catalog_import_bytes (SpStore                *store,
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

  return _sp_import_run (db, &catalog_writer_class, NULL, bytes, name, options, report_out,
                         cancellable, error);
}

/**
 * sp_catalog_import_file_async:
 *
 * Imports in a worker thread on a connection of its own. Progress, when
 * @options has a callback, is reported on the thread-default main context.
 */
void
sp_catalog_import_file_async (SpStore               *store,
                              const char            *path,
                              const SpImportOptions *options,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  g_return_if_fail (SP_IS_STORE (store));
  g_return_if_fail (path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  _sp_import_run_async (&catalog_writer_class, store, sp_catalog_import_file_async,
                        sp_store_get_path (store), path, options, cancellable, callback,
                        user_data);
}

/**
 * sp_catalog_import_file_finish:
 * @report_out: (out) (optional) (transfer full): what happened, also on failure
 *
 * Returns: %TRUE when the rows were stored
 */
gboolean
sp_catalog_import_file_finish (SpStore         *store,
                               GAsyncResult    *result,
                               SpImportReport **report_out,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sp_catalog_import_file_async,
                        FALSE);

  return _sp_import_run_finish (result, report_out, error);
}
