/* sp-sandbox-json-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Defensive reads of request bodies: every getter checks the node type and
 * the value type, and a failure names the JSON path ("$.items[3].id: …").
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  SP_SANDBOX_JSON_OPTIONAL,
  SP_SANDBOX_JSON_REQUIRED,
} SpSandboxJsonPresence;

JsonNode   *_sp_sandbox_json_parse       (GBytes                 *bytes,
                                          GError                **error);
JsonNode   *_sp_sandbox_json_parse_text  (const char             *text,
                                          GError                **error);
char       *_sp_sandbox_json_to_string   (JsonNode               *node);
JsonObject *_sp_sandbox_json_as_object   (JsonNode               *node,
                                          const char             *path,
                                          GError                **error);
JsonArray  *_sp_sandbox_json_as_array    (JsonNode               *node,
                                          const char             *path,
                                          GError                **error);
gboolean    _sp_sandbox_json_get_string  (JsonObject             *object,
                                          const char             *path,
                                          const char             *member,
                                          SpSandboxJsonPresence   presence,
                                          const char            **value,
                                          GError                **error);
gboolean    _sp_sandbox_json_get_int     (JsonObject             *object,
                                          const char             *path,
                                          const char             *member,
                                          SpSandboxJsonPresence   presence,
                                          gint64                 *value,
                                          gboolean               *present,
                                          GError                **error);
gboolean    _sp_sandbox_json_get_bool    (JsonObject             *object,
                                          const char             *path,
                                          const char             *member,
                                          SpSandboxJsonPresence   presence,
                                          gboolean               *value,
                                          GError                **error);
gboolean    _sp_sandbox_json_get_number  (JsonObject             *object,
                                          const char             *path,
                                          const char             *member,
                                          SpSandboxJsonPresence   presence,
                                          JsonNode              **value,
                                          GError                **error);
gboolean    _sp_sandbox_json_get_object  (JsonObject             *object,
                                          const char             *path,
                                          const char             *member,
                                          SpSandboxJsonPresence   presence,
                                          JsonObject            **value,
                                          GError                **error);
gboolean    _sp_sandbox_json_get_array   (JsonObject             *object,
                                          const char             *path,
                                          const char             *member,
                                          SpSandboxJsonPresence   presence,
                                          JsonArray             **value,
                                          GError                **error);
gboolean    _sp_sandbox_json_get_text    (JsonObject             *object,
                                          const char             *path,
                                          const char             *member,
                                          SpSandboxJsonPresence   presence,
                                          GError                **error);
gboolean    _sp_sandbox_json_get_version (JsonObject             *object,
                                          const char             *path,
                                          gint64                 *version,
                                          gboolean               *present,
                                          GError                **error);

G_END_DECLS
