/* sp-sandbox-inspect.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sandbox's own endpoints, never faulted nor counted:
 *
 *   GET    /sandbox            an HTML page listing what the sandbox holds
 *   GET    /sandbox/objects    the same as JSON, by kind, with counts (?kind=price)
 *   DELETE /sandbox/objects    forget everything (and the faults and counters)
 *   GET    /sandbox/faults     the fault rules still pending
 *   POST   /sandbox/faults     add fault rules (sp-sandbox-fault.c)
 *   DELETE /sandbox/faults     drop them
 *   GET    /sandbox/stats      requests per endpoint
 *   DELETE /sandbox/stats      reset the counters
 *
 * It also seeds the demo companies a fresh sandbox starts with.
 */

#define G_LOG_DOMAIN "sp-sandbox-inspect"

#include "config.h"

#include <string.h>

#include "sp-sandbox-fault-private.h"
#include "sp-sandbox-routes-private.h"
#include "sp-sandbox-server-private.h"

/* Returns: (transfer full): {"total": n, "files": n, "kinds": {kind:
 * {"count": n, "objects": [{tenant, parent, id, version, modified, body}]}}} */
JsonNode *
_sp_sandbox_objects_json (SpSandboxDb  *db,
                          const char   *kind,
                          GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *current = NULL;
  guint total = 0;

  if ((rows = _sp_sandbox_db_list_all (db, error)) == NULL)
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kinds");
  json_builder_begin_object (builder);
  for (guint i = 0; i <= rows->len; i++)
    {
      SpSandboxRow *row = i < rows->len ? g_ptr_array_index (rows, i) : NULL;
      g_autoptr(JsonNode) body = NULL;
      guint count = 0;

      if (row != NULL && kind != NULL && strcmp (row->kind, kind) != 0)
        continue;
      if (current != NULL && (row == NULL || strcmp (row->kind, current) != 0))
        {
          json_builder_end_array (builder);
          json_builder_end_object (builder);
          current = NULL;
        }
      if (row == NULL)
        break;
      if (current == NULL)
        {
          current = row->kind;
          for (guint j = i; j < rows->len; j++)
            if (strcmp (((SpSandboxRow *)g_ptr_array_index (rows, j))->kind, current) == 0)
              count++;
          json_builder_set_member_name (builder, current);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "count");
          json_builder_add_int_value (builder, count);
          json_builder_set_member_name (builder, "objects");
          json_builder_begin_array (builder);
        }

      total++;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "tenant");
      json_builder_add_string_value (builder, row->tenant);
      if (row->parent[0] != '\0')
        {
          json_builder_set_member_name (builder, "parent");
          json_builder_add_string_value (builder, row->parent);
        }
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, row->id);
      json_builder_set_member_name (builder, "version");
      json_builder_add_int_value (builder, row->version);
      json_builder_set_member_name (builder, "modified");
      json_builder_add_string_value (builder, row->modified);
      json_builder_set_member_name (builder, "body");
      body = _sp_sandbox_json_parse_text (row->body, NULL);  /* written by us; null if not JSON */
      if (body != NULL)
        json_builder_add_value (builder, g_steal_pointer (&body));
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, total);
  json_builder_set_member_name (builder, "files");
  json_builder_add_int_value (builder, _sp_sandbox_db_count_files (db));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
append_escaped (GString    *html,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (html, escaped);
}

/* A page for a person: every object by kind, all text escaped. */
static void
respond_page (SpSandboxRequest *req)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) html = g_string_new (NULL);
  g_autoptr(JsonNode) stats = NULL;
  g_autofree char *stats_text = NULL;
  const char *current = NULL;

  if ((rows = _sp_sandbox_db_list_all (req->db, &error)) == NULL)
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }

  g_string_append (html,
                   "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                   "<title>Stock Promotion sandbox</title>"
                   "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                   "td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:top;text-align:left}"
                   "pre{margin:0;white-space:pre-wrap;max-width:60em}</style></head><body>\n"
                   "<h1>Stock Promotion sandbox</h1>\n");
  g_string_append_printf (html,
                          "<p>%u objects. JSON: <a href=\"/sandbox/objects\">/sandbox/objects</a>, "
                                "<a href=\"/sandbox/stats\">/sandbox/stats</a>, "
                                "<a href=\"/sandbox/faults\">/sandbox/faults</a>.</p>\n", rows->len);

  for (guint i = 0; i < rows->len; i++)
    {
      SpSandboxRow *row = g_ptr_array_index (rows, i);

      if (current == NULL || strcmp (current, row->kind) != 0)
        {
          guint count = 0;

          if (current != NULL)
            g_string_append (html, "</table>\n");
          current = row->kind;
          for (guint j = i; j < rows->len; j++)
            if (strcmp (((SpSandboxRow *)g_ptr_array_index (rows, j))->kind, current) == 0)
              count++;
          g_string_append (html, "<h2>");
          append_escaped (html, current);
          g_string_append_printf (html,
                                  " (%u)</h2>\n<table><tr><th>tenant</th><th>parent</th><th>id</th>"
                                        "<th>version</th><th>modified</th><th>body</th></tr>\n", count);
        }
      g_string_append (html, "<tr><td>");
      append_escaped (html, row->tenant);
      g_string_append (html, "</td><td>");
      append_escaped (html, row->parent);
      g_string_append (html, "</td><td>");
      append_escaped (html, row->id);
      g_string_append_printf (html, "</td><td>%" G_GINT64_FORMAT "</td><td>", row->version);
      append_escaped (html, row->modified);
      g_string_append (html, "</td><td><pre>");
      append_escaped (html, row->body);
      g_string_append (html, "</pre></td></tr>\n");
    }
  if (current != NULL)
    g_string_append (html, "</table>\n");

  stats = _sp_sandbox_server_stats_json (req->server);
  stats_text = json_to_string (stats, TRUE);
  g_string_append (html, "<h2>Requests</h2>\n<pre>");
  append_escaped (html, stats_text);
  g_string_append (html, "</pre>\n</body></html>\n");

  _sp_sandbox_respond_text (req, 200, "text/html; charset=utf-8", html->str);
}

