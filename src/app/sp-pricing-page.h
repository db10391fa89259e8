/* sp-pricing-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-campaign-page.h"

G_BEGIN_DECLS

#define SP_TYPE_PRICING_PAGE (sp_pricing_page_get_type ())

G_DECLARE_FINAL_TYPE (SpPricingPage, sp_pricing_page, SP, PRICING_PAGE, SpCampaignPage)

G_END_DECLS
