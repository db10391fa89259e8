/* sp-execution-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-campaign-page.h"

G_BEGIN_DECLS

#define SP_TYPE_EXECUTION_PAGE (sp_execution_page_get_type ())

G_DECLARE_FINAL_TYPE (SpExecutionPage, sp_execution_page, SP, EXECUTION_PAGE, SpCampaignPage)

G_END_DECLS
