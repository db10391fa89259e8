/* sp-company.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-company"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-company.h"
#include "sp-model-error.h"
#include "sp-validate-private.h"

struct _SpCompany
{
  GObject  parent_instance;

  char    *id;            /* owned; immutable after construction */
  char    *code;          /* owned */
  char    *name;          /* owned */
  char    *country;       /* owned */
  char    *city;          /* owned */
  char    *segment_code;  /* owned */
  char    *site_code;     /* owned */
  char    *remote_id;     /* owned */
};

G_DEFINE_FINAL_TYPE (SpCompany, sp_company, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_COUNTRY,
  PROP_CITY,
  PROP_SEGMENT_CODE,
  PROP_SITE_CODE,
  PROP_REMOTE_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sp_company_finalize (GObject *object)
{
  SpCompany *self = (SpCompany *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->city, g_free);
  g_clear_pointer (&self->segment_code, g_free);
  g_clear_pointer (&self->site_code, g_free);
  g_clear_pointer (&self->remote_id, g_free);

  G_OBJECT_CLASS (sp_company_parent_class)->finalize (object);
}

static void
sp_company_constructed (GObject *object)
{
  SpCompany *self = (SpCompany *)object;

  G_OBJECT_CLASS (sp_company_parent_class)->constructed (object);

  if (self->id == NULL || self->id[0] == '\0')
    {
      g_free (self->id);
      self->id = g_uuid_string_random ();
    }
}

static void
sp_company_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SpCompany *self = SP_COMPANY (object);

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

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;

    case PROP_SEGMENT_CODE:
      g_value_set_string (value, self->segment_code);
      break;

    case PROP_SITE_CODE:
      g_value_set_string (value, self->site_code);
      break;

    case PROP_REMOTE_ID:
      g_value_set_string (value, self->remote_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_company_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SpCompany *self = SP_COMPANY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (self->id == NULL);
      self->id = g_value_dup_string (value);
      break;

    case PROP_CODE:
      sp_company_set_code (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      sp_company_set_name (self, g_value_get_string (value));
      break;

    case PROP_COUNTRY:
      sp_company_set_country (self, g_value_get_string (value));
      break;

    case PROP_CITY:
      sp_company_set_city (self, g_value_get_string (value));
      break;

    case PROP_SEGMENT_CODE:
      sp_company_set_segment_code (self, g_value_get_string (value));
      break;

    case PROP_SITE_CODE:
      sp_company_set_site_code (self, g_value_get_string (value));
      break;

    case PROP_REMOTE_ID:
      sp_company_set_remote_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_company_class_init (SpCompanyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_company_finalize;
  object_class->constructed = sp_company_constructed;
  object_class->get_property = sp_company_get_property;
  object_class->set_property = sp_company_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SEGMENT_CODE] =
    g_param_spec_string ("segment-code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SITE_CODE] =
    g_param_spec_string ("site-code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REMOTE_ID] =
    g_param_spec_string ("remote-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_company_init (SpCompany *self)
{
}

/**
 * sp_company_new:
 * @code: (nullable): the initial value of #SpCompany:code
 * @name: (nullable): the initial value of #SpCompany:name
 *
 * Creates a new #SpCompany.
 *
 * Returns: (transfer full): the new #SpCompany
 */
SpCompany *
sp_company_new (const char *code,
                const char *name)
{
  return g_object_new (SP_TYPE_COMPANY,
                       "code", code,
                       "name", name,
                       NULL);
}

/**
 * sp_company_get_id:
 * @self: a #SpCompany
 *
 * Gets #SpCompany:id.
 *
 * Returns: (transfer none): the value of #SpCompany:id
 */
const char *
sp_company_get_id (SpCompany *self)
{
  g_return_val_if_fail (SP_IS_COMPANY (self), NULL);

  return self->id;
}

/**
 * sp_company_get_code:
 * @self: a #SpCompany
 *
 * Gets #SpCompany:code.
 *
 * Returns: (transfer none) (nullable): the value of #SpCompany:code
 */
const char *
sp_company_get_code (SpCompany *self)
{
  g_return_val_if_fail (SP_IS_COMPANY (self), NULL);

  return self->code;
}

/**
 * sp_company_set_code:
 * @self: a #SpCompany
 * @code: (nullable) the new value
 *
 * Sets #SpCompany:code.
 */
void
sp_company_set_code (SpCompany  *self,
                     const char *code)
{
  g_return_if_fail (SP_IS_COMPANY (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->code, code) == 0)
    return;

  g_free (self->code);
  self->code = g_strdup (code);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CODE]);
}

/**
 * sp_company_get_name:
 * @self: a #SpCompany
 *
 * Gets #SpCompany:name.
 *
 * Returns: (transfer none) (nullable): the value of #SpCompany:name
 */
const char *
sp_company_get_name (SpCompany *self)
{
  g_return_val_if_fail (SP_IS_COMPANY (self), NULL);

  return self->name;
}

/**
 * sp_company_set_name:
 * @self: a #SpCompany
 * @name: (nullable) the new value
 *
 * Sets #SpCompany:name.
 */
void
sp_company_set_name (SpCompany  *self,
                     const char *name)
{
  g_return_if_fail (SP_IS_COMPANY (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

/**
 * sp_company_get_country:
 * @self: a #SpCompany
 *
 * Gets #SpCompany:country.
 *
 * Returns: (transfer none) (nullable): the value of #SpCompany:country
 */
const char *
sp_company_get_country (SpCompany *self)
{
  g_return_val_if_fail (SP_IS_COMPANY (self), NULL);

  return self->country;
}

/**
 * sp_company_set_country:
 * @self: a #SpCompany
 * @country: (nullable) the new value
 *
 * Sets #SpCompany:country.
 */
void
sp_company_set_country (SpCompany  *self,
                        const char *country)
{
  g_return_if_fail (SP_IS_COMPANY (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->country, country) == 0)
    return;

  g_free (self->country);
  self->country = g_strdup (country);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COUNTRY]);
}

/**
 * sp_company_get_city:
 * @self: a #SpCompany
 *
 * Gets #SpCompany:city.
 *
 * Returns: (transfer none) (nullable): the value of #SpCompany:city
 */
const char *
sp_company_get_city (SpCompany *self)
{
  g_return_val_if_fail (SP_IS_COMPANY (self), NULL);

  return self->city;
}

/**
 * sp_company_set_city:
 * @self: a #SpCompany
 * @city: (nullable) the new value
 *
 * Sets #SpCompany:city.
 */
void
sp_company_set_city (SpCompany  *self,
                     const char *city)
{
  g_return_if_fail (SP_IS_COMPANY (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->city, city) == 0)
    return;

  g_free (self->city);
  self->city = g_strdup (city);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CITY]);
}

/**
 * sp_company_get_segment_code:
 * @self: a #SpCompany
 *
 * Gets #SpCompany:segment-code.
 *
 * Returns: (transfer none) (nullable): the value of #SpCompany:segment-code
 */
const char *
sp_company_get_segment_code (SpCompany *self)
{
  g_return_val_if_fail (SP_IS_COMPANY (self), NULL);

  return self->segment_code;
}

/**
 * sp_company_set_segment_code:
 * @self: a #SpCompany
 * @segment_code: (nullable) the new value
 *
 * Sets #SpCompany:segment-code.
 */
void
sp_company_set_segment_code (SpCompany  *self,
                             const char *segment_code)
{
  g_return_if_fail (SP_IS_COMPANY (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->segment_code, segment_code) == 0)
    return;

  g_free (self->segment_code);
  self->segment_code = g_strdup (segment_code);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEGMENT_CODE]);
}

/**
 * sp_company_get_site_code:
 * @self: a #SpCompany
 *
 * Gets #SpCompany:site-code.
 *
 * Returns: (transfer none) (nullable): the value of #SpCompany:site-code
 */
const char *
sp_company_get_site_code (SpCompany *self)
{
  g_return_val_if_fail (SP_IS_COMPANY (self), NULL);

  return self->site_code;
}

/**
 * sp_company_set_site_code:
 * @self: a #SpCompany
 * @site_code: (nullable) the new value
 *
 * Sets #SpCompany:site-code.
 */
void
sp_company_set_site_code (SpCompany  *self,
                          const char *site_code)
{
  g_return_if_fail (SP_IS_COMPANY (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->site_code, site_code) == 0)
    return;

  g_free (self->site_code);
  self->site_code = g_strdup (site_code);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SITE_CODE]);
}

