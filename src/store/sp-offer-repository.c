/* sp-offer-repository.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SpOfferRepository: what a campaign offers its customers — segment
 * coupons, price lists with their entries (the campaign's clearance price
 * list among them), draft quotes with their lines, and banners. Loaded per
 * campaign; each save is one transaction with its outbox row, and replaces
 * the entries or lines of the object it saves.
 */

#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-enum-strings.h"
#include "sp-object-copy-private.h"
#include "sp-offer-db-private.h"
#include "sp-offer-repository.h"
#include "sp-store-private.h"

struct _SpOfferRepository
{
  GObject   parent_instance;

  SpStore  *store;     /* owned */
  GQueue    saves;     /* owned; GTask, price list saves waiting for their turn */
  gboolean  saving;    /* a price list save is in a worker */
};

G_DEFINE_FINAL_TYPE (SpOfferRepository, sp_offer_repository, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
finish_rows (sqlite3  *db,
             int       rc,
             GError  **error)
{
  if (rc != SQLITE_DONE)
    return _sp_db_set_error (db, rc, error);
  return TRUE;
}

static gpointer
load_coupons_work (sqlite3       *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) coupons = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (!(stmt = _sp_db_prepare (db, "SELECT k.id, k.campaign_id, g.code, k.code, k.discount_type, "
                                   "k.discount_value, k.currency, k.valid_from, k.valid_to, "
                                   "k.usage_limit, k.remote_id FROM coupons k LEFT JOIN segments g "
                                   "ON g.id = k.segment_id WHERE ?1 IS NULL OR k.campaign_id = ?1 "
                                   "ORDER BY k.code", error)))
    return NULL;
  _sp_db_bind_text_or_null (stmt, 1, data);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpDiscountType type = SP_DISCOUNT_TYPE_PERCENT;

      sp_discount_type_from_string (_sp_db_column_text (stmt, 4), &type);
      g_ptr_array_add (coupons, g_object_new (SP_TYPE_COUPON,
                                              "id", _sp_db_column_text (stmt, 0),
                                              "campaign-id", _sp_db_column_text (stmt, 1),
                                              "segment-code", _sp_db_column_text (stmt, 2),
                                              "code", _sp_db_column_text (stmt, 3),
                                              "discount-type", type,
                                              "discount-value", sqlite3_column_int64 (stmt, 5),
                                              "currency", _sp_db_column_text (stmt, 6),
                                              "valid-from", _sp_db_column_text (stmt, 7),
                                              "valid-to", _sp_db_column_text (stmt, 8),
                                              "usage-limit", sqlite3_column_int64 (stmt, 9),
                                              "remote-id", _sp_db_column_text (stmt, 10),
                                              NULL));
    }

  return finish_rows (db, rc, error) ? g_steal_pointer (&coupons) : NULL;
}

static gpointer
load_price_lists_work (sqlite3       *db,
                       gpointer       data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) entries = NULL;
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (!(stmt = _sp_db_prepare (db, "SELECT l.id, l.campaign_id, l.name, s.code, l.currency, "
                                   "c.code, l.valid_from, l.valid_to, l.remote_id FROM price_lists "
                                   "l LEFT JOIN sites s ON s.id = l.site_id LEFT JOIN companies c "
                                   "ON c.id = l.company_id WHERE ?1 IS NULL OR l.campaign_id = ?1 "
                                   "ORDER BY l.name, l.id", error)) ||
      !(entries = _sp_db_prepare (db, "SELECT e.id, p.sku, e.old_price, e.new_price, "
                                      "e.discount_bp, e.remote_id FROM price_list_entries e JOIN "
                                      "products p ON p.id = e.product_id WHERE e.price_list_id = ? "
                                      "ORDER BY p.sku", error)))
    return NULL;
  _sp_db_bind_text_or_null (stmt, 1, data);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpPriceList *list = g_object_new (SP_TYPE_PRICE_LIST,
                                        "id", _sp_db_column_text (stmt, 0),
                                        "campaign-id", _sp_db_column_text (stmt, 1),
                                        "name", _sp_db_column_text (stmt, 2),
                                        "site-code", _sp_db_column_text (stmt, 3),
                                        "currency", _sp_db_column_text (stmt, 4),
                                        "company-code", _sp_db_column_text (stmt, 5),
                                        "valid-from", _sp_db_column_text (stmt, 6),
                                        "valid-to", _sp_db_column_text (stmt, 7),
                                        "remote-id", _sp_db_column_text (stmt, 8),
                                        NULL);
      int entry_rc;

      g_ptr_array_add (lists, list);

      sqlite3_reset (entries);
      _sp_db_bind_text (entries, 1, sp_price_list_get_id (list));
      while ((entry_rc = sqlite3_step (entries)) == SQLITE_ROW)
        {
          g_autoptr(SpPriceListEntry) entry =
            g_object_new (SP_TYPE_PRICE_LIST_ENTRY, "id", _sp_db_column_text (entries, 0), NULL);

          sp_price_list_entry_set_sku (entry, _sp_db_column_text (entries, 1));
          sp_price_list_entry_set_old_price (entry, sqlite3_column_int64 (entries, 2));
          sp_price_list_entry_set_new_price (entry, sqlite3_column_int64 (entries, 3));
          sp_price_list_entry_set_discount (entry, sqlite3_column_int64 (entries, 4));
          sp_price_list_entry_set_remote_id (entry, _sp_db_column_text (entries, 5));
          sp_price_list_add_entry (list, entry);
        }
      if (!finish_rows (db, entry_rc, error))
        return NULL;
    }

  return finish_rows (db, rc, error) ? g_steal_pointer (&lists) : NULL;
}

