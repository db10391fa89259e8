/* sp-run-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sp-campaign.h"
#include "sp-campaign-db-private.h"
#include "sp-db-private.h"
#include "sp-enum-strings.h"
#include "sp-run-store.h"

/* Defaults for campaigns whose plan does not spell everything out. */
#define DEFAULT_COUPON_BP          500   /* a 5 % segment coupon */
#define DEFAULT_COMPANY_EXTRA_BP   200   /* key accounts get 2 % more */
#define DEFAULT_KEY_ACCOUNTS       3
#define DEFAULT_COMPANY_PRODUCTS   20
#define DEFAULT_QUOTE_LINES        3
#define DEFAULT_QUOTE_QUANTITY     10

struct _SpRunStore
{
  GObject      parent_instance;

  char        *db_path;
  GThreadPool *writer;      /* one exclusive thread for step records */
  sqlite3     *writer_db;   /* used and closed only on the writer thread */
};

G_DEFINE_FINAL_TYPE (SpRunStore, sp_run_store, G_TYPE_OBJECT)

SpRunStepRecord *
sp_run_step_record_new (const char *step,
                        const char *state,
                        const char *idempotency_key)
{
  SpRunStepRecord *record = g_new0 (SpRunStepRecord, 1);

  record->step = g_strdup (step);
  record->state = g_strdup (state);
  record->reason = g_strdup ("");
  record->idempotency_key = g_strdup (idempotency_key);
  record->remote_ids_json = g_strdup ("[]");
  return record;
}

SpRunStepRecord *
sp_run_step_record_copy (const SpRunStepRecord *record)
{
  SpRunStepRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = sp_run_step_record_new (record->step, record->state, record->idempotency_key);
  g_free (copy->reason);
  copy->reason = g_strdup (record->reason ? record->reason : "");
  g_free (copy->remote_ids_json);
  copy->remote_ids_json = g_strdup (record->remote_ids_json ? record->remote_ids_json : "[]");
  copy->attempts = record->attempts;
  return copy;
}

void
sp_run_step_record_free (SpRunStepRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->step);
  g_free (record->state);
  g_free (record->reason);
  g_free (record->idempotency_key);
  g_free (record->remote_ids_json);
  g_free (record);
}

static void     writer_func (gpointer data, gpointer user_data);
static gboolean write_step  (sqlite3 *db, const char *run_id, const SpRunStepRecord *record, GError **error);

static void
sp_run_store_finalize (GObject *object)
{
  SpRunStore *self = (SpRunStore *)object;

  if (self->writer != NULL)
    {
      /* NULL asks the writer thread to close its connection; then wait. */
      g_thread_pool_push (self->writer, GINT_TO_POINTER (1), NULL);
      g_thread_pool_free (self->writer, FALSE, TRUE);
    }
  g_assert (self->writer_db == NULL);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (sp_run_store_parent_class)->finalize (object);
}

static void
sp_run_store_class_init (SpRunStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_run_store_finalize;
}

static void
sp_run_store_init (SpRunStore *self)
{
}

/**
 * sp_run_store_new:
 * @db_path: the workspace database
 *
 * Returns: (transfer full): a store for runs of the workspace at @db_path
 */
SpRunStore *
sp_run_store_new (const char *db_path)
{
  SpRunStore *self;

  g_return_val_if_fail (db_path != NULL, NULL);

  self = g_object_new (SP_TYPE_RUN_STORE, NULL);
  self->db_path = g_strdup (db_path);
  return self;
}

typedef struct
{
  char            *run_id;
  SpRunStepRecord *record;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_free (save->run_id);
  sp_run_step_record_free (save->record);
  g_free (save);
}

/* Runs on the writer thread only; @data is a GTask, or 1 to close. */
static void
writer_func (gpointer data,
             gpointer user_data)
{
  SpRunStore *self = user_data;
  GTask *task;
  const char *run_id;
  const SpRunStepRecord *record;
  GError *error = NULL;

  if (data == GINT_TO_POINTER (1))
    {
      g_clear_pointer (&self->writer_db, sqlite3_close_v2);
      return;
    }

  task = data;
  run_id = ((SaveData *)g_task_get_task_data (task))->run_id;
  record = ((SaveData *)g_task_get_task_data (task))->record;

  /* Step records are written before and after every request. In WAL mode,
   * synchronous=NORMAL keeps every committed record through a crash or a
   * kill of the process (only a power cut may lose the newest ones, and
   * repeating a request is harmless: every object has its own id), and it
   * spares an fsync per request. */
  if (self->writer_db == NULL &&
      ((self->writer_db = _sp_db_open (self->db_path, &error)) == NULL ||
       !_sp_db_exec (self->writer_db, "PRAGMA synchronous = NORMAL", &error)))
    g_clear_pointer (&self->writer_db, sqlite3_close_v2);
  else if (!_sp_db_begin (self->writer_db, &error))
    ;
  else if (!write_step (self->writer_db, run_id, record, &error) ||
           !_sp_db_commit (self->writer_db, &error))
    _sp_db_rollback (self->writer_db);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

/**
 * sp_run_store_save_step_async:
 * @record: the step's state; copied
 *
 * Stores a step record on the store's writer thread, which keeps one
 * connection open: the cheap way to write before and after every request.
 * Not cancellable: a record must reach the disk once its request left.
 */
void
sp_run_store_save_step_async (SpRunStore            *self,
                              const char            *run_id,
                              const SpRunStepRecord *record,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  SaveData *save;
  GTask *task;

  g_return_if_fail (SP_IS_RUN_STORE (self));
  g_return_if_fail (run_id != NULL && record != NULL);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, sp_run_store_save_step_async);
  save = g_new0 (SaveData, 1);
  save->run_id = g_strdup (run_id);
  save->record = sp_run_step_record_copy (record);
  g_task_set_task_data (task, save, save_data_free);

  if (self->writer == NULL)
    self->writer = g_thread_pool_new (writer_func, self, 1, TRUE, NULL);
  g_thread_pool_push (self->writer, task, NULL);
}

