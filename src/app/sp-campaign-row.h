/* sp-campaign-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sp-campaign.h"

G_BEGIN_DECLS

#define SP_TYPE_CAMPAIGN_ROW (sp_campaign_row_get_type ())

G_DECLARE_FINAL_TYPE (SpCampaignRow, sp_campaign_row, SP, CAMPAIGN_ROW, GtkWidget)

SpCampaign *sp_campaign_row_get_campaign (SpCampaignRow *self);
void        sp_campaign_row_set_campaign (SpCampaignRow *self,
                                          SpCampaign    *campaign);
void        sp_campaign_status_apply_css (GtkWidget     *badge,
                                          SpCampaignStatus status);

G_END_DECLS
