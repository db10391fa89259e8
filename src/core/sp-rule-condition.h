/* sp-rule-condition.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>


G_BEGIN_DECLS

/* What a condition looks at; the nick is the JSON name. */
typedef enum
{
  SP_RULE_ATTRIBUTE_CUSTOMER = 0,
  SP_RULE_ATTRIBUTE_CUSTOMER_ACCOUNT,
  SP_RULE_ATTRIBUTE_BILL_CITY,
  SP_RULE_ATTRIBUTE_BILL_COUNTY,
  SP_RULE_ATTRIBUTE_BILL_STATE,
  SP_RULE_ATTRIBUTE_BILL_PROVINCE,
  SP_RULE_ATTRIBUTE_BILL_COUNTRY,
  SP_RULE_ATTRIBUTE_BILL_POSTAL_CODE,
  SP_RULE_ATTRIBUTE_SHIP_CITY,
  SP_RULE_ATTRIBUTE_SHIP_COUNTY,
  SP_RULE_ATTRIBUTE_SHIP_STATE,
  SP_RULE_ATTRIBUTE_SHIP_PROVINCE,
  SP_RULE_ATTRIBUTE_SHIP_COUNTRY,
  SP_RULE_ATTRIBUTE_SHIP_POSTAL_CODE,
  SP_RULE_ATTRIBUTE_CURRENCY,
  SP_RULE_ATTRIBUTE_BUSINESS_UNIT,
  SP_RULE_ATTRIBUTE_SHIPMENT_METHOD,
  SP_RULE_ATTRIBUTE_PRICING_STRATEGY,
  SP_RULE_ATTRIBUTE_PAYMENT_TERM,
  SP_RULE_ATTRIBUTE_ITEM,
  SP_RULE_ATTRIBUTE_ITEM_CATEGORY,
  SP_RULE_ATTRIBUTE_UOM,
  SP_RULE_ATTRIBUTE_LINE_QUANTITY,
  SP_RULE_ATTRIBUTE_LINE_AMOUNT,
  SP_RULE_ATTRIBUTE_ORDER_TOTAL,
} SpRuleAttribute;

#define SP_TYPE_RULE_ATTRIBUTE (sp_rule_attribute_get_type ())
GType sp_rule_attribute_get_type (void) G_GNUC_CONST;
/* How a condition compares. */
typedef enum
{
  SP_RULE_OP_EQ = 0,
  SP_RULE_OP_NE,
  SP_RULE_OP_IN,
  SP_RULE_OP_NOT_IN,
  SP_RULE_OP_LT,
  SP_RULE_OP_LE,
  SP_RULE_OP_GT,
  SP_RULE_OP_GE,
} SpRuleOp;

#define SP_TYPE_RULE_OP (sp_rule_op_get_type ())
GType sp_rule_op_get_type (void) G_GNUC_CONST;

#define SP_TYPE_RULE_CONDITION (sp_rule_condition_get_type ())

G_DECLARE_FINAL_TYPE (SpRuleCondition, sp_rule_condition, SP, RULE_CONDITION, GObject)

SpRuleCondition *    sp_rule_condition_new           (void) G_GNUC_WARN_UNUSED_RESULT;
SpRuleAttribute      sp_rule_condition_get_attribute (SpRuleCondition *self);
void                 sp_rule_condition_set_attribute (SpRuleCondition *self, SpRuleAttribute attribute);
SpRuleOp             sp_rule_condition_get_op        (SpRuleCondition *self);
void                 sp_rule_condition_set_op        (SpRuleCondition *self, SpRuleOp op);
const char *         sp_rule_condition_get_value     (SpRuleCondition *self);
void                 sp_rule_condition_set_value     (SpRuleCondition *self, const char *value);
const char * const * sp_rule_condition_get_values    (SpRuleCondition *self);
void                 sp_rule_condition_set_values    (SpRuleCondition *self, const char * const *values);
gint64               sp_rule_condition_get_number    (SpRuleCondition *self);
void                 sp_rule_condition_set_number    (SpRuleCondition *self, gint64 number);
gboolean             sp_rule_attribute_is_numeric    (SpRuleAttribute attribute);
gboolean             sp_rule_condition_validate      (SpRuleCondition *self, const char *path, GError **error);

G_END_DECLS
