/* sp-demo-workspace.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes the demo workspace into a database in one transaction: catalog,
 * customers, sales history and campaigns (sp-demo-*.c), or nothing at all.
 */

#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-db-private.h"
#include "sp-demo-private.h"

/* Every table the demo writes or replaces, children before parents, so
 * that deleting in this order never breaks a foreign key. The settings stay. */
static const char * const clear_statements[] = {
  "DELETE FROM run_steps",
  "DELETE FROM runs",
  "DELETE FROM outbox",
  "DELETE FROM approvals",
  "DELETE FROM promotions",
  "DELETE FROM banners",
  "DELETE FROM quote_lines",
  "DELETE FROM quotes",
  "DELETE FROM price_list_entries",
  "DELETE FROM price_lists",
  "DELETE FROM coupons",
  "DELETE FROM segment_mappings",
  "DELETE FROM campaign_segments",
  "DELETE FROM campaign_scope",
  "DELETE FROM campaign_sites",
  "DELETE FROM campaigns",
  "DELETE FROM sales_order_lines",
  "DELETE FROM sales_orders",
  "DELETE FROM companies",
  "DELETE FROM segments",
  "DELETE FROM product_stock",
  "DELETE FROM products",
  "DELETE FROM categories",
  "DELETE FROM sites",
};

static gboolean
query_count (sqlite3     *db,
             const char  *sql,
             guint       *count,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _sp_db_prepare (db, sql, error)))
    return FALSE;
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return _sp_db_set_error (db, rc, error);

  *count = (guint)sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* A workspace is there when any table the demo writes has a row; the
 * message counts what a user would recognise. */
static gboolean
check_empty (sqlite3     *db,
             GError     **error)
{
  guint n_products = 0;
  guint n_campaigns = 0;
  guint n_other = 0;

  if (!query_count (db, "SELECT count(*) FROM products", &n_products, error) ||
      !query_count (db, "SELECT count(*) FROM campaigns", &n_campaigns, error) ||
      !query_count (db,
                    "SELECT (SELECT count(*) FROM sites) + (SELECT count(*) FROM categories) + "
                    "(SELECT count(*) FROM segments) + (SELECT count(*) FROM companies) + "
                    "(SELECT count(*) FROM sales_orders) + (SELECT count(*) FROM price_lists) + "
                    "(SELECT count(*) FROM promotions)",
                    &n_other, error))
    return FALSE;

  if (n_products > 0 || n_campaigns > 0 || n_other > 0)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CONSTRAINT,
                   /* Translators: %1$u products, %2$u campaigns; --force is a command-line option */
                   _("The database already holds a workspace (%1$u products, %2$u campaigns); "
                     "use --force to replace it with the demo workspace"),
                   n_products, n_campaigns);
      return FALSE;
    }

  return TRUE;
}

static gboolean
clear_workspace (sqlite3  *db,
                 GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (clear_statements); i++)
    if (!_sp_db_exec (db, clear_statements[i], error))
      return FALSE;

  return TRUE;
}

static gboolean
count_rows (sqlite3                *db,
            SpDemoWorkspaceCounts  *counts,
            GError                **error)
{
  return query_count (db, "SELECT count(*) FROM categories", &counts->n_categories, error) &&
         query_count (db, "SELECT count(*) FROM sites", &counts->n_sites, error) &&
         query_count (db, "SELECT count(*) FROM products", &counts->n_products, error) &&
         query_count (db, "SELECT count(*) FROM product_stock", &counts->n_product_stock, error) &&
         query_count (db, "SELECT count(*) FROM segments", &counts->n_segments, error) &&
         query_count (db, "SELECT count(*) FROM companies", &counts->n_companies, error) &&
         query_count (db, "SELECT count(*) FROM sales_orders", &counts->n_sales_orders, error) &&
         query_count (db, "SELECT count(*) FROM sales_order_lines", &counts->n_sales_order_lines, error) &&
         query_count (db, "SELECT count(*) FROM campaigns", &counts->n_campaigns, error) &&
         query_count (db, "SELECT count(*) FROM coupons", &counts->n_coupons, error) &&
         query_count (db, "SELECT count(*) FROM price_lists", &counts->n_price_lists, error) &&
         query_count (db, "SELECT count(*) FROM price_list_entries", &counts->n_price_list_entries, error) &&
         query_count (db, "SELECT count(*) FROM quotes", &counts->n_quotes, error) &&
         query_count (db, "SELECT count(*) FROM approvals", &counts->n_approvals, error);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
clear_product (gpointer data)
{
  g_free (((SpDemoProduct *)data)->name);
}

static void
clear_category (gpointer data)
{
  g_free (((SpDemoCategory *)data)->path);
}

static void
clear_company (gpointer data)
{
  g_free (((SpDemoCompany *)data)->name);
}

static gboolean
generate (SpDemo  *demo,
          GError **error)
{
  _sp_demo_write_catalog (demo);
  if (_sp_demo_ok (demo))
    _sp_demo_write_customers (demo);
  if (_sp_demo_ok (demo))
    _sp_demo_write_history (demo);
  if (_sp_demo_ok (demo))
    _sp_demo_write_campaigns (demo);

  if (!_sp_demo_ok (demo))
    {
      g_propagate_error (error, g_steal_pointer (&demo->error));
      return FALSE;
    }

  return TRUE;
}

/* Writes the workspace through @db, an open connection with the current
 * schema, in one transaction. */
gboolean
_sp_demo_workspace_write_db (sqlite3                *db,
                             SpDemoWorkspaceFlags    flags,
                             SpDemoWorkspaceCounts  *counts,
                             GCancellable           *cancellable,
                             GError                **error)
{
  SpDemo demo = { .db = db, .cancellable = cancellable };
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!_sp_db_begin (db, error))
    return FALSE;

  if ((flags & SP_DEMO_WORKSPACE_FLAGS_FORCE) != 0 ? !clear_workspace (db, error)
                                                   : !check_empty (db, error))
    {
      _sp_db_rollback (db);
      return FALSE;
    }

  demo.statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                           finalize_statement);
  demo.categories = g_array_new (FALSE, TRUE, sizeof (SpDemoCategory));
  demo.products = g_array_sized_new (FALSE, TRUE, sizeof (SpDemoProduct), SP_DEMO_N_PRODUCTS);
  demo.companies = g_array_new (FALSE, TRUE, sizeof (SpDemoCompany));
  g_array_set_clear_func (demo.categories, clear_category);
  g_array_set_clear_func (demo.products, clear_product);
  g_array_set_clear_func (demo.companies, clear_company);

  ok = generate (&demo, error);

  /* The statements are finalized before the commit, which needs none of them. */
  g_clear_pointer (&demo.statements, g_hash_table_unref);
  g_clear_pointer (&demo.categories, g_array_unref);
  g_clear_pointer (&demo.products, g_array_unref);
  g_clear_pointer (&demo.companies, g_array_unref);

  /* Counted inside the transaction, so a failure here leaves nothing behind. */
  if (!ok || (counts != NULL && !count_rows (db, counts, error)) || !_sp_db_commit (db, error))
    {
      _sp_db_rollback (db);
      return FALSE;
    }

  return TRUE;
}

