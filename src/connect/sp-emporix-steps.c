/* sp-emporix-steps.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The operations of each remote step, following MAPPING.md section by
 * section. Every object gets an id derived from the campaign id (coupon
 * codes: upper case), so repeating a step never creates anything twice.
 */

#define G_LOG_DOMAIN "sp-connect"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <math.h>
#include <string.h>

#include "sp-connect-error.h"
#include "sp-emporix-private.h"
#include "sp-json.h"

#define PRICE_MODEL_ID      "stockpromo-net-pc"
#define CUSTOM_TYPE         "STOCK_PROMOTION_CAMPAIGN"
#define MIXIN_NAME          "stockPromotionCampaign"
#define MIXIN_URL           "https://res.cloudinary.com/EXAMPLE/stockPromotionCampaign_v1.json"
#define BOOST_MIXIN_URL     "https://example.invalid/schemas/stockPromotion_v1.json"
#define MAX_BOOSTED         10
#define MAX_CONFLICT_RETRIES 3
#define PAGE_SIZE           200

/* ---- Small helpers --------------------------------------------------------- */

/* Lower case letters, digits and dashes: what custom ids may hold. */
static char *
id_part (const char *text)
{
  char *part = g_ascii_strdown (text ? text : "", -1);

  for (char *p = part; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      *p = '-';
  return part;
}

static char *
make_id (const char *campaign_id,
         const char *kind,
         const char *ref)
{
  g_autofree char *a = id_part (kind);
  g_autofree char *b = id_part (ref);

  return ref ? g_strdup_printf ("%s-%s-%s", campaign_id, a, b) : g_strdup_printf ("%s-%s", campaign_id, a);
}

static const char *
tenant (SpEmporixJob *job)
{
  return _sp_emporix_connector_get_tenant (_sp_emporix_job_get_connector (job));
}

static SpRunInput *
input_of (SpEmporixJob *job)
{
  return sp_step_run_get_input (_sp_emporix_job_get_step (job));
}

/* Money on the wire: Emporix takes decimal numbers. Minor units of a
 * two-decimal currency become the nearest double, which prints back as the
 * same decimal; no arithmetic is done on it. */
static void
add_money (JsonBuilder *builder,
           gint64       minor)
{
  if (minor % 100 == 0)
    json_builder_add_int_value (builder, minor / 100);
  else
    json_builder_add_double_value (builder, (double)minor / 100.0);
}

static void
add_localized (JsonBuilder *builder,
               const char  *member,
               const char  *text)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "en");
  json_builder_add_string_value (builder, text ? text : "");
  json_builder_end_object (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static char *
date_from (const char *date)
{
  return date && *date ? g_strdup_printf ("%sT00:00:00.000Z", date) : NULL;
}

static char *
date_to (const char *date)
{
  return date && *date ? g_strdup_printf ("%sT23:59:59.999Z", date) : NULL;
}

static char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.000Z");
}

static void
add_validity (JsonBuilder *builder,
              SpRunInput  *input,
              const char  *from_member,
              const char  *to_member)
{
  g_autofree char *from = date_from (input->start_date);
  g_autofree char *to = date_to (input->end_date);

  if (from != NULL)
    add_string (builder, from_member, from);
  if (to != NULL)
    add_string (builder, to_member, to);
}

static void
add_validity_object (JsonBuilder *builder,
                     SpRunInput  *input)
{
  if ((input->start_date == NULL || !*input->start_date) && (input->end_date == NULL || !*input->end_date))
    return;

  json_builder_set_member_name (builder, "validity");
  json_builder_begin_object (builder);
  add_validity (builder, input, "from", "to");
  json_builder_end_object (builder);
}

static JsonNode *
finish (JsonBuilder *builder)
{
  return json_builder_get_root (builder);
}

static SpEmporixOp *
push_op (SpEmporixJob    *job,
         SpEmporixOpKind  kind,
         const char      *method,
         const char      *path,
         JsonNode        *body,
         const char      *remote_id)
{
  SpEmporixOp *op = _sp_emporix_op_new (job, kind, method, path, body);

  op->remote_id = g_strdup (remote_id);
  _sp_emporix_job_push (job, op);
  return op;
}

static gboolean
unexpected (SpEmporixOp     *op,
            SpHttpResponse  *response,
            GError         **error)
{
  g_autofree char *message = sp_json_error_message (response->body);

  g_set_error (error, SP_CONNECT_ERROR,
               response->status == 409 ? SP_CONNECT_ERROR_CONFLICT : SP_CONNECT_ERROR_HTTP,
               _("%1$s %2$s: the server answered %3$u%4$s%5$s"),
               op->method, op->uri, response->status, message ? ": " : "", message ? message : "");
  return FALSE;
}

static gboolean
read_version (SpEmporixOp     *op,
              SpHttpResponse  *response,
              gint64          *version,
              GError         **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonObject *metadata;

  if (!(root = sp_json_parse_bytes (response->body, op->uri, error)) ||
      !sp_json_node_get_object (root, "$", &object, error) ||
      !sp_json_get_object (object, "$", "metadata", &metadata, error) ||
      !sp_json_get_int (metadata, "$.metadata", "version", version, error))
    return FALSE;

  return TRUE;
}

/* Pushes the items of @items (a JSON array node per item) in batches. */
typedef JsonNode *(*ItemFunc) (gconstpointer item, gpointer data);

static void
push_batches (SpEmporixJob *job,
              const char   *method,
              const char   *path,
              GPtrArray    *items,
              ItemFunc      item_func,
              gpointer      data,
              const char   *batch_prefix)
{
  guint batch_size = _sp_emporix_connector_get_batch_size (_sp_emporix_job_get_connector (job));

  for (guint start = 0; start < items->len; start += batch_size)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autofree char *remote_id = NULL;
      JsonNode *body = json_node_new (JSON_NODE_ARRAY);
      guint end = MIN (start + batch_size, items->len);

      for (guint i = start; i < end; i++)
        json_array_add_element (array, item_func (g_ptr_array_index (items, i), data));
      json_node_set_array (body, array);

      remote_id = g_strdup_printf ("%s[%u-%u]", batch_prefix, start, end - 1);
      push_op (job, SP_OP_BULK, method, path, body, remote_id);
    }
}

/* ---- 2. Segment coupons ------------------------------------------------------ */

static JsonNode *
segment_item (gconstpointer item,
              gpointer      data)
{
  const SpRunProduct *product = item;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "id", product->remote_id);
  json_builder_end_object (builder);
  return finish (builder);
}

static char *
segment_id (SpRunInput *input,
            const char *local_id)
{
  for (guint i = 0; i < input->segments->len; i++)
    {
      const SpRunSegment *segment = g_ptr_array_index (input->segments, i);

      if (g_strcmp0 (segment->id, local_id) == 0)
        return make_id (input->campaign_id, "seg", segment->code);
    }

  return NULL;
}

static JsonNode *
coupon_body (SpRunInput        *input,
             const SpRunCoupon *coupon,
             const char        *seg)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *name = g_strdup_printf ("%s – %s", input->name, coupon->code);
  g_autofree char *description = g_strdup_printf ("Stock Promotion campaign %s", input->campaign_id);

  json_builder_begin_object (builder);
  add_string (builder, "code", coupon->code);
  add_string (builder, "name", name);
  add_string (builder, "description", description);
  if (g_strcmp0 (coupon->discount_type, "amount") == 0)
    {
      add_string (builder, "discountType", "ABSOLUTE");
      json_builder_set_member_name (builder, "discountAbsolute");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "amount");
      add_money (builder, coupon->discount_value);
      add_string (builder, "currency", coupon->currency ? coupon->currency : input->currency);
      json_builder_end_object (builder);
    }
  else
    {
      add_string (builder, "discountType", "PERCENT");
      json_builder_set_member_name (builder, "discountPercentage");
      if (coupon->discount_value % 100 == 0)
        json_builder_add_int_value (builder, coupon->discount_value / 100);
      else
        json_builder_add_double_value (builder, (double)coupon->discount_value / 100.0);
    }
  json_builder_set_member_name (builder, "allowAnonymous");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "maxRedemptions");
  json_builder_add_int_value (builder, coupon->usage_limit > 0 ? coupon->usage_limit : -1);
  json_builder_set_member_name (builder, "maxRedemptionsPerCustomer");
  json_builder_add_int_value (builder, 1);
  add_string (builder, "discountCalculationType", "SUBTOTAL");
  json_builder_set_member_name (builder, "categoryRestricted");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "segmentRestricted");
  json_builder_add_boolean_value (builder, seg != NULL);
  json_builder_set_member_name (builder, "restrictions");
  json_builder_begin_object (builder);
  add_validity (builder, input, "validFrom", "validUntil");
  if (seg != NULL)
    {
      json_builder_set_member_name (builder, "segments");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, seg);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return finish (builder);
}

typedef struct
{
  const SpRunCoupon *coupon;   /* borrowed from the input, or @owned */
  SpRunCoupon       *owned;    /* nullable */
  char              *segment;  /* remote segment id, nullable */
} CouponData;

static void
coupon_data_free (gpointer data)
{
  CouponData *coupon = data;

  if (coupon->owned != NULL)
    {
      g_free (coupon->owned->code);
      g_free (coupon->owned->discount_type);
      g_free (coupon->owned->currency);
      g_free (coupon->owned);
    }
  g_free (coupon->segment);
  g_free (coupon);
}

/* Read before create: GET the coupon; 404 means create it. */
static gboolean
coupon_read_cb (SpEmporixJob    *job,
                SpEmporixOp     *op,
                SpHttpResponse  *response,
                GError         **error)
{
  const CouponData *data = op->data;
  const SpRunCoupon *coupon = data->coupon;
  g_autofree char *path = NULL;
  SpEmporixOp *create;

  if (response->status == 200)
    {
      sp_step_run_add_remote_id (_sp_emporix_job_get_step (job), coupon->code);
      return TRUE;
    }
  if (response->status != 404)
    return unexpected (op, response, error);

  path = g_strdup_printf ("/coupon/%s/coupons", tenant (job));
  create = _sp_emporix_op_new (job, SP_OP_CREATE, "POST", path,
                               coupon_body (input_of (job), coupon, data->segment));
  create->remote_id = g_strdup (coupon->code);
  create->verify_uri = g_strdup (op->uri);
  _sp_emporix_job_push_front (job, create);
  return TRUE;
}

