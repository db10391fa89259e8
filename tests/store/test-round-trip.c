/* test-round-trip.c: every object of the model, saved, reopened, loaded,
 * compared field by field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "sp-campaign-repository.h"
#include "sp-catalog-repository.h"
#include "sp-customer-repository.h"
#include "sp-offer-repository.h"
#include "sp-order-repository.h"
#include "sp-promotion-json.h"
#include "sp-promotion-repository.h"

#include "test-db-util.h"

typedef struct
{
  char    *dir;
  char    *path;
  SpStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sp-test-round-trip-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "workspace.db", NULL);
  fixture->store = sp_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->store);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* A second store on the same file, as after a restart. */
static SpStore *
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  SpStore *store = sp_store_open (fixture->path, &error);

  g_assert_no_error (error);
  return store;
}

static void assert_same_object (gpointer a, gpointer b, const char *where);

static void
assert_same_models (GListModel *a,
                    GListModel *b,
                    const char *where)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(GObject) item_a = g_list_model_get_item (a, i);
      g_autoptr(GObject) item_b = g_list_model_get_item (b, i);
      g_autofree char *item_where = g_strdup_printf ("%s[%u]", where, i);

      assert_same_object (item_a, item_b, item_where);
    }
}

/* Every readable property of @a equals @b's, child lists included. */
static void
assert_same_object (gpointer    a,
                    gpointer    b,
                    const char *where)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;
      const char *name = pspecs[i]->name;

      if ((pspecs[i]->flags & G_PARAM_READABLE) == 0)
        continue;

      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (a, name, &va);
      g_object_get_property (b, name, &vb);

      if (pspecs[i]->value_type == G_TYPE_STRV)
        {
          if (!g_strv_equal (g_value_get_boxed (&va), g_value_get_boxed (&vb)))
            g_error ("%s.%s differs", where, name);
        }
      else if (g_type_is_a (pspecs[i]->value_type, G_TYPE_OBJECT))
        {
          GObject *oa = g_value_get_object (&va);
          GObject *ob = g_value_get_object (&vb);

          if (G_IS_LIST_MODEL (oa) && G_IS_LIST_MODEL (ob))
            {
              g_autofree char *child = g_strdup_printf ("%s.%s", where, name);

              assert_same_models (G_LIST_MODEL (oa), G_LIST_MODEL (ob), child);
            }
        }
      else if (pspecs[i]->value_type == G_TYPE_STRING)
        {
          if (g_strcmp0 (g_value_get_string (&va), g_value_get_string (&vb)) != 0)
            g_error ("%s.%s: “%s” became “%s”", where, name, g_value_get_string (&va),
                     g_value_get_string (&vb));
        }
      else if (g_param_values_cmp (pspecs[i], &va, &vb) != 0)
        {
          g_autofree char *sa = g_strdup_value_contents (&va);
          g_autofree char *sb = g_strdup_value_contents (&vb);

          g_error ("%s.%s: %s became %s", where, name, sa, sb);
        }
    }
}

static gpointer
find_by_id (GPtrArray  *array,
            const char *id)
{
  for (guint i = 0; i < array->len; i++)
    {
      g_autofree char *item_id = NULL;

      g_object_get (g_ptr_array_index (array, i), "id", &item_id, NULL);
      if (g_strcmp0 (item_id, id) == 0)
        return g_ptr_array_index (array, i);
    }

  g_error ("no object with id %s", id);
  return NULL;
}

static gpointer
find_in_model (GListModel *model,
               const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *item_id = NULL;

      g_object_get (item, "id", &item_id, NULL);
      if (g_strcmp0 (item_id, id) == 0)
        return item;
    }

  g_error ("no object with id %s", id);
  return NULL;
}

/* The whole workspace, every object with every field set. */
typedef struct
{
  SpSite           *site;
  SpCategory       *parent;
  SpCategory       *category;
  SpProduct        *product;
  SpStockLevel     *stock;
  SpSegment        *segment;
  SpCompany        *company;
  SpSegmentMapping *mapping;
  SpSalesOrder     *order;
  SpCampaign       *campaign;
  SpCoupon         *coupon;
  SpPriceList      *price_list;
  SpQuote          *quote;
  SpBanner         *banner;
  SpPromotion      *promotion;
} Workspace;

