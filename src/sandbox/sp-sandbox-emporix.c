/* sp-sandbox-emporix.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Customer segments, coupons, the clearance category and product boosts,
 * media assets, the campaign record (schema service) and the company
 * lookups, as MAPPING.md §2, §4, §6, §7 and §9 describe them.
 */

#define G_LOG_DOMAIN "sp-sandbox-emporix"

#include "config.h"

#include <string.h>

#include "sp-sandbox-error.h"
#include "sp-sandbox-routes-private.h"

#define TENANT(req)  ((req)->params[0])

typedef char *(*ItemIdFunc) (JsonObject  *item,
                             const char  *path,
                             const char  *type,
                             GError     **error);

static gboolean
check_enum (JsonObject   *object,
            const char   *path,
            const char   *member,
            const char   *const *allowed,
            GError      **error)
{
  const char *value;

  if (!_sp_sandbox_json_get_string (object, path, member, SP_SANDBOX_JSON_OPTIONAL, &value, error))
    return FALSE;
  if (value == NULL || g_strv_contains (allowed, value))
    return TRUE;
  g_set_error (error, SP_SANDBOX_ERROR, SP_SANDBOX_ERROR_INVALID,
               "%s.%s: “%s” is not one of the allowed values",
               path, member, value);
  return FALSE;
}

static gboolean
check_string_array (JsonObject  *object,
                    const char  *path,
                    const char  *member,
                    GError     **error)
{
  JsonArray *array;

  if (!_sp_sandbox_json_get_array (object, path, member, SP_SANDBOX_JSON_OPTIONAL, &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_set_error (error, SP_SANDBOX_ERROR, SP_SANDBOX_ERROR_INVALID,
                       "%s.%s[%u]: expected a string",
                       path, member, i);
          return FALSE;
        }
    }
  return TRUE;
}

/* The 207 upsert of a bulk endpoint: each item is validated on its own (its
 * own 400 code), then created (201) or replaced (204), all in one
 * transaction. */
static void
bulk_upsert (SpSandboxRequest *req,
             const char       *kind,
             const char       *parent,
             const char       *type,
             ItemIdFunc        item_id)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *items;

  if ((root = _sp_sandbox_parse_body (req)) == NULL ||
      (items = _sp_sandbox_bulk_items (req, root)) == NULL)
    return;
  if (!_sp_sandbox_db_begin (req->db, &error))
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autofree char *path = g_strdup_printf ("$[%u]", i);
      g_autoptr(GError) item_error = NULL;
      g_autoptr(SpSandboxRow) row = NULL;
      g_autofree char *id = NULL;
      g_autofree char *body = NULL;
      JsonObject *item;

      if ((item = _sp_sandbox_json_as_object (json_array_get_element (items, i), path,
                                              &item_error)) == NULL ||
          (id = item_id (item, path, type, &item_error)) == NULL)
        {
          _sp_sandbox_bulk_result (builder, i, NULL, 400, item_error->message);
          continue;
        }

      row = _sp_sandbox_db_get (req->db, kind, TENANT (req), parent, id, &error);
      body = _sp_sandbox_body_to_store (item);
      if (error != NULL ||
          !_sp_sandbox_db_put (req->db, kind, TENANT (req), parent, id,
                               row != NULL ? row->version + 1 : 1, body, &error))
        goto failed;
      _sp_sandbox_bulk_result (builder, i, id, row != NULL ? 204 : 201, NULL);
    }
  json_builder_end_array (builder);

  if (!_sp_sandbox_db_commit (req->db, &error))
    goto failed;
  _sp_sandbox_respond_json (req, 207, json_builder_get_root (builder));
  return;

failed:
  _sp_sandbox_db_rollback (req->db);
  _sp_sandbox_respond_gerror (req, error);
}

/* A single PUT whose body may be empty (segment items and members,
 * category assignments): 201 or 204. */
static void
upsert_link (SpSandboxRequest *req,
             const char       *kind,
             const char       *parent,
             const char       *id,
             JsonObject       *fields)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSandboxRow) row = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *body = NULL;
  JsonObject *object;

  if (req->body != NULL && g_bytes_get_size (req->body) > 0)
    {
      if ((root = _sp_sandbox_parse_body (req)) == NULL)
        return;
      if ((object = _sp_sandbox_json_as_object (root, "$", &error)) == NULL)
        {
          _sp_sandbox_respond_gerror (req, error);
          return;
        }
    }
  else
    {
      root = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (root, json_object_new ());
      object = json_node_get_object (root);
    }

  if (fields != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (fields);

      for (const GList *l = members; l != NULL; l = l->next)
        json_object_set_member (object, l->data,
                                json_node_copy (json_object_get_member (fields, l->data)));
    }

  if (!_sp_sandbox_db_begin (req->db, &error))
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }
  row = _sp_sandbox_db_get (req->db, kind, TENANT (req), parent, id, &error);
  body = _sp_sandbox_body_to_store (object);
  if (error != NULL ||
      !_sp_sandbox_db_put (req->db, kind, TENANT (req), parent, id,
                           row != NULL ? row->version + 1 : 1, body, &error) ||
      !_sp_sandbox_db_commit (req->db, &error))
    {
      _sp_sandbox_db_rollback (req->db);
      _sp_sandbox_respond_gerror (req, error);
      return;
    }
  if (row != NULL)
    _sp_sandbox_respond_empty (req, 204);
  else
    _sp_sandbox_respond_id (req, 201, id);
}

