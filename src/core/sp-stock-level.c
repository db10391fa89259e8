/* sp-stock-level.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-stock-level"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-stock-level.h"
#include "sp-model-error.h"
#include "sp-validate-private.h"

struct _SpStockLevel
{
  GObject  parent_instance;

  char    *id;               /* owned; immutable after construction */
  char    *product_sku;      /* owned */
  char    *site_code;        /* owned */
  gint64   stock_on_hand;
  gint64   avg_daily_sales;
};

G_DEFINE_FINAL_TYPE (SpStockLevel, sp_stock_level, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PRODUCT_SKU,
  PROP_SITE_CODE,
  PROP_STOCK_ON_HAND,
  PROP_AVG_DAILY_SALES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sp_stock_level_finalize (GObject *object)
{
  SpStockLevel *self = (SpStockLevel *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->product_sku, g_free);
  g_clear_pointer (&self->site_code, g_free);

  G_OBJECT_CLASS (sp_stock_level_parent_class)->finalize (object);
}

static void
sp_stock_level_constructed (GObject *object)
{
  SpStockLevel *self = (SpStockLevel *)object;

  G_OBJECT_CLASS (sp_stock_level_parent_class)->constructed (object);

  if (self->id == NULL || self->id[0] == '\0')
    {
      g_free (self->id);
      self->id = g_uuid_string_random ();
    }
}

static void
sp_stock_level_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SpStockLevel *self = SP_STOCK_LEVEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_PRODUCT_SKU:
      g_value_set_string (value, self->product_sku);
      break;

    case PROP_SITE_CODE:
      g_value_set_string (value, self->site_code);
      break;

    case PROP_STOCK_ON_HAND:
      g_value_set_int64 (value, self->stock_on_hand);
      break;

    case PROP_AVG_DAILY_SALES:
      g_value_set_int64 (value, self->avg_daily_sales);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_stock_level_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SpStockLevel *self = SP_STOCK_LEVEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (self->id == NULL);
      self->id = g_value_dup_string (value);
      break;

    case PROP_PRODUCT_SKU:
      sp_stock_level_set_product_sku (self, g_value_get_string (value));
      break;

    case PROP_SITE_CODE:
      sp_stock_level_set_site_code (self, g_value_get_string (value));
      break;

    case PROP_STOCK_ON_HAND:
      sp_stock_level_set_stock_on_hand (self, g_value_get_int64 (value));
      break;

    case PROP_AVG_DAILY_SALES:
      sp_stock_level_set_avg_daily_sales (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_stock_level_class_init (SpStockLevelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_stock_level_finalize;
  object_class->constructed = sp_stock_level_constructed;
  object_class->get_property = sp_stock_level_get_property;
  object_class->set_property = sp_stock_level_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PRODUCT_SKU] =
    g_param_spec_string ("product-sku", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SITE_CODE] =
    g_param_spec_string ("site-code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STOCK_ON_HAND] =
    g_param_spec_int64 ("stock-on-hand", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_AVG_DAILY_SALES] =
    g_param_spec_int64 ("avg-daily-sales", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_stock_level_init (SpStockLevel *self)
{
}

/**
 * sp_stock_level_new:
 * @product_sku: (nullable): the initial value of #SpStockLevel:product-sku
 * @site_code: (nullable): the initial value of #SpStockLevel:site-code
 *
 * Creates a new #SpStockLevel.
 *
 * Returns: (transfer full): the new #SpStockLevel
 */
SpStockLevel *
sp_stock_level_new (const char *product_sku,
                    const char *site_code)
{
  return g_object_new (SP_TYPE_STOCK_LEVEL,
                       "product-sku", product_sku,
                       "site-code", site_code,
                       NULL);
}

/**
 * sp_stock_level_get_id:
 * @self: a #SpStockLevel
 *
 * Gets #SpStockLevel:id.
 *
 * Returns: (transfer none): the value of #SpStockLevel:id
 */
const char *
sp_stock_level_get_id (SpStockLevel *self)
{
  g_return_val_if_fail (SP_IS_STOCK_LEVEL (self), NULL);

  return self->id;
}

/**
 * sp_stock_level_get_product_sku:
 * @self: a #SpStockLevel
 *
 * Gets #SpStockLevel:product-sku.
 *
 * Returns: (transfer none) (nullable): the value of #SpStockLevel:product-sku
 */
const char *
sp_stock_level_get_product_sku (SpStockLevel *self)
{
  g_return_val_if_fail (SP_IS_STOCK_LEVEL (self), NULL);

  return self->product_sku;
}

/**
 * sp_stock_level_set_product_sku:
 * @self: a #SpStockLevel
 * @product_sku: (nullable) the new value
 *
 * Sets #SpStockLevel:product-sku.
 */
void
sp_stock_level_set_product_sku (SpStockLevel *self,
                                const char   *product_sku)
{
  g_return_if_fail (SP_IS_STOCK_LEVEL (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->product_sku, product_sku) == 0)
    return;

  g_free (self->product_sku);
  self->product_sku = g_strdup (product_sku);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PRODUCT_SKU]);
}

/**
 * sp_stock_level_get_site_code:
 * @self: a #SpStockLevel
 *
 * Gets #SpStockLevel:site-code.
 *
 * Returns: (transfer none) (nullable): the value of #SpStockLevel:site-code
 */
const char *
sp_stock_level_get_site_code (SpStockLevel *self)
{
  g_return_val_if_fail (SP_IS_STOCK_LEVEL (self), NULL);

  return self->site_code;
}

/**
 * sp_stock_level_set_site_code:
 * @self: a #SpStockLevel
 * @site_code: (nullable) the new value
 *
 * Sets #SpStockLevel:site-code.
 */
void
sp_stock_level_set_site_code (SpStockLevel *self,
                              const char   *site_code)
{
  g_return_if_fail (SP_IS_STOCK_LEVEL (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->site_code, site_code) == 0)
    return;

  g_free (self->site_code);
  self->site_code = g_strdup (site_code);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SITE_CODE]);
}

