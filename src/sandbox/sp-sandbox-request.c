/* sp-sandbox-request.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-sandbox-request"

#include "config.h"

#include <string.h>

#include "sp-sandbox-error.h"
#include "sp-sandbox-request-private.h"

void
_sp_sandbox_request_clear_params (SpSandboxRequest *req)
{
  for (guint i = 0; i < req->n_params; i++)
    g_clear_pointer (&req->params[i], g_free);
  req->n_params = 0;
}

void
_sp_sandbox_request_clear (SpSandboxRequest *req)
{
  g_clear_pointer (&req->body, g_bytes_unref);
  _sp_sandbox_request_clear_params (req);
}

const char *
_sp_sandbox_query (SpSandboxRequest *req,
                   const char       *name)
{
  return req->query != NULL ? g_hash_table_lookup (req->query, name) : NULL;
}

const char *
_sp_sandbox_header (SpSandboxRequest *req,
                    const char       *name)
{
  return soup_message_headers_get_one (soup_server_message_get_request_headers (req->msg), name);
}

/* Takes @node (transfer full). */
void
_sp_sandbox_respond_json (SpSandboxRequest *req,
                          guint             status,
                          JsonNode         *node)
{
  g_autoptr(JsonNode) owned = node;
  g_autofree char *text = _sp_sandbox_json_to_string (owned);

  _sp_sandbox_respond_text (req, status, "application/json", text);
}

void
_sp_sandbox_respond_text (SpSandboxRequest *req,
                          guint             status,
                          const char       *content_type,
                          const char       *text)
{
  soup_server_message_set_status (req->msg, status, NULL);
  soup_server_message_set_response (req->msg, content_type, SOUP_MEMORY_COPY, text, strlen (text));
}

void
_sp_sandbox_respond_empty (SpSandboxRequest *req,
                           guint             status)
{
  soup_server_message_set_status (req->msg, status, NULL);
  soup_server_message_set_response (req->msg, NULL, SOUP_MEMORY_STATIC, NULL, 0);

  /* libsoup 3.2 closes the connection after a 204 (it has no length, so it
   * counts as "framed by EOF"), but without telling the client, which then
   * reuses it and gets a "socket hang up" (Prism's proxy, keep-alive
   * agents). Saying "Connection: close" makes clients open a new one. */
  if (status == SOUP_STATUS_NO_CONTENT)
    soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                  "Connection", "close");
}

void
_sp_sandbox_respond_id (SpSandboxRequest *req,
                        guint             status,
                        const char       *id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_end_object (builder);
  _sp_sandbox_respond_json (req, status, json_builder_get_root (builder));
}

static const char *
coupon_error_type (guint status)
{
  switch (status)
    {
    case 400: return "validation_violation";
    case 403: return "insufficient_permissions";
    case 404: return "element_resource_non_existing";
    case 409: return "conflict_resource";
    default: return "internal_error";
    }
}

/* Answers in the error shape of the service (MAPPING.md §1.3). */
void
_sp_sandbox_respond_error (SpSandboxRequest *req,
                           guint             status,
                           const char       *error_code,
                           const char       *format,
                           ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  json_builder_begin_object (builder);
  if (req->style == SP_SANDBOX_STYLE_COUPON)
    {
      json_builder_set_member_name (builder, "status");
      json_builder_add_int_value (builder, status);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, coupon_error_type (status));
    }
  else
    {
      json_builder_set_member_name (builder, "code");
      json_builder_add_int_value (builder, status);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, soup_status_get_phrase (status));
    }
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  if (error_code != NULL)
    {
      json_builder_set_member_name (builder, "errorCode");
      json_builder_add_string_value (builder, error_code);
    }
  json_builder_set_member_name (builder, "details");
  if (req->style != SP_SANDBOX_STYLE_DETAIL_OBJECT)
    json_builder_begin_array (builder);
  if (req->style == SP_SANDBOX_STYLE_EMPORIX)
    json_builder_add_string_value (builder, message);
  else
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, coupon_error_type (status));
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, message);
      json_builder_end_object (builder);
    }
  if (req->style != SP_SANDBOX_STYLE_DETAIL_OBJECT)
    json_builder_end_array (builder);
  json_builder_end_object (builder);

  _sp_sandbox_respond_json (req, status, json_builder_get_root (builder));
}

/* A bad request body is the client's fault (400, with the JSON path in the
 * message); anything else is ours (500). */
void
_sp_sandbox_respond_gerror (SpSandboxRequest *req,
                            const GError     *error)
{
  if (g_error_matches (error, SP_SANDBOX_ERROR, SP_SANDBOX_ERROR_INVALID) ||
      g_error_matches (error, SP_SANDBOX_ERROR, SP_SANDBOX_ERROR_FAULT_RULE))
    _sp_sandbox_respond_error (req, 400, NULL, "%s", error->message);
  else
    _sp_sandbox_respond_error (req, 500, NULL, "%s", error->message);
}

