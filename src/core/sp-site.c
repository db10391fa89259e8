/* sp-site.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-site"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-site.h"
#include "sp-model-error.h"
#include "sp-validate-private.h"

struct _SpSite
{
  GObject  parent_instance;

  char    *id;        /* owned; immutable after construction */
  char    *code;      /* owned */
  char    *name;      /* owned */
  char    *region;    /* owned */
  char    *currency;  /* owned */
};

G_DEFINE_FINAL_TYPE (SpSite, sp_site, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_REGION,
  PROP_CURRENCY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sp_site_finalize (GObject *object)
{
  SpSite *self = (SpSite *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (sp_site_parent_class)->finalize (object);
}

static void
sp_site_constructed (GObject *object)
{
  SpSite *self = (SpSite *)object;

  G_OBJECT_CLASS (sp_site_parent_class)->constructed (object);

  if (self->id == NULL || self->id[0] == '\0')
    {
      g_free (self->id);
      self->id = g_uuid_string_random ();
    }
}

static void
sp_site_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  SpSite *self = SP_SITE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_site_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  SpSite *self = SP_SITE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (self->id == NULL);
      self->id = g_value_dup_string (value);
      break;

    case PROP_CODE:
      sp_site_set_code (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      sp_site_set_name (self, g_value_get_string (value));
      break;

    case PROP_REGION:
      sp_site_set_region (self, g_value_get_string (value));
      break;

    case PROP_CURRENCY:
      sp_site_set_currency (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_site_class_init (SpSiteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_site_finalize;
  object_class->constructed = sp_site_constructed;
  object_class->get_property = sp_site_get_property;
  object_class->set_property = sp_site_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_site_init (SpSite *self)
{
}

/**
 * sp_site_new:
 * @code: (nullable): the initial value of #SpSite:code
 * @name: (nullable): the initial value of #SpSite:name
 *
 * Creates a new #SpSite.
 *
 * Returns: (transfer full): the new #SpSite
 */
SpSite *
sp_site_new (const char *code,
             const char *name)
{
  return g_object_new (SP_TYPE_SITE,
                       "code", code,
                       "name", name,
                       NULL);
}

/**
 * sp_site_get_id:
 * @self: a #SpSite
 *
 * Gets #SpSite:id.
 *
 * Returns: (transfer none): the value of #SpSite:id
 */
const char *
sp_site_get_id (SpSite *self)
{
  g_return_val_if_fail (SP_IS_SITE (self), NULL);

  return self->id;
}

/**
 * sp_site_get_code:
 * @self: a #SpSite
 *
 * Gets #SpSite:code.
 *
 * Returns: (transfer none) (nullable): the value of #SpSite:code
 */
const char *
sp_site_get_code (SpSite *self)
{
  g_return_val_if_fail (SP_IS_SITE (self), NULL);

  return self->code;
}

/**
 * sp_site_set_code:
 * @self: a #SpSite
 * @code: (nullable) the new value
 *
 * Sets #SpSite:code.
 */
void
sp_site_set_code (SpSite     *self,
                  const char *code)
{
  g_return_if_fail (SP_IS_SITE (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->code, code) == 0)
    return;

  g_free (self->code);
  self->code = g_strdup (code);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CODE]);
}

/**
 * sp_site_get_name:
 * @self: a #SpSite
 *
 * Gets #SpSite:name.
 *
 * Returns: (transfer none) (nullable): the value of #SpSite:name
 */
const char *
sp_site_get_name (SpSite *self)
{
  g_return_val_if_fail (SP_IS_SITE (self), NULL);

  return self->name;
}

/**
 * sp_site_set_name:
 * @self: a #SpSite
 * @name: (nullable) the new value
 *
 * Sets #SpSite:name.
 */
void
sp_site_set_name (SpSite     *self,
                  const char *name)
{
  g_return_if_fail (SP_IS_SITE (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

/**
 * sp_site_get_region:
 * @self: a #SpSite
 *
 * Gets #SpSite:region.
 *
 * Returns: (transfer none) (nullable): the value of #SpSite:region
 */
const char *
sp_site_get_region (SpSite *self)
{
  g_return_val_if_fail (SP_IS_SITE (self), NULL);

  return self->region;
}

/**
 * sp_site_set_region:
 * @self: a #SpSite
 * @region: (nullable) the new value
 *
 * Sets #SpSite:region.
 */
void
sp_site_set_region (SpSite     *self,
                    const char *region)
{
  g_return_if_fail (SP_IS_SITE (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->region, region) == 0)
    return;

  g_free (self->region);
  self->region = g_strdup (region);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REGION]);
}

/**
 * sp_site_get_currency:
 * @self: a #SpSite
 *
 * Gets #SpSite:currency.
 *
 * Returns: (transfer none) (nullable): the value of #SpSite:currency
 */
const char *
sp_site_get_currency (SpSite *self)
{
  g_return_val_if_fail (SP_IS_SITE (self), NULL);

  return self->currency;
}

/**
 * sp_site_set_currency:
 * @self: a #SpSite
 * @currency: (nullable) the new value
 *
 * Sets #SpSite:currency.
 */
void
sp_site_set_currency (SpSite     *self,
                      const char *currency)
{
  g_return_if_fail (SP_IS_SITE (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->currency, currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENCY]);
}

/**
 * sp_site_validate:
 * @self: a #SpSite
 * @error: return location for a #GError
 *
 * Checks that @self can be saved.
 *
 * Returns: %TRUE when @self is valid; otherwise %FALSE with @error set to
 *   %SP_MODEL_ERROR_INVALID_FIELD, whose message names the property
 */
gboolean
sp_site_validate (SpSite  *self,
                  GError **error)
{
  g_return_val_if_fail (SP_IS_SITE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sp_validate_not_empty ("code", self->code, error))
    return FALSE;
  if (!_sp_validate_not_empty ("name", self->name, error))
    return FALSE;
  if (!_sp_validate_currency ("currency", self->currency, TRUE, error))
    return FALSE;

  return TRUE;
}
