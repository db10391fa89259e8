/* sp-sandbox-db-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sandbox's own SQLite file: every object the sandbox stores is one row
 * (kind, tenant, parent, id) with a version and its JSON body, plus issued
 * tokens and uploaded files. Only the server thread touches it.
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _SpSandboxDb SpSandboxDb;

/* Objects seeded for every tenant (legal entities, contacts) use this tenant. */
#define SP_SANDBOX_ANY_TENANT "*"

typedef struct
{
  char   *kind;
  char   *tenant;
  char   *parent;
  char   *id;
  gint64  version;
  char   *body;       /* JSON text as stored, without metadata.version */
  char   *created;    /* ISO 8601 UTC */
  char   *modified;
} SpSandboxRow;

typedef enum
{
  SP_SANDBOX_TOKEN_VALID,
  SP_SANDBOX_TOKEN_EXPIRED,
  SP_SANDBOX_TOKEN_UNKNOWN,
} SpSandboxTokenState;

void                 _sp_sandbox_row_free          (SpSandboxRow  *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpSandboxRow, _sp_sandbox_row_free)

SpSandboxDb         *_sp_sandbox_db_open           (const char    *path,
                                                    GError       **error);
void                 _sp_sandbox_db_close          (SpSandboxDb   *db);
gboolean             _sp_sandbox_db_begin          (SpSandboxDb   *db,
                                                    GError       **error);
gboolean             _sp_sandbox_db_commit         (SpSandboxDb   *db,
                                                    GError       **error);
void                 _sp_sandbox_db_rollback       (SpSandboxDb   *db);
SpSandboxRow        *_sp_sandbox_db_get            (SpSandboxDb   *db,
                                                    const char    *kind,
                                                    const char    *tenant,
                                                    const char    *parent,
                                                    const char    *id,
                                                    GError       **error);
gboolean             _sp_sandbox_db_put            (SpSandboxDb   *db,
                                                    const char    *kind,
                                                    const char    *tenant,
                                                    const char    *parent,
                                                    const char    *id,
                                                    gint64         version,
                                                    const char    *body,
                                                    GError       **error);
gboolean             _sp_sandbox_db_delete         (SpSandboxDb   *db,
                                                    const char    *kind,
                                                    const char    *tenant,
                                                    const char    *parent,
                                                    const char    *id,
                                                    gboolean      *deleted,
                                                    GError       **error);
GPtrArray           *_sp_sandbox_db_list           (SpSandboxDb   *db,
                                                    const char    *kind,
                                                    const char    *tenant,
                                                    const char    *parent,
                                                    gint64         offset,
                                                    gint64         limit,
                                                    gint64        *total,
                                                    GError       **error);
GPtrArray           *_sp_sandbox_db_find           (SpSandboxDb   *db,
                                                    const char    *kind,
                                                    const char    *tenant,
                                                    const char    *json_path,
                                                    const char    *value,
                                                    GError       **error);
GPtrArray           *_sp_sandbox_db_list_all       (SpSandboxDb   *db,
                                                    GError       **error);
gint64               _sp_sandbox_db_count          (SpSandboxDb   *db,
                                                    const char    *kind);
gboolean             _sp_sandbox_db_reset          (SpSandboxDb   *db,
                                                    GError       **error);
gboolean             _sp_sandbox_db_put_token      (SpSandboxDb   *db,
                                                    const char    *token,
                                                    const char    *client_id,
                                                    gint64         expires,
                                                    GError       **error);
SpSandboxTokenState  _sp_sandbox_db_check_token    (SpSandboxDb   *db,
                                                    const char    *token,
                                                    gint64         now);
gboolean             _sp_sandbox_db_put_file       (SpSandboxDb   *db,
                                                    const char    *kind,
                                                    const char    *tenant,
                                                    const char    *id,
                                                    const char    *content_type,
                                                    GBytes        *data,
                                                    gboolean      *replaced,
                                                    GError       **error);
GBytes              *_sp_sandbox_db_get_file       (SpSandboxDb   *db,
                                                    const char    *kind,
                                                    const char    *tenant,
                                                    const char    *id,
                                                    char         **content_type,
                                                    GError       **error);
gint64               _sp_sandbox_db_count_files    (SpSandboxDb   *db);

G_END_DECLS
