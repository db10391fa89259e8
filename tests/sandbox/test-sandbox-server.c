/* test-sandbox-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sandbox answers as the Emporix contract says (MAPPING.md): tokens,
 * upserts, conflicts, stale versions, bulk 207s, paging, inspection, bad
 * input, and state that survives a restart.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sp-sandbox-server.h"
#include "sp-test-http.h"

#define T "stockdemo"
#define C "spc-2026-w07-clearance"

typedef struct
{
  char            *state_dir;
  SpSandboxServer *server;
  SoupSession     *session;
  char            *token;
} Fixture;

static char *
url (Fixture    *fixture,
     const char *path)
{
  return g_strconcat (sp_sandbox_server_get_uri (fixture->server), path + (path[0] == '/'), NULL);
}

static SpTestResponse *
send_json (Fixture    *fixture,
           const char *method,
           const char *path,
           const char *json)
{
  g_autofree char *uri = url (fixture, path);

  return sp_test_send_json (fixture->session, method, uri, fixture->token, json);
}

static SpTestResponse *
send_request_file (Fixture    *fixture,
                   const char *method,
                   const char *path,
                   const char *request)
{
  g_autofree char *relative = g_strconcat ("emporix/requests/", request, NULL);
  g_autofree char *json = sp_test_read_shared (relative);

  return send_json (fixture, method, path, json);
}

static void
start_server (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->server = sp_sandbox_server_new (fixture->state_dir);
  sp_sandbox_server_start (fixture->server, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (sp_sandbox_server_get_uri (fixture->server),
                                   "http://127.0.0.1:"));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->state_dir = g_dir_make_tmp ("sp-sandbox-XXXXXX", &error);
  g_assert_no_error (error);
  start_server (fixture);
  fixture->session = sp_test_session_new (10);
  fixture->token = sp_test_get_token (fixture->session,
                                      sp_sandbox_server_get_uri (fixture->server));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->session);
  sp_sandbox_server_stop (fixture->server);
  g_assert_finalize_object (fixture->server);
  remove_tree (fixture->state_dir);
  g_free (fixture->state_dir);
  g_free (fixture->token);
}

static const char *
fault_errorcode (SpTestResponse *response)
{
  JsonObject *object;

  g_assert_nonnull (response->json);
  object = json_node_get_object (response->json);
  object = json_object_get_object_member (json_object_get_object_member (object, "fault"),
                                          "detail");
  return json_object_get_string_member (object, "errorcode");
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_token_flow (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(SpTestResponse) response = NULL;
  g_autofree char *uri = url (fixture, "/customer-segment/" T "/segments/" C "-seg-loyal");
  g_autofree char *token_uri = url (fixture, "/oauth/token");
  g_autofree char *form = sp_test_read_shared ("emporix/requests/01-oauth-token.form");
  g_autoptr(GBytes) body = g_bytes_new (form, strlen (form));
  g_autofree char *short_token = NULL;

  /* The request body of MAPPING.md §1.1 gets a token with an expiry. */
  response = sp_test_send (fixture->session, "POST", token_uri, NULL,
                           "application/x-www-form-urlencoded",
                           body, NULL);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpstr (sp_test_member_string (response, "token_type"), ==, "Bearer");
  g_assert_cmpint (sp_test_member_int (response, "expires_in"), ==, 14399);
  g_assert_cmpuint (strlen (sp_test_member_string (response, "access_token")), >, 16);
  g_clear_pointer (&response, sp_test_response_free);

  /* No token, and a token the sandbox never issued: the gateway's 401. */
  response = sp_test_send_json (fixture->session, "GET", uri, NULL, NULL);
  g_assert_cmpuint (response->status, ==, 401);
  g_assert_cmpstr (fault_errorcode (response), ==, "oauth.v2.InvalidAccessToken");
  g_clear_pointer (&response, sp_test_response_free);
  response = sp_test_send_json (fixture->session, "GET", uri, "not-a-token", NULL);
  g_assert_cmpuint (response->status, ==, 401);
  g_assert_cmpstr (fault_errorcode (response), ==, "oauth.v2.InvalidAccessToken");
  g_clear_pointer (&response, sp_test_response_free);

  /* A valid token reaches the endpoint (404: no such segment yet). */
  response = sp_test_send_json (fixture->session, "GET", uri, fixture->token, NULL);
  g_assert_cmpuint (response->status, ==, 404);
  g_clear_pointer (&response, sp_test_response_free);

  /* An expired token has its own errorcode. */
  sp_sandbox_server_set_token_lifetime (fixture->server, 1);
  short_token = sp_test_get_token (fixture->session, sp_sandbox_server_get_uri (fixture->server));
  wait_ms (2100);
  response = sp_test_send_json (fixture->session, "GET", uri, short_token, NULL);
  g_assert_cmpuint (response->status, ==, 401);
  g_assert_cmpstr (fault_errorcode (response), ==, "keymanagement.service.access_token_expired");
  g_clear_pointer (&response, sp_test_response_free);

  /* A wrong grant type is refused. */
  g_clear_pointer (&body, g_bytes_unref);
  body = g_bytes_new_static ("grant_type=password&client_id=a&client_secret=b", 47);
  response = sp_test_send (fixture->session, "POST", token_uri, NULL,
                           "application/x-www-form-urlencoded",
                           body, NULL);
  g_assert_cmpuint (response->status, ==, 400);
  g_assert_cmpstr (sp_test_member_string (response, "error"), ==, "unsupported_grant_type");
}

