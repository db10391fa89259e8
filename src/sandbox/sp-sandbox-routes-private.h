/* sp-sandbox-routes-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The route table of the sandbox and the handlers behind it.
 */

#pragma once

#include "sp-sandbox-request-private.h"

G_BEGIN_DECLS

typedef enum
{
  SP_SANDBOX_ROUTE_TOKEN      = 0,       /* needs a token issued by /oauth/token */
  SP_SANDBOX_ROUTE_PUBLIC     = 1 << 0,  /* no Authorization needed */
  SP_SANDBOX_ROUTE_ANY_BEARER = 1 << 1,  /* any "Bearer …" (the content platform) */
} SpSandboxRouteFlags;

typedef struct
{
  const char          *method;
  const char          *pattern;   /* "/price/{tenant}/price-lists/{id}" */
  SpSandboxHandler     handler;
  SpSandboxRouteFlags  flags;
} SpSandboxRoute;

const SpSandboxRoute *_sp_sandbox_match_route (SpSandboxRequest     *req,
                                               gboolean             *path_known);
gboolean              _sp_sandbox_check_auth  (SpSandboxRequest     *req,
                                               const SpSandboxRoute *route);

/* Generic object handling (sp-sandbox-objects.c). */
typedef gboolean (*SpSandboxValidateFunc) (JsonObject  *object,
                                           const char  *path,
                                           GError     **error);

typedef enum
{
  SP_SANDBOX_BULK_UPSERT,        /* items with or without id; 201 or 204 each */
  SP_SANDBOX_BULK_CREATE,        /* existing id → item code 409 */
} SpSandboxBulkMode;

char     *_sp_sandbox_body_to_store  (JsonObject            *object);
void      _sp_sandbox_upsert         (SpSandboxRequest      *req,
                                      const char            *kind,
                                      const char            *parent,
                                      const char            *id,
                                      SpSandboxValidateFunc  validate,
                                      guint                  stale_status,
                                      const char            *stale_what);
void      _sp_sandbox_create         (SpSandboxRequest      *req,
                                      const char            *kind,
                                      const char            *parent,
                                      const char            *id_member,
                                      SpSandboxValidateFunc  validate,
                                      const char            *conflict_message);
void      _sp_sandbox_get            (SpSandboxRequest      *req,
                                      const char            *kind,
                                      const char            *parent,
                                      const char            *id,
                                      const char            *id_member);
void      _sp_sandbox_list           (SpSandboxRequest      *req,
                                      const char            *kind,
                                      const char            *parent,
                                      gint64                 default_page_size,
                                      const char            *id_member);
void      _sp_sandbox_delete         (SpSandboxRequest      *req,
                                      const char            *kind,
                                      const char            *parent,
                                      const char            *id);
gboolean  _sp_sandbox_require        (SpSandboxRequest      *req,
                                      const char            *kind,
                                      const char            *parent,
                                      const char            *id,
                                      const char            *what);
JsonArray *_sp_sandbox_bulk_items    (SpSandboxRequest      *req,
                                      JsonNode              *root);
void      _sp_sandbox_bulk_result    (JsonBuilder           *builder,
                                      guint                  index,
                                      const char            *id,
                                      guint                  code,
                                      const char            *message);

