/* test-price-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib-object.h>

#include "sp-price-list-entry.h"
#include "sp-price-list.h"
#include "test-util.h"

static SpPriceList *
create_price_list (void)
{
  SpPriceList *list = sp_price_list_new ("Winter drills clearance DE");
  g_autoptr(SpPriceListEntry) drill = sp_price_list_entry_new_discounted ("DR-1001", 999, 2000);
  g_autoptr(SpPriceListEntry) battery = sp_price_list_entry_new_discounted ("BT-2002", 4, 1250);

  sp_price_list_set_campaign_id (list, "0b5b1d2a-8f29-4c3e-9a57-1f0c3c2d9e11");
  sp_price_list_set_site_code (list, "DE");
  sp_price_list_set_currency (list, "EUR");
  sp_price_list_set_valid_from (list, "2025-01-06");
  sp_price_list_set_valid_to (list, "2025-02-28");
  sp_price_list_add_entry (list, drill);
  sp_price_list_add_entry (list, battery);

  return list;
}

static void
test_price_list_entry_discounted (void)
{
  SpPriceListEntry *entry = sp_price_list_entry_new_discounted ("DR-1001", 999, 2000);
  SpPriceListEntry *half_cent = sp_price_list_entry_new_discounted ("BT-2002", 4, 1250);

  /* 20% off 9.99: the 1.998 discount rounds to 2.00, so 7.99. */
  g_assert_cmpstr (sp_price_list_entry_get_sku (entry), ==, "DR-1001");
  g_assert_cmpint (sp_price_list_entry_get_old_price (entry), ==, 999);
  g_assert_cmpint (sp_price_list_entry_get_new_price (entry), ==, 799);
  g_assert_cmpint (sp_price_list_entry_get_discount (entry), ==, 2000);
  /* 12.5% off 0.04: half a cent of discount rounds up. */
  g_assert_cmpint (sp_price_list_entry_get_new_price (half_cent), ==, 3);

  g_assert_finalize_object (entry);
  g_assert_finalize_object (half_cent);
}

static void
test_price_list_entry_margin (void)
{
  SpPriceListEntry *entry = sp_price_list_entry_new ("DR-1001", 10000, 8000);

  /* Cost 75.00 at a new price of 80.00 is a 6.25% margin. */
  g_assert_cmpint (sp_price_list_entry_get_margin_bp (entry, 7500), ==, 625);
  g_assert_cmpint (sp_price_list_entry_get_margin_bp (entry, 9000), ==, -1250);

  g_assert_finalize_object (entry);
}

static void
test_price_list_entry_validate (void)
{
  SpPriceListEntry *entry = sp_price_list_entry_new_discounted ("DR-1001", 999, 2000);
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_price_list_entry_validate (entry, &error));
  g_assert_no_error (error);

  sp_price_list_entry_set_discount (entry, 10001);
  g_assert_false (sp_price_list_entry_validate (entry, &error));
  assert_invalid_field (error, "discount");
  g_clear_error (&error);

  sp_price_list_entry_set_discount (entry, 2000);
  sp_price_list_entry_set_new_price (entry, -1);
  g_assert_false (sp_price_list_entry_validate (entry, &error));
  assert_invalid_field (error, "new-price");
  g_clear_error (&error);

  sp_price_list_entry_set_new_price (entry, 799);
  sp_price_list_entry_set_old_price (entry, -999);
  g_assert_false (sp_price_list_entry_validate (entry, &error));
  assert_invalid_field (error, "old-price");
  g_clear_error (&error);

  sp_price_list_entry_set_old_price (entry, 999);
  sp_price_list_entry_set_sku (entry, "");
  g_assert_false (sp_price_list_entry_validate (entry, &error));
  assert_invalid_field (error, "sku");

  g_assert_finalize_object (entry);
}

static void
test_price_list_entries (void)
{
  SpPriceList *list = create_price_list ();
  GListModel *entries = sp_price_list_get_entries (list);
  SpPriceListEntry *found;

  g_assert_true (g_list_model_get_item_type (entries) == SP_TYPE_PRICE_LIST_ENTRY);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);

  found = sp_price_list_find_entry (list, "BT-2002");
  g_assert_nonnull (found);
  g_assert_cmpint (sp_price_list_entry_get_new_price (found), ==, 3);
  g_assert_null (sp_price_list_find_entry (list, "NOPE-1"));

  sp_price_list_remove_all_entries (list);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 0);
  g_assert_null (sp_price_list_find_entry (list, "BT-2002"));

  g_assert_finalize_object (list);
}

static void
test_price_list_validate (void)
{
  SpPriceList *list = create_price_list ();
  g_autoptr(SpPriceListEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_price_list_validate (list, &error));
  g_assert_no_error (error);

  sp_price_list_set_valid_to (list, "2025-01-01");
  g_assert_false (sp_price_list_validate (list, &error));
  assert_invalid_field (error, "valid-to");
  g_clear_error (&error);

  sp_price_list_set_valid_to (list, "2025-02-28");
  sp_price_list_set_currency (list, "EURO");
  g_assert_false (sp_price_list_validate (list, &error));
  assert_invalid_field (error, "currency");
  g_clear_error (&error);

  sp_price_list_set_currency (list, "EUR");
  sp_price_list_set_name (list, NULL);
  g_assert_false (sp_price_list_validate (list, &error));
  assert_invalid_field (error, "name");
  g_clear_error (&error);

  /* An entry's error names its position. */
  sp_price_list_set_name (list, "Winter drills clearance DE");
  entry = g_list_model_get_item (sp_price_list_get_entries (list), 0);
  sp_price_list_entry_set_discount (entry, -5);
  g_assert_false (sp_price_list_validate (list, &error));
  assert_invalid_field (error, "discount");
  g_assert_true (g_str_has_prefix (error->message, "entries[0]: "));

  g_clear_object (&entry);
  g_assert_finalize_object (list);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/price-list-entry/discounted", test_price_list_entry_discounted);
  g_test_add_func ("/core/price-list-entry/margin", test_price_list_entry_margin);
  g_test_add_func ("/core/price-list-entry/validate", test_price_list_entry_validate);
  g_test_add_func ("/core/price-list/entries", test_price_list_entries);
  g_test_add_func ("/core/price-list/validate", test_price_list_validate);

  return g_test_run ();
}