static void
push_coupon (SpEmporixJob *job,
             CouponData   *data)
{
  g_autofree char *escaped = g_uri_escape_string (data->coupon->code, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/coupon/%s/coupons/%s", tenant (job), escaped);
  SpEmporixOp *op = push_op (job, SP_OP_READ, "GET", path, NULL, NULL);

  op->skip_id = g_strdup (data->coupon->code);
  op->handler = coupon_read_cb;
  op->data = data;
  op->data_free = coupon_data_free;
}

static JsonNode *
segment_body (SpRunInput *input,
              const char *name)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *description = g_strdup_printf ("Stock Promotion campaign %s", input->campaign_id);
  const char *site = ((SpRunSite *)g_ptr_array_index (input->sites, 0))->code;

  json_builder_begin_object (builder);
  add_localized (builder, "name", name);
  add_localized (builder, "description", description);
  add_validity_object (builder, input);
  add_string (builder, "status", "ACTIVE");
  add_string (builder, "siteCode", site);
  json_builder_end_object (builder);
  return finish (builder);
}

static void
build_coupons (SpEmporixJob *job)
{
  SpRunInput *input = input_of (job);
  const char *site = ((SpRunSite *)g_ptr_array_index (input->sites, 0))->code;

  for (guint i = 0; i < input->segments->len; i++)
    {
      const SpRunSegment *segment = g_ptr_array_index (input->segments, i);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *seg = make_id (input->campaign_id, "seg", segment->code);
      g_autofree char *path = g_strdup_printf ("/customer-segment/%s/segments/%s", tenant (job), seg);
      g_autofree char *items = g_strdup_printf ("%s/items/PRODUCT/bulk", path);
      g_autofree char *description = g_strdup_printf ("Stock Promotion campaign %s", input->campaign_id);
      g_autofree char *name = g_strdup_printf ("%s – %s", input->name, segment->name);
      SpEmporixOp *op;

      json_builder_begin_object (builder);
      add_localized (builder, "name", name);
      add_localized (builder, "description", description);
      add_validity_object (builder, input);
      add_string (builder, "status", "ACTIVE");
      add_string (builder, "siteCode", site);
      json_builder_end_object (builder);

      op = push_op (job, SP_OP_WRITE, "PUT", path, finish (builder), seg);
      op->content_language = g_strdup ("en");
      push_batches (job, "PUT", items, input->products, segment_item, NULL, items);
    }

  for (guint i = 0; i < input->coupons->len; i++)
    {
      CouponData *data = g_new0 (CouponData, 1);

      data->coupon = g_ptr_array_index (input->coupons, i);   /* the input outlives the job */
      data->segment = data->coupon->segment_id ? segment_id (input, data->coupon->segment_id) : NULL;
      push_coupon (job, data);
    }
}

/* ---- 3. Campaign price list, 4. company prices ------------------------------ */

static JsonNode *
price_item (gconstpointer item,
            gpointer      data)
{
  const SpRunProduct *product = item;
  const char *list_id = data;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *product_part = id_part (product->remote_id);
  g_autofree char *id = g_strdup_printf ("%s-%s", list_id, product_part);

  json_builder_begin_object (builder);
  add_string (builder, "id", id);
  json_builder_set_member_name (builder, "itemId");
  json_builder_begin_object (builder);
  add_string (builder, "itemType", "PRODUCT");
  add_string (builder, "id", product->remote_id);
  json_builder_end_object (builder);
  add_string (builder, "priceModelId", PRICE_MODEL_ID);
  json_builder_set_member_name (builder, "tierValues");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "priceValue");
  add_money (builder, product->new_price);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return finish (builder);
}

static JsonNode *
price_list_body (SpRunInput *input,
                 const char *name,
                 const char *site,
                 const char *currency,
                 const char *legal_entity,
                 const char *valid_to)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_localized (builder, "name", name);
  add_string (builder, "currency", currency ? currency : input->currency);
  add_string (builder, "siteCode", site);
  if (legal_entity != NULL)
    add_string (builder, "legalEntityId", legal_entity);
  if (valid_to != NULL)
    {
      g_autofree char *from = date_from (input->start_date);

      json_builder_set_member_name (builder, "validity");
      json_builder_begin_object (builder);
      if (from != NULL)
        add_string (builder, "from", from);
      add_string (builder, "to", valid_to);
      json_builder_end_object (builder);
    }
  else
    add_validity_object (builder, input);
  json_builder_end_object (builder);
  return finish (builder);
}

static void
push_price_model (SpEmporixJob *job)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *path = g_strdup_printf ("/price/%s/priceModels/%s", tenant (job), PRICE_MODEL_ID);
  SpEmporixOp *op;

  json_builder_begin_object (builder);
  add_localized (builder, "name", "Stock Promotion – net price per piece");
  json_builder_set_member_name (builder, "includesTax");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "tierDefinition");
  json_builder_begin_object (builder);
  add_string (builder, "tierType", "BASIC");
  json_builder_set_member_name (builder, "tiers");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "minQuantity");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "quantity");
  json_builder_add_int_value (builder, 0);
  add_string (builder, "unitCode", "pc");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "measurementUnit");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "quantity");
  json_builder_add_int_value (builder, 1);
  add_string (builder, "unitCode", "pc");
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  op = push_op (job, SP_OP_WRITE, "PUT", path, finish (builder), "price-model:" PRICE_MODEL_ID);
  op->content_language = g_strdup ("*");
}

/* On a repeated attempt the prices already on the list are read page by
 * page first, and only the missing ones are posted. */
typedef struct
{
  char       *list_id;
  GPtrArray  *products;   /* borrowed from the input */
  GHashTable *existing;   /* price ids */
  guint       page;
} PricePaging;

static void
price_paging_free (gpointer data)
{
  PricePaging *paging = data;

  g_free (paging->list_id);
  g_clear_pointer (&paging->existing, g_hash_table_unref);
  g_free (paging);
}

static void push_price_page (SpEmporixJob *job, PricePaging *paging, gboolean front);

static void
push_missing_prices (SpEmporixJob *job,
                     PricePaging  *paging)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autofree char *path = g_strdup_printf ("/price/%s/price-lists/%s/prices/bulk", tenant (job), paging->list_id);
  GQueue later = G_QUEUE_INIT;
  SpEmporixOp *op;

  for (guint i = 0; i < paging->products->len; i++)
    {
      SpRunProduct *product = g_ptr_array_index (paging->products, i);
      g_autofree char *part = id_part (product->remote_id);
      g_autofree char *id = g_strdup_printf ("%s-%s", paging->list_id, part);

      if (paging->existing == NULL || !g_hash_table_contains (paging->existing, id))
        g_ptr_array_add (missing, product);
    }

  /* Batches go to the front of the queue, in order. */
  while ((op = g_queue_pop_tail (_sp_emporix_job_get_queue (job))) != NULL)
    g_queue_push_head (&later, op);
  push_batches (job, "POST", path, missing, price_item, paging->list_id, path);
  while ((op = g_queue_pop_head (&later)) != NULL)
    g_queue_push_tail (_sp_emporix_job_get_queue (job), op);
}

static gboolean
price_page_cb (SpEmporixJob    *job,
               SpEmporixOp     *op,
               SpHttpResponse  *response,
               GError         **error)
{
  PricePaging *paging = op->data;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *items;
  guint n;

  if (response->status == 404)
    {
      push_missing_prices (job, paging);
      return TRUE;
    }
  if (response->status != 200)
    return unexpected (op, response, error);

  if (!(root = sp_json_parse_bytes (response->body, op->uri, error)) ||
      !sp_json_node_get_array (root, "$", &items, error))
    return FALSE;

  n = json_array_get_length (items);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("$[%u]", i);
      JsonObject *item;
      const char *id;

      if (!sp_json_node_get_object (json_array_get_element (items, i), path, &item, error) ||
          !sp_json_get_string (item, path, "id", &id, error))
        return FALSE;
      g_hash_table_add (paging->existing, g_strdup (id));
    }

  if (n >= PAGE_SIZE)
    {
      /* The next page; the paging state moves to that op. */
      PricePaging *next = g_new0 (PricePaging, 1);

      next->list_id = g_strdup (paging->list_id);
      next->products = paging->products;
      next->existing = g_hash_table_ref (paging->existing);
      next->page = paging->page + 1;
      push_price_page (job, next, TRUE);
    }
  else
    push_missing_prices (job, paging);

  return TRUE;
}

static void
push_price_page (SpEmporixJob *job,
                 PricePaging  *paging,
                 gboolean      front)
{
  g_autofree char *path = g_strdup_printf ("/price/%s/price-lists/%s/prices?pageNumber=%u&pageSize=%u",
                                           tenant (job), paging->list_id, paging->page, PAGE_SIZE);
  SpEmporixOp *op = _sp_emporix_op_new (job, SP_OP_READ, "GET", path, NULL);

  op->total_count = TRUE;
  op->handler = price_page_cb;
  op->data = paging;
  op->data_free = price_paging_free;
  if (front)
    _sp_emporix_job_push_front (job, op);
  else
    _sp_emporix_job_push (job, op);
}

static void
push_price_list (SpEmporixJob *job,
                 const char   *list_id,
                 const char   *name,
                 const char   *site,
                 const char   *currency,
                 const char   *legal_entity,
                 GPtrArray    *products)
{
  SpRunInput *input = input_of (job);
  g_autofree char *path = g_strdup_printf ("/price/%s/price-lists/%s", tenant (job), list_id);
  SpEmporixOp *op;

  op = push_op (job, SP_OP_WRITE, "PUT", path,
                price_list_body (input, name, site, currency, legal_entity, NULL), list_id);
  op->content_language = g_strdup ("*");

  if (sp_step_run_get_attempts (_sp_emporix_job_get_step (job)) > 1)
    {
      PricePaging *paging = g_new0 (PricePaging, 1);

      paging->list_id = g_strdup (list_id);
      paging->products = products;
      paging->existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      paging->page = 1;
      push_price_page (job, paging, FALSE);
    }
  else
    {
      g_autofree char *bulk = g_strdup_printf ("%s/prices/bulk", path);

      push_batches (job, "POST", bulk, products, price_item, (gpointer)list_id, bulk);
    }
}

