/* sp-promotion-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parser reads every member through the type-checked helpers of
 * sp-engine-json-private.h and then runs the model's own validation with
 * the JSON path as location, so every error names the path of the member
 * at fault. Unknown members are ignored (forward compatibility). Decimals
 * are hundredths: minor units for money, basis points for percents.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-engine-error.h"
#include "sp-engine-json-private.h"
#include "sp-promotion-json.h"

static gboolean
parse_condition (JsonObject       *object,
                 const char       *path,
                 SpRuleCondition **out,
                 GError          **error)
{
  g_autoptr(SpRuleCondition) condition = sp_rule_condition_new ();
  int attribute = 0;
  int op = 0;

  if (!_sp_json_get_enum (object, path, "attribute", SP_JSON_REQUIRED, SP_TYPE_RULE_ATTRIBUTE,
                          &attribute, error) ||
      !_sp_json_get_enum (object, path, "op", SP_JSON_REQUIRED, SP_TYPE_RULE_OP, &op, error))
    return FALSE;

  sp_rule_condition_set_attribute (condition, attribute);
  sp_rule_condition_set_op (condition, op);

  if (attribute == SP_RULE_ATTRIBUTE_LINE_QUANTITY)
    {
      gint64 number = 0;

      if (op == SP_RULE_OP_IN || op == SP_RULE_OP_NOT_IN)
        return _sp_json_fail (error, path, "op", _("a numeric attribute takes eq, ne, lt, le, gt or ge"));
      if (!_sp_json_get_int (object, path, "value", SP_JSON_REQUIRED, &number, error))
        return FALSE;
      if (number > SP_QUANTITY_MAX || number < -SP_QUANTITY_MAX)
        return _sp_json_fail (error, path, "value", _("the number is out of range"));
      sp_rule_condition_set_number (condition, number);
    }
  else if (sp_rule_attribute_is_numeric (attribute))
    {
      gint64 number = 0;

      if (op == SP_RULE_OP_IN || op == SP_RULE_OP_NOT_IN)
        return _sp_json_fail (error, path, "op", _("a numeric attribute takes eq, ne, lt, le, gt or ge"));
      if (!_sp_json_get_decimal (object, path, "value", SP_JSON_REQUIRED, &number, error))
        return FALSE;
      sp_rule_condition_set_number (condition, number);
    }
  else if (op == SP_RULE_OP_IN || op == SP_RULE_OP_NOT_IN)
    {
      g_autoptr(GPtrArray) values = g_ptr_array_new ();
      g_autofree char *where = g_strdup_printf ("%s.value", path);
      JsonArray *array;

      if (!_sp_json_get_array (object, path, "value", SP_JSON_REQUIRED, &array, error))
        return FALSE;
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *value;

          if (!_sp_json_array_string (array, i, where, &value, error))
            return FALSE;
          g_ptr_array_add (values, (gpointer)value);
        }
      g_ptr_array_add (values, NULL);
      sp_rule_condition_set_values (condition, (const char * const *)values->pdata);
    }
  else
    {
      const char *value;

      if (!_sp_json_get_string (object, path, "value", SP_JSON_REQUIRED, &value, error))
        return FALSE;
      sp_rule_condition_set_value (condition, value);
    }

  *out = g_steal_pointer (&condition);
  return TRUE;
}

/* A block: the operator and conditions of a group, subgroup or exclusion. */
static gboolean
parse_block (JsonObject       *object,
             const char       *path,
             SpRuleGroupKind   kind,
             SpRuleGroup     **out,
             GError          **error)
{
  g_autoptr(SpRuleGroup) group = sp_rule_group_new_with_kind (kind);
  g_autofree char *conditions_path = g_strdup_printf ("%s.conditions", path);
  JsonArray *conditions;
  int operator = SP_RULE_OPERATOR_ALL;

  if (!_sp_json_get_enum (object, path, "operator", SP_JSON_REQUIRED, SP_TYPE_RULE_OPERATOR,
                          &operator, error) ||
      !_sp_json_get_array (object, path, "conditions", SP_JSON_REQUIRED, &conditions, error))
    return FALSE;

  sp_rule_group_set_operator (group, operator);

  for (guint i = 0; i < json_array_get_length (conditions); i++)
    {
      g_autoptr(SpRuleCondition) condition = NULL;
      g_autofree char *where = g_strdup_printf ("%s[%u]", conditions_path, i);
      JsonObject *element;

      if (!_sp_json_array_object (conditions, i, conditions_path, &element, error) ||
          !parse_condition (element, where, &condition, error))
        return FALSE;
      sp_rule_group_append_condition (group, condition);
    }

  *out = g_steal_pointer (&group);
  return TRUE;
}

