/* sp-quote.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-quote"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-quote.h"
#include "sp-model-error.h"
#include "sp-validate-private.h"

struct _SpQuote
{
  GObject     parent_instance;

  char       *id;            /* owned; immutable after construction */
  char       *campaign_id;   /* owned */
  char       *company_code;  /* owned */
  char       *status;        /* owned */
  char       *valid_to;      /* owned */
  char       *currency;      /* owned */
  char       *remote_id;     /* owned */
  GListStore *lines;         /* owned; of SpQuoteLine */
};

G_DEFINE_FINAL_TYPE (SpQuote, sp_quote, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CAMPAIGN_ID,
  PROP_COMPANY_CODE,
  PROP_STATUS,
  PROP_VALID_TO,
  PROP_CURRENCY,
  PROP_REMOTE_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sp_quote_dispose (GObject *object)
{
  SpQuote *self = (SpQuote *)object;

  g_clear_object (&self->lines);

  G_OBJECT_CLASS (sp_quote_parent_class)->dispose (object);
}

static void
sp_quote_finalize (GObject *object)
{
  SpQuote *self = (SpQuote *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->campaign_id, g_free);
  g_clear_pointer (&self->company_code, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->valid_to, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->remote_id, g_free);

  G_OBJECT_CLASS (sp_quote_parent_class)->finalize (object);
}

static void
sp_quote_constructed (GObject *object)
{
  SpQuote *self = (SpQuote *)object;

  G_OBJECT_CLASS (sp_quote_parent_class)->constructed (object);

  if (self->id == NULL || self->id[0] == '\0')
    {
      g_free (self->id);
      self->id = g_uuid_string_random ();
    }
}

static void
sp_quote_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SpQuote *self = SP_QUOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_CAMPAIGN_ID:
      g_value_set_string (value, self->campaign_id);
      break;

    case PROP_COMPANY_CODE:
      g_value_set_string (value, self->company_code);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_VALID_TO:
      g_value_set_string (value, self->valid_to);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_REMOTE_ID:
      g_value_set_string (value, self->remote_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_quote_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  SpQuote *self = SP_QUOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (self->id == NULL);
      self->id = g_value_dup_string (value);
      break;

    case PROP_CAMPAIGN_ID:
      sp_quote_set_campaign_id (self, g_value_get_string (value));
      break;

    case PROP_COMPANY_CODE:
      sp_quote_set_company_code (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      sp_quote_set_status (self, g_value_get_string (value));
      break;

    case PROP_VALID_TO:
      sp_quote_set_valid_to (self, g_value_get_string (value));
      break;

    case PROP_CURRENCY:
      sp_quote_set_currency (self, g_value_get_string (value));
      break;

    case PROP_REMOTE_ID:
      sp_quote_set_remote_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_quote_class_init (SpQuoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_quote_dispose;
  object_class->finalize = sp_quote_finalize;
  object_class->constructed = sp_quote_constructed;
  object_class->get_property = sp_quote_get_property;
  object_class->set_property = sp_quote_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CAMPAIGN_ID] =
    g_param_spec_string ("campaign-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_COMPANY_CODE] =
    g_param_spec_string ("company-code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, "draft",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_VALID_TO] =
    g_param_spec_string ("valid-to", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REMOTE_ID] =
    g_param_spec_string ("remote-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_quote_init (SpQuote *self)
{
  self->status = g_strdup ("draft");
  self->lines = g_list_store_new (SP_TYPE_QUOTE_LINE);
}

/**
 * sp_quote_new:
 * @company_code: (nullable): the initial value of #SpQuote:company-code
 *
 * Creates a new #SpQuote.
 *
 * Returns: (transfer full): the new #SpQuote
 */
SpQuote *
sp_quote_new (const char *company_code)
{
  return g_object_new (SP_TYPE_QUOTE,
                       "company-code", company_code,
                       NULL);
}

/**
 * sp_quote_get_id:
 * @self: a #SpQuote
 *
 * Gets #SpQuote:id.
 *
 * Returns: (transfer none): the value of #SpQuote:id
 */
const char *
sp_quote_get_id (SpQuote *self)
{
  g_return_val_if_fail (SP_IS_QUOTE (self), NULL);

  return self->id;
}

/**
 * sp_quote_get_campaign_id:
 * @self: a #SpQuote
 *
 * Gets #SpQuote:campaign-id.
 *
 * Returns: (transfer none) (nullable): the value of #SpQuote:campaign-id
 */
const char *
sp_quote_get_campaign_id (SpQuote *self)
{
  g_return_val_if_fail (SP_IS_QUOTE (self), NULL);

  return self->campaign_id;
}

/**
 * sp_quote_set_campaign_id:
 * @self: a #SpQuote
 * @campaign_id: (nullable) the new value
 *
 * Sets #SpQuote:campaign-id.
 */
void
sp_quote_set_campaign_id (SpQuote    *self,
                          const char *campaign_id)
{
  g_return_if_fail (SP_IS_QUOTE (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->campaign_id, campaign_id) == 0)
    return;

  g_free (self->campaign_id);
  self->campaign_id = g_strdup (campaign_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAMPAIGN_ID]);
}

/**
 * sp_quote_get_company_code:
 * @self: a #SpQuote
 *
 * Gets #SpQuote:company-code.
 *
 * Returns: (transfer none) (nullable): the value of #SpQuote:company-code
 */
const char *
sp_quote_get_company_code (SpQuote *self)
{
  g_return_val_if_fail (SP_IS_QUOTE (self), NULL);

  return self->company_code;
}

/**
 * sp_quote_set_company_code:
 * @self: a #SpQuote
 * @company_code: (nullable) the new value
 *
 * Sets #SpQuote:company-code.
 */
void
sp_quote_set_company_code (SpQuote    *self,
                           const char *company_code)
{
  g_return_if_fail (SP_IS_QUOTE (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->company_code, company_code) == 0)
    return;

  g_free (self->company_code);
  self->company_code = g_strdup (company_code);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMPANY_CODE]);
}

/**
 * sp_quote_get_status:
 * @self: a #SpQuote
 *
 * Gets #SpQuote:status. A free-form state reported by the platform; "draft" until published.
 *
 * Returns: (transfer none) (nullable): the value of #SpQuote:status
 */
const char *
sp_quote_get_status (SpQuote *self)
{
  g_return_val_if_fail (SP_IS_QUOTE (self), NULL);

  return self->status;
}

/**
 * sp_quote_set_status:
 * @self: a #SpQuote
 * @status: (nullable) the new value
 *
 * Sets #SpQuote:status.
 */
void
sp_quote_set_status (SpQuote    *self,
                     const char *status)
{
  g_return_if_fail (SP_IS_QUOTE (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->status, status) == 0)
    return;

  g_free (self->status);
  self->status = g_strdup (status);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

/**
 * sp_quote_get_valid_to:
 * @self: a #SpQuote
 *
 * Gets #SpQuote:valid-to.
 *
 * Returns: (transfer none) (nullable): the value of #SpQuote:valid-to
 */
const char *
sp_quote_get_valid_to (SpQuote *self)
{
  g_return_val_if_fail (SP_IS_QUOTE (self), NULL);

  return self->valid_to;
}

/**
 * sp_quote_set_valid_to:
 * @self: a #SpQuote
 * @valid_to: (nullable) the new value
 *
 * Sets #SpQuote:valid-to.
 */
void
sp_quote_set_valid_to (SpQuote    *self,
                       const char *valid_to)
{
  g_return_if_fail (SP_IS_QUOTE (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->valid_to, valid_to) == 0)
    return;

  g_free (self->valid_to);
  self->valid_to = g_strdup (valid_to);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALID_TO]);
}

/**
 * sp_quote_get_currency:
 * @self: a #SpQuote
 *
 * Gets #SpQuote:currency.
 *
 * Returns: (transfer none) (nullable): the value of #SpQuote:currency
 */
const char *
sp_quote_get_currency (SpQuote *self)
{
  g_return_val_if_fail (SP_IS_QUOTE (self), NULL);

  return self->currency;
}

/**
 * sp_quote_set_currency:
 * @self: a #SpQuote
 * @currency: (nullable) the new value
 *
 * Sets #SpQuote:currency.
 */
void
sp_quote_set_currency (SpQuote    *self,
                       const char *currency)
{
  g_return_if_fail (SP_IS_QUOTE (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->currency, currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENCY]);
}

/**
 * sp_quote_get_remote_id:
 * @self: a #SpQuote
 *
 * Gets #SpQuote:remote-id.
 *
 * Returns: (transfer none) (nullable): the value of #SpQuote:remote-id
 */
const char *
sp_quote_get_remote_id (SpQuote *self)
{
  g_return_val_if_fail (SP_IS_QUOTE (self), NULL);

  return self->remote_id;
}

/**
 * sp_quote_set_remote_id:
 * @self: a #SpQuote
 * @remote_id: (nullable) the new value
 *
 * Sets #SpQuote:remote-id.
 */
void
sp_quote_set_remote_id (SpQuote    *self,
                        const char *remote_id)
{
  g_return_if_fail (SP_IS_QUOTE (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->remote_id, remote_id) == 0)
    return;

  g_free (self->remote_id);
  self->remote_id = g_strdup (remote_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REMOTE_ID]);
}

/**
 * sp_quote_get_lines:
 * @self: a #SpQuote
 *
 * Gets the lines, in the order they were added.
 *
 * Returns: (transfer none): a #GListModel of #SpQuoteLine
 */
GListModel *
sp_quote_get_lines (SpQuote *self)
{
  g_return_val_if_fail (SP_IS_QUOTE (self), NULL);

  return G_LIST_MODEL (self->lines);
}

/**
 * sp_quote_add_line:
 * @self: a #SpQuote
 * @line: (transfer none): the #SpQuoteLine to append
 *
 * Appends @line; @self keeps a reference.
 */
void
sp_quote_add_line (SpQuote     *self,
                   SpQuoteLine *line)
{
  g_return_if_fail (SP_IS_QUOTE (self));
  g_return_if_fail (SP_IS_QUOTE_LINE (line));

  g_list_store_append (self->lines, line);
}

/**
 * sp_quote_remove_all_lines:
 * @self: a #SpQuote
 *
 * Removes every item of sp_quote_get_lines().
 */
void
sp_quote_remove_all_lines (SpQuote *self)
{
  g_return_if_fail (SP_IS_QUOTE (self));

  g_list_store_remove_all (self->lines);
}

/**
 * sp_quote_validate:
 * @self: a #SpQuote
 * @error: return location for a #GError
 *
 * Checks that @self can be saved.
 *
 * Returns: %TRUE when @self is valid; otherwise %FALSE with @error set to
 *   %SP_MODEL_ERROR_INVALID_FIELD, whose message names the property
 */
gboolean
sp_quote_validate (SpQuote  *self,
                   GError  **error)
{
  g_return_val_if_fail (SP_IS_QUOTE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sp_validate_not_empty ("company-code", self->company_code, error))
    return FALSE;
  if (!_sp_validate_not_empty ("status", self->status, error))
    return FALSE;
  if (!_sp_validate_date ("valid-to", self->valid_to, FALSE, error))
    return FALSE;
  if (!_sp_validate_currency ("currency", self->currency, TRUE, error))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->lines)); i++)
    {
      g_autoptr(SpQuoteLine) item = g_list_model_get_item (G_LIST_MODEL (self->lines), i);

      if (!sp_quote_line_validate (item, error))
        {
          g_prefix_error (error, "lines[%u]: ", i);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * sp_quote_get_total:
 * @self: a #SpQuote
 *
 * Returns: the sum of the amounts of the lines, in minor units
 */
gint64
sp_quote_get_total (SpQuote *self)
{
  GListModel *lines;
  gint64 total = 0;

  g_return_val_if_fail (SP_IS_QUOTE (self), 0);

  lines = G_LIST_MODEL (self->lines);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(SpQuoteLine) line = g_list_model_get_item (lines, i);

      /* Saturate rather than wrap; no real order gets near it. */
      if (__builtin_add_overflow (total, sp_quote_line_get_amount (line), &total))
        return G_MAXINT64;
    }

  return total;
}
