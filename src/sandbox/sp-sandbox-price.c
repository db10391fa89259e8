/* sp-sandbox-price.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Price models, the campaign price lists and their prices, price matching
 * (MAPPING.md §3, §4, §5c) and draft quotes (§5).
 */

#define G_LOG_DOMAIN "sp-sandbox-price"

#include "config.h"

#include <string.h>

#include "sp-sandbox-error.h"
#include "sp-sandbox-routes-private.h"

#define TENANT(req)  ((req)->params[0])

static gboolean
invalid (GError     **error,
         const char  *path,
         const char  *member,
         const char  *what)
{
  g_set_error (error, SP_SANDBOX_ERROR, SP_SANDBOX_ERROR_INVALID, "%s.%s: %s", path, member, what);
  return FALSE;
}

/* §3a price models */

static gboolean
validate_price_model (JsonObject  *object,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *inner = g_strdup_printf ("%s.tierDefinition", path);
  JsonObject *tiers_def;
  JsonArray *tiers;
  const char *tier_type;
  gboolean flag;

  if (!_sp_sandbox_json_get_text (object, path, "name", SP_SANDBOX_JSON_REQUIRED, error) ||
      !_sp_sandbox_json_get_bool (object, path, "includesTax", SP_SANDBOX_JSON_OPTIONAL, &flag,
                                  error) ||
      !_sp_sandbox_json_get_object (object, path, "tierDefinition", SP_SANDBOX_JSON_REQUIRED,
                                    &tiers_def, error) ||
      !_sp_sandbox_json_get_string (tiers_def, inner, "tierType", SP_SANDBOX_JSON_REQUIRED,
                                    &tier_type, error) ||
      !_sp_sandbox_json_get_array (tiers_def, inner, "tiers", SP_SANDBOX_JSON_REQUIRED, &tiers,
                                   error))
    return FALSE;
  if (json_array_get_length (tiers) == 0)
    return invalid (error, inner, "tiers", "must hold at least one tier");
  return TRUE;
}

void
_sp_sandbox_price_model_put (SpSandboxRequest *req)
{
  _sp_sandbox_upsert (req, "price-model", NULL, req->params[1], validate_price_model, 409,
                      "price model");
}

void
_sp_sandbox_price_model_get (SpSandboxRequest *req)
{
  _sp_sandbox_get (req, "price-model", NULL, req->params[1], "id");
}

/* GET …/priceModels?tierType=BASIC: filtered, then paged. */
void
_sp_sandbox_price_model_list (SpSandboxRequest *req)
{
  const char *tier_type = _sp_sandbox_query (req, "tierType");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 offset, limit, total = 0;
  JsonArray *array;
  JsonNode *node;

  if (tier_type == NULL)
    {
      _sp_sandbox_list (req, "price-model", NULL, 60, "id");
      return;
    }
  if (!_sp_sandbox_paging (req, 60, &offset, &limit))
    return;
  if ((rows = _sp_sandbox_db_find (req->db, "price-model", TENANT (req),
                                   "$.tierDefinition.tierType",
                                   tier_type, &error)) == NULL)
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }
  array = json_array_new ();
  for (guint i = 0; i < rows->len; i++, total++)
    if (total >= offset && total < offset + limit)
      json_array_add_element (array, _sp_sandbox_row_to_json (g_ptr_array_index (rows, i), "id"));
  _sp_sandbox_set_total (req, total);
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);
  _sp_sandbox_respond_json (req, 200, node);
}

/* §3b price lists; a stale version answers 404 (MAPPING.md §1.4). */

