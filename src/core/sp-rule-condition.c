/* sp-rule-condition.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-rule-condition.h"
#include "sp-model-error.h"

G_DEFINE_ENUM_TYPE (SpRuleAttribute, sp_rule_attribute,
  G_DEFINE_ENUM_VALUE (SP_RULE_ATTRIBUTE_CUSTOMER, "customer"),
  G_DEFINE_ENUM_VALUE (SP_RULE_ATTRIBUTE_CUSTOMER_ACCOUNT, "customer_account"),
  G_DEFINE_ENUM_VALUE (SP_RULE_ATTRIBUTE_BILL_CITY, "bill_city"),
  G_DEFINE_ENUM_VALUE (SP_RULE_ATTRIBUTE_BILL_COUNTY, "bill_county"),
  G_DEFINE_ENUM_VALUE (SP_RULE_ATTRIBUTE_BILL_STATE, "bill_state"),
  G_DEFINE_ENUM_VALUE (SP_RULE_ATTRIBUTE_BILL_PROVINCE, "bill_province"),
  G_DEFINE_ENUM_VALUE (SP_RULE_ATTRIBUTE_BILL_COUNTRY, "bill_country"),
  G_DEFINE_ENUM_VALUE (SP_RULE_ATTRIBUTE_BILL_POSTAL_CODE, "bill_postal_code"),
  G_DEFINE_ENUM_VALUE (SP_RULE_ATTRIBUTE_SHIP_CITY, "ship_city"),
  G_DEFINE_ENUM_VALUE (SP_RULE_ATTRIBUTE_SHIP_COUNTY, "ship_county"),
  G_DEFINE_ENUM_VALUE (SP_RULE_ATTRIBUTE_SHIP_STATE, "ship_state"),
  G_DEFINE_ENUM_VALUE (SP_RULE_ATTRIBUTE_SHIP_PROVINCE, "ship_province"),
  G_DEFINE_ENUM_VALUE (SP_RULE_ATTRIBUTE_SHIP_COUNTRY, "ship_country"),
  G_DEFINE_ENUM_VALUE (SP_RULE_ATTRIBUTE_SHIP_POSTAL_CODE, "ship_postal_code"),
  G_DEFINE_ENUM_VALUE (SP_RULE_ATTRIBUTE_CURRENCY, "currency"),
  G_DEFINE_ENUM_VALUE (SP_RULE_ATTRIBUTE_BUSINESS_UNIT, "business_unit"),
  G_DEFINE_ENUM_VALUE (SP_RULE_ATTRIBUTE_SHIPMENT_METHOD, "shipment_method"),
  G_DEFINE_ENUM_VALUE (SP_RULE_ATTRIBUTE_PRICING_STRATEGY, "pricing_strategy"),
  G_DEFINE_ENUM_VALUE (SP_RULE_ATTRIBUTE_PAYMENT_TERM, "payment_term"),
  G_DEFINE_ENUM_VALUE (SP_RULE_ATTRIBUTE_ITEM, "item"),
  G_DEFINE_ENUM_VALUE (SP_RULE_ATTRIBUTE_ITEM_CATEGORY, "item_category"),
  G_DEFINE_ENUM_VALUE (SP_RULE_ATTRIBUTE_UOM, "uom"),
  G_DEFINE_ENUM_VALUE (SP_RULE_ATTRIBUTE_LINE_QUANTITY, "line_quantity"),
  G_DEFINE_ENUM_VALUE (SP_RULE_ATTRIBUTE_LINE_AMOUNT, "line_amount"),
  G_DEFINE_ENUM_VALUE (SP_RULE_ATTRIBUTE_ORDER_TOTAL, "order_total"))
G_DEFINE_ENUM_TYPE (SpRuleOp, sp_rule_op,
  G_DEFINE_ENUM_VALUE (SP_RULE_OP_EQ, "eq"),
  G_DEFINE_ENUM_VALUE (SP_RULE_OP_NE, "ne"),
  G_DEFINE_ENUM_VALUE (SP_RULE_OP_IN, "in"),
  G_DEFINE_ENUM_VALUE (SP_RULE_OP_NOT_IN, "not_in"),
  G_DEFINE_ENUM_VALUE (SP_RULE_OP_LT, "lt"),
  G_DEFINE_ENUM_VALUE (SP_RULE_OP_LE, "le"),
  G_DEFINE_ENUM_VALUE (SP_RULE_OP_GT, "gt"),
  G_DEFINE_ENUM_VALUE (SP_RULE_OP_GE, "ge"))

struct _SpRuleCondition
{
  GObject parent_instance;

  SpRuleAttribute attribute;
  SpRuleOp op;
  char *value;  /* owned */
  char **values;  /* owned */
  gint64 number;
};