gboolean
sp_run_store_save_step_finish (SpRunStore    *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

const char *
sp_run_store_get_db_path (SpRunStore *self)
{
  g_return_val_if_fail (SP_IS_RUN_STORE (self), NULL);

  return self->db_path;
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = _sp_db_column_text (stmt, column);

  return text != NULL ? g_strdup (text) : NULL;
}

/* Steps a SELECT and reports errors; returns SQLITE_ROW or SQLITE_DONE, or
 * 0 with @error set. */
static int
step_row (sqlite3       *db,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;

  _sp_db_set_error (db, rc, error);
  return 0;
}

char *
sp_run_store_resolve_campaign (SpRunStore  *self,
                               const char  *id_or_name,
                               GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *found = NULL;
  guint n_found = 0;
  int rc;

  g_return_val_if_fail (SP_IS_RUN_STORE (self), NULL);
  g_return_val_if_fail (id_or_name != NULL, NULL);

  if (!(db = _sp_db_open (self->db_path, error)) ||
      !(stmt = _sp_db_prepare (db,
                               "SELECT id, 0 FROM campaigns WHERE id = ?1 "
                               "UNION ALL SELECT id, 1 FROM campaigns WHERE name = ?1 AND id <> ?1 "
                               "ORDER BY 2", error)))
    return NULL;

  _sp_db_bind_text (stmt, 1, id_or_name);
  while ((rc = step_row (db, stmt, error)) == SQLITE_ROW)
    {
      if (sqlite3_column_int (stmt, 1) == 0)
        return dup_column (stmt, 0);
      g_free (found);
      found = dup_column (stmt, 0);
      n_found++;
    }
  if (rc == 0)
    return NULL;

  if (n_found == 1)
    return g_steal_pointer (&found);

  if (n_found > 1)
    g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                 _("Several campaigns are named “%s”; use the campaign id"), id_or_name);
  else
    g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                 _("No campaign “%s” in %s"), id_or_name, self->db_path);
  return NULL;
}

static gint64
clearance_price (gint64 list_price,
                 gint64 cost,
                 gint64 discount_bp,
                 gint64 margin_floor_bp)
{
  /* Half-up rounding of the discount, then the margin floor (margin on the
   * selling price), and never above the list price. */
  gint64 price = list_price - (list_price * discount_bp + 5000) / 10000;

  if (margin_floor_bp > 0 && margin_floor_bp < 10000)
    {
      gint64 floor_price = (cost * 10000 + (10000 - margin_floor_bp) - 1) / (10000 - margin_floor_bp);

      price = MAX (price, floor_price);
    }

  return CLAMP (price, 0, list_price);
}

static gboolean
load_campaign (sqlite3     *db,
               SpRunInput  *input,
               const char  *campaign_id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(SpCampaign) campaign = NULL;
  int rc;

  if (!(stmt = _sp_db_prepare (db,
                               "SELECT id, name, description, status, start_date, end_date, currency, "
                               "default_discount_bp, margin_floor_bp "
                               "FROM campaigns WHERE id = ?1", error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, campaign_id);
  if ((rc = step_row (db, stmt, error)) == 0)
    return FALSE;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                   _("No campaign with id “%s”"), campaign_id);
      return FALSE;
    }

  input->campaign_id = dup_column (stmt, 0);
  input->name = dup_column (stmt, 1);
  input->description = dup_column (stmt, 2);
  input->status = dup_column (stmt, 3);
  input->start_date = dup_column (stmt, 4);
  input->end_date = dup_column (stmt, 5);
  input->currency = dup_column (stmt, 6);
  input->default_discount_bp = sqlite3_column_int64 (stmt, 7);
  input->margin_floor_bp = sqlite3_column_int64 (stmt, 8);

  /* The boost settings are read by the one parser of params_json, the
   * campaign loader's, so a run sees what the app shows (and a malformed
   * params_json is an error naming the campaign, not a silent default). */
  if (!(campaign = _sp_campaign_db_load (db, campaign_id, error)))
    return FALSE;
  input->boost_enabled = sp_campaign_get_boost_enabled (campaign);
  input->boost_weight = sp_campaign_get_boost_weight (campaign);
  g_free (input->boost_category);
  input->boost_category = g_strdup (sp_campaign_get_boost_category (campaign));
  return TRUE;
}

static gboolean
load_sites (sqlite3     *db,
            SpRunInput  *input,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _sp_db_prepare (db,
                               "SELECT s.code, s.currency FROM campaign_sites cs "
                               "JOIN sites s ON s.id = cs.site_id WHERE cs.campaign_id = ?1 "
                               "ORDER BY s.code", error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, input->campaign_id);
  while ((rc = step_row (db, stmt, error)) == SQLITE_ROW)
    {
      SpRunSite *site = g_new0 (SpRunSite, 1);

      site->code = dup_column (stmt, 0);
      site->currency = dup_column (stmt, 1);
      g_ptr_array_add (input->sites, site);
    }
  if (rc == 0)
    return FALSE;

  if (input->sites->len == 0)
    {
      SpRunSite *site = g_new0 (SpRunSite, 1);

      site->code = g_strdup ("main");
      site->currency = g_strdup (input->currency);
      g_ptr_array_add (input->sites, site);
    }

  return TRUE;
}

/* The scope: single products plus whole categories with their subtree. The
 * clearance price comes from the campaign's own (non-company) price list
 * when the plan wrote one, else from the campaign's default discount. */