static gboolean
validate_price_list (JsonObject  *object,
                     const char  *path,
                     GError     **error)
{
  const char *currency, *text;
  JsonObject *validity;
  JsonArray *countries;

  if (!_sp_sandbox_json_get_text (object, path, "name", SP_SANDBOX_JSON_REQUIRED, error) ||
      !_sp_sandbox_json_get_string (object, path, "currency", SP_SANDBOX_JSON_REQUIRED, &currency,
                                    error) ||
      !_sp_sandbox_json_get_string (object, path, "siteCode", SP_SANDBOX_JSON_REQUIRED, &text,
                                    error) ||
      !_sp_sandbox_json_get_string (object, path, "legalEntityId", SP_SANDBOX_JSON_OPTIONAL, &text,
                                    error) ||
      !_sp_sandbox_json_get_array (object, path, "countries", SP_SANDBOX_JSON_OPTIONAL, &countries,
                                   error) ||
      !_sp_sandbox_json_get_object (object, path, "validity", SP_SANDBOX_JSON_OPTIONAL, &validity,
                                    error))
    return FALSE;
  if (strlen (currency) != 3 || !g_ascii_isupper (currency[0]) || !g_ascii_isupper (currency[1]) ||
      !g_ascii_isupper (currency[2]))
    return invalid (error, path, "currency", "expected an ISO 4217 code such as \"EUR\"");
  if (text != NULL && json_object_has_member (object, "customerGroups"))
    return invalid (error, path, "customerGroups", "cannot be combined with legalEntityId");
  return TRUE;
}

void
_sp_sandbox_price_list_put (SpSandboxRequest *req)
{
  _sp_sandbox_upsert (req, "price-list", NULL, req->params[1], validate_price_list, 404,
                      "price list");
}

void
_sp_sandbox_price_list_get (SpSandboxRequest *req)
{
  _sp_sandbox_get (req, "price-list", NULL, req->params[1], "id");
}

void
_sp_sandbox_price_list_list (SpSandboxRequest *req)
{
  _sp_sandbox_list (req, "price-list", NULL, 60, "id");
}

/* POST …/price-lists/search {"q": "id:a"} or {"q": "id:(a,b)"}; any other
 * query lists everything (the sandbox does not implement q). */
void
_sp_sandbox_price_list_search (SpSandboxRequest *req)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(GStrv) ids = NULL;
  JsonObject *object;
  JsonArray *array;
  JsonNode *node;
  const char *q;

  if ((root = _sp_sandbox_parse_body (req)) == NULL)
    return;
  if ((object = _sp_sandbox_json_as_object (root, "$", &error)) == NULL ||
      !_sp_sandbox_json_get_string (object, "$", "q", SP_SANDBOX_JSON_OPTIONAL, &q, &error))
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }
  if (q != NULL && g_str_has_prefix (q, "id:"))
    {
      g_autofree char *list = g_strdup (q + 3);

      g_strdelimit (list, "()", ' ');
      ids = g_strsplit (g_strstrip (list), ",", -1);
    }

  if ((rows = _sp_sandbox_db_list (req->db, "price-list", TENANT (req), NULL, 0, -1, NULL,
                                   &error)) == NULL)
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }
  array = json_array_new ();
  for (guint i = 0; i < rows->len; i++)
    {
      SpSandboxRow *row = g_ptr_array_index (rows, i);
      gboolean wanted = ids == NULL;

      for (guint j = 0; ids != NULL && ids[j] != NULL && !wanted; j++)
        wanted = g_str_equal (g_strstrip (ids[j]), row->id);
      if (wanted)
        json_array_add_element (array, _sp_sandbox_row_to_json (row, "id"));
    }
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);
  _sp_sandbox_respond_json (req, 200, node);
}

/* §3c/§3d prices */

