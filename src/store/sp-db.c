/* sp-db.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>

#include "sp-db-private.h"
#include "sp-store-resources.h"

/* The busy timeout every connection gets: long enough for another process's
 * write transaction (an import) to finish, short enough to report a stuck one. */
#define BUSY_TIMEOUT_MS 10000

typedef struct
{
  int         version;
  const char *resource;   /* the migration's SQL, in the store's GResource */
} Migration;

/* Forward migrations, in order: migration N brings user_version from N-1 to
 * N. A new schema version is a new file here, never an edit of an old one. */
static const Migration migrations[] = {
  { 1, RESOURCE_BASE "/store/schema-v1.sql" },
  { 2, RESOURCE_BASE "/store/schema-v2.sql" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SP_DB_SCHEMA_VERSION);

static int
error_code_for_rc (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      return SP_STORE_ERROR_CONSTRAINT;
    case SQLITE_CANTOPEN:
    case SQLITE_NOTADB:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      return SP_STORE_ERROR_OPEN;
    default:
      return SP_STORE_ERROR_SQL;
    }
}

/* Always returns FALSE, so callers can write `return _sp_db_set_error (…)`. */
gboolean
_sp_db_set_error (sqlite3  *db,
                  int       rc,
                  GError  **error)
{
  const char *message = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  g_set_error (error, SP_STORE_ERROR, error_code_for_rc (rc),
               /* Translators: %s is SQLite's own description of the failure */
               _("Database error: %s"), message);
  return FALSE;
}

gboolean
_sp_db_exec (sqlite3     *db,
             const char  *sql,
             GError     **error)
{
  int rc;

  g_assert (db != NULL);
  g_assert (sql != NULL);

  if ((rc = sqlite3_exec (db, sql, NULL, NULL, NULL)) != SQLITE_OK)
    return _sp_db_set_error (db, rc, error);

  return TRUE;
}

sqlite3_stmt *
_sp_db_prepare (sqlite3     *db,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if ((rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL)) != SQLITE_OK)
    {
      _sp_db_set_error (db, rc, error);
      return NULL;
    }

  return stmt;
}

/* Steps a statement that returns no rows (INSERT, UPDATE, DELETE). */
gboolean
_sp_db_step_done (sqlite3       *db,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _sp_db_set_error (db, rc, error);

  return TRUE;
}

gboolean
_sp_db_begin (sqlite3  *db,
              GError  **error)
{
  /* IMMEDIATE takes the write lock now, so a busy database fails (or waits
   * for the busy timeout) here and never in the middle of a change. */
  return _sp_db_exec (db, "BEGIN IMMEDIATE", error);
}

gboolean
_sp_db_commit (sqlite3  *db,
               GError  **error)
{
  return _sp_db_exec (db, "COMMIT", error);
}

void
_sp_db_rollback (sqlite3 *db)
{
  /* Best effort, after a failure: the first error is the one to report, and
   * SQLite may already have rolled back on its own. */
  if (sqlite3_get_autocommit (db) == 0)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
_sp_db_get_user_version (sqlite3  *db,
                         int      *version,
                         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _sp_db_prepare (db, "PRAGMA user_version", error)))
    return FALSE;
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return _sp_db_set_error (db, rc, error);

  *version = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* PRAGMA data_version changes whenever another connection (of this or of
 * another process) committed a change; polling it is cheap. */
