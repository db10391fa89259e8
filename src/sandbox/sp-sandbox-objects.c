/* sp-sandbox-objects.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The generic object operations most endpoints are made of: upsert (PUT:
 * 201 created or 204 replaced, optional metadata.version check), create
 * (POST: 201, or 409 on an existing id), get, list with paging, delete,
 * and the 207 answer of bulk endpoints.
 */

#define G_LOG_DOMAIN "sp-sandbox-objects"

#include "config.h"

#include "sp-sandbox-error.h"
#include "sp-sandbox-routes-private.h"

/* What is stored of a body: everything but the id (a column) and the
 * server-side metadata (version, dates), which are added on reading.
 * Modifies @object, which the caller owns (a parsed request body): copy
 * any string read from it first. */
char *
_sp_sandbox_body_to_store (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonNode *metadata;

  json_object_remove_member (object, "id");
  metadata = json_object_get_member (object, "metadata");
  if (metadata != NULL && JSON_NODE_HOLDS_OBJECT (metadata))
    {
      JsonObject *meta = json_node_get_object (metadata);

      json_object_remove_member (meta, "version");
      json_object_remove_member (meta, "createdAt");
      json_object_remove_member (meta, "modifiedAt");
    }
  json_node_set_object (node, object);
  return _sp_sandbox_json_to_string (node);
}

static const char *
tenant_of (SpSandboxRequest *req)
{
  return req->n_params > 0 && g_str_has_prefix (req->route,
                                                "/content/") == FALSE ? req->params[0] : "content";
}

/* PUT of an object with a client-chosen id: 201 {"id"} when created, 204
 * when replaced. A metadata.version that is not the stored one answers
 * @stale_status (404 for price lists, 409 elsewhere; MAPPING.md §1.4). */
void
_sp_sandbox_upsert (SpSandboxRequest      *req,
                    const char            *kind,
                    const char            *parent,
                    const char            *id,
                    SpSandboxValidateFunc  validate,
                    guint                  stale_status,
                    const char            *stale_what)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SpSandboxRow) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  JsonObject *object;
  gint64 version = 0;
  gboolean has_version;

  if ((root = _sp_sandbox_parse_body (req)) == NULL)
    return;
  if ((object = _sp_sandbox_json_as_object (root, "$", &error)) == NULL ||
      (validate != NULL && !validate (object, "$", &error)) ||
      !_sp_sandbox_json_get_version (object, "$", &version, &has_version, &error))
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }

  if (!_sp_sandbox_db_begin (req->db, &error))
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }
  row = _sp_sandbox_db_get (req->db, kind, tenant_of (req), parent, id, &error);
  if (error != NULL)
    goto failed;

  if (row != NULL && has_version && version != row->version)
    {
      _sp_sandbox_db_rollback (req->db);
      _sp_sandbox_respond_error (req, stale_status, NULL,
                                 "Cannot find the %s with an id: %s and version: %" G_GINT64_FORMAT ". "
                                 "It is possible to update the %s with the latest version only. "
                                 "Fetch the %s to get the latest version.",
                                 stale_what, id, version, stale_what, stale_what);
      return;
    }

  body = _sp_sandbox_body_to_store (object);
  if (!_sp_sandbox_db_put (req->db, kind, tenant_of (req), parent, id,
                           row != NULL ? row->version + 1 : 1, body, &error) ||
      !_sp_sandbox_db_commit (req->db, &error))
    goto failed;

  if (row != NULL)
    _sp_sandbox_respond_empty (req, 204);
  else
    _sp_sandbox_respond_id (req, 201, id);
  return;

failed:
  _sp_sandbox_db_rollback (req->db);
  _sp_sandbox_respond_gerror (req, error);
}

/* POST of a new object whose id is in the body member @id_member (or
 * generated): 201 {"id"}, or 409 with @conflict_message when it exists. */
void
_sp_sandbox_create (SpSandboxRequest      *req,
                    const char            *kind,
                    const char            *parent,
                    const char            *id_member,
                    SpSandboxValidateFunc  validate,
                    const char            *conflict_message)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SpSandboxRow) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *id = NULL;
  JsonObject *object;
  const char *given;

  if ((root = _sp_sandbox_parse_body (req)) == NULL)
    return;
  if ((object = _sp_sandbox_json_as_object (root, "$", &error)) == NULL ||
      (validate != NULL && !validate (object, "$", &error)) ||
      !_sp_sandbox_json_get_string (object, "$", id_member, SP_SANDBOX_JSON_OPTIONAL, &given,
                                    &error))
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }
  id = given != NULL && given[0] != '\0' ? g_strdup (given) : _sp_sandbox_new_id ();
  json_object_remove_member (object, id_member);

  if (!_sp_sandbox_db_begin (req->db, &error))
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }
  row = _sp_sandbox_db_get (req->db, kind, tenant_of (req), parent, id, &error);
  if (error != NULL)
    goto failed;
  if (row != NULL)
    {
      _sp_sandbox_db_rollback (req->db);
      _sp_sandbox_respond_error (req, 409, NULL, "%s", conflict_message);
      return;
    }

  body = _sp_sandbox_body_to_store (object);
  if (!_sp_sandbox_db_put (req->db, kind, tenant_of (req), parent, id, 1, body, &error) ||
      !_sp_sandbox_db_commit (req->db, &error))
    goto failed;

  _sp_sandbox_respond_id (req, 201, id);
  return;

