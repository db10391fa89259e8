/* sp-sandbox-content.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The generic content platform for banners (MAPPING.md §8: Emporix has no
 * CMS API). Any "Authorization: Bearer …" is accepted, as the content
 * platform has a token of its own.
 *
 *   POST /content/banners              JSON, "id" optional → 201 {"id"}, 409 if it exists
 *   PUT  /content/banners/{id}         JSON → 201 {"id"} / 204; metadata.version checked (409)
 *   GET  /content/banners[/{id}]       200
 *   POST|PUT /content/banners/{id}/image  raw image (Content-Type image/…) or multipart
 *                                      "file" part → 201 first time, 200 when replaced
 *   GET  /content/banners/{id}/image   the image
 */

#define G_LOG_DOMAIN "sp-sandbox-content"

#include "config.h"

#include "sp-sandbox-error.h"
#include "sp-sandbox-routes-private.h"

#define TENANT "content"

static gboolean
validate_banner (JsonObject  *object,
                 const char  *path,
                 GError     **error)
{
  const char *text;

  return _sp_sandbox_json_get_text (object, path, "title", SP_SANDBOX_JSON_OPTIONAL, error) &&
         _sp_sandbox_json_get_string (object, path, "campaignId", SP_SANDBOX_JSON_OPTIONAL, &text,
                                      error) &&
         _sp_sandbox_json_get_string (object, path, "link", SP_SANDBOX_JSON_OPTIONAL, &text, error);
}

void
_sp_sandbox_banner_create (SpSandboxRequest *req)
{
  _sp_sandbox_create (req, "banner", NULL, "id", validate_banner,
                      "A banner with this id already exists.");
}

void
_sp_sandbox_banner_put (SpSandboxRequest *req)
{
  _sp_sandbox_upsert (req, "banner", NULL, req->params[0], validate_banner, 409, "banner");
}

void
_sp_sandbox_banner_get (SpSandboxRequest *req)
{
  _sp_sandbox_get (req, "banner", NULL, req->params[0], "id");
}

void
_sp_sandbox_banner_list (SpSandboxRequest *req)
{
  _sp_sandbox_list (req, "banner", NULL, 60, "id");
}

static GBytes *
read_image (SpSandboxRequest  *req,
            char             **content_type)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (req->msg);
  const char *type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(SoupMultipart) multipart = NULL;

  if (type == NULL || !g_str_has_prefix (type, "multipart/"))
    {
      *content_type = g_strdup (type != NULL ? type : "application/octet-stream");
      return req->body != NULL ? g_bytes_ref (req->body) : NULL;
    }

  if ((multipart = soup_multipart_new_from_message (headers, req->body)) == NULL)
    return NULL;
  for (int i = 0; i < soup_multipart_get_length (multipart); i++)
    {
      SoupMessageHeaders *part_headers;
      GBytes *part;
      g_autoptr(GHashTable) params = NULL;

      if (soup_multipart_get_part (multipart, i, &part_headers, &part) &&
          soup_message_headers_get_content_disposition (part_headers, NULL, &params) &&
          g_strcmp0 (g_hash_table_lookup (params, "name"), "file") == 0)
        {
          type = soup_message_headers_get_content_type (part_headers, NULL);
          *content_type = g_strdup (type != NULL ? type : "application/octet-stream");
          return g_bytes_ref (part);
        }
    }
  return NULL;
}

void
_sp_sandbox_banner_image_put (SpSandboxRequest *req)
{
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) record = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *url = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *body = NULL;
  gboolean replaced = FALSE;

  if (!_sp_sandbox_require (req, "banner", NULL, req->params[0], "banner"))
    return;
  if ((image = read_image (req, &content_type)) == NULL || g_bytes_get_size (image) == 0)
    {
      _sp_sandbox_respond_error (req, 400, NULL,
                                 "expected an image: a body with Content-Type image/…, "
                                                 "or multipart with a \"file\" part");
      return;
    }

  url = g_strdup_printf ("%scontent/banners/%s/image", req->base_uri, req->params[0]);
  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, image);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, req->params[0]);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, url);
  json_builder_set_member_name (builder, "contentType");
  json_builder_add_string_value (builder, content_type);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, g_bytes_get_size (image));
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, checksum);
  json_builder_end_object (builder);
  record = json_builder_get_root (builder);
  body = _sp_sandbox_json_to_string (record);

  if (!_sp_sandbox_db_begin (req->db, &error) ||
      !_sp_sandbox_db_put_file (req->db, "banner-image", TENANT, req->params[0], content_type,
                                image,
                                &replaced, &error) ||
      !_sp_sandbox_db_put (req->db, "banner-image", TENANT, NULL, req->params[0], 1, body,
                           &error) ||
      !_sp_sandbox_db_commit (req->db, &error))
    {
      _sp_sandbox_db_rollback (req->db);
      _sp_sandbox_respond_gerror (req, error);
      return;
    }
  _sp_sandbox_respond_json (req, replaced ? 200 : 201, g_steal_pointer (&record));
}

void
_sp_sandbox_banner_image_get (SpSandboxRequest *req)
{
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *content_type = NULL;

  image = _sp_sandbox_db_get_file (req->db, "banner-image", TENANT, req->params[0], &content_type,
                                   &error);
  if (image == NULL)
    {
      if (error != NULL)
        _sp_sandbox_respond_gerror (req, error);
      else
        _sp_sandbox_respond_error (req, 404, NULL, "banner %s has no image", req->params[0]);
      return;
    }
  soup_server_message_set_status (req->msg, 200, NULL);
  soup_server_message_set_response (req->msg, content_type, SOUP_MEMORY_COPY,
                                    g_bytes_get_data (image, NULL), g_bytes_get_size (image));
}