static void
workspace_clear (Workspace *ws)
{
  g_clear_object (&ws->site);
  g_clear_object (&ws->parent);
  g_clear_object (&ws->category);
  g_clear_object (&ws->product);
  g_clear_object (&ws->stock);
  g_clear_object (&ws->segment);
  g_clear_object (&ws->company);
  g_clear_object (&ws->mapping);
  g_clear_object (&ws->order);
  g_clear_object (&ws->campaign);
  g_clear_object (&ws->coupon);
  g_clear_object (&ws->price_list);
  g_clear_object (&ws->quote);
  g_clear_object (&ws->banner);
  g_clear_object (&ws->promotion);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Workspace, workspace_clear)

static const char *promotion_json =
  "{\"number\": \"\", \"name\": \"Drills 20%\", \"start\": \"2026-12-01\", \"end\": \"2026-12-31\","
  " \"lines\": [{\"number\": \"1\","
  "   \"eligibility\": {\"operator\": \"all\", \"groups\": [{\"operator\": \"any\","
  "     \"conditions\": [{\"attribute\": \"item\", \"op\": \"eq\", \"value\": \"DR-100\"}],"
  "     \"subgroup\": null, \"exclusion\": null}]},"
  "   \"benefits\": [{\"applies_to\": \"item\", \"item\": \"DR-100\", \"type\": \"percent\","
  "                   \"value\": \"20.00\"}]}]}";

