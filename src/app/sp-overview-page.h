/* sp-overview-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-campaign-page.h"

G_BEGIN_DECLS

#define SP_TYPE_OVERVIEW_PAGE (sp_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (SpOverviewPage, sp_overview_page, SP, OVERVIEW_PAGE, SpCampaignPage)

void sp_overview_page_focus_name (SpOverviewPage *self);

G_END_DECLS
