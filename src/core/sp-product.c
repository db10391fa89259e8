/* sp-product.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-product"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-product.h"
#include "sp-money.h"
#include "sp-model-error.h"
#include "sp-validate-private.h"

struct _SpProduct
{
  GObject  parent_instance;

  char    *id;               /* owned; immutable after construction */
  char    *sku;              /* owned */
  char    *name;             /* owned */
  char    *category_path;    /* owned */
  char    *category_id;      /* owned */
  char    *uom;              /* owned */
  gint64   list_price;
  gint64   cost;
  char    *currency;         /* owned */
  gint64   stock_on_hand;
  gint64   avg_daily_sales;
  char    *remote_id;        /* owned */
  gint64   version;
};

G_DEFINE_FINAL_TYPE (SpProduct, sp_product, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SKU,
  PROP_NAME,
  PROP_CATEGORY_PATH,
  PROP_CATEGORY_ID,
  PROP_UOM,
  PROP_LIST_PRICE,
  PROP_COST,
  PROP_CURRENCY,
  PROP_STOCK_ON_HAND,
  PROP_AVG_DAILY_SALES,
  PROP_REMOTE_ID,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sp_product_finalize (GObject *object)
{
  SpProduct *self = (SpProduct *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->sku, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->category_path, g_free);
  g_clear_pointer (&self->category_id, g_free);
  g_clear_pointer (&self->uom, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->remote_id, g_free);

  G_OBJECT_CLASS (sp_product_parent_class)->finalize (object);
}

static void
sp_product_constructed (GObject *object)
{
  SpProduct *self = (SpProduct *)object;

  G_OBJECT_CLASS (sp_product_parent_class)->constructed (object);

  if (self->id == NULL || self->id[0] == '\0')
    {
      g_free (self->id);
      self->id = g_uuid_string_random ();
    }
}

static void
sp_product_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SpProduct *self = SP_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_SKU:
      g_value_set_string (value, self->sku);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CATEGORY_PATH:
      g_value_set_string (value, self->category_path);
      break;

    case PROP_CATEGORY_ID:
      g_value_set_string (value, self->category_id);
      break;

    case PROP_UOM:
      g_value_set_string (value, self->uom);
      break;

    case PROP_LIST_PRICE:
      g_value_set_int64 (value, self->list_price);
      break;

    case PROP_COST:
      g_value_set_int64 (value, self->cost);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_STOCK_ON_HAND:
      g_value_set_int64 (value, self->stock_on_hand);
      break;

    case PROP_AVG_DAILY_SALES:
      g_value_set_int64 (value, self->avg_daily_sales);
      break;

    case PROP_REMOTE_ID:
      g_value_set_string (value, self->remote_id);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_product_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SpProduct *self = SP_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (self->id == NULL);
      self->id = g_value_dup_string (value);
      break;

    case PROP_SKU:
      sp_product_set_sku (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      sp_product_set_name (self, g_value_get_string (value));
      break;

    case PROP_CATEGORY_PATH:
      sp_product_set_category_path (self, g_value_get_string (value));
      break;

    case PROP_CATEGORY_ID:
      sp_product_set_category_id (self, g_value_get_string (value));
      break;

    case PROP_UOM:
      sp_product_set_uom (self, g_value_get_string (value));
      break;

    case PROP_LIST_PRICE:
      sp_product_set_list_price (self, g_value_get_int64 (value));
      break;

    case PROP_COST:
      sp_product_set_cost (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENCY:
      sp_product_set_currency (self, g_value_get_string (value));
      break;

    case PROP_STOCK_ON_HAND:
      sp_product_set_stock_on_hand (self, g_value_get_int64 (value));
      break;

    case PROP_AVG_DAILY_SALES:
      sp_product_set_avg_daily_sales (self, g_value_get_int64 (value));
      break;

    case PROP_REMOTE_ID:
      sp_product_set_remote_id (self, g_value_get_string (value));
      break;

    case PROP_VERSION:
      sp_product_set_version (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_product_class_init (SpProductClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_product_finalize;
  object_class->constructed = sp_product_constructed;
  object_class->get_property = sp_product_get_property;
  object_class->set_property = sp_product_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SKU] =
    g_param_spec_string ("sku", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CATEGORY_PATH] =
    g_param_spec_string ("category-path", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CATEGORY_ID] =
    g_param_spec_string ("category-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_UOM] =
    g_param_spec_string ("uom", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LIST_PRICE] =
    g_param_spec_int64 ("list-price", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_COST] =
    g_param_spec_int64 ("cost", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STOCK_ON_HAND] =
    g_param_spec_int64 ("stock-on-hand", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_AVG_DAILY_SALES] =
    g_param_spec_int64 ("avg-daily-sales", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REMOTE_ID] =
    g_param_spec_string ("remote-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_product_init (SpProduct *self)
{
}

/**
 * sp_product_new:
 * @sku: (nullable): the initial value of #SpProduct:sku
 * @name: (nullable): the initial value of #SpProduct:name
 *
 * Creates a new #SpProduct.
 *
 * Returns: (transfer full): the new #SpProduct
 */
SpProduct *
sp_product_new (const char *sku,
                const char *name)
{
  return g_object_new (SP_TYPE_PRODUCT,
                       "sku", sku,
                       "name", name,
                       NULL);
}

/**
 * sp_product_get_id:
 * @self: a #SpProduct
 *
 * Gets #SpProduct:id.
 *
 * Returns: (transfer none): the value of #SpProduct:id
 */
const char *
sp_product_get_id (SpProduct *self)
{
  g_return_val_if_fail (SP_IS_PRODUCT (self), NULL);

  return self->id;
}

/**
 * sp_product_get_sku:
 * @self: a #SpProduct
 *
 * Gets #SpProduct:sku.
 *
 * Returns: (transfer none) (nullable): the value of #SpProduct:sku
 */
const char *
sp_product_get_sku (SpProduct *self)
{
  g_return_val_if_fail (SP_IS_PRODUCT (self), NULL);

  return self->sku;
}

/**
 * sp_product_set_sku:
 * @self: a #SpProduct
 * @sku: (nullable) the new value
 *
 * Sets #SpProduct:sku.
 */
void
sp_product_set_sku (SpProduct  *self,
                    const char *sku)
{
  g_return_if_fail (SP_IS_PRODUCT (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->sku, sku) == 0)
    return;

  g_free (self->sku);
  self->sku = g_strdup (sku);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SKU]);
}

/**
 * sp_product_get_name:
 * @self: a #SpProduct
 *
 * Gets #SpProduct:name.
 *
 * Returns: (transfer none) (nullable): the value of #SpProduct:name
 */
const char *
sp_product_get_name (SpProduct *self)
{
  g_return_val_if_fail (SP_IS_PRODUCT (self), NULL);

  return self->name;
}

/**
 * sp_product_set_name:
 * @self: a #SpProduct
 * @name: (nullable) the new value
 *
 * Sets #SpProduct:name.
 */
void
sp_product_set_name (SpProduct  *self,
                     const char *name)
{
  g_return_if_fail (SP_IS_PRODUCT (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

/**
 * sp_product_get_category_path:
 * @self: a #SpProduct
 *
 * Gets #SpProduct:category-path.
 *
 * Returns: (transfer none) (nullable): the value of #SpProduct:category-path
 */
const char *
sp_product_get_category_path (SpProduct *self)
{
  g_return_val_if_fail (SP_IS_PRODUCT (self), NULL);

  return self->category_path;
}

/**
 * sp_product_set_category_path:
 * @self: a #SpProduct
 * @category_path: (nullable) the new value
 *
 * Sets #SpProduct:category-path.
 */
void
sp_product_set_category_path (SpProduct  *self,
                              const char *category_path)
{
  g_return_if_fail (SP_IS_PRODUCT (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->category_path, category_path) == 0)
    return;

  g_free (self->category_path);
  self->category_path = g_strdup (category_path);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CATEGORY_PATH]);
}

/**
 * sp_product_get_category_id:
 * @self: a #SpProduct
 *
 * Gets #SpProduct:category-id.
 *
 * Returns: (transfer none) (nullable): the value of #SpProduct:category-id
 */
const char *
sp_product_get_category_id (SpProduct *self)
{
  g_return_val_if_fail (SP_IS_PRODUCT (self), NULL);

  return self->category_id;
}

/**
 * sp_product_set_category_id:
 * @self: a #SpProduct
 * @category_id: (nullable) the new value
 *
 * Sets #SpProduct:category-id.
 */
void
sp_product_set_category_id (SpProduct  *self,
                            const char *category_id)
{
  g_return_if_fail (SP_IS_PRODUCT (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->category_id, category_id) == 0)
    return;

  g_free (self->category_id);
  self->category_id = g_strdup (category_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CATEGORY_ID]);
}

/**
 * sp_product_get_uom:
 * @self: a #SpProduct
 *
 * Gets #SpProduct:uom.
 *
 * Returns: (transfer none) (nullable): the value of #SpProduct:uom
 */
const char *
sp_product_get_uom (SpProduct *self)
{
  g_return_val_if_fail (SP_IS_PRODUCT (self), NULL);

  return self->uom;
}

/**
 * sp_product_set_uom:
 * @self: a #SpProduct
 * @uom: (nullable) the new value
 *
 * Sets #SpProduct:uom.
 */
void
sp_product_set_uom (SpProduct  *self,
                    const char *uom)
{
  g_return_if_fail (SP_IS_PRODUCT (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->uom, uom) == 0)
    return;

  g_free (self->uom);
  self->uom = g_strdup (uom);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UOM]);
}

/**
 * sp_product_get_list_price:
 * @self: a #SpProduct
 *
 * Gets #SpProduct:list-price. In minor units of #SpProduct:currency.
 *
 * Returns:: the value of #SpProduct:list-price
 */
gint64
sp_product_get_list_price (SpProduct *self)
{
  g_return_val_if_fail (SP_IS_PRODUCT (self), 0);

  return self->list_price;
}

/**
 * sp_product_set_list_price:
 * @self: a #SpProduct
 * @list_price: the new value
 *
 * Sets #SpProduct:list-price.
 */
void
sp_product_set_list_price (SpProduct *self,
                           gint64     list_price)
{
  g_return_if_fail (SP_IS_PRODUCT (self));

  if (self->list_price == list_price)
    return;

  self->list_price = list_price;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LIST_PRICE]);
}

