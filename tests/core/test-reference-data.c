/* test-reference-data.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Validation of the smaller model types: site, stock level, segment,
 * company, segment mapping, banner and approval.
 */

#include <glib-object.h>

#include "sp-approval.h"
#include "sp-banner.h"
#include "sp-company.h"
#include "sp-segment-mapping.h"
#include "sp-segment.h"
#include "sp-site.h"
#include "sp-stock-level.h"
#include "test-util.h"

#define assert_valid(func, object)                 \
  G_STMT_START {                                   \
    g_autoptr(GError) valid_error_ = NULL;         \
    g_assert_true (func (object, &valid_error_));  \
    g_assert_no_error (valid_error_);              \
  } G_STMT_END

#define assert_invalid(func, object, field)        \
  G_STMT_START {                                   \
    g_autoptr(GError) invalid_error_ = NULL;       \
    g_assert_false (func (object, &invalid_error_)); \
    assert_invalid_field (invalid_error_, field);  \
  } G_STMT_END

static void
test_site_validate (void)
{
  SpSite *site = sp_site_new ("AT", "Vienna warehouse");

  sp_site_set_region (site, "Austria");
  sp_site_set_currency (site, "EUR");
  assert_valid (sp_site_validate, site);

  sp_site_set_currency (site, NULL);
  assert_invalid (sp_site_validate, site, "currency");
  sp_site_set_currency (site, "EUR");
  sp_site_set_code (site, "");
  assert_invalid (sp_site_validate, site, "code");
  sp_site_set_code (site, "AT");
  sp_site_set_name (site, NULL);
  assert_invalid (sp_site_validate, site, "name");

  g_assert_finalize_object (site);
}

static void
test_stock_level_validate (void)
{
  SpStockLevel *level = sp_stock_level_new ("DR-1001", "DE");

  sp_stock_level_set_stock_on_hand (level, 240);
  sp_stock_level_set_avg_daily_sales (level, 175);
  assert_valid (sp_stock_level_validate, level);

  sp_stock_level_set_stock_on_hand (level, -1);
  assert_invalid (sp_stock_level_validate, level, "stock-on-hand");
  sp_stock_level_set_stock_on_hand (level, 0);
  sp_stock_level_set_avg_daily_sales (level, -5);
  assert_invalid (sp_stock_level_validate, level, "avg-daily-sales");
  sp_stock_level_set_avg_daily_sales (level, 0);
  sp_stock_level_set_site_code (level, NULL);
  assert_invalid (sp_stock_level_validate, level, "site-code");
  sp_stock_level_set_site_code (level, "DE");
  sp_stock_level_set_product_sku (level, "");
  assert_invalid (sp_stock_level_validate, level, "product-sku");

  g_assert_finalize_object (level);
}

static void
test_segment_validate (void)
{
  SpSegment *segment = sp_segment_new ("INSTALLERS", "Electrical installers");

  assert_valid (sp_segment_validate, segment);
  sp_segment_set_name (segment, "");
  assert_invalid (sp_segment_validate, segment, "name");
  sp_segment_set_name (segment, "Installers");
  sp_segment_set_code (segment, NULL);
  assert_invalid (sp_segment_validate, segment, "code");

  g_assert_finalize_object (segment);
}

static void
test_company_validate (void)
{
  SpCompany *company = sp_company_new ("C-0042", "Huber Elektrotechnik GmbH");

  sp_company_set_country (company, "AT");
  sp_company_set_city (company, "Graz");
  sp_company_set_segment_code (company, "INSTALLERS");
  assert_valid (sp_company_validate, company);

  sp_company_set_name (company, NULL);
  assert_invalid (sp_company_validate, company, "name");
  sp_company_set_name (company, "Huber");
  sp_company_set_code (company, "");
  assert_invalid (sp_company_validate, company, "code");

  g_assert_finalize_object (company);
}

static void
test_segment_mapping_validate (void)
{
  SpSegmentMapping *by_sku = sp_segment_mapping_new ("INSTALLERS", SP_SCOPE_KIND_PRODUCT, "DR-1001");
  SpSegmentMapping *by_category = sp_segment_mapping_new ("INSTALLERS", SP_SCOPE_KIND_CATEGORY,
                                                          "Electrical/Cables");

  assert_valid (sp_segment_mapping_validate, by_sku);
  assert_valid (sp_segment_mapping_validate, by_category);

  /* A SKU may contain a slash; a category path may not end with one. */
  sp_segment_mapping_set_ref (by_sku, "DR/1001");
  assert_valid (sp_segment_mapping_validate, by_sku);
  sp_segment_mapping_set_ref (by_category, "Electrical/");
  assert_invalid (sp_segment_mapping_validate, by_category, "ref");
  sp_segment_mapping_set_ref (by_sku, NULL);
  assert_invalid (sp_segment_mapping_validate, by_sku, "ref");
  sp_segment_mapping_set_ref (by_sku, "DR-1001");
  sp_segment_mapping_set_segment_code (by_sku, "");
  assert_invalid (sp_segment_mapping_validate, by_sku, "segment-code");

  g_assert_finalize_object (by_sku);
  g_assert_finalize_object (by_category);
}

static void
test_banner_validate (void)
{
  SpBanner *banner = sp_banner_new ("Cordless drills: up to 30% off");

  sp_banner_set_body (banner, "While stocks last.");
  sp_banner_set_link (banner, "https://shop.example.com/clearance/drills");
  sp_banner_set_placement (banner, "home-hero");
  assert_valid (sp_banner_validate, banner);

  sp_banner_set_link (banner, "clearance/drills");
  assert_invalid (sp_banner_validate, banner, "link");
  sp_banner_set_link (banner, NULL);
  assert_valid (sp_banner_validate, banner);
  sp_banner_set_title (banner, "");
  assert_invalid (sp_banner_validate, banner, "title");

  g_assert_finalize_object (banner);
}

static void
test_approval_validate (void)
{
  SpApproval *approved = sp_approval_new ("0b5b1d2a-8f29-4c3e-9a57-1f0c3c2d9e11",
                                          SP_APPROVAL_DECISION_APPROVED);
  SpApproval *rejected = sp_approval_new ("0b5b1d2a-8f29-4c3e-9a57-1f0c3c2d9e11",
                                          SP_APPROVAL_DECISION_REJECTED);

  sp_approval_set_actor (approved, "a.berger");
  sp_approval_set_decided_at (approved, "2025-01-03T09:15:00Z");
  assert_valid (sp_approval_validate, approved);

  /* A rejection must say why. */
  assert_invalid (sp_approval_validate, rejected, "comment");
  sp_approval_set_comment (rejected, "Margin floor too low for the AT site");
  assert_valid (sp_approval_validate, rejected);

  sp_approval_set_decided_at (approved, "03.01.2025 09:15");
  assert_invalid (sp_approval_validate, approved, "decided-at");
  sp_approval_set_decided_at (approved, "2025-01-03T09:15:00Z");
  sp_approval_set_campaign_id (approved, NULL);
  assert_invalid (sp_approval_validate, approved, "campaign-id");

  g_assert_finalize_object (approved);
  g_assert_finalize_object (rejected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/site/validate", test_site_validate);
  g_test_add_func ("/core/stock-level/validate", test_stock_level_validate);
  g_test_add_func ("/core/segment/validate", test_segment_validate);
  g_test_add_func ("/core/company/validate", test_company_validate);
  g_test_add_func ("/core/segment-mapping/validate", test_segment_mapping_validate);
  g_test_add_func ("/core/banner/validate", test_banner_validate);
  g_test_add_func ("/core/approval/validate", test_approval_validate);

  return g_test_run ();
}
