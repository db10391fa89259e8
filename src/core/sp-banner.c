/* sp-banner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-banner.h"
#include "sp-model-error.h"
#include "sp-validate-private.h"

struct _SpBanner
{
  GObject  parent_instance;

  char    *id;           /* owned; immutable after construction */
  char    *campaign_id;  /* owned */
  char    *title;        /* owned */
  char    *body;         /* owned */
  char    *link;         /* owned */
  char    *placement;    /* owned */
  char    *image_path;   /* owned */
  char    *remote_id;    /* owned */
};

G_DEFINE_FINAL_TYPE (SpBanner, sp_banner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CAMPAIGN_ID,
  PROP_TITLE,
  PROP_BODY,
  PROP_LINK,
  PROP_PLACEMENT,
  PROP_IMAGE_PATH,
  PROP_REMOTE_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sp_banner_finalize (GObject *object)
{
  SpBanner *self = (SpBanner *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->campaign_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->link, g_free);
  g_clear_pointer (&self->placement, g_free);
  g_clear_pointer (&self->image_path, g_free);
  g_clear_pointer (&self->remote_id, g_free);

  G_OBJECT_CLASS (sp_banner_parent_class)->finalize (object);
}

static void
sp_banner_constructed (GObject *object)
{
  SpBanner *self = (SpBanner *)object;

  G_OBJECT_CLASS (sp_banner_parent_class)->constructed (object);

  if (self->id == NULL || self->id[0] == '\0')
    {
      g_free (self->id);
      self->id = g_uuid_string_random ();
    }
}

static void
sp_banner_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SpBanner *self = SP_BANNER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_CAMPAIGN_ID:
      g_value_set_string (value, self->campaign_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_LINK:
      g_value_set_string (value, self->link);
      break;

    case PROP_PLACEMENT:
      g_value_set_string (value, self->placement);
      break;

    case PROP_IMAGE_PATH:
      g_value_set_string (value, self->image_path);
      break;

    case PROP_REMOTE_ID:
      g_value_set_string (value, self->remote_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_banner_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SpBanner *self = SP_BANNER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (self->id == NULL);
      self->id = g_value_dup_string (value);
      break;

    case PROP_CAMPAIGN_ID:
      sp_banner_set_campaign_id (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      sp_banner_set_title (self, g_value_get_string (value));
      break;

    case PROP_BODY:
      sp_banner_set_body (self, g_value_get_string (value));
      break;

    case PROP_LINK:
      sp_banner_set_link (self, g_value_get_string (value));
      break;

    case PROP_PLACEMENT:
      sp_banner_set_placement (self, g_value_get_string (value));
      break;

    case PROP_IMAGE_PATH:
      sp_banner_set_image_path (self, g_value_get_string (value));
      break;

    case PROP_REMOTE_ID:
      sp_banner_set_remote_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_banner_class_init (SpBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_banner_finalize;
  object_class->constructed = sp_banner_constructed;
  object_class->get_property = sp_banner_get_property;
  object_class->set_property = sp_banner_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CAMPAIGN_ID] =
    g_param_spec_string ("campaign-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LINK] =
    g_param_spec_string ("link", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PLACEMENT] =
    g_param_spec_string ("placement", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_IMAGE_PATH] =
    g_param_spec_string ("image-path", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REMOTE_ID] =
    g_param_spec_string ("remote-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_banner_init (SpBanner *self)
{
}

/**
 * sp_banner_new:
 * @title: (nullable): the initial value of #SpBanner:title
 *
 * Creates a new #SpBanner.
 *
 * Returns: (transfer full): the new #SpBanner
 */
SpBanner *
sp_banner_new (const char *title)
{
  return g_object_new (SP_TYPE_BANNER,
                       "title", title,
                       NULL);
}

/**
 * sp_banner_get_id:
 * @self: a #SpBanner
 *
 * Gets #SpBanner:id.
 *
 * Returns: (transfer none): the value of #SpBanner:id
 */
const char *
sp_banner_get_id (SpBanner *self)
{
  g_return_val_if_fail (SP_IS_BANNER (self), NULL);

  return self->id;
}

/**
 * sp_banner_get_campaign_id:
 * @self: a #SpBanner
 *
 * Gets #SpBanner:campaign-id.
 *
 * Returns: (transfer none) (nullable): the value of #SpBanner:campaign-id
 */
const char *
sp_banner_get_campaign_id (SpBanner *self)
{
  g_return_val_if_fail (SP_IS_BANNER (self), NULL);

  return self->campaign_id;
}

/**
 * sp_banner_set_campaign_id:
 * @self: a #SpBanner
 * @campaign_id: (nullable) the new value
 *
 * Sets #SpBanner:campaign-id.
 */
void
sp_banner_set_campaign_id (SpBanner   *self,
                           const char *campaign_id)
{
  g_return_if_fail (SP_IS_BANNER (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->campaign_id, campaign_id) == 0)
    return;

  g_free (self->campaign_id);
  self->campaign_id = g_strdup (campaign_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAMPAIGN_ID]);
}

/**
 * sp_banner_get_title:
 * @self: a #SpBanner
 *
 * Gets #SpBanner:title.
 *
 * Returns: (transfer none) (nullable): the value of #SpBanner:title
 */
const char *
sp_banner_get_title (SpBanner *self)
{
  g_return_val_if_fail (SP_IS_BANNER (self), NULL);

  return self->title;
}

/**
 * sp_banner_set_title:
 * @self: a #SpBanner
 * @title: (nullable) the new value
 *
 * Sets #SpBanner:title.
 */
void
sp_banner_set_title (SpBanner   *self,
                     const char *title)
{
  g_return_if_fail (SP_IS_BANNER (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

/**
 * sp_banner_get_body:
 * @self: a #SpBanner
 *
 * Gets #SpBanner:body.
 *
 * Returns: (transfer none) (nullable): the value of #SpBanner:body
 */
const char *
sp_banner_get_body (SpBanner *self)
{
  g_return_val_if_fail (SP_IS_BANNER (self), NULL);

  return self->body;
}

/**
 * sp_banner_set_body:
 * @self: a #SpBanner
 * @body: (nullable) the new value
 *
 * Sets #SpBanner:body.
 */
void
sp_banner_set_body (SpBanner   *self,
                    const char *body)
{
  g_return_if_fail (SP_IS_BANNER (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->body, body) == 0)
    return;

  g_free (self->body);
  self->body = g_strdup (body);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BODY]);
}

/**
 * sp_banner_get_link:
 * @self: a #SpBanner
 *
 * Gets #SpBanner:link.
 *
 * Returns: (transfer none) (nullable): the value of #SpBanner:link
 */
const char *
sp_banner_get_link (SpBanner *self)
{
  g_return_val_if_fail (SP_IS_BANNER (self), NULL);

  return self->link;
}

/**
 * sp_banner_set_link:
 * @self: a #SpBanner
 * @link: (nullable) the new value
 *
 * Sets #SpBanner:link.
 */
void
sp_banner_set_link (SpBanner   *self,
                    const char *link)
{
  g_return_if_fail (SP_IS_BANNER (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->link, link) == 0)
    return;

  g_free (self->link);
  self->link = g_strdup (link);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LINK]);
}

/**
 * sp_banner_get_placement:
 * @self: a #SpBanner
 *
 * Gets #SpBanner:placement.
 *
 * Returns: (transfer none) (nullable): the value of #SpBanner:placement
 */
const char *
sp_banner_get_placement (SpBanner *self)
{
  g_return_val_if_fail (SP_IS_BANNER (self), NULL);

  return self->placement;
}

/**
 * sp_banner_set_placement:
 * @self: a #SpBanner
 * @placement: (nullable) the new value
 *
 * Sets #SpBanner:placement.
 */
void
sp_banner_set_placement (SpBanner   *self,
                         const char *placement)
{
  g_return_if_fail (SP_IS_BANNER (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->placement, placement) == 0)
    return;

  g_free (self->placement);
  self->placement = g_strdup (placement);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLACEMENT]);
}

/**
 * sp_banner_get_image_path:
 * @self: a #SpBanner
 *
 * Gets #SpBanner:image-path.
 *
 * Returns: (transfer none) (nullable): the value of #SpBanner:image-path
 */
const char *
sp_banner_get_image_path (SpBanner *self)
{
  g_return_val_if_fail (SP_IS_BANNER (self), NULL);

  return self->image_path;
}

/**
 * sp_banner_set_image_path:
 * @self: a #SpBanner
 * @image_path: (nullable) the new value
 *
 * Sets #SpBanner:image-path.
 */
void
sp_banner_set_image_path (SpBanner   *self,
                          const char *image_path)
{
  g_return_if_fail (SP_IS_BANNER (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->image_path, image_path) == 0)
    return;

  g_free (self->image_path);
  self->image_path = g_strdup (image_path);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IMAGE_PATH]);
}

