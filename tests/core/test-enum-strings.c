/* test-enum-strings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>

#include <glib-object.h>

#include "sp-core-enums.h"
#include "sp-enum-strings.h"

typedef const char *(*ToStringFunc)   (int value);
typedef gboolean    (*FromStringFunc) (const char *text, int *out);

/* Every value of @type has a distinct string form that reads back. */
static void
assert_round_trip (GType           type,
                   ToStringFunc    to_string,
                   FromStringFunc  from_string)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < klass->n_values; i++)
    {
      int value = klass->values[i].value;
      const char *text = to_string (value);
      int back = -1;

      g_assert_nonnull (text);
      g_assert_false (g_hash_table_contains (seen, text));
      g_hash_table_add (seen, (gpointer)text);
      g_assert_true (from_string (text, &back));
      g_assert_cmpint (back, ==, value);
    }

  g_assert_null (to_string ((int)klass->n_values + 5));
  g_assert_false (from_string ("nonsense", NULL));
  g_assert_false (from_string ("", NULL));
  g_assert_false (from_string (NULL, NULL));
}

static void
test_enum_strings_round_trip (void)
{
  assert_round_trip (SP_TYPE_CAMPAIGN_STATUS, (ToStringFunc)sp_campaign_status_to_string,
                     (FromStringFunc)sp_campaign_status_from_string);
  assert_round_trip (SP_TYPE_CAMPAIGN_ORIGIN, (ToStringFunc)sp_campaign_origin_to_string,
                     (FromStringFunc)sp_campaign_origin_from_string);
  assert_round_trip (SP_TYPE_SCOPE_KIND, (ToStringFunc)sp_scope_kind_to_string,
                     (FromStringFunc)sp_scope_kind_from_string);
  assert_round_trip (SP_TYPE_DISCOUNT_TYPE, (ToStringFunc)sp_discount_type_to_string,
                     (FromStringFunc)sp_discount_type_from_string);
  assert_round_trip (SP_TYPE_APPROVAL_DECISION, (ToStringFunc)sp_approval_decision_to_string,
                     (FromStringFunc)sp_approval_decision_from_string);
}

static void
test_enum_strings_stored_forms (void)
{
  SpCampaignStatus status;
  SpDiscountType type;

  /* These strings are in databases and JSON files: they never change. */
  g_assert_cmpstr (sp_campaign_status_to_string (SP_CAMPAIGN_STATUS_DRAFT), ==, "draft");
  g_assert_cmpstr (sp_campaign_status_to_string (SP_CAMPAIGN_STATUS_IN_REVIEW), ==, "in_review");
  g_assert_cmpstr (sp_campaign_status_to_string (SP_CAMPAIGN_STATUS_FAILED), ==, "failed");
  g_assert_cmpstr (sp_campaign_origin_to_string (SP_CAMPAIGN_ORIGIN_TRIGGER), ==, "trigger");
  g_assert_cmpstr (sp_scope_kind_to_string (SP_SCOPE_KIND_CATEGORY), ==, "category");
  g_assert_cmpstr (sp_discount_type_to_string (SP_DISCOUNT_TYPE_AMOUNT), ==, "amount");
  g_assert_cmpstr (sp_approval_decision_to_string (SP_APPROVAL_DECISION_SUBMITTED), ==, "submitted");

  g_assert_true (sp_campaign_status_from_string ("live", &status));
  g_assert_cmpint (status, ==, SP_CAMPAIGN_STATUS_LIVE);
  g_assert_false (sp_campaign_status_from_string ("in-review", &status));
  g_assert_false (sp_campaign_status_from_string ("LIVE", &status));
  g_assert_cmpint (status, ==, SP_CAMPAIGN_STATUS_LIVE);
  g_assert_true (sp_discount_type_from_string ("percent", &type));
  g_assert_cmpint (type, ==, SP_DISCOUNT_TYPE_PERCENT);
}

static void
test_enum_strings_labels (void)
{
  /* Untranslated (C locale) labels are what a user reads in English. */
  g_assert_cmpstr (sp_campaign_status_to_label (SP_CAMPAIGN_STATUS_DRAFT), ==, "Draft");
  g_assert_cmpstr (sp_campaign_status_to_label (SP_CAMPAIGN_STATUS_IN_REVIEW), ==, "In Review");
  g_assert_cmpstr (sp_campaign_status_to_label (SP_CAMPAIGN_STATUS_LIVE), ==, "Live");
  g_assert_cmpstr (sp_campaign_origin_to_label (SP_CAMPAIGN_ORIGIN_TRIGGER), ==, "ERP Trigger");
  g_assert_cmpstr (sp_approval_decision_to_label (SP_APPROVAL_DECISION_REJECTED), ==, "Rejected");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/enum-strings/round-trip", test_enum_strings_round_trip);
  g_test_add_func ("/core/enum-strings/stored-forms", test_enum_strings_stored_forms);
  g_test_add_func ("/core/enum-strings/labels", test_enum_strings_labels);

  return g_test_run ();
}
