/* sp-plan-apply.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing a drafted plan (sp-planner.h) into its campaign: the scope
 * becomes the planned SKUs and the campaign's price list gets one entry
 * per SKU with the planned discount, in one transaction with their outbox
 * rows.
 */

#pragma once

#include <gio/gio.h>

#include "sp-campaign-repository.h"
#include "sp-planner.h"

G_BEGIN_DECLS

gboolean sp_plan_apply        (SpCampaignRepository  *campaigns,
                               SpCampaign            *campaign,
                               SpPlannerResult       *result,
                               GError               **error);
void     sp_plan_apply_async  (SpCampaignRepository  *campaigns,
                               SpCampaign            *campaign,
                               SpPlannerResult       *result,
                               GCancellable          *cancellable,
                               GAsyncReadyCallback    callback,
                               gpointer               user_data);
gboolean sp_plan_apply_finish (SpCampaignRepository  *campaigns,
                               GAsyncResult          *result,
                               GError               **error);

G_END_DECLS
