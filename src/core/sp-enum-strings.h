/* sp-enum-strings.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stable, untranslated string forms of the model's enumerations, as stored
 * in the database and written in JSON ("in_review"), and translated labels
 * for the user interface.
 */

#pragma once

#include <glib.h>

#include "sp-types.h"

G_BEGIN_DECLS

const char *sp_campaign_status_to_string       (SpCampaignStatus    status);
gboolean    sp_campaign_status_from_string     (const char         *text,
                                                SpCampaignStatus   *out);
const char *sp_campaign_status_to_label        (SpCampaignStatus    status);

const char *sp_campaign_origin_to_string       (SpCampaignOrigin    origin);
gboolean    sp_campaign_origin_from_string     (const char         *text,
                                                SpCampaignOrigin   *out);
const char *sp_campaign_origin_to_label        (SpCampaignOrigin    origin);

const char *sp_scope_kind_to_string            (SpScopeKind         kind);
gboolean    sp_scope_kind_from_string          (const char         *text,
                                                SpScopeKind        *out);

const char *sp_discount_type_to_string         (SpDiscountType      type);
gboolean    sp_discount_type_from_string       (const char         *text,
                                                SpDiscountType     *out);

const char *sp_approval_decision_to_string     (SpApprovalDecision  decision);
gboolean    sp_approval_decision_from_string   (const char         *text,
                                                SpApprovalDecision *out);
const char *sp_approval_decision_to_label      (SpApprovalDecision  decision);

G_END_DECLS
