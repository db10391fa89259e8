/* sp-sandbox-routes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The endpoints of the commerce platform that the connector uses
 * (../shared/emporix/MAPPING.md), plus the generic content platform for
 * banners, which Emporix lacks (MAPPING.md §8).
 */

#define G_LOG_DOMAIN "sp-sandbox-routes"

#include "config.h"

#include <string.h>

#include "sp-sandbox-routes-private.h"

static const SpSandboxRoute routes[] = {
  { "POST",   "/oauth/token", _sp_sandbox_oauth_token, SP_SANDBOX_ROUTE_PUBLIC },

  /* Customer segments (§2) */
  { "PUT",    "/customer-segment/{tenant}/segments/{segmentId}", _sp_sandbox_segment_put, 0 },
  { "GET",    "/customer-segment/{tenant}/segments/{segmentId}", _sp_sandbox_segment_get, 0 },
  { "GET",    "/customer-segment/{tenant}/segments/{segmentId}/items", _sp_sandbox_segment_items_list, 0 },
  { "PUT",    "/customer-segment/{tenant}/segments/{segmentId}/items/{type}/bulk",
              _sp_sandbox_segment_items_bulk, 0 },
  { "PUT",    "/customer-segment/{tenant}/segments/{segmentId}/customers/bulk",
              _sp_sandbox_segment_customers_bulk, 0 },
  { "PUT",    "/customer-segment/{tenant}/segments/{segmentId}/items/{type}/{itemId}",
              _sp_sandbox_segment_item_put, 0 },
  { "PUT",    "/customer-segment/{tenant}/segments/{segmentId}/customers/{customerId}",
              _sp_sandbox_segment_customer_put, 0 },
  { "PUT",    "/customer-segment/{tenant}/segments/{segmentId}/customers/{customerId}/{legalEntityId}",
              _sp_sandbox_segment_customer_put, 0 },

  /* Coupons (§2d) */
  { "POST",   "/coupon/{tenant}/coupons", _sp_sandbox_coupon_create, 0 },
  { "GET",    "/coupon/{tenant}/coupons", _sp_sandbox_coupon_list, 0 },
  { "GET",    "/coupon/{tenant}/coupons/{code}", _sp_sandbox_coupon_get, 0 },
  { "PATCH",  "/coupon/{tenant}/coupons/{code}", _sp_sandbox_coupon_update, 0 },
  { "PUT",    "/coupon/{tenant}/coupons/{code}", _sp_sandbox_coupon_update, 0 },

  /* Prices (§3, §4, §5c) */
  { "PUT",    "/price/{tenant}/priceModels/{priceModelId}", _sp_sandbox_price_model_put, 0 },
  { "GET",    "/price/{tenant}/priceModels/{priceModelId}", _sp_sandbox_price_model_get, 0 },
  { "GET",    "/price/{tenant}/priceModels", _sp_sandbox_price_model_list, 0 },
  { "POST",   "/price/{tenant}/price-lists/search", _sp_sandbox_price_list_search, 0 },
  { "GET",    "/price/{tenant}/price-lists", _sp_sandbox_price_list_list, 0 },
  { "PUT",    "/price/{tenant}/price-lists/{priceListId}", _sp_sandbox_price_list_put, 0 },
  { "GET",    "/price/{tenant}/price-lists/{priceListId}", _sp_sandbox_price_list_get, 0 },
  { "POST",   "/price/{tenant}/price-lists/{priceListId}/prices/bulk", _sp_sandbox_prices_bulk_create, 0 },
  { "PUT",    "/price/{tenant}/price-lists/{priceListId}/prices/bulk", _sp_sandbox_prices_bulk_update, 0 },
  { "DELETE", "/price/{tenant}/price-lists/{priceListId}/prices/bulk", _sp_sandbox_prices_bulk_delete, 0 },
  { "GET",    "/price/{tenant}/price-lists/{priceListId}/prices", _sp_sandbox_prices_list, 0 },
  { "GET",    "/price/{tenant}/price-lists/{priceListId}/prices/{priceId}", _sp_sandbox_price_get, 0 },
  { "POST",   "/price/{tenant}/match-prices", _sp_sandbox_match_prices, 0 },

  /* Quotes (§5) */
  { "POST",   "/quote/{tenant}/quotes", _sp_sandbox_quote_create, 0 },
  { "GET",    "/quote/{tenant}/quotes/{quoteId}", _sp_sandbox_quote_get, 0 },
  { "PATCH",  "/quote/{tenant}/quotes/{quoteId}", _sp_sandbox_quote_patch, 0 },

  /* Boost: category and product (§6) */
  { "PUT",    "/category/{tenant}/categories/{categoryId}", _sp_sandbox_category_put, 0 },
  { "GET",    "/category/{tenant}/categories/{categoryId}", _sp_sandbox_category_get, 0 },
  { "GET",    "/category/{tenant}/categories/{categoryId}/assignments", _sp_sandbox_category_assign_list, 0 },
  { "PUT",    "/category/{tenant}/categories/{categoryId}/assignments/references/bulk",
              _sp_sandbox_category_assign_bulk, 0 },
  { "PUT",    "/category/{tenant}/categories/{categoryId}/assignments/references/{productId}",
              _sp_sandbox_category_assign_put, 0 },
  { "DELETE", "/category/{tenant}/categories/{categoryId}/assignments/references/{productId}",
              _sp_sandbox_category_assign_delete, 0 },
  { "PATCH",  "/product/{tenant}/products/{productId}", _sp_sandbox_product_patch, 0 },
  { "GET",    "/product/{tenant}/products/{productId}", _sp_sandbox_product_get, 0 },
  { "GET",    "/product/{tenant}/products", _sp_sandbox_product_list, 0 },

  /* Imagery (§7) */
  { "POST",   "/media/{tenant}/assets", _sp_sandbox_media_create, 0 },
  { "GET",    "/media/{tenant}/assets", _sp_sandbox_media_list, 0 },
  { "GET",    "/media/{tenant}/assets/{assetId}", _sp_sandbox_media_get, 0 },
  { "PUT",    "/media/{tenant}/assets/{assetId}", _sp_sandbox_media_put, 0 },

  /* Campaign record (§9) */
  { "PUT",    "/schema/{tenant}/custom-entities/{type}", _sp_sandbox_custom_type_put, 0 },
  { "GET",    "/schema/{tenant}/custom-entities/{type}", _sp_sandbox_custom_type_get, 0 },
  { "POST",   "/schema/{tenant}/schemas", _sp_sandbox_schema_create, 0 },
  { "GET",    "/schema/{tenant}/schemas/{schemaId}", _sp_sandbox_schema_get, 0 },
  { "POST",   "/schema/{tenant}/custom-entities/{type}/instances", _sp_sandbox_instance_create, 0 },
  { "GET",    "/schema/{tenant}/custom-entities/{type}/instances", _sp_sandbox_instance_list, 0 },
  { "PUT",    "/schema/{tenant}/custom-entities/{type}/instances/{id}", _sp_sandbox_instance_put, 0 },
  { "GET",    "/schema/{tenant}/custom-entities/{type}/instances/{id}", _sp_sandbox_instance_get, 0 },
  { "DELETE", "/schema/{tenant}/custom-entities/{type}/instances/{id}", _sp_sandbox_instance_delete, 0 },

  /* Companies (§4) */
  { "GET",    "/customer-management/{tenant}/legal-entities", _sp_sandbox_legal_entity_list, 0 },
  { "GET",    "/customer-management/{tenant}/legal-entities/{legalEntityId}", _sp_sandbox_legal_entity_get, 0 },
  { "GET",    "/customer-management/{tenant}/contact-assignments", _sp_sandbox_contact_list, 0 },
  { "GET",    "/customer-management/{tenant}/locations", _sp_sandbox_location_list, 0 },

  /* Content platform (§8): no Emporix API, our own generic one. */
  { "POST",   "/content/banners", _sp_sandbox_banner_create, SP_SANDBOX_ROUTE_ANY_BEARER },
  { "GET",    "/content/banners", _sp_sandbox_banner_list, SP_SANDBOX_ROUTE_ANY_BEARER },
  { "PUT",    "/content/banners/{bannerId}", _sp_sandbox_banner_put, SP_SANDBOX_ROUTE_ANY_BEARER },
  { "GET",    "/content/banners/{bannerId}", _sp_sandbox_banner_get, SP_SANDBOX_ROUTE_ANY_BEARER },
  { "POST",   "/content/banners/{bannerId}/image", _sp_sandbox_banner_image_put, SP_SANDBOX_ROUTE_ANY_BEARER },
  { "PUT",    "/content/banners/{bannerId}/image", _sp_sandbox_banner_image_put, SP_SANDBOX_ROUTE_ANY_BEARER },
  { "GET",    "/content/banners/{bannerId}/image", _sp_sandbox_banner_image_get, SP_SANDBOX_ROUTE_ANY_BEARER },
};

