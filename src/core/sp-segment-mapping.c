/* sp-segment-mapping.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-segment-mapping"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-segment-mapping.h"
#include "sp-model-error.h"
#include "sp-validate-private.h"

struct _SpSegmentMapping
{
  GObject      parent_instance;

  char        *id;            /* owned; immutable after construction */
  char        *segment_code;  /* owned */
  SpScopeKind  kind;
  char        *ref;           /* owned */
};

G_DEFINE_FINAL_TYPE (SpSegmentMapping, sp_segment_mapping, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SEGMENT_CODE,
  PROP_KIND,
  PROP_REF,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sp_segment_mapping_finalize (GObject *object)
{
  SpSegmentMapping *self = (SpSegmentMapping *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->segment_code, g_free);
  g_clear_pointer (&self->ref, g_free);

  G_OBJECT_CLASS (sp_segment_mapping_parent_class)->finalize (object);
}

static void
sp_segment_mapping_constructed (GObject *object)
{
  SpSegmentMapping *self = (SpSegmentMapping *)object;

  G_OBJECT_CLASS (sp_segment_mapping_parent_class)->constructed (object);

  if (self->id == NULL || self->id[0] == '\0')
    {
      g_free (self->id);
      self->id = g_uuid_string_random ();
    }
}

static void
sp_segment_mapping_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SpSegmentMapping *self = SP_SEGMENT_MAPPING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_SEGMENT_CODE:
      g_value_set_string (value, self->segment_code);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_REF:
      g_value_set_string (value, self->ref);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_segment_mapping_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SpSegmentMapping *self = SP_SEGMENT_MAPPING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (self->id == NULL);
      self->id = g_value_dup_string (value);
      break;

    case PROP_SEGMENT_CODE:
      sp_segment_mapping_set_segment_code (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      sp_segment_mapping_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_REF:
      sp_segment_mapping_set_ref (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_segment_mapping_class_init (SpSegmentMappingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_segment_mapping_finalize;
  object_class->constructed = sp_segment_mapping_constructed;
  object_class->get_property = sp_segment_mapping_get_property;
  object_class->set_property = sp_segment_mapping_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SEGMENT_CODE] =
    g_param_spec_string ("segment-code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, SP_TYPE_SCOPE_KIND, SP_SCOPE_KIND_PRODUCT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REF] =
    g_param_spec_string ("ref", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_segment_mapping_init (SpSegmentMapping *self)
{
  self->kind = SP_SCOPE_KIND_PRODUCT;
}

/**
 * sp_segment_mapping_new:
 * @segment_code: (nullable): the initial value of #SpSegmentMapping:segment-code
 * @kind: (nullable): the initial value of #SpSegmentMapping:kind
 * @ref: (nullable): the initial value of #SpSegmentMapping:ref
 *
 * Creates a new #SpSegmentMapping.
 *
 * Returns: (transfer full): the new #SpSegmentMapping
 */
SpSegmentMapping *
sp_segment_mapping_new (const char  *segment_code,
                        SpScopeKind  kind,
                        const char  *ref)
{
  return g_object_new (SP_TYPE_SEGMENT_MAPPING,
                       "segment-code", segment_code,
                       "kind", kind,
                       "ref", ref,
                       NULL);
}

/**
 * sp_segment_mapping_get_id:
 * @self: a #SpSegmentMapping
 *
 * Gets #SpSegmentMapping:id.
 *
 * Returns: (transfer none): the value of #SpSegmentMapping:id
 */
const char *
sp_segment_mapping_get_id (SpSegmentMapping *self)
{
  g_return_val_if_fail (SP_IS_SEGMENT_MAPPING (self), NULL);

  return self->id;
}

/**
 * sp_segment_mapping_get_segment_code:
 * @self: a #SpSegmentMapping
 *
 * Gets #SpSegmentMapping:segment-code.
 *
 * Returns: (transfer none) (nullable): the value of #SpSegmentMapping:segment-code
 */
const char *
sp_segment_mapping_get_segment_code (SpSegmentMapping *self)
{
  g_return_val_if_fail (SP_IS_SEGMENT_MAPPING (self), NULL);

  return self->segment_code;
}

/**
 * sp_segment_mapping_set_segment_code:
 * @self: a #SpSegmentMapping
 * @segment_code: (nullable) the new value
 *
 * Sets #SpSegmentMapping:segment-code.
 */
void
sp_segment_mapping_set_segment_code (SpSegmentMapping *self,
                                     const char       *segment_code)
{
  g_return_if_fail (SP_IS_SEGMENT_MAPPING (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->segment_code, segment_code) == 0)
    return;

  g_free (self->segment_code);
  self->segment_code = g_strdup (segment_code);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEGMENT_CODE]);
}

/**
 * sp_segment_mapping_get_kind:
 * @self: a #SpSegmentMapping
 *
 * Gets #SpSegmentMapping:kind.
 *
 * Returns:: the value of #SpSegmentMapping:kind
 */
SpScopeKind
sp_segment_mapping_get_kind (SpSegmentMapping *self)
{
  g_return_val_if_fail (SP_IS_SEGMENT_MAPPING (self), 0);

  return self->kind;
}

/**
 * sp_segment_mapping_set_kind:
 * @self: a #SpSegmentMapping
 * @kind: the new value
 *
 * Sets #SpSegmentMapping:kind.
 */
void
sp_segment_mapping_set_kind (SpSegmentMapping *self,
                             SpScopeKind       kind)
{
  g_return_if_fail (SP_IS_SEGMENT_MAPPING (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
}

/**
 * sp_segment_mapping_get_ref:
 * @self: a #SpSegmentMapping
 *
 * Gets #SpSegmentMapping:ref. A SKU for %SP_SCOPE_KIND_PRODUCT, a category path for %SP_SCOPE_KIND_CATEGORY.
 *
 * Returns: (transfer none) (nullable): the value of #SpSegmentMapping:ref
 */
const char *
sp_segment_mapping_get_ref (SpSegmentMapping *self)
{
  g_return_val_if_fail (SP_IS_SEGMENT_MAPPING (self), NULL);

  return self->ref;
}

/**
 * sp_segment_mapping_set_ref:
 * @self: a #SpSegmentMapping
 * @ref: (nullable) the new value
 *
 * Sets #SpSegmentMapping:ref.
 */
void
sp_segment_mapping_set_ref (SpSegmentMapping *self,
                            const char       *ref)
{
  g_return_if_fail (SP_IS_SEGMENT_MAPPING (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->ref, ref) == 0)
    return;

  g_free (self->ref);
  self->ref = g_strdup (ref);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REF]);
}

/**
 * sp_segment_mapping_validate:
 * @self: a #SpSegmentMapping
 * @error: return location for a #GError
 *
 * Checks that @self can be saved.
 *
 * Returns: %TRUE when @self is valid; otherwise %FALSE with @error set to
 *   %SP_MODEL_ERROR_INVALID_FIELD, whose message names the property
 */
gboolean
sp_segment_mapping_validate (SpSegmentMapping  *self,
                             GError           **error)
{
  g_return_val_if_fail (SP_IS_SEGMENT_MAPPING (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sp_validate_not_empty ("segment-code", self->segment_code, error))
    return FALSE;
  if (!_sp_validate_not_empty ("ref", self->ref, error))
    return FALSE;
  if (self->kind == SP_SCOPE_KIND_CATEGORY &&
      !_sp_validate_category_path ("ref", self->ref, TRUE, error))
    return FALSE;

  return TRUE;
}
