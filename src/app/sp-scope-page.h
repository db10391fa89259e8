/* sp-scope-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-campaign-page.h"

G_BEGIN_DECLS

#define SP_TYPE_SCOPE_PAGE (sp_scope_page_get_type ())

G_DECLARE_FINAL_TYPE (SpScopePage, sp_scope_page, SP, SCOPE_PAGE, SpCampaignPage)

G_END_DECLS
