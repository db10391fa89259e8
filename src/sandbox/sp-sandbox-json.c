/* sp-sandbox-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-sandbox-json"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-sandbox-error.h"
#include "sp-sandbox-json-private.h"

static gboolean
fail (GError     **error,
      const char  *path,
      const char  *member,
      const char  *what)
{
  if (member != NULL)
    g_set_error (error, SP_SANDBOX_ERROR, SP_SANDBOX_ERROR_INVALID, "%s.%s: %s", path, member,
                 what);
  else
    g_set_error (error, SP_SANDBOX_ERROR, SP_SANDBOX_ERROR_INVALID, "%s: %s", path, what);
  return FALSE;
}

/* Looks @member up; a missing member or a JSON null count as absent.
 * Returns FALSE (with @error set) only when a required member is absent. */
static gboolean
lookup (JsonObject      *object,
        const char      *path,
        const char      *member,
        SpSandboxJsonPresence   presence,
        JsonNode       **node,
        GError         **error)
{
  JsonNode *found = json_object_get_member (object, member);

  if (found != NULL && JSON_NODE_HOLDS_NULL (found))
    found = NULL;
  *node = found;
  if (found == NULL && presence == SP_SANDBOX_JSON_REQUIRED)
    return fail (error, path, member, "required member is missing");
  return TRUE;
}

#define MAX_DEPTH 128

/* json-glib parses recursively: a body nested a few thousand levels deep
 * would overflow the stack. No request of the contract nests more than a
 * handful of levels, so anything past MAX_DEPTH is refused before parsing.
 * Brackets inside strings do not count. */
static gboolean
nested_too_deep (const char *data,
                 gsize       size)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            return TRUE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return FALSE;
}