static gboolean
load_products (sqlite3     *db,
               SpRunInput  *input,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _sp_db_prepare (db,
                               "WITH RECURSIVE cats (id) AS ("
                               "  SELECT ref_id FROM campaign_scope WHERE campaign_id = ?1 AND kind = 'category' "
                               "  UNION SELECT c.id FROM categories c JOIN cats ON c.parent_id = cats.id), "
                               "entries AS ("
                               "  SELECT e.product_id, MIN (e.new_price) AS new_price FROM price_list_entries e "
                               "  JOIN price_lists l ON l.id = e.price_list_id "
                               "  WHERE l.campaign_id = ?1 AND l.company_id IS NULL GROUP BY e.product_id) "
                               "SELECT p.id, COALESCE (p.remote_id, p.sku), p.sku, p.name, p.category_id, "
                               "  p.list_price, p.cost, entries.new_price, p.stock_on_hand "
                               "FROM products p LEFT JOIN entries ON entries.product_id = p.id "
                               "WHERE p.id IN (SELECT ref_id FROM campaign_scope WHERE campaign_id = ?1 AND kind = 'product') "
                               "   OR p.category_id IN (SELECT id FROM cats) "
                               "ORDER BY p.sku", error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, input->campaign_id);
  while ((rc = step_row (db, stmt, error)) == SQLITE_ROW)
    {
      SpRunProduct *product = sp_run_product_new ();

      product->id = dup_column (stmt, 0);
      product->remote_id = dup_column (stmt, 1);
      product->sku = dup_column (stmt, 2);
      product->name = dup_column (stmt, 3);
      product->category_id = dup_column (stmt, 4);
      product->list_price = sqlite3_column_int64 (stmt, 5);
      product->cost = sqlite3_column_int64 (stmt, 6);
      if (sqlite3_column_type (stmt, 7) == SQLITE_NULL)
        product->new_price = clearance_price (product->list_price, product->cost,
                                              input->default_discount_bp, input->margin_floor_bp);
      else
        product->new_price = sqlite3_column_int64 (stmt, 7);
      product->stock = sqlite3_column_int64 (stmt, 8);
      g_ptr_array_add (input->products, product);
    }

  return rc != 0;
}

static gboolean
load_segments (sqlite3     *db,
               SpRunInput  *input,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _sp_db_prepare (db,
                               "SELECT s.id, s.code, s.name, s.description FROM campaign_segments cs "
                               "JOIN segments s ON s.id = cs.segment_id WHERE cs.campaign_id = ?1 "
                               "ORDER BY s.code", error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, input->campaign_id);
  while ((rc = step_row (db, stmt, error)) == SQLITE_ROW)
    {
      SpRunSegment *segment = g_new0 (SpRunSegment, 1);

      segment->id = dup_column (stmt, 0);
      segment->code = dup_column (stmt, 1);
      segment->name = dup_column (stmt, 2);
      segment->description = dup_column (stmt, 3);
      g_ptr_array_add (input->segments, segment);
    }

  return rc != 0;
}

/* Keeps letters and digits, upper-cased: coupon codes are case-insensitive
 * on the platform unless configured otherwise (MAPPING.md). */
static void
append_code_part (GString    *code,
                  const char *text,
                  guint       max)
{
  guint n = 0;

  for (const char *p = text; p != NULL && *p != '\0' && n < max; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          g_string_append_c (code, g_ascii_toupper (*p));
          n++;
        }
    }
}

static gboolean
load_coupons (sqlite3     *db,
              SpRunInput  *input,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _sp_db_prepare (db,
                               "SELECT code, segment_id, discount_type, discount_value, currency, usage_limit "
                               "FROM coupons WHERE campaign_id = ?1 ORDER BY code", error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, input->campaign_id);
  while ((rc = step_row (db, stmt, error)) == SQLITE_ROW)
    {
      SpRunCoupon *coupon = g_new0 (SpRunCoupon, 1);

      coupon->code = g_ascii_strup (_sp_db_column_text (stmt, 0), -1);
      coupon->segment_id = dup_column (stmt, 1);
      coupon->discount_type = dup_column (stmt, 2);
      coupon->discount_value = sqlite3_column_int64 (stmt, 3);
      coupon->currency = dup_column (stmt, 4);
      coupon->usage_limit = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (input->coupons, coupon);
    }
  if (rc == 0)
    return FALSE;

  /* A plan with segments but no coupon rows gets one coupon per segment. */
  if (input->coupons->len == 0)
    {
      for (guint i = 0; i < input->segments->len; i++)
        {
          const SpRunSegment *segment = g_ptr_array_index (input->segments, i);
          SpRunCoupon *coupon = g_new0 (SpRunCoupon, 1);
          GString *code = g_string_new ("SP");

          append_code_part (code, input->campaign_id, 8);
          append_code_part (code, segment->code, 12);
          coupon->code = g_string_free (code, FALSE);
          coupon->segment_id = g_strdup (segment->id);
          coupon->discount_type = g_strdup ("percent");
          coupon->discount_value = DEFAULT_COUPON_BP;
          coupon->currency = g_strdup (input->currency);
          g_ptr_array_add (input->coupons, coupon);
        }
    }

  return TRUE;
}

static const SpRunProduct *
find_product (GHashTable *by_id,
              const char *product_id)
{
  return product_id != NULL ? g_hash_table_lookup (by_id, product_id) : NULL;
}

static SpRunProduct *
copy_product (const SpRunProduct *product,
              gint64              new_price)
{
  SpRunProduct *copy = sp_run_product_new ();

  copy->id = g_strdup (product->id);
  copy->remote_id = g_strdup (product->remote_id);
  copy->sku = g_strdup (product->sku);
  copy->name = g_strdup (product->name);
  copy->category_id = g_strdup (product->category_id);
  copy->list_price = product->list_price;
  copy->cost = product->cost;
  copy->new_price = new_price;
  copy->stock = product->stock;
  return copy;
}

static int
compare_by_stock (gconstpointer a,
                  gconstpointer b)
{
  const SpRunProduct *pa = *(SpRunProduct * const *)a;
  const SpRunProduct *pb = *(SpRunProduct * const *)b;

  if (pa->stock != pb->stock)
    return pa->stock > pb->stock ? -1 : 1;
  return g_strcmp0 (pa->sku, pb->sku);
}

/* Company-specific prices: the plan's company price lists, or else the key
 * accounts of the campaign's segments with a deeper price on the products
 * with the most stock. */
