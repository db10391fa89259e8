/* sp-price-list-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-price-list-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-price-list-entry.h"
#include "sp-money.h"
#include "sp-model-error.h"
#include "sp-validate-private.h"

struct _SpPriceListEntry
{
  GObject  parent_instance;

  char    *id;         /* owned; immutable after construction */
  char    *sku;        /* owned */
  gint64   old_price;
  gint64   new_price;
  gint64   discount;
  char    *remote_id;  /* owned */
};

G_DEFINE_FINAL_TYPE (SpPriceListEntry, sp_price_list_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SKU,
  PROP_OLD_PRICE,
  PROP_NEW_PRICE,
  PROP_DISCOUNT,
  PROP_REMOTE_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sp_price_list_entry_finalize (GObject *object)
{
  SpPriceListEntry *self = (SpPriceListEntry *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->sku, g_free);
  g_clear_pointer (&self->remote_id, g_free);

  G_OBJECT_CLASS (sp_price_list_entry_parent_class)->finalize (object);
}

static void
sp_price_list_entry_constructed (GObject *object)
{
  SpPriceListEntry *self = (SpPriceListEntry *)object;

  G_OBJECT_CLASS (sp_price_list_entry_parent_class)->constructed (object);

  if (self->id == NULL || self->id[0] == '\0')
    {
      g_free (self->id);
      self->id = g_uuid_string_random ();
    }
}

static void
sp_price_list_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SpPriceListEntry *self = SP_PRICE_LIST_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_SKU:
      g_value_set_string (value, self->sku);
      break;

    case PROP_OLD_PRICE:
      g_value_set_int64 (value, self->old_price);
      break;

    case PROP_NEW_PRICE:
      g_value_set_int64 (value, self->new_price);
      break;

    case PROP_DISCOUNT:
      g_value_set_int64 (value, self->discount);
      break;

    case PROP_REMOTE_ID:
      g_value_set_string (value, self->remote_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_price_list_entry_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SpPriceListEntry *self = SP_PRICE_LIST_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (self->id == NULL);
      self->id = g_value_dup_string (value);
      break;

    case PROP_SKU:
      sp_price_list_entry_set_sku (self, g_value_get_string (value));
      break;

    case PROP_OLD_PRICE:
      sp_price_list_entry_set_old_price (self, g_value_get_int64 (value));
      break;

    case PROP_NEW_PRICE:
      sp_price_list_entry_set_new_price (self, g_value_get_int64 (value));
      break;

    case PROP_DISCOUNT:
      sp_price_list_entry_set_discount (self, g_value_get_int64 (value));
      break;

    case PROP_REMOTE_ID:
      sp_price_list_entry_set_remote_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_price_list_entry_class_init (SpPriceListEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_price_list_entry_finalize;
  object_class->constructed = sp_price_list_entry_constructed;
  object_class->get_property = sp_price_list_entry_get_property;
  object_class->set_property = sp_price_list_entry_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SKU] =
    g_param_spec_string ("sku", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_OLD_PRICE] =
    g_param_spec_int64 ("old-price", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NEW_PRICE] =
    g_param_spec_int64 ("new-price", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DISCOUNT] =
    g_param_spec_int64 ("discount", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REMOTE_ID] =
    g_param_spec_string ("remote-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_price_list_entry_init (SpPriceListEntry *self)
{
}

/**
 * sp_price_list_entry_new:
 * @sku: (nullable): the initial value of #SpPriceListEntry:sku
 * @old_price: (nullable): the initial value of #SpPriceListEntry:old-price
 * @new_price: (nullable): the initial value of #SpPriceListEntry:new-price
 *
 * Creates a new #SpPriceListEntry.
 *
 * Returns: (transfer full): the new #SpPriceListEntry
 */
SpPriceListEntry *
sp_price_list_entry_new (const char *sku,
                         gint64      old_price,
                         gint64      new_price)
{
  return g_object_new (SP_TYPE_PRICE_LIST_ENTRY,
                       "sku", sku,
                       "old-price", old_price,
                       "new-price", new_price,
                       NULL);
}

/**
 * sp_price_list_entry_get_id:
 * @self: a #SpPriceListEntry
 *
 * Gets #SpPriceListEntry:id.
 *
 * Returns: (transfer none): the value of #SpPriceListEntry:id
 */
const char *
sp_price_list_entry_get_id (SpPriceListEntry *self)
{
  g_return_val_if_fail (SP_IS_PRICE_LIST_ENTRY (self), NULL);

  return self->id;
}

/**
 * sp_price_list_entry_get_sku:
 * @self: a #SpPriceListEntry
 *
 * Gets #SpPriceListEntry:sku.
 *
 * Returns: (transfer none) (nullable): the value of #SpPriceListEntry:sku
 */
const char *
sp_price_list_entry_get_sku (SpPriceListEntry *self)
{
  g_return_val_if_fail (SP_IS_PRICE_LIST_ENTRY (self), NULL);

  return self->sku;
}

/**
 * sp_price_list_entry_set_sku:
 * @self: a #SpPriceListEntry
 * @sku: (nullable) the new value
 *
 * Sets #SpPriceListEntry:sku.
 */
void
sp_price_list_entry_set_sku (SpPriceListEntry *self,
                             const char       *sku)
{
  g_return_if_fail (SP_IS_PRICE_LIST_ENTRY (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->sku, sku) == 0)
    return;

  g_free (self->sku);
  self->sku = g_strdup (sku);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SKU]);
}

/**
 * sp_price_list_entry_get_old_price:
 * @self: a #SpPriceListEntry
 *
 * Gets #SpPriceListEntry:old-price. In minor units of the price list's currency.
 *
 * Returns:: the value of #SpPriceListEntry:old-price
 */
gint64
sp_price_list_entry_get_old_price (SpPriceListEntry *self)
{
  g_return_val_if_fail (SP_IS_PRICE_LIST_ENTRY (self), 0);

  return self->old_price;
}

/**
 * sp_price_list_entry_set_old_price:
 * @self: a #SpPriceListEntry
 * @old_price: the new value
 *
 * Sets #SpPriceListEntry:old-price.
 */
void
sp_price_list_entry_set_old_price (SpPriceListEntry *self,
                                   gint64            old_price)
{
  g_return_if_fail (SP_IS_PRICE_LIST_ENTRY (self));

  if (self->old_price == old_price)
    return;

  self->old_price = old_price;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OLD_PRICE]);
}