static void
test_upsert_created_then_replaced (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  const char *path = "/customer-segment/" T "/segments/" C "-seg-loyal";
  g_autoptr(SpTestResponse) response = NULL;
  JsonObject *metadata;

  response = send_request_file (fixture, "PUT", path, "02a-segment-upsert.json");
  g_assert_cmpuint (response->status, ==, 201);
  g_assert_cmpstr (sp_test_member_string (response, "id"), ==, C "-seg-loyal");
  g_clear_pointer (&response, sp_test_response_free);

  response = send_request_file (fixture, "PUT", path, "02a-segment-upsert.json");
  g_assert_cmpuint (response->status, ==, 204);
  g_clear_pointer (&response, sp_test_response_free);

  response = send_json (fixture, "GET", path, NULL);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpstr (sp_test_member_string (response, "id"), ==, C "-seg-loyal");
  g_assert_cmpstr (sp_test_member_string (response, "siteCode"), ==, "main");
  metadata = json_object_get_object_member (json_node_get_object (response->json), "metadata");
  g_assert_cmpint (json_object_get_int_member (metadata, "version"), ==, 2);
  g_clear_pointer (&response, sp_test_response_free);

  /* A stale segment version is a 409. */
  response = send_json (fixture, "PUT", path,
                        "{\"name\":{\"en\":\"x\"},\"siteCode\":\"main\",\"metadata\":{\"version\":1}}");
  g_assert_cmpuint (response->status, ==, 409);
  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->server, "segment"), ==, 1);
}

static void
test_coupon_conflict (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(SpTestResponse) response = NULL;

  response = send_request_file (fixture, "POST", "/coupon/" T "/coupons",
                                "02d-coupon-create-segment.json");
  g_assert_cmpuint (response->status, ==, 201);
  g_assert_cmpstr (sp_test_member_string (response, "id"), ==, "SPC2026W07LOYAL");
  g_clear_pointer (&response, sp_test_response_free);

  /* The coupon service's own error shape: integer status, snake_case type. */
  response = send_request_file (fixture, "POST", "/coupon/" T "/coupons",
                                "02d-coupon-create-segment.json");
  g_assert_cmpuint (response->status, ==, 409);
  g_assert_cmpint (sp_test_member_int (response, "status"), ==, 409);
  g_assert_cmpstr (sp_test_member_string (response, "type"), ==, "conflict_resource");
  g_assert_nonnull (strstr (sp_test_member_string (response, "message"), "SPC2026W07LOYAL"));
  g_clear_pointer (&response, sp_test_response_free);

  /* Read back by code, then ended by date (PATCH, 200). */
  response = send_json (fixture, "GET", "/coupon/" T "/coupons/spc2026w07loyal", NULL);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpstr (sp_test_member_string (response, "code"), ==, "SPC2026W07LOYAL");
  g_clear_pointer (&response, sp_test_response_free);
  response = send_json (fixture, "PATCH", "/coupon/" T "/coupons/SPC2026W07LOYAL",
                        "{\"restrictions\":{\"validUntil\":\"2026-02-15T00:00:00.000Z\"}}");
  g_assert_cmpuint (response->status, ==, 200);
  g_clear_pointer (&response, sp_test_response_free);
  response = send_json (fixture, "GET", "/coupon/" T "/coupons/SPC2026W07LOYAL", NULL);
  g_assert_nonnull (strstr (g_bytes_get_data (response->body, NULL), "2026-02-15T00:00:00.000Z"));
  g_clear_pointer (&response, sp_test_response_free);

  response = send_json (fixture, "GET", "/coupon/" T "/coupons/NOPE", NULL);
  g_assert_cmpuint (response->status, ==, 404);
  g_assert_cmpstr (sp_test_member_string (response, "type"), ==, "element_resource_non_existing");
  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->server, "coupon"), ==, 1);
}

