/* sp-engine-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sp-engine-error.h"
#include "sp-engine-json-private.h"

/*
 * _sp_decimal_parse:
 *
 * Parses "-?DIGITS(.D{1,2})?" into hundredths: "12.5" is 1250, "3" is 300.
 * Anything else (spaces, exponents, a third decimal, "1.", ".5", "+1")
 * is refused rather than rounded, so that no amount changes silently.
 */
gboolean
_sp_decimal_parse (const char *text,
                   gint64     *out_hundredths)
{
  const char *p = text;
  gboolean negative = FALSE;
  gint64 whole = 0;
  gint64 frac = 0;
  guint n_digits = 0;

  if (text == NULL)
    return FALSE;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  for (; g_ascii_isdigit (*p); p++)
    {
      if (++n_digits > 13)
        return FALSE;
      whole = whole * 10 + (*p - '0');
    }

  if (n_digits == 0)
    return FALSE;

  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (p[0]))
        return FALSE;
      frac = (p[0] - '0') * 10;
      p++;
      if (g_ascii_isdigit (p[0]))
        {
          frac += p[0] - '0';
          p++;
        }
    }

  if (*p != '\0')
    return FALSE;

  *out_hundredths = (negative ? -1 : 1) * (whole * 100 + frac);
  return TRUE;
}

/* Returns "12.50" for 1250 and "-0.05" for -5. */
char *
_sp_decimal_format (gint64 hundredths)
{
  guint64 magnitude = hundredths < 0 ? (guint64)(-(hundredths + 1)) + 1 : (guint64)hundredths;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", hundredths < 0 ? "-" : "",
                          magnitude / 100, (guint)(magnitude % 100));
}

gboolean
_sp_json_fail (GError     **error,
               const char  *path,
               const char  *member,
               const char  *message)
{
  if (member != NULL)
    g_set_error (error, SP_ENGINE_ERROR, SP_ENGINE_ERROR_INVALID, "%s.%s: %s", path, member, message);
  else
    g_set_error (error, SP_ENGINE_ERROR, SP_ENGINE_ERROR_INVALID, "%s: %s", path, message);
  return FALSE;
}

/* Finds @member; FALSE with @error when it is required and missing or null. */
static gboolean
lookup (JsonObject      *object,
        const char      *path,
        const char      *member,
        SpJsonPresence   presence,
        JsonNode       **out,
        GError         **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      *out = NULL;
      if (presence == SP_JSON_REQUIRED)
        return _sp_json_fail (error, path, member, node == NULL ? _("missing") : _("must not be null"));
      return TRUE;
    }

  *out = node;
  return TRUE;
}

