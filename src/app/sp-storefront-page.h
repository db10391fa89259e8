/* sp-storefront-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-campaign-page.h"

G_BEGIN_DECLS

#define SP_TYPE_STOREFRONT_PAGE (sp_storefront_page_get_type ())

G_DECLARE_FINAL_TYPE (SpStorefrontPage, sp_storefront_page, SP, STOREFRONT_PAGE, SpCampaignPage)

void sp_storefront_page_set_image_file (SpStorefrontPage *self,
                                        GFile            *file);

G_END_DECLS
