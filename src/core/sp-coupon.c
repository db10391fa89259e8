/* sp-coupon.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-coupon"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-coupon.h"
#include "sp-model-error.h"
#include "sp-validate-private.h"

struct _SpCoupon
{
  GObject         parent_instance;

  char           *id;              /* owned; immutable after construction */
  char           *campaign_id;     /* owned */
  char           *segment_code;    /* owned */
  char           *code;            /* owned */
  SpDiscountType  discount_type;
  gint64          discount_value;
  char           *currency;        /* owned */
  char           *valid_from;      /* owned */
  char           *valid_to;        /* owned */
  gint64          usage_limit;
  char           *remote_id;       /* owned */
};

G_DEFINE_FINAL_TYPE (SpCoupon, sp_coupon, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CAMPAIGN_ID,
  PROP_SEGMENT_CODE,
  PROP_CODE,
  PROP_DISCOUNT_TYPE,
  PROP_DISCOUNT_VALUE,
  PROP_CURRENCY,
  PROP_VALID_FROM,
  PROP_VALID_TO,
  PROP_USAGE_LIMIT,
  PROP_REMOTE_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sp_coupon_finalize (GObject *object)
{
  SpCoupon *self = (SpCoupon *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->campaign_id, g_free);
  g_clear_pointer (&self->segment_code, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->valid_from, g_free);
  g_clear_pointer (&self->valid_to, g_free);
  g_clear_pointer (&self->remote_id, g_free);

  G_OBJECT_CLASS (sp_coupon_parent_class)->finalize (object);
}

static void
sp_coupon_constructed (GObject *object)
{
  SpCoupon *self = (SpCoupon *)object;

  G_OBJECT_CLASS (sp_coupon_parent_class)->constructed (object);

  if (self->id == NULL || self->id[0] == '\0')
    {
      g_free (self->id);
      self->id = g_uuid_string_random ();
    }
}

static void
sp_coupon_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SpCoupon *self = SP_COUPON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_CAMPAIGN_ID:
      g_value_set_string (value, self->campaign_id);
      break;

    case PROP_SEGMENT_CODE:
      g_value_set_string (value, self->segment_code);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_DISCOUNT_TYPE:
      g_value_set_enum (value, self->discount_type);
      break;

    case PROP_DISCOUNT_VALUE:
      g_value_set_int64 (value, self->discount_value);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_VALID_FROM:
      g_value_set_string (value, self->valid_from);
      break;

    case PROP_VALID_TO:
      g_value_set_string (value, self->valid_to);
      break;

    case PROP_USAGE_LIMIT:
      g_value_set_int64 (value, self->usage_limit);
      break;

    case PROP_REMOTE_ID:
      g_value_set_string (value, self->remote_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_coupon_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SpCoupon *self = SP_COUPON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (self->id == NULL);
      self->id = g_value_dup_string (value);
      break;

    case PROP_CAMPAIGN_ID:
      sp_coupon_set_campaign_id (self, g_value_get_string (value));
      break;

    case PROP_SEGMENT_CODE:
      sp_coupon_set_segment_code (self, g_value_get_string (value));
      break;

    case PROP_CODE:
      sp_coupon_set_code (self, g_value_get_string (value));
      break;

    case PROP_DISCOUNT_TYPE:
      sp_coupon_set_discount_type (self, g_value_get_enum (value));
      break;

    case PROP_DISCOUNT_VALUE:
      sp_coupon_set_discount_value (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENCY:
      sp_coupon_set_currency (self, g_value_get_string (value));
      break;

    case PROP_VALID_FROM:
      sp_coupon_set_valid_from (self, g_value_get_string (value));
      break;

    case PROP_VALID_TO:
      sp_coupon_set_valid_to (self, g_value_get_string (value));
      break;

    case PROP_USAGE_LIMIT:
      sp_coupon_set_usage_limit (self, g_value_get_int64 (value));
      break;

    case PROP_REMOTE_ID:
      sp_coupon_set_remote_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_coupon_class_init (SpCouponClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_coupon_finalize;
  object_class->constructed = sp_coupon_constructed;
  object_class->get_property = sp_coupon_get_property;
  object_class->set_property = sp_coupon_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CAMPAIGN_ID] =
    g_param_spec_string ("campaign-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SEGMENT_CODE] =
    g_param_spec_string ("segment-code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DISCOUNT_TYPE] =
    g_param_spec_enum ("discount-type", NULL, NULL, SP_TYPE_DISCOUNT_TYPE, SP_DISCOUNT_TYPE_PERCENT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DISCOUNT_VALUE] =
    g_param_spec_int64 ("discount-value", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_VALID_FROM] =
    g_param_spec_string ("valid-from", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_VALID_TO] =
    g_param_spec_string ("valid-to", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_USAGE_LIMIT] =
    g_param_spec_int64 ("usage-limit", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REMOTE_ID] =
    g_param_spec_string ("remote-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_coupon_init (SpCoupon *self)
{
  self->discount_type = SP_DISCOUNT_TYPE_PERCENT;
}

/**
 * sp_coupon_new:
 * @code: (nullable): the initial value of #SpCoupon:code
 *
 * Creates a new #SpCoupon.
 *
 * Returns: (transfer full): the new #SpCoupon
 */
SpCoupon *
sp_coupon_new (const char *code)
{
  return g_object_new (SP_TYPE_COUPON,
                       "code", code,
                       NULL);
}

/**
 * sp_coupon_get_id:
 * @self: a #SpCoupon
 *
 * Gets #SpCoupon:id.
 *
 * Returns: (transfer none): the value of #SpCoupon:id
 */
const char *
sp_coupon_get_id (SpCoupon *self)
{
  g_return_val_if_fail (SP_IS_COUPON (self), NULL);

  return self->id;
}

/**
 * sp_coupon_get_campaign_id:
 * @self: a #SpCoupon
 *
 * Gets #SpCoupon:campaign-id.
 *
 * Returns: (transfer none) (nullable): the value of #SpCoupon:campaign-id
 */
const char *
sp_coupon_get_campaign_id (SpCoupon *self)
{
  g_return_val_if_fail (SP_IS_COUPON (self), NULL);

  return self->campaign_id;
}

/**
 * sp_coupon_set_campaign_id:
 * @self: a #SpCoupon
 * @campaign_id: (nullable) the new value
 *
 * Sets #SpCoupon:campaign-id.
 */
void
sp_coupon_set_campaign_id (SpCoupon   *self,
                           const char *campaign_id)
{
  g_return_if_fail (SP_IS_COUPON (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->campaign_id, campaign_id) == 0)
    return;

  g_free (self->campaign_id);
  self->campaign_id = g_strdup (campaign_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAMPAIGN_ID]);
}

/**
 * sp_coupon_get_segment_code:
 * @self: a #SpCoupon
 *
 * Gets #SpCoupon:segment-code.
 *
 * Returns: (transfer none) (nullable): the value of #SpCoupon:segment-code
 */
const char *
sp_coupon_get_segment_code (SpCoupon *self)
{
  g_return_val_if_fail (SP_IS_COUPON (self), NULL);

  return self->segment_code;
}

/**
 * sp_coupon_set_segment_code:
 * @self: a #SpCoupon
 * @segment_code: (nullable) the new value
 *
 * Sets #SpCoupon:segment-code.
 */
void
sp_coupon_set_segment_code (SpCoupon   *self,
                            const char *segment_code)
{
  g_return_if_fail (SP_IS_COUPON (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->segment_code, segment_code) == 0)
    return;

  g_free (self->segment_code);
  self->segment_code = g_strdup (segment_code);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEGMENT_CODE]);
}

/**
 * sp_coupon_get_code:
 * @self: a #SpCoupon
 *
 * Gets #SpCoupon:code.
 *
 * Returns: (transfer none) (nullable): the value of #SpCoupon:code
 */
const char *
sp_coupon_get_code (SpCoupon *self)
{
  g_return_val_if_fail (SP_IS_COUPON (self), NULL);

  return self->code;
}

/**
 * sp_coupon_set_code:
 * @self: a #SpCoupon
 * @code: (nullable) the new value
 *
 * Sets #SpCoupon:code.
 */
void
sp_coupon_set_code (SpCoupon   *self,
                    const char *code)
{
  g_return_if_fail (SP_IS_COUPON (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->code, code) == 0)
    return;

  g_free (self->code);
  self->code = g_strdup (code);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CODE]);
}

/**
 * sp_coupon_get_discount_type:
 * @self: a #SpCoupon
 *
 * Gets #SpCoupon:discount-type.
 *
 * Returns:: the value of #SpCoupon:discount-type
 */
SpDiscountType
sp_coupon_get_discount_type (SpCoupon *self)
{
  g_return_val_if_fail (SP_IS_COUPON (self), 0);

  return self->discount_type;
}

/**
 * sp_coupon_set_discount_type:
 * @self: a #SpCoupon
 * @discount_type: the new value
 *
 * Sets #SpCoupon:discount-type.
 */
void
sp_coupon_set_discount_type (SpCoupon       *self,
                             SpDiscountType  discount_type)
{
  g_return_if_fail (SP_IS_COUPON (self));

  if (self->discount_type == discount_type)
    return;

  self->discount_type = discount_type;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DISCOUNT_TYPE]);
}