void
_sp_sandbox_respond_unauthorized (SpSandboxRequest *req,
                                  const char       *faultstring,
                                  const char       *errorcode)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fault");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "faultstring");
  json_builder_add_string_value (builder, faultstring);
  json_builder_set_member_name (builder, "detail");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "errorcode");
  json_builder_add_string_value (builder, errorcode);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  _sp_sandbox_respond_json (req, 401, json_builder_get_root (builder));
}

/* Returns: (transfer full) (nullable): the parsed body, or %NULL after
 * answering 400 with the JSON path of the problem. */
JsonNode *
_sp_sandbox_parse_body (SpSandboxRequest *req)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  if ((node = _sp_sandbox_json_parse (req->body, &error)) == NULL)
    _sp_sandbox_respond_gerror (req, error);
  return node;
}

static gboolean
parse_page_value (SpSandboxRequest *req,
                  const char       *name,
                  gint64            fallback,
                  gint64            max,
                  gint64           *value)
{
  const char *text = _sp_sandbox_query (req, name);
  guint64 parsed;

  if (text == NULL || text[0] == '\0')
    {
      *value = fallback;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 1, max, &parsed, NULL))
    {
      _sp_sandbox_respond_error (req, 400, NULL,
                                 "query %s: expected an integer from 1 to %" G_GINT64_FORMAT,
                                 name, max);
      return FALSE;
    }
  *value = (gint64)parsed;
  return TRUE;
}

/* Reads pageNumber (first page 1) and pageSize (MAPPING.md §1.2). */
gboolean
_sp_sandbox_paging (SpSandboxRequest *req,
                    gint64            default_size,
                    gint64           *offset,
                    gint64           *limit)
{
  gint64 number, size;

  if (!parse_page_value (req, "pageNumber", 1, G_MAXINT32, &number) ||
      !parse_page_value (req, "pageSize", default_size, 10000, &size))
    return FALSE;
  *offset = (number - 1) * size;
  *limit = size;
  return TRUE;
}

/* Totals are sent only on request: header "X-Total-Count: true" (most
 * services) or query totalCount=true (coupon: header Items-Count). */
void
_sp_sandbox_set_total (SpSandboxRequest *req,
                       gint64            total)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (req->msg);
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, total);

  if (req->style == SP_SANDBOX_STYLE_COUPON)
    {
      if (g_strcmp0 (_sp_sandbox_query (req, "totalCount"), "true") == 0)
        soup_message_headers_replace (headers, "Items-Count", text);
    }
  else if (g_ascii_strcasecmp (_sp_sandbox_header (req, "X-Total-Count") ?: "", "true") == 0)
    soup_message_headers_replace (headers, "X-Total-Count", text);
}

/* The stored body with its id and metadata (version, createdAt, modifiedAt)
 * as the services answer a GET. */
JsonNode *
_sp_sandbox_row_to_json (const SpSandboxRow *row,
                         const char         *id_member)
{
  g_autoptr(JsonNode) node = _sp_sandbox_json_parse_text (row->body,
                                                          NULL);  /* written by us; checked below */
  JsonObject *object, *metadata;
  JsonNode *metadata_node;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_clear_pointer (&node, json_node_unref);
      node = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (node, json_object_new ());
    }
  object = json_node_get_object (node);

  if (id_member != NULL)
    json_object_set_string_member (object, id_member, row->id);

  metadata_node = json_object_get_member (object, "metadata");
  if (metadata_node == NULL || !JSON_NODE_HOLDS_OBJECT (metadata_node))
    {
      metadata = json_object_new ();
      json_object_set_object_member (object, "metadata", metadata);
    }
  else
    metadata = json_node_get_object (metadata_node);
  json_object_set_int_member (metadata, "version", row->version);
  json_object_set_string_member (metadata, "createdAt", row->created);
  json_object_set_string_member (metadata, "modifiedAt", row->modified);

  return g_steal_pointer (&node);
}

JsonNode *
_sp_sandbox_rows_to_json (GPtrArray  *rows,
                          const char *id_member)
{
  JsonArray *array = json_array_sized_new (rows->len);

  for (guint i = 0; i < rows->len; i++)
    json_array_add_element (array, _sp_sandbox_row_to_json (g_ptr_array_index (rows, i),
                                                            id_member));
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

SpSandboxErrorStyle
_sp_sandbox_style_for_path (const char *path)
{
  if (g_str_has_prefix (path, "/coupon/"))
    return SP_SANDBOX_STYLE_COUPON;
  if (g_str_has_prefix (path, "/product/") || g_str_has_prefix (path, "/schema/"))
    return SP_SANDBOX_STYLE_DETAIL_OBJECTS;
  if (g_str_has_prefix (path, "/customer-segment/"))
    return SP_SANDBOX_STYLE_DETAIL_OBJECT;
  return SP_SANDBOX_STYLE_EMPORIX;
}

char *
_sp_sandbox_new_id (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  GString *id = g_string_new (NULL);

  /* Emporix generates 24-hex ids; a uuid without dashes is close enough. */
  for (const char *p = uuid; *p != '\0' && id->len < 24; p++)
    if (*p != '-')
      g_string_append_c (id, *p);
  return g_string_free (id, FALSE);
}