/* §2 customer segments */

static gboolean
validate_segment (JsonObject  *object,
                  const char  *path,
                  GError     **error)
{
  static const char *const statuses[] = { "ACTIVE", "INACTIVE", NULL };
  const char *site;
  JsonObject *validity;

  return _sp_sandbox_json_get_text (object, path, "name", SP_SANDBOX_JSON_REQUIRED, error) &&
         _sp_sandbox_json_get_text (object, path, "description", SP_SANDBOX_JSON_OPTIONAL, error) &&
         _sp_sandbox_json_get_string (object, path, "siteCode", SP_SANDBOX_JSON_REQUIRED, &site,
                                      error) &&
         check_enum (object, path, "status", statuses, error) &&
         _sp_sandbox_json_get_object (object, path, "validity", SP_SANDBOX_JSON_OPTIONAL,
                                      &validity, error);
}

void
_sp_sandbox_segment_put (SpSandboxRequest *req)
{
  _sp_sandbox_upsert (req, "segment", NULL, req->params[1], validate_segment, 409, "segment");
}

void
_sp_sandbox_segment_get (SpSandboxRequest *req)
{
  _sp_sandbox_get (req, "segment", NULL, req->params[1], "id");
}

void
_sp_sandbox_segment_items_list (SpSandboxRequest *req)
{
  _sp_sandbox_list (req, "segment-item", req->params[1], 60, NULL);
}

static char *
segment_item_id (JsonObject  *item,
                 const char  *path,
                 const char  *type,
                 GError     **error)
{
  const char *id;

  if (!_sp_sandbox_json_get_string (item, path, "id", SP_SANDBOX_JSON_REQUIRED, &id, error))
    return NULL;
  json_object_set_string_member (item, "itemId", id);
  json_object_set_string_member (item, "type", type);
  return g_strdup_printf ("%s:%s", type, id);
}

void
_sp_sandbox_segment_items_bulk (SpSandboxRequest *req)
{
  if (!_sp_sandbox_require (req, "segment", NULL, req->params[1], "segment"))
    return;
  bulk_upsert (req, "segment-item", req->params[1], req->params[2], segment_item_id);
}

void
_sp_sandbox_segment_item_put (SpSandboxRequest *req)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *id = g_strdup_printf ("%s:%s", req->params[2], req->params[3]);

  if (!_sp_sandbox_require (req, "segment", NULL, req->params[1], "segment"))
    return;
  json_object_set_string_member (fields, "itemId", req->params[3]);
  json_object_set_string_member (fields, "type", req->params[2]);
  upsert_link (req, "segment-item", req->params[1], id, fields);
}

static char *
segment_customer_id (JsonObject  *item,
                     const char  *path,
                     const char  *type,
                     GError     **error)
{
  const char *customer, *legal_entity;

  if (!_sp_sandbox_json_get_string (item, path, "customerId", SP_SANDBOX_JSON_REQUIRED, &customer,
                                    error) ||
      !_sp_sandbox_json_get_string (item, path, "legalEntityId", SP_SANDBOX_JSON_OPTIONAL,
                                    &legal_entity, error))
    return NULL;
  if (legal_entity != NULL)
    return g_strdup_printf ("%s:%s", customer, legal_entity);
  return g_strdup (customer);
}

void
_sp_sandbox_segment_customers_bulk (SpSandboxRequest *req)
{
  if (!_sp_sandbox_require (req, "segment", NULL, req->params[1], "segment"))
    return;
  bulk_upsert (req, "segment-customer", req->params[1], NULL, segment_customer_id);
}

void
_sp_sandbox_segment_customer_put (SpSandboxRequest *req)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *id = NULL;

  if (!_sp_sandbox_require (req, "segment", NULL, req->params[1], "segment"))
    return;
  json_object_set_string_member (fields, "customerId", req->params[2]);
  if (req->n_params > 3)
    json_object_set_string_member (fields, "legalEntityId", req->params[3]);
  id = req->n_params > 3 ? g_strdup_printf ("%s:%s", req->params[2], req->params[3])
                         : g_strdup (req->params[2]);
  upsert_link (req, "segment-customer", req->params[1], id, fields);
}

/* §2d coupons: codes are upper-cased; errors have the coupon shape. */

