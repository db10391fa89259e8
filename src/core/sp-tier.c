/* sp-tier.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-tier.h"
#include "sp-model-error.h"

G_DEFINE_ENUM_TYPE (SpTierAdjustment, sp_tier_adjustment,
  G_DEFINE_ENUM_VALUE (SP_TIER_ADJUSTMENT_PERCENT, "percent"),
  G_DEFINE_ENUM_VALUE (SP_TIER_ADJUSTMENT_AMOUNT, "amount"))
G_DEFINE_ENUM_TYPE (SpTierRemainder, sp_tier_remainder,
  G_DEFINE_ENUM_VALUE (SP_TIER_REMAINDER_NONE, "none"),
  G_DEFINE_ENUM_VALUE (SP_TIER_REMAINDER_NEW_LUMP_SUM, "new_lump_sum"))

struct _SpTier
{
  GObject parent_instance;

  gint64 from;
  gint64 to;
  SpTierAdjustment adjustment;
  gint64 value;
  gint64 block_size;
  SpTierRemainder remainder;
};

G_DEFINE_FINAL_TYPE (SpTier, sp_tier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FROM,
  PROP_TO,
  PROP_ADJUSTMENT,
  PROP_VALUE,
  PROP_BLOCK_SIZE,
  PROP_REMAINDER,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sp_tier_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SpTier *self = SP_TIER (object);

  switch (prop_id)
    {
    case PROP_FROM:
      g_value_set_int64 (value, self->from);
      break;

    case PROP_TO:
      g_value_set_int64 (value, self->to);
      break;

    case PROP_ADJUSTMENT:
      g_value_set_enum (value, self->adjustment);
      break;

    case PROP_VALUE:
      g_value_set_int64 (value, self->value);
      break;

    case PROP_BLOCK_SIZE:
      g_value_set_int64 (value, self->block_size);
      break;

    case PROP_REMAINDER:
      g_value_set_enum (value, self->remainder);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_tier_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  SpTier *self = SP_TIER (object);

  switch (prop_id)
    {
    case PROP_FROM:
      sp_tier_set_from (self, g_value_get_int64 (value));
      break;

    case PROP_TO:
      sp_tier_set_to (self, g_value_get_int64 (value));
      break;

    case PROP_ADJUSTMENT:
      sp_tier_set_adjustment (self, g_value_get_enum (value));
      break;

    case PROP_VALUE:
      sp_tier_set_value (self, g_value_get_int64 (value));
      break;

    case PROP_BLOCK_SIZE:
      sp_tier_set_block_size (self, g_value_get_int64 (value));
      break;

    case PROP_REMAINDER:
      sp_tier_set_remainder (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_tier_class_init (SpTierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sp_tier_get_property;
  object_class->set_property = sp_tier_set_property;

  properties [PROP_FROM] =
    g_param_spec_int64 ("from", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_TO] =
    g_param_spec_int64 ("to", NULL, NULL, -1, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ADJUSTMENT] =
    g_param_spec_enum ("adjustment", NULL, NULL, SP_TYPE_TIER_ADJUSTMENT, SP_TIER_ADJUSTMENT_PERCENT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_VALUE] =
    g_param_spec_int64 ("value", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_BLOCK_SIZE] =
    g_param_spec_int64 ("block-size", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_REMAINDER] =
    g_param_spec_enum ("remainder", NULL, NULL, SP_TYPE_TIER_REMAINDER, SP_TIER_REMAINDER_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_tier_init (SpTier *self)
{
  self->to = -1;
  self->adjustment = SP_TIER_ADJUSTMENT_PERCENT;
  self->remainder = SP_TIER_REMAINDER_NONE;
}

SpTier *
sp_tier_new (void)
{
  return g_object_new (SP_TYPE_TIER, NULL);
}

gint64
sp_tier_get_from (SpTier *self)
{
  g_return_val_if_fail (SP_IS_TIER (self), 0);

  return self->from;
}

void
sp_tier_set_from (SpTier *self,
                  gint64 from)
{
  g_return_if_fail (SP_IS_TIER (self));

  if (self->from == from)
    return;

  self->from = from;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FROM]);
}

gint64
sp_tier_get_to (SpTier *self)
{
  g_return_val_if_fail (SP_IS_TIER (self), 0);

  return self->to;
}

void
sp_tier_set_to (SpTier *self,
                gint64 to)
{
  g_return_if_fail (SP_IS_TIER (self));

  if (self->to == to)
    return;

  self->to = to;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TO]);
}

SpTierAdjustment
sp_tier_get_adjustment (SpTier *self)
{
  g_return_val_if_fail (SP_IS_TIER (self), 0);

  return self->adjustment;
}

void
sp_tier_set_adjustment (SpTier *self,
                        SpTierAdjustment adjustment)
{
  g_return_if_fail (SP_IS_TIER (self));

  if (self->adjustment == adjustment)
    return;

  self->adjustment = adjustment;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ADJUSTMENT]);
}

gint64
sp_tier_get_value (SpTier *self)
{
  g_return_val_if_fail (SP_IS_TIER (self), 0);

  return self->value;
}

void
sp_tier_set_value (SpTier *self,
                   gint64 value)
{
  g_return_if_fail (SP_IS_TIER (self));

  if (self->value == value)
    return;

  self->value = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALUE]);
}

gint64
sp_tier_get_block_size (SpTier *self)
{
  g_return_val_if_fail (SP_IS_TIER (self), 0);

  return self->block_size;
}

void
sp_tier_set_block_size (SpTier *self,
                        gint64 block_size)
{
  g_return_if_fail (SP_IS_TIER (self));

  if (self->block_size == block_size)
    return;

  self->block_size = block_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BLOCK_SIZE]);
}

SpTierRemainder
sp_tier_get_remainder (SpTier *self)
{
  g_return_val_if_fail (SP_IS_TIER (self), 0);

  return self->remainder;
}

void
sp_tier_set_remainder (SpTier *self,
                       SpTierRemainder remainder)
{
  g_return_if_fail (SP_IS_TIER (self));

  if (self->remainder == remainder)
    return;

  self->remainder = remainder;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REMAINDER]);
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
 * sp_tier_validate:
 * @self: a tier
 * @path: (nullable): where the tier is, for the message
 * @error: return location for a #GError
 *
 * A tier matches when from ≤ basis < to ("to" -1 means no upper bound).
 * "from", "to" and "value" are in hundredths (minor units, basis points, or
 * hundredths of a unit for quantities). A percent is at most 100 %. A block
 * size belongs only to an amount tier; whether the benefit is lump-sum is
 * checked by the benefit.
 *
 * Returns: %TRUE when valid
 */
gboolean
sp_tier_validate (SpTier      *self,
                  const char  *path,
                  GError     **error)
{
  g_return_val_if_fail (SP_IS_TIER (self), FALSE);

  if (self->to != -1 && self->to <= self->from)
    return set_field_error (error, path, "to", _("must be greater than “from”"));
  if (self->value < 0)
    return set_field_error (error, path, "value", _("must not be negative"));
  if (self->adjustment == SP_TIER_ADJUSTMENT_PERCENT && self->value > 10000)
    return set_field_error (error, path, "value", _("a percent cannot exceed 100"));
  if (self->block_size > 0 && self->adjustment != SP_TIER_ADJUSTMENT_AMOUNT)
    return set_field_error (error, path, "block_size", _("only an amount tier can have a block size"));
  if (self->block_size == 0 && self->remainder != SP_TIER_REMAINDER_NONE)
    return set_field_error (error, path, "remainder", _("a remainder needs a block size"));

  return TRUE;
}