static gpointer
load_quotes_work (sqlite3       *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) lines = NULL;
  g_autoptr(GPtrArray) quotes = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (!(stmt = _sp_db_prepare (db, "SELECT q.id, q.campaign_id, c.code, q.status, q.valid_to, "
                                   "q.currency, q.remote_id FROM quotes q "
                                   "JOIN companies c ON c.id = q.company_id "
                                   "WHERE ?1 IS NULL OR q.campaign_id = ?1 ORDER BY c.code, q.id",
                               error)) ||
      !(lines = _sp_db_prepare (db, "SELECT l.id, p.sku, l.quantity, l.unit_price FROM quote_lines "
                                    "l JOIN products p ON p.id = l.product_id WHERE l.quote_id = ? "
                                    "ORDER BY l.rowid", error)))
    return NULL;
  _sp_db_bind_text_or_null (stmt, 1, data);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpQuote *quote = g_object_new (SP_TYPE_QUOTE,
                                     "id", _sp_db_column_text (stmt, 0),
                                     "campaign-id", _sp_db_column_text (stmt, 1),
                                     "company-code", _sp_db_column_text (stmt, 2),
                                     "status", _sp_db_column_text (stmt, 3),
                                     "valid-to", _sp_db_column_text (stmt, 4),
                                     "currency", _sp_db_column_text (stmt, 5),
                                     "remote-id", _sp_db_column_text (stmt, 6),
                                     NULL);
      int line_rc;

      g_ptr_array_add (quotes, quote);

      sqlite3_reset (lines);
      _sp_db_bind_text (lines, 1, sp_quote_get_id (quote));
      while ((line_rc = sqlite3_step (lines)) == SQLITE_ROW)
        {
          g_autoptr(SpQuoteLine) line =
            g_object_new (SP_TYPE_QUOTE_LINE, "id", _sp_db_column_text (lines, 0), NULL);

          sp_quote_line_set_sku (line, _sp_db_column_text (lines, 1));
          sp_quote_line_set_quantity (line, sqlite3_column_int64 (lines, 2));
          sp_quote_line_set_unit_price (line, sqlite3_column_int64 (lines, 3));
          sp_quote_add_line (quote, line);
        }
      if (!finish_rows (db, line_rc, error))
        return NULL;
    }

  return finish_rows (db, rc, error) ? g_steal_pointer (&quotes) : NULL;
}

static gpointer
load_banners_work (sqlite3       *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) banners = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (!(stmt = _sp_db_prepare (db, "SELECT id, campaign_id, title, body, link, placement, "
                                   "image_path, remote_id FROM banners WHERE ?1 IS NULL OR "
                                   "campaign_id = ?1 ORDER BY title, id", error)))
    return NULL;
  _sp_db_bind_text_or_null (stmt, 1, data);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (banners, g_object_new (SP_TYPE_BANNER,
                                            "id", _sp_db_column_text (stmt, 0),
                                            "campaign-id", _sp_db_column_text (stmt, 1),
                                            "title", _sp_db_column_text (stmt, 2),
                                            "body", _sp_db_column_text (stmt, 3),
                                            "link", _sp_db_column_text (stmt, 4),
                                            "placement", _sp_db_column_text (stmt, 5),
                                            "image-path", _sp_db_column_text (stmt, 6),
                                            "remote-id", _sp_db_column_text (stmt, 7),
                                            NULL));

  return finish_rows (db, rc, error) ? g_steal_pointer (&banners) : NULL;
}