static char *
site_list_id (SpRunInput           *input,
              const SpRunPriceList *list)
{
  g_autofree char *site_part = id_part (list->site_code);
  g_autofree char *currency = id_part (list->currency);

  return g_strdup_printf ("%s-%s-%s", input->campaign_id, site_part, currency);
}

static void
build_price_list (SpEmporixJob *job)
{
  SpRunInput *input = input_of (job);

  push_price_model (job);
  for (guint i = 0; i < input->price_lists->len; i++)
    {
      SpRunPriceList *list = g_ptr_array_index (input->price_lists, i);
      g_autofree char *list_id = site_list_id (input, list);
      g_autofree char *name = g_strdup_printf ("%s (%s, %s)", input->name, list->site_code, list->currency);

      push_price_list (job, list_id, name, list->site_code, list->currency, NULL, list->prices);
    }
}

/* ---- 5. Draft quotes ------------------------------------------------------- */

/* A quote needs the platform's ids of its company: the legal entity (04c),
 * a customer assigned to it (04d) and one of its locations (billing and
 * shipping address). A local company maps onto the legal entity whose id
 * is its code, or else whose name is its name; a company the platform does
 * not know gets no quote (the step says so) rather than invented ids. The
 * item prices come from match-prices (05c) for that legal entity. */

#define LEGAL_ENTITY_PAGE_SIZE 100

typedef struct
{
  char   *price_id;
  char   *list_id;
  gint64  unit_price;        /* minor units */
} QuoteItemPrice;

typedef struct
{
  char           *quote_id;
  char           *list_id;
  SpRunQuote     *quote;          /* borrowed from the input */
  char           *company_name;   /* nullable */
  char           *entity_id;      /* resolved legal entity, or NULL */
  char           *customer_id;
  char           *location_id;
  QuoteItemPrice *prices;         /* one per line */
} QuoteData;

typedef struct
{
  char *id;
  char *name;
  char *legal_name;
  char *location_id;   /* first of entitiesAddresses, nullable */
} LegalEntity;

typedef struct _QuoteLookup QuoteLookup;

struct _QuoteLookup
{
  guint      page;
  GPtrArray *entities;   /* (element-type LegalEntity) */
  GPtrArray *codes;      /* (element-type utf8): the company codes looked for */
  GPtrArray *quotes;     /* (element-type QuoteData), nullable */
  GPtrArray *companies;  /* (element-type CompanyCoupon), nullable */
  void     (*resolved) (SpEmporixJob *job,
                        QuoteLookup  *lookup);
};

typedef struct
{
  QuoteLookup *lookup;   /* a reference */
  QuoteData   *data;     /* borrowed from @lookup */
  guint        line;
} QuoteOpData;

static void
quote_data_free (gpointer data)
{
  QuoteData *quote = data;

  for (guint i = 0; quote->prices != NULL && i < quote->quote->lines->len; i++)
    {
      g_free (quote->prices[i].price_id);
      g_free (quote->prices[i].list_id);
    }
  g_free (quote->prices);
  g_free (quote->quote_id);
  g_free (quote->list_id);
  g_free (quote->company_name);
  g_free (quote->entity_id);
  g_free (quote->customer_id);
  g_free (quote->location_id);
  g_free (quote);
}

static void
legal_entity_free (gpointer data)
{
  LegalEntity *entity = data;

  g_free (entity->id);
  g_free (entity->name);
  g_free (entity->legal_name);
  g_free (entity->location_id);
  g_free (entity);
}

static void
quote_lookup_clear (gpointer data)
{
  QuoteLookup *lookup = data;

  g_clear_pointer (&lookup->entities, g_ptr_array_unref);
  g_clear_pointer (&lookup->codes, g_ptr_array_unref);
  g_clear_pointer (&lookup->quotes, g_ptr_array_unref);
  g_clear_pointer (&lookup->companies, g_ptr_array_unref);
}

static void
quote_lookup_release (gpointer data)
{
  g_rc_box_release_full (data, quote_lookup_clear);
}

static void
quote_op_data_free (gpointer data)
{
  QuoteOpData *op_data = data;

  quote_lookup_release (op_data->lookup);
  g_free (op_data);
}

static SpEmporixOp *
push_quote_op (SpEmporixJob       *job,
               const char         *method,
               const char         *path,
               JsonNode           *body,
               SpEmporixOpHandler  handler,
               QuoteLookup        *lookup,
               QuoteData          *data,
               guint               line)
{
  SpEmporixOp *op = push_op (job, SP_OP_READ, method, path, body, NULL);
  QuoteOpData *op_data = g_new0 (QuoteOpData, 1);

  op_data->lookup = g_rc_box_acquire (lookup);
  op_data->data = data;
  op_data->line = line;
  op->handler = handler;
  op->data = op_data;
  op->data_free = quote_op_data_free;
  return op;
}

static JsonNode *
quote_body (SpRunInput *input,
            QuoteData  *data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *valid_to = date_to (input->end_date);
  const char *site = ((SpRunSite *)g_ptr_array_index (input->sites, 0))->code;

  json_builder_begin_object (builder);
  add_string (builder, "id", data->quote_id);
  add_string (builder, "customerId", data->customer_id);
  add_string (builder, "siteCode", site);
  add_string (builder, "currency", input->currency);
  add_string (builder, "billingAddressId", data->location_id);
  add_string (builder, "shippingAddressId", data->location_id);
  if (valid_to != NULL)
    add_string (builder, "validTo", valid_to);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < data->quote->lines->len; i++)
    {
      const SpRunQuoteLine *line = g_ptr_array_index (data->quote->lines, i);
      const QuoteItemPrice *price = &data->prices[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "quantity");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "quantity");
      json_builder_add_int_value (builder, line->quantity);
      add_string (builder, "unitCode", "pc");
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "product");
      json_builder_begin_object (builder);
      add_string (builder, "type", "INTERNAL");
      add_string (builder, "productId", line->product_remote_id);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "price");
      json_builder_begin_object (builder);
      add_string (builder, "type", "INTERNAL");
      add_string (builder, "priceId", price->price_id);
      add_string (builder, "priceListId", price->list_id);
      json_builder_set_member_name (builder, "unitPrice");
      add_money (builder, price->unit_price);
      json_builder_set_member_name (builder, "totalNetValue");
      add_money (builder, price->unit_price * line->quantity);
      json_builder_set_member_name (builder, "tax");
      json_builder_begin_object (builder);
      add_string (builder, "taxClass", "STANDARD");
      json_builder_set_member_name (builder, "taxRate");
      json_builder_add_int_value (builder, 19);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return finish (builder);
}

/* A quote's prices come from the company's own list when it has one,
 * else from the first campaign list; match-prices may say otherwise. */
static char *
quote_list_id (SpRunInput *input,
               const char *company_code)
{
  for (guint i = 0; i < input->companies->len; i++)
    {
      const SpRunCompany *company = g_ptr_array_index (input->companies, i);

      if (g_strcmp0 (company->code, company_code) == 0)
        return make_id (input->campaign_id, "le", company_code);
    }

  if (input->price_lists->len > 0)
    return site_list_id (input, g_ptr_array_index (input->price_lists, 0));

  return make_id (input->campaign_id, "le", company_code);
}

static gboolean
quote_read_cb (SpEmporixJob    *job,
               SpEmporixOp     *op,
               SpHttpResponse  *response,
               GError         **error)
{
  QuoteData *data = ((QuoteOpData *)op->data)->data;
  g_autofree char *path = NULL;
  SpEmporixOp *create;

  if (response->status == 200)
    {
      sp_step_run_add_remote_id (_sp_emporix_job_get_step (job), data->quote_id);
      return TRUE;
    }
  if (response->status != 404)
    return unexpected (op, response, error);

  /* Quotes start as CREATING, the platform's closest thing to a draft. */
  path = g_strdup_printf ("/quote/%s/quotes", tenant (job));
  create = _sp_emporix_op_new (job, SP_OP_CREATE, "POST", path, quote_body (input_of (job), data));
  create->remote_id = g_strdup (data->quote_id);
  create->verify_uri = g_strdup (op->uri);
  _sp_emporix_job_push_front (job, create);
  return TRUE;
}

static JsonNode *
match_prices_body (SpRunInput           *input,
                   const QuoteData      *data,
                   const SpRunQuoteLine *line)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const SpRunSite *site = g_ptr_array_index (input->sites, 0);

  json_builder_begin_object (builder);
  add_string (builder, "targetCurrency", input->currency);
  add_string (builder, "siteCode", site->code);
  json_builder_set_member_name (builder, "targetLocation");
  json_builder_begin_object (builder);
  add_string (builder, "countryCode", site->code);
  json_builder_end_object (builder);
  add_string (builder, "legalEntityId", data->entity_id);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "itemId");
  json_builder_begin_object (builder);
  add_string (builder, "itemType", "PRODUCT");
  add_string (builder, "id", line->product_remote_id);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "quantity");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "quantity");
  json_builder_add_int_value (builder, line->quantity);
  add_string (builder, "unitCode", "pc");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return finish (builder);
}

/* Decimal major units on the wire back to minor units. */
static gboolean
read_money (JsonObject  *object,
            const char  *path,
            const char  *member,
            gint64      *minor,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type = node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node)
                                                            : G_TYPE_INVALID;

  if (type == G_TYPE_INT64)
    *minor = json_node_get_int (node) * 100;
  else if (type == G_TYPE_DOUBLE)
    *minor = (gint64)llround (json_node_get_double (node) * 100.0);
  else
    {
      g_set_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_BAD_RESPONSE,
                   _("%s.%s: expected a number"), path, member);
      return FALSE;
    }
  return TRUE;
}