static gboolean
load_companies (sqlite3     *db,
                SpRunInput  *input,
                GHashTable  *by_id,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) by_stock = NULL;
  int rc;

  if (!(stmt = _sp_db_prepare (db,
                               "SELECT c.id, c.code, c.name, c.country, e.product_id, e.new_price "
                               "FROM price_lists l JOIN companies c ON c.id = l.company_id "
                               "JOIN price_list_entries e ON e.price_list_id = l.id "
                               "WHERE l.campaign_id = ?1 ORDER BY c.code, e.product_id", error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, input->campaign_id);
  while ((rc = step_row (db, stmt, error)) == SQLITE_ROW)
    {
      SpRunCompany *company = NULL;
      const SpRunProduct *product;

      if (input->companies->len > 0)
        {
          company = g_ptr_array_index (input->companies, input->companies->len - 1);
          if (g_strcmp0 (company->id, _sp_db_column_text (stmt, 0)) != 0)
            company = NULL;
        }
      if (company == NULL)
        {
          company = sp_run_company_new ();
          company->id = dup_column (stmt, 0);
          company->code = dup_column (stmt, 1);
          company->name = dup_column (stmt, 2);
          company->country = dup_column (stmt, 3);
          g_ptr_array_add (input->companies, company);
        }
      if ((product = find_product (by_id, _sp_db_column_text (stmt, 4))) != NULL)
        g_ptr_array_add (company->prices, copy_product (product, sqlite3_column_int64 (stmt, 5)));
    }
  if (rc == 0)
    return FALSE;

  if (input->companies->len > 0 || input->segments->len == 0 || input->products->len == 0)
    return TRUE;

  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!(stmt = _sp_db_prepare (db,
                               "SELECT c.id, c.code, c.name, c.country FROM companies c "
                               "JOIN campaign_segments cs ON cs.segment_id = c.segment_id "
                               "WHERE cs.campaign_id = ?1 ORDER BY c.code LIMIT ?2", error)))
    return FALSE;

  /* Borrowed pointers: g_ptr_array_copy () would keep the free function. */
  by_stock = g_ptr_array_sized_new (input->products->len);
  g_ptr_array_extend (by_stock, input->products, NULL, NULL);
  g_ptr_array_sort (by_stock, compare_by_stock);

  _sp_db_bind_text (stmt, 1, input->campaign_id);
  sqlite3_bind_int (stmt, 2, DEFAULT_KEY_ACCOUNTS);
  while ((rc = step_row (db, stmt, error)) == SQLITE_ROW)
    {
      SpRunCompany *company = sp_run_company_new ();

      company->id = dup_column (stmt, 0);
      company->code = dup_column (stmt, 1);
      company->name = dup_column (stmt, 2);
      company->country = dup_column (stmt, 3);
      for (guint i = 0; i < by_stock->len && i < DEFAULT_COMPANY_PRODUCTS; i++)
        {
          const SpRunProduct *product = g_ptr_array_index (by_stock, i);
          gint64 price = clearance_price (product->list_price, product->cost,
                                          input->default_discount_bp + DEFAULT_COMPANY_EXTRA_BP,
                                          input->margin_floor_bp);

          g_ptr_array_add (company->prices, copy_product (product, MIN (price, product->new_price)));
        }
      g_ptr_array_add (input->companies, company);
    }

  return rc != 0;
}

/* The plan's per-site price lists with their entries; without any, one
 * list per campaign site with every product in scope. */
static gboolean
load_price_lists (sqlite3     *db,
                  SpRunInput  *input,
                  GHashTable  *by_id,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _sp_db_prepare (db,
                               "SELECT l.id, COALESCE (s.code, 'main'), l.currency, e.product_id, e.new_price "
                               "FROM price_lists l LEFT JOIN sites s ON s.id = l.site_id "
                               "JOIN price_list_entries e ON e.price_list_id = l.id "
                               "WHERE l.campaign_id = ?1 AND l.company_id IS NULL "
                               "ORDER BY s.code, l.id, e.product_id", error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, input->campaign_id);
  while ((rc = step_row (db, stmt, error)) == SQLITE_ROW)
    {
      SpRunPriceList *list = NULL;
      const SpRunProduct *product;

      if (input->price_lists->len > 0)
        {
          list = g_ptr_array_index (input->price_lists, input->price_lists->len - 1);
          if (g_strcmp0 (list->id, _sp_db_column_text (stmt, 0)) != 0)
            list = NULL;
        }
      if (list == NULL)
        {
          list = sp_run_price_list_new ();
          list->id = dup_column (stmt, 0);
          list->site_code = dup_column (stmt, 1);
          list->currency = dup_column (stmt, 2);
          g_ptr_array_add (input->price_lists, list);
        }
      if ((product = find_product (by_id, _sp_db_column_text (stmt, 3))) != NULL)
        g_ptr_array_add (list->prices, copy_product (product, sqlite3_column_int64 (stmt, 4)));
    }
  if (rc == 0)
    return FALSE;

  if (input->price_lists->len == 0 && input->products->len > 0)
    {
      for (guint i = 0; i < input->sites->len; i++)
        {
          const SpRunSite *site = g_ptr_array_index (input->sites, i);
          SpRunPriceList *list = sp_run_price_list_new ();

          list->id = g_strdup (site->code);
          list->site_code = g_strdup (site->code);
          list->currency = g_strdup (site->currency ? site->currency : input->currency);
          for (guint j = 0; j < input->products->len; j++)
            {
              const SpRunProduct *product = g_ptr_array_index (input->products, j);

              g_ptr_array_add (list->prices, copy_product (product, product->new_price));
            }
          g_ptr_array_add (input->price_lists, list);
        }
    }

  return TRUE;
}