gboolean
_sp_json_get_object (JsonObject      *object,
                     const char      *path,
                     const char      *member,
                     SpJsonPresence   presence,
                     JsonObject     **out,
                     GError         **error)
{
  JsonNode *node;

  *out = NULL;
  if (!lookup (object, path, member, presence, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _sp_json_fail (error, path, member, _("expected an object"));

  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
_sp_json_get_array (JsonObject      *object,
                    const char      *path,
                    const char      *member,
                    SpJsonPresence   presence,
                    JsonArray      **out,
                    GError         **error)
{
  JsonNode *node;

  *out = NULL;
  if (!lookup (object, path, member, presence, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return _sp_json_fail (error, path, member, _("expected an array"));

  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
_sp_json_get_string (JsonObject      *object,
                     const char      *path,
                     const char      *member,
                     SpJsonPresence   presence,
                     const char     **out,
                     GError         **error)
{
  JsonNode *node;

  *out = NULL;
  if (!lookup (object, path, member, presence, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return _sp_json_fail (error, path, member, _("expected a string"));

  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
_sp_json_get_int (JsonObject      *object,
                  const char      *path,
                  const char      *member,
                  SpJsonPresence   presence,
                  gint64          *out,
                  GError         **error)
{
  JsonNode *node;

  if (!lookup (object, path, member, presence, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return _sp_json_fail (error, path, member, _("expected an integer"));

  *out = json_node_get_int (node);
  return TRUE;
}

/* A decimal is a JSON string ("12.50") or a JSON integer (whole units);
 * a JSON number with a fraction is refused, as it went through double. */
gboolean
_sp_json_get_decimal (JsonObject      *object,
                      const char      *path,
                      const char      *member,
                      SpJsonPresence   presence,
                      gint64          *out_hundredths,
                      GError         **error)
{
  JsonNode *node;
  gint64 value;

  if (!lookup (object, path, member, presence, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return _sp_json_fail (error, path, member, _("expected a decimal string"));

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      value = json_node_get_int (node);
      if (value > SP_DECIMAL_MAX / 100 || value < -SP_DECIMAL_MAX / 100)
        return _sp_json_fail (error, path, member, _("the number is out of range"));
      *out_hundredths = value * 100;
      return TRUE;
    }

  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return _sp_json_fail (error, path, member, _("expected a decimal string"));

  if (!_sp_decimal_parse (json_node_get_string (node), &value) ||
      value > SP_DECIMAL_MAX || value < -SP_DECIMAL_MAX)
    {
      /* Translators: %s is the text that is not a decimal */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a decimal with at most two decimals"),
                                                  json_node_get_string (node));
      return _sp_json_fail (error, path, member, message);
    }

  *out_hundredths = value;
  return TRUE;
}

gboolean
_sp_json_get_enum (JsonObject      *object,
                   const char      *path,
                   const char      *member,
                   SpJsonPresence   presence,
                   GType            enum_type,
                   int             *out,
                   GError         **error)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autoptr(GString) expected = NULL;
  g_autofree char *message = NULL;
  const char *text;
  GEnumValue *value;

  if (!_sp_json_get_string (object, path, member, presence, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  klass = g_type_class_ref (enum_type);
  if ((value = g_enum_get_value_by_nick (klass, text)) != NULL)
    {
      *out = value->value;
      return TRUE;
    }

  expected = g_string_new (NULL);
  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (expected, "%s%s", i > 0 ? ", " : "", klass->values[i].value_nick);

  /* Translators: %1$s is the unknown word, %2$s the list of known ones */
  message = g_strdup_printf (_("unknown %1$s “%2$s” (expected one of: %3$s)"),
                             member, text, expected->str);
  return _sp_json_fail (error, path, member, message);
}

gboolean
_sp_json_array_object (JsonArray   *array,
                       guint        index,
                       const char  *path,
                       JsonObject **out,
                       GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, SP_ENGINE_ERROR, SP_ENGINE_ERROR_INVALID,
                   _("%1$s[%2$u]: expected an object"), path, index);
      return FALSE;
    }

  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
_sp_json_array_string (JsonArray   *array,
                       guint        index,
                       const char  *path,
                       const char **out,
                       GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, SP_ENGINE_ERROR, SP_ENGINE_ERROR_INVALID,
                   _("%1$s[%2$u]: expected a string"), path, index);
      return FALSE;
    }

  *out = json_node_get_string (node);
  return TRUE;
}

static JsonNode *
take_root (JsonParser  *parser,
           GError     **error)
{
  JsonNode *root = json_parser_get_root (parser);

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, SP_ENGINE_ERROR, SP_ENGINE_ERROR_INVALID,
                           _("$: expected a JSON object"));
      return NULL;
    }

  return json_node_ref (root);
}

JsonNode *
_sp_json_parse_file (const char  *filename,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;

  if (!json_parser_load_from_mapped_file (parser, filename, &local_error))
    {
      g_set_error (error, SP_ENGINE_ERROR, SP_ENGINE_ERROR_PARSE, "%s: %s", filename, local_error->message);
      return NULL;
    }

  return take_root (parser, error);
}

JsonNode *
_sp_json_parse_data (const char  *data,
                     gssize       length,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, SP_ENGINE_ERROR, SP_ENGINE_ERROR_PARSE, "%s", local_error->message);
      return NULL;
    }

  return take_root (parser, error);
}