static gboolean
parse_nested (JsonObject       *object,
              const char       *path,
              const char       *member,
              SpRuleGroupKind   kind,
              SpRuleGroup     **out,
              GError          **error)
{
  g_autofree char *where = g_strdup_printf ("%s.%s", path, member);
  JsonObject *nested;

  *out = NULL;
  if (!_sp_json_get_object (object, path, member, SP_JSON_OPTIONAL, &nested, error))
    return FALSE;
  if (nested == NULL)
    return TRUE;

  /* Subgroups and exclusions are plain blocks: say so at the member that
   * breaks the rule, before anything else is read. */
  if (json_object_has_member (nested, "subgroup") &&
      !JSON_NODE_HOLDS_NULL (json_object_get_member (nested, "subgroup")))
    return _sp_json_fail (error, where, "subgroup",
                          kind == SP_RULE_GROUP_KIND_SUBGROUP ? _("a subgroup cannot have a subgroup")
                                                              : _("an exclusion cannot have a subgroup"));
  if (json_object_has_member (nested, "exclusion") &&
      !JSON_NODE_HOLDS_NULL (json_object_get_member (nested, "exclusion")))
    return _sp_json_fail (error, where, "exclusion", _("only groups can have an exclusion"));

  return parse_block (nested, where, kind, out, error);
}

static gboolean
parse_rule (JsonObject    *object,
            const char    *path,
            SpRuleGroup  **out,
            GError       **error)
{
  g_autoptr(SpRuleGroup) rule = sp_rule_group_new_with_kind (SP_RULE_GROUP_KIND_RULE);
  g_autofree char *groups_path = g_strdup_printf ("%s.groups", path);
  JsonArray *groups;
  int operator = SP_RULE_OPERATOR_ALL;

  if (!_sp_json_get_enum (object, path, "operator", SP_JSON_REQUIRED, SP_TYPE_RULE_OPERATOR,
                          &operator, error) ||
      !_sp_json_get_array (object, path, "groups", SP_JSON_REQUIRED, &groups, error))
    return FALSE;

  sp_rule_group_set_operator (rule, operator);

  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      g_autoptr(SpRuleGroup) group = NULL;
      g_autoptr(SpRuleGroup) subgroup = NULL;
      g_autoptr(SpRuleGroup) exclusion = NULL;
      g_autofree char *where = g_strdup_printf ("%s[%u]", groups_path, i);
      JsonObject *element;

      if (!_sp_json_array_object (groups, i, groups_path, &element, error) ||
          !parse_block (element, where, SP_RULE_GROUP_KIND_GROUP, &group, error) ||
          !parse_nested (element, where, "subgroup", SP_RULE_GROUP_KIND_SUBGROUP, &subgroup, error) ||
          !parse_nested (element, where, "exclusion", SP_RULE_GROUP_KIND_EXCLUSION, &exclusion, error))
        return FALSE;

      sp_rule_group_set_subgroup (group, subgroup);
      sp_rule_group_set_exclusion (group, exclusion);
      sp_rule_group_append_group (rule, group);
    }

  *out = g_steal_pointer (&rule);
  return TRUE;
}