static void
test_price_list_stale_version (Fixture       *fixture,
                               gconstpointer  user_data)
{
  const char *path = "/price/" T "/price-lists/" C "-main-eur";
  const char *update = "{\"name\":{\"en\":\"Clearance\"},\"currency\":\"EUR\",\"siteCode\":\"main\","
                       "\"metadata\":{\"version\":1}}";
  g_autoptr(SpTestResponse) response = NULL;

  response = send_request_file (fixture, "PUT", path, "03b-price-list-upsert.json");
  g_assert_cmpuint (response->status, ==, 201);
  g_clear_pointer (&response, sp_test_response_free);

  response = send_json (fixture, "PUT", path, update);
  g_assert_cmpuint (response->status, ==, 204);
  g_clear_pointer (&response, sp_test_response_free);

  /* Version 1 is stale now: a price list answers 404, not 409 (§1.4). */
  response = send_json (fixture, "PUT", path, update);
  g_assert_cmpuint (response->status, ==, 404);
  g_assert_cmpint (sp_test_member_int (response, "code"), ==, 404);
  g_assert_nonnull (strstr (sp_test_member_string (response, "message"), "version: 1"));
  g_clear_pointer (&response, sp_test_response_free);

  response = send_json (fixture, "GET", path, NULL);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                     json_node_get_object (response->json), "metadata"), "version"), ==, 2);
  g_clear_pointer (&response, sp_test_response_free);

  /* Lower-case currency is refused with the JSON path. */
  response = send_json (fixture, "PUT", path,
                        "{\"name\":{\"en\":\"x\"},\"currency\":\"eur\",\"siteCode\":\"main\"}");
  g_assert_cmpuint (response->status, ==, 400);
  g_assert_true (g_str_has_prefix (sp_test_member_string (response, "message"), "$.currency:"));
}

static guint
item_code (SpTestResponse *response,
           guint           index)
{
  JsonArray *array = json_node_get_array (response->json);

  g_assert_cmpuint (index, <, json_array_get_length (array));
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, index),
                                               "index"), ==, index);
  return json_object_get_int_member (json_array_get_object_element (array, index), "code");
}

static char *
many_prices (guint n,
             guint first)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json,
                            "%s{\"id\":\"p-%u\",\"itemId\":{\"itemType\":\"PRODUCT\",\"id\":\"prod-%u\"},"
                                  "\"priceModelId\":\"stockpromo-net-pc\",\"tierValues\":[{\"priceValue\":%u.99}]}",
                            i > 0 ? "," : "", first + i, first + i, i);
  g_string_append (json, "]");
  return g_string_free (json, FALSE);
}

static void
prepare_price_list (Fixture *fixture)
{
  g_autoptr(SpTestResponse) model = NULL;
  g_autoptr(SpTestResponse) list = NULL;

  model = send_request_file (fixture, "PUT", "/price/" T "/priceModels/stockpromo-net-pc",
                             "03a-price-model-upsert.json");
  g_assert_cmpuint (model->status, ==, 201);
  list = send_request_file (fixture, "PUT", "/price/" T "/price-lists/" C "-main-eur",
                            "03b-price-list-upsert.json");
  g_assert_cmpuint (list->status, ==, 201);
}

