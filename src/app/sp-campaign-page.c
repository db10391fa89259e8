/* sp-campaign-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-campaign-page"

#include "config.h"

#include "sp-campaign-page.h"

typedef struct
{
  SpCampaign   *campaign;     /* owned */
  SpWorkspace  *workspace;    /* owned */
  GCancellable *cancellable;  /* owned; cancelled in dispose */
} SpCampaignPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (SpCampaignPage, sp_campaign_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CAMPAIGN,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sp_campaign_page_dispose (GObject *object)
{
  SpCampaignPage *self = (SpCampaignPage *)object;
  SpCampaignPagePrivate *priv = sp_campaign_page_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->campaign);
  g_clear_object (&priv->workspace);
  g_clear_object (&priv->cancellable);

  G_OBJECT_CLASS (sp_campaign_page_parent_class)->dispose (object);
}

static void
sp_campaign_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SpCampaignPage *self = SP_CAMPAIGN_PAGE (object);

  switch (prop_id)
    {
    case PROP_CAMPAIGN:
      g_value_set_object (value, sp_campaign_page_get_campaign (self));
      break;
    case PROP_WORKSPACE:
      g_value_set_object (value, sp_campaign_page_get_workspace (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_campaign_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SpCampaignPage *self = SP_CAMPAIGN_PAGE (object);

  switch (prop_id)
    {
    case PROP_CAMPAIGN:
      sp_campaign_page_set_campaign (self, g_value_get_object (value));
      break;
    case PROP_WORKSPACE:
      sp_campaign_page_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_campaign_page_class_init (SpCampaignPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_campaign_page_dispose;
  object_class->get_property = sp_campaign_page_get_property;
  object_class->set_property = sp_campaign_page_set_property;

  properties [PROP_CAMPAIGN] =
    g_param_spec_object ("campaign", NULL, NULL,
                         SP_TYPE_CAMPAIGN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         SP_TYPE_WORKSPACE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_campaign_page_init (SpCampaignPage *self)
{
  SpCampaignPagePrivate *priv = sp_campaign_page_get_instance_private (self);

  priv->cancellable = g_cancellable_new ();
}

SpCampaign *
sp_campaign_page_get_campaign (SpCampaignPage *self)
{
  SpCampaignPagePrivate *priv = sp_campaign_page_get_instance_private (self);

  g_return_val_if_fail (SP_IS_CAMPAIGN_PAGE (self), NULL);

  return priv->campaign;
}

void
sp_campaign_page_set_campaign (SpCampaignPage *self,
                               SpCampaign     *campaign)
{
  SpCampaignPagePrivate *priv = sp_campaign_page_get_instance_private (self);

  g_return_if_fail (SP_IS_CAMPAIGN_PAGE (self));
  g_return_if_fail (!campaign || SP_IS_CAMPAIGN (campaign));

  if (!g_set_object (&priv->campaign, campaign))
    return;

  if (SP_CAMPAIGN_PAGE_GET_CLASS (self)->campaign_changed)
    SP_CAMPAIGN_PAGE_GET_CLASS (self)->campaign_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAMPAIGN]);
}

SpWorkspace *
sp_campaign_page_get_workspace (SpCampaignPage *self)
{
  SpCampaignPagePrivate *priv = sp_campaign_page_get_instance_private (self);

  g_return_val_if_fail (SP_IS_CAMPAIGN_PAGE (self), NULL);

  return priv->workspace;
}

void
sp_campaign_page_set_workspace (SpCampaignPage *self,
                                SpWorkspace    *workspace)
{
  SpCampaignPagePrivate *priv = sp_campaign_page_get_instance_private (self);

  g_return_if_fail (SP_IS_CAMPAIGN_PAGE (self));
  g_return_if_fail (!workspace || SP_IS_WORKSPACE (workspace));

  if (!g_set_object (&priv->workspace, workspace))
    return;

  if (SP_CAMPAIGN_PAGE_GET_CLASS (self)->workspace_changed)
    SP_CAMPAIGN_PAGE_GET_CLASS (self)->workspace_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WORKSPACE]);
}

/* Returns: (transfer none): cancelled when the page goes away */
GCancellable *
sp_campaign_page_get_cancellable (SpCampaignPage *self)
{
  SpCampaignPagePrivate *priv = sp_campaign_page_get_instance_private (self);

  g_return_val_if_fail (SP_IS_CAMPAIGN_PAGE (self), NULL);

  return priv->cancellable;
}