static gboolean
load_quotes (sqlite3     *db,
             SpRunInput  *input,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _sp_db_prepare (db,
                               "SELECT q.id, c.code, COALESCE (p.remote_id, p.sku), l.quantity, l.unit_price "
                               "FROM quotes q JOIN companies c ON c.id = q.company_id "
                               "JOIN quote_lines l ON l.quote_id = q.id JOIN products p ON p.id = l.product_id "
                               "WHERE q.campaign_id = ?1 ORDER BY q.id, l.id", error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, input->campaign_id);
  while ((rc = step_row (db, stmt, error)) == SQLITE_ROW)
    {
      SpRunQuote *quote = NULL;
      SpRunQuoteLine *line;

      if (input->quotes->len > 0)
        {
          quote = g_ptr_array_index (input->quotes, input->quotes->len - 1);
          if (g_strcmp0 (quote->id, _sp_db_column_text (stmt, 0)) != 0)
            quote = NULL;
        }
      if (quote == NULL)
        {
          quote = sp_run_quote_new ();
          quote->id = dup_column (stmt, 0);
          quote->company_code = dup_column (stmt, 1);
          g_ptr_array_add (input->quotes, quote);
        }
      line = g_new0 (SpRunQuoteLine, 1);
      line->product_remote_id = dup_column (stmt, 2);
      line->quantity = sqlite3_column_int64 (stmt, 3);
      line->unit_price = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (quote->lines, line);
    }
  if (rc == 0)
    return FALSE;

  /* Without planned quotes, each key account gets a draft quote for the
   * products with the most stock at its company price. */
  if (input->quotes->len == 0)
    {
      for (guint i = 0; i < input->companies->len; i++)
        {
          const SpRunCompany *company = g_ptr_array_index (input->companies, i);
          SpRunQuote *quote;

          if (company->prices->len == 0)
            continue;

          quote = sp_run_quote_new ();
          quote->id = g_strdup_printf ("%s-1", company->code);
          quote->company_code = g_strdup (company->code);
          for (guint j = 0; j < company->prices->len && j < DEFAULT_QUOTE_LINES; j++)
            {
              const SpRunProduct *price = g_ptr_array_index (company->prices, j);
              SpRunQuoteLine *line = g_new0 (SpRunQuoteLine, 1);

              line->product_remote_id = g_strdup (price->remote_id);
              line->quantity = DEFAULT_QUOTE_QUANTITY;
              line->unit_price = price->new_price;
              g_ptr_array_add (quote->lines, line);
            }
          g_ptr_array_add (input->quotes, quote);
        }
    }

  return TRUE;
}

static gboolean
load_banners (sqlite3     *db,
              SpRunInput  *input,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _sp_db_prepare (db,
                               "SELECT id, title, body, link, placement, image_path FROM banners "
                               "WHERE campaign_id = ?1 ORDER BY id", error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, input->campaign_id);
  while ((rc = step_row (db, stmt, error)) == SQLITE_ROW)
    {
      SpRunBanner *banner = g_new0 (SpRunBanner, 1);

      banner->id = dup_column (stmt, 0);
      banner->title = dup_column (stmt, 1);
      banner->body = dup_column (stmt, 2);
      banner->link = dup_column (stmt, 3);
      banner->placement = dup_column (stmt, 4);
      banner->image_path = dup_column (stmt, 5);
      g_ptr_array_add (input->banners, banner);
    }
  if (rc == 0)
    return FALSE;

  if (input->banners->len == 0 && input->products->len > 0)
    {
      SpRunBanner *banner = g_new0 (SpRunBanner, 1);

      banner->id = g_strdup ("hero");
      banner->title = g_strdup (input->name);
      banner->body = g_strdup (input->description ? input->description : "");
      banner->link = g_strdup_printf ("/clearance/%s", input->campaign_id);
      banner->placement = g_strdup ("home-hero");
      g_ptr_array_add (input->banners, banner);
    }

  return TRUE;
}

static char *
read_setting (sqlite3     *db,
              const char  *key,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _sp_db_prepare (db, "SELECT value FROM settings WHERE key = ?1", error)))
    return NULL;

  _sp_db_bind_text (stmt, 1, key);
  if ((rc = step_row (db, stmt, error)) == SQLITE_ROW)
    return dup_column (stmt, 0);
  if (rc == SQLITE_DONE)
    return g_strdup ("");
  return NULL;
}