/**
 * sp_product_get_cost:
 * @self: a #SpProduct
 *
 * Gets #SpProduct:cost. In minor units of #SpProduct:currency.
 *
 * Returns:: the value of #SpProduct:cost
 */
gint64
sp_product_get_cost (SpProduct *self)
{
  g_return_val_if_fail (SP_IS_PRODUCT (self), 0);

  return self->cost;
}

/**
 * sp_product_set_cost:
 * @self: a #SpProduct
 * @cost: the new value
 *
 * Sets #SpProduct:cost.
 */
void
sp_product_set_cost (SpProduct *self,
                     gint64     cost)
{
  g_return_if_fail (SP_IS_PRODUCT (self));

  if (self->cost == cost)
    return;

  self->cost = cost;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COST]);
}

/**
 * sp_product_get_currency:
 * @self: a #SpProduct
 *
 * Gets #SpProduct:currency.
 *
 * Returns: (transfer none) (nullable): the value of #SpProduct:currency
 */
const char *
sp_product_get_currency (SpProduct *self)
{
  g_return_val_if_fail (SP_IS_PRODUCT (self), NULL);

  return self->currency;
}

/**
 * sp_product_set_currency:
 * @self: a #SpProduct
 * @currency: (nullable) the new value
 *
 * Sets #SpProduct:currency.
 */