/**
 * sp_demo_workspace_write:
 * @db_path: the workspace database, created and migrated when needed
 * @flags: %SP_DEMO_WORKSPACE_FLAGS_FORCE to replace a workspace already there
 * @counts: (out caller-allocates) (optional): the rows written, per table
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the deterministic demo workspace (data/demo/README.md): the same
 * rows, with the same ids, on every machine. Without
 * %SP_DEMO_WORKSPACE_FLAGS_FORCE a database that already holds products,
 * campaigns or other workspace rows is left alone and this fails with
 * %SP_STORE_ERROR_CONSTRAINT. Blocks; call it from a worker thread in a GUI.
 *
 * Returns: %TRUE when the whole workspace was written, %FALSE with @error
 *   set and the database unchanged otherwise
 */
gboolean
sp_demo_workspace_write (const char             *db_path,
                         SpDemoWorkspaceFlags    flags,
                         SpDemoWorkspaceCounts  *counts,
                         GCancellable           *cancellable,
                         GError                **error)
{
  g_autoptr(sqlite3) db = NULL;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(db = _sp_db_open (db_path, error)))
    return FALSE;

  return _sp_demo_workspace_write_db (db, flags, counts, cancellable, error);
}

typedef struct
{
  char                 *db_path;
  SpDemoWorkspaceFlags  flags;
} WriteData;

static void
write_data_free (gpointer data)
{
  WriteData *write_data = data;

  g_free (write_data->db_path);
  g_free (write_data);
}

static void
write_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  SpDemoWorkspaceCounts counts = { 0 };
  GError *error = NULL;

  /* This thread opens and owns its own connection. */
  if (!sp_demo_workspace_write (data->db_path, data->flags, &counts, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_memdup2 (&counts, sizeof counts), g_free);
}

/**
 * sp_demo_workspace_write_async:
 * @db_path: the workspace database
 * @flags: as for sp_demo_workspace_write()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context when done
 * @user_data: data for @callback
 *
 * sp_demo_workspace_write() in a worker thread.
 */
void
sp_demo_workspace_write_async (const char           *db_path,
                               SpDemoWorkspaceFlags  flags,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (WriteData, 1);
  data->db_path = g_strdup (db_path);
  data->flags = flags;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_demo_workspace_write_async);
  g_task_set_task_data (task, data, write_data_free);
  g_task_run_in_thread (task, write_worker);
}

/**
 * sp_demo_workspace_write_finish:
 * @result: the #GAsyncResult given to the callback
 * @counts: (out caller-allocates) (optional): the rows written, per table
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the whole workspace was written
 */
gboolean
sp_demo_workspace_write_finish (GAsyncResult           *result,
                                SpDemoWorkspaceCounts  *counts,
                                GError                **error)
{
  g_autofree SpDemoWorkspaceCounts *written = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sp_demo_workspace_write_async, FALSE);

  if (!(written = g_task_propagate_pointer (G_TASK (result), error)))
    return FALSE;

  if (counts != NULL)
    *counts = *written;
  return TRUE;
}
