/* sp-quotes-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-campaign-page.h"

G_BEGIN_DECLS

#define SP_TYPE_QUOTES_PAGE (sp_quotes_page_get_type ())

G_DECLARE_FINAL_TYPE (SpQuotesPage, sp_quotes_page, SP, QUOTES_PAGE, SpCampaignPage)

G_END_DECLS