/* Handlers */
void _sp_sandbox_oauth_token          (SpSandboxRequest *req);
void _sp_sandbox_segment_put          (SpSandboxRequest *req);
void _sp_sandbox_segment_get          (SpSandboxRequest *req);
void _sp_sandbox_segment_items_bulk   (SpSandboxRequest *req);
void _sp_sandbox_segment_item_put     (SpSandboxRequest *req);
void _sp_sandbox_segment_items_list   (SpSandboxRequest *req);
void _sp_sandbox_segment_customers_bulk (SpSandboxRequest *req);
void _sp_sandbox_segment_customer_put (SpSandboxRequest *req);
void _sp_sandbox_coupon_create        (SpSandboxRequest *req);
void _sp_sandbox_coupon_get           (SpSandboxRequest *req);
void _sp_sandbox_coupon_list          (SpSandboxRequest *req);
void _sp_sandbox_coupon_update        (SpSandboxRequest *req);
void _sp_sandbox_price_model_put      (SpSandboxRequest *req);
void _sp_sandbox_price_model_get      (SpSandboxRequest *req);
void _sp_sandbox_price_model_list     (SpSandboxRequest *req);
void _sp_sandbox_price_list_put       (SpSandboxRequest *req);
void _sp_sandbox_price_list_get       (SpSandboxRequest *req);
void _sp_sandbox_price_list_list      (SpSandboxRequest *req);
void _sp_sandbox_price_list_search    (SpSandboxRequest *req);
void _sp_sandbox_prices_bulk_create   (SpSandboxRequest *req);
void _sp_sandbox_prices_bulk_update   (SpSandboxRequest *req);
void _sp_sandbox_prices_bulk_delete   (SpSandboxRequest *req);
void _sp_sandbox_prices_list          (SpSandboxRequest *req);
void _sp_sandbox_price_get            (SpSandboxRequest *req);
void _sp_sandbox_match_prices         (SpSandboxRequest *req);
void _sp_sandbox_quote_create         (SpSandboxRequest *req);
void _sp_sandbox_quote_get            (SpSandboxRequest *req);
void _sp_sandbox_quote_patch          (SpSandboxRequest *req);
void _sp_sandbox_category_put         (SpSandboxRequest *req);
void _sp_sandbox_category_get         (SpSandboxRequest *req);
void _sp_sandbox_category_assign_bulk (SpSandboxRequest *req);
void _sp_sandbox_category_assign_put  (SpSandboxRequest *req);
void _sp_sandbox_category_assign_delete (SpSandboxRequest *req);
void _sp_sandbox_category_assign_list (SpSandboxRequest *req);
void _sp_sandbox_product_patch        (SpSandboxRequest *req);
void _sp_sandbox_product_get          (SpSandboxRequest *req);
void _sp_sandbox_product_list         (SpSandboxRequest *req);
void _sp_sandbox_media_create         (SpSandboxRequest *req);
void _sp_sandbox_media_get            (SpSandboxRequest *req);
void _sp_sandbox_media_list           (SpSandboxRequest *req);
void _sp_sandbox_media_put            (SpSandboxRequest *req);
void _sp_sandbox_custom_type_put      (SpSandboxRequest *req);
void _sp_sandbox_custom_type_get      (SpSandboxRequest *req);
void _sp_sandbox_schema_create        (SpSandboxRequest *req);
void _sp_sandbox_schema_get           (SpSandboxRequest *req);
void _sp_sandbox_instance_create      (SpSandboxRequest *req);
void _sp_sandbox_instance_put         (SpSandboxRequest *req);
void _sp_sandbox_instance_get         (SpSandboxRequest *req);
void _sp_sandbox_instance_list        (SpSandboxRequest *req);
void _sp_sandbox_instance_delete      (SpSandboxRequest *req);
void _sp_sandbox_legal_entity_list    (SpSandboxRequest *req);
void _sp_sandbox_legal_entity_get     (SpSandboxRequest *req);
void _sp_sandbox_contact_list         (SpSandboxRequest *req);
void _sp_sandbox_location_list        (SpSandboxRequest *req);
void _sp_sandbox_banner_create        (SpSandboxRequest *req);
void _sp_sandbox_banner_put           (SpSandboxRequest *req);
void _sp_sandbox_banner_get           (SpSandboxRequest *req);
void _sp_sandbox_banner_list          (SpSandboxRequest *req);
void _sp_sandbox_banner_image_put     (SpSandboxRequest *req);
void _sp_sandbox_banner_image_get     (SpSandboxRequest *req);
gboolean _sp_sandbox_seed_json        (SpSandboxDb      *db,
                                       const char       *json,
                                       GError          **error);
gboolean _sp_sandbox_seed_demo        (SpSandboxDb      *db,
                                       GError          **error);

G_END_DECLS
