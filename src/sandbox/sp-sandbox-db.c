/* sp-sandbox-db.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-sandbox-db"

#include "config.h"

#include <string.h>

#include "sp-sandbox-db-private.h"
#include "sp-sandbox-error.h"

/* The statements of the hot paths (bulk requests), prepared once. */
typedef enum
{
  STMT_GET,
  STMT_PUT,
  STMT_DELETE,
  N_STMTS
} StmtId;

struct _SpSandboxDb
{
  sqlite3      *handle;           /* owned */
  sqlite3_stmt *stmts[N_STMTS];   /* owned; prepared on first use */
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* A cached statement: the cleanup resets it for the next use instead of
 * finalizing it. */
typedef sqlite3_stmt CachedStmt;

static void
release_stmt (CachedStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CachedStmt, release_stmt)

static const char schema_sql[] =
  "CREATE TABLE IF NOT EXISTS objects ("
  "  kind TEXT NOT NULL,"
  "  tenant TEXT NOT NULL,"
  "  parent TEXT NOT NULL DEFAULT '',"
  "  id TEXT NOT NULL,"
  "  version INTEGER NOT NULL,"
  "  body TEXT NOT NULL,"
  "  created TEXT NOT NULL,"
  "  modified TEXT NOT NULL,"
  "  UNIQUE (kind, tenant, parent, id));"
  "CREATE INDEX IF NOT EXISTS objects_kind ON objects (kind, tenant, parent);"
  "CREATE TABLE IF NOT EXISTS tokens ("
  "  token TEXT PRIMARY KEY,"
  "  client_id TEXT NOT NULL,"
  "  expires INTEGER NOT NULL);"
  "CREATE TABLE IF NOT EXISTS files ("
  "  kind TEXT NOT NULL,"
  "  tenant TEXT NOT NULL,"
  "  id TEXT NOT NULL,"
  "  content_type TEXT NOT NULL,"
  "  data BLOB NOT NULL,"
  "  PRIMARY KEY (kind, tenant, id));"
  "PRAGMA user_version = 1;";

static gboolean
set_error (SpSandboxDb  *db,
           int           rc,
           GError      **error)
{
  g_set_error (error, SP_SANDBOX_ERROR, SP_SANDBOX_ERROR_SQL, "sandbox database: %s (%d)",
               db->handle != NULL ? sqlite3_errmsg (db->handle) : sqlite3_errstr (rc), rc);
  return FALSE;
}

static gboolean
exec_sql (SpSandboxDb  *db,
          const char   *sql,
          GError      **error)
{
  int rc;

  if ((rc = sqlite3_exec (db->handle, sql, NULL, NULL, NULL)) != SQLITE_OK)
    return set_error (db, rc, error);
  return TRUE;
}

static sqlite3_stmt *
prepare (SpSandboxDb  *db,
         const char   *sql,
         GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if ((rc = sqlite3_prepare_v2 (db->handle, sql, -1, &stmt, NULL)) != SQLITE_OK)
    {
      set_error (db, rc, error);
      return NULL;
    }
  return stmt;
}

static CachedStmt *
cached (SpSandboxDb  *db,
        StmtId        id,
        const char   *sql,
        GError      **error)
{
  if (db->stmts[id] == NULL && (db->stmts[id] = prepare (db, sql, error)) == NULL)
    return NULL;
  return db->stmts[id];
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? (const char *)text : "");
}

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.000Z");
}

static SpSandboxRow *
read_row (sqlite3_stmt *stmt)
{
  SpSandboxRow *row = g_new0 (SpSandboxRow, 1);

  row->kind = dup_column (stmt, 0);
  row->tenant = dup_column (stmt, 1);
  row->parent = dup_column (stmt, 2);
  row->id = dup_column (stmt, 3);
  row->version = sqlite3_column_int64 (stmt, 4);
  row->body = dup_column (stmt, 5);
  row->created = dup_column (stmt, 6);
  row->modified = dup_column (stmt, 7);
  return row;
}

