/* sp-campaign-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the store only: loading a campaign restores the status it was saved
 * with, which is not a transition.
 */

#pragma once

#include "sp-campaign.h"

G_BEGIN_DECLS

void _sp_campaign_set_status_unchecked (SpCampaign       *self,
                                        SpCampaignStatus  status);

G_END_DECLS
