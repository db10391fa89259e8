/* sp-json.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Defensive reading of server responses: every getter checks the node type
 * and the value type, and an error names the JSON path ("$.items[3].code").
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonNode   *sp_json_parse_bytes         (GBytes       *bytes,
                                         const char   *what,
                                         GError      **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean    sp_json_get_string          (JsonObject   *object,
                                         const char   *path,
                                         const char   *member,
                                         const char  **value,
                                         GError      **error);
gboolean    sp_json_get_int             (JsonObject   *object,
                                         const char   *path,
                                         const char   *member,
                                         gint64       *value,
                                         GError      **error);
gboolean    sp_json_get_object          (JsonObject   *object,
                                         const char   *path,
                                         const char   *member,
                                         JsonObject  **value,
                                         GError      **error);
gboolean    sp_json_get_array           (JsonObject   *object,
                                         const char   *path,
                                         const char   *member,
                                         JsonArray   **value,
                                         GError      **error);
gboolean    sp_json_node_get_object     (JsonNode     *node,
                                         const char   *path,
                                         JsonObject  **value,
                                         GError      **error);
gboolean    sp_json_node_get_array      (JsonNode     *node,
                                         const char   *path,
                                         JsonArray   **value,
                                         GError      **error);
const char *sp_json_lookup_string       (JsonObject   *object,
                                         const char   *member);
gboolean    sp_json_lookup_int          (JsonObject   *object,
                                         const char   *member,
                                         gint64       *value);
char       *sp_json_error_message       (GBytes       *body) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