static void
build_workspace (Workspace *ws)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpOrderLine) line1 = sp_order_line_new ("DR-100", 3, 9990);
  g_autoptr(SpOrderLine) line2 = sp_order_line_new ("DR-100", 1, 9500);
  g_autoptr(SpPriceListEntry) entry = sp_price_list_entry_new_discounted ("DR-100", 12999, 2000);
  g_autoptr(SpQuoteLine) quote_line = sp_quote_line_new ("DR-100", 40, 10399);
  const char * const sites[] = { "DE", NULL };
  const char * const skus[] = { "DR-100", NULL };
  const char * const paths[] = { "Tools/Drills", NULL };
  const char * const segments[] = { "INST", NULL };

  ws->site = sp_site_new ("DE", "Germany");
  sp_site_set_region (ws->site, "DACH");
  sp_site_set_currency (ws->site, "EUR");

  ws->parent = sp_category_new ("Tools", "Tools");
  sp_category_set_remote_id (ws->parent, "cat-remote-1");
  ws->category = sp_category_new ("Drills", "Tools/Drills");
  sp_category_set_parent_id (ws->category, sp_category_get_id (ws->parent));
  sp_category_set_remote_id (ws->category, "cat-remote-2");

  ws->product = sp_product_new ("DR-100", "Cordless drill 18 V");
  sp_product_set_category_path (ws->product, "Tools/Drills");
  sp_product_set_uom (ws->product, "Box");
  sp_product_set_list_price (ws->product, 12999);
  sp_product_set_cost (ws->product, 7450);
  sp_product_set_currency (ws->product, "EUR");
  sp_product_set_stock_on_hand (ws->product, 1200);
  sp_product_set_avg_daily_sales (ws->product, 350);
  sp_product_set_remote_id (ws->product, "prod-remote-1");

  ws->stock = sp_stock_level_new ("DR-100", "DE");
  sp_stock_level_set_stock_on_hand (ws->stock, 800);
  sp_stock_level_set_avg_daily_sales (ws->stock, 125);

  ws->segment = sp_segment_new ("INST", "Installers");
  sp_segment_set_description (ws->segment, "Electrical installers");
  sp_segment_set_remote_id (ws->segment, "seg-remote-1");

  ws->company = sp_company_new ("C-1001", "Elektro Huber GmbH");
  sp_company_set_country (ws->company, "DE");
  sp_company_set_city (ws->company, "Munich");
  sp_company_set_segment_code (ws->company, "INST");
  sp_company_set_site_code (ws->company, "DE");
  sp_company_set_remote_id (ws->company, "co-remote-1");

  ws->mapping = sp_segment_mapping_new ("INST", SP_SCOPE_KIND_CATEGORY, "Tools/Drills");

  ws->order = sp_sales_order_new ("SO-2026-0001");
  sp_sales_order_set_company_code (ws->order, "C-1001");
  sp_sales_order_set_site_code (ws->order, "DE");
  sp_sales_order_set_order_date (ws->order, "2026-03-14");
  sp_sales_order_set_currency (ws->order, "EUR");
  sp_order_line_set_line_no (line1, 1);
  sp_order_line_set_line_no (line2, 2);
  sp_sales_order_add_line (ws->order, line1);
  sp_sales_order_add_line (ws->order, line2);

  ws->campaign = sp_campaign_new ("Winter drills");
  sp_campaign_set_description (ws->campaign, "Clear the 18 V drills");
  sp_campaign_set_origin (ws->campaign, SP_CAMPAIGN_ORIGIN_TRIGGER);
  sp_campaign_set_owner (ws->campaign, "mia");
  sp_campaign_set_start_date (ws->campaign, "2026-12-01");
  sp_campaign_set_end_date (ws->campaign, "2026-12-31");
  sp_campaign_set_sites (ws->campaign, sites);
  sp_campaign_set_scope_products (ws->campaign, skus);
  sp_campaign_set_scope_categories (ws->campaign, paths);
  sp_campaign_set_segments (ws->campaign, segments);
  sp_campaign_set_units_to_clear (ws->campaign, 600);
  sp_campaign_set_target_date (ws->campaign, "2027-01-10");
  sp_campaign_set_margin_floor (ws->campaign, 1500);
  sp_campaign_set_default_discount (ws->campaign, 2000);
  sp_campaign_set_currency (ws->campaign, "EUR");

  ws->coupon = sp_coupon_new ("INST-DRILL-20");
  sp_coupon_set_campaign_id (ws->coupon, sp_campaign_get_id (ws->campaign));
  sp_coupon_set_segment_code (ws->coupon, "INST");
  sp_coupon_set_discount_type (ws->coupon, SP_DISCOUNT_TYPE_AMOUNT);
  sp_coupon_set_discount_value (ws->coupon, 1500);
  sp_coupon_set_currency (ws->coupon, "EUR");
  sp_coupon_set_valid_from (ws->coupon, "2026-12-01");
  sp_coupon_set_valid_to (ws->coupon, "2026-12-31");
  sp_coupon_set_usage_limit (ws->coupon, 250);
  sp_coupon_set_remote_id (ws->coupon, "coupon-remote-1");

  ws->price_list = sp_price_list_new ("Winter drills clearance");
  sp_price_list_set_campaign_id (ws->price_list, sp_campaign_get_id (ws->campaign));
  sp_price_list_set_site_code (ws->price_list, "DE");
  sp_price_list_set_currency (ws->price_list, "EUR");
  sp_price_list_set_company_code (ws->price_list, "C-1001");
  sp_price_list_set_valid_from (ws->price_list, "2026-12-01");
  sp_price_list_set_valid_to (ws->price_list, "2026-12-31");
  sp_price_list_set_remote_id (ws->price_list, "pl-remote-1");
  sp_price_list_entry_set_remote_id (entry, "ple-remote-1");
  sp_price_list_add_entry (ws->price_list, entry);

  ws->quote = sp_quote_new ("C-1001");
  sp_quote_set_campaign_id (ws->quote, sp_campaign_get_id (ws->campaign));
  sp_quote_set_status (ws->quote, "draft");
  sp_quote_set_valid_to (ws->quote, "2026-12-20");
  sp_quote_set_currency (ws->quote, "EUR");
  sp_quote_set_remote_id (ws->quote, "quote-remote-1");
  sp_quote_add_line (ws->quote, quote_line);

  ws->banner = sp_banner_new ("Drills −20 %");
  sp_banner_set_campaign_id (ws->banner, sp_campaign_get_id (ws->campaign));
  sp_banner_set_body (ws->banner, "While stocks last");
  sp_banner_set_link (ws->banner, "https://shop.example/drills");
  sp_banner_set_placement (ws->banner, "category-top");
  sp_banner_set_image_path (ws->banner, "/tmp/drills.png");
  sp_banner_set_remote_id (ws->banner, "banner-remote-1");

  ws->promotion = sp_promotion_from_json_string (promotion_json, &error);
  g_assert_no_error (error);
  sp_promotion_set_description (ws->promotion, "Stacks with coupons");
}

