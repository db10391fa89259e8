/* test-sandbox-contract.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sandbox speaks the Emporix contract: every request of MAPPING.md goes
 * through `prism proxy --errors` to the sandbox, so Prism validates both the
 * request and the sandbox's answer (status, headers, body) against the specs,
 * including the conflict and stale-version answers. Skipped (77) without
 * Prism, except in CI.
 */

#include "config.h"

#include <string.h>

#include "sp-prism.h"
#include "sp-sandbox-server.h"
#include "sp-test-http.h"

#define T "stockdemo"
#define C "spc-2026-w07-clearance"

typedef struct
{
  const char *spec;
  const char *method;
  const char *path;
  const char *body;     /* a file in emporix/requests, or inline JSON starting with { or [ */
  guint       status;
} Step;

/* The execution stream's requests in order, and the answers a real tenant
 * gives to the repeated ones. Two answers are not here because the specs
 * cannot be met: GET of a product (its oneOf cannot validate a basic
 * product, MAPPING.md §11.9) and a category update (204 with a declared
 * JSON body, which HTTP does not allow). */
static const Step steps[] = {
  { "customer-segment-service.yml", "PUT", "/customer-segment/" T "/segments/" C "-seg-loyal", "02a-segment-upsert.json", 201 },
  { "customer-segment-service.yml", "PUT", "/customer-segment/" T "/segments/" C "-seg-loyal", "02a-segment-upsert.json", 204 },
  { "customer-segment-service.yml", "GET", "/customer-segment/" T "/segments/" C "-seg-loyal", NULL, 200 },
  { "customer-segment-service.yml", "PUT", "/customer-segment/" T "/segments/" C "-seg-loyal/items/PRODUCT/bulk", "02b-segment-items-products-bulk.json", 207 },
  { "customer-segment-service.yml", "PUT", "/customer-segment/" T "/segments/" C "-seg-loyal/items/CATEGORY/" C "-cat", "02c-segment-item-category.json", 201 },
  { "customer-segment-service.yml", "GET", "/customer-segment/" T "/segments/nope", NULL, 404 },
  { "coupon-service.yml", "POST", "/coupon/" T "/coupons", "02d-coupon-create-segment.json", 201 },
  { "coupon-service.yml", "POST", "/coupon/" T "/coupons", "02d-coupon-create-segment.json", 409 },
  { "coupon-service.yml", "GET", "/coupon/" T "/coupons/SPC2026W07LOYAL", NULL, 200 },
  { "coupon-service.yml", "PATCH", "/coupon/" T "/coupons/SPC2026W07LOYAL", "{\"name\":\"Clearance\",\"restrictions\":{\"validUntil\":\"2026-02-15T00:00:00.000Z\"}}", 200 },
  { "price-service.yml", "PUT", "/price/" T "/priceModels/stockpromo-net-pc", "03a-price-model-upsert.json", 201 },
  { "price-service.yml", "GET", "/price/" T "/priceModels?tierType=BASIC&pageNumber=1&pageSize=50", NULL, 200 },
  { "price-service.yml", "PUT", "/price/" T "/price-lists/" C "-main-eur", "03b-price-list-upsert.json", 201 },
  { "price-service.yml", "PUT", "/price/" T "/price-lists/" C "-main-eur", "03b-price-list-upsert.json", 204 },
  { "price-service.yml", "PUT", "/price/" T "/price-lists/" C "-main-eur", "{\"name\":{\"en\":\"x\"},\"currency\":\"EUR\",\"siteCode\":\"main\",\"metadata\":{\"version\":1}}", 404 },
  { "price-service.yml", "GET", "/price/" T "/price-lists/" C "-main-eur", NULL, 200 },
  { "price-service.yml", "POST", "/price/" T "/price-lists/" C "-main-eur/prices/bulk", "03c-price-list-prices-bulk-create.json", 207 },
  { "price-service.yml", "POST", "/price/" T "/price-lists/" C "-main-eur/prices/bulk", "03c-price-list-prices-bulk-create.json", 207 },
  { "price-service.yml", "PUT", "/price/" T "/price-lists/" C "-main-eur/prices/bulk", "03d-price-list-prices-bulk-update.json", 207 },
  { "price-service.yml", "POST", "/price/" T "/price-lists/search", "03e-price-lists-search.json", 200 },
  { "price-service.yml", "GET", "/price/" T "/price-lists/" C "-main-eur/prices?pageNumber=1&pageSize=200", NULL, 200 },
  { "price-service.yml", "PUT", "/price/" T "/price-lists/" C "-le-acme", "04a-price-list-legal-entity-upsert.json", 201 },
  { "price-service.yml", "POST", "/price/" T "/price-lists/" C "-le-acme/prices/bulk", "04e-price-list-legal-entity-prices-bulk-create.json", 207 },
  { "customer-segment-service.yml", "PUT", "/customer-segment/" T "/segments/" C "-seg-acme", "02a-segment-upsert.json", 201 },
  { "customer-segment-service.yml", "PUT", "/customer-segment/" T "/segments/" C "-seg-acme/customers/bulk", "04b-segment-customers-b2b-bulk.json", 207 },
  { "client-management-service.yml", "GET", "/customer-management/" T "/legal-entities?pageNumber=1&pageSize=50&name=ACME", NULL, 200 },
  { "client-management-service.yml", "GET", "/customer-management/" T "/contact-assignments?legalEntity.id=le-acme", NULL, 200 },
  { "price-service.yml", "POST", "/price/" T "/match-prices", "05c-match-prices-legal-entity.json", 200 },
  { "quote-service.yaml", "POST", "/quote/" T "/quotes", "05a-quote-create.json", 201 },
  { "quote-service.yaml", "POST", "/quote/" T "/quotes", "05a-quote-create.json", 409 },
  { "quote-service.yaml", "GET", "/quote/" T "/quotes/" C "-q-le-acme-1", NULL, 200 },
  { "quote-service.yaml", "PATCH", "/quote/" T "/quotes/" C "-q-le-acme-1", "05d-quote-status-open.json", 204 },
  { "category-tree-service.yml", "PUT", "/category/" T "/categories/" C "-cat?publish=true", "06a-category-upsert.json", 201 },
  { "category-tree-service.yml", "PUT", "/category/" T "/categories/" C "-cat/assignments/references/bulk", "06b-category-assignments-bulk.json", 207 },
  { "product-service.yml", "PATCH", "/product/" T "/products/prod-1001", "{\"mixins\":{\"stockPromotion\":{\"searchBoost\":3}}}", 204 },
  { "product-service.yml", "PATCH", "/product/" T "/products/prod-1001", "06c-product-patch-boost.json", 409 },
  { "media-service.yml", "POST", "/media/" T "/assets", "07a-media-link-asset.json", 201 },
  { "media-service.yml", "POST", "/media/" T "/assets", "07a-media-link-asset.json", 409 },
  { "media-service.yml", "GET", "/media/" T "/assets/" C "-img-hero", NULL, 200 },
  { "media-service.yml", "GET", "/media/" T "/assets?q=refIds.id:prod-1001", NULL, 200 },
  { "schema-service.yml", "PUT", "/schema/" T "/custom-entities/STOCK_PROMOTION_CAMPAIGN", "09a-custom-type-upsert.json", 201 },
  { "schema-service.yml", "POST", "/schema/" T "/schemas", "09b-campaign-schema-create.json", 201 },
  { "schema-service.yml", "POST", "/schema/" T "/custom-entities/STOCK_PROMOTION_CAMPAIGN/instances", "09c-campaign-instance-create.json", 201 },
  { "schema-service.yml", "POST", "/schema/" T "/custom-entities/STOCK_PROMOTION_CAMPAIGN/instances", "09c-campaign-instance-create.json", 409 },
  { "schema-service.yml", "PUT", "/schema/" T "/custom-entities/STOCK_PROMOTION_CAMPAIGN/instances/" C, "09d-campaign-instance-update.json", 204 },
  { "schema-service.yml", "PUT", "/schema/" T "/custom-entities/STOCK_PROMOTION_CAMPAIGN/instances/" C, "09d-campaign-instance-update.json", 409 },
  { "schema-service.yml", "GET", "/schema/" T "/custom-entities/STOCK_PROMOTION_CAMPAIGN/instances/" C, NULL, 200 },
  { "schema-service.yml", "GET", "/schema/" T "/custom-entities/STOCK_PROMOTION_CAMPAIGN/instances?pageSize=50", NULL, 200 },
};