static gboolean
match_prices_cb (SpEmporixJob    *job,
                 SpEmporixOp     *op,
                 SpHttpResponse  *response,
                 GError         **error)
{
  QuoteOpData *op_data = op->data;
  QuoteItemPrice *price = &op_data->data->prices[op_data->line];
  g_autoptr(JsonNode) root = NULL;
  JsonObject *match;
  const char *price_id, *list_id;
  gint64 value;

  /* No match (or a dry run): the price this campaign published. */
  if (response->status == 404)
    return TRUE;
  if (response->status != 200)
    return unexpected (op, response, error);

  if (!(root = sp_json_parse_bytes (response->body, op->uri, error)))
    return FALSE;
  /* One item asked, one matchResponse; the sandbox answers an array for
   * several, so take its first element if that is what comes. */
  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      if (json_array_get_length (array) == 0)
        return TRUE;
      if (!sp_json_node_get_object (json_array_get_element (array, 0), "$[0]", &match, error))
        return FALSE;
    }
  else if (!sp_json_node_get_object (root, "$", &match, error))
    return FALSE;

  if (!sp_json_get_string (match, "$", "priceId", &price_id, error) ||
      !read_money (match, "$", "effectiveValue", &value, error))
    return FALSE;
  list_id = sp_json_lookup_string (match, "priceListId");

  g_free (price->price_id);
  price->price_id = g_strdup (price_id);
  if (list_id != NULL)
    {
      g_free (price->list_id);
      price->list_id = g_strdup (list_id);
    }
  price->unit_price = value;
  return TRUE;
}

static void
push_quote (SpEmporixJob *job,
            QuoteLookup  *lookup,
            QuoteData    *data)
{
  g_autofree char *match_path = g_strdup_printf ("/price/%s/match-prices", tenant (job));
  g_autofree char *quote_path = g_strdup_printf ("/quote/%s/quotes/%s", tenant (job),
                                                 data->quote_id);
  SpEmporixOp *op;

  for (guint i = 0; i < data->quote->lines->len; i++)
    push_quote_op (job, "POST", match_path,
                   match_prices_body (input_of (job), data,
                                      g_ptr_array_index (data->quote->lines, i)),
                   match_prices_cb, lookup, data, i);

  op = push_quote_op (job, "GET", quote_path, NULL, quote_read_cb, lookup, data, 0);
  op->skip_id = g_strdup (data->quote_id);
}

static void
skip_quote (SpEmporixJob *job,
            QuoteData    *data,
            const char   *why)
{
  g_autofree char *note = g_strdup_printf (_("quote %s not created: %s"), data->quote_id, why);

  g_debug ("%s", note);
  sp_step_run_add_note (_sp_emporix_job_get_step (job), note);
}

static gboolean
contacts_cb (SpEmporixJob    *job,
             SpEmporixOp     *op,
             SpHttpResponse  *response,
             GError         **error)
{
  QuoteOpData *op_data = op->data;
  QuoteLookup *lookup = op_data->lookup;
  const char *entity_id = op_data->data->entity_id;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *customer_id = NULL;
  JsonArray *array = NULL;

  if (response->status == 404 && _sp_emporix_job_is_dry_run (job))
    customer_id = g_strdup (op_data->data->quote->company_code);
  else if (response->status != 200)
    return unexpected (op, response, error);
  else if (!(root = sp_json_parse_bytes (response->body, op->uri, error)) ||
           !sp_json_node_get_array (root, "$", &array, error))
    return FALSE;

  /* The primary contact, else the first one. */
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("$[%u]", i);
      JsonObject *assignment, *customer;
      const char *id;
      JsonNode *primary;

      if (!sp_json_node_get_object (json_array_get_element (array, i), path, &assignment, error) ||
          !sp_json_get_object (assignment, path, "customer", &customer, error))
        return FALSE;
      if ((id = sp_json_lookup_string (customer, "id")) == NULL)
        continue;
      primary = json_object_get_member (assignment, "primary");
      if (customer_id == NULL ||
          (primary != NULL && JSON_NODE_HOLDS_VALUE (primary) &&
           json_node_get_value_type (primary) == G_TYPE_BOOLEAN && json_node_get_boolean (primary)))
        {
          g_free (customer_id);
          customer_id = g_strdup (id);
        }
    }

  for (guint i = 0; i < lookup->quotes->len; i++)
    {
      QuoteData *data = g_ptr_array_index (lookup->quotes, i);

      if (g_strcmp0 (data->entity_id, entity_id) != 0 || data->customer_id != NULL)
        continue;
      if (customer_id == NULL)
        {
          g_autofree char *why = g_strdup_printf (_("the legal entity %s has no contacts"),
                                                  entity_id);
          skip_quote (job, data, why);
          continue;
        }
      data->customer_id = g_strdup (customer_id);
      push_quote (job, lookup, data);
    }

  return TRUE;
}

static const LegalEntity *
find_entity (GPtrArray  *entities,
             const char *code,
             const char *name)
{
  for (guint i = 0; i < entities->len; i++)
    {
      const LegalEntity *entity = g_ptr_array_index (entities, i);

      if (code != NULL && g_ascii_strcasecmp (entity->id, code) == 0)
        return entity;
    }

  for (guint i = 0; name != NULL && i < entities->len; i++)
    {
      const LegalEntity *entity = g_ptr_array_index (entities, i);

      if (g_strcmp0 (entity->name, name) == 0 || g_strcmp0 (entity->legal_name, name) == 0)
        return entity;
    }

  return NULL;
}

static void
resolve_quotes (SpEmporixJob *job,
                QuoteLookup  *lookup)
{
  g_autoptr(GHashTable) asked = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < lookup->quotes->len; i++)
    {
      QuoteData *data = g_ptr_array_index (lookup->quotes, i);
      const LegalEntity *entity = find_entity (lookup->entities, data->quote->company_code,
                                               data->company_name);
      g_autofree char *path = NULL;
      g_autofree char *escaped = NULL;

      if (entity == NULL)
        {
          g_autofree char *why = g_strdup_printf (_("the company %s is not a legal entity on the "
                                                    "platform"), data->quote->company_code);
          skip_quote (job, data, why);
          continue;
        }
      if (entity->location_id == NULL)
        {
          g_autofree char *why = g_strdup_printf (_("the legal entity %s has no location"),
                                                  entity->id);
          skip_quote (job, data, why);
          continue;
        }

      data->entity_id = g_strdup (entity->id);
      data->location_id = g_strdup (entity->location_id);
      if (g_hash_table_contains (asked, entity->id))
        continue;
      g_hash_table_add (asked, entity->id);

      escaped = g_uri_escape_string (entity->id, NULL, FALSE);
      path = g_strdup_printf ("/customer-management/%s/contact-assignments?legalEntity.id=%s",
                              tenant (job), escaped);
      push_quote_op (job, "GET", path, NULL, contacts_cb, lookup, data, 0);
    }
}

static void push_entity_page (SpEmporixJob *job, QuoteLookup *lookup);

static gboolean
entity_page_cb (SpEmporixJob    *job,
                SpEmporixOp     *op,
                SpHttpResponse  *response,
                GError         **error)
{
  QuoteLookup *lookup = ((QuoteOpData *)op->data)->lookup;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  const char *total_text;
  guint length;

  if (response->status == 404 && _sp_emporix_job_is_dry_run (job))
    {
      /* A dry run knows no platform: each company stands for itself. */
      for (guint i = 0; i < lookup->codes->len; i++)
        {
          LegalEntity *entity = g_new0 (LegalEntity, 1);

          entity->id = g_strdup (g_ptr_array_index (lookup->codes, i));
          entity->location_id = g_strdup (entity->id);
          g_ptr_array_add (lookup->entities, entity);
        }
      lookup->resolved (job, lookup);
      return TRUE;
    }
  if (response->status != 200)
    return unexpected (op, response, error);
  if (!(root = sp_json_parse_bytes (response->body, op->uri, error)) ||
      !sp_json_node_get_array (root, "$", &array, error))
    return FALSE;

  length = json_array_get_length (array);
  for (guint i = 0; i < length; i++)
    {
      g_autofree char *path = g_strdup_printf ("$[%u]", i);
      LegalEntity *entity;
      JsonObject *object, *legal_info;
      const char *id;
      JsonNode *addresses;

      if (!sp_json_node_get_object (json_array_get_element (array, i), path, &object, error) ||
          !sp_json_get_string (object, path, "id", &id, error))
        return FALSE;

      entity = g_new0 (LegalEntity, 1);
      entity->id = g_strdup (id);
      entity->name = g_strdup (sp_json_lookup_string (object, "name"));
      legal_info = json_object_get_member (object, "legalInfo") != NULL &&
                   JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "legalInfo"))
                   ? json_object_get_object_member (object, "legalInfo") : NULL;
      if (legal_info != NULL)
        entity->legal_name = g_strdup (sp_json_lookup_string (legal_info, "legalName"));
      addresses = json_object_get_member (object, "entitiesAddresses");
      if (addresses != NULL && JSON_NODE_HOLDS_ARRAY (addresses) &&
          json_array_get_length (json_node_get_array (addresses)) > 0)
        {
          JsonNode *first = json_array_get_element (json_node_get_array (addresses), 0);

          if (JSON_NODE_HOLDS_OBJECT (first))
            entity->location_id = g_strdup (sp_json_lookup_string (json_node_get_object (first),
                                                                   "id"));
        }
      g_ptr_array_add (lookup->entities, entity);
    }

  /* A full page means there may be more, unless the total says otherwise. */
  total_text = response->headers != NULL
               ? soup_message_headers_get_one (response->headers, "X-Total-Count") : NULL;
  if (length == LEGAL_ENTITY_PAGE_SIZE &&
      (total_text == NULL ||
       g_ascii_strtoull (total_text, NULL, 10) > (guint64)lookup->page * LEGAL_ENTITY_PAGE_SIZE))
    {
      lookup->page++;
      push_entity_page (job, lookup);
      return TRUE;
    }

  lookup->resolved (job, lookup);
  return TRUE;
}

static void
push_entity_page (SpEmporixJob *job,
                  QuoteLookup  *lookup)
{
  g_autofree char *path = g_strdup_printf ("/customer-management/%s/legal-entities"
                                           "?pageNumber=%u&pageSize=%u", tenant (job),
                                           lookup->page, LEGAL_ENTITY_PAGE_SIZE);
  SpEmporixOp *op = push_quote_op (job, "GET", path, NULL, entity_page_cb, lookup, NULL, 0);

  op->total_count = TRUE;
}