G_DEFINE_FINAL_TYPE (SpRuleCondition, sp_rule_condition, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ATTRIBUTE,
  PROP_OP,
  PROP_VALUE,
  PROP_VALUES,
  PROP_NUMBER,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sp_rule_condition_finalize (GObject *object)
{
  SpRuleCondition *self = (SpRuleCondition *)object;

  g_clear_pointer (&self->value, g_free);
  g_clear_pointer (&self->values, g_strfreev);

  G_OBJECT_CLASS (sp_rule_condition_parent_class)->finalize (object);
}

static void
sp_rule_condition_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SpRuleCondition *self = SP_RULE_CONDITION (object);

  switch (prop_id)
    {
    case PROP_ATTRIBUTE:
      g_value_set_enum (value, self->attribute);
      break;

    case PROP_OP:
      g_value_set_enum (value, self->op);
      break;

    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;

    case PROP_VALUES:
      g_value_set_boxed (value, self->values);
      break;

    case PROP_NUMBER:
      g_value_set_int64 (value, self->number);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_rule_condition_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SpRuleCondition *self = SP_RULE_CONDITION (object);

  switch (prop_id)
    {
    case PROP_ATTRIBUTE:
      sp_rule_condition_set_attribute (self, g_value_get_enum (value));
      break;

    case PROP_OP:
      sp_rule_condition_set_op (self, g_value_get_enum (value));
      break;

    case PROP_VALUE:
      sp_rule_condition_set_value (self, g_value_get_string (value));
      break;

    case PROP_VALUES:
      sp_rule_condition_set_values (self, g_value_get_boxed (value));
      break;

    case PROP_NUMBER:
      sp_rule_condition_set_number (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_rule_condition_class_init (SpRuleConditionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_rule_condition_finalize;
  object_class->get_property = sp_rule_condition_get_property;
  object_class->set_property = sp_rule_condition_set_property;

  properties [PROP_ATTRIBUTE] =
    g_param_spec_enum ("attribute", NULL, NULL, SP_TYPE_RULE_ATTRIBUTE, SP_RULE_ATTRIBUTE_CUSTOMER,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_OP] =
    g_param_spec_enum ("op", NULL, NULL, SP_TYPE_RULE_OP, SP_RULE_OP_EQ,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_VALUES] =
    g_param_spec_boxed ("values", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_NUMBER] =
    g_param_spec_int64 ("number", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_rule_condition_init (SpRuleCondition *self)
{
  self->attribute = SP_RULE_ATTRIBUTE_CUSTOMER;
  self->op = SP_RULE_OP_EQ;
}

SpRuleCondition *
sp_rule_condition_new (void)
{
  return g_object_new (SP_TYPE_RULE_CONDITION, NULL);
}

SpRuleAttribute
sp_rule_condition_get_attribute (SpRuleCondition *self)
{
  g_return_val_if_fail (SP_IS_RULE_CONDITION (self), 0);

  return self->attribute;
}

void
sp_rule_condition_set_attribute (SpRuleCondition *self,
                                 SpRuleAttribute attribute)
{
  g_return_if_fail (SP_IS_RULE_CONDITION (self));

  if (self->attribute == attribute)
    return;

  self->attribute = attribute;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ATTRIBUTE]);
}

SpRuleOp
sp_rule_condition_get_op (SpRuleCondition *self)
{
  g_return_val_if_fail (SP_IS_RULE_CONDITION (self), 0);

  return self->op;
}

void
sp_rule_condition_set_op (SpRuleCondition *self,
                          SpRuleOp op)
{
  g_return_if_fail (SP_IS_RULE_CONDITION (self));

  if (self->op == op)
    return;

  self->op = op;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OP]);
}

const char *
sp_rule_condition_get_value (SpRuleCondition *self)
{
  g_return_val_if_fail (SP_IS_RULE_CONDITION (self), NULL);

  return self->value;
}

void
sp_rule_condition_set_value (SpRuleCondition *self,
                             const char *value)
{
  g_return_if_fail (SP_IS_RULE_CONDITION (self));

  /* g_set_str () would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->value, value) == 0)
    return;

  g_free (self->value);
  self->value = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALUE]);
}

/**
 * sp_rule_condition_get_values:
 *
 * Returns: (transfer none) (nullable): the values
 */
const char * const *
sp_rule_condition_get_values (SpRuleCondition *self)
{
  g_return_val_if_fail (SP_IS_RULE_CONDITION (self), NULL);

  return (const char * const *)self->values;
}

void
sp_rule_condition_set_values (SpRuleCondition *self,
                              const char * const *values)
{
  g_return_if_fail (SP_IS_RULE_CONDITION (self));

  if (self->values == NULL && values == NULL)
    return;
  if (self->values != NULL && values != NULL &&
      g_strv_equal ((const char * const *)self->values, values))
    return;

  g_strfreev (self->values);
  self->values = g_strdupv ((char **)values);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALUES]);
}

gint64
sp_rule_condition_get_number (SpRuleCondition *self)
{
  g_return_val_if_fail (SP_IS_RULE_CONDITION (self), 0);

  return self->number;
}

void
sp_rule_condition_set_number (SpRuleCondition *self,
                              gint64 number)
{
  g_return_if_fail (SP_IS_RULE_CONDITION (self));

  if (self->number == number)
    return;

  self->number = number;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NUMBER]);
}


