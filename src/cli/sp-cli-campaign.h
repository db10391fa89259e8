/* sp-cli-campaign.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the `campaign` subcommands share. Each subcommand is an
 * SpCliCommandFunc that gets argv[0] = "campaign <name>"; to add one, write
 * the function in its own file, declare it below and add one line to the
 * table in sp-cli-campaign.c.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sp-campaign-repository.h"
#include "sp-cli.h"

G_BEGIN_DECLS

/* The workspace a campaign subcommand works on: the store and its
 * campaigns, loaded. */
typedef struct
{
  SpStore              *store;       /* owned */
  SpCampaignRepository *campaigns;   /* owned; loaded */
} SpCliCampaignEnv;

gboolean     sp_cli_campaign_env_open     (SpCliCampaignEnv  *env,
                                           SpCliContext      *ctx,
                                           GError           **error);
void         sp_cli_campaign_env_clear    (SpCliCampaignEnv  *env);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpCliCampaignEnv, sp_cli_campaign_env_clear)

SpCampaign  *sp_cli_campaign_env_find     (SpCliCampaignEnv  *env,
                                           const char        *ref,
                                           GError           **error);
void         sp_cli_campaign_add_json     (JsonBuilder       *builder,
                                           SpCampaign        *campaign);
void         sp_cli_print_json            (JsonBuilder       *builder);
void         sp_cli_campaign_print_text   (SpCampaign        *campaign);
gboolean     sp_cli_campaign_add_plan_json (JsonBuilder      *builder,
                                            SpCliCampaignEnv *env,
                                            SpCampaign       *campaign,
                                            GError          **error);
gboolean     sp_cli_campaign_print_plan   (SpCliCampaignEnv  *env,
                                           SpCampaign        *campaign,
                                           GError           **error);

/* The subcommands. */
int sp_cli_campaign_create     (SpCliContext *ctx, int argc, char **argv);
int sp_cli_campaign_list       (SpCliContext *ctx, int argc, char **argv);
int sp_cli_campaign_show       (SpCliContext *ctx, int argc, char **argv);
int sp_cli_campaign_set_status (SpCliContext *ctx, int argc, char **argv);
int sp_cli_campaign_scope      (SpCliContext *ctx, int argc, char **argv);
int sp_cli_campaign_discount   (SpCliContext *ctx, int argc, char **argv);
int sp_cli_campaign_set        (SpCliContext *ctx, int argc, char **argv);

G_END_DECLS