static const char *
company_name (SpRunInput *input,
              const char *code)
{
  for (guint i = 0; i < input->companies->len; i++)
    {
      const SpRunCompany *company = g_ptr_array_index (input->companies, i);

      if (g_strcmp0 (company->code, code) == 0)
        return company->name;
    }
  return NULL;
}

static void
build_quotes (SpEmporixJob *job)
{
  SpRunInput *input = input_of (job);
  SpStepRun *step = _sp_emporix_job_get_step (job);
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  QuoteLookup *lookup = g_rc_box_new0 (QuoteLookup);
  gboolean all_done = TRUE;

  lookup->page = 1;
  lookup->entities = g_ptr_array_new_with_free_func (legal_entity_free);
  lookup->codes = g_ptr_array_new ();
  lookup->quotes = g_ptr_array_new_with_free_func (quote_data_free);
  lookup->resolved = resolve_quotes;

  for (guint i = 0; i < input->quotes->len; i++)
    {
      SpRunQuote *quote = g_ptr_array_index (input->quotes, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, quote->company_code)) + 1;
      g_autofree char *number = g_strdup_printf ("%s-%u", quote->company_code, n);
      QuoteData *data = g_new0 (QuoteData, 1);

      g_hash_table_insert (numbers, quote->company_code, GUINT_TO_POINTER (n));
      data->quote_id = make_id (input->campaign_id, "q", number);
      data->list_id = quote_list_id (input, quote->company_code);
      data->quote = quote;
      data->company_name = g_strdup (company_name (input, quote->company_code));
      data->prices = g_new0 (QuoteItemPrice, quote->lines->len);
      for (guint j = 0; j < quote->lines->len; j++)
        {
          const SpRunQuoteLine *line = g_ptr_array_index (quote->lines, j);
          g_autofree char *part = id_part (line->product_remote_id);

          data->prices[j].price_id = g_strdup_printf ("%s-%s", data->list_id, part);
          data->prices[j].list_id = g_strdup (data->list_id);
          data->prices[j].unit_price = line->unit_price;
        }
      if (!sp_step_run_has_remote_id (step, data->quote_id))
        all_done = FALSE;
      g_ptr_array_add (lookup->quotes, data);
      g_ptr_array_add (lookup->codes, quote->company_code);
    }

  /* A resumed step whose quotes all exist looks nothing up again. */
  if (!all_done)
    push_entity_page (job, lookup);
  quote_lookup_release (lookup);
}

/* ---- 4b. Company coupons --------------------------------------------------- */

/* Coupons cannot name a legal entity (§4): a company's coupon is restricted
 * to a segment whose members are the company's contacts, added as B2B
 * assignments with the legal entity id. The coupon gives the campaign's
 * default discount; a campaign without one gets no company coupons. A
 * company the platform does not know, or one without contacts, gets none
 * either, and the step says so. */

typedef struct
{
  const SpRunCompany *company;    /* borrowed from the input */
  char               *list_id;    /* the company's price list */
  char               *segment;    /* remote segment id */
  char               *code;       /* coupon code, or NULL: no company coupons */
  char               *entity_id;
} CompanyCoupon;

static void
company_coupon_free (gpointer data)
{
  CompanyCoupon *coupon = data;

  g_free (coupon->list_id);
  g_free (coupon->segment);
  g_free (coupon->code);
  g_free (coupon->entity_id);
  g_free (coupon);
}

static void
skip_company_coupon (SpEmporixJob        *job,
                     const CompanyCoupon *coupon,
                     const char          *why)
{
  g_autofree char *note = g_strdup_printf (_("coupon %s not created: %s"), coupon->code, why);

  g_debug ("%s", note);
  sp_step_run_add_note (_sp_emporix_job_get_step (job), note);
}

static JsonNode *
member_item (gconstpointer item,
             gpointer      data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "customerId", item);
  add_string (builder, "legalEntityId", data);
  json_builder_end_object (builder);
  return finish (builder);
}

static gboolean
company_contacts_cb (SpEmporixJob    *job,
                     SpEmporixOp     *op,
                     SpHttpResponse  *response,
                     GError         **error)
{
  QuoteOpData *op_data = op->data;
  CompanyCoupon *coupon;
  SpRunInput *input = input_of (job);
  g_autoptr(GPtrArray) customers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = NULL;
  g_autofree char *members = NULL;
  g_autofree char *name = NULL;
  JsonArray *array = NULL;
  CouponData *data;
  SpEmporixOp *segment;

  coupon = g_ptr_array_index (op_data->lookup->companies, op_data->line);

  if (response->status == 404 && _sp_emporix_job_is_dry_run (job))
    g_ptr_array_add (customers, g_strdup (coupon->company->code));
  else if (response->status != 200)
    return unexpected (op, response, error);
  else if (!(root = sp_json_parse_bytes (response->body, op->uri, error)) ||
           !sp_json_node_get_array (root, "$", &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("$[%u]", i);
      JsonObject *assignment, *customer;
      const char *id;

      if (!sp_json_node_get_object (json_array_get_element (array, i), item_path, &assignment,
                                    error) ||
          !sp_json_get_object (assignment, item_path, "customer", &customer, error))
        return FALSE;
      if ((id = sp_json_lookup_string (customer, "id")) != NULL)
        g_ptr_array_add (customers, g_strdup (id));
    }

  if (customers->len == 0)
    {
      g_autofree char *why = g_strdup_printf (_("the legal entity %s has no contacts"),
                                              coupon->entity_id);
      skip_company_coupon (job, coupon, why);
      return TRUE;
    }

  path = g_strdup_printf ("/customer-segment/%s/segments/%s", tenant (job), coupon->segment);
  members = g_strdup_printf ("%s/customers/bulk", path);
  name = g_strdup_printf ("%s – %s", input->name, coupon->company->name);
  segment = push_op (job, SP_OP_WRITE, "PUT", path, segment_body (input, name), coupon->segment);
  segment->content_language = g_strdup ("en");
  push_batches (job, "PUT", members, customers, member_item, coupon->entity_id, members);

  data = g_new0 (CouponData, 1);
  data->owned = g_new0 (SpRunCoupon, 1);
  data->owned->code = g_strdup (coupon->code);
  data->owned->discount_type = g_strdup ("percent");
  data->owned->discount_value = input->default_discount_bp;
  data->owned->currency = g_strdup (input->currency);
  data->coupon = data->owned;
  data->segment = g_strdup (coupon->segment);
  push_coupon (job, data);
  return TRUE;
}

static void
resolve_companies (SpEmporixJob *job,
                   QuoteLookup  *lookup)
{
  for (guint i = 0; i < lookup->companies->len; i++)
    {
      CompanyCoupon *coupon = g_ptr_array_index (lookup->companies, i);
      const LegalEntity *entity = find_entity (lookup->entities, coupon->company->code,
                                               coupon->company->name);
      g_autofree char *escaped = NULL;
      g_autofree char *path = NULL;

      if (entity == NULL)
        {
          g_autofree char *why = g_strdup_printf (_("the company %s is not a legal entity on the "
                                                    "platform"), coupon->company->code);
          g_autofree char *note = g_strdup_printf (_("price list %s not published: %s"),
                                                   coupon->list_id, why);

          sp_step_run_add_note (_sp_emporix_job_get_step (job), note);
          if (coupon->code != NULL)
            skip_company_coupon (job, coupon, why);
          continue;
        }

      /* 04: the company's prices, for its legal entity and subsidiaries. */
      {
        SpRunInput *input = input_of (job);
        const char *site = ((SpRunSite *)g_ptr_array_index (input->sites, 0))->code;
        g_autofree char *name = g_strdup_printf ("%s – %s", input->name, coupon->company->name);

        push_price_list (job, coupon->list_id, name, site, NULL, entity->id, coupon->company->prices);
      }
      if (coupon->code == NULL)
        continue;

      coupon->entity_id = g_strdup (entity->id);
      escaped = g_uri_escape_string (entity->id, NULL, FALSE);
      path = g_strdup_printf ("/customer-management/%s/contact-assignments?legalEntity.id=%s",
                              tenant (job), escaped);
      push_quote_op (job, "GET", path, NULL, company_contacts_cb, lookup, NULL, i);
    }
}

/* 04: the company-specific price lists name the company's legal entity,
 * so the step looks the companies up first (a company the platform does
 * not know gets no list, and the step says so), then adds the company
 * coupons (04b) when the campaign has a default discount. Repeating the
 * step repeats the lookups (reads only); what was confirmed is not sent. */
static void
build_company_step (SpEmporixJob *job)
{
  SpRunInput *input = input_of (job);
  g_autofree char *campaign_part = NULL;
  QuoteLookup *lookup;

  if (input->companies->len == 0)
    return;

  /* Coupon codes: upper case, unique per campaign and company. */
  campaign_part = g_ascii_strup (input->campaign_id, 8);
  lookup = g_rc_box_new0 (QuoteLookup);
  lookup->page = 1;
  lookup->entities = g_ptr_array_new_with_free_func (legal_entity_free);
  lookup->codes = g_ptr_array_new ();
  lookup->companies = g_ptr_array_new_with_free_func (company_coupon_free);
  lookup->resolved = resolve_companies;

  for (guint i = 0; i < input->companies->len; i++)
    {
      const SpRunCompany *company = g_ptr_array_index (input->companies, i);
      CompanyCoupon *coupon = g_new0 (CompanyCoupon, 1);

      coupon->company = company;
      coupon->list_id = make_id (input->campaign_id, "le", company->code);
      if (input->default_discount_bp > 0)
        {
          g_autofree char *code_part = g_ascii_strup (company->code, -1);

          coupon->segment = make_id (input->campaign_id, "seg-le", company->code);
          coupon->code = g_strdup_printf ("SPC-%s-%s", campaign_part, code_part);
        }
      g_ptr_array_add (lookup->companies, coupon);
      g_ptr_array_add (lookup->codes, company->code);
    }

  push_entity_page (job, lookup);
  quote_lookup_release (lookup);
}

/* ---- 6. Boosts: clearance category, product attributes ---------------------- */

static JsonNode *
assignment_item (gconstpointer item,
                 gpointer      data)
{
  const SpRunProduct *product = item;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ref");
  json_builder_begin_object (builder);
  add_string (builder, "id", product->remote_id);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return finish (builder);
}

typedef struct
{
  char   *product_id;
  gint64  boost;
} BoostData;

static void
boost_data_free (gpointer data)
{
  BoostData *boost = data;

  g_free (boost->product_id);
  g_free (boost);
}

static void push_product_read (SpEmporixJob *job, BoostData *data, guint conflicts, gboolean front);

static gboolean
product_patch_cb (SpEmporixJob    *job,
                  SpEmporixOp     *op,
                  SpHttpResponse  *response,
                  GError         **error)
{
  BoostData *data = op->data;

  if (response->status == 200 || response->status == 201 || response->status == 204)
    return TRUE;

  /* Someone changed the product since it was read: read it again and
   * re-apply the same change, a few times, then give up and say so. */
  if (response->status == 409 && op->conflicts < MAX_CONFLICT_RETRIES)
    {
      BoostData *again = g_new0 (BoostData, 1);

      again->product_id = g_strdup (data->product_id);
      again->boost = data->boost;
      push_product_read (job, again, op->conflicts + 1, TRUE);
      return TRUE;
    }

  return unexpected (op, response, error);
}

static gboolean
product_read_cb (SpEmporixJob    *job,
                 SpEmporixOp     *op,
                 SpHttpResponse  *response,
                 GError         **error)
{
  BoostData *data = op->data;
  SpRunInput *input = input_of (job);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *path = NULL;
  g_autofree char *remote_id = NULL;
  gint64 version = 1;
  SpEmporixOp *patch;

  if (response->status == 404 && !_sp_emporix_job_is_dry_run (job))
    {
      /* Not in the platform's catalog: nothing to boost there. */
      g_debug ("Product %s is not on the platform; not boosted", data->product_id);
      return TRUE;
    }
  if (response->status != 200 && !_sp_emporix_job_is_dry_run (job))
    return unexpected (op, response, error);
  if (response->status == 200 && !read_version (op, response, &version, error))
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "mixins");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "stockPromotion");
  json_builder_begin_object (builder);
  add_string (builder, "campaignId", input->campaign_id);
  json_builder_set_member_name (builder, "searchBoost");
  json_builder_add_int_value (builder, data->boost);
  json_builder_set_member_name (builder, "featured");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "metadata");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, version);
  json_builder_set_member_name (builder, "mixins");
  json_builder_begin_object (builder);
  add_string (builder, "stockPromotion", BOOST_MIXIN_URL);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  path = g_strdup_printf ("/product/%s/products/%s", tenant (job), data->product_id);
  remote_id = g_strdup_printf ("boost:%s", data->product_id);
  patch = _sp_emporix_op_new (job, SP_OP_WRITE, "PATCH", path, finish (builder));
  patch->remote_id = g_steal_pointer (&remote_id);
  patch->handler = product_patch_cb;
  patch->conflicts = op->conflicts;
  patch->data = g_new0 (BoostData, 1);
  ((BoostData *)patch->data)->product_id = g_strdup (data->product_id);
  ((BoostData *)patch->data)->boost = data->boost;
  patch->data_free = boost_data_free;
  _sp_emporix_job_push_front (job, patch);
  return TRUE;
}