static gboolean
write_coupon (sqlite3  *db,
              gpointer  object,
              GError  **error)
{
  SpCoupon *coupon = object;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!sp_coupon_validate (coupon, error) ||
      !(stmt = _sp_db_prepare (db, "INSERT INTO coupons (id, campaign_id, segment_id, code, "
                                   "discount_type, discount_value, currency, valid_from, valid_to, "
                                   "usage_limit, remote_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                                   "?8, ?9, ?10, ?11) ON CONFLICT (id) DO UPDATE SET campaign_id = "
                                   "?2, segment_id = ?3, code = ?4, discount_type = ?5, "
                                   "discount_value = ?6, currency = ?7, valid_from = ?8, valid_to "
                                   "= ?9, usage_limit = ?10, remote_id = ?11, version = "
                                   "coupons.version + 1", error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, sp_coupon_get_id (coupon));
  _sp_db_bind_text (stmt, 2, sp_coupon_get_campaign_id (coupon));
  _sp_db_bind_text (stmt, 4, sp_coupon_get_code (coupon));
  _sp_db_bind_text (stmt, 5, sp_discount_type_to_string (sp_coupon_get_discount_type (coupon)));
  sqlite3_bind_int64 (stmt, 6, sp_coupon_get_discount_value (coupon));
  _sp_db_bind_text (stmt, 7, sp_coupon_get_currency (coupon) ?: "EUR");
  _sp_db_bind_text_or_null (stmt, 8, sp_coupon_get_valid_from (coupon));
  _sp_db_bind_text_or_null (stmt, 9, sp_coupon_get_valid_to (coupon));
  sqlite3_bind_int64 (stmt, 10, sp_coupon_get_usage_limit (coupon));
  _sp_db_bind_text_or_null (stmt, 11, sp_coupon_get_remote_id (coupon));

  return _sp_db_bind_reference (db, stmt, 3, "SELECT id FROM segments WHERE code = ?",
                                "segment-code",
                                sp_coupon_get_segment_code (coupon), error) &&
         _sp_db_step_done (db, stmt, error);
}