/**
 * sp_company_get_remote_id:
 * @self: a #SpCompany
 *
 * Gets #SpCompany:remote-id.
 *
 * Returns: (transfer none) (nullable): the value of #SpCompany:remote-id
 */
const char *
sp_company_get_remote_id (SpCompany *self)
{
  g_return_val_if_fail (SP_IS_COMPANY (self), NULL);

  return self->remote_id;
}

/**
 * sp_company_set_remote_id:
 * @self: a #SpCompany
 * @remote_id: (nullable) the new value
 *
 * Sets #SpCompany:remote-id.
 */
void
sp_company_set_remote_id (SpCompany  *self,
                          const char *remote_id)
{
  g_return_if_fail (SP_IS_COMPANY (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->remote_id, remote_id) == 0)
    return;

  g_free (self->remote_id);
  self->remote_id = g_strdup (remote_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REMOTE_ID]);
}

/**
 * sp_company_validate:
 * @self: a #SpCompany
 * @error: return location for a #GError
 *
 * Checks that @self can be saved.
 *
 * Returns: %TRUE when @self is valid; otherwise %FALSE with @error set to
 *   %SP_MODEL_ERROR_INVALID_FIELD, whose message names the property
 */
gboolean
sp_company_validate (SpCompany  *self,
                     GError    **error)
{
  g_return_val_if_fail (SP_IS_COMPANY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sp_validate_not_empty ("code", self->code, error))
    return FALSE;
  if (!_sp_validate_not_empty ("name", self->name, error))
    return FALSE;

  return TRUE;
}