/**
 * sp_price_list_entry_get_new_price:
 * @self: a #SpPriceListEntry
 *
 * Gets #SpPriceListEntry:new-price. In minor units of the price list's currency.
 *
 * Returns:: the value of #SpPriceListEntry:new-price
 */
gint64
sp_price_list_entry_get_new_price (SpPriceListEntry *self)
{
  g_return_val_if_fail (SP_IS_PRICE_LIST_ENTRY (self), 0);

  return self->new_price;
}

/**
 * sp_price_list_entry_set_new_price:
 * @self: a #SpPriceListEntry
 * @new_price: the new value
 *
 * Sets #SpPriceListEntry:new-price.
 */
void
sp_price_list_entry_set_new_price (SpPriceListEntry *self,
                                   gint64            new_price)
{
  g_return_if_fail (SP_IS_PRICE_LIST_ENTRY (self));

  if (self->new_price == new_price)
    return;

  self->new_price = new_price;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NEW_PRICE]);
}

/**
 * sp_price_list_entry_get_discount:
 * @self: a #SpPriceListEntry
 *
 * Gets #SpPriceListEntry:discount. In basis points.
 *
 * Returns:: the value of #SpPriceListEntry:discount
 */
gint64
sp_price_list_entry_get_discount (SpPriceListEntry *self)
{
  g_return_val_if_fail (SP_IS_PRICE_LIST_ENTRY (self), 0);

  return self->discount;
}