static gboolean
validate_price (JsonObject  *object,
                const char  *path,
                gboolean     update,
                GError     **error)
{
  g_autofree char *item_path = g_strdup_printf ("%s.itemId", path);
  JsonObject *item_id;
  JsonArray *tiers;
  const char *text;
  gint64 version;
  gboolean present;

  if (!_sp_sandbox_json_get_string (object, path, "id",
                                    update ? SP_SANDBOX_JSON_REQUIRED : SP_SANDBOX_JSON_OPTIONAL,
                                    &text, error) ||
      !_sp_sandbox_json_get_object (object, path, "itemId", SP_SANDBOX_JSON_REQUIRED, &item_id,
                                    error) ||
      !_sp_sandbox_json_get_string (item_id, item_path, "itemType", SP_SANDBOX_JSON_REQUIRED,
                                    &text, error) ||
      !_sp_sandbox_json_get_string (item_id, item_path, "id", SP_SANDBOX_JSON_REQUIRED, &text,
                                    error) ||
      !_sp_sandbox_json_get_string (object, path, "priceModelId", SP_SANDBOX_JSON_REQUIRED, &text,
                                    error) ||
      !_sp_sandbox_json_get_array (object, path, "tierValues", SP_SANDBOX_JSON_REQUIRED, &tiers,
                                   error) ||
      !_sp_sandbox_json_get_version (object, path, &version, &present, error))
    return FALSE;
  if (update && !present)
    return invalid (error, path, "metadata.version", "required member is missing");

  for (guint i = 0; i < json_array_get_length (tiers); i++)
    {
      g_autofree char *tier_path = g_strdup_printf ("%s.tierValues[%u]", path, i);
      JsonObject *tier;
      JsonNode *value;

      if ((tier = _sp_sandbox_json_as_object (json_array_get_element (tiers, i), tier_path,
                                              error)) == NULL ||
          !_sp_sandbox_json_get_number (tier, tier_path, "priceValue", SP_SANDBOX_JSON_REQUIRED,
                                        &value, error))
        return FALSE;
    }
  return TRUE;
}

/* Checks the price model exists and has as many tiers as the price has
 * values (errorCode PRICE-LIST-PRICE-CREATION-2/-3, MAPPING.md §3c). */
static gboolean
check_price_model (SpSandboxRequest  *req,
                   JsonObject        *price,
                   GHashTable        *models,
                   char             **message,
                   GError           **error)
{
  const char *model_id = json_object_get_string_member (price, "priceModelId");  /* validated */
  guint n_values = json_array_get_length (json_object_get_array_member (price, "tierValues"));
  gpointer n_tiers;

  if (!g_hash_table_lookup_extended (models, model_id, NULL, &n_tiers))
    {
      g_autoptr(SpSandboxRow) row = NULL;
      g_autoptr(JsonNode) node = NULL;
      guint count = 0;

      row = _sp_sandbox_db_get (req->db, "price-model", TENANT (req), NULL, model_id, error);
      if (row == NULL && *error != NULL)
        return FALSE;
      if (row != NULL && (node = _sp_sandbox_json_parse_text (row->body,
                                                              NULL)) != NULL &&  /* ours */
          JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *definition;
          JsonArray *tiers;

          if (_sp_sandbox_json_get_object (json_node_get_object (node), "$", "tierDefinition",
                                           SP_SANDBOX_JSON_REQUIRED,
                                   &definition, NULL) &&
              _sp_sandbox_json_get_array (definition, "$", "tiers", SP_SANDBOX_JSON_REQUIRED,
                                          &tiers, NULL))
            count = json_array_get_length (tiers);
        }
      n_tiers = GUINT_TO_POINTER (row != NULL ? count : G_MAXUINT);
      g_hash_table_insert (models, g_strdup (model_id), n_tiers);
    }

  if (GPOINTER_TO_UINT (n_tiers) == G_MAXUINT)
    *message = g_strdup_printf ("PRICE-LIST-PRICE-CREATION-2: the price model %s does not exist", model_id);
  else if (GPOINTER_TO_UINT (n_tiers) != n_values)
    *message = g_strdup_printf ("PRICE-LIST-PRICE-CREATION-3: the price model %s has %u tiers, "
                                "the price has %u tier values", model_id, GPOINTER_TO_UINT (n_tiers), n_values);
  return TRUE;
}

/* POST creates (existing id → item code 409); PUT updates with the
 * version (stale → item code 404) or creates a missing id. */