void
sp_product_set_currency (SpProduct  *self,
                         const char *currency)
{
  g_return_if_fail (SP_IS_PRODUCT (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->currency, currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENCY]);
}

/**
 * sp_product_get_stock_on_hand:
 * @self: a #SpProduct
 *
 * Gets #SpProduct:stock-on-hand. In units, summed over all sites.
 *
 * Returns:: the value of #SpProduct:stock-on-hand
 */
gint64
sp_product_get_stock_on_hand (SpProduct *self)
{
  g_return_val_if_fail (SP_IS_PRODUCT (self), 0);

  return self->stock_on_hand;
}

/**
 * sp_product_set_stock_on_hand:
 * @self: a #SpProduct
 * @stock_on_hand: the new value
 *
 * Sets #SpProduct:stock-on-hand.
 */
void
sp_product_set_stock_on_hand (SpProduct *self,
                              gint64     stock_on_hand)
{
  g_return_if_fail (SP_IS_PRODUCT (self));

  if (self->stock_on_hand == stock_on_hand)
    return;

  self->stock_on_hand = stock_on_hand;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STOCK_ON_HAND]);
}

/**
 * sp_product_get_avg_daily_sales:
 * @self: a #SpProduct
 *
 * Gets #SpProduct:avg-daily-sales. In hundredths of a unit per day.
 *
 * Returns:: the value of #SpProduct:avg-daily-sales
 */