static gboolean
parse_tier (JsonObject  *object,
            const char  *path,
            SpTier     **out,
            GError     **error)
{
  g_autoptr(SpTier) tier = sp_tier_new ();
  gint64 from = 0, to = -1, value = 0, block_size = 0;
  int adjustment = SP_TIER_ADJUSTMENT_PERCENT;
  int remainder = SP_TIER_REMAINDER_NONE;

  if (!_sp_json_get_decimal (object, path, "from", SP_JSON_REQUIRED, &from, error) ||
      !_sp_json_get_decimal (object, path, "to", SP_JSON_OPTIONAL, &to, error) ||
      !_sp_json_get_enum (object, path, "adjustment", SP_JSON_REQUIRED, SP_TYPE_TIER_ADJUSTMENT,
                          &adjustment, error) ||
      !_sp_json_get_decimal (object, path, "value", SP_JSON_REQUIRED, &value, error) ||
      !_sp_json_get_int (object, path, "block_size", SP_JSON_OPTIONAL, &block_size, error) ||
      !_sp_json_get_enum (object, path, "remainder", SP_JSON_OPTIONAL, SP_TYPE_TIER_REMAINDER,
                          &remainder, error))
    return FALSE;

  if (from < 0)
    return _sp_json_fail (error, path, "from", _("must not be negative"));
  if (to < 0 && json_object_has_member (object, "to") &&
      !JSON_NODE_HOLDS_NULL (json_object_get_member (object, "to")))
    return _sp_json_fail (error, path, "to", _("must not be negative"));
  if (block_size < 0 || block_size > SP_QUANTITY_MAX)
    return _sp_json_fail (error, path, "block_size", _("must be a positive number of units"));

  sp_tier_set_from (tier, from);
  sp_tier_set_to (tier, to);
  sp_tier_set_adjustment (tier, adjustment);
  sp_tier_set_value (tier, value);
  sp_tier_set_block_size (tier, block_size);
  sp_tier_set_remainder (tier, remainder);

  *out = g_steal_pointer (&tier);
  return TRUE;
}

static gboolean
parse_benefit (JsonObject  *object,
               const char  *path,
               SpBenefit  **out,
               GError     **error)
{
  g_autoptr(SpBenefit) benefit = sp_benefit_new ();
  int applies_to = SP_BENEFIT_TARGET_ALL;
  int type = SP_BENEFIT_TYPE_PERCENT;
  const char *target = NULL;

  if (!_sp_json_get_enum (object, path, "applies_to", SP_JSON_REQUIRED, SP_TYPE_BENEFIT_TARGET,
                          &applies_to, error))
    return FALSE;
  if (applies_to == SP_BENEFIT_TARGET_ITEM &&
      !_sp_json_get_string (object, path, "item", SP_JSON_REQUIRED, &target, error))
    return FALSE;
  if (applies_to == SP_BENEFIT_TARGET_ITEM_CATEGORY &&
      !_sp_json_get_string (object, path, "item_category", SP_JSON_REQUIRED, &target, error))
    return FALSE;
  if (!_sp_json_get_enum (object, path, "type", SP_JSON_REQUIRED, SP_TYPE_BENEFIT_TYPE, &type, error))
    return FALSE;

  sp_benefit_set_applies_to (benefit, applies_to);
  sp_benefit_set_target (benefit, target);
  sp_benefit_set_kind (benefit, type);

  if (type == SP_BENEFIT_TYPE_TIERED)
    {
      g_autofree char *tiers_path = g_strdup_printf ("%s.tiers", path);
      int basis = SP_TIER_BASIS_LINE_QUANTITY;
      int calculate = SP_TIER_CALCULATE_PER_UNIT;
      JsonArray *tiers;

      if (!_sp_json_get_enum (object, path, "basis", SP_JSON_REQUIRED, SP_TYPE_TIER_BASIS, &basis, error) ||
          !_sp_json_get_enum (object, path, "calculate", SP_JSON_REQUIRED, SP_TYPE_TIER_CALCULATE,
                              &calculate, error) ||
          !_sp_json_get_array (object, path, "tiers", SP_JSON_REQUIRED, &tiers, error))
        return FALSE;

      sp_benefit_set_basis (benefit, basis);
      sp_benefit_set_calculate (benefit, calculate);

      for (guint i = 0; i < json_array_get_length (tiers); i++)
        {
          g_autoptr(SpTier) tier = NULL;
          g_autofree char *where = g_strdup_printf ("%s[%u]", tiers_path, i);
          JsonObject *element;

          if (!_sp_json_array_object (tiers, i, tiers_path, &element, error) ||
              !parse_tier (element, where, &tier, error))
            return FALSE;
          sp_benefit_append_tier (benefit, tier);
        }
    }
  else
    {
      gint64 value = 0;

      if (!_sp_json_get_decimal (object, path, "value", SP_JSON_REQUIRED, &value, error))
        return FALSE;
      sp_benefit_set_value (benefit, value);
    }

  *out = g_steal_pointer (&benefit);
  return TRUE;
}