static void
add_faults (SpSandboxRequest *req)
{
  g_autoptr(GPtrArray) faults = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize size = 0;
  const char *data = req->body != NULL ? g_bytes_get_data (req->body, &size) : NULL;

  text = g_strndup (data != NULL ? data : "", size);
  if ((faults = _sp_sandbox_fault_parse_rules (text, &error)) == NULL)
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }
  _sp_sandbox_server_take_faults (req->server, faults);
  _sp_sandbox_respond_json (req, 201, _sp_sandbox_server_faults_json (req->server));
}

void
_sp_sandbox_handle_control (SpSandboxRequest *req)
{
  const char *path = req->path;
  const char *method = req->method;
  g_autoptr(GError) error = NULL;

  if (strcmp (path, "/sandbox") == 0 || strcmp (path, "/sandbox/") == 0)
    {
      if (strcmp (method, "GET") == 0)
        respond_page (req);
      else
        _sp_sandbox_respond_error (req, 405, NULL, "%s %s: method not allowed", method, path);
    }
  else if (strcmp (path, "/sandbox/objects") == 0 && strcmp (method, "GET") == 0)
    {
      JsonNode *node = _sp_sandbox_objects_json (req->db, _sp_sandbox_query (req, "kind"), &error);

      if (node == NULL)
        _sp_sandbox_respond_gerror (req, error);
      else
        _sp_sandbox_respond_json (req, 200, node);
    }
  else if (strcmp (path, "/sandbox/objects") == 0 && strcmp (method, "DELETE") == 0)
    {
      sp_sandbox_server_clear_faults (req->server);
      _sp_sandbox_server_reset_stats (req->server);
      if (!_sp_sandbox_db_reset (req->db, &error) || !_sp_sandbox_seed_demo (req->db, &error))
        _sp_sandbox_respond_gerror (req, error);
      else
        _sp_sandbox_respond_empty (req, 204);
    }
  else if (strcmp (path, "/sandbox/faults") == 0 && strcmp (method, "GET") == 0)
    _sp_sandbox_respond_json (req, 200, _sp_sandbox_server_faults_json (req->server));
  else if (strcmp (path, "/sandbox/faults") == 0 && strcmp (method, "POST") == 0)
    add_faults (req);
  else if (strcmp (path, "/sandbox/faults") == 0 && strcmp (method, "DELETE") == 0)
    {
      sp_sandbox_server_clear_faults (req->server);
      _sp_sandbox_respond_empty (req, 204);
    }
  else if (strcmp (path, "/sandbox/stats") == 0 && strcmp (method, "GET") == 0)
    _sp_sandbox_respond_json (req, 200, _sp_sandbox_server_stats_json (req->server));
  else if (strcmp (path, "/sandbox/stats") == 0 && strcmp (method, "DELETE") == 0)
    {
      _sp_sandbox_server_reset_stats (req->server);
      _sp_sandbox_respond_empty (req, 204);
    }
  else
    _sp_sandbox_respond_error (req, 404, NULL, "%s %s: no such sandbox page", method, path);
}

/* The companies of the demo workspace (MAPPING.md example data), visible
 * in every tenant, so that company lookups (§4) have something to find. */