failed:
  _sp_sandbox_db_rollback (req->db);
  _sp_sandbox_respond_gerror (req, error);
}

void
_sp_sandbox_get (SpSandboxRequest *req,
                 const char       *kind,
                 const char       *parent,
                 const char       *id,
                 const char       *id_member)
{
  g_autoptr(SpSandboxRow) row = NULL;
  g_autoptr(GError) error = NULL;

  row = _sp_sandbox_db_get (req->db, kind, tenant_of (req), parent, id, &error);
  if (error != NULL)
    _sp_sandbox_respond_gerror (req, error);
  else if (row == NULL)
    _sp_sandbox_respond_error (req, 404, NULL, "%s %s not found", kind, id);
  else
    _sp_sandbox_respond_json (req, 200, _sp_sandbox_row_to_json (row, id_member));
}

void
_sp_sandbox_list (SpSandboxRequest *req,
                  const char       *kind,
                  const char       *parent,
                  gint64            default_page_size,
                  const char       *id_member)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 offset, limit, total = 0;

  if (!_sp_sandbox_paging (req, default_page_size, &offset, &limit))
    return;
  rows = _sp_sandbox_db_list (req->db, kind, tenant_of (req), parent, offset, limit, &total,
                              &error);
  if (rows == NULL)
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }
  _sp_sandbox_set_total (req, total);
  _sp_sandbox_respond_json (req, 200, _sp_sandbox_rows_to_json (rows, id_member));
}

void
_sp_sandbox_delete (SpSandboxRequest *req,
                    const char       *kind,
                    const char       *parent,
                    const char       *id)
{
  g_autoptr(GError) error = NULL;
  gboolean deleted = FALSE;

  if (!_sp_sandbox_db_delete (req->db, kind, tenant_of (req), parent, id, &deleted, &error))
    _sp_sandbox_respond_gerror (req, error);
  else if (!deleted)
    _sp_sandbox_respond_error (req, 404, NULL, "%s %s not found", kind, id);
  else
    _sp_sandbox_respond_empty (req, 204);
}

/* Answers 404 and returns FALSE when the parent object is missing. */
gboolean
_sp_sandbox_require (SpSandboxRequest *req,
                     const char       *kind,
                     const char       *parent,
                     const char       *id,
                     const char       *what)
{
  g_autoptr(SpSandboxRow) row = NULL;
  g_autoptr(GError) error = NULL;

  row = _sp_sandbox_db_get (req->db, kind, tenant_of (req), parent, id, &error);
  if (error != NULL)
    {
      _sp_sandbox_respond_gerror (req, error);
      return FALSE;
    }
  if (row == NULL)
    {
      _sp_sandbox_respond_error (req, 404, NULL, "The %s with an id: %s does not exist.", what, id);
      return FALSE;
    }
  return TRUE;
}

/* Returns: (transfer none) (nullable): the items of a bulk request, after
 * answering 400 when the body is not an array of 1 to 200 items. */
JsonArray *
_sp_sandbox_bulk_items (SpSandboxRequest *req,
                        JsonNode         *root)
{
  g_autoptr(GError) error = NULL;
  JsonArray *items;
  guint n;

  if ((items = _sp_sandbox_json_as_array (root, "$", &error)) == NULL)
    {
      _sp_sandbox_respond_gerror (req, error);
      return NULL;
    }
  n = json_array_get_length (items);
  if (n == 0 || n > SP_SANDBOX_BULK_LIMIT)
    {
      _sp_sandbox_respond_error (req, 400, NULL,
                                 "$: a bulk request takes 1 to %u items; this one has %u",
                                 SP_SANDBOX_BULK_LIMIT, n);
      return NULL;
    }
  return items;
}

/* One element of a 207 answer: {index, id?, code, status, message?}. */
void
_sp_sandbox_bulk_result (JsonBuilder *builder,
                         guint        index,
                         const char  *id,
                         guint        code,
                         const char  *message)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "index");
  json_builder_add_int_value (builder, index);
  if (id != NULL)
    {
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
    }
  json_builder_set_member_name (builder, "code");
  json_builder_add_int_value (builder, code);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, soup_status_get_phrase (code));
  if (message != NULL)
    {
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, message);
    }
  json_builder_end_object (builder);
}
