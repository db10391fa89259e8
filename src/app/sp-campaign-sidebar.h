/* sp-campaign-sidebar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sp-campaign.h"

G_BEGIN_DECLS

#define SP_TYPE_CAMPAIGN_SIDEBAR (sp_campaign_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (SpCampaignSidebar, sp_campaign_sidebar, SP, CAMPAIGN_SIDEBAR, GtkWidget)

GListModel *sp_campaign_sidebar_get_model        (SpCampaignSidebar *self);
void        sp_campaign_sidebar_set_model        (SpCampaignSidebar *self,
                                                  GListModel        *model);
SpCampaign *sp_campaign_sidebar_get_selected     (SpCampaignSidebar *self);
gboolean    sp_campaign_sidebar_select           (SpCampaignSidebar *self,
                                                  SpCampaign        *campaign);
guint       sp_campaign_sidebar_get_n_visible    (SpCampaignSidebar *self);
void        sp_campaign_sidebar_set_search       (SpCampaignSidebar *self,
                                                  const char        *text);
void        sp_campaign_sidebar_focus_search     (SpCampaignSidebar *self);

G_END_DECLS
