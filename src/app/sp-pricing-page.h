/* sp-pricing-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-campaign-page.h"

G_BEGIN_DECLS

#define SP_TYPE_PRICING_PAGE (sp_pricing_page_get_type ())

G_DECLARE_FINAL_TYPE (SpPricingPage, sp_pricing_page, SP, PRICING_PAGE, SpCampaignPage)

guint    sp_pricing_page_get_n_lines       (SpPricingPage *self);
guint    sp_pricing_page_get_n_below_floor (SpPricingPage *self);
gboolean sp_pricing_page_get_warning_shown (SpPricingPage *self);
guint    sp_pricing_page_get_generation    (SpPricingPage *self);
void     sp_pricing_page_apply_to_all      (SpPricingPage *self,
                                            double         percent);

G_END_DECLS
