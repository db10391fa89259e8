/* sp-sandbox-server-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-sandbox-server.h"
#include "sp-sandbox-request-private.h"

G_BEGIN_DECLS

void      _sp_sandbox_server_take_faults   (SpSandboxServer *self,
                                            GPtrArray       *faults);
JsonNode *_sp_sandbox_server_faults_json   (SpSandboxServer *self);
JsonNode *_sp_sandbox_server_stats_json    (SpSandboxServer *self);
void      _sp_sandbox_server_reset_stats   (SpSandboxServer *self);

/* sp-sandbox-inspect.c */
JsonNode *_sp_sandbox_objects_json         (SpSandboxDb     *db,
                                            const char      *kind,
                                            GError         **error);
void      _sp_sandbox_handle_control       (SpSandboxRequest *req);

G_END_DECLS