/**
 * sp_coupon_get_discount_value:
 * @self: a #SpCoupon
 *
 * Gets #SpCoupon:discount-value. Basis points for %SP_DISCOUNT_TYPE_PERCENT, minor units of #SpCoupon:currency for %SP_DISCOUNT_TYPE_AMOUNT.
 *
 * Returns:: the value of #SpCoupon:discount-value
 */
gint64
sp_coupon_get_discount_value (SpCoupon *self)
{
  g_return_val_if_fail (SP_IS_COUPON (self), 0);

  return self->discount_value;
}

/**
 * sp_coupon_set_discount_value:
 * @self: a #SpCoupon
 * @discount_value: the new value
 *
 * Sets #SpCoupon:discount-value.
 */
void
sp_coupon_set_discount_value (SpCoupon *self,
                              gint64    discount_value)
{
  g_return_if_fail (SP_IS_COUPON (self));

  if (self->discount_value == discount_value)
    return;

  self->discount_value = discount_value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DISCOUNT_VALUE]);
}

/**
 * sp_coupon_get_currency:
 * @self: a #SpCoupon
 *
 * Gets #SpCoupon:currency.
 *
 * Returns: (transfer none) (nullable): the value of #SpCoupon:currency
 */
const char *
sp_coupon_get_currency (SpCoupon *self)
{
  g_return_val_if_fail (SP_IS_COUPON (self), NULL);

  return self->currency;
}