static gboolean
parse_line (JsonObject       *object,
            const char       *path,
            guint             index,
            SpPromotionLine **out,
            GError          **error)
{
  g_autoptr(SpPromotionLine) line = sp_promotion_line_new ();
  g_autoptr(SpRuleGroup) rule = NULL;
  g_autofree char *rule_path = g_strdup_printf ("%s.eligibility", path);
  g_autofree char *benefits_path = g_strdup_printf ("%s.benefits", path);
  JsonObject *eligibility;
  JsonArray *benefits;
  const char *number;
  gint64 sequence = index + 1;

  if (!_sp_json_get_string (object, path, "number", SP_JSON_REQUIRED, &number, error) ||
      !_sp_json_get_int (object, path, "sequence", SP_JSON_OPTIONAL, &sequence, error) ||
      !_sp_json_get_object (object, path, "eligibility", SP_JSON_OPTIONAL, &eligibility, error) ||
      !_sp_json_get_array (object, path, "benefits", SP_JSON_REQUIRED, &benefits, error))
    return FALSE;

  if (sequence < 0 || sequence > G_MAXINT32)
    return _sp_json_fail (error, path, "sequence", _("the number is out of range"));

  if (eligibility != NULL && !parse_rule (eligibility, rule_path, &rule, error))
    return FALSE;

  sp_promotion_line_set_number (line, number);
  sp_promotion_line_set_sequence (line, (guint)sequence);
  sp_promotion_line_set_eligibility (line, rule);

  for (guint i = 0; i < json_array_get_length (benefits); i++)
    {
      g_autoptr(SpBenefit) benefit = NULL;
      g_autofree char *where = g_strdup_printf ("%s[%u]", benefits_path, i);
      JsonObject *element;

      if (!_sp_json_array_object (benefits, i, benefits_path, &element, error) ||
          !parse_benefit (element, where, &benefit, error))
        return FALSE;
      sp_promotion_line_append_benefit (line, benefit);
    }

  *out = g_steal_pointer (&line);
  return TRUE;
}

/**
 * sp_promotion_from_json:
 * @node: a JSON object node
 * @path: the JSON path of @node, for messages ("$.promotions[3]")
 * @error: return location for a #GError
 *
 * Reads one promotion and validates it. A missing or empty "number" gives
 * a promotion without a number (assigned when it is saved).
 *
 * Returns: (transfer full): the promotion, or %NULL with @error set
 */
SpPromotion *
sp_promotion_from_json (JsonNode    *node,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(SpPromotion) promotion = sp_promotion_new ();
  g_autofree char *lines_path = g_strdup_printf ("%s.lines", path);
  JsonObject *object;
  JsonArray *lines;
  const char *number, *name, *description, *start, *end;
  int stacking = SP_STACKING_STACK;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _sp_json_fail (error, path, NULL, _("expected an object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!_sp_json_get_string (object, path, "number", SP_JSON_OPTIONAL, &number, error) ||
      !_sp_json_get_string (object, path, "name", SP_JSON_REQUIRED, &name, error) ||
      !_sp_json_get_string (object, path, "description", SP_JSON_OPTIONAL, &description, error) ||
      !_sp_json_get_string (object, path, "start", SP_JSON_REQUIRED, &start, error) ||
      !_sp_json_get_string (object, path, "end", SP_JSON_REQUIRED, &end, error) ||
      !_sp_json_get_enum (object, path, "stacking", SP_JSON_OPTIONAL, SP_TYPE_STACKING, &stacking, error) ||
      !_sp_json_get_array (object, path, "lines", SP_JSON_REQUIRED, &lines, error))
    return NULL;

  sp_promotion_set_number (promotion, number != NULL && number[0] != '\0' ? number : NULL);
  sp_promotion_set_name (promotion, name);
  sp_promotion_set_description (promotion, description);
  sp_promotion_set_start_date (promotion, start);
  sp_promotion_set_end_date (promotion, end);
  sp_promotion_set_stacking (promotion, stacking);

  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      g_autoptr(SpPromotionLine) line = NULL;
      g_autofree char *where = g_strdup_printf ("%s[%u]", lines_path, i);
      JsonObject *element;

      if (!_sp_json_array_object (lines, i, lines_path, &element, error) ||
          !parse_line (element, where, i, &line, error))
        return NULL;
      sp_promotion_append_line (promotion, line);
    }

  if (!sp_promotion_validate (promotion, path, error))
    return NULL;

  return g_steal_pointer (&promotion);
}

/**
 * sp_promotions_from_json:
 * @root: a JSON object with a "promotions" array (a workload or an export)
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type SpPromotion): the promotions in file
 *   order, or %NULL with @error set
 */