static gboolean
validate_coupon (JsonObject  *object,
                 const char  *path,
                 GError     **error)
{
  static const char *const types[] = { "PERCENT", "ABSOLUTE", "FREE_SHIPPING", NULL };
  static const char *const calculations[] = { "SUBTOTAL", "TOTAL", NULL };
  JsonObject *restrictions = NULL;
  g_autofree char *inner = g_strdup_printf ("%s.restrictions", path);
  const char *text;
  JsonNode *number;
  gboolean flag;

  return _sp_sandbox_json_get_string (object, path, "name", SP_SANDBOX_JSON_REQUIRED, &text,
                                      error) &&
         _sp_sandbox_json_get_string (object, path, "description", SP_SANDBOX_JSON_OPTIONAL, &text,
                                      error) &&
         check_enum (object, path, "discountType", types, error) &&
         check_enum (object, path, "discountCalculationType", calculations, error) &&
         _sp_sandbox_json_get_number (object, path, "discountPercentage", SP_SANDBOX_JSON_OPTIONAL,
                                      &number, error) &&
         _sp_sandbox_json_get_bool (object, path, "allowAnonymous", SP_SANDBOX_JSON_OPTIONAL,
                                    &flag, error) &&
         _sp_sandbox_json_get_bool (object, path, "segmentRestricted", SP_SANDBOX_JSON_OPTIONAL,
                                    &flag, error) &&
         _sp_sandbox_json_get_bool (object, path, "categoryRestricted", SP_SANDBOX_JSON_OPTIONAL,
                                    &flag, error) &&
         _sp_sandbox_json_get_object (object, path, "restrictions", SP_SANDBOX_JSON_OPTIONAL,
                                      &restrictions, error) &&
         (restrictions == NULL ||
          (check_string_array (restrictions, inner, "segments", error) &&
           _sp_sandbox_json_get_string (restrictions, inner, "validFrom", SP_SANDBOX_JSON_OPTIONAL,
                                        &text, error) &&
           _sp_sandbox_json_get_string (restrictions, inner, "validUntil",
                                        SP_SANDBOX_JSON_OPTIONAL, &text, error)));
}

void
_sp_sandbox_coupon_create (SpSandboxRequest *req)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SpSandboxRow) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *body = NULL;
  JsonObject *object;
  const char *given;

  if ((root = _sp_sandbox_parse_body (req)) == NULL)
    return;
  if ((object = _sp_sandbox_json_as_object (root, "$", &error)) == NULL ||
      !validate_coupon (object, "$", &error) ||
      !_sp_sandbox_json_get_string (object, "$", "code", SP_SANDBOX_JSON_OPTIONAL, &given, &error))
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }
  if (given != NULL && given[0] != '\0')
    code = g_ascii_strup (given, -1);
  else
    {
      g_autofree char *id = _sp_sandbox_new_id ();

      code = g_ascii_strup (id, 10);
    }
  json_object_set_string_member (object, "code", code);
  json_object_set_string_member (object, "status", "VALID");
  json_object_set_int_member (object, "redemptionCount", 0);
  json_object_set_boolean_member (object, "deleted", FALSE);

  if (!_sp_sandbox_db_begin (req->db, &error))
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }
  row = _sp_sandbox_db_get (req->db, "coupon", TENANT (req), NULL, code, &error);
  if (error == NULL && row != NULL)
    {
      _sp_sandbox_db_rollback (req->db);
      _sp_sandbox_respond_error (req, 409, NULL, "Duplicate Coupon '%s' on tenant '%s'", code,
                                 TENANT (req));
      return;
    }
  body = _sp_sandbox_body_to_store (object);
  if (error != NULL ||
      !_sp_sandbox_db_put (req->db, "coupon", TENANT (req), NULL, code, 1, body, &error) ||
      !_sp_sandbox_db_commit (req->db, &error))
    {
      _sp_sandbox_db_rollback (req->db);
      _sp_sandbox_respond_gerror (req, error);
      return;
    }
  _sp_sandbox_respond_id (req, 201, code);
}

/* The coupon's metadata has only version and mixins (no dates). */
static JsonNode *
coupon_to_json (const SpSandboxRow *row)
{
  JsonNode *node = _sp_sandbox_row_to_json (row, "code");
  JsonObject *metadata = json_object_get_object_member (json_node_get_object (node), "metadata");

  json_object_remove_member (metadata, "createdAt");
  json_object_remove_member (metadata, "modifiedAt");
  return node;
}

void
_sp_sandbox_coupon_get (SpSandboxRequest *req)
{
  g_autofree char *code = g_ascii_strup (req->params[1], -1);
  g_autoptr(SpSandboxRow) row = NULL;
  g_autoptr(GError) error = NULL;

  row = _sp_sandbox_db_get (req->db, "coupon", TENANT (req), NULL, code, &error);
  if (error != NULL)
    _sp_sandbox_respond_gerror (req, error);
  else if (row == NULL)
    _sp_sandbox_respond_error (req, 404, NULL, "Coupon '%s' not found on tenant '%s'", code,
                               TENANT (req));
  else
    _sp_sandbox_respond_json (req, 200, coupon_to_json (row));
}

void
_sp_sandbox_coupon_list (SpSandboxRequest *req)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 offset, limit, total = 0;
  JsonArray *array;
  JsonNode *node;

  if (!_sp_sandbox_paging (req, 16, &offset, &limit))
    return;
  if ((rows = _sp_sandbox_db_list (req->db, "coupon", TENANT (req), NULL, offset, limit, &total,
                                   &error)) == NULL)
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }
  array = json_array_new ();
  for (guint i = 0; i < rows->len; i++)
    json_array_add_element (array, coupon_to_json (g_ptr_array_index (rows, i)));
  _sp_sandbox_set_total (req, total);
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);
  _sp_sandbox_respond_json (req, 200, node);
}