/* Returns: (transfer full): the document, or %NULL with @error naming "$" */
JsonNode *
_sp_sandbox_json_parse (GBytes  *bytes,
                GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  if (data == NULL || size == 0)
    {
      fail (error, "$", NULL, "the request body is empty; expected JSON");
      return NULL;
    }
  if (!g_utf8_validate (data, size, NULL))
    {
      fail (error, "$", NULL, "the request body is not UTF-8");
      return NULL;
    }
  if (nested_too_deep (data, size))
    {
      g_set_error (error, SP_SANDBOX_ERROR, SP_SANDBOX_ERROR_INVALID,
                   "$: nested deeper than %d levels",
                   MAX_DEPTH);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      g_set_error (error, SP_SANDBOX_ERROR, SP_SANDBOX_ERROR_INVALID, "$: not valid JSON: %s",
                   local_error->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      fail (error, "$", NULL, "the request body is empty; expected JSON");
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}

JsonNode *
_sp_sandbox_json_parse_text (const char  *text,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

  return _sp_sandbox_json_parse (bytes, error);
}

static void
write_string (GString    *out,
              const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
        }
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

/* The shortest text that reads back as the same double, so that 6.99
 * stays "6.99" rather than json-glib's "6.9900000000000002": prices are
 * echoed as the client sent them. */
static void
write_double (GString *out,
              double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  for (int precision = 15; precision <= 17; precision++)
    {
      g_ascii_formatd (buffer, sizeof buffer,
                       precision == 15 ? "%.15g" : precision == 16 ? "%.16g" : "%.17g",
                       value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (out, buffer);
}

static void
write_node (GString  *out,
            JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        for (const GList *l = members; l != NULL; l = l->next, first = FALSE)
          {
            if (!first)
              g_string_append_c (out, ',');
            write_string (out, l->data);
            g_string_append_c (out, ':');
            write_node (out, json_object_get_member (object, l->data));
          }
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            write_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          write_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          write_string (out, json_node_get_string (node));
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

/* Compact JSON, like json_to_string () but with exact decimals. */
char *
_sp_sandbox_json_to_string (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  write_node (out, node);
  return g_string_free (out, FALSE);
}

JsonObject *
_sp_sandbox_json_as_object (JsonNode    *node,
                    const char  *path,
                    GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, path, NULL, "expected an object");
      return NULL;
    }
  return json_node_get_object (node);
}

JsonArray *
_sp_sandbox_json_as_array (JsonNode    *node,
                   const char  *path,
                   GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (error, path, NULL, "expected an array");
      return NULL;
    }
  return json_node_get_array (node);
}

/* @value is set to %NULL when the member is absent. */
gboolean
_sp_sandbox_json_get_string (JsonObject      *object,
                     const char      *path,
                     const char      *member,
                     SpSandboxJsonPresence   presence,
                     const char     **value,
                     GError         **error)
{
  JsonNode *node;

  *value = NULL;
  if (!lookup (object, path, member, presence, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, path, member, "expected a string");
  *value = json_node_get_string (node);
  if (presence == SP_SANDBOX_JSON_REQUIRED && (*value)[0] == '\0')
    return fail (error, path, member, "must not be empty");
  return TRUE;
}

gboolean
_sp_sandbox_json_get_int (JsonObject      *object,
                  const char      *path,
                  const char      *member,
                  SpSandboxJsonPresence   presence,
                  gint64          *value,
                  gboolean        *present,
                  GError         **error)
{
  JsonNode *node;

  if (present != NULL)
    *present = FALSE;
  if (!lookup (object, path, member, presence, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (error, path, member, "expected an integer");
  *value = json_node_get_int (node);
  if (present != NULL)
    *present = TRUE;
  return TRUE;
}

gboolean
_sp_sandbox_json_get_bool (JsonObject      *object,
                   const char      *path,
                   const char      *member,
                   SpSandboxJsonPresence   presence,
                   gboolean        *value,
                   GError         **error)
{
  JsonNode *node;

  if (!lookup (object, path, member, presence, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (error, path, member, "expected true or false");
  *value = json_node_get_boolean (node);
  return TRUE;
}

/* A JSON number (integer or decimal); @value borrows the node so that the
 * number is echoed exactly as sent, never converted through double. */
gboolean
_sp_sandbox_json_get_number (JsonObject      *object,
                     const char      *path,
                     const char      *member,
                     SpSandboxJsonPresence   presence,
                     JsonNode       **value,
                     GError         **error)
{
  JsonNode *node;

  *value = NULL;
  if (!lookup (object, path, member, presence, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 &&
       json_node_get_value_type (node) != G_TYPE_DOUBLE))
    return fail (error, path, member, "expected a number");
  *value = node;
  return TRUE;
}

gboolean
_sp_sandbox_json_get_object (JsonObject      *object,
                     const char      *path,
                     const char      *member,
                     SpSandboxJsonPresence   presence,
                     JsonObject     **value,
                     GError         **error)
{
  JsonNode *node;

  *value = NULL;
  if (!lookup (object, path, member, presence, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, path, member, "expected an object");
  *value = json_node_get_object (node);
  return TRUE;
}

gboolean
_sp_sandbox_json_get_array (JsonObject      *object,
                    const char      *path,
                    const char      *member,
                    SpSandboxJsonPresence   presence,
                    JsonArray      **value,
                    GError         **error)
{
  JsonNode *node;

  *value = NULL;
  if (!lookup (object, path, member, presence, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, path, member, "expected an array");
  *value = json_node_get_array (node);
  return TRUE;
}

/* A text that Emporix accepts either as a plain string or as a localized
 * map {"en": "…"} of strings. */
gboolean
_sp_sandbox_json_get_text (JsonObject      *object,
                   const char      *path,
                   const char      *member,
                   SpSandboxJsonPresence   presence,
                   GError         **error)
{
  JsonNode *node;
  JsonObject *map;
  g_autoptr(GList) members = NULL;

  if (!lookup (object, path, member, presence, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, path, member, "expected a string or a map of language to string");

  map = json_node_get_object (node);
  members = json_object_get_members (map);
  if (members == NULL && presence == SP_SANDBOX_JSON_REQUIRED)
    return fail (error, path, member, "must name at least one language");
  for (const GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *inner = g_strdup_printf ("%s.%s", path, member);
      const char *text;

      if (!_sp_sandbox_json_get_string (map, inner, l->data, SP_SANDBOX_JSON_OPTIONAL, &text,
                                        error))
        return FALSE;
    }
  return TRUE;
}

/* Reads metadata.version when present. */
gboolean
_sp_sandbox_json_get_version (JsonObject  *object,
                      const char  *path,
                      gint64      *version,
                      gboolean    *present,
                      GError     **error)
{
  JsonObject *metadata;
  g_autofree char *inner = g_strdup_printf ("%s.metadata", path);

  *present = FALSE;
  if (!_sp_sandbox_json_get_object (object, path, "metadata", SP_SANDBOX_JSON_OPTIONAL, &metadata,
                                    error))
    return FALSE;
  if (metadata == NULL)
    return TRUE;
  return _sp_sandbox_json_get_int (metadata, inner, "version", SP_SANDBOX_JSON_OPTIONAL, version,
                                   present, error);
}
