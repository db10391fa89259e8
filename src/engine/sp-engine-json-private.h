/* sp-engine-json-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Type-checked access to JSON members for the engine's parsers. Every getter
 * checks the node type and value type before it reads, and names the JSON
 * path of the member in its error ("$.promotions[3].name: expected a
 * string"). Decimals are read from strings, never through double.
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* How a member may be absent. */
typedef enum
{
  SP_JSON_REQUIRED = 0,
  SP_JSON_OPTIONAL = 1,   /* missing or null gives the default */
} SpJsonPresence;

/* Decimal values (money, percents, quantities) are gint64 hundredths. The
 * largest accepted magnitude keeps every product of the engine in range. */
#define SP_DECIMAL_MAX G_GINT64_CONSTANT (100000000000000)   /* 10^14 hundredths */
#define SP_QUANTITY_MAX G_GINT64_CONSTANT (1000000)

gboolean  _sp_decimal_parse      (const char      *text,
                                  gint64          *out_hundredths);
char     *_sp_decimal_format     (gint64           hundredths) G_GNUC_WARN_UNUSED_RESULT;
gboolean  _sp_json_fail          (GError         **error,
                                  const char      *path,
                                  const char      *member,
                                  const char      *message);
gboolean  _sp_json_get_object    (JsonObject      *object,
                                  const char      *path,
                                  const char      *member,
                                  SpJsonPresence   presence,
                                  JsonObject     **out,
                                  GError         **error);
gboolean  _sp_json_get_array     (JsonObject      *object,
                                  const char      *path,
                                  const char      *member,
                                  SpJsonPresence   presence,
                                  JsonArray      **out,
                                  GError         **error);
gboolean  _sp_json_get_string    (JsonObject      *object,
                                  const char      *path,
                                  const char      *member,
                                  SpJsonPresence   presence,
                                  const char     **out,
                                  GError         **error);
gboolean  _sp_json_get_int       (JsonObject      *object,
                                  const char      *path,
                                  const char      *member,
                                  SpJsonPresence   presence,
                                  gint64          *out,
                                  GError         **error);
gboolean  _sp_json_get_decimal   (JsonObject      *object,
                                  const char      *path,
                                  const char      *member,
                                  SpJsonPresence   presence,
                                  gint64          *out_hundredths,
                                  GError         **error);
gboolean  _sp_json_get_enum      (JsonObject      *object,
                                  const char      *path,
                                  const char      *member,
                                  SpJsonPresence   presence,
                                  GType            enum_type,
                                  int             *out,
                                  GError         **error);
gboolean  _sp_json_array_object  (JsonArray       *array,
                                  guint            index,
                                  const char      *path,
                                  JsonObject     **out,
                                  GError         **error);
gboolean  _sp_json_array_string  (JsonArray       *array,
                                  guint            index,
                                  const char      *path,
                                  const char     **out,
                                  GError         **error);
JsonNode *_sp_json_parse_file    (const char      *filename,
                                  GError         **error) G_GNUC_WARN_UNUSED_RESULT;
JsonNode *_sp_json_parse_data    (const char      *data,
                                  gssize           length,
                                  GError         **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