/* PATCH (and the deprecated PUT ?partial=true): the members sent replace
 * the stored ones; that is how the campaign end moves validUntil. */
void
_sp_sandbox_coupon_update (SpSandboxRequest *req)
{
  g_autofree char *code = g_ascii_strup (req->params[1], -1);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) stored = NULL;
  g_autoptr(SpSandboxRow) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) members = NULL;
  g_autofree char *body = NULL;
  JsonObject *object, *target;
  gint64 version = 0;
  gboolean has_version;

  if ((root = _sp_sandbox_parse_body (req)) == NULL)
    return;
  if ((object = _sp_sandbox_json_as_object (root, "$", &error)) == NULL ||
      !_sp_sandbox_json_get_version (object, "$", &version, &has_version, &error))
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }
  if (json_object_has_member (object, "name") && !validate_coupon (object, "$", &error))
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }

  if (!_sp_sandbox_db_begin (req->db, &error))
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }
  row = _sp_sandbox_db_get (req->db, "coupon", TENANT (req), NULL, code, &error);
  if (error != NULL)
    goto failed;
  if (row == NULL)
    {
      _sp_sandbox_db_rollback (req->db);
      _sp_sandbox_respond_error (req, 404, NULL, "Coupon '%s' not found on tenant '%s'", code,
                                 TENANT (req));
      return;
    }
  if (has_version && version != row->version)
    {
      _sp_sandbox_db_rollback (req->db);
      _sp_sandbox_respond_error (req, 409, NULL,
                                 "Coupon '%s' has changed; its version is %" G_GINT64_FORMAT,
                                 code, row->version);
      return;
    }

  if ((stored = _sp_sandbox_json_parse_text (row->body, &error)) == NULL ||
      (target = _sp_sandbox_json_as_object (stored, "$", &error)) == NULL)
    goto failed;
  json_object_remove_member (object, "code");
  json_object_remove_member (object, "metadata");
  members = json_object_get_members (object);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (object, l->data);

      json_object_set_member (target, l->data, json_node_copy (value));
    }

  body = _sp_sandbox_body_to_store (target);
  if (!_sp_sandbox_db_put (req->db, "coupon", TENANT (req), NULL, code, row->version + 1, body,
                           &error) ||
      !_sp_sandbox_db_commit (req->db, &error))
    goto failed;
  _sp_sandbox_respond_empty (req, g_str_equal (req->method, "PUT") ? 204 : 200);
  return;

failed:
  _sp_sandbox_db_rollback (req->db);
  _sp_sandbox_respond_gerror (req, error);
}

/* §6 category and product */

static gboolean
validate_category (JsonObject  *object,
                   const char  *path,
                   GError     **error)
{
  gboolean published;
  gint64 position;

  return _sp_sandbox_json_get_text (object, path, "localizedName", SP_SANDBOX_JSON_REQUIRED,
                                    error) &&
         _sp_sandbox_json_get_text (object, path, "localizedSlug", SP_SANDBOX_JSON_OPTIONAL,
                                    error) &&
         _sp_sandbox_json_get_bool (object, path, "published", SP_SANDBOX_JSON_REQUIRED,
                                    &published, error) &&
         _sp_sandbox_json_get_int (object, path, "position", SP_SANDBOX_JSON_OPTIONAL, &position,
                                   NULL, error);
}

void
_sp_sandbox_category_put (SpSandboxRequest *req)
{
  _sp_sandbox_upsert (req, "category", NULL, req->params[1], validate_category, 409, "category");
}

void
_sp_sandbox_category_get (SpSandboxRequest *req)
{
  _sp_sandbox_get (req, "category", NULL, req->params[1], "id");
}

static char *
assignment_id (JsonObject  *item,
               const char  *path,
               const char  *type,
               GError     **error)
{
  g_autofree char *inner = g_strdup_printf ("%s.ref", path);
  JsonObject *ref;
  const char *id;

  if (!_sp_sandbox_json_get_object (item, path, "ref", SP_SANDBOX_JSON_REQUIRED, &ref, error) ||
      !_sp_sandbox_json_get_string (ref, inner, "id", SP_SANDBOX_JSON_REQUIRED, &id, error))
    return NULL;
  return g_strdup (id);
}

void
_sp_sandbox_category_assign_bulk (SpSandboxRequest *req)
{
  if (!_sp_sandbox_require (req, "category", NULL, req->params[1], "category"))
    return;
  bulk_upsert (req, "category-assignment", req->params[1], NULL, assignment_id);
}

void
_sp_sandbox_category_assign_put (SpSandboxRequest *req)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonObject) ref = json_object_new ();

  if (!_sp_sandbox_require (req, "category", NULL, req->params[1], "category"))
    return;
  json_object_set_string_member (ref, "id", req->params[2]);
  json_object_set_object_member (fields, "ref", json_object_ref (ref));
  upsert_link (req, "category-assignment", req->params[1], req->params[2], fields);
}