static void
test_bulk_multi_status (Fixture       *fixture,
                        gconstpointer  user_data)
{
  const char *path = "/price/" T "/price-lists/" C "-main-eur/prices/bulk";
  g_autoptr(SpTestResponse) response = NULL;
  g_autofree char *too_many = many_prices (201, 0);
  g_autofree char *just_enough = many_prices (200, 1000);
  const char *message;

  prepare_price_list (fixture);

  response = send_request_file (fixture, "POST", path, "03c-price-list-prices-bulk-create.json");
  g_assert_cmpuint (response->status, ==, 207);
  g_assert_cmpuint (item_code (response, 0), ==, 201);
  g_assert_cmpuint (item_code (response, 1), ==, 201);
  g_clear_pointer (&response, sp_test_response_free);

  /* The same ids again: the call is still 207, each item says 409. */
  response = send_request_file (fixture, "POST", path, "03c-price-list-prices-bulk-create.json");
  g_assert_cmpuint (response->status, ==, 207);
  g_assert_cmpuint (item_code (response, 0), ==, 409);
  g_assert_cmpuint (item_code (response, 1), ==, 409);
  g_clear_pointer (&response, sp_test_response_free);

  /* One bad item fails alone, with its JSON path. */
  response = send_json (fixture, "POST", path,
                        "[{\"id\":\"p-ok\",\"itemId\":{\"itemType\":\"PRODUCT\",\"id\":\"prod-9\"},"
                        "\"priceModelId\":\"stockpromo-net-pc\",\"tierValues\":[{\"priceValue\":1.5}]},"
                        "{\"id\":\"p-bad\",\"itemId\":{\"itemType\":\"PRODUCT\",\"id\":9},"
                        "\"priceModelId\":\"stockpromo-net-pc\",\"tierValues\":[{\"priceValue\":1.5}]},"
                        "{\"id\":\"p-model\",\"itemId\":{\"itemType\":\"PRODUCT\",\"id\":\"prod-8\"},"
                        "\"priceModelId\":\"nope\",\"tierValues\":[{\"priceValue\":1.5}]}]");
  g_assert_cmpuint (response->status, ==, 207);
  g_assert_cmpuint (item_code (response, 0), ==, 201);
  g_assert_cmpuint (item_code (response, 1), ==, 400);
  message = json_object_get_string_member (json_array_get_object_element (json_node_get_array (response->json), 1),
                                           "message");
  g_assert_true (g_str_has_prefix (message, "$[1].itemId.id:"));
  g_assert_cmpuint (item_code (response, 2), ==, 400);
  g_clear_pointer (&response, sp_test_response_free);

  /* Update: with the version read (1) → 204; the same version again → 404. */
  response = send_request_file (fixture, "PUT", path, "03d-price-list-prices-bulk-update.json");
  g_assert_cmpuint (response->status, ==, 207);
  g_assert_cmpuint (item_code (response, 0), ==, 204);
  g_clear_pointer (&response, sp_test_response_free);
  response = send_request_file (fixture, "PUT", path, "03d-price-list-prices-bulk-update.json");
  g_assert_cmpuint (item_code (response, 0), ==, 404);
  g_clear_pointer (&response, sp_test_response_free);

  /* At most 200 items per call. */
  response = send_json (fixture, "POST", path, too_many);
  g_assert_cmpuint (response->status, ==, 400);
  g_clear_pointer (&response, sp_test_response_free);
  response = send_json (fixture, "POST", path, just_enough);
  g_assert_cmpuint (response->status, ==, 207);
  g_assert_cmpuint (item_code (response, 199), ==, 201);
  g_clear_pointer (&response, sp_test_response_free);

  /* The updated price reads back exactly as sent (no binary-float noise). */
  response = send_json (fixture, "GET",
                        "/price/" T "/price-lists/" C "-main-eur/prices/" C "-main-eur-prod-1001",
                        NULL);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_nonnull (strstr (g_bytes_get_data (response->body, NULL), "\"priceValue\":6.99}"));

  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->server, "price"), ==, 203);
}

