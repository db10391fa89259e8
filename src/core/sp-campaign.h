/* sp-campaign.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-core-enums.h"
#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_CAMPAIGN (sp_campaign_get_type ())

/* The search boost of the discovery step (campaigns.params_json "boost"). */
#define SP_CAMPAIGN_BOOST_WEIGHT_MIN     1
#define SP_CAMPAIGN_BOOST_WEIGHT_MAX     10
#define SP_CAMPAIGN_BOOST_WEIGHT_DEFAULT 3

G_DECLARE_FINAL_TYPE (SpCampaign, sp_campaign, SP, CAMPAIGN, GObject)

SpCampaign         *sp_campaign_new                  (const char          *name) G_GNUC_WARN_UNUSED_RESULT;
const char         *sp_campaign_get_id               (SpCampaign          *self);
const char         *sp_campaign_get_name             (SpCampaign          *self);
void                sp_campaign_set_name             (SpCampaign          *self,
                                                      const char          *name);
const char         *sp_campaign_get_description      (SpCampaign          *self);
void                sp_campaign_set_description      (SpCampaign          *self,
                                                      const char          *description);
SpCampaignStatus    sp_campaign_get_status           (SpCampaign          *self);
SpCampaignOrigin    sp_campaign_get_origin           (SpCampaign          *self);
void                sp_campaign_set_origin           (SpCampaign          *self,
                                                      SpCampaignOrigin     origin);
const char         *sp_campaign_get_owner            (SpCampaign          *self);
void                sp_campaign_set_owner            (SpCampaign          *self,
                                                      const char          *owner);
const char         *sp_campaign_get_start_date       (SpCampaign          *self);
void                sp_campaign_set_start_date       (SpCampaign          *self,
                                                      const char          *start_date);
const char         *sp_campaign_get_end_date         (SpCampaign          *self);
void                sp_campaign_set_end_date         (SpCampaign          *self,
                                                      const char          *end_date);
const char * const *sp_campaign_get_sites            (SpCampaign          *self);
void                sp_campaign_set_sites            (SpCampaign          *self,
                                                      const char * const  *sites);
const char * const *sp_campaign_get_scope_products   (SpCampaign          *self);
void                sp_campaign_set_scope_products   (SpCampaign          *self,
                                                      const char * const  *scope_products);
const char * const *sp_campaign_get_scope_categories (SpCampaign          *self);
void                sp_campaign_set_scope_categories (SpCampaign          *self,
                                                      const char * const  *scope_categories);
const char * const *sp_campaign_get_segments         (SpCampaign          *self);
void                sp_campaign_set_segments         (SpCampaign          *self,
                                                      const char * const  *segments);
gint64              sp_campaign_get_units_to_clear   (SpCampaign          *self);
void                sp_campaign_set_units_to_clear   (SpCampaign          *self,
                                                      gint64               units_to_clear);
const char         *sp_campaign_get_target_date      (SpCampaign          *self);
void                sp_campaign_set_target_date      (SpCampaign          *self,
                                                      const char          *target_date);
gint64              sp_campaign_get_margin_floor     (SpCampaign          *self);
void                sp_campaign_set_margin_floor     (SpCampaign          *self,
                                                      gint64               margin_floor);
gint64              sp_campaign_get_default_discount (SpCampaign          *self);
void                sp_campaign_set_default_discount (SpCampaign          *self,
                                                      gint64               default_discount);
const char         *sp_campaign_get_currency         (SpCampaign          *self);
void                sp_campaign_set_currency         (SpCampaign          *self,
                                                      const char          *currency);
gboolean            sp_campaign_get_boost_enabled    (SpCampaign          *self);
void                sp_campaign_set_boost_enabled    (SpCampaign          *self,
                                                      gboolean             boost_enabled);
gint64              sp_campaign_get_boost_weight     (SpCampaign          *self);
void                sp_campaign_set_boost_weight     (SpCampaign          *self,
                                                      gint64               boost_weight);
const char         *sp_campaign_get_boost_category   (SpCampaign          *self);
void                sp_campaign_set_boost_category   (SpCampaign          *self,
                                                      const char          *boost_category);
gint64              sp_campaign_get_version          (SpCampaign          *self);
void                sp_campaign_set_version          (SpCampaign          *self,
                                                      gint64               version);
const char         *sp_campaign_get_created_at       (SpCampaign          *self);
void                sp_campaign_set_created_at       (SpCampaign          *self,
                                                      const char          *created_at);
const char         *sp_campaign_get_updated_at       (SpCampaign          *self);
void                sp_campaign_set_updated_at       (SpCampaign          *self,
                                                      const char          *updated_at);
gboolean            sp_campaign_validate             (SpCampaign          *self,
                                                      GError             **error);
gboolean            sp_campaign_can_transition       (SpCampaignStatus     from,
                                                      SpCampaignStatus     to);
gboolean            sp_campaign_transition           (SpCampaign          *self,
                                                      SpCampaignStatus     to,
                                                      GError             **error);
gboolean            sp_campaign_status_is_editable   (SpCampaignStatus     status);
gboolean            sp_campaign_is_editable          (SpCampaign          *self);

G_END_DECLS
