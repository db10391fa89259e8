/* test-db-util.h: reading a workspace back the way a user's tools would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "sp-db-private.h"

/* Runs @sql, a query of one number, on a connection of its own to the
 * workspace at @path: what the store wrote, not what its objects say. */
static inline gint64
query_int_in (const char *path,
              const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3) db = _sp_db_open (path, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}
