/* sp-campaign-db.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Campaign rows and their sites (by site code), scope (products by SKU,
 * categories by path) and segments (by code).
 */

#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sp-campaign-db-private.h"
#include "sp-campaign-private.h"
#include "sp-enum-strings.h"

#define CAMPAIGN_COLUMNS \
  "id, name, description, status, origin, owner, start_date, end_date, units_to_clear, " \
  "target_date, margin_floor_bp, default_discount_bp, currency, created_at, updated_at, version"

/* Read with the columns: the further parameters (column 16). */
#define CAMPAIGN_SELECT_COLUMNS CAMPAIGN_COLUMNS ", params_json"

/* Writes the boost settings into params_json, keeping every other key
 * (the demo's "boost.category", "trigger", …). ?18 enabled as JSON text,
 * ?19 weight, ?20 clearance category. */
#define BOOST_PARAMS_SET(base) \
  "json_set (" base ", '$.boost.enabled', json (?18), '$.boost.weight', ?19, " \
  "'$.boost.clearance_category', ?20)"

typedef struct
{
  GPtrArray *sites;
  GPtrArray *products;
  GPtrArray *categories;
  GPtrArray *segments;
} Children;

static Children *
children_new (void)
{
  Children *children = g_new0 (Children, 1);

  children->sites = g_ptr_array_new_with_free_func (g_free);
  children->products = g_ptr_array_new_with_free_func (g_free);
  children->categories = g_ptr_array_new_with_free_func (g_free);
  children->segments = g_ptr_array_new_with_free_func (g_free);
  return children;
}

static void
children_free (Children *children)
{
  g_ptr_array_unref (children->sites);
  g_ptr_array_unref (children->products);
  g_ptr_array_unref (children->categories);
  g_ptr_array_unref (children->segments);
  g_free (children);
}

static const char * const *
as_strv (GPtrArray *array)
{
  /* The arrays are NULL-terminated by add_child(). */
  return (const char * const *)array->pdata;
}

static void
add_child (GPtrArray  *array,
           const char *value)
{
  if (array->len > 0)
    g_ptr_array_remove_index (array, array->len - 1);
  g_ptr_array_add (array, g_strdup (value));
  g_ptr_array_add (array, NULL);
}

/* Reads the boost settings of @campaign from its params_json, if any:
 * {"boost": {"enabled": true, "weight": 5, "clearance_category": "Clearance"}};
 * a missing member keeps the campaign's default. */
static gboolean
boost_from_params (SpCampaign  *campaign,
                   const char  *params_json,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonObject *boost;
  JsonNode *member;

  if (params_json == NULL || *params_json == '\0')
    return TRUE;
  if (!json_parser_load_from_data (parser, params_json, -1, &local_error))
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_SQL,
                   /* Translators: %1$s is a campaign id, %2$s the parser's message */
                   _("campaigns.params_json of campaign %1$s: %2$s"), sp_campaign_get_id (campaign),
                   local_error->message);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_SQL,
                   /* Translators: %s is a campaign id */
                   _("campaigns.params_json of campaign %s: $ is not an object"),
                   sp_campaign_get_id (campaign));
      return FALSE;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (root, "boost"))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "boost")))
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_SQL,
                   /* Translators: %s is a campaign id */
                   _("campaigns.params_json of campaign %s: $.boost is not an object"),
                   sp_campaign_get_id (campaign));
      return FALSE;
    }
  boost = json_object_get_object_member (root, "boost");

  if ((member = json_object_get_member (boost, "enabled")) != NULL)
    {
      if (json_node_get_value_type (member) != G_TYPE_BOOLEAN)
        goto bad_member;
      sp_campaign_set_boost_enabled (campaign, json_node_get_boolean (member));
    }
  if ((member = json_object_get_member (boost, "weight")) != NULL)
    {
      if (json_node_get_value_type (member) != G_TYPE_INT64 ||
          json_node_get_int (member) < SP_CAMPAIGN_BOOST_WEIGHT_MIN ||
          json_node_get_int (member) > SP_CAMPAIGN_BOOST_WEIGHT_MAX)
        goto bad_member;
      sp_campaign_set_boost_weight (campaign, json_node_get_int (member));
    }
  if ((member = json_object_get_member (boost, "clearance_category")) != NULL)
    {
      if (json_node_get_value_type (member) != G_TYPE_STRING)
        goto bad_member;
      sp_campaign_set_boost_category (campaign, json_node_get_string (member));
    }
  return TRUE;