static void
push_product_read (SpEmporixJob *job,
                   BoostData    *data,
                   guint         conflicts,
                   gboolean      front)
{
  g_autofree char *path = g_strdup_printf ("/product/%s/products/%s", tenant (job), data->product_id);
  SpEmporixOp *op = _sp_emporix_op_new (job, SP_OP_READ, "GET", path, NULL);

  op->skip_id = g_strdup_printf ("boost:%s", data->product_id);
  op->handler = product_read_cb;
  op->data = data;
  op->data_free = boost_data_free;
  op->conflicts = conflicts;
  if (front)
    _sp_emporix_job_push_front (job, op);
  else
    _sp_emporix_job_push (job, op);
}

static int
compare_stock (gconstpointer a,
               gconstpointer b)
{
  const SpRunProduct *pa = *(SpRunProduct * const *)a;
  const SpRunProduct *pb = *(SpRunProduct * const *)b;

  if (pa->stock != pb->stock)
    return pa->stock > pb->stock ? -1 : 1;
  return g_strcmp0 (pa->sku, pb->sku);
}

static void
build_boosts (SpEmporixJob *job)
{
  SpRunInput *input = input_of (job);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) by_stock = g_ptr_array_sized_new (input->products->len);
  g_autofree char *category = make_id (input->campaign_id, "cat", NULL);
  g_autofree char *path = g_strdup_printf ("/category/%s/categories/%s?publish=true", tenant (job), category);
  g_autofree char *bulk = g_strdup_printf ("/category/%s/categories/%s/assignments/references/bulk",
                                           tenant (job), category);
  g_autofree char *slug = id_part (input->name);
  SpEmporixOp *op;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "localizedName");
  json_builder_begin_object (builder);
  /* The campaign's clearance category name; the default one keeps its
   * German name, a name of the user's own is used for every language. */
  if (input->boost_category == NULL || g_str_equal (input->boost_category, "Clearance"))
    {
      add_string (builder, "en", "Clearance");
      add_string (builder, "de", "Abverkauf");
    }
  else
    {
      add_string (builder, "en", input->boost_category);
      add_string (builder, "de", input->boost_category);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "localizedSlug");
  json_builder_begin_object (builder);
  add_string (builder, "en", slug);
  json_builder_end_object (builder);
  add_validity_object (builder, input);
  json_builder_set_member_name (builder, "position");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "published");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);

  op = push_op (job, SP_OP_WRITE, "PUT", path, finish (builder), category);
  op->content_language = g_strdup ("*");
  push_batches (job, "PUT", bulk, input->products, assignment_item, NULL, bulk);

  /* The products with the most stock get the strongest search boost: the
   * top three the campaign's boost weight (1–10, default 3), the rest one
   * less, at least 1. */
  g_ptr_array_extend (by_stock, input->products, NULL, NULL);
  g_ptr_array_sort (by_stock, compare_stock);
  for (guint i = 0; i < by_stock->len && i < MAX_BOOSTED; i++)
    {
      const SpRunProduct *product = g_ptr_array_index (by_stock, i);
      BoostData *data = g_new0 (BoostData, 1);

      data->product_id = g_strdup (product->remote_id);
      data->boost = i < 3 ? input->boost_weight : MAX (input->boost_weight - 1, 1);
      push_product_read (job, data, 0, FALSE);
    }
}

/* ---- 7. Imagery, 8. banners on the content platform ------------------------- */

/* A 1×1 transparent PNG: the placeholder image of a banner without one of
 * its own (a banner's image_path is read by the connector before the step
 * is built, see _sp_emporix_job_get_file()). */
static const guint8 placeholder_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
  0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
  0x42, 0x60, 0x82,
};

static char *
banner_id (SpRunInput        *input,
           const SpRunBanner *banner)
{
  return make_id (input->campaign_id, "banner", banner->id);
}

static char *
image_url (SpEmporixJob      *job,
           const SpRunBanner *banner)
{
  SpEmporixConnector *connector = _sp_emporix_job_get_connector (job);
  SpRunInput *input = input_of (job);
  g_autofree char *id = banner_id (input, banner);

  if (_sp_emporix_connector_get_content (connector) != NULL)
    return sp_content_connector_image_uri (_sp_emporix_connector_get_content (connector), id);

  return g_strdup_printf ("https://cdn.example.invalid/campaigns/%s/%s.png", input->campaign_id, id);
}

typedef struct
{
  char       *asset_id;
  char       *url;
  const char *path;      /* the banner's local image, borrowed, nullable */
} AssetData;

static void
asset_data_free (gpointer data)
{
  AssetData *asset = data;

  g_free (asset->asset_id);
  g_free (asset->url);
  g_free (asset);
}

static gboolean
asset_read_cb (SpEmporixJob    *job,
               SpEmporixOp     *op,
               SpHttpResponse  *response,
               GError         **error)
{
  AssetData *data = op->data;
  SpRunInput *input = input_of (job);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *category = make_id (input->campaign_id, "cat", NULL);
  g_autofree char *path = NULL;
  SpEmporixOp *create;

  if (response->status == 200)
    {
      sp_step_run_add_remote_id (_sp_emporix_job_get_step (job), data->asset_id);
      return TRUE;
    }
  if (response->status != 404)
    return unexpected (op, response, error);

  json_builder_begin_object (builder);
  add_string (builder, "id", data->asset_id);
  add_string (builder, "type", data->path != NULL ? "BLOB" : "LINK");
  add_string (builder, "access", "PUBLIC");
  if (data->path == NULL)
    add_string (builder, "url", data->url);
  json_builder_set_member_name (builder, "refIds");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "id", category);
  add_string (builder, "type", "CATEGORY");
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  if (data->path != NULL)
    {
      g_autofree char *filename = g_path_get_basename (data->path);
      const char *mime = NULL;

      _sp_emporix_job_get_file (job, data->path, &mime);
      json_builder_set_member_name (builder, "details");
      json_builder_begin_object (builder);
      add_string (builder, "filename", filename);
      add_string (builder, "mimeType", mime ? mime : "application/octet-stream");
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  path = g_strdup_printf ("/media/%s/assets", tenant (job));
  if (data->path != NULL)
    {
      /* 07b: the file itself as a multipart BLOB, the JSON in a body part. */
      g_autoptr(JsonNode) body = finish (builder);
      g_autofree char *json = json_to_string (body, FALSE);
      g_autofree char *filename = g_path_get_basename (data->path);
      g_autoptr(SoupMultipart) multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
      g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
      g_autoptr(GBytes) json_bytes = g_bytes_new (json, strlen (json));
      GBytes *contents;
      const char *mime = NULL;
      GBytes *multipart_body = NULL;

      if ((contents = _sp_emporix_job_get_file (job, data->path, &mime)) == NULL)
        {
          g_set_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_CONFIG,
                       _("The banner image “%s” was not read"), data->path);
          return FALSE;
        }
      soup_multipart_append_form_file (multipart, "file", filename, mime, contents);
      soup_multipart_append_form_file (multipart, "body", NULL, "application/json", json_bytes);
      soup_multipart_to_message (multipart, headers, &multipart_body);

      create = _sp_emporix_op_new (job, SP_OP_CREATE, "POST", path, NULL);
      create->raw_body = multipart_body;
      create->content_type = g_strdup (soup_message_headers_get_one (headers, "Content-Type"));
    }
  else
    create = _sp_emporix_op_new (job, SP_OP_CREATE, "POST", path, finish (builder));
  create->remote_id = g_strdup (data->asset_id);
  create->verify_uri = g_strdup (op->uri);
  _sp_emporix_job_push_front (job, create);
  return TRUE;
}

