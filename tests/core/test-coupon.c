/* test-coupon.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib-object.h>

#include "sp-coupon.h"
#include "test-util.h"

static SpCoupon *
create_percent_coupon (void)
{
  SpCoupon *coupon = sp_coupon_new ("INSTALL-20");

  sp_coupon_set_campaign_id (coupon, "0b5b1d2a-8f29-4c3e-9a57-1f0c3c2d9e11");
  sp_coupon_set_segment_code (coupon, "INSTALLERS");
  sp_coupon_set_discount_type (coupon, SP_DISCOUNT_TYPE_PERCENT);
  sp_coupon_set_discount_value (coupon, 2000);
  sp_coupon_set_valid_from (coupon, "2025-01-06");
  sp_coupon_set_valid_to (coupon, "2025-02-28");
  sp_coupon_set_usage_limit (coupon, 500);

  return coupon;
}

static void
test_coupon_validate_valid (void)
{
  SpCoupon *coupon = create_percent_coupon ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sp_coupon_get_discount_type (coupon), ==, SP_DISCOUNT_TYPE_PERCENT);
  g_assert_true (sp_coupon_validate (coupon, &error));
  g_assert_no_error (error);

  /* 15.00 off, in euros; no usage limit. */
  sp_coupon_set_discount_type (coupon, SP_DISCOUNT_TYPE_AMOUNT);
  sp_coupon_set_discount_value (coupon, 1500);
  sp_coupon_set_currency (coupon, "EUR");
  sp_coupon_set_usage_limit (coupon, 0);
  g_assert_true (sp_coupon_validate (coupon, &error));
  g_assert_no_error (error);

  g_assert_finalize_object (coupon);
}

static void
test_coupon_validate_percent (void)
{
  SpCoupon *coupon = create_percent_coupon ();
  g_autoptr(GError) error = NULL;

  sp_coupon_set_discount_value (coupon, 12000);
  g_assert_false (sp_coupon_validate (coupon, &error));
  assert_invalid_field (error, "discount-value");
  g_clear_error (&error);

  sp_coupon_set_discount_value (coupon, -100);
  g_assert_false (sp_coupon_validate (coupon, &error));
  assert_invalid_field (error, "discount-value");

  g_assert_finalize_object (coupon);
}

static void
test_coupon_validate_amount (void)
{
  SpCoupon *coupon = create_percent_coupon ();
  g_autoptr(GError) error = NULL;

  /* 20.00 off needs a currency… */
  sp_coupon_set_discount_type (coupon, SP_DISCOUNT_TYPE_AMOUNT);
  g_assert_false (sp_coupon_validate (coupon, &error));
  assert_invalid_field (error, "currency");
  g_clear_error (&error);

  /* …and an amount above zero. */
  sp_coupon_set_currency (coupon, "EUR");
  sp_coupon_set_discount_value (coupon, 0);
  g_assert_false (sp_coupon_validate (coupon, &error));
  assert_invalid_field (error, "discount-value");

  g_assert_finalize_object (coupon);
}

static void
test_coupon_validate_fields (void)
{
  SpCoupon *coupon = create_percent_coupon ();
  g_autoptr(GError) error = NULL;

  sp_coupon_set_valid_to (coupon, "2025-01-05");
  g_assert_false (sp_coupon_validate (coupon, &error));
  assert_invalid_field (error, "valid-to");
  g_clear_error (&error);

  sp_coupon_set_valid_to (coupon, "2025-02-28");
  sp_coupon_set_valid_from (coupon, "06/01/2025");
  g_assert_false (sp_coupon_validate (coupon, &error));
  assert_invalid_field (error, "valid-from");
  g_clear_error (&error);

  sp_coupon_set_valid_from (coupon, NULL);
  sp_coupon_set_usage_limit (coupon, -1);
  g_assert_false (sp_coupon_validate (coupon, &error));
  assert_invalid_field (error, "usage-limit");
  g_clear_error (&error);

  sp_coupon_set_usage_limit (coupon, 1);
  sp_coupon_set_code (coupon, "");
  g_assert_false (sp_coupon_validate (coupon, &error));
  assert_invalid_field (error, "code");

  g_assert_finalize_object (coupon);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/coupon/validate/valid", test_coupon_validate_valid);
  g_test_add_func ("/core/coupon/validate/percent", test_coupon_validate_percent);
  g_test_add_func ("/core/coupon/validate/amount", test_coupon_validate_amount);
  g_test_add_func ("/core/coupon/validate/fields", test_coupon_validate_fields);

  return g_test_run ();
}