static void
prices_bulk (SpSandboxRequest *req,
             gboolean          update)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GHashTable) models = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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
  {
    g_autoptr(SpSandboxRow) list = _sp_sandbox_db_get (req->db, "price-list", TENANT (req), NULL,
                                                       req->params[1], &error);
    if (list == NULL)
      {
        _sp_sandbox_db_rollback (req->db);
        if (error != NULL)
          _sp_sandbox_respond_gerror (req, error);
        else
          _sp_sandbox_respond_error (req, 400, "PRICE-LIST-PRICE-CREATION-1",
                                     "The price list with an id: %s does not exist.", req->params[1]);
        return;
      }
  }

  json_builder_begin_array (builder);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autofree char *path = g_strdup_printf ("$[%u]", i);
      g_autoptr(GError) item_error = NULL;
      g_autoptr(SpSandboxRow) row = NULL;
      g_autofree char *message = NULL;
      g_autofree char *id = NULL;
      g_autofree char *body = NULL;
      JsonObject *item;
      const char *given;
      gint64 version = 0;
      gboolean has_version = FALSE;

      if ((item = _sp_sandbox_json_as_object (json_array_get_element (items, i), path,
                                              &item_error)) == NULL ||
          !validate_price (item, path, update, &item_error) ||
          !_sp_sandbox_json_get_version (item, path, &version, &has_version, &item_error))
        {
          _sp_sandbox_bulk_result (builder, i, NULL, 400, item_error->message);
          continue;
        }
      if (!check_price_model (req, item, models, &message, &error))
        goto failed;
      if (message != NULL)
        {
          _sp_sandbox_bulk_result (builder, i, NULL, 400, message);
          continue;
        }

      given = json_object_get_string_member (item, "id");  /* validated: a string, or absent */
      id = given != NULL && given[0] != '\0' ? g_strdup (given) : _sp_sandbox_new_id ();
      row = _sp_sandbox_db_get (req->db, "price", TENANT (req), req->params[1], id, &error);
      if (error != NULL)
        goto failed;
      if (row != NULL && !update)
        {
          _sp_sandbox_bulk_result (builder, i, id, 409, "A price with this id already exists.");
          continue;
        }
      if (row != NULL && has_version && version != row->version)
        {
          g_autofree char *stale = g_strdup_printf ("Cannot find the price with an id: %s and version: %"
                                                    G_GINT64_FORMAT ". It is possible to update a price with "
                                                    "the latest version only.", id, version);

          _sp_sandbox_bulk_result (builder, i, id, 404, stale);
          continue;
        }

      json_object_set_string_member (item, "priceListId", req->params[1]);
      body = _sp_sandbox_body_to_store (item);
      if (!_sp_sandbox_db_put (req->db, "price", TENANT (req), req->params[1], id,
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

void
_sp_sandbox_prices_bulk_create (SpSandboxRequest *req)
{
  prices_bulk (req, FALSE);
}

void
_sp_sandbox_prices_bulk_update (SpSandboxRequest *req)
{
  prices_bulk (req, TRUE);
}

/* DELETE …/prices/bulk ["id", …]: 204; unknown ids are ignored. */
void
_sp_sandbox_prices_bulk_delete (SpSandboxRequest *req)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *ids;

  if ((root = _sp_sandbox_parse_body (req)) == NULL ||
      (ids = _sp_sandbox_bulk_items (req, root)) == NULL)
    return;
  for (guint i = 0; i < json_array_get_length (ids); i++)
    {
      JsonNode *node = json_array_get_element (ids, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          _sp_sandbox_respond_error (req, 400, NULL, "$[%u]: expected a price id (a string)", i);
          return;
        }
    }
  if (!_sp_sandbox_db_begin (req->db, &error))
    goto failed;
  for (guint i = 0; i < json_array_get_length (ids); i++)
    if (!_sp_sandbox_db_delete (req->db, "price", TENANT (req), req->params[1],
                                json_array_get_string_element (ids, i), NULL, &error))
      goto failed;
  if (!_sp_sandbox_db_commit (req->db, &error))
    goto failed;
  _sp_sandbox_respond_empty (req, 204);
  return;

failed:
  _sp_sandbox_db_rollback (req->db);
  _sp_sandbox_respond_gerror (req, error);
}

void
_sp_sandbox_prices_list (SpSandboxRequest *req)
{
  if (!_sp_sandbox_require (req, "price-list", NULL, req->params[1], "price list"))
    return;
  _sp_sandbox_list (req, "price", req->params[1], 60, "id");
}

void
_sp_sandbox_price_get (SpSandboxRequest *req)
{
  _sp_sandbox_get (req, "price", req->params[1], req->params[2], "id");
}

/* §5c match-prices: for each item, the price of the best matching price
 * list (a list for the legal entity first, then one for everybody) of the
 * site and currency. One item: the matchResponse object (404 when nothing
 * matches); several: an array, one element per matched item. */

static JsonNode *
match_item (SpSandboxRequest  *req,
            const char        *product_id,
            const char        *site,
            const char        *currency,
            const char        *legal_entity,
            JsonObject        *quantity,
            GError           **error)
{
  g_autoptr(GPtrArray) prices = NULL;
  g_autoptr(JsonNode) best = NULL;
  g_autoptr(JsonNode) best_price = NULL;
  int best_rank = 0;

  if ((prices = _sp_sandbox_db_find (req->db, "price", TENANT (req), "$.itemId.id", product_id,
                                     error)) == NULL)
    return NULL;

  for (guint i = 0; i < prices->len; i++)
    {
      SpSandboxRow *price = g_ptr_array_index (prices, i);
      g_autoptr(SpSandboxRow) list = NULL;
      g_autoptr(JsonNode) list_node = NULL;
      JsonObject *list_object;
      const char *list_site, *list_currency, *list_entity;
      int rank;

      if ((list = _sp_sandbox_db_get (req->db, "price-list", TENANT (req), NULL, price->parent,
                                      error)) == NULL)
        {
          if (*error != NULL)
            return NULL;
          continue;
        }
      if ((list_node = _sp_sandbox_json_parse_text (list->body,
                                                    NULL)) == NULL ||  /* written by us */
          !JSON_NODE_HOLDS_OBJECT (list_node))
        continue;
      list_object = json_node_get_object (list_node);
      if (!_sp_sandbox_json_get_string (list_object, "$", "siteCode", SP_SANDBOX_JSON_OPTIONAL,
                                        &list_site, NULL) ||
          !_sp_sandbox_json_get_string (list_object, "$", "currency", SP_SANDBOX_JSON_OPTIONAL,
                                        &list_currency, NULL) ||
          !_sp_sandbox_json_get_string (list_object, "$", "legalEntityId",
                                        SP_SANDBOX_JSON_OPTIONAL, &list_entity, NULL) ||
          g_strcmp0 (list_site, site) != 0 || g_strcmp0 (list_currency, currency) != 0)
        continue;
      if (list_entity != NULL && g_strcmp0 (list_entity, legal_entity) != 0)
        continue;
      rank = list_entity != NULL ? 2 : 1;
      if (rank > best_rank)
        {
          best_rank = rank;
          g_clear_pointer (&best, json_node_unref);
          g_clear_pointer (&best_price, json_node_unref);
          best_price = _sp_sandbox_row_to_json (price, "id");
          best = g_steal_pointer (&list_node);
        }
    }

  if (best_price == NULL)
    return NULL;

  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();
    JsonObject *price = json_node_get_object (best_price);
    JsonArray *tiers = json_object_get_array_member (price,
                                                     "tierValues");   /* validated on storing */
    JsonNode *value = NULL;

    if (tiers != NULL && json_array_get_length (tiers) > 0 &&
        JSON_NODE_HOLDS_OBJECT (json_array_get_element (tiers, 0)))
      value = json_object_get_member (json_array_get_object_element (tiers, 0), "priceValue");

    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "priceId");
    json_builder_add_string_value (builder, json_object_get_string_member (price, "id"));
    json_builder_set_member_name (builder, "priceListId");
    json_builder_add_string_value (builder, json_object_get_string_member (price, "priceListId"));
    json_builder_set_member_name (builder, "itemId");
    json_builder_add_value (builder, json_node_copy (json_object_get_member (price, "itemId")));
    json_builder_set_member_name (builder, "site");
    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "code");
    json_builder_add_string_value (builder, site);
    json_builder_end_object (builder);
    json_builder_set_member_name (builder, "currency");
    json_builder_add_string_value (builder, currency);
    if (value != NULL)
      {
        json_builder_set_member_name (builder, "originalValue");
        json_builder_add_value (builder, json_node_copy (value));
        json_builder_set_member_name (builder, "effectiveValue");
        json_builder_add_value (builder, json_node_copy (value));
      }
    if (quantity != NULL)
      {
        JsonNode *quantity_node = json_node_new (JSON_NODE_OBJECT);

        json_node_set_object (quantity_node, quantity);
        json_builder_set_member_name (builder, "quantity");
        json_builder_add_value (builder, quantity_node);
      }
    json_builder_set_member_name (builder, "includesTax");
    json_builder_add_boolean_value (builder, FALSE);
    json_builder_set_member_name (builder, "tierValues");
    json_builder_add_value (builder, json_node_copy (json_object_get_member (price, "tierValues")));
    json_builder_end_object (builder);
    return json_builder_get_root (builder);
  }
}

