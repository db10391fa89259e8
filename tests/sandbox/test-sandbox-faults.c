/* test-sandbox-faults.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fault injection: each fault class hits exactly the request it targets,
 * stores nothing (except the "after store" variants), and is counted.
 */

#include "config.h"

#include <string.h>

#include "sp-sandbox-server.h"
#include "sp-test-http.h"

#define T "stockdemo"
#define COUPONS "/coupon/" T "/coupons"
#define QUOTES "/quote/" T "/quotes"

typedef struct
{
  SpSandboxServer *server;
  SoupSession     *session;
  char            *token;
  char            *coupon;   /* 02d request body */
  char            *quote;    /* 05a request body */
} Fixture;

static char *
url (Fixture    *fixture,
     const char *path)
{
  return g_strconcat (sp_sandbox_server_get_uri (fixture->server), path + 1, NULL);
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

static void
add_faults (Fixture    *fixture,
            const char *json)
{
  g_autoptr(GError) error = NULL;

  sp_sandbox_server_add_faults (fixture->server, json, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = sp_sandbox_server_new (NULL);
  sp_sandbox_server_start (fixture->server, 0, &error);
  g_assert_no_error (error);
  /* Short, so that a stall outlasts it quickly. */
  fixture->session = sp_test_session_new (1);
  fixture->token = sp_test_get_token (fixture->session,
                                      sp_sandbox_server_get_uri (fixture->server));
  fixture->coupon = sp_test_read_shared ("emporix/requests/02d-coupon-create-segment.json");
  fixture->quote = sp_test_read_shared ("emporix/requests/05a-quote-create.json");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->session);
  sp_sandbox_server_stop (fixture->server);
  g_assert_finalize_object (fixture->server);
  g_free (fixture->token);
  g_free (fixture->coupon);
  g_free (fixture->quote);
}

/* The faulted request fails as told and stores nothing; the retry works. */
static void
check_status_fault (Fixture    *fixture,
                    const char *rule,
                    guint       status)
{
  g_autoptr(SpTestResponse) response = NULL;

  add_faults (fixture, rule);
  response = send_json (fixture, "POST", COUPONS, fixture->coupon);
  g_assert_no_error (response->error);
  g_assert_cmpuint (response->status, ==, status);
  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->server, "coupon"), ==, 0);
  g_clear_pointer (&response, sp_test_response_free);

  response = send_json (fixture, "POST", COUPONS, fixture->coupon);
  g_assert_cmpuint (response->status, ==, 201);
  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->server, "coupon"), ==, 1);
  g_assert_cmpuint (sp_sandbox_server_get_pending_faults (fixture->server), ==, 0);
}

static void
test_fault_401 (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(SpTestResponse) response = NULL;

  add_faults (fixture, "{\"match\": \"POST /coupon/*\", \"fault\": 401}");
  response = send_json (fixture, "POST", COUPONS, fixture->coupon);
  g_assert_cmpuint (response->status, ==, 401);
  g_assert_nonnull (strstr (g_bytes_get_data (response->body, NULL),
                            "oauth.v2.InvalidAccessToken"));
  g_clear_pointer (&response, sp_test_response_free);
  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->server, "coupon"), ==, 0);

  response = send_json (fixture, "POST", COUPONS, fixture->coupon);
  g_assert_cmpuint (response->status, ==, 201);
}

static void
test_fault_409 (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(SpTestResponse) response = NULL;

  add_faults (fixture, "[{\"match\": \"POST " COUPONS "\", \"fault\": \"409\"}]");
  response = send_json (fixture, "POST", COUPONS, fixture->coupon);
  g_assert_cmpuint (response->status, ==, 409);
  /* In the coupon service's shape, since it is a coupon route. */
  g_assert_cmpstr (sp_test_member_string (response, "type"), ==, "conflict_resource");
  g_clear_pointer (&response, sp_test_response_free);
  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->server, "coupon"), ==, 0);
  response = send_json (fixture, "POST", COUPONS, fixture->coupon);
  g_assert_cmpuint (response->status, ==, 201);
}

