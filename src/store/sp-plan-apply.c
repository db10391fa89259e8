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
#include "sp-offer-db-private.h"
#include "sp-plan-apply.h"
#include "sp-price-list.h"
#include "sp-price-list-entry.h"
#include "sp-store-private.h"

/* The campaign's own price list, picked as `campaign discount` picks it
 * (the first one by name that is not company-specific), or a new one named
 * @name. Runs in the transaction, on the connection of the write. */
static SpPriceList *
find_price_list (sqlite3     *db,
                 const char  *campaign_id,
                 const char  *name,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  SpPriceList *list;
  int rc;

  if (!(stmt = _sp_db_prepare (db, "SELECT l.id, l.name, s.code, l.remote_id FROM price_lists l "
                                   "LEFT JOIN sites s ON s.id = l.site_id WHERE l.campaign_id = ? "
                                   "AND l.company_id IS NULL ORDER BY l.name, l.id LIMIT 1", error)))
    return NULL;
  _sp_db_bind_text (stmt, 1, campaign_id);

  if ((rc = sqlite3_step (stmt)) == SQLITE_DONE)
    list = sp_price_list_new (name);
  else if (rc == SQLITE_ROW)
    {
      list = g_object_new (SP_TYPE_PRICE_LIST,
                           "id", _sp_db_column_text (stmt, 0),
                           "name", _sp_db_column_text (stmt, 1),
                           NULL);
      sp_price_list_set_site_code (list, _sp_db_column_text (stmt, 2));
      sp_price_list_set_remote_id (list, _sp_db_column_text (stmt, 3));
    }
  else
    {
      _sp_db_set_error (db, rc, error);
      return NULL;
    }

  sp_price_list_set_campaign_id (list, campaign_id);
  return list;
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

/* What an apply hands to its worker: copies nobody else touches. */
typedef struct
{
  SpCampaign *copy;        /* owned; the campaign with the planned scope */
  char       *list_name;   /* owned; the name of a new price list */
  GPtrArray  *entries;     /* owned; element-type SpPriceListEntry */
} ApplyOp;

static void
apply_op_free (ApplyOp *op)
{
  g_clear_object (&op->copy);
  g_free (op->list_name);
  g_clear_pointer (&op->entries, g_ptr_array_unref);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ApplyOp, apply_op_free)

static ApplyOp *
prepare_apply (SpCampaign       *campaign,
               SpPlannerResult  *result,
               GError          **error)
{
  g_autoptr(ApplyOp) op = NULL;
  g_autofree const char **skus = NULL;
  const char * const no_categories[] = { NULL };

  if (!check_editable (campaign, error))
    return NULL;

  op = g_new0 (ApplyOp, 1);
  /* Translators: the name of a campaign's clearance price list; %s is the campaign */
  op->list_name = g_strdup_printf (_("%s — clearance prices"), sp_campaign_get_name (campaign));
  op->entries = g_ptr_array_new_with_free_func (g_object_unref);
  skus = g_new0 (const char *, result->lines->len + 1);

  for (guint i = 0; i < result->lines->len; i++)
    {
      SpPlannerLine *line = g_ptr_array_index (result->lines, i);

      g_ptr_array_add (op->entries, sp_price_list_entry_new_discounted (line->sku, line->old_price,
                                                                        line->discount_bp));
      skus[i] = line->sku;
    }

  op->copy = _sp_campaign_copy (campaign);
  sp_campaign_set_scope_products (op->copy, skus);
  sp_campaign_set_scope_categories (op->copy, no_categories);

  return g_steal_pointer (&op);
}

static gpointer
apply_work (sqlite3       *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  ApplyOp *op = data;
  g_autoptr(SpPriceList) list = NULL;

  if (!_sp_db_begin (db, error))
    return NULL;

  if (!_sp_campaign_db_write_update (db, op->copy, error) ||
      !(list = find_price_list (db, sp_campaign_get_id (op->copy), op->list_name, error)))
    goto failed;

  sp_price_list_set_currency (list, sp_campaign_get_currency (op->copy));
  sp_price_list_set_valid_from (list, sp_campaign_get_start_date (op->copy));
  sp_price_list_set_valid_to (list, sp_campaign_get_end_date (op->copy));
  for (guint i = 0; i < op->entries->len; i++)
    sp_price_list_add_entry (list, g_ptr_array_index (op->entries, i));

  if (!_sp_offer_db_write_price_list (db, list, error) ||
      !_sp_db_append_outbox (db, "price_list", sp_price_list_get_id (list), "saved", NULL, error) ||
      !_sp_db_commit (db, error))
    goto failed;

  return g_object_ref (op->copy);

failed:
  _sp_db_rollback (db);
  return NULL;
}

/**
 * sp_plan_apply:
 * @campaigns: the workspace's campaigns
 * @campaign: the campaign @result was drafted for
 * @result: the drafted plan
 * @error: return location for a #GError
 *
 * Makes @result the campaign's plan: its scope becomes exactly the planned
 * SKUs (the categories the planner searched are replaced by the SKUs it
 * picked) and its own price list (the first one that is not
 * company-specific, or a new one) holds one entry per planned SKU, old price
 * the list price, new price by sp_money_apply_discount(). Both are written
 * in one transaction with their outbox rows; on success @campaign carries
 * the stored version. Uses the store's connection of the calling thread
 * (CLI, tests); the app calls sp_plan_apply_async().
 *
 * Returns: %TRUE on success; %SP_STORE_ERROR_CONSTRAINT when @campaign is
 *   not editable (draft, planned or rejected), other store errors as the
 *   repositories report them; nothing is stored then
 */
gboolean
sp_plan_apply (SpCampaignRepository  *campaigns,
               SpCampaign            *campaign,
               SpPlannerResult       *result,
               GError               **error)
{
  g_autoptr(ApplyOp) op = NULL;
  g_autoptr(SpCampaign) stored = NULL;

  g_return_val_if_fail (SP_IS_CAMPAIGN_REPOSITORY (campaigns), FALSE);
  g_return_val_if_fail (SP_IS_CAMPAIGN (campaign), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  if (!(op = prepare_apply (campaign, result, error)) ||
      !(stored = _sp_store_run_sync (sp_campaign_repository_get_store (campaigns), apply_work, op, error)))
    return FALSE;

  _sp_campaign_apply (campaign, stored);
  return TRUE;
}

static void
apply_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(SpCampaign) stored = NULL;
  GError *error = NULL;

  if (!(stored = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  _sp_campaign_apply (g_task_get_task_data (task), stored);
  g_task_return_boolean (task, TRUE);
}

/**
 * sp_plan_apply_async:
 * @campaigns: the workspace's campaigns
 * @campaign: the campaign @result was drafted for
 * @result: the drafted plan; copied before this returns
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: data for @callback
 *
 * Does what sp_plan_apply() does, in a worker on a connection of its own.
 */
void
sp_plan_apply_async (SpCampaignRepository *campaigns,
                     SpCampaign           *campaign,
                     SpPlannerResult      *result,
                     GCancellable         *cancellable,
                     GAsyncReadyCallback   callback,
                     gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  ApplyOp *op;
  GError *error = NULL;

  g_return_if_fail (SP_IS_CAMPAIGN_REPOSITORY (campaigns));
  g_return_if_fail (SP_IS_CAMPAIGN (campaign));
  g_return_if_fail (result != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (campaigns, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_plan_apply_async);
  g_task_set_task_data (task, g_object_ref (campaign), g_object_unref);

  if (!(op = prepare_apply (campaign, result, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  _sp_store_run_async (sp_campaign_repository_get_store (campaigns), campaigns, sp_plan_apply_async,
                       apply_work, op, (GDestroyNotify)apply_op_free, g_object_unref,
                       cancellable, apply_cb, g_steal_pointer (&task));
}

/**
 * sp_plan_apply_finish:
 * @campaigns: the workspace's campaigns
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the plan was stored; @campaign then carries the
 *   stored version
 */
gboolean
sp_plan_apply_finish (SpCampaignRepository  *campaigns,
                      GAsyncResult          *result,
                      GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, campaigns), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