void
_sp_sandbox_match_prices (SpSandboxRequest *req)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  JsonArray *items, *result;
  JsonNode *node;
  const char *currency, *site, *legal_entity;

  if ((root = _sp_sandbox_parse_body (req)) == NULL)
    return;
  if ((object = _sp_sandbox_json_as_object (root, "$", &error)) == NULL ||
      !_sp_sandbox_json_get_string (object, "$", "targetCurrency", SP_SANDBOX_JSON_REQUIRED,
                                    &currency, &error) ||
      !_sp_sandbox_json_get_string (object, "$", "siteCode", SP_SANDBOX_JSON_REQUIRED, &site,
                                    &error) ||
      !_sp_sandbox_json_get_string (object, "$", "legalEntityId", SP_SANDBOX_JSON_OPTIONAL,
                                    &legal_entity, &error) ||
      !_sp_sandbox_json_get_array (object, "$", "items", SP_SANDBOX_JSON_REQUIRED, &items, &error))
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }

  result = json_array_new ();
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.items[%u]", i);
      g_autofree char *item_path = g_strdup_printf ("$.items[%u].itemId", i);
      JsonObject *item, *item_id, *quantity;
      const char *product_id;
      JsonNode *match;

      if ((item = _sp_sandbox_json_as_object (json_array_get_element (items, i), path,
                                              &error)) == NULL ||
          !_sp_sandbox_json_get_object (item, path, "itemId", SP_SANDBOX_JSON_REQUIRED, &item_id,
                                        &error) ||
          !_sp_sandbox_json_get_string (item_id, item_path, "id", SP_SANDBOX_JSON_REQUIRED,
                                        &product_id, &error) ||
          !_sp_sandbox_json_get_object (item, path, "quantity", SP_SANDBOX_JSON_OPTIONAL,
                                        &quantity, &error))
        {
          json_array_unref (result);
          _sp_sandbox_respond_gerror (req, error);
          return;
        }
      match = match_item (req, product_id, site, currency, legal_entity, quantity, &error);
      if (error != NULL)
        {
          json_array_unref (result);
          _sp_sandbox_respond_gerror (req, error);
          return;
        }
      if (match != NULL)
        json_array_add_element (result, match);
    }

  /* price-service.yml answers one matchResponse object; a request for
   * several items gets an array of them, one per matched item. */
  if (json_array_get_length (items) == 1)
    {
      if (json_array_get_length (result) == 0)
        _sp_sandbox_respond_error (req, 404, NULL, "No price matches the item of the request.");
      else
        _sp_sandbox_respond_json (req, 200, json_array_dup_element (result, 0));
      json_array_unref (result);
      return;
    }
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, result);
  _sp_sandbox_respond_json (req, 200, node);
}