static void
save_workspace (SpStore   *store,
                Workspace *ws)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCatalogRepository) catalog = sp_catalog_repository_new (store);
  g_autoptr(SpCustomerRepository) customers = sp_customer_repository_new (store);
  g_autoptr(SpOrderRepository) orders = sp_order_repository_new (store);
  g_autoptr(SpCampaignRepository) campaigns = sp_campaign_repository_new (store);
  g_autoptr(SpOfferRepository) offers = sp_offer_repository_new (store);
  g_autoptr(SpPromotionRepository) promotions = sp_promotion_repository_new (store);

  g_assert_true (sp_catalog_repository_save_site (catalog, ws->site, &error));
  g_assert_no_error (error);
  g_assert_true (sp_catalog_repository_save_category (catalog, ws->parent, &error));
  g_assert_true (sp_catalog_repository_save_category (catalog, ws->category, &error));
  g_assert_true (sp_catalog_repository_save_product (catalog, ws->product, &error));
  g_assert_no_error (error);
  g_assert_true (sp_catalog_repository_save_stock_level (catalog, ws->stock, &error));
  g_assert_true (sp_customer_repository_save_segment (customers, ws->segment, &error));
  g_assert_true (sp_customer_repository_save_company (customers, ws->company, &error));
  g_assert_no_error (error);
  g_assert_true (sp_order_repository_save_order (orders, ws->order, &error));
  g_assert_no_error (error);
  g_assert_true (sp_campaign_repository_create (campaigns, ws->campaign, &error));
  g_assert_no_error (error);
  g_assert_true (sp_customer_repository_save_segment_mapping (customers, ws->mapping,
                                                              sp_campaign_get_id (ws->campaign),
                                                              &error));
  g_assert_true (sp_offer_repository_save_coupon (offers, ws->coupon, &error));
  g_assert_true (sp_offer_repository_save_price_list (offers, ws->price_list, &error));
  g_assert_true (sp_offer_repository_save_quote (offers, ws->quote, &error));
  g_assert_true (sp_offer_repository_save_banner (offers, ws->banner, &error));
  g_assert_no_error (error);
  g_assert_true (sp_promotion_repository_save (promotions, ws->promotion,
                                               sp_campaign_get_id (ws->campaign), &error));
  g_assert_no_error (error);
  g_assert_true (sp_campaign_repository_transition (campaigns, ws->campaign,
                                                    SP_CAMPAIGN_STATUS_PLANNED, NULL, &error));
  g_assert_true (sp_campaign_repository_transition (campaigns, ws->campaign,
                                                    SP_CAMPAIGN_STATUS_IN_REVIEW, "ready", &error));
  g_assert_no_error (error);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_auto(Workspace) ws = { NULL, };
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpCatalogRepository) catalog = NULL;
  g_autoptr(SpCustomerRepository) customers = NULL;
  g_autoptr(SpOrderRepository) orders_repo = NULL;
  g_autoptr(SpCampaignRepository) campaigns = NULL;
  g_autoptr(SpOfferRepository) offers = NULL;
  g_autoptr(SpPromotionRepository) promotions = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GPtrArray) stock = NULL;
  g_autoptr(GPtrArray) mappings = NULL;
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GPtrArray) coupons = NULL;
  g_autoptr(GPtrArray) price_lists = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(GPtrArray) banners = NULL;
  g_autoptr(GPtrArray) approvals = NULL;
  const char *campaign_id;
  SpPromotion *promotion;

  build_workspace (&ws);
  save_workspace (fixture->store, &ws);
  g_clear_object (&fixture->store);
  campaign_id = sp_campaign_get_id (ws.campaign);

  /* A new process: everything comes back from the file. */
  store = reopen (fixture);
  catalog = sp_catalog_repository_new (store);
  customers = sp_customer_repository_new (store);
  orders_repo = sp_order_repository_new (store);
  campaigns = sp_campaign_repository_new (store);
  offers = sp_offer_repository_new (store);
  promotions = sp_promotion_repository_new (store);

  g_assert_true (sp_catalog_repository_load (catalog, &error));
  g_assert_no_error (error);
  assert_same_object (ws.site, find_in_model (sp_catalog_repository_get_sites (catalog),
                                              sp_site_get_id (ws.site)), "site");
  assert_same_object (ws.parent, find_in_model (sp_catalog_repository_get_categories (catalog),
                                                sp_category_get_id (ws.parent)), "category");
  assert_same_object (ws.category, find_in_model (sp_catalog_repository_get_categories (catalog),
                                                  sp_category_get_id (ws.category)), "category");

  products = sp_catalog_repository_load_products (catalog, NULL, &error);
  g_assert_no_error (error);
  assert_same_object (ws.product, find_by_id (products, sp_product_get_id (ws.product)), "product");
  /* The views' compact catalog holds the same product. */
  {
    g_autoptr(SpCatalogTable) table = sp_catalog_repository_load_table (catalog, NULL, &error);
    g_autoptr(SpProduct) from_table = NULL;
    guint row;

    g_assert_no_error (error);
    g_assert_cmpuint (sp_catalog_table_get_n_rows (table), ==, products->len);
    g_assert_true (sp_catalog_table_find_sku (table, sp_product_get_sku (ws.product), &row));
    from_table = sp_catalog_table_dup_product (table, row);
    assert_same_object (ws.product, G_OBJECT (from_table), "product");
  }

  stock = sp_catalog_repository_load_stock_levels (catalog, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stock->len, ==, 1);
  /* Stock rows are keyed by product and site; they have no id of their own. */
  g_assert_cmpstr (sp_stock_level_get_product_sku (g_ptr_array_index (stock, 0)), ==, "DR-100");
  g_assert_cmpstr (sp_stock_level_get_site_code (g_ptr_array_index (stock, 0)), ==, "DE");
  g_assert_cmpint (sp_stock_level_get_stock_on_hand (g_ptr_array_index (stock, 0)), ==, 800);
  g_assert_cmpint (sp_stock_level_get_avg_daily_sales (g_ptr_array_index (stock, 0)), ==, 125);

  g_assert_true (sp_customer_repository_load (customers, &error));
  assert_same_object (ws.segment, find_in_model (sp_customer_repository_get_segments (customers),
                                                 sp_segment_get_id (ws.segment)), "segment");
  assert_same_object (ws.company, find_in_model (sp_customer_repository_get_companies (customers),
                                                 sp_company_get_id (ws.company)), "company");
  mappings = sp_customer_repository_load_segment_mappings (customers, campaign_id, &error);
  g_assert_no_error (error);
  assert_same_object (ws.mapping, find_by_id (mappings, sp_segment_mapping_get_id (ws.mapping)),
                      "segment-mapping");

  orders = sp_order_repository_load_orders (orders_repo, NULL, &error);
  g_assert_no_error (error);
  assert_same_object (ws.order, find_by_id (orders, sp_sales_order_get_id (ws.order)), "order");

  g_assert_true (sp_campaign_repository_load (campaigns, &error));
  assert_same_object (ws.campaign, sp_campaign_repository_lookup (campaigns, campaign_id),
                      "campaign");

  coupons = sp_offer_repository_load_coupons (offers, campaign_id, &error);
  assert_same_object (ws.coupon, find_by_id (coupons, sp_coupon_get_id (ws.coupon)), "coupon");
  price_lists = sp_offer_repository_load_price_lists (offers, campaign_id, &error);
  assert_same_object (ws.price_list, find_by_id (price_lists, sp_price_list_get_id (ws.price_list)),
                      "price-list");
  quotes = sp_offer_repository_load_quotes (offers, campaign_id, &error);
  assert_same_object (ws.quote, find_by_id (quotes, sp_quote_get_id (ws.quote)), "quote");
  banners = sp_offer_repository_load_banners (offers, campaign_id, &error);
  assert_same_object (ws.banner, find_by_id (banners, sp_banner_get_id (ws.banner)), "banner");
  g_assert_no_error (error);

  approvals = sp_campaign_repository_load_approvals (campaigns, campaign_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (approvals->len, ==, 1);
  g_assert_cmpint (sp_approval_get_decision (g_ptr_array_index (approvals, 0)), ==,
                   SP_APPROVAL_DECISION_SUBMITTED);
  g_assert_cmpstr (sp_approval_get_comment (g_ptr_array_index (approvals, 0)), ==, "ready");
  g_assert_cmpstr (sp_approval_get_campaign_id (g_ptr_array_index (approvals, 0)), ==, campaign_id);
  g_assert_nonnull (sp_approval_get_decided_at (g_ptr_array_index (approvals, 0)));

  g_assert_true (sp_promotion_repository_load (promotions, &error));
  g_assert_no_error (error);
  promotion = find_in_model (sp_promotion_repository_get_promotions (promotions),
                             sp_promotion_get_id (ws.promotion));
  g_assert_cmpstr (sp_promotion_get_number (promotion), ==, "PROMO00001");
  {
    g_autofree char *saved = sp_promotion_to_json_string (ws.promotion);
    g_autofree char *loaded = sp_promotion_to_json_string (promotion);

    g_assert_cmpstr (saved, ==, loaded);
  }
  assert_same_object (ws.promotion, promotion, "promotion");

  /* One outbox row per write: 15 saves, 2 transitions, 1 approval row. */
  g_assert_cmpint (query_int_in (fixture->path, "SELECT count(*) FROM outbox"), ==, 18);
  g_assert_cmpint (query_int_in (fixture->path,
                                 "SELECT count(DISTINCT idempotency_key) FROM outbox"), ==,
                   18);
}

