/* sp-plan-apply.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same changes as `campaign scope` and `campaign discount` (the scope
 * saved through _sp_campaign_db_write_update (), the campaign's own price
 * list rewritten entry by entry), but in one transaction: a plan is applied
 * whole or not at all.
 */

#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-campaign-db-private.h"
#include "sp-enum-strings.h"
#include "sp-offer-repository.h"
#include "sp-plan-apply.h"
#include "sp-store-private.h"

/* The campaign's own price list: the one that is not company-specific, as
 * `campaign discount` picks it; a new one when there is none. */
static SpPriceList *
load_price_list (SpStore     *store,
                 SpCampaign  *campaign,
                 GError     **error)
{
  g_autoptr(SpOfferRepository) offers = sp_offer_repository_new (store);
  g_autoptr(GPtrArray) lists = NULL;
  SpPriceList *list;
  /* Translators: the name of a campaign's clearance price list; %s is the campaign */
  g_autofree char *name = g_strdup_printf (_("%s — clearance prices"), sp_campaign_get_name (campaign));

  if (!(lists = sp_offer_repository_load_price_lists (offers, sp_campaign_get_id (campaign), error)))
    return NULL;

  for (guint i = 0; i < lists->len; i++)
    {
      const char *company;

      list = g_ptr_array_index (lists, i);
      company = sp_price_list_get_company_code (list);
      if (company == NULL || company[0] == '\0')
        return g_object_ref (list);
    }

  list = sp_price_list_new (name);
  sp_price_list_set_campaign_id (list, sp_campaign_get_id (campaign));
  return list;
}