void
_sp_sandbox_row_free (SpSandboxRow *row)
{
  if (row == NULL)
    return;
  g_free (row->kind);
  g_free (row->tenant);
  g_free (row->parent);
  g_free (row->id);
  g_free (row->body);
  g_free (row->created);
  g_free (row->modified);
  g_free (row);
}

SpSandboxDb *
_sp_sandbox_db_open (const char  *path,
                     GError     **error)
{
  g_autofree SpSandboxDb *db = g_new0 (SpSandboxDb, 1);
  int rc;

  rc = sqlite3_open_v2 (path != NULL ? path : ":memory:", &db->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SP_SANDBOX_ERROR, SP_SANDBOX_ERROR_SQL, "%s: %s",
                   path != NULL ? path : ":memory:",
                   db->handle != NULL ? sqlite3_errmsg (db->handle) : sqlite3_errstr (rc));
      sqlite3_close (db->handle);
      return NULL;
    }

  sqlite3_busy_timeout (db->handle, 5000);
  /* WAL with synchronous=NORMAL: a commit survives the sandbox being
   * killed (what the crash tests do), not a power cut, and bulk publishing
   * is not held up by one fsync per request. */
  if ((path != NULL && !exec_sql (db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                                  error)) ||
      !exec_sql (db, "PRAGMA foreign_keys=ON;", error) ||
      !exec_sql (db, schema_sql, error))
    {
      g_prefix_error (error, "%s: ", path != NULL ? path : ":memory:");
      sqlite3_close (db->handle);
      return NULL;
    }

  return g_steal_pointer (&db);
}

void
_sp_sandbox_db_close (SpSandboxDb *db)
{
  if (db == NULL)
    return;
  for (guint i = 0; i < N_STMTS; i++)
    sqlite3_finalize (db->stmts[i]);
  sqlite3_close (db->handle);
  g_free (db);
}

gboolean
_sp_sandbox_db_begin (SpSandboxDb  *db,
                      GError      **error)
{
  return exec_sql (db, "BEGIN IMMEDIATE", error);
}

gboolean
_sp_sandbox_db_commit (SpSandboxDb  *db,
                       GError      **error)
{
  return exec_sql (db, "COMMIT", error);
}

void
_sp_sandbox_db_rollback (SpSandboxDb *db)
{
  /* Best effort: the first error is the one reported. */
  sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
}

/* Returns: (transfer full) (nullable): the row, or %NULL when there is none
 * (then @error is set only for a database failure). Rows stored for
 * SP_SANDBOX_ANY_TENANT are found for every tenant. */
SpSandboxRow *
_sp_sandbox_db_get (SpSandboxDb  *db,
                    const char   *kind,
                    const char   *tenant,
                    const char   *parent,
                    const char   *id,
                    GError      **error)
{
  /* Two point lookups on the unique index rather than one query with an
   * ORDER BY, which would build a temporary b-tree per call: this is the
   * hot path of bulk requests. */
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(CachedStmt) stmt = NULL;
      int rc;

      stmt = cached (db, STMT_GET,
                     "SELECT kind, tenant, parent, id, version, body, created, modified FROM objects"
                     " WHERE kind = ?1 AND tenant = ?2 AND parent = ?3 AND id = ?4", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, pass == 0 ? tenant : SP_SANDBOX_ANY_TENANT, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, parent != NULL ? parent : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, id, -1, SQLITE_STATIC);

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        return read_row (stmt);
      if (rc != SQLITE_DONE)
        {
          set_error (db, rc, error);
          return NULL;
        }
      if (g_strcmp0 (tenant, SP_SANDBOX_ANY_TENANT) == 0)
        break;
    }
  return NULL;
}

/* Inserts or replaces one object; the first insert's position is kept, so
 * lists stay in creation order. */
