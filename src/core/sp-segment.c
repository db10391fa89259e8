/* sp-segment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-segment"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-segment.h"
#include "sp-model-error.h"
#include "sp-validate-private.h"

struct _SpSegment
{
  GObject  parent_instance;

  char    *id;           /* owned; immutable after construction */
  char    *code;         /* owned */
  char    *name;         /* owned */
  char    *description;  /* owned */
  char    *remote_id;    /* owned */
};

G_DEFINE_FINAL_TYPE (SpSegment, sp_segment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_REMOTE_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sp_segment_finalize (GObject *object)
{
  SpSegment *self = (SpSegment *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->remote_id, g_free);

  G_OBJECT_CLASS (sp_segment_parent_class)->finalize (object);
}

static void
sp_segment_constructed (GObject *object)
{
  SpSegment *self = (SpSegment *)object;

  G_OBJECT_CLASS (sp_segment_parent_class)->constructed (object);

  if (self->id == NULL || self->id[0] == '\0')
    {
      g_free (self->id);
      self->id = g_uuid_string_random ();
    }
}

static void
sp_segment_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SpSegment *self = SP_SEGMENT (object);

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

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_REMOTE_ID:
      g_value_set_string (value, self->remote_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_segment_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SpSegment *self = SP_SEGMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (self->id == NULL);
      self->id = g_value_dup_string (value);
      break;

    case PROP_CODE:
      sp_segment_set_code (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      sp_segment_set_name (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      sp_segment_set_description (self, g_value_get_string (value));
      break;

    case PROP_REMOTE_ID:
      sp_segment_set_remote_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_segment_class_init (SpSegmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_segment_finalize;
  object_class->constructed = sp_segment_constructed;
  object_class->get_property = sp_segment_get_property;
  object_class->set_property = sp_segment_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REMOTE_ID] =
    g_param_spec_string ("remote-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_segment_init (SpSegment *self)
{
}

/**
 * sp_segment_new:
 * @code: (nullable): the initial value of #SpSegment:code
 * @name: (nullable): the initial value of #SpSegment:name
 *
 * Creates a new #SpSegment.
 *
 * Returns: (transfer full): the new #SpSegment
 */
SpSegment *
sp_segment_new (const char *code,
                const char *name)
{
  return g_object_new (SP_TYPE_SEGMENT,
                       "code", code,
                       "name", name,
                       NULL);
}

/**
 * sp_segment_get_id:
 * @self: a #SpSegment
 *
 * Gets #SpSegment:id.
 *
 * Returns: (transfer none): the value of #SpSegment:id
 */
const char *
sp_segment_get_id (SpSegment *self)
{
  g_return_val_if_fail (SP_IS_SEGMENT (self), NULL);

  return self->id;
}

/**
 * sp_segment_get_code:
 * @self: a #SpSegment
 *
 * Gets #SpSegment:code.
 *
 * Returns: (transfer none) (nullable): the value of #SpSegment:code
 */
const char *
sp_segment_get_code (SpSegment *self)
{
  g_return_val_if_fail (SP_IS_SEGMENT (self), NULL);

  return self->code;
}

/**
 * sp_segment_set_code:
 * @self: a #SpSegment
 * @code: (nullable) the new value
 *
 * Sets #SpSegment:code.
 */
void
sp_segment_set_code (SpSegment  *self,
                     const char *code)
{
  g_return_if_fail (SP_IS_SEGMENT (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->code, code) == 0)
    return;

  g_free (self->code);
  self->code = g_strdup (code);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CODE]);
}

/**
 * sp_segment_get_name:
 * @self: a #SpSegment
 *
 * Gets #SpSegment:name.
 *
 * Returns: (transfer none) (nullable): the value of #SpSegment:name
 */
const char *
sp_segment_get_name (SpSegment *self)
{
  g_return_val_if_fail (SP_IS_SEGMENT (self), NULL);

  return self->name;
}

/**
 * sp_segment_set_name:
 * @self: a #SpSegment
 * @name: (nullable) the new value
 *
 * Sets #SpSegment:name.
 */
void
sp_segment_set_name (SpSegment  *self,
                     const char *name)
{
  g_return_if_fail (SP_IS_SEGMENT (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

/**
 * sp_segment_get_description:
 * @self: a #SpSegment
 *
 * Gets #SpSegment:description.
 *
 * Returns: (transfer none) (nullable): the value of #SpSegment:description
 */
const char *
sp_segment_get_description (SpSegment *self)
{
  g_return_val_if_fail (SP_IS_SEGMENT (self), NULL);

  return self->description;
}

/**
 * sp_segment_set_description:
 * @self: a #SpSegment
 * @description: (nullable) the new value
 *
 * Sets #SpSegment:description.
 */
void
sp_segment_set_description (SpSegment  *self,
                            const char *description)
{
  g_return_if_fail (SP_IS_SEGMENT (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DESCRIPTION]);
}

/**
 * sp_segment_get_remote_id:
 * @self: a #SpSegment
 *
 * Gets #SpSegment:remote-id.
 *
 * Returns: (transfer none) (nullable): the value of #SpSegment:remote-id
 */
const char *
sp_segment_get_remote_id (SpSegment *self)
{
  g_return_val_if_fail (SP_IS_SEGMENT (self), NULL);

  return self->remote_id;
}

/**
 * sp_segment_set_remote_id:
 * @self: a #SpSegment
 * @remote_id: (nullable) the new value
 *
 * Sets #SpSegment:remote-id.
 */
void
sp_segment_set_remote_id (SpSegment  *self,
                          const char *remote_id)
{
  g_return_if_fail (SP_IS_SEGMENT (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->remote_id, remote_id) == 0)
    return;

  g_free (self->remote_id);
  self->remote_id = g_strdup (remote_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REMOTE_ID]);
}

/**
 * sp_segment_validate:
 * @self: a #SpSegment
 * @error: return location for a #GError
 *
 * Checks that @self can be saved.
 *
 * Returns: %TRUE when @self is valid; otherwise %FALSE with @error set to
 *   %SP_MODEL_ERROR_INVALID_FIELD, whose message names the property
 */
gboolean
sp_segment_validate (SpSegment  *self,
                     GError    **error)
{
  g_return_val_if_fail (SP_IS_SEGMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sp_validate_not_empty ("code", self->code, error))
    return FALSE;
  if (!_sp_validate_not_empty ("name", self->name, error))
    return FALSE;

  return TRUE;
}
