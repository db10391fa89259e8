/* sp-approval.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-core-enums.h"
#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_APPROVAL (sp_approval_get_type ())

G_DECLARE_FINAL_TYPE (SpApproval, sp_approval, SP, APPROVAL, GObject)

SpApproval         *sp_approval_new             (const char          *campaign_id,
                                                 SpApprovalDecision   decision) G_GNUC_WARN_UNUSED_RESULT;
const char         *sp_approval_get_id          (SpApproval          *self);
const char         *sp_approval_get_campaign_id (SpApproval          *self);
void                sp_approval_set_campaign_id (SpApproval          *self,
                                                 const char          *campaign_id);
SpApprovalDecision  sp_approval_get_decision    (SpApproval          *self);
void                sp_approval_set_decision    (SpApproval          *self,
                                                 SpApprovalDecision   decision);
const char         *sp_approval_get_comment     (SpApproval          *self);
void                sp_approval_set_comment     (SpApproval          *self,
                                                 const char          *comment);
const char         *sp_approval_get_actor       (SpApproval          *self);
void                sp_approval_set_actor       (SpApproval          *self,
                                                 const char          *actor);
const char         *sp_approval_get_decided_at  (SpApproval          *self);
void                sp_approval_set_decided_at  (SpApproval          *self,
                                                 const char          *decided_at);
gboolean            sp_approval_validate        (SpApproval          *self,
                                                 GError             **error);

G_END_DECLS