gboolean
_sp_sandbox_db_put (SpSandboxDb  *db,
                    const char   *kind,
                    const char   *tenant,
                    const char   *parent,
                    const char   *id,
                    gint64        version,
                    const char   *body,
                    GError      **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *now = now_iso8601 ();
  int rc;

  stmt = cached (db, STMT_PUT,
                 "INSERT INTO objects (kind, tenant, parent, id, version, body, created, modified)"
                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)"
                 " ON CONFLICT (kind, tenant, parent, id) DO UPDATE SET"
                 " version = excluded.version, body = excluded.body, modified = excluded.modified",
                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, tenant, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, parent != NULL ? parent : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, version);
  sqlite3_bind_text (stmt, 6, body, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);

  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return set_error (db, rc, error);
  return TRUE;
}

gboolean
_sp_sandbox_db_delete (SpSandboxDb  *db,
                       const char   *kind,
                       const char   *tenant,
                       const char   *parent,
                       const char   *id,
                       gboolean     *deleted,
                       GError      **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  stmt = cached (db, STMT_DELETE,
                 "DELETE FROM objects WHERE kind = ?1 AND tenant = ?2 AND parent = ?3 AND id = ?4", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, tenant, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, parent != NULL ? parent : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, id, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return set_error (db, rc, error);
  if (deleted != NULL)
    *deleted = sqlite3_changes (db->handle) > 0;
  return TRUE;
}

/* Lists objects of one kind for a tenant (and its SP_SANDBOX_ANY_TENANT
 * rows), in creation order; @parent %NULL means any parent; @limit < 0 means
 * all. @total receives the count without offset and limit.
 * Returns: (transfer full) (element-type SpSandboxRow): the rows */
GPtrArray *
_sp_sandbox_db_list (SpSandboxDb  *db,
                     const char   *kind,
                     const char   *tenant,
                     const char   *parent,
                     gint64        offset,
                     gint64        limit,
                     gint64       *total,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) count = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)_sp_sandbox_row_free);
  int rc;

  stmt = prepare (db,
                  "SELECT kind, tenant, parent, id, version, body, created, modified FROM objects"
                  " WHERE kind = ?1 AND tenant IN (?2, '*') AND (?3 IS NULL OR parent = ?3)"
                  " ORDER BY rowid LIMIT ?4 OFFSET ?5", error);
  if (stmt == NULL)
    return NULL;
  count = prepare (db,
                   "SELECT count(*) FROM objects"
                   " WHERE kind = ?1 AND tenant IN (?2, '*') AND (?3 IS NULL OR parent = ?3)",
                   error);
  if (count == NULL)
    return NULL;

  for (sqlite3_stmt *s = stmt; s != NULL; s = (s == stmt ? count : NULL))
    {
      sqlite3_bind_text (s, 1, kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (s, 2, tenant, -1, SQLITE_STATIC);
      if (parent != NULL)
        sqlite3_bind_text (s, 3, parent, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (s, 3);
    }
  sqlite3_bind_int64 (stmt, 4, limit);
  sqlite3_bind_int64 (stmt, 5, offset);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_row (stmt));
  if (rc != SQLITE_DONE)
    {
      set_error (db, rc, error);
      return NULL;
    }

  if ((rc = sqlite3_step (count)) != SQLITE_ROW)
    {
      set_error (db, rc, error);
      return NULL;
    }
  if (total != NULL)
    *total = sqlite3_column_int64 (count, 0);

  return g_steal_pointer (&rows);
}

/* Finds the objects of @kind whose body has @value at @json_path (a
 * constant of the caller, such as "$.itemId.id"), in creation order.
 * Returns: (transfer full) (element-type SpSandboxRow): the rows */