static void
test_paging_headers (Fixture       *fixture,
                     gconstpointer  user_data)
{
  const char *const want_total[] = { "X-Total-Count", "true", NULL };
  g_autoptr(SpTestResponse) response = NULL;
  g_autofree char *five = many_prices (5, 0);
  g_autofree char *page = url (fixture,
                               "/price/" T "/price-lists/" C "-main-eur/prices?pageNumber=3&pageSize=2");
  g_autofree char *entities = url (fixture,
                                   "/customer-management/" T "/legal-entities?pageNumber=1&pageSize=1");
  g_autofree char *acme = url (fixture,
                               "/customer-management/" T "/contact-assignments?legalEntity.id=le-acme");
  g_autofree char *bad = url (fixture,
                              "/price/" T "/price-lists/" C "-main-eur/prices?pageNumber=0");

  prepare_price_list (fixture);
  response = send_json (fixture, "POST", "/price/" T "/price-lists/" C "-main-eur/prices/bulk",
                        five);
  g_assert_cmpuint (response->status, ==, 207);
  g_clear_pointer (&response, sp_test_response_free);

  /* Page 3 of size 2 holds the fifth price; the total only on request. */
  response = sp_test_send (fixture->session, "GET", page, fixture->token, NULL, NULL, want_total);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (response->json)), ==, 1);
  g_assert_cmpstr (soup_message_headers_get_one (response->headers, "X-Total-Count"), ==, "5");
  g_clear_pointer (&response, sp_test_response_free);
  response = sp_test_send (fixture->session, "GET", page, fixture->token, NULL, NULL, NULL);
  g_assert_null (soup_message_headers_get_one (response->headers, "X-Total-Count"));
  g_clear_pointer (&response, sp_test_response_free);

  /* The seeded companies page the same way. */
  response = sp_test_send (fixture->session, "GET", entities, fixture->token, NULL, NULL,
                           want_total);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (response->json)), ==, 1);
  g_assert_cmpstr (soup_message_headers_get_one (response->headers, "X-Total-Count"), ==, "3");
  g_clear_pointer (&response, sp_test_response_free);
  response = sp_test_send (fixture->session, "GET", acme, fixture->token, NULL, NULL, want_total);
  g_assert_cmpstr (soup_message_headers_get_one (response->headers, "X-Total-Count"), ==, "2");
  g_clear_pointer (&response, sp_test_response_free);

  response = sp_test_send (fixture->session, "GET", bad, fixture->token, NULL, NULL, NULL);
  g_assert_cmpuint (response->status, ==, 400);
}

static void
test_quote_and_instance (Fixture       *fixture,
                         gconstpointer  user_data)
{
  const char *instance = "/schema/" T "/custom-entities/STOCK_PROMOTION_CAMPAIGN/instances/" C;
  g_autoptr(SpTestResponse) response = NULL;
  JsonObject *status;

  response = send_request_file (fixture, "POST", "/quote/" T "/quotes", "05a-quote-create.json");
  g_assert_cmpuint (response->status, ==, 201);
  g_clear_pointer (&response, sp_test_response_free);
  response = send_request_file (fixture, "POST", "/quote/" T "/quotes", "05a-quote-create.json");
  g_assert_cmpuint (response->status, ==, 409);
  g_assert_cmpstr (sp_test_member_string (response, "message"), ==, "Duplicated key");
  g_clear_pointer (&response, sp_test_response_free);
  response = send_request_file (fixture, "PATCH", "/quote/" T "/quotes/" C "-q-le-acme-1",
                                "05d-quote-status-open.json");
  g_assert_cmpuint (response->status, ==, 204);
  g_clear_pointer (&response, sp_test_response_free);
  response = send_json (fixture, "GET", "/quote/" T "/quotes/" C "-q-le-acme-1", NULL);
  status = json_object_get_object_member (json_node_get_object (response->json), "status");
  g_assert_cmpstr (json_object_get_string_member (status, "value"), ==, "OPEN");
  g_clear_pointer (&response, sp_test_response_free);

  /* The campaign record: type, create, update with version, stale → 409. */
  response = send_request_file (fixture, "PUT",
                                "/schema/" T "/custom-entities/STOCK_PROMOTION_CAMPAIGN",
                                "09a-custom-type-upsert.json");
  g_assert_cmpuint (response->status, ==, 201);
  g_clear_pointer (&response, sp_test_response_free);
  response = send_request_file (fixture, "POST",
                                "/schema/" T "/custom-entities/STOCK_PROMOTION_CAMPAIGN/instances",
                                "09c-campaign-instance-create.json");
  g_assert_cmpuint (response->status, ==, 201);
  g_clear_pointer (&response, sp_test_response_free);
  response = send_request_file (fixture, "POST",
                                "/schema/" T "/custom-entities/STOCK_PROMOTION_CAMPAIGN/instances",
                                "09c-campaign-instance-create.json");
  g_assert_cmpuint (response->status, ==, 409);
  g_clear_pointer (&response, sp_test_response_free);
  response = send_request_file (fixture, "PUT", instance, "09d-campaign-instance-update.json");
  g_assert_cmpuint (response->status, ==, 204);
  g_clear_pointer (&response, sp_test_response_free);
  response = send_request_file (fixture, "PUT", instance, "09d-campaign-instance-update.json");
  g_assert_cmpuint (response->status, ==, 409);
  g_assert_nonnull (strstr (sp_test_member_string (response, "message"), "latest version only"));
}