gint64
_sp_db_data_version (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA data_version", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}

char *
_sp_db_now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

void
_sp_db_bind_text (sqlite3_stmt *stmt,
                  int           index,
                  const char   *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

void
_sp_db_bind_text_or_null (sqlite3_stmt *stmt,
                          int           index,
                          const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* Returns: (nullable): the column as UTF-8, %NULL for SQL NULL */
const char *
_sp_db_column_text (sqlite3_stmt *stmt,
                    int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

/* Binds the id of the row @sql finds for @code, or NULL for no code; a code
 * that names nothing is an error naming @field. */
gboolean
_sp_db_bind_reference (sqlite3       *db,
                       sqlite3_stmt  *target,
                       int            index,
                       const char    *sql,
                       const char    *field,
                       const char    *code,
                       GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (code == NULL || code[0] == '\0')
    {
      sqlite3_bind_null (target, index);
      return TRUE;
    }

  if (!(stmt = _sp_db_prepare (db, sql, error)))
    return FALSE;
  _sp_db_bind_text (stmt, 1, code);

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      _sp_db_bind_text (target, index, _sp_db_column_text (stmt, 0));
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return _sp_db_set_error (db, rc, error);

  g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
               /* Translators: %1$s is a field name, %2$s the value that names nothing */
               _("%1$s: “%2$s” is not in the workspace"), field, code);
  return FALSE;
}

gboolean
_sp_db_append_outbox (sqlite3     *db,
                      const char  *entity,
                      const char  *entity_id,
                      const char  *action,
                      const char  *payload_json,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *key = g_uuid_string_random ();
  g_autofree char *now = _sp_db_now_iso ();

  g_assert (entity != NULL && entity_id != NULL && action != NULL);
  /* The outbox row belongs to the caller's transaction. */
  g_assert (sqlite3_get_autocommit (db) == 0);

  if (!(stmt = _sp_db_prepare (db,
                               "INSERT INTO outbox (idempotency_key, entity, entity_id, action, "
                               "payload, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                               error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, key);
  _sp_db_bind_text (stmt, 2, entity);
  _sp_db_bind_text (stmt, 3, entity_id);
  _sp_db_bind_text (stmt, 4, action);
  _sp_db_bind_text (stmt, 5, payload_json != NULL ? payload_json : "{}");
  _sp_db_bind_text (stmt, 6, now);

  return _sp_db_step_done (db, stmt, error);
}

static gboolean
run_migration (sqlite3          *db,
               const Migration  *migration,
               GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *set_version = NULL;
  int current = 0;

  bytes = g_resource_lookup_data (sp_store_schema_get_resource (), migration->resource,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  /* The version is a constant of the table above, not outside input;
   * PRAGMA takes no bound parameters. */
  set_version = g_strdup_printf ("PRAGMA user_version = %d", migration->version);

  if (!_sp_db_begin (db, error))
    return FALSE;

  /* Another process may have migrated while we waited for the lock. */
  if (!_sp_db_get_user_version (db, &current, error))
    goto failed;
  if (current >= migration->version)
    return _sp_db_commit (db, error);

  if (!_sp_db_exec (db, sql, error) ||
      !_sp_db_exec (db, set_version, error) ||
      !_sp_db_commit (db, error))
    goto failed;

  return TRUE;

failed:
  _sp_db_rollback (db);
  g_prefix_error (error, _("Could not migrate the database to schema %d: "), migration->version);
  return FALSE;
}

static gboolean
configure_connection (sqlite3  *db,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if ((rc = sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS)) != SQLITE_OK)
    return _sp_db_set_error (db, rc, error);
  if (!_sp_db_exec (db, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  if (!(stmt = _sp_db_prepare (db, "PRAGMA journal_mode = WAL", error)))
    return FALSE;
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return _sp_db_set_error (db, rc, error);

  return TRUE;
}

/**
 * _sp_db_open:
 * @path: the workspace database file, created when missing
 * @error: return location for a #GError
 *
 * Opens one connection for the calling thread, configured (WAL, foreign
 * keys, busy timeout) and migrated forward to %SP_DB_SCHEMA_VERSION. A
 * database written by a newer build fails with %SP_STORE_ERROR_SCHEMA and is
 * left untouched.
 *
 * Returns: (transfer full) (nullable): the connection, or %NULL with @error set
 */
sqlite3 *
_sp_db_open (const char  *path,
             GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  /* A new workspace may live in a folder that does not exist yet (the
   * default one in the user data folder, on first start). */
  if (g_strcmp0 (path, ":memory:") != 0 && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *folder = g_path_get_dirname (path);

      if (g_mkdir_with_parents (folder, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_OPEN,
                       /* Translators: %1$s is a folder, %2$s the system's reason */
                       _("Could not create the folder “%1$s”: %2$s"),
                       folder, g_strerror (saved_errno));
          return NULL;
        }
    }

  rc = sqlite3_open_v2 (path, &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_OPEN,
                   /* Translators: %1$s is a file name, %2$s SQLite's reason */
                   _("Could not open the database “%1$s”: %2$s"),
                   path, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);

  /* Read the version before anything writes (even switching to WAL writes
   * the file header), so a newer database stays exactly as it was. */
  if ((rc = sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS)) != SQLITE_OK ||
      !_sp_db_get_user_version (db, &version, error))
    {
      if (rc != SQLITE_OK)
        _sp_db_set_error (db, rc, error);
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  if (version > SP_DB_SCHEMA_VERSION)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_SCHEMA,
                   /* Translators: %1$s is a file name, %2$d and %3$d schema versions */
                   _("The database “%1$s” was written by a newer version "
                     "(schema %2$d, this build knows %3$d); it was not changed"),
                   path, version, SP_DB_SCHEMA_VERSION);
      return NULL;
    }

  if (!configure_connection (db, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      if (migrations[i].version <= version)
        continue;
      if (!run_migration (db, &migrations[i], error))
        {
          g_prefix_error (error, "%s: ", path);
          return NULL;
        }
    }

  return g_steal_pointer (&db);
}