static gboolean
load_approval (sqlite3     *db,
               SpRunInput  *input,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *required = NULL;
  int rc;

  if (!(required = read_setting (db, "approval.required", error)))
    return FALSE;
  input->approval_required = g_strcmp0 (required, "false") != 0 && g_strcmp0 (required, "0") != 0;

  if (!(stmt = _sp_db_prepare (db,
                               "SELECT decision FROM approvals WHERE campaign_id = ?1 "
                               "ORDER BY decided_at DESC, rowid DESC LIMIT 1", error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, input->campaign_id);
  if ((rc = step_row (db, stmt, error)) == 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    input->last_decision = dup_column (stmt, 0);
  input->has_approval = g_strcmp0 (input->last_decision, "approved") == 0;
  return TRUE;
}

static gboolean
index_products (SpRunInput *input,
                GHashTable *by_id)
{
  for (guint i = 0; i < input->products->len; i++)
    {
      SpRunProduct *product = g_ptr_array_index (input->products, i);

      g_hash_table_insert (by_id, product->id, product);
    }

  return TRUE;
}

/**
 * sp_run_store_load_input:
 * @self: a #SpRunStore
 * @campaign_id: the campaign's id
 * @error: return location for a #GError
 *
 * Blocks; call from a worker thread.
 *
 * Returns: (transfer full): the snapshot of the campaign, or %NULL
 */
SpRunInput *
sp_run_store_load_input (SpRunStore  *self,
                         const char  *campaign_id,
                         GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(SpRunInput) input = sp_run_input_new ();
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (SP_IS_RUN_STORE (self), NULL);
  g_return_val_if_fail (campaign_id != NULL, NULL);

  /* One read transaction, so the snapshot is consistent. */
  if (!(db = _sp_db_open (self->db_path, error)) ||
      !_sp_db_exec (db, "BEGIN", error))
    return NULL;

  if (!load_campaign (db, input, campaign_id, error) ||
      !load_sites (db, input, error) ||
      !load_products (db, input, error) ||
      !index_products (input, by_id) ||
      !load_segments (db, input, error) ||
      !load_coupons (db, input, error) ||
      !load_companies (db, input, by_id, error) ||
      !load_price_lists (db, input, by_id, error) ||
      !load_quotes (db, input, error) ||
      !load_banners (db, input, error) ||
      !load_approval (db, input, error))
    {
      _sp_db_rollback (db);
      return NULL;
    }

  _sp_db_rollback (db);   /* read-only: nothing to commit */

  return g_steal_pointer (&input);
}

char *
sp_run_store_find_open_run (SpRunStore  *self,
                            const char  *campaign_id,
                            const char  *stream,
                            GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_RUN_STORE (self), NULL);

  if (!(db = _sp_db_open (self->db_path, error)) ||
      !(stmt = _sp_db_prepare (db,
                               "SELECT id FROM runs WHERE campaign_id = ?1 AND stream = ?2 "
                               "AND state <> 'done' ORDER BY started_at DESC, rowid DESC LIMIT 1", error)))
    return NULL;

  _sp_db_bind_text (stmt, 1, campaign_id);
  _sp_db_bind_text (stmt, 2, stream);
  if ((rc = step_row (db, stmt, error)) == SQLITE_ROW)
    return dup_column (stmt, 0);

  /* No open run is not an error: the caller starts one. */
  return NULL;
}

/* ---- One process per campaign ------------------------------------------- */

/* A claim is a settings row "run-lock:<campaign id>" holding "<pid> <host>
 * <unix time>". It is taken in a BEGIN IMMEDIATE transaction, so two
 * processes cannot both see it free. A claim is stale when its process is
 * gone (same host) or it is older than SP_RUN_CLAIM_MAX_AGE seconds. */

#define SP_RUN_CLAIM_MAX_AGE (6 * 3600)

static gboolean
claim_is_live (const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value ? value : "", " ", 3);
  guint64 pid, when;

  if (g_strv_length (parts) != 3 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, G_MAXINT, &pid, NULL) ||
      !g_ascii_string_to_unsigned (parts[2], 10, 0, G_MAXUINT64, &when, NULL))
    return FALSE;
  if ((guint64)(g_get_real_time () / G_USEC_PER_SEC) > when + SP_RUN_CLAIM_MAX_AGE)
    return FALSE;
  if (g_str_equal (parts[1], g_get_host_name ()) && kill ((pid_t)pid, 0) != 0 && errno == ESRCH)
    return FALSE;
  return TRUE;
}

/**
 * sp_run_store_claim_campaign:
 * @holder: (out): 0 when the claim is this process's now, else the id of
 *   the process that holds it
 *
 * Claims the campaign for this process's runs (renewing its own claim).
 *
 * Returns: %FALSE only on a database error
 */