static void
test_media_assets (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(SpTestResponse) response = NULL;
  g_autoptr(SoupMultipart) multipart = soup_multipart_new ("multipart/form-data");
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_MULTIPART);
  g_autoptr(GBytes) png = g_bytes_new_static ("\x89PNG\r\n\x1a\n", 8);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) multipart_body = NULL;
  g_autofree char *blob_json = sp_test_read_shared ("emporix/requests/07b-media-blob-asset.body.json");
  g_autofree char *assets = url (fixture, "/media/" T "/assets");
  g_autofree char *by_product = url (fixture, "/media/" T "/assets?q=refIds.id:prod-1001");
  const char *content_type;

  response = send_request_file (fixture, "POST", "/media/" T "/assets", "07a-media-link-asset.json");
  g_assert_cmpuint (response->status, ==, 201);
  g_assert_cmpstr (sp_test_member_string (response, "id"), ==, C "-img-hero");
  g_clear_pointer (&response, sp_test_response_free);
  response = send_request_file (fixture, "POST", "/media/" T "/assets", "07a-media-link-asset.json");
  g_assert_cmpuint (response->status, ==, 409);
  g_clear_pointer (&response, sp_test_response_free);

  /* A BLOB: multipart with the file and the JSON body part (07b). */
  body = g_bytes_new (blob_json, strlen (blob_json));
  soup_multipart_append_form_file (multipart, "file", "banner.png", "image/png", png);
  soup_multipart_append_form_file (multipart, "body", NULL, "application/json", body);
  soup_multipart_to_message (multipart, headers, &multipart_body);
  content_type = soup_message_headers_get_one (headers, "Content-Type");
  response = sp_test_send (fixture->session, "POST", assets, fixture->token, content_type, multipart_body,
                           NULL);
  g_assert_cmpuint (response->status, ==, 201);
  g_assert_cmpstr (sp_test_member_string (response, "id"), ==, C "-img-cat");
  g_clear_pointer (&response, sp_test_response_free);

  /* A BLOB sent as JSON (no file) is refused. */
  response = send_json (fixture, "POST", "/media/" T "/assets", blob_json);
  g_assert_cmpuint (response->status, ==, 400);
  g_clear_pointer (&response, sp_test_response_free);

  /* The assets of a product. */
  response = sp_test_send (fixture->session, "GET", by_product, fixture->token, NULL, NULL, NULL);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (response->json)), ==, 1);
  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->server, "media"), ==, 2);
}