/* Every validation message starts with the location of the field, so that a
 * file importer can hand it on unchanged ("$.promotions[3].lines[0].number: …"). */
static gboolean
set_field_error (GError     **error,
                 const char  *path,
                 const char  *field,
                 const char  *message)
{
  g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_INVALID_FIELD,
               "%s%s%s: %s", path != NULL ? path : "", path != NULL ? "." : "", field, message);
  return FALSE;
}

/**
 * sp_rule_attribute_is_numeric:
 * @attribute: an attribute
 *
 * Returns: whether @attribute is compared as a number (line quantity, line
 *   amount, order total) rather than as a string
 */
gboolean
sp_rule_attribute_is_numeric (SpRuleAttribute attribute)
{
  return attribute == SP_RULE_ATTRIBUTE_LINE_QUANTITY ||
         attribute == SP_RULE_ATTRIBUTE_LINE_AMOUNT ||
         attribute == SP_RULE_ATTRIBUTE_ORDER_TOTAL;
}

/**
 * sp_rule_condition_validate:
 * @self: a condition
 * @path: (nullable): where the condition is, for the message
 * @error: return location for a #GError
 *
 * Checks that the operator suits the attribute and that the value the
 * operator reads is set: "value" for eq/ne on strings, "values" for
 * in/not_in, "number" for numeric attributes (minor units for amounts).
 * Numeric attributes take eq, ne, lt, le, gt and ge; string attributes take
 * eq, ne, in and not_in.
 *
 * Returns: %TRUE when valid
 */
gboolean
sp_rule_condition_validate (SpRuleCondition  *self,
                            const char       *path,
                            GError          **error)
{
  gboolean list_op;

  g_return_val_if_fail (SP_IS_RULE_CONDITION (self), FALSE);

  list_op = self->op == SP_RULE_OP_IN || self->op == SP_RULE_OP_NOT_IN;

  if (sp_rule_attribute_is_numeric (self->attribute))
    {
      if (list_op)
        return set_field_error (error, path, "op", _("a numeric attribute takes eq, ne, lt, le, gt or ge"));
      return TRUE;
    }

  if (self->op >= SP_RULE_OP_LT)
    return set_field_error (error, path, "op", _("only numeric attributes can be compared with lt, le, gt or ge"));

  if (list_op)
    {
      if (self->values == NULL || self->values[0] == NULL)
        return set_field_error (error, path, "value", _("the list of values must not be empty"));
      for (guint i = 0; self->values[i] != NULL; i++)
        if (self->values[i][0] == '\0')
          return set_field_error (error, path, "value", _("a value must not be empty"));
    }
  else if (self->value == NULL || self->value[0] == '\0')
    return set_field_error (error, path, "value", _("the value must not be empty"));

  return TRUE;
}