/**
 * sp_stock_level_get_stock_on_hand:
 * @self: a #SpStockLevel
 *
 * Gets #SpStockLevel:stock-on-hand. In units.
 *
 * Returns:: the value of #SpStockLevel:stock-on-hand
 */
gint64
sp_stock_level_get_stock_on_hand (SpStockLevel *self)
{
  g_return_val_if_fail (SP_IS_STOCK_LEVEL (self), 0);

  return self->stock_on_hand;
}

/**
 * sp_stock_level_set_stock_on_hand:
 * @self: a #SpStockLevel
 * @stock_on_hand: the new value
 *
 * Sets #SpStockLevel:stock-on-hand.
 */
void
sp_stock_level_set_stock_on_hand (SpStockLevel *self,
                                  gint64        stock_on_hand)
{
  g_return_if_fail (SP_IS_STOCK_LEVEL (self));

  if (self->stock_on_hand == stock_on_hand)
    return;

  self->stock_on_hand = stock_on_hand;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STOCK_ON_HAND]);
}

/**
 * sp_stock_level_get_avg_daily_sales:
 * @self: a #SpStockLevel
 *
 * Gets #SpStockLevel:avg-daily-sales. In hundredths of a unit per day.
 *
 * Returns:: the value of #SpStockLevel:avg-daily-sales
 */
gint64
sp_stock_level_get_avg_daily_sales (SpStockLevel *self)
{
  g_return_val_if_fail (SP_IS_STOCK_LEVEL (self), 0);

  return self->avg_daily_sales;
}

/**
 * sp_stock_level_set_avg_daily_sales:
 * @self: a #SpStockLevel
 * @avg_daily_sales: the new value
 *
 * Sets #SpStockLevel:avg-daily-sales.
 */
void
sp_stock_level_set_avg_daily_sales (SpStockLevel *self,
                                    gint64        avg_daily_sales)
{
  g_return_if_fail (SP_IS_STOCK_LEVEL (self));

  if (self->avg_daily_sales == avg_daily_sales)
    return;

  self->avg_daily_sales = avg_daily_sales;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AVG_DAILY_SALES]);
}

/**
 * sp_stock_level_validate:
 * @self: a #SpStockLevel
 * @error: return location for a #GError
 *
 * Checks that @self can be saved.
 *
 * Returns: %TRUE when @self is valid; otherwise %FALSE with @error set to
 *   %SP_MODEL_ERROR_INVALID_FIELD, whose message names the property
 */
gboolean
sp_stock_level_validate (SpStockLevel  *self,
                         GError       **error)
{
  g_return_val_if_fail (SP_IS_STOCK_LEVEL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sp_validate_not_empty ("product-sku", self->product_sku, error))
    return FALSE;
  if (!_sp_validate_not_empty ("site-code", self->site_code, error))
    return FALSE;
  if (!_sp_validate_non_negative ("stock-on-hand", self->stock_on_hand, error))
    return FALSE;
  if (!_sp_validate_non_negative ("avg-daily-sales", self->avg_daily_sales, error))
    return FALSE;

  return TRUE;
}