static const char *const specs[] = {
  "oauth-service.yml", "customer-segment-service.yml", "coupon-service.yml", "price-service.yml",
  "client-management-service.yml", "quote-service.yaml", "category-tree-service.yml", "product-service.yml",
  "media-service.yml", "schema-service.yml", NULL
};

static GBytes *
step_body (const Step *step)
{
  g_autofree char *relative = NULL;
  char *text;

  if (step->body == NULL)
    return NULL;
  if (step->body[0] == '{' || step->body[0] == '[')
    return g_bytes_new_static (step->body, strlen (step->body));
  relative = g_strconcat ("emporix/requests/", step->body, NULL);
  text = sp_test_read_shared (relative);
  return g_bytes_new_take (text, strlen (text));
}

static void
test_sandbox_answers_validate (void)
{
  g_autoptr(SpSandboxServer) sandbox = sp_sandbox_server_new (NULL);
  g_autoptr(SoupSession) session = sp_test_session_new (30);
  g_autoptr(SpPrism) prism = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) violations = NULL;
  g_autoptr(GPtrArray) response_violations = NULL;
  g_autofree char *token = NULL;

  sp_sandbox_server_start (sandbox, 0, &error);
  g_assert_no_error (error);
  prism = sp_prism_start_proxy (specs, sp_sandbox_server_get_uri (sandbox), &error);
  g_assert_no_error (error);

  /* The token answer validates too, and the token works behind the proxy. */
  token = sp_test_get_token (session, sp_prism_get_uri (prism, "oauth-service.yml"));

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      const Step *step = &steps[i];
      const char *const headers[] = { "Content-Language", "*", "X-Total-Count", "true", NULL };
      g_autofree char *uri = g_strconcat (sp_prism_get_uri (prism, step->spec), step->path + 1,
                                          NULL);
      g_autoptr(GBytes) body = step_body (step);
      g_autoptr(SpTestResponse) response = NULL;
      const char *violation;

      response = sp_test_send (session, step->method, uri, token,
                               body != NULL ? "application/json" : NULL,
                               body, headers);
      g_assert_no_error (response->error);
      violation = sp_prism_header_violations (response->headers);
      if (response->status != step->status || violation != NULL)
        {
          g_autofree char *text = response->body != NULL ? g_strndup (g_bytes_get_data (response->body, NULL),
                                                                       g_bytes_get_size (response->body))
                                                         : NULL;

          g_printerr ("step %u: %s %s -> %u (expected %u)%s%s\n%s\n", i, step->method, step->path,
                      response->status, step->status, violation != NULL ? "; violations: " : "",
                      violation != NULL ? violation : "", text != NULL ? text : "");
        }
      g_assert_null (violation);
      g_assert_cmpuint (response->status, ==, step->status);
    }

  violations = sp_prism_dup_violations (prism);
  response_violations = sp_prism_dup_response_violations (prism);
  for (guint i = 0; i < response_violations->len; i++)
    g_printerr ("Prism response violation: %s\n",
                (const char *)g_ptr_array_index (response_violations, i));
  sp_prism_assert_no_violations (prism);
  g_assert_cmpuint (response_violations->len, ==, 0);

  /* And the sandbox holds one of each, nothing twice. */
  g_assert_cmpint (sp_sandbox_server_count_objects (sandbox, "coupon"), ==, 1);
  g_assert_cmpint (sp_sandbox_server_count_objects (sandbox, "quote"), ==, 1);
  g_assert_cmpint (sp_sandbox_server_count_objects (sandbox, "price"), ==, 3);
  g_assert_cmpint (sp_sandbox_server_count_objects (sandbox, "instance"), ==, 1);

  sp_prism_stop (prism);
  sp_sandbox_server_stop (sandbox);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  sp_prism_available_or_skip ();
  g_test_add_func ("/sandbox/contract/answers-validate", test_sandbox_answers_validate);

  return g_test_run ();
}
