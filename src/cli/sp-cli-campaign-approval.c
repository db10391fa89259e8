/* sp-cli-campaign-approval.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stock-promotion-cli campaign submit CAMPAIGN [--comment TEXT]
 * stock-promotion-cli campaign approve CAMPAIGN --comment TEXT [--no-execute]
 * stock-promotion-cli campaign reject CAMPAIGN --comment TEXT
 *
 * The decision is recorded, then the approval stream runs: it makes the
 * lifecycle change, and an approval triggers the execution stream.
 */

#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sp-cli-commands.h"
#include "sp-cli-run.h"
#include "sp-flow-error.h"
#include "sp-run-store.h"

typedef enum
{
  DECISION_SUBMIT,
  DECISION_APPROVE,
  DECISION_REJECT,
} Decision;

static int
decide (SpCliContext  *ctx,
        int            argc,
        char         **argv,
        Decision       decision)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SpRunStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *campaign_id = NULL;
  g_autofree char *status = NULL;
  gboolean no_execute = FALSE;
  const char *command = argv[0];
  const SpStream *stream;
  SpCliRunOptions options = { command, };
  GOptionEntry entries[] = {
    { "comment", 'm', 0, G_OPTION_ARG_STRING, &comment, N_("Why; kept with the decision"), N_("TEXT") },
    { "no-execute", 0, decision == DECISION_APPROVE ? 0 : G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE,
      &no_execute, N_("Only approve; run the execution later"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("CAMPAIGN"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sp_cli_parse_options (context, &argc, &argv, command))
    return 1;

  if (argc != 2)
    return sp_cli_fail_message (command, "%s", _("give exactly one campaign (id or name)"));
  if (decision != DECISION_SUBMIT && (comment == NULL || comment[0] == '\0'))
    return sp_cli_fail_message (command, "%s", _("--comment is required for a decision"));

  store = sp_run_store_new (ctx->db_path);
  if (!(campaign_id = sp_run_store_resolve_campaign (store, argv[1], &error)) ||
      !(status = sp_run_store_get_status (store, campaign_id, &error)))
    return sp_cli_fail (command, error);

  stream = sp_stream_for_status (status);
  if (decision == DECISION_SUBMIT)
    {
      if (stream == NULL || (stream->kind != SP_STREAM_PLANNING && stream->kind != SP_STREAM_APPROVAL))
        return sp_cli_fail_message (command, _("the campaign is %s; only a draft or planned campaign can be submitted"),
                                    status);
      if (!sp_run_store_record_decision (store, campaign_id, "submitted", comment, g_get_user_name (), &error))
        return sp_cli_fail (command, error);
      /* Submitting ends waiting for a person, unless the workspace
       * requires no approval; then it goes on to live. */
      options.stream = stream->kind;
      options.flags = SP_RUN_FLAGS_CHAIN;
      options.expected_domain = SP_FLOW_ERROR;
      options.expected_code = SP_FLOW_ERROR_WAITING;
    }
  else
    {
      if (!g_str_equal (status, "in_review"))
        return sp_cli_fail_message (command, _("the campaign is %s; only a campaign in review can be decided"),
                                    status);
      if (!sp_run_store_record_decision (store, campaign_id,
                                         decision == DECISION_APPROVE ? "approved" : "rejected",
                                         comment, g_get_user_name (), &error))
        return sp_cli_fail (command, error);
      options.stream = SP_STREAM_APPROVAL;
      options.flags = decision == DECISION_APPROVE && !no_execute ? SP_RUN_FLAGS_CHAIN : 0;
      if (decision == DECISION_REJECT)
        {
          options.expected_domain = SP_FLOW_ERROR;
          options.expected_code = SP_FLOW_ERROR_STEP_FAILED;
        }
    }

  options.campaign_id = campaign_id;
  options.concurrency = 2;
  return sp_cli_run_stream (ctx, &options);
}

int
sp_cli_campaign_submit (SpCliContext  *ctx,
                        int            argc,
                        char         **argv)
{
  return decide (ctx, argc, argv, DECISION_SUBMIT);
}

int
sp_cli_campaign_approve (SpCliContext  *ctx,
                         int            argc,
                         char         **argv)
{
  return decide (ctx, argc, argv, DECISION_APPROVE);
}

int
sp_cli_campaign_reject (SpCliContext  *ctx,
                        int            argc,
                        char         **argv)
{
  return decide (ctx, argc, argv, DECISION_REJECT);
}