static void
build_imagery (SpEmporixJob *job)
{
  SpRunInput *input = input_of (job);

  for (guint i = 0; i < input->banners->len; i++)
    {
      const SpRunBanner *banner = g_ptr_array_index (input->banners, i);
      g_autofree char *id = banner_id (input, banner);
      g_autofree char *asset_part = id_part (banner->id);
      AssetData *data = g_new0 (AssetData, 1);
      g_autofree char *path = NULL;
      SpEmporixOp *op;

      data->asset_id = make_id (input->campaign_id, "img", asset_part);
      data->url = image_url (job, banner);
      if (banner->image_path != NULL && banner->image_path[0] != '\0')
        data->path = banner->image_path;   /* the input outlives the job */

      path = g_strdup_printf ("/media/%s/assets/%s", tenant (job), data->asset_id);
      op = push_op (job, SP_OP_READ, "GET", path, NULL, NULL);
      op->skip_id = g_strdup (data->asset_id);
      op->handler = asset_read_cb;
      op->data = data;
      op->data_free = asset_data_free;
    }
}

static gboolean
build_banners (SpEmporixJob  *job,
               GError       **error)
{
  SpContentConnector *content = _sp_emporix_connector_get_content (_sp_emporix_job_get_connector (job));
  SpRunInput *input = input_of (job);
  const char *token;

  if (content == NULL)
    {
      g_set_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_CONFIG,
                   _("No content platform is configured for banners"));
      return FALSE;
    }

  token = sp_content_connector_get_token (content);
  for (guint i = 0; i < input->banners->len; i++)
    {
      const SpRunBanner *banner = g_ptr_array_index (input->banners, i);
      g_autofree char *id = banner_id (input, banner);
      g_autofree char *uri = sp_content_connector_banner_uri (content, id);
      g_autofree char *image = sp_content_connector_image_uri (content, id);
      g_autofree char *image_id = g_strdup_printf ("image:%s", id);
      SpEmporixOp *op;

      op = push_op (job, SP_OP_WRITE, "PUT", uri, sp_content_connector_banner_body (content, input, banner, id), id);
      op->bearer = g_strdup (token ? token : "");

      /* The banner's image goes to the content platform too; the media
       * asset of the imagery step links to it. */
      op = push_op (job, SP_OP_WRITE, "PUT", image, NULL, image_id);
      if (banner->image_path != NULL && banner->image_path[0] != '\0')
        {
          const char *mime = NULL;
          GBytes *contents = _sp_emporix_job_get_file (job, banner->image_path, &mime);

          if (contents == NULL)
            {
              g_set_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_CONFIG,
                           _("The banner image “%s” was not read"), banner->image_path);
              return FALSE;
            }
          op->raw_body = g_bytes_ref (contents);
          op->content_type = g_strdup (mime);
        }
      else
        {
          op->raw_body = g_bytes_new_static (placeholder_png, sizeof placeholder_png);
          op->content_type = g_strdup ("image/png");
        }
      op->bearer = g_strdup (token ? token : "");
    }

  return TRUE;
}

/* ---- 9. The campaign record, marked live or ended -------------------------- */

typedef struct
{
  const char *status;   /* ACTIVE | ENDED, static */
} InstanceData;

static JsonNode *
instance_body (SpRunInput *input,
               const char *status,
               gboolean    with_id,
               gint64      version)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *site = ((SpRunSite *)g_ptr_array_index (input->sites, 0))->code;

  json_builder_begin_object (builder);
  if (with_id)
    add_string (builder, "id", input->campaign_id);
  add_localized (builder, "name", input->name);
  json_builder_set_member_name (builder, "mixins");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, MIXIN_NAME);
  json_builder_begin_object (builder);
  add_string (builder, "status", status);
  add_string (builder, "siteCode", site);
  add_validity (builder, input, "validFrom", "validTo");
  add_string (builder, "document", "{\"schemaVersion\":1}");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "metadata");
  json_builder_begin_object (builder);
  if (version > 0)
    {
      json_builder_set_member_name (builder, "version");
      json_builder_add_int_value (builder, version);
    }
  json_builder_set_member_name (builder, "mixins");
  json_builder_begin_object (builder);
  add_string (builder, MIXIN_NAME, MIXIN_URL);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return finish (builder);
}

static void push_instance_read (SpEmporixJob *job, const char *status, guint conflicts);
static gboolean instance_create_cb (SpEmporixJob *job, SpEmporixOp *op, SpHttpResponse *response,
                                    GError **error);

static char *
instance_path (SpEmporixJob *job)
{
  return g_strdup_printf ("/schema/%s/custom-entities/%s/instances/%s", tenant (job), CUSTOM_TYPE,
                          input_of (job)->campaign_id);
}

static gboolean
instance_put_cb (SpEmporixJob    *job,
                 SpEmporixOp     *op,
                 SpHttpResponse  *response,
                 GError         **error)
{
  InstanceData *data = op->data;

  if (response->status == 200 || response->status == 201 || response->status == 204)
    return TRUE;

  /* A stale version: read the record again and re-apply the status. */
  if (response->status == 409 && op->conflicts < MAX_CONFLICT_RETRIES)
    {
      push_instance_read (job, data->status, op->conflicts + 1);
      return TRUE;
    }

  return unexpected (op, response, error);
}

static gboolean
instance_read_cb (SpEmporixJob    *job,
                  SpEmporixOp     *op,
                  SpHttpResponse  *response,
                  GError         **error)
{
  InstanceData *data = op->data;
  g_autofree char *path = instance_path (job);
  gint64 version = 1;
  SpEmporixOp *put;

  if (response->status == 200 && !read_version (op, response, &version, error))
    return FALSE;
  if (response->status == 404 && !_sp_emporix_job_is_dry_run (job) &&
      g_str_equal (data->status, "ACTIVE") && op->conflicts < MAX_CONFLICT_RETRIES)
    {
      /* The 409 that sent us here was not about this record: create it. */
      g_autofree char *create_path = g_strdup_printf ("/schema/%s/custom-entities/%s/instances",
                                                      tenant (job), CUSTOM_TYPE);
      SpEmporixOp *create = _sp_emporix_op_new (job, SP_OP_CREATE, "POST", create_path,
                                                instance_body (input_of (job), data->status, TRUE, 0));

      create->handler = instance_create_cb;
      create->conflicts = op->conflicts + 1;
      create->data = g_new0 (InstanceData, 1);
      ((InstanceData *)create->data)->status = data->status;
      create->data_free = g_free;
      create->remote_id = g_strdup_printf ("%s:%s", input_of (job)->campaign_id, data->status);
      _sp_emporix_job_push_front (job, create);
      return TRUE;
    }
  if (response->status != 200 && !_sp_emporix_job_is_dry_run (job))
    return unexpected (op, response, error);

  put = _sp_emporix_op_new (job, SP_OP_WRITE, "PUT", path,
                            instance_body (input_of (job), data->status, FALSE, version));
  put->handler = instance_put_cb;
  put->conflicts = op->conflicts;
  put->data = g_new0 (InstanceData, 1);
  ((InstanceData *)put->data)->status = data->status;
  put->data_free = g_free;
  put->remote_id = g_strdup_printf ("%s:%s", input_of (job)->campaign_id, data->status);
  _sp_emporix_job_push_front (job, put);
  return TRUE;
}

static void
push_instance_read (SpEmporixJob *job,
                    const char   *status,
                    guint         conflicts)
{
  g_autofree char *path = instance_path (job);
  SpEmporixOp *op = _sp_emporix_op_new (job, SP_OP_READ, "GET", path, NULL);

  op->handler = instance_read_cb;
  op->conflicts = conflicts;
  op->data = g_new0 (InstanceData, 1);
  ((InstanceData *)op->data)->status = status;
  op->data_free = g_free;
  _sp_emporix_job_push_front (job, op);
}

/* Create-only first; an existing record (409) is read and updated. */
static gboolean
instance_create_cb (SpEmporixJob    *job,
                    SpEmporixOp     *op,
                    SpHttpResponse  *response,
                    GError         **error)
{
  InstanceData *data = op->data;

  if (response->status == 200 || response->status == 201)
    return TRUE;
  if (response->status == 409)
    {
      /* Not confirmed by the create: the update confirms it. */
      g_clear_pointer (&op->remote_id, g_free);
      push_instance_read (job, data->status, op->conflicts);
      return TRUE;
    }

  return unexpected (op, response, error);
}

