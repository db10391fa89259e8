/* sp-price-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-price-list"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-price-list.h"
#include "sp-model-error.h"
#include "sp-validate-private.h"

struct _SpPriceList
{
  GObject     parent_instance;

  char       *id;            /* owned; immutable after construction */
  char       *campaign_id;   /* owned */
  char       *name;          /* owned */
  char       *site_code;     /* owned */
  char       *currency;      /* owned */
  char       *company_code;  /* owned */
  char       *valid_from;    /* owned */
  char       *valid_to;      /* owned */
  char       *remote_id;     /* owned */
  GListStore *entries;       /* owned; of SpPriceListEntry */
};

G_DEFINE_FINAL_TYPE (SpPriceList, sp_price_list, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CAMPAIGN_ID,
  PROP_NAME,
  PROP_SITE_CODE,
  PROP_CURRENCY,
  PROP_COMPANY_CODE,
  PROP_VALID_FROM,
  PROP_VALID_TO,
  PROP_REMOTE_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sp_price_list_dispose (GObject *object)
{
  SpPriceList *self = (SpPriceList *)object;

  g_clear_object (&self->entries);

  G_OBJECT_CLASS (sp_price_list_parent_class)->dispose (object);
}

static void
sp_price_list_finalize (GObject *object)
{
  SpPriceList *self = (SpPriceList *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->campaign_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->site_code, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->company_code, g_free);
  g_clear_pointer (&self->valid_from, g_free);
  g_clear_pointer (&self->valid_to, g_free);
  g_clear_pointer (&self->remote_id, g_free);

  G_OBJECT_CLASS (sp_price_list_parent_class)->finalize (object);
}

static void
sp_price_list_constructed (GObject *object)
{
  SpPriceList *self = (SpPriceList *)object;

  G_OBJECT_CLASS (sp_price_list_parent_class)->constructed (object);

  if (self->id == NULL || self->id[0] == '\0')
    {
      g_free (self->id);
      self->id = g_uuid_string_random ();
    }
}

static void
sp_price_list_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SpPriceList *self = SP_PRICE_LIST (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_CAMPAIGN_ID:
      g_value_set_string (value, self->campaign_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SITE_CODE:
      g_value_set_string (value, self->site_code);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_COMPANY_CODE:
      g_value_set_string (value, self->company_code);
      break;

    case PROP_VALID_FROM:
      g_value_set_string (value, self->valid_from);
      break;

    case PROP_VALID_TO:
      g_value_set_string (value, self->valid_to);
      break;

    case PROP_REMOTE_ID:
      g_value_set_string (value, self->remote_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_price_list_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SpPriceList *self = SP_PRICE_LIST (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (self->id == NULL);
      self->id = g_value_dup_string (value);
      break;

    case PROP_CAMPAIGN_ID:
      sp_price_list_set_campaign_id (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      sp_price_list_set_name (self, g_value_get_string (value));
      break;

    case PROP_SITE_CODE:
      sp_price_list_set_site_code (self, g_value_get_string (value));
      break;

    case PROP_CURRENCY:
      sp_price_list_set_currency (self, g_value_get_string (value));
      break;

    case PROP_COMPANY_CODE:
      sp_price_list_set_company_code (self, g_value_get_string (value));
      break;

    case PROP_VALID_FROM:
      sp_price_list_set_valid_from (self, g_value_get_string (value));
      break;

    case PROP_VALID_TO:
      sp_price_list_set_valid_to (self, g_value_get_string (value));
      break;

    case PROP_REMOTE_ID:
      sp_price_list_set_remote_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_price_list_class_init (SpPriceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_price_list_dispose;
  object_class->finalize = sp_price_list_finalize;
  object_class->constructed = sp_price_list_constructed;
  object_class->get_property = sp_price_list_get_property;
  object_class->set_property = sp_price_list_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CAMPAIGN_ID] =
    g_param_spec_string ("campaign-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SITE_CODE] =
    g_param_spec_string ("site-code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_COMPANY_CODE] =
    g_param_spec_string ("company-code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_VALID_FROM] =
    g_param_spec_string ("valid-from", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_VALID_TO] =
    g_param_spec_string ("valid-to", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REMOTE_ID] =
    g_param_spec_string ("remote-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_price_list_init (SpPriceList *self)
{
  self->entries = g_list_store_new (SP_TYPE_PRICE_LIST_ENTRY);
}

/**
 * sp_price_list_new:
 * @name: (nullable): the initial value of #SpPriceList:name
 *
 * Creates a new #SpPriceList.
 *
 * Returns: (transfer full): the new #SpPriceList
 */
SpPriceList *
sp_price_list_new (const char *name)
{
  return g_object_new (SP_TYPE_PRICE_LIST,
                       "name", name,
                       NULL);
}

/**
 * sp_price_list_get_id:
 * @self: a #SpPriceList
 *
 * Gets #SpPriceList:id.
 *
 * Returns: (transfer none): the value of #SpPriceList:id
 */
const char *
sp_price_list_get_id (SpPriceList *self)
{
  g_return_val_if_fail (SP_IS_PRICE_LIST (self), NULL);

  return self->id;
}

/**
 * sp_price_list_get_campaign_id:
 * @self: a #SpPriceList
 *
 * Gets #SpPriceList:campaign-id.
 *
 * Returns: (transfer none) (nullable): the value of #SpPriceList:campaign-id
 */
const char *
sp_price_list_get_campaign_id (SpPriceList *self)
{
  g_return_val_if_fail (SP_IS_PRICE_LIST (self), NULL);

  return self->campaign_id;
}

/**
 * sp_price_list_set_campaign_id:
 * @self: a #SpPriceList
 * @campaign_id: (nullable) the new value
 *
 * Sets #SpPriceList:campaign-id.
 */
void
sp_price_list_set_campaign_id (SpPriceList *self,
                               const char  *campaign_id)
{
  g_return_if_fail (SP_IS_PRICE_LIST (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->campaign_id, campaign_id) == 0)
    return;

  g_free (self->campaign_id);
  self->campaign_id = g_strdup (campaign_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAMPAIGN_ID]);
}

/**
 * sp_price_list_get_name:
 * @self: a #SpPriceList
 *
 * Gets #SpPriceList:name.
 *
 * Returns: (transfer none) (nullable): the value of #SpPriceList:name
 */
const char *
sp_price_list_get_name (SpPriceList *self)
{
  g_return_val_if_fail (SP_IS_PRICE_LIST (self), NULL);

  return self->name;
}

/**
 * sp_price_list_set_name:
 * @self: a #SpPriceList
 * @name: (nullable) the new value
 *
 * Sets #SpPriceList:name.
 */
void
sp_price_list_set_name (SpPriceList *self,
                        const char  *name)
{
  g_return_if_fail (SP_IS_PRICE_LIST (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

/**
 * sp_price_list_get_site_code:
 * @self: a #SpPriceList
 *
 * Gets #SpPriceList:site-code.
 *
 * Returns: (transfer none) (nullable): the value of #SpPriceList:site-code
 */
const char *
sp_price_list_get_site_code (SpPriceList *self)
{
  g_return_val_if_fail (SP_IS_PRICE_LIST (self), NULL);

  return self->site_code;
}

/**
 * sp_price_list_set_site_code:
 * @self: a #SpPriceList
 * @site_code: (nullable) the new value
 *
 * Sets #SpPriceList:site-code.
 */
void
sp_price_list_set_site_code (SpPriceList *self,
                             const char  *site_code)
{
  g_return_if_fail (SP_IS_PRICE_LIST (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->site_code, site_code) == 0)
    return;

  g_free (self->site_code);
  self->site_code = g_strdup (site_code);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SITE_CODE]);
}

/**
 * sp_price_list_get_currency:
 * @self: a #SpPriceList
 *
 * Gets #SpPriceList:currency.
 *
 * Returns: (transfer none) (nullable): the value of #SpPriceList:currency
 */
const char *
sp_price_list_get_currency (SpPriceList *self)
{
  g_return_val_if_fail (SP_IS_PRICE_LIST (self), NULL);

  return self->currency;
}

/**
 * sp_price_list_set_currency:
 * @self: a #SpPriceList
 * @currency: (nullable) the new value
 *
 * Sets #SpPriceList:currency.
 */
void
sp_price_list_set_currency (SpPriceList *self,
                            const char  *currency)
{
  g_return_if_fail (SP_IS_PRICE_LIST (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->currency, currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENCY]);
}

/**
 * sp_price_list_get_company_code:
 * @self: a #SpPriceList
 *
 * Gets #SpPriceList:company-code.
 *
 * Returns: (transfer none) (nullable): the value of #SpPriceList:company-code
 */
const char *
sp_price_list_get_company_code (SpPriceList *self)
{
  g_return_val_if_fail (SP_IS_PRICE_LIST (self), NULL);

  return self->company_code;
}

/**
 * sp_price_list_set_company_code:
 * @self: a #SpPriceList
 * @company_code: (nullable) the new value
 *
 * Sets #SpPriceList:company-code.
 */
void
sp_price_list_set_company_code (SpPriceList *self,
                                const char  *company_code)
{
  g_return_if_fail (SP_IS_PRICE_LIST (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->company_code, company_code) == 0)
    return;

  g_free (self->company_code);
  self->company_code = g_strdup (company_code);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMPANY_CODE]);
}

/**
 * sp_price_list_get_valid_from:
 * @self: a #SpPriceList
 *
 * Gets #SpPriceList:valid-from.
 *
 * Returns: (transfer none) (nullable): the value of #SpPriceList:valid-from
 */
const char *
sp_price_list_get_valid_from (SpPriceList *self)
{
  g_return_val_if_fail (SP_IS_PRICE_LIST (self), NULL);

  return self->valid_from;
}

/**
 * sp_price_list_set_valid_from:
 * @self: a #SpPriceList
 * @valid_from: (nullable) the new value
 *
 * Sets #SpPriceList:valid-from.
 */
void
sp_price_list_set_valid_from (SpPriceList *self,
                              const char  *valid_from)
{
  g_return_if_fail (SP_IS_PRICE_LIST (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->valid_from, valid_from) == 0)
    return;

  g_free (self->valid_from);
  self->valid_from = g_strdup (valid_from);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALID_FROM]);
}

/**
 * sp_price_list_get_valid_to:
 * @self: a #SpPriceList
 *
 * Gets #SpPriceList:valid-to.
 *
 * Returns: (transfer none) (nullable): the value of #SpPriceList:valid-to
 */
const char *
sp_price_list_get_valid_to (SpPriceList *self)
{
  g_return_val_if_fail (SP_IS_PRICE_LIST (self), NULL);

  return self->valid_to;
}

/**
 * sp_price_list_set_valid_to:
 * @self: a #SpPriceList
 * @valid_to: (nullable) the new value
 *
 * Sets #SpPriceList:valid-to.
 */
void
sp_price_list_set_valid_to (SpPriceList *self,
                            const char  *valid_to)
{
  g_return_if_fail (SP_IS_PRICE_LIST (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->valid_to, valid_to) == 0)
    return;

  g_free (self->valid_to);
  self->valid_to = g_strdup (valid_to);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALID_TO]);
}

/**
 * sp_price_list_get_remote_id:
 * @self: a #SpPriceList
 *
 * Gets #SpPriceList:remote-id.
 *
 * Returns: (transfer none) (nullable): the value of #SpPriceList:remote-id
 */
const char *
sp_price_list_get_remote_id (SpPriceList *self)
{
  g_return_val_if_fail (SP_IS_PRICE_LIST (self), NULL);

  return self->remote_id;
}

/**
 * sp_price_list_set_remote_id:
 * @self: a #SpPriceList
 * @remote_id: (nullable) the new value
 *
 * Sets #SpPriceList:remote-id.
 */
void
sp_price_list_set_remote_id (SpPriceList *self,
                             const char  *remote_id)
{
  g_return_if_fail (SP_IS_PRICE_LIST (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->remote_id, remote_id) == 0)
    return;

  g_free (self->remote_id);
  self->remote_id = g_strdup (remote_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REMOTE_ID]);
}

/**
 * sp_price_list_get_entries:
 * @self: a #SpPriceList
 *
 * Gets the entries, in the order they were added.
 *
 * Returns: (transfer none): a #GListModel of #SpPriceListEntry
 */
GListModel *
sp_price_list_get_entries (SpPriceList *self)
{
  g_return_val_if_fail (SP_IS_PRICE_LIST (self), NULL);

  return G_LIST_MODEL (self->entries);
}

/**
 * sp_price_list_add_entry:
 * @self: a #SpPriceList
 * @entry: (transfer none): the #SpPriceListEntry to append
 *
 * Appends @entry; @self keeps a reference.
 */
void
sp_price_list_add_entry (SpPriceList      *self,
                         SpPriceListEntry *entry)
{
  g_return_if_fail (SP_IS_PRICE_LIST (self));
  g_return_if_fail (SP_IS_PRICE_LIST_ENTRY (entry));

  g_list_store_append (self->entries, entry);
}

/**
 * sp_price_list_remove_all_entries:
 * @self: a #SpPriceList
 *
 * Removes every item of sp_price_list_get_entries().
 */
void
sp_price_list_remove_all_entries (SpPriceList *self)
{
  g_return_if_fail (SP_IS_PRICE_LIST (self));

  g_list_store_remove_all (self->entries);
}

/**
 * sp_price_list_validate:
 * @self: a #SpPriceList
 * @error: return location for a #GError
 *
 * Checks that @self can be saved.
 *
 * Returns: %TRUE when @self is valid; otherwise %FALSE with @error set to
 *   %SP_MODEL_ERROR_INVALID_FIELD, whose message names the property
 */
gboolean
sp_price_list_validate (SpPriceList  *self,
                        GError      **error)
{
  g_return_val_if_fail (SP_IS_PRICE_LIST (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sp_validate_not_empty ("name", self->name, error))
    return FALSE;
  if (!_sp_validate_currency ("currency", self->currency, TRUE, error))
    return FALSE;
  if (!_sp_validate_date ("valid-from", self->valid_from, FALSE, error))
    return FALSE;
  if (!_sp_validate_date ("valid-to", self->valid_to, FALSE, error))
    return FALSE;
  if (!_sp_validate_date_range ("valid-from", self->valid_from, "valid-to", self->valid_to, error))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->entries)); i++)
    {
      g_autoptr(SpPriceListEntry) item = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (!sp_price_list_entry_validate (item, error))
        {
          g_prefix_error (error, "entries[%u]: ", i);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * sp_price_list_find_entry:
 * @self: a #SpPriceList
 * @sku: a SKU
 *
 * Returns: (transfer none) (nullable): the first entry for @sku, or %NULL
 */
SpPriceListEntry *
sp_price_list_find_entry (SpPriceList *self,
                          const char  *sku)
{
  GListModel *entries;

  g_return_val_if_fail (SP_IS_PRICE_LIST (self), NULL);
  g_return_val_if_fail (sku != NULL, NULL);

  entries = G_LIST_MODEL (self->entries);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(SpPriceListEntry) entry = g_list_model_get_item (entries, i);

      /* The store keeps its own reference, so the borrowed pointer stays valid. */
      if (g_strcmp0 (sp_price_list_entry_get_sku (entry), sku) == 0)
        return entry;
    }

  return NULL;
}