static void
test_objects_and_page (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(SpTestResponse) response = NULL;
  g_autofree char *objects = url (fixture, "/sandbox/objects");
  g_autofree char *page = url (fixture, "/sandbox");
  g_autofree char *banner_token = NULL;
  g_autofree char *image_uri = url (fixture, "/content/banners/hero/image");
  g_autoptr(GBytes) png = g_bytes_new_static ("\x89PNG\r\n\x1a\n", 8);
  JsonObject *kinds;
  const char *html;

  response = send_request_file (fixture, "POST", "/coupon/" T "/coupons",
                                "02d-coupon-create-segment.json");
  g_clear_pointer (&response, sp_test_response_free);
  response = send_json (fixture, "POST", "/content/banners",
                        "{\"id\":\"hero\",\"title\":{\"en\":\"<script>alert(1)</script> & more\"}}");
  g_assert_cmpuint (response->status, ==, 201);
  g_clear_pointer (&response, sp_test_response_free);
  response = sp_test_send (fixture->session, "POST", image_uri, "content-token", "image/png", png,
                           NULL);
  g_assert_cmpuint (response->status, ==, 201);
  g_clear_pointer (&response, sp_test_response_free);

  response = sp_test_send_json (fixture->session, "GET", objects, NULL, NULL);
  g_assert_cmpuint (response->status, ==, 200);
  kinds = json_object_get_object_member (json_node_get_object (response->json), "kinds");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (kinds, "coupon"),
                                               "count"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (kinds, "banner"),
                                               "count"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (kinds,
                                                                              "legal-entity"), "count"),
                   ==, 3);
  g_assert_cmpint (sp_test_member_int (response, "files"), ==, 1);
  g_clear_pointer (&response, sp_test_response_free);

  /* The page for a person escapes what clients sent. */
  response = sp_test_send_json (fixture->session, "GET", page, NULL, NULL);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (response->headers, NULL), ==,
                   "text/html");
  html = g_bytes_get_data (response->body, NULL);
  g_assert_null (strstr (html, "<script>"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;"));
  g_assert_nonnull (strstr (html, "SPC2026W07LOYAL"));
  g_clear_pointer (&response, sp_test_response_free);

  /* Reset: only the seeded companies are left. */
  response = sp_test_send_json (fixture->session, "DELETE", objects, NULL, NULL);
  g_assert_cmpuint (response->status, ==, 204);
  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->server, "coupon"), ==, 0);
  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->server, "legal-entity"), ==, 3);
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  user_data)
{
  const char *segment = "/customer-segment/" T "/segments/s1";
  g_autoptr(SpTestResponse) response = NULL;

  response = send_json (fixture, "PUT", segment, "{\"name\": {\"en\": \"x\"}, ");
  g_assert_cmpuint (response->status, ==, 400);
  g_assert_true (g_str_has_prefix (sp_test_member_string (response, "message"),
                                   "$: not valid JSON"));
  g_clear_pointer (&response, sp_test_response_free);

  response = send_json (fixture, "PUT", segment, "{\"name\": {\"en\": \"x\"}, \"siteCode\": 5}");
  g_assert_cmpuint (response->status, ==, 400);
  g_assert_cmpstr (sp_test_member_string (response, "message"), ==,
                   "$.siteCode: expected a string");
  g_clear_pointer (&response, sp_test_response_free);

  response = send_json (fixture, "PUT", segment, "[1, 2]");
  g_assert_cmpuint (response->status, ==, 400);
  g_assert_cmpstr (sp_test_member_string (response, "message"), ==, "$: expected an object");
  g_clear_pointer (&response, sp_test_response_free);

  response = send_json (fixture, "POST", "/quote/" T "/quotes",
                        "{\"customerId\":\"c\",\"siteCode\":\"main\",\"currency\":\"EUR\",\"billingAddressId\":\"a\","
                        "\"shippingAddressId\":\"a\",\"items\":[{\"quantity\":{},\"product\":{\"productId\":[]}}]}");
  g_assert_cmpuint (response->status, ==, 400);
  g_assert_cmpstr (sp_test_member_string (response, "message"), ==,
                   "$.items[0].product.productId: expected a string");
  g_clear_pointer (&response, sp_test_response_free);

  /* Nesting that would overflow a recursive parser is refused up front. */
  {
    g_autofree char *open = g_strnfill (100000, '[');
    g_autofree char *close = g_strnfill (100000, ']');
    g_autofree char *deep = g_strconcat (open, close, NULL);

    response = send_json (fixture, "PUT", segment, deep);
    g_assert_cmpuint (response->status, ==, 400);
    g_assert_cmpstr (sp_test_member_string (response, "message"), ==,
                     "$: nested deeper than 128 levels");
    g_clear_pointer (&response, sp_test_response_free);
  }

  response = send_json (fixture, "PUT", "/customer-segment/BAD/segments/s1", "{}");
  g_assert_cmpuint (response->status, ==, 400);
  g_clear_pointer (&response, sp_test_response_free);

  response = send_json (fixture, "GET", "/nowhere", NULL);
  g_assert_cmpuint (response->status, ==, 404);
  g_clear_pointer (&response, sp_test_response_free);
  response = send_json (fixture, "DELETE", "/coupon/" T "/coupons", NULL);
  g_assert_cmpuint (response->status, ==, 405);
  g_clear_pointer (&response, sp_test_response_free);

  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->server, "segment"), ==, 0);
}

