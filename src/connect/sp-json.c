/* sp-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-connect-error.h"
#include "sp-json.h"

/**
 * sp_json_parse_bytes:
 * @what: names the document in errors ("POST /oauth/token")
 *
 * Returns: (transfer full): the root node, or %NULL
 */
JsonNode *
sp_json_parse_bytes (GBytes      *bytes,
                     const char  *what,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &size) : NULL;
  JsonNode *root;

  if (data == NULL || size == 0)
    {
      g_set_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_BAD_RESPONSE,
                   _("%s: the answer is empty, expected JSON"), what);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      g_set_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_BAD_RESPONSE,
                   _("%s: the answer is not JSON: %s"), what, local_error->message);
      return NULL;
    }

  if ((root = json_parser_get_root (parser)) == NULL)
    {
      g_set_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_BAD_RESPONSE,
                   _("%s: the answer is empty, expected JSON"), what);
      return NULL;
    }

  return json_node_copy (root);
}

static JsonNode *
member_node (JsonObject *object,
             const char *member)
{
  return object != NULL && json_object_has_member (object, member)
    ? json_object_get_member (object, member) : NULL;
}

static gboolean
fail_type (const char  *path,
           const char  *member,
           const char  *expected,
           JsonNode    *node,
           GError     **error)
{
  if (node == NULL)
    g_set_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_BAD_RESPONSE,
                 /* Translators: %1$s.%2$s is a JSON path, %3$s a type ("a string") */
                 _("%1$s.%2$s: missing, expected %3$s"), path, member, expected);
  else
    g_set_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_BAD_RESPONSE,
                 /* Translators: %1$s.%2$s is a JSON path, %3$s a type, %4$s the type found */
                 _("%1$s.%2$s: expected %3$s, found %4$s"), path, member, expected,
                 json_node_type_name (node));
  return FALSE;
}

gboolean
sp_json_get_string (JsonObject   *object,
                    const char   *path,
                    const char   *member,
                    const char  **value,
                    GError      **error)
{
  JsonNode *node = member_node (object, member);

  g_return_val_if_fail (value != NULL, FALSE);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return fail_type (path, member, _("a string"), node, error);

  *value = json_node_get_string (node);
  return TRUE;
}

gboolean
sp_json_get_int (JsonObject  *object,
                 const char  *path,
                 const char  *member,
                 gint64      *value,
                 GError     **error)
{
  JsonNode *node = member_node (object, member);

  g_return_val_if_fail (value != NULL, FALSE);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return fail_type (path, member, _("an integer"), node, error);

  *value = json_node_get_int (node);
  return TRUE;
}

gboolean
sp_json_get_object (JsonObject   *object,
                    const char   *path,
                    const char   *member,
                    JsonObject  **value,
                    GError      **error)
{
  JsonNode *node = member_node (object, member);

  g_return_val_if_fail (value != NULL, FALSE);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return fail_type (path, member, _("an object"), node, error);

  *value = json_node_get_object (node);
  return TRUE;
}

gboolean
sp_json_get_array (JsonObject  *object,
                   const char  *path,
                   const char  *member,
                   JsonArray  **value,
                   GError     **error)
{
  JsonNode *node = member_node (object, member);

  g_return_val_if_fail (value != NULL, FALSE);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return fail_type (path, member, _("an array"), node, error);

  *value = json_node_get_array (node);
  return TRUE;
}

gboolean
sp_json_node_get_object (JsonNode    *node,
                         const char  *path,
                         JsonObject **value,
                         GError     **error)
{
  g_return_val_if_fail (value != NULL, FALSE);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_BAD_RESPONSE,
                   _("%s: expected an object, found %s"), path,
                   node ? json_node_type_name (node) : "nothing");
      return FALSE;
    }

  *value = json_node_get_object (node);
  return TRUE;
}

gboolean
sp_json_node_get_array (JsonNode    *node,
                        const char  *path,
                        JsonArray  **value,
                        GError     **error)
{
  g_return_val_if_fail (value != NULL, FALSE);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_BAD_RESPONSE,
                   _("%s: expected an array, found %s"), path,
                   node ? json_node_type_name (node) : "nothing");
      return FALSE;
    }

  *value = json_node_get_array (node);
  return TRUE;
}

/* Optional members: NULL / FALSE when missing or of another type. */
const char *
sp_json_lookup_string (JsonObject *object,
                       const char *member)
{
  JsonNode *node = member_node (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

gboolean
sp_json_lookup_int (JsonObject *object,
                    const char *member,
                    gint64     *value)
{
  JsonNode *node = member_node (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  *value = json_node_get_int (node);
  return TRUE;
}

/**
 * sp_json_error_message:
 * @body: (nullable): an error answer in any of the platform's shapes
 *
 * Returns: (transfer full) (nullable): its `message` (or gateway
 *   `fault.faultstring`), or %NULL
 */
char *
sp_json_error_message (GBytes *body)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonObject *fault;
  const char *message;

  if (body == NULL || !(root = sp_json_parse_bytes (body, "error", NULL)) ||
      !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);
  if ((message = sp_json_lookup_string (object, "message")) != NULL)
    return g_strdup (message);

  if (json_object_has_member (object, "fault") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "fault")))
    {
      fault = json_object_get_object_member (object, "fault");
      if ((message = sp_json_lookup_string (fault, "faultstring")) != NULL)
        return g_strdup (message);
    }

  return NULL;
}