/**
 * sp_banner_get_remote_id:
 * @self: a #SpBanner
 *
 * Gets #SpBanner:remote-id.
 *
 * Returns: (transfer none) (nullable): the value of #SpBanner:remote-id
 */
const char *
sp_banner_get_remote_id (SpBanner *self)
{
  g_return_val_if_fail (SP_IS_BANNER (self), NULL);

  return self->remote_id;
}

/**
 * sp_banner_set_remote_id:
 * @self: a #SpBanner
 * @remote_id: (nullable) the new value
 *
 * Sets #SpBanner:remote-id.
 */
void
sp_banner_set_remote_id (SpBanner   *self,
                         const char *remote_id)
{
  g_return_if_fail (SP_IS_BANNER (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->remote_id, remote_id) == 0)
    return;

  g_free (self->remote_id);
  self->remote_id = g_strdup (remote_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REMOTE_ID]);
}

/**
 * sp_banner_validate:
 * @self: a #SpBanner
 * @error: return location for a #GError
 *
 * Checks that @self can be saved.
 *
 * Returns: %TRUE when @self is valid; otherwise %FALSE with @error set to
 *   %SP_MODEL_ERROR_INVALID_FIELD, whose message names the property
 */
gboolean
sp_banner_validate (SpBanner  *self,
                    GError   **error)
{
  g_return_val_if_fail (SP_IS_BANNER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sp_validate_not_empty ("title", self->title, error))
    return FALSE;
  if (self->link != NULL && self->link[0] != '\0' && !g_uri_is_valid (self->link, G_URI_FLAGS_NONE, NULL))
    {
      g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_INVALID_FIELD,
                   /* Translators: %s is the name of a field, “link” */
                   _("The field “%s” must be an absolute address such as https://example.com/sale"), "link");
      return FALSE;
    }

  return TRUE;
}