static gboolean
write_entries (sqlite3      *db,
               SpPriceList  *list,
               GError      **error)
{
  GListModel *entries = sp_price_list_get_entries (list);
  g_autoptr(sqlite3_stmt) delete = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (!(delete = _sp_db_prepare (db, "DELETE FROM price_list_entries WHERE price_list_id = ?", error)))
    return FALSE;
  _sp_db_bind_text (delete, 1, sp_price_list_get_id (list));
  if (!_sp_db_step_done (db, delete, error))
    return FALSE;

  if (!(insert = _sp_db_prepare (db, "INSERT INTO price_list_entries (id, price_list_id, product_id, "
                                     "old_price, new_price, discount_bp) "
                                     "SELECT ?1, ?2, id, ?4, ?5, ?6 FROM products WHERE sku = ?3",
                                 error)))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(SpPriceListEntry) entry = g_list_model_get_item (entries, i);

      if (!sp_price_list_entry_validate (entry, error))
        return FALSE;

      sqlite3_reset (insert);
      _sp_db_bind_text (insert, 1, sp_price_list_entry_get_id (entry));
      _sp_db_bind_text (insert, 2, sp_price_list_get_id (list));
      _sp_db_bind_text (insert, 3, sp_price_list_entry_get_sku (entry));
      sqlite3_bind_int64 (insert, 4, sp_price_list_entry_get_old_price (entry));
      sqlite3_bind_int64 (insert, 5, sp_price_list_entry_get_new_price (entry));
      sqlite3_bind_int64 (insert, 6, sp_price_list_entry_get_discount (entry));

      if (!_sp_db_step_done (db, insert, error))
        return FALSE;
      if (sqlite3_changes (db) == 0)
        {
          g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                       /* Translators: %1$s is a price list name, %2$u an index, %3$s a SKU */
                       _("%1$s: entries[%2$u].sku: there is no product “%3$s”"),
                       sp_price_list_get_name (list), i, sp_price_list_entry_get_sku (entry));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_price_list (sqlite3      *db,
                  SpPriceList  *list,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!sp_price_list_validate (list, error) ||
      !(stmt = _sp_db_prepare (db, "INSERT INTO price_lists (id, campaign_id, name, site_id, currency, "
                                   "company_id, valid_from, valid_to, remote_id) VALUES (?1, ?2, ?3, "
                                   "?4, ?5, NULL, ?6, ?7, ?8) ON CONFLICT (id) DO UPDATE SET "
                                   "campaign_id = ?2, name = ?3, site_id = ?4, currency = ?5, "
                                   "valid_from = ?6, valid_to = ?7, remote_id = ?8, "
                                   "version = price_lists.version + 1", error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, sp_price_list_get_id (list));
  _sp_db_bind_text_or_null (stmt, 2, sp_price_list_get_campaign_id (list));
  _sp_db_bind_text (stmt, 3, sp_price_list_get_name (list));
  _sp_db_bind_text (stmt, 5, sp_price_list_get_currency (list));
  _sp_db_bind_text_or_null (stmt, 6, sp_price_list_get_valid_from (list));
  _sp_db_bind_text_or_null (stmt, 7, sp_price_list_get_valid_to (list));
  _sp_db_bind_text_or_null (stmt, 8, sp_price_list_get_remote_id (list));

  return _sp_db_bind_reference (db, stmt, 4, "SELECT id FROM sites WHERE code = ?", "site-code",
                                sp_price_list_get_site_code (list), error) &&
         _sp_db_step_done (db, stmt, error) &&
         write_entries (db, list, error) &&
         _sp_db_append_outbox (db, "price_list", sp_price_list_get_id (list), "saved", NULL, error);
}

static gboolean
check_editable (SpCampaign  *campaign,
                GError     **error)
{
  if (sp_campaign_is_editable (campaign))
    return TRUE;

  g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CONSTRAINT,
               /* Translators: %1$s is a campaign name, %2$s its status */
               _("The campaign “%1$s” is %2$s; only a draft, planned or rejected campaign can be edited"),
               sp_campaign_get_name (campaign),
               sp_campaign_status_to_label (sp_campaign_get_status (campaign)));
  return FALSE;
}

/* The plan's SKUs, NULL-terminated (the strings are borrowed). */
static const char **
planned_skus (SpPlannerResult *result)
{
  const char **skus = g_new0 (const char *, result->lines->len + 1);

  for (guint i = 0; i < result->lines->len; i++)
    skus[i] = ((SpPlannerLine *)g_ptr_array_index (result->lines, i))->sku;

  return skus;
}

/**
 * sp_plan_apply:
 * @campaigns: the workspace's campaigns, loaded
 * @campaign: the campaign @result was drafted for
 * @result: the drafted plan
 * @error: return location for a #GError
 *
 * Makes @result the campaign's plan: its scope becomes exactly the planned
 * SKUs (the categories the planner searched are replaced by the SKUs it
 * picked) and its own price list holds one entry per planned SKU, old price
 * the list price, new price by sp_money_apply_discount(). Both are written
 * in one transaction with their outbox rows; on success @campaign carries
 * the stored version.
 *
 * Returns: %TRUE on success; %SP_STORE_ERROR_CONSTRAINT when @campaign is
 *   not editable (draft, planned or rejected), other store errors as the
 *   repositories report them
 */
gboolean
sp_plan_apply (SpCampaignRepository  *campaigns,
               SpCampaign            *campaign,
               SpPlannerResult       *result,
               GError               **error)
{
  SpStore *store;
  sqlite3 *db;
  g_autoptr(SpPriceList) list = NULL;
  g_autoptr(SpCampaign) copy = NULL;
  g_autofree const char **skus = NULL;
  const char * const no_categories[] = { NULL };

  g_return_val_if_fail (SP_IS_CAMPAIGN_REPOSITORY (campaigns), FALSE);
  g_return_val_if_fail (SP_IS_CAMPAIGN (campaign), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  store = sp_campaign_repository_get_store (campaigns);
  if (!check_editable (campaign, error) ||
      !(list = load_price_list (store, campaign, error)))
    return FALSE;

  sp_price_list_set_currency (list, sp_campaign_get_currency (campaign));
  sp_price_list_set_valid_from (list, sp_campaign_get_start_date (campaign));
  sp_price_list_set_valid_to (list, sp_campaign_get_end_date (campaign));
  sp_price_list_remove_all_entries (list);
  for (guint i = 0; i < result->lines->len; i++)
    {
      SpPlannerLine *line = g_ptr_array_index (result->lines, i);
      g_autoptr(SpPriceListEntry) entry = NULL;

      entry = sp_price_list_entry_new_discounted (line->sku, line->old_price, line->discount_bp);
      sp_price_list_add_entry (list, entry);
    }

  skus = planned_skus (result);
  copy = _sp_campaign_copy (campaign);
  sp_campaign_set_scope_products (copy, skus);
  sp_campaign_set_scope_categories (copy, no_categories);

  if (!(db = _sp_store_get_db (store, error)) || !_sp_db_begin (db, error))
    return FALSE;
  if (!_sp_campaign_db_write_update (db, copy, error) ||
      !write_price_list (db, list, error) ||
      !_sp_db_commit (db, error))
    {
      _sp_db_rollback (db);
      return FALSE;
    }

  _sp_campaign_apply (campaign, copy);
  return TRUE;
}
