/* sp-sales-order.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-sales-order"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-sales-order.h"
#include "sp-model-error.h"
#include "sp-validate-private.h"

struct _SpSalesOrder
{
  GObject     parent_instance;

  char       *id;            /* owned; immutable after construction */
  char       *number;        /* owned */
  char       *company_code;  /* owned */
  char       *site_code;     /* owned */
  char       *order_date;    /* owned */
  char       *currency;      /* owned */
  GListStore *lines;         /* owned; of SpOrderLine */
};

G_DEFINE_FINAL_TYPE (SpSalesOrder, sp_sales_order, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_COMPANY_CODE,
  PROP_SITE_CODE,
  PROP_ORDER_DATE,
  PROP_CURRENCY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sp_sales_order_dispose (GObject *object)
{
  SpSalesOrder *self = (SpSalesOrder *)object;

  g_clear_object (&self->lines);

  G_OBJECT_CLASS (sp_sales_order_parent_class)->dispose (object);
}

static void
sp_sales_order_finalize (GObject *object)
{
  SpSalesOrder *self = (SpSalesOrder *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->company_code, g_free);
  g_clear_pointer (&self->site_code, g_free);
  g_clear_pointer (&self->order_date, g_free);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (sp_sales_order_parent_class)->finalize (object);
}

static void
sp_sales_order_constructed (GObject *object)
{
  SpSalesOrder *self = (SpSalesOrder *)object;

  G_OBJECT_CLASS (sp_sales_order_parent_class)->constructed (object);

  if (self->id == NULL || self->id[0] == '\0')
    {
      g_free (self->id);
      self->id = g_uuid_string_random ();
    }
}

static void
sp_sales_order_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SpSalesOrder *self = SP_SALES_ORDER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;

    case PROP_COMPANY_CODE:
      g_value_set_string (value, self->company_code);
      break;

    case PROP_SITE_CODE:
      g_value_set_string (value, self->site_code);
      break;

    case PROP_ORDER_DATE:
      g_value_set_string (value, self->order_date);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_sales_order_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SpSalesOrder *self = SP_SALES_ORDER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (self->id == NULL);
      self->id = g_value_dup_string (value);
      break;

    case PROP_NUMBER:
      sp_sales_order_set_number (self, g_value_get_string (value));
      break;

    case PROP_COMPANY_CODE:
      sp_sales_order_set_company_code (self, g_value_get_string (value));
      break;

    case PROP_SITE_CODE:
      sp_sales_order_set_site_code (self, g_value_get_string (value));
      break;

    case PROP_ORDER_DATE:
      sp_sales_order_set_order_date (self, g_value_get_string (value));
      break;

    case PROP_CURRENCY:
      sp_sales_order_set_currency (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_sales_order_class_init (SpSalesOrderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_sales_order_dispose;
  object_class->finalize = sp_sales_order_finalize;
  object_class->constructed = sp_sales_order_constructed;
  object_class->get_property = sp_sales_order_get_property;
  object_class->set_property = sp_sales_order_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_COMPANY_CODE] =
    g_param_spec_string ("company-code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SITE_CODE] =
    g_param_spec_string ("site-code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ORDER_DATE] =
    g_param_spec_string ("order-date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_sales_order_init (SpSalesOrder *self)
{
  self->lines = g_list_store_new (SP_TYPE_ORDER_LINE);
}

/**
 * sp_sales_order_new:
 * @number: (nullable): the initial value of #SpSalesOrder:number
 *
 * Creates a new #SpSalesOrder.
 *
 * Returns: (transfer full): the new #SpSalesOrder
 */
SpSalesOrder *
sp_sales_order_new (const char *number)
{
  return g_object_new (SP_TYPE_SALES_ORDER,
                       "number", number,
                       NULL);
}

/**
 * sp_sales_order_get_id:
 * @self: a #SpSalesOrder
 *
 * Gets #SpSalesOrder:id.
 *
 * Returns: (transfer none): the value of #SpSalesOrder:id
 */
const char *
sp_sales_order_get_id (SpSalesOrder *self)
{
  g_return_val_if_fail (SP_IS_SALES_ORDER (self), NULL);

  return self->id;
}

/**
 * sp_sales_order_get_number:
 * @self: a #SpSalesOrder
 *
 * Gets #SpSalesOrder:number.
 *
 * Returns: (transfer none) (nullable): the value of #SpSalesOrder:number
 */
const char *
sp_sales_order_get_number (SpSalesOrder *self)
{
  g_return_val_if_fail (SP_IS_SALES_ORDER (self), NULL);

  return self->number;
}

/**
 * sp_sales_order_set_number:
 * @self: a #SpSalesOrder
 * @number: (nullable) the new value
 *
 * Sets #SpSalesOrder:number.
 */
void
sp_sales_order_set_number (SpSalesOrder *self,
                           const char   *number)
{
  g_return_if_fail (SP_IS_SALES_ORDER (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->number, number) == 0)
    return;

  g_free (self->number);
  self->number = g_strdup (number);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NUMBER]);
}

/**
 * sp_sales_order_get_company_code:
 * @self: a #SpSalesOrder
 *
 * Gets #SpSalesOrder:company-code.
 *
 * Returns: (transfer none) (nullable): the value of #SpSalesOrder:company-code
 */
const char *
sp_sales_order_get_company_code (SpSalesOrder *self)
{
  g_return_val_if_fail (SP_IS_SALES_ORDER (self), NULL);

  return self->company_code;
}

/**
 * sp_sales_order_set_company_code:
 * @self: a #SpSalesOrder
 * @company_code: (nullable) the new value
 *
 * Sets #SpSalesOrder:company-code.
 */
void
sp_sales_order_set_company_code (SpSalesOrder *self,
                                 const char   *company_code)
{
  g_return_if_fail (SP_IS_SALES_ORDER (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->company_code, company_code) == 0)
    return;

  g_free (self->company_code);
  self->company_code = g_strdup (company_code);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMPANY_CODE]);
}

/**
 * sp_sales_order_get_site_code:
 * @self: a #SpSalesOrder
 *
 * Gets #SpSalesOrder:site-code.
 *
 * Returns: (transfer none) (nullable): the value of #SpSalesOrder:site-code
 */
const char *
sp_sales_order_get_site_code (SpSalesOrder *self)
{
  g_return_val_if_fail (SP_IS_SALES_ORDER (self), NULL);

  return self->site_code;
}

/**
 * sp_sales_order_set_site_code:
 * @self: a #SpSalesOrder
 * @site_code: (nullable) the new value
 *
 * Sets #SpSalesOrder:site-code.
 */
void
sp_sales_order_set_site_code (SpSalesOrder *self,
                              const char   *site_code)
{
  g_return_if_fail (SP_IS_SALES_ORDER (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->site_code, site_code) == 0)
    return;

  g_free (self->site_code);
  self->site_code = g_strdup (site_code);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SITE_CODE]);
}