bad_member:
  g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_SQL,
               /* Translators: %s is a campaign id */
               _("campaigns.params_json of campaign %s: $.boost has an invalid enabled, weight "
                 "or clearance_category"), sp_campaign_get_id (campaign));
  return FALSE;
}

static SpCampaign *
campaign_from_row (sqlite3_stmt  *stmt,
                   GError       **error)
{
  SpCampaignStatus status;
  SpCampaignOrigin origin;
  const char *id = _sp_db_column_text (stmt, 0);
  SpCampaign *campaign;

  if (!sp_campaign_status_from_string (_sp_db_column_text (stmt, 3), &status) ||
      !sp_campaign_origin_from_string (_sp_db_column_text (stmt, 4), &origin))
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_SQL,
                   /* Translators: %s is the id of a campaign */
                   _("campaigns.status/origin: unknown value in campaign %s"), id);
      return NULL;
    }

  campaign = g_object_new (SP_TYPE_CAMPAIGN,
                           "id", id,
                           "name", _sp_db_column_text (stmt, 1),
                           "description", _sp_db_column_text (stmt, 2),
                           "origin", origin,
                           "owner", _sp_db_column_text (stmt, 5),
                           "start-date", _sp_db_column_text (stmt, 6),
                           "end-date", _sp_db_column_text (stmt, 7),
                           "units-to-clear", sqlite3_column_int64 (stmt, 8),
                           "target-date", _sp_db_column_text (stmt, 9),
                           "margin-floor", sqlite3_column_int64 (stmt, 10),
                           "default-discount", sqlite3_column_int64 (stmt, 11),
                           "currency", _sp_db_column_text (stmt, 12),
                           "created-at", _sp_db_column_text (stmt, 13),
                           "updated-at", _sp_db_column_text (stmt, 14),
                           "version", sqlite3_column_int64 (stmt, 15),
                           NULL);
  _sp_campaign_set_status_unchecked (campaign, status);
  if (!boost_from_params (campaign, _sp_db_column_text (stmt, 16), error))
    {
      g_object_unref (campaign);
      return NULL;
    }
  return campaign;
}

/* Reads "campaign_id, value" rows into the children of each campaign. */
static gboolean
load_children (sqlite3     *db,
               const char  *sql,
               GHashTable  *children_by_id,
               gsize        offset,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _sp_db_prepare (db, sql, error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Children *children = g_hash_table_lookup (children_by_id, _sp_db_column_text (stmt, 0));
      const char *value = _sp_db_column_text (stmt, 1);

      if (children != NULL && value != NULL)
        add_child (G_STRUCT_MEMBER (GPtrArray *, children, offset), value);
    }

  if (rc != SQLITE_DONE)
    return _sp_db_set_error (db, rc, error);

  return TRUE;
}