static void
test_promotion_numbers (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPromotionRepository) repo = sp_promotion_repository_new (fixture->store);
  g_autoptr(SpPromotion) first = sp_promotion_from_json_string (promotion_json, &error);
  g_autoptr(SpPromotion) second = sp_promotion_from_json_string (promotion_json, &error);
  g_autoptr(SpPromotion) clash = sp_promotion_from_json_string (promotion_json, &error);

  g_assert_no_error (error);
  g_assert_true (sp_promotion_repository_save (repo, first, NULL, &error));
  g_assert_true (sp_promotion_repository_save (repo, second, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sp_promotion_get_number (first), ==, "PROMO00001");
  g_assert_cmpstr (sp_promotion_get_number (second), ==, "PROMO00002");
  g_assert_cmpuint (g_list_model_get_n_items (sp_promotion_repository_get_promotions (repo)), ==,
                    2);

  /* Saved numbers never change. */
  sp_promotion_set_number (first, "PROMO00099");
  g_assert_false (sp_promotion_repository_save (repo, first, NULL, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "PROMO00001"));
  g_clear_error (&error);
  g_assert_cmpint (query_int_in (fixture->path,
                               "SELECT count(*) FROM promotions WHERE number = 'PROMO00099'"),
                   ==, 0);

  /* A number is unique. */
  sp_promotion_set_number (clash, "PROMO00002");
  g_assert_false (sp_promotion_repository_save (repo, clash, NULL, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (query_int_in (fixture->path, "SELECT count(*) FROM promotions"), ==, 2);
  g_assert_cmpint (query_int_in (fixture->path, "SELECT count(*) FROM outbox"), ==, 2);
}

static void
test_failed_write_leaves_nothing (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpOrderRepository) orders = sp_order_repository_new (fixture->store);
  g_autoptr(SpOfferRepository) offers = sp_offer_repository_new (fixture->store);
  g_autoptr(SpSalesOrder) order = sp_sales_order_new ("SO-1");
  g_autoptr(SpPriceList) list = sp_price_list_new ("Ghost prices");
  g_autoptr(SpPriceListEntry) entry = sp_price_list_entry_new ("NO-SUCH-SKU", 100, 80);

  sp_sales_order_set_company_code (order, "NOBODY");
  sp_sales_order_set_site_code (order, "DE");
  sp_sales_order_set_order_date (order, "2026-01-01");
  sp_sales_order_set_currency (order, "EUR");
  g_assert_false (sp_order_repository_save_order (orders, order, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "company-code"));
  g_clear_error (&error);

  sp_price_list_set_currency (list, "EUR");
  sp_price_list_add_entry (list, entry);
  g_assert_false (sp_offer_repository_save_price_list (offers, list, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "NO-SUCH-SKU"));

  g_assert_cmpint (query_int_in (fixture->path, "SELECT count(*) FROM sales_orders"), ==, 0);
  g_assert_cmpint (query_int_in (fixture->path, "SELECT count(*) FROM price_lists"), ==, 0);
  g_assert_cmpint (query_int_in (fixture->path, "SELECT count(*) FROM outbox"), ==, 0);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  guint *n_done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_offer_repository_save_price_list_finish (SP_OFFER_REPOSITORY (object), result,
                                                             &error));
  g_assert_no_error (error);
  (*n_done)++;
}