/* §5 quotes */

static gboolean
validate_quote (JsonObject  *object,
                const char  *path,
                GError     **error)
{
  static const char *const required[] = { "customerId", "siteCode", "currency", "billingAddressId",
                                          "shippingAddressId", NULL };
  JsonArray *items;
  const char *text;

  for (guint i = 0; required[i] != NULL; i++)
    if (!_sp_sandbox_json_get_string (object, path, required[i], SP_SANDBOX_JSON_REQUIRED, &text,
                                      error))
      return FALSE;
  if (!_sp_sandbox_json_get_string (object, path, "validTo", SP_SANDBOX_JSON_OPTIONAL, &text,
                                    error) ||
      !_sp_sandbox_json_get_array (object, path, "items", SP_SANDBOX_JSON_OPTIONAL, &items, error))
    return FALSE;

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s.items[%u]", path, i);
      g_autofree char *product_path = g_strdup_printf ("%s.product", item_path);
      g_autofree char *price_path = g_strdup_printf ("%s.price", item_path);
      JsonObject *item, *product, *price, *quantity, *tax;
      JsonNode *number;

      if ((item = _sp_sandbox_json_as_object (json_array_get_element (items, i), item_path,
                                              error)) == NULL ||
          !_sp_sandbox_json_get_object (item, item_path, "product", SP_SANDBOX_JSON_REQUIRED,
                                        &product, error) ||
          !_sp_sandbox_json_get_string (product, product_path, "productId",
                                        SP_SANDBOX_JSON_REQUIRED, &text, error) ||
          !_sp_sandbox_json_get_object (item, item_path, "quantity", SP_SANDBOX_JSON_REQUIRED,
                                        &quantity, error) ||
          !_sp_sandbox_json_get_object (item, item_path, "price", SP_SANDBOX_JSON_OPTIONAL, &price,
                                        error))
        return FALSE;
      if (price != NULL &&
          (!_sp_sandbox_json_get_number (price, price_path, "unitPrice", SP_SANDBOX_JSON_REQUIRED,
                                         &number, error) ||
           !_sp_sandbox_json_get_number (price, price_path, "totalNetValue",
                                         SP_SANDBOX_JSON_REQUIRED, &number, error) ||
           !_sp_sandbox_json_get_object (price, price_path, "tax", SP_SANDBOX_JSON_REQUIRED, &tax,
                                         error)))
        return FALSE;
    }
  return TRUE;
}