/* Matches @path against @pattern segment by segment; "{name}" takes one
 * non-empty segment. The captured values go to @req in order. */
static gboolean
match_pattern (SpSandboxRequest *req,
               const char       *pattern,
               char            **segments)
{
  g_auto(GStrv) parts = g_strsplit (pattern + 1, "/", -1);
  guint i, n = 0;

  for (i = 0; parts[i] != NULL; i++)
    {
      if (segments[i] == NULL || segments[i][0] == '\0')
        return FALSE;
      if (parts[i][0] == '{')
        continue;
      if (strcmp (parts[i], segments[i]) != 0)
        return FALSE;
    }
  if (segments[i] != NULL)
    return FALSE;

  for (i = 0; parts[i] != NULL && n < SP_SANDBOX_MAX_PARAMS; i++)
    if (parts[i][0] == '{')
      req->params[n++] = g_uri_unescape_string (segments[i], NULL);
  req->n_params = n;
  return TRUE;
}

static gboolean
valid_tenant (const char *tenant)
{
  gsize length = strlen (tenant);

  if (length < 3 || length > 16 || !g_ascii_islower (tenant[0]))
    return FALSE;
  for (const char *p = tenant; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* Returns: (nullable): the route for the request's method and path; sets
 * @path_known when some route has the path (405 rather than 404). */
const SpSandboxRoute *
_sp_sandbox_match_route (SpSandboxRequest *req,
                         gboolean         *path_known)
{
  g_auto(GStrv) segments = g_strsplit (req->path + (req->path[0] == '/'), "/", -1);

  *path_known = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      _sp_sandbox_request_clear_params (req);
      if (!match_pattern (req, routes[i].pattern, segments))
        continue;
      *path_known = TRUE;
      if (strcmp (routes[i].method, req->method) != 0)
        continue;
      req->route = routes[i].pattern;
      return &routes[i];
    }
  _sp_sandbox_request_clear_params (req);
  return NULL;
}

/* Emporix routes need a token this sandbox issued and that has not expired;
 * the answer otherwise is the gateway's 401 (MAPPING.md §1.1). */
gboolean
_sp_sandbox_check_auth (SpSandboxRequest     *req,
                        const SpSandboxRoute *route)
{
  const char *authorization = _sp_sandbox_header (req, "Authorization");
  const char *token;

  if ((route->flags & SP_SANDBOX_ROUTE_PUBLIC) != 0)
    return TRUE;

  if (authorization == NULL || g_ascii_strncasecmp (authorization, "Bearer ", 7) != 0 ||
      *(token = authorization + 7) == '\0')
    {
      _sp_sandbox_respond_unauthorized (req, "Invalid access token", "oauth.v2.InvalidAccessToken");
      return FALSE;
    }

  if ((route->flags & SP_SANDBOX_ROUTE_ANY_BEARER) == 0)
    {
      switch (_sp_sandbox_db_check_token (req->db, token, g_get_real_time () / G_USEC_PER_SEC))
        {
        case SP_SANDBOX_TOKEN_VALID:
          break;
        case SP_SANDBOX_TOKEN_EXPIRED:
          _sp_sandbox_respond_unauthorized (req, "Access Token expired",
                                            "keymanagement.service.access_token_expired");
          return FALSE;
        case SP_SANDBOX_TOKEN_UNKNOWN:
        default:
          _sp_sandbox_respond_unauthorized (req, "Invalid access token",
                                            "oauth.v2.InvalidAccessToken");
          return FALSE;
        }
    }

  if (req->n_params > 0 && strcmp (route->pattern, "/oauth/token") != 0 &&
      !g_str_has_prefix (route->pattern, "/content/") && !valid_tenant (req->params[0]))
    {
      _sp_sandbox_respond_error (req, 400, NULL,
                                 "tenant “%s”: expected 3–16 lower-case letters and digits, "
                                 "starting with a letter", req->params[0]);
      return FALSE;
    }

  return TRUE;
}

static void
respond_oauth_error (SpSandboxRequest *req,
                     guint             status,
                     const char       *error,
                     const char       *description)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, error);
  json_builder_set_member_name (builder, "error_description");
  json_builder_add_string_value (builder, description);
  json_builder_end_object (builder);
  _sp_sandbox_respond_json (req, status, json_builder_get_root (builder));
}