static void
test_price_list_async (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_auto(Workspace) ws = { NULL, };
  g_autoptr(SpOfferRepository) offers = sp_offer_repository_new (fixture->store);
  g_autoptr(GPtrArray) lists = NULL;
  GListModel *entries;
  guint n_done = 0;

  build_workspace (&ws);
  save_workspace (fixture->store, &ws);

  /* Two bulk edits in a row: the second is what stays. */
  for (guint i = 1; i <= 2; i++)
    {
      g_autoptr(SpPriceListEntry) entry = sp_price_list_entry_new_discounted ("DR-100", 12999,
                                                                              1000 * i);

      sp_price_list_remove_all_entries (ws.price_list);
      sp_price_list_add_entry (ws.price_list, entry);
      sp_offer_repository_save_price_list_async (offers, ws.price_list, NULL, saved_cb, &n_done);
    }
  /* The copy was taken at the call: changing the list now changes nothing stored. */
  sp_price_list_remove_all_entries (ws.price_list);
  while (n_done < 2)
    g_main_context_iteration (NULL, TRUE);

  lists = sp_offer_repository_load_price_lists (offers, sp_campaign_get_id (ws.campaign), &error);
  g_assert_no_error (error);
  entries = sp_price_list_get_entries (g_ptr_array_index (lists, 0));
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  {
    g_autoptr(SpPriceListEntry) stored = g_list_model_get_item (entries, 0);

    g_assert_cmpint (sp_price_list_entry_get_discount (stored), ==, 2000);
    g_assert_cmpint (sp_price_list_entry_get_new_price (stored), ==, 10399);
  }
}