void
_sp_sandbox_category_assign_delete (SpSandboxRequest *req)
{
  _sp_sandbox_delete (req, "category-assignment", req->params[1], req->params[2]);
}

void
_sp_sandbox_category_assign_list (SpSandboxRequest *req)
{
  _sp_sandbox_list (req, "category-assignment", req->params[1], 60, NULL);
}

static void
merge_objects (JsonObject *target,
               JsonObject *source,
               const char *deep_member)
{
  g_autoptr(GList) members = json_object_get_members (source);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (source, l->data);
      JsonNode *existing = json_object_get_member (target, l->data);

      if (deep_member != NULL && g_str_equal (l->data, deep_member) &&
          JSON_NODE_HOLDS_OBJECT (value) && existing != NULL && JSON_NODE_HOLDS_OBJECT (existing))
        merge_objects (json_node_get_object (existing), json_node_get_object (value), NULL);
      else
        json_object_set_member (target, l->data, json_node_copy (value));
    }
}

/* PATCH merges the members sent (mixins per mixin); a product the sandbox
 * does not know yet is created, so the demo flow runs without a catalog. */
void
_sp_sandbox_product_patch (SpSandboxRequest *req)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) stored = NULL;
  g_autoptr(SpSandboxRow) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  JsonObject *object, *target, *mixins;
  JsonArray *related;
  gint64 version = 0;
  gboolean has_version;

  if ((root = _sp_sandbox_parse_body (req)) == NULL)
    return;
  if ((object = _sp_sandbox_json_as_object (root, "$", &error)) == NULL ||
      !_sp_sandbox_json_get_version (object, "$", &version, &has_version, &error) ||
      !_sp_sandbox_json_get_object (object, "$", "mixins", SP_SANDBOX_JSON_OPTIONAL, &mixins,
                                    &error) ||
      !_sp_sandbox_json_get_array (object, "$", "relatedItems", SP_SANDBOX_JSON_OPTIONAL, &related,
                                   &error))
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }
  for (guint i = 0; related != NULL && i < json_array_get_length (related); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.relatedItems[%u]", i);
      JsonObject *item;
      const char *text;

      if ((item = _sp_sandbox_json_as_object (json_array_get_element (related, i), path,
                                              &error)) == NULL ||
          !_sp_sandbox_json_get_string (item, path, "refId", SP_SANDBOX_JSON_REQUIRED, &text,
                                        &error) ||
          !_sp_sandbox_json_get_string (item, path, "type", SP_SANDBOX_JSON_REQUIRED, &text,
                                        &error))
        {
          _sp_sandbox_respond_gerror (req, error);
          return;
        }
    }

  if (!_sp_sandbox_db_begin (req->db, &error))
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }
  row = _sp_sandbox_db_get (req->db, "product", TENANT (req), NULL, req->params[1], &error);
  if (error != NULL)
    goto failed;
  if (row != NULL && has_version && version != row->version)
    {
      _sp_sandbox_db_rollback (req->db);
      _sp_sandbox_respond_error (req, 409, NULL,
                                 "Product %s has version %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT,
                                 req->params[1], row->version, version);
      return;
    }

  if (row != NULL)
    {
      if ((stored = _sp_sandbox_json_parse_text (row->body, &error)) == NULL ||
          (target = _sp_sandbox_json_as_object (stored, "$", &error)) == NULL)
        goto failed;
    }
  else
    {
      JsonObject *name = json_object_new ();

      /* What a basic product needs to read back as one (code, name). */
      stored = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (stored, json_object_new ());
      target = json_node_get_object (stored);
      json_object_set_string_member (name, "en", req->params[1]);
      json_object_set_string_member (target, "code", req->params[1]);
      json_object_set_object_member (target, "name", name);
    }
  json_object_remove_member (object, "id");
  merge_objects (target, object, "mixins");

  body = _sp_sandbox_body_to_store (target);
  if (!_sp_sandbox_db_put (req->db, "product", TENANT (req), NULL, req->params[1],
                           row != NULL ? row->version + 1 : 1, body, &error) ||
      !_sp_sandbox_db_commit (req->db, &error))
    goto failed;
  _sp_sandbox_respond_empty (req, 204);
  return;

failed:
  _sp_sandbox_db_rollback (req->db);
  _sp_sandbox_respond_gerror (req, error);
}

void
_sp_sandbox_product_get (SpSandboxRequest *req)
{
  _sp_sandbox_get (req, "product", NULL, req->params[1], "id");
}

void
_sp_sandbox_product_list (SpSandboxRequest *req)
{
  _sp_sandbox_list (req, "product", NULL, 60, "id");
}

/* §9 campaign record */

static gboolean
validate_named (JsonObject  *object,
                const char  *path,
                GError     **error)
{
  return _sp_sandbox_json_get_text (object, path, "name", SP_SANDBOX_JSON_REQUIRED, error);
}

static gboolean
validate_instance (JsonObject  *object,
                   const char  *path,
                   GError     **error)
{
  JsonObject *mixins;

  return _sp_sandbox_json_get_text (object, path, "name", SP_SANDBOX_JSON_OPTIONAL, error) &&
         _sp_sandbox_json_get_object (object, path, "mixins", SP_SANDBOX_JSON_OPTIONAL, &mixins,
                                      error);
}

