/* sp-benefit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-benefit.h"
#include "sp-model-error.h"

G_DEFINE_ENUM_TYPE (SpBenefitTarget, sp_benefit_target,
  G_DEFINE_ENUM_VALUE (SP_BENEFIT_TARGET_ITEM, "item"),
  G_DEFINE_ENUM_VALUE (SP_BENEFIT_TARGET_ITEM_CATEGORY, "item_category"),
  G_DEFINE_ENUM_VALUE (SP_BENEFIT_TARGET_ALL, "all"))
G_DEFINE_ENUM_TYPE (SpBenefitType, sp_benefit_type,
  G_DEFINE_ENUM_VALUE (SP_BENEFIT_TYPE_PERCENT, "percent"),
  G_DEFINE_ENUM_VALUE (SP_BENEFIT_TYPE_AMOUNT, "amount"),
  G_DEFINE_ENUM_VALUE (SP_BENEFIT_TYPE_NEW_PRICE, "new_price"),
  G_DEFINE_ENUM_VALUE (SP_BENEFIT_TYPE_TIERED, "tiered"))
G_DEFINE_ENUM_TYPE (SpTierBasis, sp_tier_basis,
  G_DEFINE_ENUM_VALUE (SP_TIER_BASIS_LINE_QUANTITY, "line_quantity"),
  G_DEFINE_ENUM_VALUE (SP_TIER_BASIS_LINE_AMOUNT, "line_amount"),
  G_DEFINE_ENUM_VALUE (SP_TIER_BASIS_TARGET_TOTAL, "target_total"))
G_DEFINE_ENUM_TYPE (SpTierCalculate, sp_tier_calculate,
  G_DEFINE_ENUM_VALUE (SP_TIER_CALCULATE_PER_UNIT, "per_unit"),
  G_DEFINE_ENUM_VALUE (SP_TIER_CALCULATE_LUMP_SUM, "lump_sum"))

struct _SpBenefit
{
  GObject parent_instance;

  SpBenefitTarget applies_to;
  char *target;  /* owned */
  SpBenefitType kind;
  gint64 value;
  SpTierBasis basis;
  SpTierCalculate calculate;
  GListStore *tiers;  /* owned; items: SpTier */
};