/**
 * sp_sales_order_get_order_date:
 * @self: a #SpSalesOrder
 *
 * Gets #SpSalesOrder:order-date.
 *
 * Returns: (transfer none) (nullable): the value of #SpSalesOrder:order-date
 */
const char *
sp_sales_order_get_order_date (SpSalesOrder *self)
{
  g_return_val_if_fail (SP_IS_SALES_ORDER (self), NULL);

  return self->order_date;
}

/**
 * sp_sales_order_set_order_date:
 * @self: a #SpSalesOrder
 * @order_date: (nullable) the new value
 *
 * Sets #SpSalesOrder:order-date.
 */
void
sp_sales_order_set_order_date (SpSalesOrder *self,
                               const char   *order_date)
{
  g_return_if_fail (SP_IS_SALES_ORDER (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->order_date, order_date) == 0)
    return;

  g_free (self->order_date);
  self->order_date = g_strdup (order_date);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ORDER_DATE]);
}

/**
 * sp_sales_order_get_currency:
 * @self: a #SpSalesOrder
 *
 * Gets #SpSalesOrder:currency.
 *
 * Returns: (transfer none) (nullable): the value of #SpSalesOrder:currency
 */
const char *
sp_sales_order_get_currency (SpSalesOrder *self)
{
  g_return_val_if_fail (SP_IS_SALES_ORDER (self), NULL);

  return self->currency;
}

