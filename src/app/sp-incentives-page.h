/* sp-incentives-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-campaign-page.h"

G_BEGIN_DECLS

#define SP_TYPE_INCENTIVES_PAGE (sp_incentives_page_get_type ())

G_DECLARE_FINAL_TYPE (SpIncentivesPage, sp_incentives_page, SP, INCENTIVES_PAGE, SpCampaignPage)

G_END_DECLS