static gboolean
write_entries (sqlite3      *db,
               SpPriceList  *list,
               GError      **error)
{
  GListModel *entries = sp_price_list_get_entries (list);
  g_autoptr(sqlite3_stmt) delete = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (!(delete = _sp_db_prepare (db, "DELETE FROM price_list_entries WHERE price_list_id = ?",
                                 error)))
    return FALSE;
  _sp_db_bind_text (delete, 1, sp_price_list_get_id (list));
  if (!_sp_db_step_done (db, delete, error))
    return FALSE;

  /* Prepared once, the SKU looked up in the same statement: a 10,000-entry
   * clearance list is one pass. */
  if (!(insert = _sp_db_prepare (db, "INSERT INTO price_list_entries (id, price_list_id, "
                                     "product_id, old_price, new_price, discount_bp, remote_id) "
                                     "SELECT ?1, ?2, id, ?4, ?5, ?6, ?7 FROM products WHERE sku = "
                                     "?3",
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
      _sp_db_bind_text_or_null (insert, 7, sp_price_list_entry_get_remote_id (entry));

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

/* Also used by sp-plan-apply.c, so a drafted plan is stored exactly as a
 * price list saved from the app (entries keep their remote ids). */
gboolean
_sp_offer_db_write_price_list (sqlite3      *db,
                               SpPriceList  *list,
                               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!sp_price_list_validate (list, error) ||
      !(stmt = _sp_db_prepare (db, "INSERT INTO price_lists (id, campaign_id, name, site_id, "
                                   "currency, company_id, valid_from, valid_to, remote_id) VALUES "
                                   "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (id) DO "
                                   "UPDATE SET campaign_id = ?2, name = ?3, site_id = ?4, currency "
                                   "= ?5, company_id = ?6, valid_from = ?7, valid_to = ?8, "
                                   "remote_id = ?9, version = price_lists.version + 1", error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, sp_price_list_get_id (list));
  _sp_db_bind_text_or_null (stmt, 2, sp_price_list_get_campaign_id (list));
  _sp_db_bind_text (stmt, 3, sp_price_list_get_name (list));
  _sp_db_bind_text (stmt, 5, sp_price_list_get_currency (list));
  _sp_db_bind_text_or_null (stmt, 7, sp_price_list_get_valid_from (list));
  _sp_db_bind_text_or_null (stmt, 8, sp_price_list_get_valid_to (list));
  _sp_db_bind_text_or_null (stmt, 9, sp_price_list_get_remote_id (list));

  return _sp_db_bind_reference (db, stmt, 4, "SELECT id FROM sites WHERE code = ?", "site-code",
                                sp_price_list_get_site_code (list), error) &&
         _sp_db_bind_reference (db, stmt, 6, "SELECT id FROM companies WHERE code = ?",
                                "company-code",
                                sp_price_list_get_company_code (list), error) &&
         _sp_db_step_done (db, stmt, error) &&
         write_entries (db, list, error);
}

static gboolean
write_price_list (sqlite3  *db,
                  gpointer  object,
                  GError  **error)
{
  return _sp_offer_db_write_price_list (db, object, error);
}

static gboolean
write_quote (sqlite3  *db,
             gpointer  object,
             GError  **error)
{
  SpQuote *quote = object;
  GListModel *lines = sp_quote_get_lines (quote);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) delete = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (!sp_quote_validate (quote, error) ||
      !(stmt = _sp_db_prepare (db, "INSERT INTO quotes (id, campaign_id, company_id, status, "
                                   "valid_to, currency, remote_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                                   "?7) ON CONFLICT (id) DO UPDATE SET campaign_id = ?2, "
                                   "company_id = ?3, status = ?4, valid_to = ?5, currency = ?6, "
                                   "remote_id = ?7", error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, sp_quote_get_id (quote));
  _sp_db_bind_text (stmt, 2, sp_quote_get_campaign_id (quote));
  _sp_db_bind_text (stmt, 4, sp_quote_get_status (quote) ?: "draft");
  _sp_db_bind_text_or_null (stmt, 5, sp_quote_get_valid_to (quote));
  _sp_db_bind_text (stmt, 6, sp_quote_get_currency (quote));
  _sp_db_bind_text_or_null (stmt, 7, sp_quote_get_remote_id (quote));

  if (!_sp_db_bind_reference (db, stmt, 3, "SELECT id FROM companies WHERE code = ?",
                              "company-code",
                              sp_quote_get_company_code (quote), error) ||
      !_sp_db_step_done (db, stmt, error))
    return FALSE;

  if (!(delete = _sp_db_prepare (db, "DELETE FROM quote_lines WHERE quote_id = ?", error)))
    return FALSE;
  _sp_db_bind_text (delete, 1, sp_quote_get_id (quote));
  if (!_sp_db_step_done (db, delete, error))
    return FALSE;

  if (!(insert = _sp_db_prepare (db, "INSERT INTO quote_lines (id, quote_id, product_id, quantity, "
                                     "unit_price) SELECT ?1, ?2, id, ?4, ?5 FROM products WHERE "
                                     "sku = ?3",
                                 error)))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(SpQuoteLine) line = g_list_model_get_item (lines, i);

      sqlite3_reset (insert);
      _sp_db_bind_text (insert, 1, sp_quote_line_get_id (line));
      _sp_db_bind_text (insert, 2, sp_quote_get_id (quote));
      _sp_db_bind_text (insert, 3, sp_quote_line_get_sku (line));
      sqlite3_bind_int64 (insert, 4, sp_quote_line_get_quantity (line));
      sqlite3_bind_int64 (insert, 5, sp_quote_line_get_unit_price (line));

      if (!_sp_db_step_done (db, insert, error))
        return FALSE;
      if (sqlite3_changes (db) == 0)
        {
          g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                       /* Translators: %1$u is a line index, %2$s a SKU */
                       _("lines[%1$u].sku: there is no product “%2$s”"), i,
                       sp_quote_line_get_sku (line));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_banner (sqlite3  *db,
              gpointer  object,
              GError  **error)
{
  SpBanner *banner = object;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!sp_banner_validate (banner, error) ||
      !(stmt = _sp_db_prepare (db, "INSERT INTO banners (id, campaign_id, title, body, link, "
                                   "placement, image_path, remote_id) VALUES (?1, ?2, ?3, ?4, ?5, "
                                   "?6, ?7, ?8) ON CONFLICT (id) DO UPDATE SET campaign_id = ?2, "
                                   "title = ?3, body = ?4, link = ?5, placement = ?6, image_path = "
                                   "?7, remote_id = ?8", error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, sp_banner_get_id (banner));
  _sp_db_bind_text (stmt, 2, sp_banner_get_campaign_id (banner));
  _sp_db_bind_text (stmt, 3, sp_banner_get_title (banner));
  _sp_db_bind_text (stmt, 4, sp_banner_get_body (banner));
  _sp_db_bind_text (stmt, 5, sp_banner_get_link (banner));
  _sp_db_bind_text (stmt, 6, sp_banner_get_placement (banner) ?: "home-hero");
  _sp_db_bind_text_or_null (stmt, 7, sp_banner_get_image_path (banner));
  _sp_db_bind_text_or_null (stmt, 8, sp_banner_get_remote_id (banner));
  return _sp_db_step_done (db, stmt, error);
}

static void
sp_offer_repository_finalize (GObject *object)
{
  SpOfferRepository *self = (SpOfferRepository *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (sp_offer_repository_parent_class)->finalize (object);
}

static void
sp_offer_repository_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SpOfferRepository *self = SP_OFFER_REPOSITORY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_offer_repository_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SpOfferRepository *self = SP_OFFER_REPOSITORY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_offer_repository_class_init (SpOfferRepositoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_offer_repository_finalize;
  object_class->get_property = sp_offer_repository_get_property;
  object_class->set_property = sp_offer_repository_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_offer_repository_init (SpOfferRepository *self)
{
}

SpOfferRepository *
sp_offer_repository_new (SpStore *store)
{
  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  return g_object_new (SP_TYPE_OFFER_REPOSITORY, "store", store, NULL);
}

/**
 * sp_offer_repository_load_coupons:
 * @self: a #SpOfferRepository
 * @campaign_id: (nullable): only this campaign's, or all
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type SpCoupon): the coupons, by code
 */
GPtrArray *
sp_offer_repository_load_coupons (SpOfferRepository  *self,
                                  const char         *campaign_id,
                                  GError            **error)
{
  g_return_val_if_fail (SP_IS_OFFER_REPOSITORY (self), NULL);

  return _sp_store_run_sync (self->store, load_coupons_work, (gpointer)campaign_id, error);
}

/**
 * sp_offer_repository_load_price_lists:
 * @self: a #SpOfferRepository
 * @campaign_id: (nullable): only this campaign's, or all
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type SpPriceList): the price lists with
 *   their entries (by SKU)
 */
GPtrArray *
sp_offer_repository_load_price_lists (SpOfferRepository  *self,
                                      const char         *campaign_id,
                                      GError            **error)
{
  g_return_val_if_fail (SP_IS_OFFER_REPOSITORY (self), NULL);

  return _sp_store_run_sync (self->store, load_price_lists_work, (gpointer)campaign_id, error);
}

void
sp_offer_repository_load_price_lists_async (SpOfferRepository   *self,
                                            const char          *campaign_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_return_if_fail (SP_IS_OFFER_REPOSITORY (self));

  _sp_store_run_async (self->store, self, sp_offer_repository_load_price_lists_async,
                       load_price_lists_work, g_strdup (campaign_id), g_free,
                       (GDestroyNotify)g_ptr_array_unref, cancellable, callback, user_data);
}

/* Returns: (transfer full) (element-type SpPriceList): the price lists */
GPtrArray *
sp_offer_repository_load_price_lists_finish (SpOfferRepository  *self,
                                             GAsyncResult       *result,
                                             GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Returns: (transfer full) (element-type SpQuote): the quotes with their lines */
GPtrArray *
sp_offer_repository_load_quotes (SpOfferRepository  *self,
                                 const char         *campaign_id,
                                 GError            **error)
{
  g_return_val_if_fail (SP_IS_OFFER_REPOSITORY (self), NULL);

  return _sp_store_run_sync (self->store, load_quotes_work, (gpointer)campaign_id, error);
}

/* Returns: (transfer full) (element-type SpBanner): the banners */
GPtrArray *
sp_offer_repository_load_banners (SpOfferRepository  *self,
                                  const char         *campaign_id,
                                  GError            **error)
{
  g_return_val_if_fail (SP_IS_OFFER_REPOSITORY (self), NULL);

  return _sp_store_run_sync (self->store, load_banners_work, (gpointer)campaign_id, error);
}

gboolean
sp_offer_repository_save_coupon (SpOfferRepository  *self,
                                 SpCoupon           *coupon,
                                 GError            **error)
{
  g_return_val_if_fail (SP_IS_OFFER_REPOSITORY (self), FALSE);
  g_return_val_if_fail (SP_IS_COUPON (coupon), FALSE);

  return _sp_store_write (self->store, write_coupon, coupon, "coupon", sp_coupon_get_id (coupon),
                          "saved", error);
}

/**
 * sp_offer_repository_save_price_list:
 * @self: a #SpOfferRepository
 * @price_list: a price list with its entries
 * @error: return location for a #GError
 *
 * Stores @price_list and replaces its entries, all or nothing. An entry
 * whose SKU is not in the catalog is %SP_STORE_ERROR_NOT_FOUND.
 *
 * Returns: %TRUE on success
 */
gboolean
sp_offer_repository_save_price_list (SpOfferRepository  *self,
                                     SpPriceList        *price_list,
                                     GError            **error)
{
  g_return_val_if_fail (SP_IS_OFFER_REPOSITORY (self), FALSE);
  g_return_val_if_fail (SP_IS_PRICE_LIST (price_list), FALSE);

  return _sp_store_write (self->store, write_price_list, price_list, "price_list",
                          sp_price_list_get_id (price_list), "saved", error);
}

/* One async save: a copy of the object taken at the call, and how to
 * write it. */
typedef struct
{
  SpStoreWriteFunc  func;
  GObject          *copy;     /* owned */
  const char       *entity;   /* static */
} SaveOp;

static SaveOp *
save_op_new (SpStoreWriteFunc  func,
             gpointer          copy,
             const char       *entity)
{
  SaveOp *op = g_new0 (SaveOp, 1);

  op->func = func;
  op->copy = copy;
  op->entity = entity;
  return op;
}

static void
save_op_free (SaveOp *op)
{
  g_clear_object (&op->copy);
  g_free (op);
}

static gpointer
save_work (sqlite3       *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  SaveOp *op = data;
  g_autofree char *id = NULL;

  g_object_get (op->copy, "id", &id, NULL);

  if (!_sp_db_begin (db, error))
    return NULL;
  if (!op->func (db, op->copy, error) ||
      !_sp_db_append_outbox (db, op->entity, id, "saved", NULL, error) ||
      !_sp_db_commit (db, error))
    {
      _sp_db_rollback (db);
      return NULL;
    }

  return GINT_TO_POINTER (TRUE);
}

static SpPriceList *
copy_price_list (SpPriceList *list)
{
  SpPriceList *copy = _sp_object_copy (list);
  GListModel *entries = sp_price_list_get_entries (list);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(SpPriceListEntry) entry = g_list_model_get_item (entries, i);
      g_autoptr(SpPriceListEntry) entry_copy = _sp_object_copy (entry);

      sp_price_list_add_entry (copy, entry_copy);
    }

  return copy;
}

static SpQuote *
copy_quote (SpQuote *quote)
{
  SpQuote *copy = _sp_object_copy (quote);
  GListModel *lines = sp_quote_get_lines (quote);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(SpQuoteLine) line = g_list_model_get_item (lines, i);
      g_autoptr(SpQuoteLine) line_copy = _sp_object_copy (line);

      sp_quote_add_line (copy, line_copy);
    }

  return copy;
}

static void dispatch_next_save (SpOfferRepository *self);

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SpOfferRepository *self = g_task_get_source_object (task);
  GError *error = NULL;

  self->saving = FALSE;

  if (g_task_propagate_pointer (G_TASK (result), &error) == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);

  dispatch_next_save (self);
}

/* Saves run one at a time in the order asked, so the last edit is the one
 * stored even when a bulk edit follows another at once. */
static void
dispatch_next_save (SpOfferRepository *self)
{
  while (!self->saving && !g_queue_is_empty (&self->saves))
    {
      g_autoptr(GTask) task = g_queue_pop_head (&self->saves);
      GCancellable *cancellable = g_task_get_cancellable (task);
      gpointer source_tag = g_task_get_source_tag (task);
      SaveOp *op = g_task_get_task_data (task);
      SaveOp *work;

      if (g_task_return_error_if_cancelled (task))
        continue;

      work = save_op_new (op->func, g_object_ref (op->copy), op->entity);
      self->saving = TRUE;
      _sp_store_run_async (self->store, self, source_tag, save_work, work,
                           (GDestroyNotify)save_op_free, NULL,
                           cancellable, save_cb, g_steal_pointer (&task));
    }
}

static void
save_async (SpOfferRepository   *self,
            SaveOp              *op,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, (GDestroyNotify)save_op_free);
  g_queue_push_tail (&self->saves, task);
  dispatch_next_save (self);
}

static gboolean
save_finish (SpOfferRepository  *self,
             GAsyncResult       *result,
             gpointer            source_tag,
             GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sp_offer_repository_save_price_list_async:
 * @self: a #SpOfferRepository
 * @price_list: a price list with its entries
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when stored
 * @user_data: data for @callback
 *
 * Stores a copy of @price_list (taken now) in a worker, after the saves
 * asked for before it. The other _save_*_async() functions work alike.
 */
void
sp_offer_repository_save_price_list_async (SpOfferRepository   *self,
                                           SpPriceList         *price_list,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (SP_IS_OFFER_REPOSITORY (self));
  g_return_if_fail (SP_IS_PRICE_LIST (price_list));

  save_async (self, save_op_new (write_price_list, copy_price_list (price_list), "price_list"),
              sp_offer_repository_save_price_list_async, cancellable, callback, user_data);
}

gboolean
sp_offer_repository_save_price_list_finish (SpOfferRepository  *self,
                                            GAsyncResult       *result,
                                            GError            **error)
{
  return save_finish (self, result, sp_offer_repository_save_price_list_async, error);
}

void
sp_offer_repository_save_coupon_async (SpOfferRepository   *self,
                                       SpCoupon            *coupon,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (SP_IS_OFFER_REPOSITORY (self));
  g_return_if_fail (SP_IS_COUPON (coupon));

  save_async (self, save_op_new (write_coupon, _sp_object_copy (coupon), "coupon"),
              sp_offer_repository_save_coupon_async, cancellable, callback, user_data);
}

gboolean
sp_offer_repository_save_coupon_finish (SpOfferRepository  *self,
                                        GAsyncResult       *result,
                                        GError            **error)
{
  return save_finish (self, result, sp_offer_repository_save_coupon_async, error);
}

void
sp_offer_repository_save_quote_async (SpOfferRepository   *self,
                                      SpQuote             *quote,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (SP_IS_OFFER_REPOSITORY (self));
  g_return_if_fail (SP_IS_QUOTE (quote));

  save_async (self, save_op_new (write_quote, copy_quote (quote), "quote"),
              sp_offer_repository_save_quote_async, cancellable, callback, user_data);
}

gboolean
sp_offer_repository_save_quote_finish (SpOfferRepository  *self,
                                       GAsyncResult       *result,
                                       GError            **error)
{
  return save_finish (self, result, sp_offer_repository_save_quote_async, error);
}

void
sp_offer_repository_save_banner_async (SpOfferRepository   *self,
                                       SpBanner            *banner,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (SP_IS_OFFER_REPOSITORY (self));
  g_return_if_fail (SP_IS_BANNER (banner));

  save_async (self, save_op_new (write_banner, _sp_object_copy (banner), "banner"),
              sp_offer_repository_save_banner_async, cancellable, callback, user_data);
}

gboolean
sp_offer_repository_save_banner_finish (SpOfferRepository  *self,
                                        GAsyncResult       *result,
                                        GError            **error)
{
  return save_finish (self, result, sp_offer_repository_save_banner_async, error);
}

static void
load_async (SpOfferRepository   *self,
            const char          *campaign_id,
            SpStoreWorkFunc      work,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  _sp_store_run_async (self->store, self, source_tag, work, g_strdup (campaign_id), g_free,
                       (GDestroyNotify)g_ptr_array_unref, cancellable, callback, user_data);
}

static GPtrArray *
load_finish (SpOfferRepository  *self,
             GAsyncResult       *result,
             gpointer            source_tag,
             GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sp_offer_repository_load_coupons_async:
 * @self: a #SpOfferRepository
 * @campaign_id: (nullable): only this campaign's, or all
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the coupons
 * @user_data: data for @callback
 *
 * Loads in a worker; the _load_quotes_async() and _load_banners_async()
 * functions work alike.
 */
void
sp_offer_repository_load_coupons_async (SpOfferRepository   *self,
                                        const char          *campaign_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (SP_IS_OFFER_REPOSITORY (self));

  load_async (self, campaign_id, load_coupons_work, sp_offer_repository_load_coupons_async,
              cancellable, callback, user_data);
}

/* Returns: (transfer full) (element-type SpCoupon): the coupons */
GPtrArray *
sp_offer_repository_load_coupons_finish (SpOfferRepository  *self,
                                         GAsyncResult       *result,
                                         GError            **error)
{
  return load_finish (self, result, sp_offer_repository_load_coupons_async, error);
}

void
sp_offer_repository_load_quotes_async (SpOfferRepository   *self,
                                       const char          *campaign_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (SP_IS_OFFER_REPOSITORY (self));

  load_async (self, campaign_id, load_quotes_work, sp_offer_repository_load_quotes_async,
              cancellable, callback, user_data);
}

/* Returns: (transfer full) (element-type SpQuote): the quotes with their lines */
GPtrArray *
sp_offer_repository_load_quotes_finish (SpOfferRepository  *self,
                                        GAsyncResult       *result,
                                        GError            **error)
{
  return load_finish (self, result, sp_offer_repository_load_quotes_async, error);
}

void
sp_offer_repository_load_banners_async (SpOfferRepository   *self,
                                        const char          *campaign_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (SP_IS_OFFER_REPOSITORY (self));

  load_async (self, campaign_id, load_banners_work, sp_offer_repository_load_banners_async,
              cancellable, callback, user_data);
}

/* Returns: (transfer full) (element-type SpBanner): the banners */
GPtrArray *
sp_offer_repository_load_banners_finish (SpOfferRepository  *self,
                                         GAsyncResult       *result,
                                         GError            **error)
{
  return load_finish (self, result, sp_offer_repository_load_banners_async, error);
}

gboolean
sp_offer_repository_save_quote (SpOfferRepository  *self,
                                SpQuote            *quote,
                                GError            **error)
{
  g_return_val_if_fail (SP_IS_OFFER_REPOSITORY (self), FALSE);
  g_return_val_if_fail (SP_IS_QUOTE (quote), FALSE);

  return _sp_store_write (self->store, write_quote, quote, "quote", sp_quote_get_id (quote),
                          "saved", error);
}

gboolean
sp_offer_repository_save_banner (SpOfferRepository  *self,
                                 SpBanner           *banner,
                                 GError            **error)
{
  g_return_val_if_fail (SP_IS_OFFER_REPOSITORY (self), FALSE);
  g_return_val_if_fail (SP_IS_BANNER (banner), FALSE);

  return _sp_store_write (self->store, write_banner, banner, "banner", sp_banner_get_id (banner),
                          "saved", error);
}

static gboolean
delete_row (sqlite3  *db,
            gpointer  object,
            GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *id = NULL;
  const char *sql;

  /* Quote lines go with their quote (ON DELETE CASCADE). */
  if (SP_IS_COUPON (object))
    sql = "DELETE FROM coupons WHERE id = ?";
  else if (SP_IS_QUOTE (object))
    sql = "DELETE FROM quotes WHERE id = ?";
  else
    sql = "DELETE FROM banners WHERE id = ?";

  g_object_get (object, "id", &id, NULL);
  if (!(stmt = _sp_db_prepare (db, sql, error)))
    return FALSE;
  _sp_db_bind_text (stmt, 1, id);

  return _sp_db_step_done (db, stmt, error);
}

/**
 * sp_offer_repository_delete:
 * @self: a #SpOfferRepository
 * @offer: a #SpCoupon, #SpQuote (with its lines) or #SpBanner
 * @error: return location for a #GError
 *
 * Deletes the stored row with @offer's id, with a "deleted" outbox row, in
 * one transaction. Deleting what is not stored is not an error.
 *
 * Returns: %TRUE on success
 */
gboolean
sp_offer_repository_delete (SpOfferRepository  *self,
                            GObject            *offer,
                            GError            **error)
{
  g_autofree char *id = NULL;
  const char *entity;

  g_return_val_if_fail (SP_IS_OFFER_REPOSITORY (self), FALSE);
  g_return_val_if_fail (SP_IS_COUPON (offer) || SP_IS_QUOTE (offer) || SP_IS_BANNER (offer), FALSE);

  entity = SP_IS_COUPON (offer) ? "coupon" : SP_IS_QUOTE (offer) ? "quote" : "banner";
  g_object_get (offer, "id", &id, NULL);

  return _sp_store_write (self->store, delete_row, offer, entity, id, "deleted", error);
}