static GPtrArray *
load_where (sqlite3       *db,
            const char    *id,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) campaigns = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) children_by_id = NULL;
  int rc;

  children_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify)children_free);

  if (id != NULL)
    stmt = _sp_db_prepare (db, "SELECT " CAMPAIGN_SELECT_COLUMNS " FROM campaigns WHERE id = ?", error);
  else
    stmt = _sp_db_prepare (db, "SELECT " CAMPAIGN_SELECT_COLUMNS " FROM campaigns "
                               "ORDER BY created_at, name, id", error);
  if (stmt == NULL)
    return NULL;
  if (id != NULL)
    _sp_db_bind_text (stmt, 1, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpCampaign *campaign;

      if (!(campaign = campaign_from_row (stmt, error)))
        return NULL;
      g_ptr_array_add (campaigns, campaign);
      g_hash_table_insert (children_by_id, g_strdup (sp_campaign_get_id (campaign)),
                           children_new ());
    }
  if (rc != SQLITE_DONE)
    {
      _sp_db_set_error (db, rc, error);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (!load_children (db,
                      "SELECT cs.campaign_id, s.code FROM campaign_sites cs "
                      "JOIN sites s ON s.id = cs.site_id ORDER BY s.code",
                      children_by_id, G_STRUCT_OFFSET (Children, sites), error) ||
      !load_children (db,
                      "SELECT sc.campaign_id, p.sku FROM campaign_scope sc JOIN products p ON p.id "
                      "= sc.ref_id WHERE sc.kind = 'product' ORDER BY p.sku",
                      children_by_id, G_STRUCT_OFFSET (Children, products), error) ||
      !load_children (db,
                      "SELECT sc.campaign_id, c.path FROM campaign_scope sc JOIN categories c ON "
                      "c.id = sc.ref_id WHERE sc.kind = 'category' ORDER BY c.path",
                      children_by_id, G_STRUCT_OFFSET (Children, categories), error) ||
      !load_children (db,
                      "SELECT cg.campaign_id, g.code FROM campaign_segments cg "
                      "JOIN segments g ON g.id = cg.segment_id ORDER BY g.code",
                      children_by_id, G_STRUCT_OFFSET (Children, segments), error))
    return NULL;

  for (guint i = 0; i < campaigns->len; i++)
    {
      SpCampaign *campaign = g_ptr_array_index (campaigns, i);
      Children *children = g_hash_table_lookup (children_by_id, sp_campaign_get_id (campaign));

      if (children->sites->len > 0)
        sp_campaign_set_sites (campaign, as_strv (children->sites));
      if (children->products->len > 0)
        sp_campaign_set_scope_products (campaign, as_strv (children->products));
      if (children->categories->len > 0)
        sp_campaign_set_scope_categories (campaign, as_strv (children->categories));
      if (children->segments->len > 0)
        sp_campaign_set_segments (campaign, as_strv (children->segments));
    }

  return g_steal_pointer (&campaigns);
}

/**
 * _sp_campaign_db_load_all:
 *
 * Returns: (transfer full) (element-type SpCampaign): every campaign, oldest
 *   first, or %NULL with @error set
 */
GPtrArray *
_sp_campaign_db_load_all (sqlite3       *db,
                          GCancellable  *cancellable,
                          GError       **error)
{
  return load_where (db, NULL, cancellable, error);
}

/* Returns: (transfer full): the campaign, or %NULL with @error set
 * (%SP_STORE_ERROR_NOT_FOUND when there is no such campaign) */
SpCampaign *
_sp_campaign_db_load (sqlite3     *db,
                      const char  *id,
                      GError     **error)
{
  g_autoptr(GPtrArray) campaigns = load_where (db, id, NULL, error);

  if (campaigns == NULL)
    return NULL;
  if (campaigns->len == 0)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is the id of a campaign */
                   _("There is no campaign “%s”"), id);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (campaigns, 0));
}

