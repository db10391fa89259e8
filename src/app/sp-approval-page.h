/* sp-approval-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-campaign-page.h"

G_BEGIN_DECLS

#define SP_TYPE_APPROVAL_PAGE (sp_approval_page_get_type ())

G_DECLARE_FINAL_TYPE (SpApprovalPage, sp_approval_page, SP, APPROVAL_PAGE, SpCampaignPage)

GListModel *sp_approval_page_get_history (SpApprovalPage *self);

G_END_DECLS