gint64
sp_product_get_avg_daily_sales (SpProduct *self)
{
  g_return_val_if_fail (SP_IS_PRODUCT (self), 0);

  return self->avg_daily_sales;
}

/**
 * sp_product_set_avg_daily_sales:
 * @self: a #SpProduct
 * @avg_daily_sales: the new value
 *
 * Sets #SpProduct:avg-daily-sales.
 */
void
sp_product_set_avg_daily_sales (SpProduct *self,
                                gint64     avg_daily_sales)
{
  g_return_if_fail (SP_IS_PRODUCT (self));

  if (self->avg_daily_sales == avg_daily_sales)
    return;

  self->avg_daily_sales = avg_daily_sales;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AVG_DAILY_SALES]);
}

/**
 * sp_product_get_remote_id:
 * @self: a #SpProduct
 *
 * Gets #SpProduct:remote-id.
 *
 * Returns: (transfer none) (nullable): the value of #SpProduct:remote-id
 */
const char *
sp_product_get_remote_id (SpProduct *self)
{
  g_return_val_if_fail (SP_IS_PRODUCT (self), NULL);

  return self->remote_id;
}

/**
 * sp_product_set_remote_id:
 * @self: a #SpProduct
 * @remote_id: (nullable) the new value
 *
 * Sets #SpProduct:remote-id.
 */
void
sp_product_set_remote_id (SpProduct  *self,
                          const char *remote_id)
{
  g_return_if_fail (SP_IS_PRODUCT (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->remote_id, remote_id) == 0)
    return;

  g_free (self->remote_id);
  self->remote_id = g_strdup (remote_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REMOTE_ID]);
}

/**
 * sp_product_get_version:
 * @self: a #SpProduct
 *
 * Gets #SpProduct:version.
 *
 * Returns:: the value of #SpProduct:version
 */
gint64
sp_product_get_version (SpProduct *self)
{
  g_return_val_if_fail (SP_IS_PRODUCT (self), 0);

  return self->version;
}

/**
 * sp_product_set_version:
 * @self: a #SpProduct
 * @version: the new value
 *
 * Sets #SpProduct:version.
 */
void
sp_product_set_version (SpProduct *self,
                        gint64     version)
{
  g_return_if_fail (SP_IS_PRODUCT (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VERSION]);
}

/**
 * sp_product_validate:
 * @self: a #SpProduct
 * @error: return location for a #GError
 *
 * Checks that @self can be saved.
 *
 * Returns: %TRUE when @self is valid; otherwise %FALSE with @error set to
 *   %SP_MODEL_ERROR_INVALID_FIELD, whose message names the property
 */
gboolean
sp_product_validate (SpProduct  *self,
                     GError    **error)
{
  g_return_val_if_fail (SP_IS_PRODUCT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sp_validate_not_empty ("sku", self->sku, error))
    return FALSE;
  if (!_sp_validate_not_empty ("name", self->name, error))
    return FALSE;
  if (!_sp_validate_category_path ("category-path", self->category_path, FALSE, error))
    return FALSE;
  if (!_sp_validate_non_negative ("list-price", self->list_price, error))
    return FALSE;
  if (!_sp_validate_non_negative ("cost", self->cost, error))
    return FALSE;
  if (!_sp_validate_currency ("currency", self->currency, TRUE, error))
    return FALSE;
  if (!_sp_validate_non_negative ("stock-on-hand", self->stock_on_hand, error))
    return FALSE;
  if (!_sp_validate_non_negative ("avg-daily-sales", self->avg_daily_sales, error))
    return FALSE;

  return TRUE;
}

