/* sp-campaign-db-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading and writing campaigns on one connection, for SpCampaignRepository
 * and for other store code that works on campaigns inside its own
 * transaction. The functions take no lock of their own: the _write_
 * functions expect an open transaction, and append their outbox row in it.
 */

#pragma once

#include "sp-campaign.h"
#include "sp-db-private.h"

G_BEGIN_DECLS

GPtrArray  *_sp_campaign_db_load_all      (sqlite3           *db,
                                           GCancellable      *cancellable,
                                           GError           **error) G_GNUC_WARN_UNUSED_RESULT;
SpCampaign *_sp_campaign_db_load          (sqlite3           *db,
                                           const char        *id,
                                           GError           **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean    _sp_campaign_db_write_insert  (sqlite3           *db,
                                           SpCampaign        *campaign,
                                           GError           **error);
gboolean    _sp_campaign_db_write_update  (sqlite3           *db,
                                           SpCampaign        *campaign,
                                           GError           **error);
gboolean    _sp_campaign_db_write_status  (sqlite3           *db,
                                           SpCampaign        *campaign,
                                           SpCampaignStatus   from,
                                           const char        *comment,
                                           GError           **error);
SpCampaign *_sp_campaign_copy             (SpCampaign        *campaign) G_GNUC_WARN_UNUSED_RESULT;
void        _sp_campaign_apply            (SpCampaign        *dest,
                                           SpCampaign        *src);
char       *_sp_campaign_to_json          (SpCampaign        *campaign) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
