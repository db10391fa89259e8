/* sp-price-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sp-campaign-plan.h"

G_BEGIN_DECLS

#define SP_TYPE_PRICE_ROW (sp_price_row_get_type ())

G_DECLARE_FINAL_TYPE (SpPriceRow, sp_price_row, SP, PRICE_ROW, GObject)

GPtrArray                *sp_price_rows_new     (SpCampaignPlan *plan) G_GNUC_WARN_UNUSED_RESULT;
const SpCampaignPlanLine *sp_price_row_get_line (SpPriceRow     *self);

G_END_DECLS