/* A quote made by a service starts as CREATING (there is no DRAFT;
 * MAPPING.md §5a), whatever the body says. */
static gboolean
prepare_quote (JsonObject  *object,
               const char  *path,
               GError     **error)
{
  JsonObject *status;

  if (!validate_quote (object, path, error))
    return FALSE;
  status = json_object_new ();
  json_object_set_string_member (status, "value", "CREATING");
  json_object_set_object_member (object, "status", status);
  return TRUE;
}

void
_sp_sandbox_quote_create (SpSandboxRequest *req)
{
  _sp_sandbox_create (req, "quote", NULL, "id", prepare_quote, "Duplicated key");
}

void
_sp_sandbox_quote_get (SpSandboxRequest *req)
{
  g_autoptr(SpSandboxRow) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  row = _sp_sandbox_db_get (req->db, "quote", TENANT (req), NULL, req->params[1], &error);
  if (row == NULL)
    {
      if (error != NULL)
        _sp_sandbox_respond_gerror (req, error);
      else
        _sp_sandbox_respond_error (req, 404, NULL, "Quote %s not found", req->params[1]);
      return;
    }
  node = _sp_sandbox_row_to_json (row, "id");
  object = json_node_get_object (node);
  if (!json_object_has_member (object, "status"))
    {
      JsonObject *status = json_object_new ();

      json_object_set_string_member (status, "value", "CREATING");
      json_object_set_object_member (object, "status", status);
    }
  _sp_sandbox_respond_json (req, 200, g_steal_pointer (&node));
}

static gboolean
allowed_transition (const char *from,
                    const char *to)
{
  static const char *const statuses[] = { "CREATING", "AWAITING", "OPEN", "IN_PROGRESS", "ACCEPTED",
                                          "DECLINED", "DECLINED_BY_MERCHANT", "EXPIRED", "CLOSED", NULL };
  static const char *const to_open[] = { "CREATING", "IN_PROGRESS", "EXPIRED", "AWAITING", "OPEN", NULL };

  if (!g_strv_contains (statuses, to))
    return FALSE;
  if (g_str_equal (to, "OPEN"))
    return g_strv_contains (to_open, from);
  return TRUE;
}

/* PATCH [{"op": "REPLACE", "path": "/status", "value": {"value": "OPEN",
 * "comment": …}}]: 204. Other top-level members can be replaced too. */