/* POST /oauth/token, a client-credentials form (MAPPING.md §1.1). */
void
_sp_sandbox_oauth_token (SpSandboxRequest *req)
{
  g_autoptr(GHashTable) form = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *token = NULL;
  const char *content_type = _sp_sandbox_header (req, "Content-Type");
  const char *grant_type, *client_id, *client_secret, *scope;
  gsize size = 0;
  const char *data = req->body != NULL ? g_bytes_get_data (req->body, &size) : NULL;

  if (content_type == NULL || !g_str_has_prefix (content_type, "application/x-www-form-urlencoded"))
    {
      respond_oauth_error (req, 400, "invalid_request",
                           "expected Content-Type application/x-www-form-urlencoded");
      return;
    }

  text = g_strndup (data != NULL ? data : "", size);
  form = soup_form_decode (text);
  grant_type = g_hash_table_lookup (form, "grant_type");
  client_id = g_hash_table_lookup (form, "client_id");
  client_secret = g_hash_table_lookup (form, "client_secret");
  scope = g_hash_table_lookup (form, "scope");

  if (g_strcmp0 (grant_type, "client_credentials") != 0)
    {
      respond_oauth_error (req, 400, "unsupported_grant_type",
                           "grant_type must be client_credentials");
      return;
    }
  if (client_id == NULL || client_id[0] == '\0' || client_secret == NULL || client_secret[0] == '\0' ||
      (req->client_secret != NULL && strcmp (client_secret, req->client_secret) != 0))
    {
      respond_oauth_error (req, 401, "invalid_client", "unknown client_id or wrong client_secret");
      return;
    }

  token = g_uuid_string_random ();
  if (!_sp_sandbox_db_put_token (req->db, token, client_id,
                                 g_get_real_time () / G_USEC_PER_SEC + req->token_lifetime, &error))
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, token);
  json_builder_set_member_name (builder, "token_type");
  json_builder_add_string_value (builder, "Bearer");
  json_builder_set_member_name (builder, "expires_in");
  json_builder_add_int_value (builder, req->token_lifetime);
  json_builder_set_member_name (builder, "session_idle_time");
  json_builder_add_int_value (builder, 120);
  json_builder_set_member_name (builder, "refresh_token");
  json_builder_add_string_value (builder, "");
  json_builder_set_member_name (builder, "refresh_token_expires_in");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "scope");
  json_builder_add_string_value (builder, scope != NULL ? scope : "");
  json_builder_end_object (builder);
  _sp_sandbox_respond_json (req, 200, json_builder_get_root (builder));
}
