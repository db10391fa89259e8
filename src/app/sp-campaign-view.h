/* sp-campaign-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sp-campaign.h"
#include "sp-workspace.h"

G_BEGIN_DECLS

#define SP_TYPE_CAMPAIGN_VIEW (sp_campaign_view_get_type ())

G_DECLARE_FINAL_TYPE (SpCampaignView, sp_campaign_view, SP, CAMPAIGN_VIEW, GtkWidget)

SpCampaign   *sp_campaign_view_get_campaign  (SpCampaignView *self);
void          sp_campaign_view_set_campaign  (SpCampaignView *self,
                                              SpCampaign     *campaign);
void          sp_campaign_view_set_workspace (SpCampaignView *self,
                                              SpWorkspace    *workspace);
AdwViewStack *sp_campaign_view_get_stack     (SpCampaignView *self);
GtkWidget    *sp_campaign_view_get_page      (SpCampaignView *self,
                                              const char     *name);
void          sp_campaign_view_focus_name    (SpCampaignView *self);
void          sp_campaign_view_decide        (SpCampaignView *self,
                                              SpCampaignStatus to,
                                              const char     *comment);

G_END_DECLS