void
_sp_sandbox_quote_patch (SpSandboxRequest *req)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) stored = NULL;
  g_autoptr(SpSandboxRow) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  JsonObject *target;
  JsonArray *ops;

  if ((root = _sp_sandbox_parse_body (req)) == NULL)
    return;
  if ((ops = _sp_sandbox_json_as_array (root, "$", &error)) == NULL)
    {
      _sp_sandbox_respond_gerror (req, error);
      return;
    }
  if (!_sp_sandbox_db_begin (req->db, &error))
    goto failed;
  row = _sp_sandbox_db_get (req->db, "quote", TENANT (req), NULL, req->params[1], &error);
  if (row == NULL)
    {
      _sp_sandbox_db_rollback (req->db);
      if (error != NULL)
        _sp_sandbox_respond_gerror (req, error);
      else
        _sp_sandbox_respond_error (req, 404, NULL, "Quote %s not found", req->params[1]);
      return;
    }
  if ((stored = _sp_sandbox_json_parse_text (row->body, &error)) == NULL ||
      (target = _sp_sandbox_json_as_object (stored, "$", &error)) == NULL)
    goto failed;

  for (guint i = 0; i < json_array_get_length (ops); i++)
    {
      g_autofree char *path = g_strdup_printf ("$[%u]", i);
      JsonObject *op, *value_object;
      const char *name, *member, *to, *from = "CREATING";
      JsonNode *value, *current;

      if ((op = _sp_sandbox_json_as_object (json_array_get_element (ops, i), path,
                                            &error)) == NULL ||
          !_sp_sandbox_json_get_string (op, path, "op", SP_SANDBOX_JSON_REQUIRED, &name, &error) ||
          !_sp_sandbox_json_get_string (op, path, "path", SP_SANDBOX_JSON_REQUIRED, &member,
                                        &error))
        goto invalid;
      if (!g_str_equal (name, "REPLACE") || member[0] != '/' || strchr (member + 1, '/') != NULL)
        {
          g_set_error (&error, SP_SANDBOX_ERROR, SP_SANDBOX_ERROR_INVALID,
                       "%s: the sandbox supports only REPLACE of a top-level member such as /status", path);
          goto invalid;
        }
      if ((value = json_object_get_member (op, "value")) == NULL)
        {
          g_set_error (&error, SP_SANDBOX_ERROR, SP_SANDBOX_ERROR_INVALID,
                       "%s.value: required member is missing",
                       path);
          goto invalid;
        }
      if (g_str_equal (member, "/status"))
        {
          g_autofree char *value_path = g_strdup_printf ("%s.value", path);

          if ((value_object = _sp_sandbox_json_as_object (value, value_path, &error)) == NULL ||
              !_sp_sandbox_json_get_string (value_object, value_path, "value",
                                            SP_SANDBOX_JSON_REQUIRED, &to, &error))
            goto invalid;
          current = json_object_get_member (target, "status");
          if (current != NULL && JSON_NODE_HOLDS_OBJECT (current))
            _sp_sandbox_json_get_string (json_node_get_object (current), "$.status", "value",
                                         SP_SANDBOX_JSON_OPTIONAL, &from,
                                 NULL);  /* stored by us */
          if (from == NULL)
            from = "CREATING";
          if (!allowed_transition (from, to))
            {
              _sp_sandbox_db_rollback (req->db);
              _sp_sandbox_respond_error (req, 400, NULL,
                                         "%s.value.value: a quote cannot go from %s to %s",
                                         path, from, to);
              return;
            }
        }
      json_object_set_member (target, member + 1, json_node_copy (value));
    }

  body = _sp_sandbox_body_to_store (target);
  if (!_sp_sandbox_db_put (req->db, "quote", TENANT (req), NULL, req->params[1], row->version + 1,
                           body,
                           &error) ||
      !_sp_sandbox_db_commit (req->db, &error))
    goto failed;
  _sp_sandbox_respond_empty (req, 204);
  return;

invalid:
  _sp_sandbox_db_rollback (req->db);
  _sp_sandbox_respond_gerror (req, error);
  return;

failed:
  _sp_sandbox_db_rollback (req->db);
  _sp_sandbox_respond_gerror (req, error);
}