/**
 * sp_price_list_entry_set_discount:
 * @self: a #SpPriceListEntry
 * @discount: the new value
 *
 * Sets #SpPriceListEntry:discount.
 */
void
sp_price_list_entry_set_discount (SpPriceListEntry *self,
                                  gint64            discount)
{
  g_return_if_fail (SP_IS_PRICE_LIST_ENTRY (self));

  if (self->discount == discount)
    return;

  self->discount = discount;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DISCOUNT]);
}

/**
 * sp_price_list_entry_get_remote_id:
 * @self: a #SpPriceListEntry
 *
 * Gets #SpPriceListEntry:remote-id.
 *
 * Returns: (transfer none) (nullable): the value of #SpPriceListEntry:remote-id
 */
const char *
sp_price_list_entry_get_remote_id (SpPriceListEntry *self)
{
  g_return_val_if_fail (SP_IS_PRICE_LIST_ENTRY (self), NULL);

  return self->remote_id;
}

/**
 * sp_price_list_entry_set_remote_id:
 * @self: a #SpPriceListEntry
 * @remote_id: (nullable) the new value
 *
 * Sets #SpPriceListEntry:remote-id.
 */
void
sp_price_list_entry_set_remote_id (SpPriceListEntry *self,
                                   const char       *remote_id)
{
  g_return_if_fail (SP_IS_PRICE_LIST_ENTRY (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->remote_id, remote_id) == 0)
    return;

  g_free (self->remote_id);
  self->remote_id = g_strdup (remote_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REMOTE_ID]);
}

/**
 * sp_price_list_entry_validate:
 * @self: a #SpPriceListEntry
 * @error: return location for a #GError
 *
 * Checks that @self can be saved.
 *
 * Returns: %TRUE when @self is valid; otherwise %FALSE with @error set to
 *   %SP_MODEL_ERROR_INVALID_FIELD, whose message names the property
 */
gboolean
sp_price_list_entry_validate (SpPriceListEntry  *self,
                              GError           **error)
{
  g_return_val_if_fail (SP_IS_PRICE_LIST_ENTRY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sp_validate_not_empty ("sku", self->sku, error))
    return FALSE;
  if (!_sp_validate_non_negative ("old-price", self->old_price, error))
    return FALSE;
  if (!_sp_validate_non_negative ("new-price", self->new_price, error))
    return FALSE;
  if (!_sp_validate_percent ("discount", self->discount, error))
    return FALSE;

  return TRUE;
}

/**
 * sp_price_list_entry_new_discounted:
 * @sku: the SKU
 * @old_price: the price before the campaign, in minor units
 * @discount: the discount in basis points
 *
 * Creates an entry whose new price is @old_price less @discount, rounded
 * by sp_money_apply_discount(), the project's one rounding rule.
 *
 * Returns: (transfer full): the new #SpPriceListEntry
 */
SpPriceListEntry *
sp_price_list_entry_new_discounted (const char *sku,
                                    gint64      old_price,
                                    gint64      discount)
{
  return g_object_new (SP_TYPE_PRICE_LIST_ENTRY,
                       "sku", sku,
                       "old-price", old_price,
                       "new-price", sp_money_apply_discount (old_price, discount),
                       "discount", discount,
                       NULL);
}

/**
 * sp_price_list_entry_get_margin_bp:
 * @self: a #SpPriceListEntry
 * @cost: the product's cost in the same currency, in minor units
 *
 * Use it to check the entry against a campaign's margin floor.
 *
 * Returns: the gross margin at the new price in basis points (negative
 *   below cost), see sp_money_margin_bp()
 */
gint64
sp_price_list_entry_get_margin_bp (SpPriceListEntry *self,
                                   gint64            cost)
{
  g_return_val_if_fail (SP_IS_PRICE_LIST_ENTRY (self), 0);

  return sp_money_margin_bp (self->new_price, cost);
}