GPtrArray *
_sp_sandbox_db_find (SpSandboxDb  *db,
                     const char   *kind,
                     const char   *tenant,
                     const char   *json_path,
                     const char   *value,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)_sp_sandbox_row_free);
  int rc;

  stmt = prepare (db,
                  "SELECT kind, tenant, parent, id, version, body, created, modified FROM objects"
                  " WHERE kind = ?1 AND tenant IN (?2, '*') AND json_extract (body, ?3) = ?4"
                  " ORDER BY rowid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, tenant, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, json_path, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, value, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_row (stmt));
  if (rc != SQLITE_DONE)
    {
      set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* Returns: (transfer full) (element-type SpSandboxRow): every object, by kind */
GPtrArray *
_sp_sandbox_db_list_all (SpSandboxDb  *db,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)_sp_sandbox_row_free);
  int rc;

  stmt = prepare (db,
                  "SELECT kind, tenant, parent, id, version, body, created, modified FROM objects"
                  " ORDER BY kind, rowid", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_row (stmt));
  if (rc != SQLITE_DONE)
    {
      set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* Returns: the number of objects of @kind in all tenants, or -1 on a
 * database failure (logged: this is an inspection helper). */
gint64
_sp_sandbox_db_count (SpSandboxDb *db,
                      const char  *kind)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  if ((stmt = prepare (db, "SELECT count(*) FROM objects WHERE ?1 IS NULL OR kind = ?1",
                       &error)) == NULL)
    {
      g_warning ("%s", error->message);
      return -1;
    }
  if (kind != NULL)
    sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 1);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

gboolean
_sp_sandbox_db_reset (SpSandboxDb  *db,
                      GError      **error)
{
  if (!_sp_sandbox_db_begin (db, error))
    return FALSE;
  if (!exec_sql (db, "DELETE FROM objects; DELETE FROM files; DELETE FROM tokens;", error) ||
      !_sp_sandbox_db_commit (db, error))
    {
      _sp_sandbox_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

gboolean
_sp_sandbox_db_put_token (SpSandboxDb  *db,
                          const char   *token,
                          const char   *client_id,
                          gint64        expires,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (db,
                  "INSERT OR REPLACE INTO tokens (token, client_id, expires) VALUES (?1, ?2, ?3)",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, token, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, client_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, expires);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return set_error (db, rc, error);
  return TRUE;
}

SpSandboxTokenState
_sp_sandbox_db_check_token (SpSandboxDb *db,
                            const char  *token,
                            gint64       now)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  if ((stmt = prepare (db, "SELECT expires FROM tokens WHERE token = ?1", &error)) == NULL)
    {
      g_warning ("%s", error->message);
      return SP_SANDBOX_TOKEN_UNKNOWN;
    }
  sqlite3_bind_text (stmt, 1, token, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return SP_SANDBOX_TOKEN_UNKNOWN;
  return sqlite3_column_int64 (stmt, 0) > now ? SP_SANDBOX_TOKEN_VALID : SP_SANDBOX_TOKEN_EXPIRED;
}

gboolean
_sp_sandbox_db_put_file (SpSandboxDb  *db,
                         const char   *kind,
                         const char   *tenant,
                         const char   *id,
                         const char   *content_type,
                         GBytes       *data,
                         gboolean     *replaced,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gsize size = 0;
  gconstpointer bytes = g_bytes_get_data (data, &size);
  int rc;

  stmt = prepare (db, "SELECT 1 FROM files WHERE kind = ?1 AND tenant = ?2 AND id = ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, tenant, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, id, -1, SQLITE_STATIC);
  *replaced = sqlite3_step (stmt) == SQLITE_ROW;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = prepare (db, "INSERT OR REPLACE INTO files (kind, tenant, id, content_type, data)"
                      " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, tenant, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, content_type, -1, SQLITE_STATIC);
  sqlite3_bind_blob64 (stmt, 5, size > 0 ? bytes : "", size, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return set_error (db, rc, error);
  return TRUE;
}

/* Returns: (transfer full) (nullable): the file, or %NULL when there is none */
GBytes *
_sp_sandbox_db_get_file (SpSandboxDb  *db,
                         const char   *kind,
                         const char   *tenant,
                         const char   *id,
                         char        **content_type,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (db,
                  "SELECT content_type, data FROM files WHERE kind = ?1 AND tenant = ?2 AND id = ?3",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, tenant, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, id, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        set_error (db, rc, error);
      return NULL;
    }
  if (content_type != NULL)
    *content_type = dup_column (stmt, 0);
  return g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
}

gint64
_sp_sandbox_db_count_files (SpSandboxDb *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if ((stmt = prepare (db, "SELECT count(*) FROM files",
                       NULL)) == NULL ||  /* counted for display only */
      sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}