static void
test_fault_429_retry_after (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(SpTestResponse) response = NULL;

  add_faults (fixture, "{\"match\": \"* /coupon/*\", \"fault\": 429, \"retryAfter\": 7}");
  response = send_json (fixture, "POST", COUPONS, fixture->coupon);
  g_assert_cmpuint (response->status, ==, 429);
  g_assert_cmpstr (soup_message_headers_get_one (response->headers, "Retry-After"), ==, "7");
  g_clear_pointer (&response, sp_test_response_free);
  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->server, "coupon"), ==, 0);
  response = send_json (fixture, "POST", COUPONS, fixture->coupon);
  g_assert_cmpuint (response->status, ==, 201);
}

static void
test_fault_500 (Fixture       *fixture,
                gconstpointer  user_data)
{
  check_status_fault (fixture, "{\"match\": \"POST /coupon/" T "/coupons\", \"fault\": 500}", 500);
}

static void
test_fault_503 (Fixture       *fixture,
                gconstpointer  user_data)
{
  check_status_fault (fixture,
                      "{\"match\": \"POST /coupon/" T "/coupons\", \"fault\": 503, \"retryAfter\": 2}",
                      503);
}

static void
test_fault_stall (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(SpTestResponse) response = NULL;

  /* The client gives up after 1 s; the server answers only after 3 s. */
  add_faults (fixture, "{\"match\": \"POST " QUOTES "\", \"fault\": \"stall\", \"seconds\": 3}");
  response = send_json (fixture, "POST", QUOTES, fixture->quote);
  g_assert_error (response->error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->server, "quote"), ==, 0);
  g_clear_pointer (&response, sp_test_response_free);

  response = send_json (fixture, "POST", QUOTES, fixture->quote);
  g_assert_cmpuint (response->status, ==, 201);
  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->server, "quote"), ==, 1);
}

static void
test_fault_reset (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(SpTestResponse) response = NULL;

  add_faults (fixture, "{\"match\": \"POST " QUOTES "\", \"fault\": \"reset\"}");
  response = send_json (fixture, "POST", QUOTES, fixture->quote);
  g_assert_nonnull (response->error);
  g_assert_cmpuint (response->status, ==, 0);
  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->server, "quote"), ==, 0);
  g_clear_pointer (&response, sp_test_response_free);

  response = send_json (fixture, "POST", QUOTES, fixture->quote);
  g_assert_cmpuint (response->status, ==, 201);
  g_assert_cmpuint (sp_sandbox_server_get_request_count (fixture->server, "POST",
                                                         "/quote/{tenant}/quotes"), ==, 2);
}

/* The object is created but the client never sees the answer: a blind
 * retry is a 409 and the server still holds exactly one. */
static void
test_fault_store_then_reset (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(SpTestResponse) response = NULL;

  add_faults (fixture,
              "{\"match\": \"POST " QUOTES "\", \"fault\": \"reset\", \"afterStore\": true}");
  response = send_json (fixture, "POST", QUOTES, fixture->quote);
  g_assert_nonnull (response->error);
  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->server, "quote"), ==, 1);
  g_clear_pointer (&response, sp_test_response_free);

  response = send_json (fixture, "POST", QUOTES, fixture->quote);
  g_assert_cmpuint (response->status, ==, 409);
  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->server, "quote"), ==, 1);
}

static void
test_fault_store_then_stall (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(SpTestResponse) response = NULL;

  add_faults (fixture, "{\"match\": \"POST " COUPONS "\", \"fault\": \"stall\", \"seconds\": 3, "
                       "\"afterStore\": true}");
  response = send_json (fixture, "POST", COUPONS, fixture->coupon);
  g_assert_error (response->error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->server, "coupon"), ==, 1);
}