gboolean
sp_run_store_claim_campaign (SpRunStore  *self,
                             const char  *campaign_id,
                             guint       *holder,
                             GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autoptr(sqlite3_stmt) write = NULL;
  g_autofree char *key = g_strdup_printf ("run-lock:%s", campaign_id);
  g_autofree char *value = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_RUN_STORE (self), FALSE);
  g_return_val_if_fail (holder != NULL, FALSE);

  *holder = 0;
  if (!(db = _sp_db_open (self->db_path, error)) || !_sp_db_begin (db, error))
    return FALSE;

  if (!(read = _sp_db_prepare (db, "SELECT value FROM settings WHERE key = ?1", error)))
    goto fail;
  _sp_db_bind_text (read, 1, key);
  if ((rc = step_row (db, read, error)) == 0)
    goto fail;
  if (rc == SQLITE_ROW)
    {
      const char *held = _sp_db_column_text (read, 0);
      guint64 pid = g_ascii_strtoull (held ? held : "", NULL, 10);

      if (pid != (guint64)getpid () && claim_is_live (held))
        {
          *holder = (guint)pid;
          _sp_db_rollback (db);
          return TRUE;
        }
    }

  value = g_strdup_printf ("%d %s %" G_GINT64_FORMAT, (int)getpid (), g_get_host_name (),
                           g_get_real_time () / G_USEC_PER_SEC);
  if (!(write = _sp_db_prepare (db, "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                                    "ON CONFLICT (key) DO UPDATE SET value = ?2", error)))
    goto fail;
  _sp_db_bind_text (write, 1, key);
  _sp_db_bind_text (write, 2, value);
  if (!_sp_db_step_done (db, write, error) || !_sp_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  _sp_db_rollback (db);
  return FALSE;
}

/**
 * sp_run_store_release_campaign:
 *
 * Gives up this process's claim on the campaign, if it has one.
 */
gboolean
sp_run_store_release_campaign (SpRunStore  *self,
                               const char  *campaign_id,
                               GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *key = g_strdup_printf ("run-lock:%s", campaign_id);
  g_autofree char *prefix = g_strdup_printf ("%d %s %%", (int)getpid (), g_get_host_name ());

  g_return_val_if_fail (SP_IS_RUN_STORE (self), FALSE);

  if (!(db = _sp_db_open (self->db_path, error)) ||
      !(stmt = _sp_db_prepare (db, "DELETE FROM settings WHERE key = ?1 AND value LIKE ?2", error)))
    return FALSE;
  _sp_db_bind_text (stmt, 1, key);
  _sp_db_bind_text (stmt, 2, prefix);
  return _sp_db_step_done (db, stmt, error);
}

/**
 * sp_run_store_find_last_run:
 *
 * Returns: (transfer full) (nullable): the id of the newest run of @stream
 *   for the campaign, open or done, or %NULL when there is none
 */
char *
sp_run_store_find_last_run (SpRunStore  *self,
                            const char  *campaign_id,
                            const char  *stream,
                            GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SP_IS_RUN_STORE (self), NULL);

  if (!(db = _sp_db_open (self->db_path, error)) ||
      !(stmt = _sp_db_prepare (db,
                               "SELECT id FROM runs WHERE campaign_id = ?1 AND stream = ?2 "
                               "ORDER BY started_at DESC, rowid DESC LIMIT 1", error)))
    return NULL;

  _sp_db_bind_text (stmt, 1, campaign_id);
  _sp_db_bind_text (stmt, 2, stream);
  if (step_row (db, stmt, error) == SQLITE_ROW)
    return dup_column (stmt, 0);
  return NULL;
}

static gboolean
write_step (sqlite3                *db,
            const char             *run_id,
            const SpRunStepRecord  *record,
            GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _sp_db_now_iso ();

  if (!(stmt = _sp_db_prepare (db,
                               "INSERT INTO run_steps (run_id, step, state, reason, idempotency_key, "
                               "  remote_ids, attempts, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                               "ON CONFLICT (run_id, step) DO UPDATE SET state = ?3, reason = ?4, "
                               "  idempotency_key = ?5, remote_ids = ?6, attempts = ?7, updated_at = ?8",
                               error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, run_id);
  _sp_db_bind_text (stmt, 2, record->step);
  _sp_db_bind_text (stmt, 3, record->state);
  _sp_db_bind_text (stmt, 4, record->reason ? record->reason : "");
  _sp_db_bind_text (stmt, 5, record->idempotency_key);
  _sp_db_bind_text (stmt, 6, record->remote_ids_json ? record->remote_ids_json : "[]");
  sqlite3_bind_int (stmt, 7, record->attempts);
  _sp_db_bind_text (stmt, 8, now);
  return _sp_db_step_done (db, stmt, error);
}

/**
 * sp_run_store_begin_run:
 * @records: (element-type SpRunStepRecord): the steps, all pending
 *
 * Returns: (transfer full): the id of the new run, or %NULL
 */
char *
sp_run_store_begin_run (SpRunStore  *self,
                        const char  *campaign_id,
                        const char  *stream,
                        GPtrArray   *records,
                        GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *run_id = g_uuid_string_random ();
  g_autofree char *now = _sp_db_now_iso ();

  g_return_val_if_fail (SP_IS_RUN_STORE (self), NULL);

  if (!(db = _sp_db_open (self->db_path, error)) ||
      !_sp_db_begin (db, error))
    return NULL;

  if (!(stmt = _sp_db_prepare (db,
                               "INSERT INTO runs (id, campaign_id, stream, state, started_at) "
                               "VALUES (?1, ?2, ?3, 'running', ?4)", error)))
    goto failed;
  _sp_db_bind_text (stmt, 1, run_id);
  _sp_db_bind_text (stmt, 2, campaign_id);
  _sp_db_bind_text (stmt, 3, stream);
  _sp_db_bind_text (stmt, 4, now);
  if (!_sp_db_step_done (db, stmt, error))
    goto failed;

  for (guint i = 0; i < records->len; i++)
    if (!write_step (db, run_id, g_ptr_array_index (records, i), error))
      goto failed;

  if (!_sp_db_commit (db, error))
    goto failed;

  return g_steal_pointer (&run_id);

failed:
  _sp_db_rollback (db);
  return NULL;
}

/**
 * sp_run_store_load_steps:
 *
 * Returns: (transfer full) (element-type SpRunStepRecord): the steps of the run
 */
GPtrArray *
sp_run_store_load_steps (SpRunStore  *self,
                         const char  *run_id,
                         GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_run_step_record_free);
  int rc;

  g_return_val_if_fail (SP_IS_RUN_STORE (self), NULL);

  if (!(db = _sp_db_open (self->db_path, error)) ||
      !(stmt = _sp_db_prepare (db,
                               "SELECT step, state, reason, idempotency_key, remote_ids, attempts "
                               "FROM run_steps WHERE run_id = ?1", error)))
    return NULL;

  _sp_db_bind_text (stmt, 1, run_id);
  while ((rc = step_row (db, stmt, error)) == SQLITE_ROW)
    {
      SpRunStepRecord *record = sp_run_step_record_new (_sp_db_column_text (stmt, 0),
                                                        _sp_db_column_text (stmt, 1),
                                                        _sp_db_column_text (stmt, 3));

      g_free (record->reason);
      record->reason = dup_column (stmt, 2);
      g_free (record->remote_ids_json);
      record->remote_ids_json = dup_column (stmt, 4);
      record->attempts = sqlite3_column_int (stmt, 5);
      g_ptr_array_add (records, record);
    }

  return rc != 0 ? g_steal_pointer (&records) : NULL;
}

gboolean
sp_run_store_save_step (SpRunStore             *self,
                        const char             *run_id,
                        const SpRunStepRecord  *record,
                        GError                **error)
{
  g_autoptr(sqlite3) db = NULL;

  g_return_val_if_fail (SP_IS_RUN_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  /* Step records are written before and after every request. In WAL mode,
   * synchronous=NORMAL keeps every committed record through a crash or a
   * kill of the process (only a power cut may lose the newest ones, and
   * repeating a request is harmless: every object has its own id), and it
   * spares an fsync per request. The setting is this connection's only. */
  if (!(db = _sp_db_open (self->db_path, error)) ||
      !_sp_db_exec (db, "PRAGMA synchronous = NORMAL", error) ||
      !_sp_db_begin (db, error))
    return FALSE;

  if (!write_step (db, run_id, record, error) ||
      !_sp_db_commit (db, error))
    {
      _sp_db_rollback (db);
      return FALSE;
    }

  return TRUE;
}

gboolean
sp_run_store_finish_run (SpRunStore  *self,
                         const char  *run_id,
                         const char  *state,
                         GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _sp_db_now_iso ();

  g_return_val_if_fail (SP_IS_RUN_STORE (self), FALSE);

  if (!(db = _sp_db_open (self->db_path, error)) ||
      !(stmt = _sp_db_prepare (db,
                               "UPDATE runs SET state = ?2, finished_at = ?3 WHERE id = ?1", error)) ||
      !_sp_db_begin (db, error))
    return FALSE;

  _sp_db_bind_text (stmt, 1, run_id);
  _sp_db_bind_text (stmt, 2, state);
  _sp_db_bind_text_or_null (stmt, 3, g_strcmp0 (state, "running") == 0 ? NULL : now);
  if (!_sp_db_step_done (db, stmt, error) ||
      !_sp_db_commit (db, error))
    {
      _sp_db_rollback (db);
      return FALSE;
    }

  return TRUE;
}

/* The campaign lifecycle: core's one table of legal moves. */
gboolean
sp_run_status_can_transition (const char *from_status,
                              const char *to_status)
{
  SpCampaignStatus from;
  SpCampaignStatus to;

  return sp_campaign_status_from_string (from_status, &from) &&
         sp_campaign_status_from_string (to_status, &to) &&
         sp_campaign_can_transition (from, to);
}

static char *
read_status (sqlite3     *db,
             const char  *campaign_id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _sp_db_prepare (db, "SELECT status FROM campaigns WHERE id = ?1", error)))
    return NULL;

  _sp_db_bind_text (stmt, 1, campaign_id);
  if ((rc = step_row (db, stmt, error)) == SQLITE_ROW)
    return dup_column (stmt, 0);
  if (rc == SQLITE_DONE)
    g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                 _("No campaign with id “%s”"), campaign_id);
  return NULL;
}

static char *
transition_payload (const char *from,
                    const char *to)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, from);
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, to);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

