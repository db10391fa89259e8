/* sp-sandbox-fault.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rules come as JSON (POST /sandbox/faults, sp_sandbox_server_add_faults()):
 *
 *   [{"match": "POST /coupon/stockdemo/coupons", "fault": 409, "times": 1},
 *    {"match": "PUT /price/STAR", "fault": "429", "retryAfter": 2},
 *    {"match": "STAR /quote/STAR", "fault": "stall", "seconds": 5},
 *    {"match": "POST /quote/STAR", "fault": "reset", "afterStore": true}]
 *
 * where STAR stands for "*", a glob that also matches "/".
 *
 * or, for one request, as the header "X-Sandbox-Fault: 429;retry-after=2",
 * "stall;seconds=3" or "reset;after-store".
 */

#define G_LOG_DOMAIN "sp-sandbox-fault"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sp-sandbox-error.h"
#include "sp-sandbox-fault-private.h"
#include "sp-sandbox-json-private.h"

#define DEFAULT_STALL_SECONDS 35   /* past the connector's 30 s timeout */

void
_sp_sandbox_fault_free (SpSandboxFault *fault)
{
  if (fault == NULL)
    return;
  g_free (fault->method);
  g_free (fault->path_glob);
  g_clear_pointer (&fault->pattern, g_pattern_spec_free);
  g_free (fault);
}

SpSandboxFault *
_sp_sandbox_fault_copy (const SpSandboxFault *fault)
{
  SpSandboxFault *copy = g_memdup2 (fault, sizeof *fault);

  copy->method = g_strdup (fault->method);
  copy->path_glob = g_strdup (fault->path_glob);
  copy->pattern = fault->pattern != NULL ? g_pattern_spec_copy (fault->pattern) : NULL;
  return copy;
}

static gboolean
parse_uint (const char  *text,
            guint       *value)
{
  guint64 parsed;

  if (!g_ascii_string_to_unsigned (text, 10, 0, 3600, &parsed, NULL))
    return FALSE;
  *value = (guint)parsed;
  return TRUE;
}

/* Sets the kind from a fault name: a status code, "stall" or "reset". */
static gboolean
set_kind (SpSandboxFault  *fault,
          const char      *name,
          const char      *where,
          GError         **error)
{
  guint64 status;

  if (g_ascii_strcasecmp (name, "stall") == 0)
    fault->kind = SP_SANDBOX_FAULT_STALL;
  else if (g_ascii_strcasecmp (name, "reset") == 0)
    fault->kind = SP_SANDBOX_FAULT_RESET;
  else if (g_ascii_string_to_unsigned (name, 10, 400, 599, &status, NULL))
    {
      fault->kind = SP_SANDBOX_FAULT_STATUS;
      fault->status = (guint)status;
    }
  else
    {
      g_set_error (error, SP_SANDBOX_ERROR, SP_SANDBOX_ERROR_FAULT_RULE,
                   "%s: unknown fault “%s”; expected a status 400–599, \"stall\" or \"reset\"",
                   where, name);
      return FALSE;
    }
  return TRUE;
}

static SpSandboxFault *
fault_new (void)
{
  SpSandboxFault *fault = g_new0 (SpSandboxFault, 1);

  fault->method = g_strdup ("*");
  fault->path_glob = g_strdup ("*");
  fault->retry_after = 1;
  fault->seconds = DEFAULT_STALL_SECONDS;
  fault->times = 1;
  return fault;
}

/* Parses "429;retry-after=2", "stall;seconds=3", "reset;after-store". */
SpSandboxFault *
_sp_sandbox_fault_parse_spec (const char  *spec,
                              GError     **error)
{
  g_autoptr(SpSandboxFault) fault = fault_new ();
  g_auto(GStrv) parts = g_strsplit (spec, ";", 8);

  if (parts[0] == NULL || !set_kind (fault, g_strstrip (parts[0]), "X-Sandbox-Fault", error))
    {
      if (parts[0] == NULL)
        g_set_error (error, SP_SANDBOX_ERROR, SP_SANDBOX_ERROR_FAULT_RULE,
                     "X-Sandbox-Fault: empty");
      return NULL;
    }

  for (guint i = 1; parts[i] != NULL; i++)
    {
      char *option = g_strstrip (parts[i]);
      char *value = strchr (option, '=');

      if (value != NULL)
        *value++ = '\0';

      if (g_ascii_strcasecmp (option, "after-store") == 0 && value == NULL)
        fault->after_store = TRUE;
      else if (g_ascii_strcasecmp (option, "retry-after") == 0 && value != NULL &&
               parse_uint (value, &fault->retry_after))
        continue;
      else if (g_ascii_strcasecmp (option, "seconds") == 0 && value != NULL &&
               parse_uint (value, &fault->seconds))
        continue;
      else
        {
          g_set_error (error, SP_SANDBOX_ERROR, SP_SANDBOX_ERROR_FAULT_RULE,
                       "X-Sandbox-Fault: unknown option “%s”", option);
          return NULL;
        }
    }

  return g_steal_pointer (&fault);
}