static void
offer_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **result)
{
  g_clear_object (result);
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
test_offers_async (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_auto(Workspace) ws = { NULL, };
  g_autoptr(SpOfferRepository) offers = sp_offer_repository_new (fixture->store);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) coupons = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(GPtrArray) banners = NULL;
  g_autoptr(SpQuoteLine) extra = sp_quote_line_new ("DR-100", 5, 9999);
  const char *campaign_id;

  build_workspace (&ws);
  save_workspace (fixture->store, &ws);
  campaign_id = sp_campaign_get_id (ws.campaign);

  sp_coupon_set_usage_limit (ws.coupon, 99);
  sp_offer_repository_save_coupon_async (offers, ws.coupon, NULL, offer_saved_cb, &result);
  g_assert_true (sp_offer_repository_save_coupon_finish (offers, wait_result (&result), &error));
  sp_quote_add_line (ws.quote, extra);
  sp_offer_repository_save_quote_async (offers, ws.quote, NULL, offer_saved_cb, &result);
  g_assert_true (sp_offer_repository_save_quote_finish (offers, wait_result (&result), &error));
  sp_banner_set_title (ws.banner, "Last days");
  sp_offer_repository_save_banner_async (offers, ws.banner, NULL, offer_saved_cb, &result);
  g_assert_true (sp_offer_repository_save_banner_finish (offers, wait_result (&result), &error));
  g_assert_no_error (error);

  sp_offer_repository_load_coupons_async (offers, campaign_id, NULL, offer_saved_cb, &result);
  coupons = sp_offer_repository_load_coupons_finish (offers, wait_result (&result), &error);
  sp_offer_repository_load_quotes_async (offers, campaign_id, NULL, offer_saved_cb, &result);
  quotes = sp_offer_repository_load_quotes_finish (offers, wait_result (&result), &error);
  sp_offer_repository_load_banners_async (offers, campaign_id, NULL, offer_saved_cb, &result);
  banners = sp_offer_repository_load_banners_finish (offers, wait_result (&result), &error);
  g_assert_no_error (error);

  assert_same_object (ws.coupon, find_by_id (coupons, sp_coupon_get_id (ws.coupon)), "coupon");
  assert_same_object (ws.quote, find_by_id (quotes, sp_quote_get_id (ws.quote)), "quote");
  assert_same_object (ws.banner, find_by_id (banners, sp_banner_get_id (ws.banner)), "banner");
  g_assert_cmpuint (g_list_model_get_n_items (sp_quote_get_lines (ws.quote)), ==, 2);
}