static gboolean
validate_schema (JsonObject  *object,
                 const char  *path,
                 GError     **error)
{
  JsonArray *attributes;

  return _sp_sandbox_json_get_text (object, path, "name", SP_SANDBOX_JSON_REQUIRED, error) &&
         check_string_array (object, path, "types", error) &&
         _sp_sandbox_json_get_array (object, path, "attributes", SP_SANDBOX_JSON_REQUIRED,
                                     &attributes, error);
}

void
_sp_sandbox_custom_type_put (SpSandboxRequest *req)
{
  _sp_sandbox_upsert (req, "custom-type", NULL, req->params[1], validate_named, 409, "entity");
}

void
_sp_sandbox_custom_type_get (SpSandboxRequest *req)
{
  _sp_sandbox_get (req, "custom-type", NULL, req->params[1], "id");
}

void
_sp_sandbox_schema_create (SpSandboxRequest *req)
{
  _sp_sandbox_create (req, "schema", NULL, "id", validate_schema, "Duplicated key.");
}

void
_sp_sandbox_schema_get (SpSandboxRequest *req)
{
  g_autoptr(SpSandboxRow) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *url = NULL;
  JsonNode *metadata;

  row = _sp_sandbox_db_get (req->db, "schema", TENANT (req), NULL, req->params[1], &error);
  if (row == NULL)
    {
      if (error != NULL)
        _sp_sandbox_respond_gerror (req, error);
      else
        _sp_sandbox_respond_error (req, 404, NULL, "schema %s not found", req->params[1]);
      return;
    }
  node = _sp_sandbox_row_to_json (row, "id");
  metadata = json_object_get_member (json_node_get_object (node), "metadata");
  url = g_strdup_printf ("%ssandbox/schemas/%s/%s_v%" G_GINT64_FORMAT ".json", req->base_uri,
                         TENANT (req), row->id, row->version);
  json_object_set_string_member (json_node_get_object (metadata), "url", url);
  _sp_sandbox_respond_json (req, 200, g_steal_pointer (&node));
}

void
_sp_sandbox_instance_create (SpSandboxRequest *req)
{
  if (!_sp_sandbox_require (req, "custom-type", NULL, req->params[1], "custom entity type"))
    return;
  _sp_sandbox_create (req, "instance", req->params[1], "id", validate_instance, "Duplicated key.");
}

void
_sp_sandbox_instance_put (SpSandboxRequest *req)
{
  if (!_sp_sandbox_require (req, "custom-type", NULL, req->params[1], "custom entity type"))
    return;
  _sp_sandbox_upsert (req, "instance", req->params[1], req->params[2], validate_instance, 409,
                      "entity");
}

void
_sp_sandbox_instance_get (SpSandboxRequest *req)
{
  _sp_sandbox_get (req, "instance", req->params[1], req->params[2], "id");
}

void
_sp_sandbox_instance_list (SpSandboxRequest *req)
{
  _sp_sandbox_list (req, "instance", req->params[1], 60, "id");
}

void
_sp_sandbox_instance_delete (SpSandboxRequest *req)
{
  _sp_sandbox_delete (req, "instance", req->params[1], req->params[2]);
}

/* §7 media assets: JSON (LINK) or multipart (BLOB with a file). */