static SpSandboxFault *
parse_rule (JsonNode    *node,
            const char  *path,
            GError     **error)
{
  g_autoptr(SpSandboxFault) fault = fault_new ();
  JsonObject *object;
  JsonNode *kind_node;
  const char *match = NULL;
  const char *space;
  gint64 number;
  gboolean present;

  if ((object = _sp_sandbox_json_as_object (node, path, error)) == NULL ||
      !_sp_sandbox_json_get_string (object, path, "match", SP_SANDBOX_JSON_REQUIRED, &match, error))
    return NULL;

  /* "METHOD /path/glob" or just "/path/glob" (any method). */
  if ((space = strchr (match, ' ')) != NULL)
    {
      g_free (fault->method);
      fault->method = g_ascii_strup (match, space - match);
      match = space + 1;
      while (*match == ' ')
        match++;
    }
  if (match[0] != '/' && g_strcmp0 (match, "*") != 0)
    {
      g_set_error (error, SP_SANDBOX_ERROR, SP_SANDBOX_ERROR_FAULT_RULE,
                   "%s.match: expected \"METHOD /path/glob\"", path);
      return NULL;
    }
  g_free (fault->path_glob);
  fault->path_glob = g_strdup (match);

  kind_node = json_object_get_member (object, "fault");
  if (kind_node != NULL && JSON_NODE_HOLDS_VALUE (kind_node) &&
      json_node_get_value_type (kind_node) == G_TYPE_INT64)
    {
      g_autofree char *name = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (kind_node));
      g_autofree char *where = g_strdup_printf ("%s.fault", path);

      if (!set_kind (fault, name, where, error))
        return NULL;
    }
  else
    {
      const char *name;
      g_autofree char *where = g_strdup_printf ("%s.fault", path);

      if (!_sp_sandbox_json_get_string (object, path, "fault", SP_SANDBOX_JSON_REQUIRED, &name,
                                        error) ||
          !set_kind (fault, name, where, error))
        return NULL;
    }

  if (!_sp_sandbox_json_get_int (object, path, "times", SP_SANDBOX_JSON_OPTIONAL, &number,
                                 &present, error))
    return NULL;
  if (present)
    {
      if (number == 0 || number < -1 || number > G_MAXINT)
        {
          g_set_error (error, SP_SANDBOX_ERROR, SP_SANDBOX_ERROR_FAULT_RULE,
                       "%s.times: expected a positive count, or -1 for every request", path);
          return NULL;
        }
      fault->times = (int)number;
    }

  if (!_sp_sandbox_json_get_int (object, path, "retryAfter", SP_SANDBOX_JSON_OPTIONAL, &number,
                                 &present, error))
    return NULL;
  if (present)
    fault->retry_after = (guint)CLAMP (number, 0, 3600);
  if (!_sp_sandbox_json_get_int (object, path, "seconds", SP_SANDBOX_JSON_OPTIONAL, &number,
                                 &present, error))
    return NULL;
  if (present)
    fault->seconds = (guint)CLAMP (number, 0, 3600);
  if (!_sp_sandbox_json_get_bool (object, path, "afterStore", SP_SANDBOX_JSON_OPTIONAL,
                                  &fault->after_store, error))
    return NULL;

  return g_steal_pointer (&fault);
}

/* Parses one rule object or an array of them.
 * Returns: (transfer full) (element-type SpSandboxFault): the rules */
GPtrArray *
_sp_sandbox_fault_parse_rules (const char  *json,
                               GError     **error)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify)_sp_sandbox_fault_free);
  g_autoptr(JsonNode) root = NULL;

  if ((root = _sp_sandbox_json_parse_text (json, error)) == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *path = g_strdup_printf ("$[%u]", i);
          SpSandboxFault *fault = parse_rule (json_array_get_element (array, i), path, error);

          if (fault == NULL)
            return NULL;
          g_ptr_array_add (rules, fault);
        }
    }
  else
    {
      SpSandboxFault *fault = parse_rule (root, "$", error);

      if (fault == NULL)
        return NULL;
      g_ptr_array_add (rules, fault);
    }

  for (guint i = 0; i < rules->len; i++)
    {
      SpSandboxFault *fault = g_ptr_array_index (rules, i);

      fault->pattern = g_pattern_spec_new (fault->path_glob);
    }
  return g_steal_pointer (&rules);
}

gboolean
_sp_sandbox_fault_matches (const SpSandboxFault *fault,
                           const char           *method,
                           const char           *path)
{
  if (g_strcmp0 (fault->method, "*") != 0 && g_ascii_strcasecmp (fault->method, method) != 0)
    return FALSE;
  return fault->pattern == NULL || g_pattern_spec_match_string (fault->pattern, path);
}

JsonNode *
_sp_sandbox_fault_to_json (const SpSandboxFault *fault)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *match = g_strdup_printf ("%s %s", fault->method, fault->path_glob);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "match");
  json_builder_add_string_value (builder, match);
  json_builder_set_member_name (builder, "fault");
  switch (fault->kind)
    {
    case SP_SANDBOX_FAULT_STALL:
      json_builder_add_string_value (builder, "stall");
      json_builder_set_member_name (builder, "seconds");
      json_builder_add_int_value (builder, fault->seconds);
      break;
    case SP_SANDBOX_FAULT_RESET:
      json_builder_add_string_value (builder, "reset");
      break;
    case SP_SANDBOX_FAULT_STATUS:
    default:
      json_builder_add_int_value (builder, fault->status);
      json_builder_set_member_name (builder, "retryAfter");
      json_builder_add_int_value (builder, fault->retry_after);
      break;
    }
  json_builder_set_member_name (builder, "times");
  json_builder_add_int_value (builder, fault->times);
  json_builder_set_member_name (builder, "afterStore");
  json_builder_add_boolean_value (builder, fault->after_store);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
