/* test-import-util.h: what the import tests share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sp-catalog-import.h"
#include "sp-stock-import.h"
#include "sp-store.h"

typedef struct
{
  char    *dir;
  char    *db_path;
  SpStore *store;
} ImportFixture;

static inline char *
import_data_path (const char *name)
{
  return g_build_filename (g_getenv ("SP_SOURCE_ROOT"), "tests", "store", "data", "import", name,
                           NULL);
}

static inline void
import_fixture_set_up (ImportFixture *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sp-import-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "workspace.db", NULL);
  fixture->store = sp_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
}

static inline void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

static inline void
import_fixture_tear_down (ImportFixture *fixture,
                          gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

/* Runs @sql on a connection of its own and returns the rows, one per line,
 * columns separated by '|' (NULL shown as ∅). */
static inline char *
query_rows (ImportFixture *fixture,
            const char    *sql)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *)sqlite3_column_text (stmt, i);

          if (i > 0)
            g_string_append_c (out, '|');
          g_string_append (out, text != NULL ? text : "∅");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (out, FALSE);
}

/* Runs @sql (statements without results) on a connection of its own. */
static inline void
exec_sql (ImportFixture *fixture,
          const char    *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->db_path, &db, SQLITE_OPEN_READWRITE, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Everything an import may touch, to compare before and after. */
static inline char *
dump_workspace (ImportFixture *fixture)
{
  g_autofree char *products = query_rows (fixture, "SELECT * FROM products ORDER BY sku");
  g_autofree char *categories = query_rows (fixture, "SELECT * FROM categories ORDER BY path");
  g_autofree char *stock = query_rows (fixture, "SELECT * FROM product_stock ORDER BY 1, 2");
  g_autofree char *sites = query_rows (fixture, "SELECT * FROM sites ORDER BY code");
  g_autofree char *outbox = query_rows (fixture, "SELECT * FROM outbox ORDER BY seq");

  return g_strconcat (products, "--\n", categories, "--\n", stock, "--\n", sites, "--\n", outbox,
                      NULL);
}

static inline gboolean
import_catalog (ImportFixture   *fixture,
                const char      *name,
                gboolean         skip_invalid,
                SpImportReport **report,
                GError         **error)
{
  g_autofree char *path = import_data_path (name);
  SpImportOptions options = SP_IMPORT_OPTIONS_INIT;

  options.skip_invalid = skip_invalid;
  return sp_catalog_import_file (fixture->store, path, &options, report, NULL, error);
}