static void
test_many_products (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCatalogRepository) catalog = sp_catalog_repository_new (fixture->store);
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_autoptr(sqlite3) db = _sp_db_open (fixture->path, &error);
  guint n = 100000;

  g_assert_no_error (error);
  g_assert_true (_sp_db_exec (db, "INSERT INTO categories (id, name, path) VALUES ('c', 'Tools', 'Tools');"
                                  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                  "WHERE i < 100000) INSERT INTO products (id, sku, name, category_id, "
                                  "list_price, cost, currency, stock_on_hand, avg_daily_sales) "
                                  "SELECT 'id-' || i, printf('SKU%07d', i), 'Product ' || i, 'c', "
                                  "1000 + i, 600 + i, 'EUR', i % 500, i % 300 FROM n", &error));
  g_assert_no_error (error);

  timer = g_timer_new ();
  products = sp_catalog_repository_load_products (catalog, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("loaded %u products in %.0f ms", products->len, g_timer_elapsed (timer,
                                                                                   NULL) * 1000);
  g_assert_cmpuint (products->len, ==, n);
  g_assert_cmpstr (sp_product_get_sku (g_ptr_array_index (products, 0)), ==, "SKU0000001");
  g_assert_cmpstr (sp_product_get_category_path (g_ptr_array_index (products, 41)), ==, "Tools");
  g_assert_cmpint (sp_product_get_list_price (g_ptr_array_index (products, 41)), ==, 1042);

  /* The views' table, read by two threads at this size, holds every one. */
  {
    g_autoptr(SpCatalogTable) table = sp_catalog_repository_load_table (catalog, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (sp_catalog_table_get_n_rows (table), ==, n);
    for (guint i = 0; i < n; i += 997)
      {
        SpProduct *product = g_ptr_array_index (products, i);

        g_assert_cmpstr (sp_catalog_table_get_sku (table, i), ==, sp_product_get_sku (product));
        g_assert_cmpstr (sp_catalog_table_get_category_path (table, i), ==,
                         sp_product_get_category_path (product));
        g_assert_cmpint (sp_catalog_table_get_cost (table, i), ==, sp_product_get_cost (product));
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/round-trip/every-object", test_round_trip);
  ADD ("/store/round-trip/promotion-numbers", test_promotion_numbers);
  ADD ("/store/round-trip/failed-write-leaves-nothing", test_failed_write_leaves_nothing);
  ADD ("/store/round-trip/price-list-async", test_price_list_async);
  ADD ("/store/round-trip/offers-async", test_offers_async);
  ADD ("/store/round-trip/100k-products", test_many_products);

#undef ADD

  return g_test_run ();
}
