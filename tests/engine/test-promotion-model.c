/* test-promotion-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The promotion model types the rule-group editor binds to: setters notify
 * once and only on change, and validation names the field at fault.
 */

#include "sp-model-error.h"
#include "sp-promotion.h"

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
test_notify_once (void)
{
  g_autoptr(SpPromotion) promotion = sp_promotion_new ();
  g_autoptr(SpRuleGroup) group = sp_rule_group_new_with_kind (SP_RULE_GROUP_KIND_GROUP);
  g_autoptr(SpRuleGroup) subgroup = sp_rule_group_new_with_kind (SP_RULE_GROUP_KIND_SUBGROUP);
  g_autoptr(SpTier) tier = sp_tier_new ();
  const char *values[] = { "DE", "FR", NULL };
  g_autoptr(SpRuleCondition) condition = sp_rule_condition_new ();
  guint n_name = 0, n_stacking = 0, n_sub = 0, n_values = 0, n_to = 0;

  g_signal_connect (promotion, "notify::name", G_CALLBACK (count_cb), &n_name);
  g_signal_connect (promotion, "notify::stacking", G_CALLBACK (count_cb), &n_stacking);
  g_signal_connect (group, "notify::subgroup", G_CALLBACK (count_cb), &n_sub);
  g_signal_connect (condition, "notify::values", G_CALLBACK (count_cb), &n_values);
  g_signal_connect (tier, "notify::to", G_CALLBACK (count_cb), &n_to);

  sp_promotion_set_name (promotion, "Summer");
  sp_promotion_set_name (promotion, "Summer");
  g_object_set (promotion, "stacking", SP_STACKING_EXCLUSIVE, NULL);
  sp_promotion_set_stacking (promotion, SP_STACKING_EXCLUSIVE);
  sp_rule_group_set_subgroup (group, subgroup);
  sp_rule_group_set_subgroup (group, subgroup);
  sp_rule_condition_set_values (condition, values);
  sp_rule_condition_set_values (condition, values);
  sp_tier_set_to (tier, -1);
  sp_tier_set_to (tier, 500);

  g_assert_cmpuint (n_name, ==, 1);
  g_assert_cmpuint (n_stacking, ==, 1);
  g_assert_cmpuint (n_sub, ==, 1);
  g_assert_cmpuint (n_values, ==, 1);
  g_assert_cmpuint (n_to, ==, 1);
  g_assert_cmpstr (sp_promotion_get_name (promotion), ==, "Summer");
  g_assert_cmpint (sp_tier_get_to (tier), ==, 500);
}

static void
test_validation_names_fields (void)
{
  g_autoptr(SpPromotion) promotion = sp_promotion_new ();
  g_autoptr(SpPromotionLine) line = sp_promotion_line_new ();
  g_autoptr(SpRuleGroup) rule = sp_rule_group_new_with_kind (SP_RULE_GROUP_KIND_RULE);
  g_autoptr(SpRuleGroup) group = sp_rule_group_new_with_kind (SP_RULE_GROUP_KIND_GROUP);
  g_autoptr(SpRuleGroup) subgroup = sp_rule_group_new_with_kind (SP_RULE_GROUP_KIND_SUBGROUP);
  g_autoptr(SpRuleGroup) nested = sp_rule_group_new_with_kind (SP_RULE_GROUP_KIND_SUBGROUP);
  g_autoptr(SpRuleCondition) condition = sp_rule_condition_new ();
  g_autoptr(SpBenefit) benefit = sp_benefit_new ();
  g_autoptr(GError) error = NULL;

  sp_promotion_set_start_date (promotion, "2024-01-01");
  sp_promotion_set_end_date (promotion, "2024-01-31");
  g_assert_false (sp_promotion_validate (promotion, "promo", &error));
  g_assert_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_INVALID_FIELD);
  g_assert_cmpstr (error->message, ==, "promo.name: the name must not be empty");
  g_clear_error (&error);

  sp_promotion_set_name (promotion, "January");
  sp_rule_condition_set_value (condition, "C1");
  sp_rule_group_append_condition (group, condition);
  sp_rule_group_append_condition (subgroup, condition);
  sp_rule_group_append_condition (nested, condition);
  sp_rule_group_set_subgroup (group, subgroup);
  sp_rule_group_append_group (rule, group);
  sp_promotion_line_set_number (line, "1");
  sp_promotion_line_set_eligibility (line, rule);
  sp_benefit_set_applies_to (benefit, SP_BENEFIT_TARGET_ALL);
  sp_benefit_set_value (benefit, 500);
  sp_promotion_line_append_benefit (line, benefit);
  sp_promotion_append_line (promotion, line);
  g_assert_true (sp_promotion_validate (promotion, NULL, &error));
  g_assert_no_error (error);

  /* What the editor must refuse: a subgroup inside a subgroup. */
  sp_rule_group_set_subgroup (subgroup, nested);
  g_assert_false (sp_promotion_validate (promotion, "$", &error));
  g_assert_cmpstr (error->message, ==, "$.lines[0].eligibility.groups[0].subgroup.subgroup: a subgroup cannot have a subgroup");
  g_clear_error (&error);
  sp_rule_group_set_subgroup (subgroup, NULL);

  sp_rule_condition_set_op (condition, SP_RULE_OP_GT);
  g_assert_false (sp_promotion_validate (promotion, "$", &error));
  g_assert_cmpstr (error->message, ==, "$.lines[0].eligibility.groups[0].conditions[0].op: "
                   "only numeric attributes can be compared with lt, le, gt or ge");
  g_clear_error (&error);
  sp_rule_condition_set_attribute (condition, SP_RULE_ATTRIBUTE_LINE_AMOUNT);
  g_assert_true (sp_promotion_validate (promotion, "$", &error));

  sp_benefit_set_value (benefit, 10001);
  g_assert_false (sp_promotion_validate (promotion, "$", &error));
  g_assert_cmpstr (error->message, ==, "$.lines[0].benefits[0].value: a percent cannot exceed 100");
  g_clear_error (&error);

  g_assert_true (sp_promotion_is_active_on (promotion, "2024-01-31"));
  g_assert_false (sp_promotion_is_active_on (promotion, "2024-02-01"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/promotion-model/notify-once", test_notify_once);
  g_test_add_func ("/engine/promotion-model/validation-names-fields", test_validation_names_fields);

  return g_test_run ();
}
