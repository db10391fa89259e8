/* test-prism-smoke.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prism starts, serves price-service.yml with --errors, accepts the
 * MAPPING.md price-list body (03b) and rejects a broken one: the contract
 * test machinery works. Skipped (77) without Prism, except in CI.
 */

#include "config.h"

#include <string.h>

#include "sp-prism.h"
#include "sp-test-http.h"

#define SPEC "price-service.yml"
#define PATH "price/stockdemo/price-lists/spc-2026-w07-clearance-main-eur"

static SpTestResponse *
put_price_list (SoupSession *session,
                const char  *uri,
                const char  *json)
{
  const char *const headers[] = { "Content-Language", "*", NULL };
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

  return sp_test_send (session, "PUT", uri, "x", "application/json", body, headers);
}

static void
test_price_list_upsert_validates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPrism) prism = NULL;
  g_autoptr(SoupSession) session = sp_test_session_new (30);
  g_autoptr(SpTestResponse) response = NULL;
  g_autoptr(GPtrArray) violations = NULL;
  g_autofree char *json = sp_test_read_shared ("emporix/requests/03b-price-list-upsert.json");
  g_autofree char *uri = NULL;

  prism = sp_prism_start ((const char *const[]) { SPEC, NULL }, &error);
  g_assert_no_error (error);
  uri = g_strconcat (sp_prism_get_uri (prism, SPEC), PATH, NULL);

  /* The body of MAPPING.md §3b is valid: 2xx, and no violation anywhere. */
  response = put_price_list (session, uri, json);
  g_assert_no_error (response->error);
  g_assert_cmpuint (response->status, >=, 200);
  g_assert_cmpuint (response->status, <, 300);
  g_assert_null (sp_prism_header_violations (response->headers));
  sp_prism_assert_no_violations (prism);
  g_clear_pointer (&response, sp_test_response_free);

  /* A broken body (no name, lower-case currency) is caught, so the check
   * above could have failed. */
  response = put_price_list (session, uri, "{\"currency\": \"eur\", \"siteCode\": \"main\"}");
  g_assert_cmpuint (response->status, >=, 400);
  violations = sp_prism_dup_violations (prism);
  g_assert_cmpuint (violations->len, >=, 1);
  sp_prism_clear_violations (prism);
  sp_prism_assert_no_violations (prism);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  sp_prism_available_or_skip ();
  g_test_add_func ("/sandbox/prism/price-list-upsert-validates", test_price_list_upsert_validates);

  return g_test_run ();
}
