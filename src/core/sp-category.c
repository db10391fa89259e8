/* sp-category.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-category"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sp-category.h"
#include "sp-model-error.h"
#include "sp-validate-private.h"

struct _SpCategory
{
  GObject  parent_instance;

  char    *id;         /* owned; immutable after construction */
  char    *parent_id;  /* owned */
  char    *name;       /* owned */
  char    *path;       /* owned */
  char    *remote_id;  /* owned */
};

G_DEFINE_FINAL_TYPE (SpCategory, sp_category, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PARENT_ID,
  PROP_NAME,
  PROP_PATH,
  PROP_REMOTE_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sp_category_finalize (GObject *object)
{
  SpCategory *self = (SpCategory *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->parent_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->remote_id, g_free);

  G_OBJECT_CLASS (sp_category_parent_class)->finalize (object);
}

static void
sp_category_constructed (GObject *object)
{
  SpCategory *self = (SpCategory *)object;

  G_OBJECT_CLASS (sp_category_parent_class)->constructed (object);

  if (self->id == NULL || self->id[0] == '\0')
    {
      g_free (self->id);
      self->id = g_uuid_string_random ();
    }
}

static void
sp_category_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SpCategory *self = SP_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_PARENT_ID:
      g_value_set_string (value, self->parent_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_REMOTE_ID:
      g_value_set_string (value, self->remote_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_category_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SpCategory *self = SP_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (self->id == NULL);
      self->id = g_value_dup_string (value);
      break;

    case PROP_PARENT_ID:
      sp_category_set_parent_id (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      sp_category_set_name (self, g_value_get_string (value));
      break;

    case PROP_PATH:
      sp_category_set_path (self, g_value_get_string (value));
      break;

    case PROP_REMOTE_ID:
      sp_category_set_remote_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_category_class_init (SpCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_category_finalize;
  object_class->constructed = sp_category_constructed;
  object_class->get_property = sp_category_get_property;
  object_class->set_property = sp_category_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PARENT_ID] =
    g_param_spec_string ("parent-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REMOTE_ID] =
    g_param_spec_string ("remote-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_category_init (SpCategory *self)
{
}

/**
 * sp_category_new:
 * @name: (nullable): the initial value of #SpCategory:name
 * @path: (nullable): the initial value of #SpCategory:path
 *
 * Creates a new #SpCategory.
 *
 * Returns: (transfer full): the new #SpCategory
 */
SpCategory *
sp_category_new (const char *name,
                 const char *path)
{
  return g_object_new (SP_TYPE_CATEGORY,
                       "name", name,
                       "path", path,
                       NULL);
}

/**
 * sp_category_get_id:
 * @self: a #SpCategory
 *
 * Gets #SpCategory:id.
 *
 * Returns: (transfer none): the value of #SpCategory:id
 */
const char *
sp_category_get_id (SpCategory *self)
{
  g_return_val_if_fail (SP_IS_CATEGORY (self), NULL);

  return self->id;
}

/**
 * sp_category_get_parent_id:
 * @self: a #SpCategory
 *
 * Gets #SpCategory:parent-id.
 *
 * Returns: (transfer none) (nullable): the value of #SpCategory:parent-id
 */
const char *
sp_category_get_parent_id (SpCategory *self)
{
  g_return_val_if_fail (SP_IS_CATEGORY (self), NULL);

  return self->parent_id;
}

/**
 * sp_category_set_parent_id:
 * @self: a #SpCategory
 * @parent_id: (nullable) the new value
 *
 * Sets #SpCategory:parent-id.
 */
void
sp_category_set_parent_id (SpCategory *self,
                           const char *parent_id)
{
  g_return_if_fail (SP_IS_CATEGORY (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->parent_id, parent_id) == 0)
    return;

  g_free (self->parent_id);
  self->parent_id = g_strdup (parent_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PARENT_ID]);
}

/**
 * sp_category_get_name:
 * @self: a #SpCategory
 *
 * Gets #SpCategory:name.
 *
 * Returns: (transfer none) (nullable): the value of #SpCategory:name
 */
const char *
sp_category_get_name (SpCategory *self)
{
  g_return_val_if_fail (SP_IS_CATEGORY (self), NULL);

  return self->name;
}

/**
 * sp_category_set_name:
 * @self: a #SpCategory
 * @name: (nullable) the new value
 *
 * Sets #SpCategory:name.
 */
void
sp_category_set_name (SpCategory *self,
                      const char *name)
{
  g_return_if_fail (SP_IS_CATEGORY (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

/**
 * sp_category_get_path:
 * @self: a #SpCategory
 *
 * Gets #SpCategory:path. The full "/"-separated path, e.g. "Tools/Power Tools/Drills".
 *
 * Returns: (transfer none) (nullable): the value of #SpCategory:path
 */
const char *
sp_category_get_path (SpCategory *self)
{
  g_return_val_if_fail (SP_IS_CATEGORY (self), NULL);

  return self->path;
}

/**
 * sp_category_set_path:
 * @self: a #SpCategory
 * @path: (nullable) the new value
 *
 * Sets #SpCategory:path.
 */
void
sp_category_set_path (SpCategory *self,
                      const char *path)
{
  g_return_if_fail (SP_IS_CATEGORY (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->path, path) == 0)
    return;

  g_free (self->path);
  self->path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PATH]);
}

/**
 * sp_category_get_remote_id:
 * @self: a #SpCategory
 *
 * Gets #SpCategory:remote-id.
 *
 * Returns: (transfer none) (nullable): the value of #SpCategory:remote-id
 */
const char *
sp_category_get_remote_id (SpCategory *self)
{
  g_return_val_if_fail (SP_IS_CATEGORY (self), NULL);

  return self->remote_id;
}

/**
 * sp_category_set_remote_id:
 * @self: a #SpCategory
 * @remote_id: (nullable) the new value
 *
 * Sets #SpCategory:remote-id.
 */
void
sp_category_set_remote_id (SpCategory *self,
                           const char *remote_id)
{
  g_return_if_fail (SP_IS_CATEGORY (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->remote_id, remote_id) == 0)
    return;

  g_free (self->remote_id);
  self->remote_id = g_strdup (remote_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REMOTE_ID]);
}

/**
 * sp_category_validate:
 * @self: a #SpCategory
 * @error: return location for a #GError
 *
 * Checks that @self can be saved.
 *
 * Returns: %TRUE when @self is valid; otherwise %FALSE with @error set to
 *   %SP_MODEL_ERROR_INVALID_FIELD, whose message names the property
 */
gboolean
sp_category_validate (SpCategory  *self,
                      GError     **error)
{
  g_return_val_if_fail (SP_IS_CATEGORY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sp_validate_not_empty ("name", self->name, error))
    return FALSE;
  if (!_sp_validate_category_path ("path", self->path, TRUE, error))
    return FALSE;

  return TRUE;
}

/**
 * sp_category_path_is_valid:
 * @path: (nullable): a category path
 *
 * Returns: %TRUE when @path is non-empty and made of non-empty segments
 *   separated by single slashes ("Tools/Power Tools/Drills")
 */
gboolean
sp_category_path_is_valid (const char *path)
{
  return _sp_validate_category_path ("path", path, TRUE, NULL);
}

/**
 * sp_category_path_dup_parent:
 * @path: a valid category path
 *
 * Returns: (transfer full) (nullable): the path of the parent category
 *   ("Tools/Power Tools" for "Tools/Power Tools/Drills"), or %NULL for a
 *   top-level category
 */
char *
sp_category_path_dup_parent (const char *path)
{
  const char *slash;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(slash = strrchr (path, '/')))
    return NULL;

  return g_strndup (path, slash - path);
}

/**
 * sp_category_path_get_basename:
 * @path: a valid category path
 *
 * Returns: (transfer none): the last segment of @path, pointing into @path
 */
const char *
sp_category_path_get_basename (const char *path)
{
  const char *slash;

  g_return_val_if_fail (path != NULL, NULL);

  slash = strrchr (path, '/');

  return slash != NULL ? slash + 1 : path;
}

/**
 * sp_category_path_get_depth:
 * @path: (nullable): a category path
 *
 * Returns: the number of segments of @path: 1 for a top-level category,
 *   0 for %NULL or an empty path
 */
guint
sp_category_path_get_depth (const char *path)
{
  guint depth = 1;

  if (path == NULL || path[0] == '\0')
    return 0;

  for (const char *p = path; *p; p++)
    {
      if (*p == '/')
        depth++;
    }

  return depth;
}

/**
 * sp_category_path_contains:
 * @ancestor: a category path
 * @path: a category path
 *
 * Checks whether @path is @ancestor or lies below it: "Tools" contains
 * "Tools/Drills" but not "Toolsets".
 *
 * Returns: %TRUE when @path is in the subtree of @ancestor
 */
gboolean
sp_category_path_contains (const char *ancestor,
                           const char *path)
{
  gsize len;

  g_return_val_if_fail (ancestor != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  len = strlen (ancestor);

  return strncmp (ancestor, path, len) == 0 && (path[len] == '\0' || path[len] == '/');
}

/**
 * sp_scope_contains:
 * @skus: (nullable): a campaign's scope SKUs
 * @categories: (nullable): its scope category paths
 * @sku: (nullable): a product's SKU
 * @category_path: (nullable): its category path
 *
 * The one rule of a campaign's scope: its SKUs, and every product in the
 * subtree of one of its categories.
 *
 * Returns: %TRUE when the product is in the scope
 */
gboolean
sp_scope_contains (const char * const *skus,
                   const char * const *categories,
                   const char         *sku,
                   const char         *category_path)
{
  if (sku != NULL && skus != NULL && g_strv_contains (skus, sku))
    return TRUE;

  for (guint i = 0; category_path != NULL && categories != NULL && categories[i] != NULL; i++)
    {
      if (sp_category_path_contains (categories[i], category_path))
        return TRUE;
    }

  return FALSE;
}