static const char seed_json[] =
  "{"
  " \"legal-entity\": ["
  "  {\"id\": \"le-acme\", \"name\": \"ACME GmbH\", \"type\": \"COMPANY\","
  "   \"legalInfo\": {\"legalName\": \"ACME GmbH\", \"countryOfRegistration\": \"DE\"},"
  "   \"entitiesAddresses\": [{\"id\": \"loc-acme-hq\"}], \"customerGroups\": []},"
  "  {\"id\": \"le-acme-south\", \"name\": \"ACME Süd GmbH\", \"type\": \"SUBSIDIARY\", \"parentId\": \"le-acme\","
  "   \"legalInfo\": {\"legalName\": \"ACME Süd GmbH\", \"countryOfRegistration\": \"DE\"},"
  "   \"entitiesAddresses\": [{\"id\": \"loc-acme-muc\"}], \"customerGroups\": []},"
  "  {\"id\": \"le-boltwerk\", \"name\": \"Boltwerk AG\", \"type\": \"COMPANY\","
  "   \"legalInfo\": {\"legalName\": \"Boltwerk AG\", \"countryOfRegistration\": \"AT\"},"
  "   \"entitiesAddresses\": [{\"id\": \"loc-boltwerk-vie\"}], \"customerGroups\": []}"
  " ],"
  " \"contact-assignment\": ["
  "  {\"id\": \"ca-c100234\", \"legalEntity\": {\"id\": \"le-acme\", \"name\": \"ACME GmbH\"},"
  "   \"customer\": {\"id\": \"C100234\", \"name\": \"Anna\", \"surname\": \"Becker\"}, \"type\": \"BILLING\","
  "   \"primary\": true},"
  "  {\"id\": \"ca-c100235\", \"legalEntity\": {\"id\": \"le-acme\", \"name\": \"ACME GmbH\"},"
  "   \"customer\": {\"id\": \"C100235\", \"name\": \"Jonas\", \"surname\": \"Keller\"}, \"type\": \"CONTACT\","
  "   \"primary\": false},"
  "  {\"id\": \"ca-c200100\", \"legalEntity\": {\"id\": \"le-boltwerk\", \"name\": \"Boltwerk AG\"},"
  "   \"customer\": {\"id\": \"C200100\", \"name\": \"Eva\", \"surname\": \"Huber\"}, \"type\": \"BILLING\","
  "   \"primary\": true}"
  " ],"
  " \"location\": ["
  "  {\"id\": \"loc-acme-hq\", \"legalEntityId\": \"le-acme\", \"name\": \"ACME HQ\","
  "   \"contactDetails\": {\"countryCode\": \"DE\", \"city\": \"Köln\"}},"
  "  {\"id\": \"loc-acme-muc\", \"legalEntityId\": \"le-acme-south\", \"name\": \"ACME München\","
  "   \"contactDetails\": {\"countryCode\": \"DE\", \"city\": \"München\"}},"
  "  {\"id\": \"loc-boltwerk-vie\", \"legalEntityId\": \"le-boltwerk\", \"name\": \"Boltwerk Wien\","
  "   \"contactDetails\": {\"countryCode\": \"AT\", \"city\": \"Wien\"}}"
  " ]"
  "}";

/* Stores the objects of @json ({"kind": [{"id": …, …}, …], …}), visible
 * in every tenant, in one transaction. */
gboolean
_sp_sandbox_seed_json (SpSandboxDb  *db,
                       const char   *json,
                       GError      **error)
{
  g_autoptr(JsonNode) root = _sp_sandbox_json_parse_text (json, error);
  JsonObject *kinds;
  g_autoptr(GList) names = NULL;

  if (root == NULL || (kinds = _sp_sandbox_json_as_object (root, "$", error)) == NULL)
    return FALSE;
  if (!_sp_sandbox_db_begin (db, error))
    return FALSE;

  names = json_object_get_members (kinds);
  for (const GList *l = names; l != NULL; l = l->next)
    {
      JsonArray *objects;

      if (!_sp_sandbox_json_get_array (kinds, "$", l->data, SP_SANDBOX_JSON_REQUIRED, &objects,
                                       error))
        {
          _sp_sandbox_db_rollback (db);
          return FALSE;
        }
      for (guint i = 0; i < json_array_get_length (objects); i++)
        {
          g_autofree char *path = g_strdup_printf ("$.%s[%u]", (const char *)l->data, i);
          JsonObject *object;
          const char *id;
          g_autofree char *body = NULL;
          g_autofree char *stored_id = NULL;

          if ((object = _sp_sandbox_json_as_object (json_array_get_element (objects, i), path,
                                                    error)) == NULL ||
              !_sp_sandbox_json_get_string (object, path, "id", SP_SANDBOX_JSON_REQUIRED, &id,
                                            error))
            {
              _sp_sandbox_db_rollback (db);
              return FALSE;
            }
          /* Storing the body drops its "id" member, and @id with it. */
          stored_id = g_strdup (id);
          body = _sp_sandbox_body_to_store (object);
          if (!_sp_sandbox_db_put (db, l->data, SP_SANDBOX_ANY_TENANT, NULL, stored_id, 1, body,
                                   error))
            {
              _sp_sandbox_db_rollback (db);
              return FALSE;
            }
        }
    }
  if (!_sp_sandbox_db_commit (db, error))
    {
      _sp_sandbox_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

gboolean
_sp_sandbox_seed_demo (SpSandboxDb  *db,
                       GError      **error)
{
  return _sp_sandbox_seed_json (db, seed_json, error);
}
