/* sp-content-connector.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sp-content-connector.h"

struct _SpContentConnector
{
  GObject  parent_instance;

  char    *base_url;   /* no trailing slash */
  char    *token;      /* nullable; never logged */
};

G_DEFINE_FINAL_TYPE (SpContentConnector, sp_content_connector, G_TYPE_OBJECT)

static void
sp_content_connector_finalize (GObject *object)
{
  SpContentConnector *self = (SpContentConnector *)object;

  g_free (self->base_url);
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);

  G_OBJECT_CLASS (sp_content_connector_parent_class)->finalize (object);
}

static void
sp_content_connector_class_init (SpContentConnectorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_content_connector_finalize;
}

static void
sp_content_connector_init (SpContentConnector *self)
{
}

/**
 * sp_content_connector_new:
 * @base_url: the content platform's base URL
 * @token: (nullable): its bearer token
 *
 * Returns: (transfer full): a connector
 */
SpContentConnector *
sp_content_connector_new (const char *base_url,
                          const char *token)
{
  SpContentConnector *self;
  gsize len;

  g_return_val_if_fail (base_url != NULL, NULL);

  self = g_object_new (SP_TYPE_CONTENT_CONNECTOR, NULL);
  self->base_url = g_strdup (base_url);
  len = strlen (self->base_url);
  while (len > 0 && self->base_url[len - 1] == '/')
    self->base_url[--len] = '\0';
  self->token = g_strdup (token);
  return self;
}

const char *
sp_content_connector_get_base_url (SpContentConnector *self)
{
  g_return_val_if_fail (SP_IS_CONTENT_CONNECTOR (self), NULL);
  return self->base_url;
}

/* Returns: (nullable): the bearer token; never log it */
const char *
sp_content_connector_get_token (SpContentConnector *self)
{
  g_return_val_if_fail (SP_IS_CONTENT_CONNECTOR (self), NULL);
  return self->token;
}

char *
sp_content_connector_banner_uri (SpContentConnector *self,
                                 const char         *banner_id)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (SP_IS_CONTENT_CONNECTOR (self), NULL);

  escaped = g_uri_escape_string (banner_id, NULL, FALSE);
  return g_strdup_printf ("%s/banners/%s", self->base_url, escaped);
}

char *
sp_content_connector_image_uri (SpContentConnector *self,
                                const char         *banner_id)
{
  g_autofree char *banner = sp_content_connector_banner_uri (self, banner_id);

  return g_strdup_printf ("%s/image", banner);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value ? value : "");
}

/**
 * sp_content_connector_banner_body:
 * @banner_id: the banner's id on the content platform
 *
 * Returns: (transfer full): the banner as the content platform takes it
 */
JsonNode *
sp_content_connector_banner_body (SpContentConnector *self,
                                  const SpRunInput   *input,
                                  const SpRunBanner  *banner,
                                  const char         *banner_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *image = sp_content_connector_image_uri (self, banner_id);

  json_builder_begin_object (builder);
  add_string (builder, "id", banner_id);
  add_string (builder, "campaignId", input->campaign_id);
  add_string (builder, "title", banner->title);
  add_string (builder, "body", banner->body);
  add_string (builder, "link", banner->link);
  add_string (builder, "placement", banner->placement ? banner->placement : "home-hero");
  add_string (builder, "imageUrl", image);
  if (input->start_date != NULL && input->start_date[0] != '\0')
    {
      g_autofree char *from = g_strdup_printf ("%sT00:00:00.000Z", input->start_date);

      add_string (builder, "validFrom", from);
    }
  if (input->end_date != NULL && input->end_date[0] != '\0')
    {
      g_autofree char *to = g_strdup_printf ("%sT23:59:59.999Z", input->end_date);

      add_string (builder, "validTo", to);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