static void
test_state_survives_restart (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(SpTestResponse) response = NULL;
  g_autoptr(SpSandboxServer) memory = NULL;
  g_autoptr(GError) error = NULL;

  response = send_request_file (fixture, "POST", "/coupon/" T "/coupons",
                                "02d-coupon-create-segment.json");
  g_assert_cmpuint (response->status, ==, 201);
  g_clear_pointer (&response, sp_test_response_free);

  /* Same state dir: the coupon and the token are still known. */
  sp_sandbox_server_stop (fixture->server);
  g_assert_finalize_object (fixture->server);
  start_server (fixture);
  response = send_json (fixture, "GET", "/coupon/" T "/coupons/SPC2026W07LOYAL", NULL);
  g_assert_cmpuint (response->status, ==, 200);
  g_clear_pointer (&response, sp_test_response_free);
  response = send_request_file (fixture, "POST", "/coupon/" T "/coupons",
                                "02d-coupon-create-segment.json");
  g_assert_cmpuint (response->status, ==, 409);
  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->server, "coupon"), ==, 1);

  /* Without a state dir nothing is written to disk. */
  memory = sp_sandbox_server_new (NULL);
  sp_sandbox_server_start (memory, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sp_sandbox_server_count_objects (memory, "coupon"), ==, 0);
  g_assert_cmpint (sp_sandbox_server_count_objects (memory, "legal-entity"), ==, 3);
  sp_sandbox_server_stop (memory);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sandbox/server/token-flow", Fixture, NULL, fixture_set_up, test_token_flow,
              fixture_tear_down);
  g_test_add ("/sandbox/server/upsert", Fixture, NULL, fixture_set_up,
              test_upsert_created_then_replaced,
              fixture_tear_down);
  g_test_add ("/sandbox/server/coupon-conflict", Fixture, NULL, fixture_set_up,
              test_coupon_conflict,
              fixture_tear_down);
  g_test_add ("/sandbox/server/price-list-stale-version", Fixture, NULL, fixture_set_up,
              test_price_list_stale_version, fixture_tear_down);
  g_test_add ("/sandbox/server/bulk-multi-status", Fixture, NULL, fixture_set_up,
              test_bulk_multi_status,
              fixture_tear_down);
  g_test_add ("/sandbox/server/paging", Fixture, NULL, fixture_set_up, test_paging_headers,
              fixture_tear_down);
  g_test_add ("/sandbox/server/quote-and-instance", Fixture, NULL, fixture_set_up,
              test_quote_and_instance,
              fixture_tear_down);
  g_test_add ("/sandbox/server/media-assets", Fixture, NULL, fixture_set_up, test_media_assets,
              fixture_tear_down);
  g_test_add ("/sandbox/server/objects-and-page", Fixture, NULL, fixture_set_up,
              test_objects_and_page,
              fixture_tear_down);
  g_test_add ("/sandbox/server/bad-input", Fixture, NULL, fixture_set_up, test_bad_input,
              fixture_tear_down);
  g_test_add ("/sandbox/server/state-survives-restart", Fixture, NULL, fixture_set_up,
              test_state_survives_restart, fixture_tear_down);

  return g_test_run ();
}