static void
test_fault_header_and_times (Fixture       *fixture,
                             gconstpointer  user_data)
{
  const char *const fault_503[] = { "X-Sandbox-Fault", "503;retry-after=4", NULL };
  const char *const bad_fault[] = { "X-Sandbox-Fault", "teapot", NULL };
  g_autoptr(SpTestResponse) response = NULL;
  g_autofree char *uri = url (fixture, COUPONS);
  g_autoptr(GBytes) body = g_bytes_new (fixture->coupon, strlen (fixture->coupon));

  /* One request, targeted by its header. */
  response = sp_test_send (fixture->session, "POST", uri, fixture->token, "application/json", body,
                           fault_503);
  g_assert_cmpuint (response->status, ==, 503);
  g_assert_cmpstr (soup_message_headers_get_one (response->headers, "Retry-After"), ==, "4");
  g_clear_pointer (&response, sp_test_response_free);
  response = sp_test_send (fixture->session, "POST", uri, fixture->token, "application/json", body,
                           bad_fault);
  g_assert_cmpuint (response->status, ==, 400);
  g_clear_pointer (&response, sp_test_response_free);

  /* Rules are consumed in order: two 500s, then a 429, then success. */
  add_faults (fixture, "[{\"match\": \"POST /coupon/*\", \"fault\": 500, \"times\": 2},"
                       " {\"match\": \"POST /coupon/*\", \"fault\": 429}]");
  g_assert_cmpuint (sp_sandbox_server_get_pending_faults (fixture->server), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      response = sp_test_send (fixture->session, "POST", uri, fixture->token, "application/json",
                               body, NULL);
      g_assert_cmpuint (response->status, ==, 500);
      g_clear_pointer (&response, sp_test_response_free);
    }
  response = sp_test_send (fixture->session, "POST", uri, fixture->token, "application/json", body,
                           NULL);
  g_assert_cmpuint (response->status, ==, 429);
  g_clear_pointer (&response, sp_test_response_free);
  response = sp_test_send (fixture->session, "POST", uri, fixture->token, "application/json", body,
                           NULL);
  g_assert_cmpuint (response->status, ==, 201);
  g_clear_pointer (&response, sp_test_response_free);

  /* A rule for another endpoint was not consumed by these. */
  g_assert_cmpuint (sp_sandbox_server_get_request_count (fixture->server, "POST",
                                                         "/coupon/{tenant}/coupons"), ==, 6);
  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->server, "coupon"), ==, 1);
}

static void
test_fault_control_endpoints (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(SpTestResponse) response = NULL;
  g_autofree char *faults = url (fixture, "/sandbox/faults");
  g_autofree char *stats = url (fixture, "/sandbox/stats");
  JsonObject *endpoints;

  response = sp_test_send_json (fixture->session, "POST", faults, NULL,
                                "[{\"match\": \"PUT /price/*/price-lists/*\", \"fault\": 503, \"times\": 1}]");
  g_assert_cmpuint (response->status, ==, 201);
  g_clear_pointer (&response, sp_test_response_free);

  /* A bad rule names its JSON path. */
  response = sp_test_send_json (fixture->session, "POST", faults, NULL,
                                "[{\"match\": \"POST /x\", \"fault\": 7}]");
  g_assert_cmpuint (response->status, ==, 400);
  g_assert_true (g_str_has_prefix (sp_test_member_string (response, "message"), "$[0].fault:"));
  g_clear_pointer (&response, sp_test_response_free);
  response = sp_test_send_json (fixture->session, "POST", faults, NULL, "[{\"fault\": 500}]");
  g_assert_cmpuint (response->status, ==, 400);
  g_assert_true (g_str_has_prefix (sp_test_member_string (response, "message"), "$[0].match:"));
  g_clear_pointer (&response, sp_test_response_free);

  response = send_json (fixture, "PUT", "/price/" T "/price-lists/pl-1",
                        "{\"name\":{\"en\":\"x\"},\"currency\":\"EUR\",\"siteCode\":\"main\"}");
  g_assert_cmpuint (response->status, ==, 503);
  g_clear_pointer (&response, sp_test_response_free);

  response = sp_test_send_json (fixture->session, "GET", stats, NULL, NULL);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpint (sp_test_member_int (response, "faults"), ==, 1);
  endpoints = json_object_get_object_member (json_node_get_object (response->json), "endpoints");
  g_assert_cmpint (json_object_get_int_member (endpoints,
                                               "PUT /price/{tenant}/price-lists/{priceListId}"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (endpoints, "POST /oauth/token"), ==, 1);
  g_assert_cmpint (sp_sandbox_server_count_objects (fixture->server, "price-list"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/sandbox/faults/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("401", test_fault_401);
  ADD ("409", test_fault_409);
  ADD ("429-retry-after", test_fault_429_retry_after);
  ADD ("500", test_fault_500);
  ADD ("503", test_fault_503);
  ADD ("stall", test_fault_stall);
  ADD ("reset", test_fault_reset);
  ADD ("store-then-reset", test_fault_store_then_reset);
  ADD ("store-then-stall", test_fault_store_then_stall);
  ADD ("header-and-times", test_fault_header_and_times);
  ADD ("control-endpoints", test_fault_control_endpoints);
#undef ADD

  return g_test_run ();
}