static void
add_strv_member (JsonBuilder        *builder,
                 const char         *member,
                 const char * const *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *member,
                   const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int_member (JsonBuilder *builder,
                const char  *member,
                gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

/* The outbox payload: the whole campaign as the sync will push it. */
char *
_sp_campaign_to_json (SpCampaign *campaign)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_string_member (builder, "id", sp_campaign_get_id (campaign));
  add_string_member (builder, "name", sp_campaign_get_name (campaign));
  add_string_member (builder, "description", sp_campaign_get_description (campaign));
  add_string_member (builder, "status",
                     sp_campaign_status_to_string (sp_campaign_get_status (campaign)));
  add_string_member (builder, "origin",
                     sp_campaign_origin_to_string (sp_campaign_get_origin (campaign)));
  add_string_member (builder, "owner", sp_campaign_get_owner (campaign));
  add_string_member (builder, "start_date", sp_campaign_get_start_date (campaign));
  add_string_member (builder, "end_date", sp_campaign_get_end_date (campaign));
  add_strv_member (builder, "sites", sp_campaign_get_sites (campaign));
  add_strv_member (builder, "scope_products", sp_campaign_get_scope_products (campaign));
  add_strv_member (builder, "scope_categories", sp_campaign_get_scope_categories (campaign));
  add_strv_member (builder, "segments", sp_campaign_get_segments (campaign));
  add_int_member (builder, "units_to_clear", sp_campaign_get_units_to_clear (campaign));
  add_string_member (builder, "target_date", sp_campaign_get_target_date (campaign));
  add_int_member (builder, "margin_floor_bp", sp_campaign_get_margin_floor (campaign));
  add_int_member (builder, "default_discount_bp", sp_campaign_get_default_discount (campaign));
  add_string_member (builder, "currency", sp_campaign_get_currency (campaign));
  json_builder_set_member_name (builder, "boost");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "enabled");
  json_builder_add_boolean_value (builder, sp_campaign_get_boost_enabled (campaign));
  add_int_member (builder, "weight", sp_campaign_get_boost_weight (campaign));
  add_string_member (builder, "clearance_category", sp_campaign_get_boost_category (campaign));
  json_builder_end_object (builder);
  add_int_member (builder, "version", sp_campaign_get_version (campaign));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* Binds the campaign columns 2… of INSERT and UPDATE (1 is the id). */
static void
bind_campaign (sqlite3_stmt *stmt,
               SpCampaign   *campaign)
{
  _sp_db_bind_text (stmt, 1, sp_campaign_get_id (campaign));
  _sp_db_bind_text (stmt, 2, sp_campaign_get_name (campaign));
  _sp_db_bind_text (stmt, 3, sp_campaign_get_description (campaign));
  _sp_db_bind_text (stmt, 4, sp_campaign_status_to_string (sp_campaign_get_status (campaign)));
  _sp_db_bind_text (stmt, 5, sp_campaign_origin_to_string (sp_campaign_get_origin (campaign)));
  _sp_db_bind_text (stmt, 6, sp_campaign_get_owner (campaign));
  _sp_db_bind_text_or_null (stmt, 7, sp_campaign_get_start_date (campaign));
  _sp_db_bind_text_or_null (stmt, 8, sp_campaign_get_end_date (campaign));
  sqlite3_bind_int64 (stmt, 9, sp_campaign_get_units_to_clear (campaign));
  _sp_db_bind_text_or_null (stmt, 10, sp_campaign_get_target_date (campaign));
  sqlite3_bind_int64 (stmt, 11, sp_campaign_get_margin_floor (campaign));
  sqlite3_bind_int64 (stmt, 12, sp_campaign_get_default_discount (campaign));
  _sp_db_bind_text (stmt, 13, sp_campaign_get_currency (campaign));
  _sp_db_bind_text (stmt, 14, sp_campaign_get_created_at (campaign));
  _sp_db_bind_text (stmt, 15, sp_campaign_get_updated_at (campaign));
  sqlite3_bind_int64 (stmt, 16, sp_campaign_get_version (campaign));
  /* ?17 is the expected version of an UPDATE. */
  _sp_db_bind_text (stmt, 18, sp_campaign_get_boost_enabled (campaign) ? "true" : "false");
  sqlite3_bind_int64 (stmt, 19, sp_campaign_get_boost_weight (campaign));
  _sp_db_bind_text (stmt, 20, sp_campaign_get_boost_category (campaign) ?: "");
}

/* Inserts one child row per value, looking its id up by code/SKU/path; a
 * value that names nothing is an error naming the field and the value. */
static gboolean
write_children (sqlite3             *db,
                const char          *campaign_id,
                const char          *sql,
                const char          *field,
                const char * const  *values,
                GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (values == NULL || values[0] == NULL)
    return TRUE;
  if (!(stmt = _sp_db_prepare (db, sql, error)))
    return FALSE;

  for (guint i = 0; values[i] != NULL; i++)
    {
      sqlite3_reset (stmt);
      _sp_db_bind_text (stmt, 1, campaign_id);
      _sp_db_bind_text (stmt, 2, values[i]);
      if (!_sp_db_step_done (db, stmt, error))
        return FALSE;
      if (sqlite3_changes (db) == 0)
        {
          g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                       /* Translators: %1$s is a campaign field ("sites"), %2$s the unknown value */
                       _("%1$s: “%2$s” is not in the workspace"), field, values[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
replace_children (sqlite3     *db,
                  SpCampaign  *campaign,
                  GError     **error)
{
  const char *id = sp_campaign_get_id (campaign);
  static const char * const deletes[] = {
    "DELETE FROM campaign_sites WHERE campaign_id = ?",
    "DELETE FROM campaign_scope WHERE campaign_id = ?",
    "DELETE FROM campaign_segments WHERE campaign_id = ?",
  };

  for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if (!(stmt = _sp_db_prepare (db, deletes[i], error)))
        return FALSE;
      _sp_db_bind_text (stmt, 1, id);
      if (!_sp_db_step_done (db, stmt, error))
        return FALSE;
    }

  /* OR IGNORE: a value listed twice is stored once. */
  return write_children (db, id,
                         "INSERT OR IGNORE INTO campaign_sites (campaign_id, site_id) "
                         "SELECT ?1, id FROM sites WHERE code = ?2",
                         "sites", sp_campaign_get_sites (campaign), error) &&
         write_children (db, id,
                         "INSERT OR IGNORE INTO campaign_scope (campaign_id, kind, ref_id) "
                         "SELECT ?1, 'product', id FROM products WHERE sku = ?2",
                         "scope-products", sp_campaign_get_scope_products (campaign), error) &&
         write_children (db, id,
                         "INSERT OR IGNORE INTO campaign_scope (campaign_id, kind, ref_id) "
                         "SELECT ?1, 'category', id FROM categories WHERE path = ?2",
                         "scope-categories", sp_campaign_get_scope_categories (campaign), error) &&
         write_children (db, id,
                         "INSERT OR IGNORE INTO campaign_segments (campaign_id, segment_id) "
                         "SELECT ?1, id FROM segments WHERE code = ?2",
                         "segments", sp_campaign_get_segments (campaign), error);
}

static gboolean
append_outbox (sqlite3     *db,
               SpCampaign  *campaign,
               const char  *action,
               GError     **error)
{
  g_autofree char *payload = _sp_campaign_to_json (campaign);

  return _sp_db_append_outbox (db, "campaign", sp_campaign_get_id (campaign), action, payload,
                               error);
}

/* Inserts @campaign, which the caller owns alone (a copy); its created-at,
 * updated-at and version are set here. Expects an open transaction. */
gboolean
_sp_campaign_db_write_insert (sqlite3     *db,
                              SpCampaign  *campaign,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _sp_db_now_iso ();

  if (!sp_campaign_validate (campaign, error))
    return FALSE;

  if (sp_campaign_get_created_at (campaign) == NULL)
    sp_campaign_set_created_at (campaign, now);
  sp_campaign_set_updated_at (campaign, now);
  sp_campaign_set_version (campaign, 1);

  if (!(stmt = _sp_db_prepare (db, "INSERT INTO campaigns (" CAMPAIGN_COLUMNS ", params_json) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                                   "?14, ?15, ?16, " BOOST_PARAMS_SET ("'{}'") ")", error)))
    return FALSE;
  bind_campaign (stmt, campaign);

  return _sp_db_step_done (db, stmt, error) &&
         replace_children (db, campaign, error) &&
         append_outbox (db, campaign, "created", error);
}

/* Checks why an UPDATE … WHERE version = ? changed nothing. */
static gboolean
set_update_error (sqlite3     *db,
                  SpCampaign  *campaign,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _sp_db_prepare (db, "SELECT version FROM campaigns WHERE id = ?", error)))
    return FALSE;
  _sp_db_bind_text (stmt, 1, sp_campaign_get_id (campaign));

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CONFLICT,
                 /* Translators: %1$s is a campaign name, %2$d and %3$d versions */
                 _("The campaign “%1$s” was changed elsewhere (version %2$d, this copy is %3$d)"),
                 sp_campaign_get_name (campaign), sqlite3_column_int (stmt, 0),
                 (int)sp_campaign_get_version (campaign));
  else if (rc == SQLITE_DONE)
    g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                 _("There is no campaign “%s”"), sp_campaign_get_id (campaign));
  else
    _sp_db_set_error (db, rc, error);

  return FALSE;
}

/* Writes every field of @campaign (a copy the caller owns alone) if the
 * stored version is still the one @campaign was loaded with; bumps its
 * version and updated-at. Expects an open transaction. */
gboolean
_sp_campaign_db_write_update (sqlite3     *db,
                              SpCampaign  *campaign,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _sp_db_now_iso ();
  gint64 version = sp_campaign_get_version (campaign);

  if (!sp_campaign_validate (campaign, error))
    return FALSE;

  sp_campaign_set_updated_at (campaign, now);
  sp_campaign_set_version (campaign, version + 1);

  if (!(stmt = _sp_db_prepare (db, "UPDATE campaigns SET name = ?2, description = ?3, status = ?4, "
                                   "origin = ?5, owner = ?6, start_date = ?7, end_date = ?8, "
                                   "units_to_clear = ?9, target_date = ?10, margin_floor_bp = ?11, "
                                   "default_discount_bp = ?12, currency = ?13, created_at = ?14, "
                                   "updated_at = ?15, version = ?16, "
                                   "params_json = " BOOST_PARAMS_SET ("params_json") " "
                                   "WHERE id = ?1 AND version = ?17",
                               error)))
    return FALSE;
  bind_campaign (stmt, campaign);
  sqlite3_bind_int64 (stmt, 17, version);

  if (!_sp_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (db) != 1)
    {
      sp_campaign_set_version (campaign, version);
      return set_update_error (db, campaign, error);
    }

  return replace_children (db, campaign, error) &&
         append_outbox (db, campaign, "updated", error);
}

static gboolean
append_approval (sqlite3           *db,
                 SpCampaign        *campaign,
                 const char        *decision,
                 const char        *comment,
                 GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *id = g_uuid_string_random ();

  if (!(stmt = _sp_db_prepare (db, "INSERT INTO approvals (id, campaign_id, decision, comment, "
                                   "actor, decided_at) VALUES (?, ?, ?, ?, ?, ?)", error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, id);
  _sp_db_bind_text (stmt, 2, sp_campaign_get_id (campaign));
  _sp_db_bind_text (stmt, 3, decision);
  _sp_db_bind_text (stmt, 4, comment);
  _sp_db_bind_text (stmt, 5, g_get_user_name ());
  _sp_db_bind_text (stmt, 6, sp_campaign_get_updated_at (campaign));

  return _sp_db_step_done (db, stmt, error) &&
         _sp_db_append_outbox (db, "approval", id, "created", NULL, error);
}

/* Stores the status of @campaign (a copy that already made the move from
 * @from), and for a review decision a row of the approval history with
 * @comment. Expects an open transaction. */
gboolean
_sp_campaign_db_write_status (sqlite3           *db,
                              SpCampaign        *campaign,
                              SpCampaignStatus   from,
                              const char        *comment,
                              GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _sp_db_now_iso ();
  gint64 version = sp_campaign_get_version (campaign);
  SpCampaignStatus to = sp_campaign_get_status (campaign);
  const char *decision = NULL;

  sp_campaign_set_updated_at (campaign, now);
  sp_campaign_set_version (campaign, version + 1);

  if (!(stmt = _sp_db_prepare (db, "UPDATE campaigns SET status = ?, updated_at = ?, version = ? "
                                   "WHERE id = ? AND version = ? AND status = ?", error)))
    return FALSE;
  _sp_db_bind_text (stmt, 1, sp_campaign_status_to_string (to));
  _sp_db_bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, version + 1);
  _sp_db_bind_text (stmt, 4, sp_campaign_get_id (campaign));
  sqlite3_bind_int64 (stmt, 5, version);
  _sp_db_bind_text (stmt, 6, sp_campaign_status_to_string (from));

  if (!_sp_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (db) != 1)
    {
      sp_campaign_set_version (campaign, version);
      return set_update_error (db, campaign, error);
    }

  if (to == SP_CAMPAIGN_STATUS_IN_REVIEW)
    decision = sp_approval_decision_to_string (SP_APPROVAL_DECISION_SUBMITTED);
  else if (to == SP_CAMPAIGN_STATUS_APPROVED)
    decision = sp_approval_decision_to_string (SP_APPROVAL_DECISION_APPROVED);
  else if (to == SP_CAMPAIGN_STATUS_REJECTED)
    decision = sp_approval_decision_to_string (SP_APPROVAL_DECISION_REJECTED);

  if (decision != NULL && !append_approval (db, campaign, decision, comment, error))
    return FALSE;

  return append_outbox (db, campaign, "status", error);
}

/* Copies every field of @src into @dest; the setters notify only what
 * changed, so views bound to @dest see exactly the differences. */
void
_sp_campaign_apply (SpCampaign *dest,
                    SpCampaign *src)
{
  g_object_freeze_notify (G_OBJECT (dest));
  sp_campaign_set_name (dest, sp_campaign_get_name (src));
  sp_campaign_set_description (dest, sp_campaign_get_description (src));
  _sp_campaign_set_status_unchecked (dest, sp_campaign_get_status (src));
  sp_campaign_set_origin (dest, sp_campaign_get_origin (src));
  sp_campaign_set_owner (dest, sp_campaign_get_owner (src));
  sp_campaign_set_start_date (dest, sp_campaign_get_start_date (src));
  sp_campaign_set_end_date (dest, sp_campaign_get_end_date (src));
  sp_campaign_set_sites (dest, sp_campaign_get_sites (src));
  sp_campaign_set_scope_products (dest, sp_campaign_get_scope_products (src));
  sp_campaign_set_scope_categories (dest, sp_campaign_get_scope_categories (src));
  sp_campaign_set_segments (dest, sp_campaign_get_segments (src));
  sp_campaign_set_units_to_clear (dest, sp_campaign_get_units_to_clear (src));
  sp_campaign_set_target_date (dest, sp_campaign_get_target_date (src));
  sp_campaign_set_margin_floor (dest, sp_campaign_get_margin_floor (src));
  sp_campaign_set_default_discount (dest, sp_campaign_get_default_discount (src));
  sp_campaign_set_currency (dest, sp_campaign_get_currency (src));
  sp_campaign_set_boost_enabled (dest, sp_campaign_get_boost_enabled (src));
  sp_campaign_set_boost_weight (dest, sp_campaign_get_boost_weight (src));
  sp_campaign_set_boost_category (dest, sp_campaign_get_boost_category (src));
  sp_campaign_set_created_at (dest, sp_campaign_get_created_at (src));
  sp_campaign_set_updated_at (dest, sp_campaign_get_updated_at (src));
  sp_campaign_set_version (dest, sp_campaign_get_version (src));
  g_object_thaw_notify (G_OBJECT (dest));
}

/* Returns: (transfer full): a copy with the same id, for a worker thread */
SpCampaign *
_sp_campaign_copy (SpCampaign *campaign)
{
  SpCampaign *copy = g_object_new (SP_TYPE_CAMPAIGN, "id", sp_campaign_get_id (campaign), NULL);

  _sp_campaign_apply (copy, campaign);
  return copy;
}
