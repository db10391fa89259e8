/* sp-sandbox-server.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-sandbox-error.h"

G_BEGIN_DECLS

#define SP_TYPE_SANDBOX_SERVER (sp_sandbox_server_get_type ())

G_DECLARE_FINAL_TYPE (SpSandboxServer, sp_sandbox_server, SP, SANDBOX_SERVER, GObject)

SpSandboxServer *sp_sandbox_server_new                (const char       *state_dir) G_GNUC_WARN_UNUSED_RESULT;
const char      *sp_sandbox_server_get_state_dir      (SpSandboxServer  *self);
guint            sp_sandbox_server_get_token_lifetime (SpSandboxServer  *self);
void             sp_sandbox_server_set_token_lifetime (SpSandboxServer  *self,
                                                       guint             seconds);
const char      *sp_sandbox_server_get_client_secret  (SpSandboxServer  *self);
void             sp_sandbox_server_set_client_secret  (SpSandboxServer  *self,
                                                       const char       *client_secret);
gboolean         sp_sandbox_server_start              (SpSandboxServer  *self,
                                                       guint             port,
                                                       GError          **error);
void             sp_sandbox_server_stop               (SpSandboxServer  *self);
const char      *sp_sandbox_server_get_uri            (SpSandboxServer  *self);
guint            sp_sandbox_server_get_port           (SpSandboxServer  *self);
gboolean         sp_sandbox_server_add_faults         (SpSandboxServer  *self,
                                                       const char       *json,
                                                       GError          **error);
void             sp_sandbox_server_clear_faults       (SpSandboxServer  *self);
guint            sp_sandbox_server_get_pending_faults (SpSandboxServer  *self);
guint            sp_sandbox_server_get_request_count  (SpSandboxServer  *self,
                                                       const char       *method,
                                                       const char       *route);
gint64           sp_sandbox_server_count_objects      (SpSandboxServer  *self,
                                                       const char       *kind);
char            *sp_sandbox_server_dup_objects_json   (SpSandboxServer  *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean         sp_sandbox_server_seed               (SpSandboxServer  *self,
                                                       const char       *json,
                                                       GError          **error);
gboolean         sp_sandbox_server_reset              (SpSandboxServer  *self,
                                                       GError          **error);

G_END_DECLS