/**
 * sp_coupon_set_currency:
 * @self: a #SpCoupon
 * @currency: (nullable) the new value
 *
 * Sets #SpCoupon:currency.
 */
void
sp_coupon_set_currency (SpCoupon   *self,
                        const char *currency)
{
  g_return_if_fail (SP_IS_COUPON (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->currency, currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENCY]);
}

/**
 * sp_coupon_get_valid_from:
 * @self: a #SpCoupon
 *
 * Gets #SpCoupon:valid-from.
 *
 * Returns: (transfer none) (nullable): the value of #SpCoupon:valid-from
 */
const char *
sp_coupon_get_valid_from (SpCoupon *self)
{
  g_return_val_if_fail (SP_IS_COUPON (self), NULL);

  return self->valid_from;
}

/**
 * sp_coupon_set_valid_from:
 * @self: a #SpCoupon
 * @valid_from: (nullable) the new value
 *
 * Sets #SpCoupon:valid-from.
 */
void
sp_coupon_set_valid_from (SpCoupon   *self,
                          const char *valid_from)
{
  g_return_if_fail (SP_IS_COUPON (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->valid_from, valid_from) == 0)
    return;

  g_free (self->valid_from);
  self->valid_from = g_strdup (valid_from);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALID_FROM]);
}

/**
 * sp_coupon_get_valid_to:
 * @self: a #SpCoupon
 *
 * Gets #SpCoupon:valid-to.
 *
 * Returns: (transfer none) (nullable): the value of #SpCoupon:valid-to
 */