static void
push_type_and_schema (SpEmporixJob *job)
{
  g_autoptr(JsonBuilder) type = json_builder_new ();
  g_autoptr(JsonBuilder) schema = json_builder_new ();
  g_autofree char *type_path = g_strdup_printf ("/schema/%s/custom-entities/%s", tenant (job), CUSTOM_TYPE);
  g_autofree char *schema_path = g_strdup_printf ("/schema/%s/schemas", tenant (job));
  static const char * const attributes[][2] = {
    { "siteCode", "TEXT" }, { "validFrom", "DATE_TIME" }, { "validTo", "DATE_TIME" }, { "document", "TEXT" },
  };
  static const char * const statuses[] = { "DRAFT", "SCHEDULED", "ACTIVE", "ENDED" };

  json_builder_begin_object (type);
  add_localized (type, "name", "Stock Promotion campaign");
  json_builder_end_object (type);
  push_op (job, SP_OP_WRITE, "PUT", type_path, finish (type), "type:" CUSTOM_TYPE);

  json_builder_begin_object (schema);
  add_string (schema, "id", MIXIN_NAME);
  add_localized (schema, "name", "Stock Promotion campaign");
  json_builder_set_member_name (schema, "types");
  json_builder_begin_array (schema);
  json_builder_add_string_value (schema, "CUSTOM_ENTITY");
  json_builder_end_array (schema);
  json_builder_set_member_name (schema, "attributes");
  json_builder_begin_array (schema);
  json_builder_begin_object (schema);
  add_string (schema, "key", "status");
  add_localized (schema, "name", "Status");
  add_string (schema, "type", "ENUM");
  json_builder_set_member_name (schema, "metadata");
  json_builder_begin_object (schema);
  json_builder_set_member_name (schema, "required");
  json_builder_add_boolean_value (schema, TRUE);
  json_builder_end_object (schema);
  json_builder_set_member_name (schema, "values");
  json_builder_begin_array (schema);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      json_builder_begin_object (schema);
      add_string (schema, "value", statuses[i]);
      json_builder_end_object (schema);
    }
  json_builder_end_array (schema);
  json_builder_end_object (schema);
  for (guint i = 0; i < G_N_ELEMENTS (attributes); i++)
    {
      json_builder_begin_object (schema);
      add_string (schema, "key", attributes[i][0]);
      add_localized (schema, "name", attributes[i][0]);
      add_string (schema, "type", attributes[i][1]);
      json_builder_set_member_name (schema, "metadata");
      json_builder_begin_object (schema);
      json_builder_end_object (schema);
      json_builder_end_object (schema);
    }
  json_builder_end_array (schema);
  json_builder_end_object (schema);
  {
    SpEmporixOp *op = push_op (job, SP_OP_CREATE, "POST", schema_path, finish (schema), "schema:" MIXIN_NAME);

    op->verify_uri = g_strdup_printf ("%s/schema/%s/schemas/%s",
                                      _sp_emporix_connector_get_base_url (_sp_emporix_job_get_connector (job)),
                                      tenant (job), MIXIN_NAME);
  }
}

static void
build_go_live (SpEmporixJob *job,
               const char   *status)
{
  SpRunInput *input = input_of (job);
  g_autofree char *path = g_strdup_printf ("/schema/%s/custom-entities/%s/instances", tenant (job), CUSTOM_TYPE);
  g_autofree char *done_id = g_strdup_printf ("%s:%s", input->campaign_id, status);
  SpEmporixOp *op;

  if (g_str_equal (status, "ACTIVE"))
    push_type_and_schema (job);

  if (g_str_equal (status, "ACTIVE"))
    {
      op = push_op (job, SP_OP_CREATE, "POST", path, instance_body (input, status, TRUE, 0), NULL);
      op->handler = instance_create_cb;
    }
  else
    {
      g_autofree char *get_path = instance_path (job);

      op = push_op (job, SP_OP_READ, "GET", get_path, NULL, NULL);
      op->handler = instance_read_cb;
    }
  op->skip_id = g_strdup (done_id);
  op->data = g_new0 (InstanceData, 1);
  ((InstanceData *)op->data)->status = g_str_equal (status, "ACTIVE") ? "ACTIVE" : "ENDED";
  op->data_free = g_free;
  if (g_str_equal (status, "ACTIVE"))
    op->remote_id = g_strdup (done_id);
}

/* ---- Ending: price lists and coupons end by date --------------------------- */

typedef struct
{
  char *list_id;
  char *name;
  char *site;
  char *currency;
  char *legal_entity;
  char *valid_to;
} EndListData;

static void
end_list_data_free (gpointer data)
{
  EndListData *end = data;

  g_free (end->list_id);
  g_free (end->name);
  g_free (end->site);
  g_free (end->currency);
  g_free (end->legal_entity);
  g_free (end->valid_to);
  g_free (end);
}

static void push_end_list_read (SpEmporixJob *job, EndListData *data, guint conflicts);

static EndListData *
copy_end_list (const EndListData *data)
{
  EndListData *copy = g_new0 (EndListData, 1);

  copy->list_id = g_strdup (data->list_id);
  copy->name = g_strdup (data->name);
  copy->site = g_strdup (data->site);
  copy->currency = g_strdup (data->currency);
  copy->legal_entity = g_strdup (data->legal_entity);
  copy->valid_to = g_strdup (data->valid_to);
  return copy;
}

static gboolean
end_list_put_cb (SpEmporixJob    *job,
                 SpEmporixOp     *op,
                 SpHttpResponse  *response,
                 GError         **error)
{
  if (response->status == 200 || response->status == 201 || response->status == 204)
    return TRUE;

  /* The price service answers a stale version with 404 (MAPPING.md §1.4). */
  if ((response->status == 404 || response->status == 409) && op->conflicts < MAX_CONFLICT_RETRIES)
    {
      push_end_list_read (job, copy_end_list (op->data), op->conflicts + 1);
      return TRUE;
    }

  return unexpected (op, response, error);
}

static gboolean
end_list_read_cb (SpEmporixJob    *job,
                  SpEmporixOp     *op,
                  SpHttpResponse  *response,
                  GError         **error)
{
  EndListData *data = op->data;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = g_strdup_printf ("/price/%s/price-lists/%s", tenant (job), data->list_id);
  gint64 version = 1;
  SpEmporixOp *put;

  if (response->status == 404 && !_sp_emporix_job_is_dry_run (job))
    return TRUE;   /* never published: nothing to end */
  if (response->status == 200 && !read_version (op, response, &version, error))
    return FALSE;
  if (response->status != 200 && !_sp_emporix_job_is_dry_run (job))
    return unexpected (op, response, error);

  body = price_list_body (input_of (job), data->name, data->site, data->currency, data->legal_entity,
                          data->valid_to);
  json_object_set_object_member (json_node_get_object (body), "metadata", json_object_new ());
  json_object_set_int_member (json_object_get_object_member (json_node_get_object (body), "metadata"),
                              "version", version);

  put = _sp_emporix_op_new (job, SP_OP_WRITE, "PUT", path, g_steal_pointer (&body));
  put->content_language = g_strdup ("*");
  put->handler = end_list_put_cb;
  put->conflicts = op->conflicts;
  put->data = copy_end_list (data);
  put->data_free = end_list_data_free;
  put->remote_id = g_strdup_printf ("ended:%s", data->list_id);
  _sp_emporix_job_push_front (job, put);
  return TRUE;
}

static void
push_end_list_read (SpEmporixJob *job,
                    EndListData  *data,
                    guint         conflicts)
{
  g_autofree char *path = g_strdup_printf ("/price/%s/price-lists/%s", tenant (job), data->list_id);
  SpEmporixOp *op = _sp_emporix_op_new (job, SP_OP_READ, "GET", path, NULL);

  op->skip_id = g_strdup_printf ("ended:%s", data->list_id);
  op->handler = end_list_read_cb;
  op->conflicts = conflicts;
  op->data = data;
  op->data_free = end_list_data_free;
  if (conflicts > 0)
    _sp_emporix_job_push_front (job, op);
  else
    _sp_emporix_job_push (job, op);
}

static void
build_end_price_lists (SpEmporixJob *job)
{
  SpRunInput *input = input_of (job);
  g_autofree char *now = now_iso ();

  for (guint i = 0; i < input->price_lists->len; i++)
    {
      const SpRunPriceList *list = g_ptr_array_index (input->price_lists, i);
      EndListData *data = g_new0 (EndListData, 1);

      data->list_id = site_list_id (input, list);
      data->name = g_strdup_printf ("%s (%s, %s)", input->name, list->site_code, list->currency);
      data->site = g_strdup (list->site_code);
      data->currency = g_strdup (list->currency);
      data->valid_to = g_strdup (now);
      push_end_list_read (job, data, 0);
    }

  for (guint i = 0; i < input->companies->len; i++)
    {
      const SpRunCompany *company = g_ptr_array_index (input->companies, i);
      EndListData *data = g_new0 (EndListData, 1);

      data->list_id = make_id (input->campaign_id, "le", company->code);
      data->name = g_strdup_printf ("%s – %s", input->name, company->name);
      data->site = g_strdup (((SpRunSite *)g_ptr_array_index (input->sites, 0))->code);
      data->legal_entity = g_strdup (company->code);
      data->valid_to = g_strdup (now);
      push_end_list_read (job, data, 0);
    }
}

static void
build_end_coupons (SpEmporixJob *job)
{
  SpRunInput *input = input_of (job);
  g_autofree char *now = now_iso ();

  for (guint i = 0; i < input->coupons->len; i++)
    {
      const SpRunCoupon *coupon = g_ptr_array_index (input->coupons, i);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *escaped = g_uri_escape_string (coupon->code, NULL, FALSE);
      g_autofree char *path = g_strdup_printf ("/coupon/%s/coupons/%s", tenant (job), escaped);
      g_autofree char *remote_id = g_strdup_printf ("ended:%s", coupon->code);
      g_autofree char *name = g_strdup_printf ("%s – %s", input->name, coupon->code);

      json_builder_begin_object (builder);
      add_string (builder, "name", name);
      json_builder_set_member_name (builder, "restrictions");
      json_builder_begin_object (builder);
      add_string (builder, "validUntil", now);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      push_op (job, SP_OP_WRITE, "PATCH", path, finish (builder), remote_id);
    }
}

/* ---- Dispatch -------------------------------------------------------------- */

gboolean
_sp_emporix_build_step (SpEmporixJob  *job,
                        const char    *step_id,
                        GError       **error)
{
  if (g_str_equal (step_id, "coupons"))
    build_coupons (job);
  else if (g_str_equal (step_id, "price-list"))
    build_price_list (job);
  else if (g_str_equal (step_id, "company-prices"))
    {
      build_company_step (job);
    }
  else if (g_str_equal (step_id, "quotes"))
    build_quotes (job);
  else if (g_str_equal (step_id, "boosts"))
    build_boosts (job);
  else if (g_str_equal (step_id, "imagery"))
    build_imagery (job);
  else if (g_str_equal (step_id, "banners"))
    return build_banners (job, error);
  else if (g_str_equal (step_id, "go-live"))
    build_go_live (job, "ACTIVE");
  else if (g_str_equal (step_id, "end-price-lists"))
    build_end_price_lists (job);
  else if (g_str_equal (step_id, "end-coupons"))
    build_end_coupons (job);
  else if (g_str_equal (step_id, "mark-ended"))
    build_go_live (job, "ENDED");
  else
    {
      g_set_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_CONFIG,
                   _("The platform connector has no step “%s”"), step_id);
      return FALSE;
    }

  return TRUE;
}
