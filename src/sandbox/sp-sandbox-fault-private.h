/* sp-sandbox-fault-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fault rules: which request fails, how, and how many times.
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  SP_SANDBOX_FAULT_STATUS = 1,   /* answer @status (401, 409, 429, 500, 503, …) */
  SP_SANDBOX_FAULT_STALL,        /* answer nothing for @seconds, then 504 */
  SP_SANDBOX_FAULT_RESET,        /* close the connection without an answer */
} SpSandboxFaultKind;

typedef struct
{
  char               *method;        /* "*" or an HTTP method */
  char               *path_glob;     /* g_pattern_match_simple() glob on the path */
  GPatternSpec       *pattern;
  SpSandboxFaultKind  kind;
  guint               status;
  guint               retry_after;   /* seconds, for 429 and 503 */
  guint               seconds;       /* for stall */
  int                 times;         /* how many more requests it fails; -1 = all */
  gboolean            after_store;   /* handle (store) first, then fail */
} SpSandboxFault;

void            _sp_sandbox_fault_free        (SpSandboxFault  *fault);
SpSandboxFault *_sp_sandbox_fault_copy        (const SpSandboxFault *fault);
SpSandboxFault *_sp_sandbox_fault_parse_spec  (const char      *spec,
                                               GError         **error);
GPtrArray      *_sp_sandbox_fault_parse_rules (const char      *json,
                                               GError         **error);
gboolean        _sp_sandbox_fault_matches     (const SpSandboxFault *fault,
                                               const char      *method,
                                               const char      *path);
JsonNode       *_sp_sandbox_fault_to_json     (const SpSandboxFault *fault);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpSandboxFault, _sp_sandbox_fault_free)

G_END_DECLS
