/* sp-campaign-repository.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-approval.h"
#include "sp-campaign.h"
#include "sp-store.h"

G_BEGIN_DECLS

#define SP_TYPE_CAMPAIGN_REPOSITORY (sp_campaign_repository_get_type ())

G_DECLARE_FINAL_TYPE (SpCampaignRepository, sp_campaign_repository, SP, CAMPAIGN_REPOSITORY,
                      GObject)

SpCampaignRepository *sp_campaign_repository_new               (SpStore *store)
                                                                G_GNUC_WARN_UNUSED_RESULT;
SpStore              *sp_campaign_repository_get_store         (SpCampaignRepository *self);
GListModel           *sp_campaign_repository_get_campaigns     (SpCampaignRepository *self);
SpCampaign           *sp_campaign_repository_lookup            (SpCampaignRepository *self,
                                                                const char           *id);
SpCampaign           *sp_campaign_repository_find              (SpCampaignRepository  *self,
                                                                const char            *ref,
                                                                GError               **error);

gboolean              sp_campaign_repository_load              (SpCampaignRepository  *self,
                                                                GError               **error);
void                  sp_campaign_repository_reload_async      (SpCampaignRepository *self,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
gboolean              sp_campaign_repository_reload_finish     (SpCampaignRepository  *self,
                                                                GAsyncResult          *result,
                                                                GError               **error);

gboolean              sp_campaign_repository_create            (SpCampaignRepository  *self,
                                                                SpCampaign            *campaign,
                                                                GError               **error);
void                  sp_campaign_repository_create_async      (SpCampaignRepository *self,
                                                                SpCampaign           *campaign,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
gboolean              sp_campaign_repository_create_finish     (SpCampaignRepository  *self,
                                                                GAsyncResult          *result,
                                                                GError               **error);

gboolean              sp_campaign_repository_save              (SpCampaignRepository  *self,
                                                                SpCampaign            *campaign,
                                                                GError               **error);
void                  sp_campaign_repository_save_async        (SpCampaignRepository *self,
                                                                SpCampaign           *campaign,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
gboolean              sp_campaign_repository_save_finish       (SpCampaignRepository  *self,
                                                                GAsyncResult          *result,
                                                                GError               **error);

gboolean              sp_campaign_repository_transition        (SpCampaignRepository  *self,
                                                                SpCampaign            *campaign,
                                                                SpCampaignStatus       to,
                                                                const char            *comment,
                                                                GError               **error);
void                  sp_campaign_repository_transition_async  (SpCampaignRepository *self,
                                                                SpCampaign           *campaign,
                                                                SpCampaignStatus      to,
                                                                const char           *comment,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
gboolean              sp_campaign_repository_transition_finish (SpCampaignRepository  *self,
                                                                GAsyncResult          *result,
                                                                GError               **error);

GPtrArray            *sp_campaign_repository_load_approvals    (SpCampaignRepository  *self,
                                                                const char            *campaign_id,
                                                                GError               **error)
                                                                G_GNUC_WARN_UNUSED_RESULT;
void                  sp_campaign_repository_load_approvals_async
                                                               (SpCampaignRepository *self,
                                                                const char           *campaign_id,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
GPtrArray            *sp_campaign_repository_load_approvals_finish
                                                               (SpCampaignRepository  *self,
                                                                GAsyncResult          *result,
                                                                GError               **error)
                                                                G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
