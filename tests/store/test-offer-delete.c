/* test-offer-delete.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deleting a coupon, a quote (with its lines), a banner and a segment
 * mapping: the row goes, the others stay, an outbox row says so, and
 * deleting again is not an error (undo may replay a removal).
 */

#include <glib/gstdio.h>

#include "sp-campaign-repository.h"
#include "sp-catalog-repository.h"
#include "sp-customer-repository.h"
#include "sp-offer-repository.h"

#include "test-db-util.h"

typedef struct
{
  char                 *dir;
  char                 *path;
  SpStore              *store;
  SpOfferRepository    *offers;
  SpCustomerRepository *customers;
  SpCampaign           *campaign;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCampaignRepository) campaigns = NULL;
  g_autoptr(SpCatalogRepository) catalog = NULL;
  g_autoptr(SpProduct) product = sp_product_new ("DR-100", "Cordless Drill");
  g_autoptr(SpSegment) segment = sp_segment_new ("VIP", "Very important buyers");
  g_autoptr(SpCompany) company = sp_company_new ("ACME", "Acme Builders");

  fixture->dir = g_dir_make_tmp ("sp-test-offer-delete-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "workspace.db", NULL);
  fixture->store = sp_store_open (fixture->path, &error);
  g_assert_no_error (error);

  campaigns = sp_campaign_repository_new (fixture->store);
  catalog = sp_catalog_repository_new (fixture->store);
  fixture->offers = sp_offer_repository_new (fixture->store);
  fixture->customers = sp_customer_repository_new (fixture->store);
  fixture->campaign = sp_campaign_new ("Clearance");
  sp_campaign_repository_create (campaigns, fixture->campaign, &error);
  g_assert_no_error (error);
  sp_product_set_list_price (product, 10000);
  sp_product_set_currency (product, "EUR");
  sp_product_set_uom (product, "PCE");
  sp_catalog_repository_save_product (catalog, product, &error);
  g_assert_no_error (error);
  sp_customer_repository_save_segment (fixture->customers, segment, &error);
  g_assert_no_error (error);
  sp_customer_repository_save_company (fixture->customers, company, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  g_clear_object (&fixture->campaign);
  g_clear_object (&fixture->customers);
  g_clear_object (&fixture->offers);
  g_clear_object (&fixture->store);
  g_unlink (fixture->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static SpCoupon *
new_coupon (Fixture    *fixture,
            const char *code)
{
  SpCoupon *coupon = sp_coupon_new (code);

  sp_coupon_set_campaign_id (coupon, sp_campaign_get_id (fixture->campaign));
  sp_coupon_set_segment_code (coupon, "VIP");
  sp_coupon_set_discount_value (coupon, 1000);
  return coupon;
}

static void
test_delete_coupon (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(SpCoupon) keep = new_coupon (fixture, "KEEP-VIP");
  g_autoptr(SpCoupon) gone = new_coupon (fixture, "GONE-VIP");
  g_autoptr(GPtrArray) coupons = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_offer_repository_save_coupon (fixture->offers, keep, &error));
  g_assert_true (sp_offer_repository_save_coupon (fixture->offers, gone, &error));
  g_assert_true (sp_offer_repository_delete (fixture->offers, G_OBJECT (gone), &error));
  g_assert_no_error (error);

  coupons = sp_offer_repository_load_coupons (fixture->offers, sp_campaign_get_id (fixture->campaign),
                                              &error);
  g_assert_no_error (error);
  g_assert_cmpuint (coupons->len, ==, 1);
  g_assert_cmpstr (sp_coupon_get_code (g_ptr_array_index (coupons, 0)), ==, "KEEP-VIP");
  g_assert_cmpint (query_int_in (fixture->path,
                                 "SELECT count(*) FROM outbox WHERE entity = 'coupon' "
                                 "AND action = 'deleted'"), ==, 1);

  /* Again: nothing to delete, still no error. */
  g_assert_true (sp_offer_repository_delete (fixture->offers, G_OBJECT (gone), &error));
  g_assert_no_error (error);
}

static void
test_delete_quote_and_banner (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(SpQuote) quote = sp_quote_new ("ACME");
  g_autoptr(SpQuoteLine) line = sp_quote_line_new ("DR-100", 2, 9000);
  g_autoptr(SpBanner) banner = sp_banner_new ("Clearance");
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(GPtrArray) banners = NULL;
  g_autoptr(GError) error = NULL;

  sp_quote_set_campaign_id (quote, sp_campaign_get_id (fixture->campaign));
  sp_quote_set_currency (quote, "EUR");
  sp_quote_add_line (quote, line);
  sp_banner_set_campaign_id (banner, sp_campaign_get_id (fixture->campaign));
  g_assert_true (sp_offer_repository_save_quote (fixture->offers, quote, &error));
  g_assert_true (sp_offer_repository_save_banner (fixture->offers, banner, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int_in (fixture->path, "SELECT count(*) FROM quote_lines"), ==, 1);

  g_assert_true (sp_offer_repository_delete (fixture->offers, G_OBJECT (quote), &error));
  g_assert_true (sp_offer_repository_delete (fixture->offers, G_OBJECT (banner), &error));
  g_assert_no_error (error);

  quotes = sp_offer_repository_load_quotes (fixture->offers, sp_campaign_get_id (fixture->campaign),
                                            &error);
  g_assert_no_error (error);
  banners = sp_offer_repository_load_banners (fixture->offers, sp_campaign_get_id (fixture->campaign),
                                              &error);
  g_assert_no_error (error);
  g_assert_cmpuint (quotes->len, ==, 0);
  g_assert_cmpuint (banners->len, ==, 0);
  /* The lines go with their quote. */
  g_assert_cmpint (query_int_in (fixture->path, "SELECT count(*) FROM quote_lines"), ==, 0);
  g_assert_cmpint (query_int_in (fixture->path,
                                 "SELECT count(*) FROM outbox WHERE action = 'deleted'"), ==, 2);
}

static void
test_delete_mapping (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(SpSegmentMapping) mapping = sp_segment_mapping_new ("VIP", SP_SCOPE_KIND_PRODUCT, "DR-100");
  g_autoptr(GPtrArray) mappings = NULL;
  g_autoptr(GError) error = NULL;
  const char *campaign_id = sp_campaign_get_id (fixture->campaign);

  g_assert_true (sp_customer_repository_save_segment_mapping (fixture->customers, mapping, campaign_id,
                                                              &error));
  g_assert_no_error (error);
  g_assert_true (sp_customer_repository_delete_segment_mapping (fixture->customers,
                                                                sp_segment_mapping_get_id (mapping),
                                                                &error));
  g_assert_no_error (error);

  mappings = sp_customer_repository_load_segment_mappings (fixture->customers, campaign_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mappings->len, ==, 0);
  g_assert_cmpint (query_int_in (fixture->path,
                                 "SELECT count(*) FROM outbox WHERE entity = 'segment_mapping' "
                                 "AND action = 'deleted'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/offer-delete/coupon", Fixture, NULL,
              fixture_set_up, test_delete_coupon, fixture_tear_down);
  g_test_add ("/store/offer-delete/quote-and-banner", Fixture, NULL,
              fixture_set_up, test_delete_quote_and_banner, fixture_tear_down);
  g_test_add ("/store/offer-delete/mapping", Fixture, NULL,
              fixture_set_up, test_delete_mapping, fixture_tear_down);

  return g_test_run ();
}