/**
 * sp_stock_days_of_cover:
 * @stock_on_hand: units
 * @avg_daily_sales: hundredths of a unit per day
 *
 * How many days the stock lasts at the average daily sales:
 * stock-on-hand × 100 / avg-daily-sales, rounded down. The one rule for a
 * #SpProduct and a catalog table row alike.
 *
 * Returns: the days of cover, or -1 when nothing sells
 */
gint64
sp_stock_days_of_cover (gint64 stock_on_hand,
                        gint64 avg_daily_sales)
{
  if (avg_daily_sales <= 0)
    return -1;

  return sp_money_multiply (MAX (stock_on_hand, 0), 100) / avg_daily_sales;
}

/**
 * sp_stock_is_overstocked:
 * @stock_on_hand: units
 * @avg_daily_sales: hundredths of a unit per day
 * @days_threshold: the days of cover above which stock is excess
 *
 * Stock is excess when there is some and either its days of cover exceed
 * @days_threshold or nothing sells at all.
 *
 * Returns: %TRUE when the stock is excess
 */
gboolean
sp_stock_is_overstocked (gint64 stock_on_hand,
                         gint64 avg_daily_sales,
                         int    days_threshold)
{
  gint64 cover;

  if (stock_on_hand <= 0)
    return FALSE;

  cover = sp_stock_days_of_cover (stock_on_hand, avg_daily_sales);
  return cover < 0 || cover > days_threshold;
}

/**
 * sp_product_get_days_of_cover:
 * @self: a #SpProduct
 *
 * See sp_stock_days_of_cover().
 *
 * Returns: the days of cover, or -1 when the product does not sell
 */
gint64
sp_product_get_days_of_cover (SpProduct *self)
{
  g_return_val_if_fail (SP_IS_PRODUCT (self), -1);

  return sp_stock_days_of_cover (self->stock_on_hand, self->avg_daily_sales);
}

/**
 * sp_product_is_overstocked:
 * @self: a #SpProduct
 * @days_threshold: the days of cover above which stock is excess
 *
 * A product is overstocked when it has stock and either its days of cover
 * exceed @days_threshold or it does not sell at all.
 *
 * Returns: %TRUE when @self is overstocked
 */
gboolean
sp_product_is_overstocked (SpProduct *self,
                           int        days_threshold)
{
  g_return_val_if_fail (SP_IS_PRODUCT (self), FALSE);

  return sp_stock_is_overstocked (self->stock_on_hand, self->avg_daily_sales, days_threshold);
}

/**
 * sp_product_get_margin:
 * @self: a #SpProduct
 *
 * Returns: list-price − cost, in minor units
 */
gint64
sp_product_get_margin (SpProduct *self)
{
  g_return_val_if_fail (SP_IS_PRODUCT (self), 0);

  return self->list_price - self->cost;
}

/**
 * sp_product_get_margin_bp:
 * @self: a #SpProduct
 *
 * Returns: the gross margin at the list price in basis points, see
 *   sp_money_margin_bp()
 */
gint64
sp_product_get_margin_bp (SpProduct *self)
{
  g_return_val_if_fail (SP_IS_PRODUCT (self), 0);

  return sp_money_margin_bp (self->list_price, self->cost);
}

/**
 * sp_product_get_margin_bp_at:
 * @self: a #SpProduct
 * @price: a selling price in minor units
 *
 * Use it to check a discounted price against a campaign's margin floor.
 *
 * Returns: the gross margin at @price in basis points (negative below cost)
 */
gint64
sp_product_get_margin_bp_at (SpProduct *self,
                             gint64     price)
{
  g_return_val_if_fail (SP_IS_PRODUCT (self), 0);

  return sp_money_margin_bp (price, self->cost);
}

/**
 * sp_product_get_stock_value:
 * @self: a #SpProduct
 *
 * Returns: stock-on-hand × cost, in minor units
 */
gint64
sp_product_get_stock_value (SpProduct *self)
{
  g_return_val_if_fail (SP_IS_PRODUCT (self), 0);

  return sp_money_multiply (self->stock_on_hand, self->cost);
}
