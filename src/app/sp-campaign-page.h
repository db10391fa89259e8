/* sp-campaign-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sp-campaign.h"
#include "sp-workspace.h"

G_BEGIN_DECLS

#define SP_TYPE_CAMPAIGN_PAGE (sp_campaign_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (SpCampaignPage, sp_campaign_page, SP, CAMPAIGN_PAGE, AdwBin)

/* Each page of a campaign shows the same campaign of the same workspace; the
 * base class holds both and tells the page when either changes. */
struct _SpCampaignPageClass
{
  AdwBinClass parent_class;

  void (*campaign_changed)  (SpCampaignPage *self);
  void (*workspace_changed) (SpCampaignPage *self);
};

SpCampaign  *sp_campaign_page_get_campaign  (SpCampaignPage *self);
void         sp_campaign_page_set_campaign  (SpCampaignPage *self,
                                             SpCampaign     *campaign);
SpWorkspace *sp_campaign_page_get_workspace (SpCampaignPage *self);
void         sp_campaign_page_set_workspace (SpCampaignPage *self,
                                             SpWorkspace    *workspace);
GCancellable *sp_campaign_page_get_cancellable (SpCampaignPage *self);

G_END_DECLS