const char *
sp_coupon_get_valid_to (SpCoupon *self)
{
  g_return_val_if_fail (SP_IS_COUPON (self), NULL);

  return self->valid_to;
}

/**
 * sp_coupon_set_valid_to:
 * @self: a #SpCoupon
 * @valid_to: (nullable) the new value
 *
 * Sets #SpCoupon:valid-to.
 */
void
sp_coupon_set_valid_to (SpCoupon   *self,
                        const char *valid_to)
{
  g_return_if_fail (SP_IS_COUPON (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->valid_to, valid_to) == 0)
    return;

  g_free (self->valid_to);
  self->valid_to = g_strdup (valid_to);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALID_TO]);
}

/**
 * sp_coupon_get_usage_limit:
 * @self: a #SpCoupon
 *
 * Gets #SpCoupon:usage-limit. 0 means unlimited.
 *
 * Returns:: the value of #SpCoupon:usage-limit
 */
gint64
sp_coupon_get_usage_limit (SpCoupon *self)
{
  g_return_val_if_fail (SP_IS_COUPON (self), 0);

  return self->usage_limit;
}

/**
 * sp_coupon_set_usage_limit:
 * @self: a #SpCoupon
 * @usage_limit: the new value
 *
 * Sets #SpCoupon:usage-limit.
 */
void
sp_coupon_set_usage_limit (SpCoupon *self,
                           gint64    usage_limit)
{
  g_return_if_fail (SP_IS_COUPON (self));

  if (self->usage_limit == usage_limit)
    return;

  self->usage_limit = usage_limit;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_USAGE_LIMIT]);
}

/**
 * sp_coupon_get_remote_id:
 * @self: a #SpCoupon
 *
 * Gets #SpCoupon:remote-id.
 *
 * Returns: (transfer none) (nullable): the value of #SpCoupon:remote-id
 */
const char *
sp_coupon_get_remote_id (SpCoupon *self)
{
  g_return_val_if_fail (SP_IS_COUPON (self), NULL);

  return self->remote_id;
}

/**
 * sp_coupon_set_remote_id:
 * @self: a #SpCoupon
 * @remote_id: (nullable) the new value
 *
 * Sets #SpCoupon:remote-id.
 */
void
sp_coupon_set_remote_id (SpCoupon   *self,
                         const char *remote_id)
{
  g_return_if_fail (SP_IS_COUPON (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->remote_id, remote_id) == 0)
    return;

  g_free (self->remote_id);
  self->remote_id = g_strdup (remote_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REMOTE_ID]);
}

/**
 * sp_coupon_validate:
 * @self: a #SpCoupon
 * @error: return location for a #GError
 *
 * Checks that @self can be saved. The code must be set, a percent discount lies in 0–100% and an amount discount is positive and has a currency.
 *
 * Returns: %TRUE when @self is valid; otherwise %FALSE with @error set to
 *   %SP_MODEL_ERROR_INVALID_FIELD, whose message names the property
 */
gboolean
sp_coupon_validate (SpCoupon  *self,
                    GError   **error)
{
  g_return_val_if_fail (SP_IS_COUPON (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sp_validate_not_empty ("code", self->code, error))
    return FALSE;
  if (self->discount_type == SP_DISCOUNT_TYPE_PERCENT)
    {
      if (!_sp_validate_percent ("discount-value", self->discount_value, error))
        return FALSE;
    }
  else
    {
      if (!_sp_validate_positive ("discount-value", self->discount_value, error))
        return FALSE;
    }
  if (!_sp_validate_currency ("currency", self->currency, self->discount_type == SP_DISCOUNT_TYPE_AMOUNT, error))
    return FALSE;
  if (!_sp_validate_date ("valid-from", self->valid_from, FALSE, error))
    return FALSE;
  if (!_sp_validate_date ("valid-to", self->valid_to, FALSE, error))
    return FALSE;
  if (!_sp_validate_date_range ("valid-from", self->valid_from, "valid-to", self->valid_to, error))
    return FALSE;
  if (!_sp_validate_non_negative ("usage-limit", self->usage_limit, error))
    return FALSE;

  return TRUE;
}
