/* sp-quote-line.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-quote-line"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-quote-line.h"
#include "sp-money.h"
#include "sp-model-error.h"
#include "sp-validate-private.h"

struct _SpQuoteLine
{
  GObject  parent_instance;

  char    *id;          /* owned; immutable after construction */
  char    *sku;         /* owned */
  gint64   quantity;
  gint64   unit_price;
};

G_DEFINE_FINAL_TYPE (SpQuoteLine, sp_quote_line, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SKU,
  PROP_QUANTITY,
  PROP_UNIT_PRICE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sp_quote_line_finalize (GObject *object)
{
  SpQuoteLine *self = (SpQuoteLine *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->sku, g_free);

  G_OBJECT_CLASS (sp_quote_line_parent_class)->finalize (object);
}

static void
sp_quote_line_constructed (GObject *object)
{
  SpQuoteLine *self = (SpQuoteLine *)object;

  G_OBJECT_CLASS (sp_quote_line_parent_class)->constructed (object);

  if (self->id == NULL || self->id[0] == '\0')
    {
      g_free (self->id);
      self->id = g_uuid_string_random ();
    }
}

static void
sp_quote_line_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SpQuoteLine *self = SP_QUOTE_LINE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_SKU:
      g_value_set_string (value, self->sku);
      break;

    case PROP_QUANTITY:
      g_value_set_int64 (value, self->quantity);
      break;

    case PROP_UNIT_PRICE:
      g_value_set_int64 (value, self->unit_price);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_quote_line_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SpQuoteLine *self = SP_QUOTE_LINE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (self->id == NULL);
      self->id = g_value_dup_string (value);
      break;

    case PROP_SKU:
      sp_quote_line_set_sku (self, g_value_get_string (value));
      break;

    case PROP_QUANTITY:
      sp_quote_line_set_quantity (self, g_value_get_int64 (value));
      break;

    case PROP_UNIT_PRICE:
      sp_quote_line_set_unit_price (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_quote_line_class_init (SpQuoteLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_quote_line_finalize;
  object_class->constructed = sp_quote_line_constructed;
  object_class->get_property = sp_quote_line_get_property;
  object_class->set_property = sp_quote_line_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SKU] =
    g_param_spec_string ("sku", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_QUANTITY] =
    g_param_spec_int64 ("quantity", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_UNIT_PRICE] =
    g_param_spec_int64 ("unit-price", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_quote_line_init (SpQuoteLine *self)
{
}

/**
 * sp_quote_line_new:
 * @sku: (nullable): the initial value of #SpQuoteLine:sku
 * @quantity: (nullable): the initial value of #SpQuoteLine:quantity
 * @unit_price: (nullable): the initial value of #SpQuoteLine:unit-price
 *
 * Creates a new #SpQuoteLine.
 *
 * Returns: (transfer full): the new #SpQuoteLine
 */
SpQuoteLine *
sp_quote_line_new (const char *sku,
                   gint64      quantity,
                   gint64      unit_price)
{
  return g_object_new (SP_TYPE_QUOTE_LINE,
                       "sku", sku,
                       "quantity", quantity,
                       "unit-price", unit_price,
                       NULL);
}

/**
 * sp_quote_line_get_id:
 * @self: a #SpQuoteLine
 *
 * Gets #SpQuoteLine:id.
 *
 * Returns: (transfer none): the value of #SpQuoteLine:id
 */
const char *
sp_quote_line_get_id (SpQuoteLine *self)
{
  g_return_val_if_fail (SP_IS_QUOTE_LINE (self), NULL);

  return self->id;
}

/**
 * sp_quote_line_get_sku:
 * @self: a #SpQuoteLine
 *
 * Gets #SpQuoteLine:sku.
 *
 * Returns: (transfer none) (nullable): the value of #SpQuoteLine:sku
 */
const char *
sp_quote_line_get_sku (SpQuoteLine *self)
{
  g_return_val_if_fail (SP_IS_QUOTE_LINE (self), NULL);

  return self->sku;
}

/**
 * sp_quote_line_set_sku:
 * @self: a #SpQuoteLine
 * @sku: (nullable) the new value
 *
 * Sets #SpQuoteLine:sku.
 */
void
sp_quote_line_set_sku (SpQuoteLine *self,
                       const char  *sku)
{
  g_return_if_fail (SP_IS_QUOTE_LINE (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->sku, sku) == 0)
    return;

  g_free (self->sku);
  self->sku = g_strdup (sku);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SKU]);
}

/**
 * sp_quote_line_get_quantity:
 * @self: a #SpQuoteLine
 *
 * Gets #SpQuoteLine:quantity. In units.
 *
 * Returns:: the value of #SpQuoteLine:quantity
 */
gint64
sp_quote_line_get_quantity (SpQuoteLine *self)
{
  g_return_val_if_fail (SP_IS_QUOTE_LINE (self), 0);

  return self->quantity;
}

/**
 * sp_quote_line_set_quantity:
 * @self: a #SpQuoteLine
 * @quantity: the new value
 *
 * Sets #SpQuoteLine:quantity.
 */
void
sp_quote_line_set_quantity (SpQuoteLine *self,
                            gint64       quantity)
{
  g_return_if_fail (SP_IS_QUOTE_LINE (self));

  if (self->quantity == quantity)
    return;

  self->quantity = quantity;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_QUANTITY]);
}

/**
 * sp_quote_line_get_unit_price:
 * @self: a #SpQuoteLine
 *
 * Gets #SpQuoteLine:unit-price. In minor units of the quote's currency.
 *
 * Returns:: the value of #SpQuoteLine:unit-price
 */
gint64
sp_quote_line_get_unit_price (SpQuoteLine *self)
{
  g_return_val_if_fail (SP_IS_QUOTE_LINE (self), 0);

  return self->unit_price;
}

/**
 * sp_quote_line_set_unit_price:
 * @self: a #SpQuoteLine
 * @unit_price: the new value
 *
 * Sets #SpQuoteLine:unit-price.
 */
void
sp_quote_line_set_unit_price (SpQuoteLine *self,
                              gint64       unit_price)
{
  g_return_if_fail (SP_IS_QUOTE_LINE (self));

  if (self->unit_price == unit_price)
    return;

  self->unit_price = unit_price;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UNIT_PRICE]);
}

/**
 * sp_quote_line_validate:
 * @self: a #SpQuoteLine
 * @error: return location for a #GError
 *
 * Checks that @self can be saved.
 *
 * Returns: %TRUE when @self is valid; otherwise %FALSE with @error set to
 *   %SP_MODEL_ERROR_INVALID_FIELD, whose message names the property
 */
gboolean
sp_quote_line_validate (SpQuoteLine  *self,
                        GError      **error)
{
  g_return_val_if_fail (SP_IS_QUOTE_LINE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sp_validate_not_empty ("sku", self->sku, error))
    return FALSE;
  if (!_sp_validate_positive ("quantity", self->quantity, error))
    return FALSE;
  if (!_sp_validate_non_negative ("unit-price", self->unit_price, error))
    return FALSE;

  return TRUE;
}

/**
 * sp_quote_line_get_amount:
 * @self: a #SpQuoteLine
 *
 * Returns: quantity × unit-price, in minor units
 */
gint64
sp_quote_line_get_amount (SpQuoteLine *self)
{
  g_return_val_if_fail (SP_IS_QUOTE_LINE (self), 0);

  return sp_money_multiply (self->unit_price, self->quantity);
}
