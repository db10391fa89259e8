/* sp-db-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SQLite layer shared by everything in src/store: opening (with forward
 * migrations), errors, transactions and the outbox journal. One connection
 * per thread: a sqlite3 * or sqlite3_stmt * never crosses threads.
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "sp-store-error.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)
/* sqlite3_close_v2 () so that a connection freed before one of its
 * statements (autoptr cleanup order) still closes once they are finalized. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close_v2)

/* The newest schema version this build knows (PRAGMA user_version). */
#define SP_DB_SCHEMA_VERSION 2

sqlite3      *_sp_db_open              (const char    *path,
                                        GError       **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean      _sp_db_set_error         (sqlite3       *db,
                                        int            rc,
                                        GError       **error);
gboolean      _sp_db_exec              (sqlite3       *db,
                                        const char    *sql,
                                        GError       **error);
sqlite3_stmt *_sp_db_prepare           (sqlite3       *db,
                                        const char    *sql,
                                        GError       **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean      _sp_db_step_done         (sqlite3       *db,
                                        sqlite3_stmt  *stmt,
                                        GError       **error);
gboolean      _sp_db_begin             (sqlite3       *db,
                                        GError       **error);
gboolean      _sp_db_commit            (sqlite3       *db,
                                        GError       **error);
void          _sp_db_rollback          (sqlite3       *db);
gboolean      _sp_db_get_user_version  (sqlite3       *db,
                                        int           *version,
                                        GError       **error);
gboolean      _sp_db_append_outbox     (sqlite3       *db,
                                        const char    *entity,
                                        const char    *entity_id,
                                        const char    *action,
                                        const char    *payload_json,
                                        GError       **error);
char         *_sp_db_now_iso           (void) G_GNUC_WARN_UNUSED_RESULT;
void          _sp_db_bind_text         (sqlite3_stmt  *stmt,
                                        int            index,
                                        const char    *text);
void          _sp_db_bind_text_or_null (sqlite3_stmt  *stmt,
                                        int            index,
                                        const char    *text);
const char   *_sp_db_column_text       (sqlite3_stmt  *stmt,
                                        int            column);
gboolean      _sp_db_bind_reference    (sqlite3       *db,
                                        sqlite3_stmt  *target,
                                        int            index,
                                        const char    *sql,
                                        const char    *field,
                                        const char    *code,
                                        GError       **error);
gint64        _sp_db_data_version      (sqlite3       *db);

G_END_DECLS