GPtrArray *
sp_promotions_from_json (JsonNode  *root,
                         GError   **error)
{
  g_autoptr(GPtrArray) promotions = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array;

  g_return_val_if_fail (root != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      _sp_json_fail (error, "$", NULL, _("expected an object"));
      return NULL;
    }

  if (!_sp_json_get_array (json_node_get_object (root), "$", "promotions", SP_JSON_REQUIRED, &array, error))
    return NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("$.promotions[%u]", i);
      SpPromotion *promotion;

      if (!(promotion = sp_promotion_from_json (json_array_get_element (array, i), where, error)))
        return NULL;
      g_ptr_array_add (promotions, promotion);
    }

  return g_steal_pointer (&promotions);
}

/**
 * sp_promotion_from_json_string:
 * @text: one promotion as JSON text
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the promotion, or %NULL with @error set
 */
SpPromotion *
sp_promotion_from_json_string (const char  *text,
                               GError     **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (!(root = _sp_json_parse_data (text, -1, error)))
    return NULL;

  return sp_promotion_from_json (root, "$", error);
}

static const char *
nick (GType type,
      int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  /* Enum classes of static types stay alive, so the nick does too. */
  return enum_value != NULL ? enum_value->value_nick : "";
}

static void
add_decimal (JsonBuilder *builder,
             const char  *member,
             gint64       hundredths)
{
  g_autofree char *text = _sp_decimal_format (hundredths);

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
build_block (JsonBuilder *builder,
             SpRuleGroup *group)
{
  GListModel *conditions = sp_rule_group_get_conditions (group);

  json_builder_begin_object (builder);
  add_string (builder, "operator", nick (SP_TYPE_RULE_OPERATOR, sp_rule_group_get_operator (group)));
  json_builder_set_member_name (builder, "conditions");
  json_builder_begin_array (builder);

  for (guint i = 0; i < g_list_model_get_n_items (conditions); i++)
    {
      g_autoptr(SpRuleCondition) condition = g_list_model_get_item (conditions, i);
      SpRuleAttribute attribute = sp_rule_condition_get_attribute (condition);
      SpRuleOp op = sp_rule_condition_get_op (condition);

      json_builder_begin_object (builder);
      add_string (builder, "attribute", nick (SP_TYPE_RULE_ATTRIBUTE, attribute));
      add_string (builder, "op", nick (SP_TYPE_RULE_OP, op));

      if (attribute == SP_RULE_ATTRIBUTE_LINE_QUANTITY)
        {
          json_builder_set_member_name (builder, "value");
          json_builder_add_int_value (builder, sp_rule_condition_get_number (condition));
        }
      else if (sp_rule_attribute_is_numeric (attribute))
        add_decimal (builder, "value", sp_rule_condition_get_number (condition));
      else if (op == SP_RULE_OP_IN || op == SP_RULE_OP_NOT_IN)
        {
          const char * const *values = sp_rule_condition_get_values (condition);

          json_builder_set_member_name (builder, "value");
          json_builder_begin_array (builder);
          for (guint j = 0; values != NULL && values[j] != NULL; j++)
            json_builder_add_string_value (builder, values[j]);
          json_builder_end_array (builder);
        }
      else
        add_string (builder, "value", sp_rule_condition_get_value (condition));

      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
}

static void
build_rule (JsonBuilder *builder,
            SpRuleGroup *rule)
{
  GListModel *groups = sp_rule_group_get_groups (rule);

  json_builder_begin_object (builder);
  add_string (builder, "operator", nick (SP_TYPE_RULE_OPERATOR, sp_rule_group_get_operator (rule)));
  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(SpRuleGroup) group = g_list_model_get_item (groups, i);
      SpRuleGroup *subgroup = sp_rule_group_get_subgroup (group);
      SpRuleGroup *exclusion = sp_rule_group_get_exclusion (group);

      build_block (builder, group);
      json_builder_set_member_name (builder, "subgroup");
      if (subgroup != NULL)
        {
          build_block (builder, subgroup);
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);

      json_builder_set_member_name (builder, "exclusion");
      if (exclusion != NULL)
        {
          build_block (builder, exclusion);
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);

      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
build_benefit (JsonBuilder *builder,
               SpBenefit   *benefit)
{
  SpBenefitTarget applies_to = sp_benefit_get_applies_to (benefit);
  SpBenefitType type = sp_benefit_get_kind (benefit);

  json_builder_begin_object (builder);
  add_string (builder, "applies_to", nick (SP_TYPE_BENEFIT_TARGET, applies_to));
  if (applies_to == SP_BENEFIT_TARGET_ITEM)
    add_string (builder, "item", sp_benefit_get_target (benefit));
  else if (applies_to == SP_BENEFIT_TARGET_ITEM_CATEGORY)
    add_string (builder, "item_category", sp_benefit_get_target (benefit));
  add_string (builder, "type", nick (SP_TYPE_BENEFIT_TYPE, type));

  if (type != SP_BENEFIT_TYPE_TIERED)
    add_decimal (builder, "value", sp_benefit_get_value (benefit));
  else
    {
      GListModel *tiers = sp_benefit_get_tiers (benefit);

      add_string (builder, "basis", nick (SP_TYPE_TIER_BASIS, sp_benefit_get_basis (benefit)));
      add_string (builder, "calculate", nick (SP_TYPE_TIER_CALCULATE, sp_benefit_get_calculate (benefit)));
      json_builder_set_member_name (builder, "tiers");
      json_builder_begin_array (builder);

      for (guint i = 0; i < g_list_model_get_n_items (tiers); i++)
        {
          g_autoptr(SpTier) tier = g_list_model_get_item (tiers, i);

          json_builder_begin_object (builder);
          add_decimal (builder, "from", sp_tier_get_from (tier));
          if (sp_tier_get_to (tier) >= 0)
            add_decimal (builder, "to", sp_tier_get_to (tier));
          else
            add_string (builder, "to", NULL);
          add_string (builder, "adjustment", nick (SP_TYPE_TIER_ADJUSTMENT, sp_tier_get_adjustment (tier)));
          add_decimal (builder, "value", sp_tier_get_value (tier));
          if (sp_tier_get_block_size (tier) > 0)
            {
              json_builder_set_member_name (builder, "block_size");
              json_builder_add_int_value (builder, sp_tier_get_block_size (tier));
              add_string (builder, "remainder", nick (SP_TYPE_TIER_REMAINDER, sp_tier_get_remainder (tier)));
            }
          json_builder_end_object (builder);
        }

      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
}

/**
 * sp_promotion_to_json:
 * @promotion: a promotion
 *
 * Writes @promotion in the form sp_promotion_from_json() reads; reading the
 * result back gives an equal promotion, and writing that again gives the
 * same text (decimals always with two decimals).
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
sp_promotion_to_json (SpPromotion *promotion)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  GListModel *lines;

  g_return_val_if_fail (SP_IS_PROMOTION (promotion), NULL);

  lines = sp_promotion_get_lines (promotion);

  json_builder_begin_object (builder);
  add_string (builder, "number", sp_promotion_get_number (promotion));
  add_string (builder, "name", sp_promotion_get_name (promotion));
  add_string (builder, "description", sp_promotion_get_description (promotion));
  add_string (builder, "start", sp_promotion_get_start_date (promotion));
  add_string (builder, "end", sp_promotion_get_end_date (promotion));
  add_string (builder, "stacking", nick (SP_TYPE_STACKING, sp_promotion_get_stacking (promotion)));
  json_builder_set_member_name (builder, "lines");
  json_builder_begin_array (builder);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(SpPromotionLine) line = g_list_model_get_item (lines, i);
      GListModel *benefits = sp_promotion_line_get_benefits (line);
      SpRuleGroup *rule = sp_promotion_line_get_eligibility (line);

      json_builder_begin_object (builder);
      add_string (builder, "number", sp_promotion_line_get_number (line));
      json_builder_set_member_name (builder, "sequence");
      json_builder_add_int_value (builder, sp_promotion_line_get_sequence (line));
      json_builder_set_member_name (builder, "eligibility");
      if (rule != NULL)
        build_rule (builder, rule);
      else
        json_builder_add_null_value (builder);

      json_builder_set_member_name (builder, "benefits");
      json_builder_begin_array (builder);
      for (guint j = 0; j < g_list_model_get_n_items (benefits); j++)
        {
          g_autoptr(SpBenefit) benefit = g_list_model_get_item (benefits, j);

          build_benefit (builder, benefit);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * sp_promotion_to_json_string:
 * @promotion: a promotion
 *
 * Returns: (transfer full): sp_promotion_to_json() as compact text
 */
char *
sp_promotion_to_json_string (SpPromotion *promotion)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (SP_IS_PROMOTION (promotion), NULL);

  node = sp_promotion_to_json (promotion);
  return json_to_string (node, FALSE);
}