static gboolean
validate_asset (JsonObject  *object,
                const char  *path,
                GError     **error)
{
  static const char *const types[] = { "LINK", "BLOB", NULL };
  static const char *const access[] = { "PUBLIC", "PRIVATE", NULL };
  JsonArray *refs;
  const char *type, *url;

  if (!_sp_sandbox_json_get_string (object, path, "type", SP_SANDBOX_JSON_REQUIRED, &type, error) ||
      !check_enum (object, path, "type", types, error) ||
      !_sp_sandbox_json_get_string (object, path, "access", SP_SANDBOX_JSON_REQUIRED, &url,
                                    error) ||
      !check_enum (object, path, "access", access, error) ||
      !_sp_sandbox_json_get_string (object, path, "url",
                                    g_str_equal (type, "LINK") ? SP_SANDBOX_JSON_REQUIRED
                                                               : SP_SANDBOX_JSON_OPTIONAL,
                                    &url, error) ||
      !_sp_sandbox_json_get_array (object, path, "refIds", SP_SANDBOX_JSON_OPTIONAL, &refs, error))
    return FALSE;

  for (guint i = 0; refs != NULL && i < json_array_get_length (refs); i++)
    {
      g_autofree char *inner = g_strdup_printf ("%s.refIds[%u]", path, i);
      JsonObject *ref;
      const char *text;

      if ((ref = _sp_sandbox_json_as_object (json_array_get_element (refs, i), inner,
                                             error)) == NULL ||
          !_sp_sandbox_json_get_string (ref, inner, "id", SP_SANDBOX_JSON_REQUIRED, &text, error) ||
          !_sp_sandbox_json_get_string (ref, inner, "type", SP_SANDBOX_JSON_REQUIRED, &text, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_multipart (SpSandboxRequest  *req,
                GBytes           **body,
                GBytes           **file,
                char             **file_type)
{
  g_autoptr(SoupMultipart) multipart = NULL;

  multipart = soup_multipart_new_from_message (soup_server_message_get_request_headers (req->msg),
                                               req->body);
  if (multipart == NULL)
    return FALSE;

  for (int i = 0; i < soup_multipart_get_length (multipart); i++)
    {
      SoupMessageHeaders *headers;
      GBytes *part;
      g_autoptr(GHashTable) params = NULL;
      const char *name;

      if (!soup_multipart_get_part (multipart, i, &headers, &part) ||
          !soup_message_headers_get_content_disposition (headers, NULL, &params))
        continue;
      name = g_hash_table_lookup (params, "name");
      if (g_strcmp0 (name, "body") == 0)
        *body = g_bytes_ref (part);
      else if (g_strcmp0 (name, "file") == 0)
        {
          const char *type = soup_message_headers_get_content_type (headers, NULL);

          *file = g_bytes_ref (part);
          *file_type = g_strdup (type != NULL ? type : "application/octet-stream");
        }
    }
  return TRUE;
}

void
_sp_sandbox_media_create (SpSandboxRequest *req)
{
  const char *content_type = soup_message_headers_get_content_type (
    soup_server_message_get_request_headers (req->msg), NULL);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autofree char *file_type = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SpSandboxRow) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *stored = NULL;
  JsonObject *object;
  const char *given, *type;
  gboolean replaced;

  if (content_type != NULL && g_str_has_prefix (content_type, "multipart/form-data"))
    {
      if (!read_multipart (req, &body, &file, &file_type) || body == NULL || file == NULL)
        {
          _sp_sandbox_respond_error (req, 400, NULL,
                                     "multipart: expected a \"file\" part and a \"body\" part");
          return;
        }
    }
  else
    body = g_bytes_ref (req->body);

  if ((root = _sp_sandbox_json_parse (body, &error)) == NULL ||
      (object = _sp_sandbox_json_as_object (root, "$", &error)) == NULL ||
      !validate_asset (object, "$", &error) ||
      !_sp_sandbox_json_get_string (object, "$", "id", SP_SANDBOX_JSON_OPTIONAL, &given, &error) ||
      !_sp_sandbox_json_get_string (object, "$", "type", SP_SANDBOX_JSON_REQUIRED, &type, &error))
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }
  if (g_str_equal (type, "BLOB") != (file != NULL))
    {
      _sp_sandbox_respond_error (req, 400, NULL,
                                 "$.type: a BLOB asset is sent as multipart with a file, "
                                                 "a LINK asset as JSON");
      return;
    }
  id = given != NULL && given[0] != '\0' ? g_strdup (given) : _sp_sandbox_new_id ();
  if (file != NULL)
    {
      json_object_set_int_member (object, "size", g_bytes_get_size (file));
      json_object_set_string_member (object, "contentType", file_type);
    }

  if (!_sp_sandbox_db_begin (req->db, &error))
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }
  row = _sp_sandbox_db_get (req->db, "media", TENANT (req), NULL, id, &error);
  if (error == NULL && row != NULL)
    {
      _sp_sandbox_db_rollback (req->db);
      _sp_sandbox_respond_error (req, 409, NULL, "Asset with id %s already exists.", id);
      return;
    }
  stored = _sp_sandbox_body_to_store (object);
  if (error != NULL ||
      !_sp_sandbox_db_put (req->db, "media", TENANT (req), NULL, id, 1, stored, &error) ||
      (file != NULL &&
       !_sp_sandbox_db_put_file (req->db, "media", TENANT (req), id, file_type, file, &replaced,
                                 &error)) ||
      !_sp_sandbox_db_commit (req->db, &error))
    {
      _sp_sandbox_db_rollback (req->db);
      _sp_sandbox_respond_gerror (req, error);
      return;
    }
  _sp_sandbox_respond_id (req, 201, id);
}

void
_sp_sandbox_media_get (SpSandboxRequest *req)
{
  _sp_sandbox_get (req, "media", NULL, req->params[1], "id");
}

static gboolean
asset_refers_to (const SpSandboxRow *row,
                 const char         *ref_id)
{
  g_autoptr(JsonNode) node = _sp_sandbox_json_parse_text (row->body, NULL);  /* stored by us */
  JsonArray *refs;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      !_sp_sandbox_json_get_array (json_node_get_object (node), "$", "refIds",
                                   SP_SANDBOX_JSON_OPTIONAL, &refs, NULL) ||
      refs == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (refs); i++)
    {
      JsonNode *ref = json_array_get_element (refs, i);
      const char *id;

      if (JSON_NODE_HOLDS_OBJECT (ref) &&
          _sp_sandbox_json_get_string (json_node_get_object (ref), "$", "id",
                                       SP_SANDBOX_JSON_OPTIONAL, &id, NULL) &&
          g_strcmp0 (id, ref_id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* GET /media/{t}/assets[?q=refIds.id:X]: the assets of a product, a
 * category or a campaign (MAPPING.md §7), paged. */
void
_sp_sandbox_media_list (SpSandboxRequest *req)
{
  const char *q = _sp_sandbox_query (req, "q");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 offset, limit, total = 0;
  JsonArray *array;
  JsonNode *node;

  if (q == NULL)
    {
      _sp_sandbox_list (req, "media", NULL, 60, "id");
      return;
    }
  if (!g_str_has_prefix (q, "refIds.id:"))
    {
      _sp_sandbox_respond_error (req, 400, NULL, "query q: the sandbox supports only refIds.id:ID");
      return;
    }
  if (!_sp_sandbox_paging (req, 60, &offset, &limit))
    return;
  rows = _sp_sandbox_db_list (req->db, "media", TENANT (req), NULL, 0, -1, NULL, &error);
  if (rows == NULL)
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }
  array = json_array_new ();
  for (guint i = 0; i < rows->len; i++)
    {
      SpSandboxRow *row = g_ptr_array_index (rows, i);

      if (!asset_refers_to (row, q + strlen ("refIds.id:")))
        continue;
      if (total >= offset && total < offset + limit)
        json_array_add_element (array, _sp_sandbox_row_to_json (row, "id"));
      total++;
    }
  _sp_sandbox_set_total (req, total);
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);
  _sp_sandbox_respond_json (req, 200, node);
}

static gboolean
validate_asset_update (JsonObject  *object,
                       const char  *path,
                       GError     **error)
{
  gint64 version;
  gboolean present;

  if (!_sp_sandbox_json_get_version (object, path, &version, &present, error))
    return FALSE;
  if (!present)
    {
      g_set_error (error, SP_SANDBOX_ERROR, SP_SANDBOX_ERROR_INVALID,
                   "%s.metadata.version: required member is missing", path);
      return FALSE;
    }
  return validate_asset (object, path, error);
}

void
_sp_sandbox_media_put (SpSandboxRequest *req)
{
  if (!_sp_sandbox_require (req, "media", NULL, req->params[1], "asset"))
    return;
  _sp_sandbox_upsert (req, "media", NULL, req->params[1], validate_asset_update, 409, "asset");
}

/* §4 companies: read-only, seeded (see _sp_sandbox_seed_demo). */

static void
list_filtered (SpSandboxRequest *req,
               const char       *kind,
               const char       *json_path,
               const char       *value,
               gboolean          substring)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) page = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *needle = value != NULL ? g_utf8_casefold (value, -1) : NULL;
  gint64 offset, limit, total = 0;
  JsonArray *array;
  JsonNode *node;

  if (!_sp_sandbox_paging (req, 16, &offset, &limit))
    return;
  if ((rows = _sp_sandbox_db_list (req->db, kind, TENANT (req), NULL, 0, -1, NULL, &error)) == NULL)
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }

  array = json_array_new ();
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(JsonNode) item = _sp_sandbox_row_to_json (g_ptr_array_index (rows, i), "id");

      if (needle != NULL)
        {
          g_autoptr(JsonPath) path = json_path_new ();
          g_autoptr(JsonNode) found = NULL;
          JsonArray *matches;
          const char *text;
          g_autofree char *folded = NULL;

          if (!json_path_compile (path, json_path, NULL))  /* a constant of ours */
            continue;
          found = json_path_match (path, item);
          matches = json_node_get_array (found);
          if (json_array_get_length (matches) == 0 ||
              !JSON_NODE_HOLDS_VALUE (json_array_get_element (matches, 0)) ||
              json_node_get_value_type (json_array_get_element (matches, 0)) != G_TYPE_STRING)
            continue;
          text = json_node_get_string (json_array_get_element (matches, 0));
          folded = g_utf8_casefold (text, -1);
          if (substring ? strstr (folded, needle) == NULL : strcmp (folded, needle) != 0)
            continue;
        }

      if (total >= offset && total < offset + limit)
        json_array_add_element (array, g_steal_pointer (&item));
      total++;
    }

  _sp_sandbox_set_total (req, total);
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);
  _sp_sandbox_respond_json (req, 200, node);
}

void
_sp_sandbox_legal_entity_list (SpSandboxRequest *req)
{
  const char *name = _sp_sandbox_query (req, "name");
  const char *q = _sp_sandbox_query (req, "q");

  if (q != NULL && g_str_has_prefix (q, "id:"))
    list_filtered (req, "legal-entity", "$.id", q + 3, FALSE);
  else if (q != NULL && g_str_has_prefix (q, "name:"))
    list_filtered (req, "legal-entity", "$.name", q + 5, TRUE);
  else
    list_filtered (req, "legal-entity", "$.name", name, TRUE);
}

void
_sp_sandbox_legal_entity_get (SpSandboxRequest *req)
{
  _sp_sandbox_get (req, "legal-entity", NULL, req->params[1], "id");
}

void
_sp_sandbox_contact_list (SpSandboxRequest *req)
{
  const char *legal_entity = _sp_sandbox_query (req, "legalEntity.id");

  list_filtered (req, "contact-assignment", "$.legalEntity.id", legal_entity, FALSE);
}

void
_sp_sandbox_location_list (SpSandboxRequest *req)
{
  list_filtered (req, "location", "$.legalEntityId", _sp_sandbox_query (req, "legalEntityId"),
                 FALSE);
}