G_DEFINE_FINAL_TYPE (SpBenefit, sp_benefit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_APPLIES_TO,
  PROP_TARGET,
  PROP_KIND,
  PROP_VALUE,
  PROP_BASIS,
  PROP_CALCULATE,
  PROP_TIERS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sp_benefit_dispose (GObject *object)
{
  SpBenefit *self = (SpBenefit *)object;

  g_clear_object (&self->tiers);

  G_OBJECT_CLASS (sp_benefit_parent_class)->dispose (object);
}

static void
sp_benefit_finalize (GObject *object)
{
  SpBenefit *self = (SpBenefit *)object;

  g_clear_pointer (&self->target, g_free);

  G_OBJECT_CLASS (sp_benefit_parent_class)->finalize (object);
}

static void
sp_benefit_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SpBenefit *self = SP_BENEFIT (object);

  switch (prop_id)
    {
    case PROP_APPLIES_TO:
      g_value_set_enum (value, self->applies_to);
      break;

    case PROP_TARGET:
      g_value_set_string (value, self->target);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_VALUE:
      g_value_set_int64 (value, self->value);
      break;

    case PROP_BASIS:
      g_value_set_enum (value, self->basis);
      break;

    case PROP_CALCULATE:
      g_value_set_enum (value, self->calculate);
      break;

    case PROP_TIERS:
      g_value_set_object (value, self->tiers);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_benefit_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SpBenefit *self = SP_BENEFIT (object);

  switch (prop_id)
    {
    case PROP_APPLIES_TO:
      sp_benefit_set_applies_to (self, g_value_get_enum (value));
      break;

    case PROP_TARGET:
      sp_benefit_set_target (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      sp_benefit_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_VALUE:
      sp_benefit_set_value (self, g_value_get_int64 (value));
      break;

    case PROP_BASIS:
      sp_benefit_set_basis (self, g_value_get_enum (value));
      break;

    case PROP_CALCULATE:
      sp_benefit_set_calculate (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_benefit_class_init (SpBenefitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_benefit_dispose;
  object_class->finalize = sp_benefit_finalize;
  object_class->get_property = sp_benefit_get_property;
  object_class->set_property = sp_benefit_set_property;

  properties [PROP_APPLIES_TO] =
    g_param_spec_enum ("applies-to", NULL, NULL, SP_TYPE_BENEFIT_TARGET, SP_BENEFIT_TARGET_ITEM,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_TARGET] =
    g_param_spec_string ("target", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, SP_TYPE_BENEFIT_TYPE, SP_BENEFIT_TYPE_PERCENT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_VALUE] =
    g_param_spec_int64 ("value", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_BASIS] =
    g_param_spec_enum ("basis", NULL, NULL, SP_TYPE_TIER_BASIS, SP_TIER_BASIS_LINE_QUANTITY,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CALCULATE] =
    g_param_spec_enum ("calculate", NULL, NULL, SP_TYPE_TIER_CALCULATE, SP_TIER_CALCULATE_PER_UNIT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_TIERS] =
    g_param_spec_object ("tiers", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_benefit_init (SpBenefit *self)
{
  self->applies_to = SP_BENEFIT_TARGET_ITEM;
  self->kind = SP_BENEFIT_TYPE_PERCENT;
  self->basis = SP_TIER_BASIS_LINE_QUANTITY;
  self->calculate = SP_TIER_CALCULATE_PER_UNIT;
  self->tiers = g_list_store_new (SP_TYPE_TIER);
}

SpBenefit *
sp_benefit_new (void)
{
  return g_object_new (SP_TYPE_BENEFIT, NULL);
}

SpBenefitTarget
sp_benefit_get_applies_to (SpBenefit *self)
{
  g_return_val_if_fail (SP_IS_BENEFIT (self), 0);

  return self->applies_to;
}

void
sp_benefit_set_applies_to (SpBenefit *self,
                           SpBenefitTarget applies_to)
{
  g_return_if_fail (SP_IS_BENEFIT (self));

  if (self->applies_to == applies_to)
    return;

  self->applies_to = applies_to;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_APPLIES_TO]);
}

const char *
sp_benefit_get_target (SpBenefit *self)
{
  g_return_val_if_fail (SP_IS_BENEFIT (self), NULL);

  return self->target;
}

void
sp_benefit_set_target (SpBenefit *self,
                       const char *target)
{
  g_return_if_fail (SP_IS_BENEFIT (self));

  /* g_set_str () would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->target, target) == 0)
    return;

  g_free (self->target);
  self->target = g_strdup (target);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TARGET]);
}

SpBenefitType
sp_benefit_get_kind (SpBenefit *self)
{
  g_return_val_if_fail (SP_IS_BENEFIT (self), 0);

  return self->kind;
}

void
sp_benefit_set_kind (SpBenefit *self,
                     SpBenefitType kind)
{
  g_return_if_fail (SP_IS_BENEFIT (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
}

gint64
sp_benefit_get_value (SpBenefit *self)
{
  g_return_val_if_fail (SP_IS_BENEFIT (self), 0);

  return self->value;
}

void
sp_benefit_set_value (SpBenefit *self,
                      gint64 value)
{
  g_return_if_fail (SP_IS_BENEFIT (self));

  if (self->value == value)
    return;

  self->value = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALUE]);
}

SpTierBasis
sp_benefit_get_basis (SpBenefit *self)
{
  g_return_val_if_fail (SP_IS_BENEFIT (self), 0);

  return self->basis;
}

void
sp_benefit_set_basis (SpBenefit *self,
                      SpTierBasis basis)
{
  g_return_if_fail (SP_IS_BENEFIT (self));

  if (self->basis == basis)
    return;

  self->basis = basis;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BASIS]);
}

SpTierCalculate
sp_benefit_get_calculate (SpBenefit *self)
{
  g_return_val_if_fail (SP_IS_BENEFIT (self), 0);

  return self->calculate;
}

void
sp_benefit_set_calculate (SpBenefit *self,
                          SpTierCalculate calculate)
{
  g_return_if_fail (SP_IS_BENEFIT (self));

  if (self->calculate == calculate)
    return;

  self->calculate = calculate;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CALCULATE]);
}

/**
 * sp_benefit_get_tiers:
 *
 * Returns: (transfer none): the tiers, a list model of #SpTier
 */
GListModel *
sp_benefit_get_tiers (SpBenefit *self)
{
  g_return_val_if_fail (SP_IS_BENEFIT (self), NULL);

  return G_LIST_MODEL (self->tiers);
}

void
sp_benefit_append_tier (SpBenefit *self,
                        SpTier *tier)
{
  g_return_if_fail (SP_IS_BENEFIT (self));
  g_return_if_fail (SP_IS_TIER (tier));

  g_list_store_append (self->tiers, tier);
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
 * sp_benefit_validate:
 * @self: a benefit
 * @path: (nullable): where the benefit is, for the message
 * @error: return location for a #GError
 *
 * "value" is in hundredths: basis points for a percent, minor units for an
 * amount or a new price. A tiered benefit has tiers and no value.
 *
 * Returns: %TRUE when valid
 */
gboolean
sp_benefit_validate (SpBenefit   *self,
                     const char  *path,
                     GError     **error)
{
  guint n_tiers;

  g_return_val_if_fail (SP_IS_BENEFIT (self), FALSE);

  if (self->applies_to == SP_BENEFIT_TARGET_ITEM && (self->target == NULL || self->target[0] == '\0'))
    return set_field_error (error, path, "item", _("the item must not be empty"));
  if (self->applies_to == SP_BENEFIT_TARGET_ITEM_CATEGORY && (self->target == NULL || self->target[0] == '\0'))
    return set_field_error (error, path, "item_category", _("the item category must not be empty"));

  n_tiers = g_list_model_get_n_items (G_LIST_MODEL (self->tiers));

  if (self->kind != SP_BENEFIT_TYPE_TIERED)
    {
      if (n_tiers > 0)
        return set_field_error (error, path, "tiers", _("only a tiered benefit has tiers"));
      if (self->value < 0)
        return set_field_error (error, path, "value", _("must not be negative"));
      if (self->kind == SP_BENEFIT_TYPE_PERCENT && self->value > 10000)
        return set_field_error (error, path, "value", _("a percent cannot exceed 100"));
      return TRUE;
    }

  if (n_tiers == 0)
    return set_field_error (error, path, "tiers", _("a tiered benefit needs at least one tier"));

  for (guint i = 0; i < n_tiers; i++)
    {
      g_autoptr(SpTier) tier = g_list_model_get_item (G_LIST_MODEL (self->tiers), i);
      g_autofree char *where = g_strdup_printf ("%s%stiers[%u]", path ? path : "", path ? "." : "", i);

      if (!sp_tier_validate (tier, where, error))
        return FALSE;
      if (sp_tier_get_block_size (tier) > 0 && self->calculate != SP_TIER_CALCULATE_LUMP_SUM)
        return set_field_error (error, where, "block_size", _("only a lump_sum benefit can have a block size"));
    }

  return TRUE;
}