char *
sp_run_store_get_status (SpRunStore  *self,
                         const char  *campaign_id,
                         GError     **error)
{
  g_autoptr(sqlite3) db = NULL;

  g_return_val_if_fail (SP_IS_RUN_STORE (self), NULL);

  if (!(db = _sp_db_open (self->db_path, error)))
    return NULL;

  return read_status (db, campaign_id, error);
}

/**
 * sp_run_store_transition:
 * @from_status: (out) (optional): the status before
 *
 * Moves the campaign to @to_status when the lifecycle allows it, with an
 * outbox entry, in one transaction. Staying in @to_status is a no-op.
 */
gboolean
sp_run_store_transition (SpRunStore  *self,
                         const char  *campaign_id,
                         const char  *to_status,
                         char       **from_status,
                         GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *status = NULL;
  g_autofree char *now = _sp_db_now_iso ();
  g_autofree char *payload = NULL;

  g_return_val_if_fail (SP_IS_RUN_STORE (self), FALSE);

  if (!(db = _sp_db_open (self->db_path, error)) ||
      !_sp_db_begin (db, error))
    return FALSE;

  if (!(status = read_status (db, campaign_id, error)))
    goto failed;

  if (from_status != NULL)
    *from_status = g_strdup (status);

  if (g_strcmp0 (status, to_status) == 0)
    {
      _sp_db_rollback (db);
      return TRUE;
    }

  if (!sp_run_status_can_transition (status, to_status))
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CONSTRAINT,
                   _("campaigns.status: a campaign cannot go from “%s” to “%s”"), status, to_status);
      goto failed;
    }

  payload = transition_payload (status, to_status);
  if (!(stmt = _sp_db_prepare (db,
                               "UPDATE campaigns SET status = ?2, updated_at = ?3, version = version + 1 "
                               "WHERE id = ?1", error)))
    goto failed;
  _sp_db_bind_text (stmt, 1, campaign_id);
  _sp_db_bind_text (stmt, 2, to_status);
  _sp_db_bind_text (stmt, 3, now);
  if (!_sp_db_step_done (db, stmt, error) ||
      !_sp_db_append_outbox (db, "campaign", campaign_id, "status", payload, error) ||
      !_sp_db_commit (db, error))
    goto failed;

  return TRUE;

failed:
  _sp_db_rollback (db);
  return FALSE;
}

gboolean
sp_run_store_record_decision (SpRunStore  *self,
                              const char  *campaign_id,
                              const char  *decision,
                              const char  *comment,
                              const char  *actor,
                              GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *now = _sp_db_now_iso ();

  g_return_val_if_fail (SP_IS_RUN_STORE (self), FALSE);

  if (!(db = _sp_db_open (self->db_path, error)) ||
      !(stmt = _sp_db_prepare (db,
                               "INSERT INTO approvals (id, campaign_id, decision, comment, actor, decided_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)) ||
      !_sp_db_begin (db, error))
    return FALSE;

  _sp_db_bind_text (stmt, 1, id);
  _sp_db_bind_text (stmt, 2, campaign_id);
  _sp_db_bind_text (stmt, 3, decision);
  _sp_db_bind_text (stmt, 4, comment ? comment : "");
  _sp_db_bind_text (stmt, 5, actor ? actor : "");
  _sp_db_bind_text (stmt, 6, now);
  if (!_sp_db_step_done (db, stmt, error) ||
      !_sp_db_append_outbox (db, "approval", campaign_id, decision, "{}", error) ||
      !_sp_db_commit (db, error))
    {
      _sp_db_rollback (db);
      return FALSE;
    }

  return TRUE;
}

/* Returns: (transfer full): the value, "" when unset, or %NULL on error */
char *
sp_run_store_get_setting (SpRunStore  *self,
                          const char  *key,
                          GError     **error)
{
  g_autoptr(sqlite3) db = NULL;

  g_return_val_if_fail (SP_IS_RUN_STORE (self), NULL);

  if (!(db = _sp_db_open (self->db_path, error)))
    return NULL;

  return read_setting (db, key, error);
}

gboolean
sp_run_store_set_setting (SpRunStore  *self,
                          const char  *key,
                          const char  *value,
                          GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SP_IS_RUN_STORE (self), FALSE);

  if (!(db = _sp_db_open (self->db_path, error)) ||
      !(stmt = _sp_db_prepare (db,
                               "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                               "ON CONFLICT (key) DO UPDATE SET value = ?2", error)) ||
      !_sp_db_begin (db, error))
    return FALSE;

  _sp_db_bind_text (stmt, 1, key);
  _sp_db_bind_text (stmt, 2, value);
  if (!_sp_db_step_done (db, stmt, error) ||
      !_sp_db_commit (db, error))
    {
      _sp_db_rollback (db);
      return FALSE;
    }

  return TRUE;
}