/**
 * sp_sales_order_set_currency:
 * @self: a #SpSalesOrder
 * @currency: (nullable) the new value
 *
 * Sets #SpSalesOrder:currency.
 */
void
sp_sales_order_set_currency (SpSalesOrder *self,
                             const char   *currency)
{
  g_return_if_fail (SP_IS_SALES_ORDER (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->currency, currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENCY]);
}

/**
 * sp_sales_order_get_lines:
 * @self: a #SpSalesOrder
 *
 * Gets the lines, in the order they were added.
 *
 * Returns: (transfer none): a #GListModel of #SpOrderLine
 */
GListModel *
sp_sales_order_get_lines (SpSalesOrder *self)
{
  g_return_val_if_fail (SP_IS_SALES_ORDER (self), NULL);

  return G_LIST_MODEL (self->lines);
}

/**
 * sp_sales_order_add_line:
 * @self: a #SpSalesOrder
 * @line: (transfer none): the #SpOrderLine to append
 *
 * Appends @line; @self keeps a reference.
 */
void
sp_sales_order_add_line (SpSalesOrder *self,
                         SpOrderLine  *line)
{
  g_return_if_fail (SP_IS_SALES_ORDER (self));
  g_return_if_fail (SP_IS_ORDER_LINE (line));

  g_list_store_append (self->lines, line);
}

/**
 * sp_sales_order_remove_all_lines:
 * @self: a #SpSalesOrder
 *
 * Removes every item of sp_sales_order_get_lines().
 */
void
sp_sales_order_remove_all_lines (SpSalesOrder *self)
{
  g_return_if_fail (SP_IS_SALES_ORDER (self));

  g_list_store_remove_all (self->lines);
}

/**
 * sp_sales_order_validate:
 * @self: a #SpSalesOrder
 * @error: return location for a #GError
 *
 * Checks that @self can be saved.
 *
 * Returns: %TRUE when @self is valid; otherwise %FALSE with @error set to
 *   %SP_MODEL_ERROR_INVALID_FIELD, whose message names the property
 */
gboolean
sp_sales_order_validate (SpSalesOrder  *self,
                         GError       **error)
{
  g_return_val_if_fail (SP_IS_SALES_ORDER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sp_validate_not_empty ("number", self->number, error))
    return FALSE;
  if (!_sp_validate_not_empty ("company-code", self->company_code, error))
    return FALSE;
  if (!_sp_validate_date ("order-date", self->order_date, TRUE, error))
    return FALSE;
  if (!_sp_validate_currency ("currency", self->currency, TRUE, error))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->lines)); i++)
    {
      g_autoptr(SpOrderLine) item = g_list_model_get_item (G_LIST_MODEL (self->lines), i);

      if (!sp_order_line_validate (item, error))
        {
          g_prefix_error (error, "lines[%u]: ", i);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * sp_sales_order_get_total:
 * @self: a #SpSalesOrder
 *
 * Returns: the sum of the amounts of the lines, in minor units
 */
gint64
sp_sales_order_get_total (SpSalesOrder *self)
{
  GListModel *lines;
  gint64 total = 0;

  g_return_val_if_fail (SP_IS_SALES_ORDER (self), 0);

  lines = G_LIST_MODEL (self->lines);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(SpOrderLine) line = g_list_model_get_item (lines, i);

      /* Saturate rather than wrap; no real order gets near it. */
      if (__builtin_add_overflow (total, sp_order_line_get_amount (line), &total))
        return G_MAXINT64;
    }

  return total;
}
