/* sp-cli-run.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stock-promotion-cli run CAMPAIGN [--stream planning|approval|execution|ending]
 *                         [--dry-run] [--resume] [--hold-failed]
 *                         [--retry-step STEP | --skip-step STEP]
 */

#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "sp-cli-commands.h"
#include "sp-cli-run.h"
#include "sp-credentials.h"
#include "sp-flow-error.h"
#include "sp-platform-config.h"
#include "sp-run-store.h"
#include "sp-sandbox-server.h"

#define SANDBOX_TENANT     "stockdemo"
#define SANDBOX_CLIENT_ID  "stock-promotion-demo"
#define DRY_RUN_URL        "https://api.emporix.io"

typedef struct
{
  GMainLoop    *loop;
  GCancellable *cancellable;
  GAsyncResult *result;
  gboolean      quiet;
} Wait;

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

static gboolean
interrupted_cb (gpointer user_data)
{
  Wait *wait = user_data;

  g_cancellable_cancel (wait->cancellable);
  return G_SOURCE_CONTINUE;
}

/* Spins the loop until the pending async call reports. */
static GAsyncResult *
wait_for (Wait *wait)
{
  g_clear_object (&wait->result);
  while (wait->result == NULL)
    g_main_loop_run (wait->loop);
  return wait->result;
}

static void
stream_started_cb (SpRunner   *runner,
                   const char *stream,
                   const char *run_id,
                   gboolean    resumed,
                   Wait       *wait)
{
  if (wait->quiet)
    return;

  if (run_id == NULL)
    printf ("%-10s %s\n", stream, _("dry run: nothing is sent or stored"));
  else if (resumed)
    /* Translators: %s is a run id */
    printf ("%-10s %s\n", stream, _("resuming the stopped run"));
  else
    printf ("%-10s %s\n", stream, _("started"));
  fflush (stdout);
}

static void
step_changed_cb (SpRunner   *runner,
                 const char *stream,
                 const char *step,
                 guint       state,
                 const char *reason,
                 Wait       *wait)
{
  if (wait->quiet)
    return;

  if (reason != NULL && reason[0] != '\0')
    printf ("%-10s %-16s %-8s %s\n", stream, step, sp_step_state_to_string (state), reason);
  else
    printf ("%-10s %-16s %s\n", stream, step, sp_step_state_to_string (state));
  fflush (stdout);
}

static void
request_cb (SpRunner   *runner,
            const char *step,
            const char *method,
            const char *uri,
            const char *body,
            Wait       *wait)
{
  printf ("%s %s\n", method, uri);
  if (body != NULL)
    printf ("%s\n", body);
  printf ("\n");
}

typedef struct
{
  SpSandboxServer    *sandbox;
  SpHttpClient       *client;
  SpEmporixConnector *connector;
} Platform;

static void
platform_clear (Platform *platform)
{
  g_clear_object (&platform->connector);
  g_clear_object (&platform->client);
  if (platform->sandbox != NULL)
    sp_sandbox_server_stop (platform->sandbox);
  g_clear_object (&platform->sandbox);
}

static void
add_member (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

/* The sandbox stands in for the platform, which knows the workspace's
 * customers: the campaign's companies become legal entities there, each
 * with one contact and one location, so that company prices, coupons and
 * quotes (MAPPING.md §4, §5) have companies to name. */
static gboolean
seed_companies (SpSandboxServer  *sandbox,
                SpRunStore       *store,
                const char       *campaign_id,
                GError          **error)
{
  g_autoptr(SpRunInput) input = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  static const char * const kinds[] = { "legal-entity", "contact-assignment", "location" };

  if (!(input = sp_run_store_load_input (store, campaign_id, error)))
    return FALSE;
  for (guint i = 0; i < input->companies->len; i++)
    g_ptr_array_add (codes, ((SpRunCompany *)g_ptr_array_index (input->companies, i))->code);
  for (guint i = 0; i < input->quotes->len; i++)
    g_ptr_array_add (codes, ((SpRunQuote *)g_ptr_array_index (input->quotes, i))->company_code);
  if (codes->len == 0)
    return TRUE;

  json_builder_begin_object (builder);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_hash_table_remove_all (seen);
      json_builder_set_member_name (builder, kinds[k]);
      json_builder_begin_array (builder);
      for (guint i = 0; i < codes->len; i++)
        {
          const char *code = g_ptr_array_index (codes, i);
          g_autofree char *location = g_strdup_printf ("loc-%s", code);
          g_autofree char *contact = g_strdup_printf ("ca-%s", code);
          g_autofree char *customer = g_strdup_printf ("C-%s", code);
          const char *name = code;

          if (code == NULL || !g_hash_table_add (seen, (gpointer)code))
            continue;
          for (guint j = 0; j < input->companies->len; j++)
            if (g_strcmp0 (((SpRunCompany *)g_ptr_array_index (input->companies, j))->code, code) == 0)
              name = ((SpRunCompany *)g_ptr_array_index (input->companies, j))->name;

          json_builder_begin_object (builder);
          if (k == 0)
            {
              add_member (builder, "id", code);
              add_member (builder, "name", name);
              add_member (builder, "type", "COMPANY");
              json_builder_set_member_name (builder, "entitiesAddresses");
              json_builder_begin_array (builder);
              json_builder_begin_object (builder);
              add_member (builder, "id", location);
              json_builder_end_object (builder);
              json_builder_end_array (builder);
            }
          else if (k == 1)
            {
              add_member (builder, "id", contact);
              json_builder_set_member_name (builder, "legalEntity");
              json_builder_begin_object (builder);
              add_member (builder, "id", code);
              add_member (builder, "name", name);
              json_builder_end_object (builder);
              json_builder_set_member_name (builder, "customer");
              json_builder_begin_object (builder);
              add_member (builder, "id", customer);
              json_builder_end_object (builder);
              add_member (builder, "type", "BILLING");
              json_builder_set_member_name (builder, "primary");
              json_builder_add_boolean_value (builder, TRUE);
            }
          else
            {
              add_member (builder, "id", location);
              add_member (builder, "legalEntityId", code);
              add_member (builder, "name", name);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  return sp_sandbox_server_seed (sandbox, json, error);
}

/* The configured platform, or else the sandbox, started in-process with its
 * state next to the workspace so that a resumed run finds its objects. */
static gboolean
open_platform (SpCliContext  *ctx,
               SpRunStore    *store,
               const char    *campaign_id,
               gboolean       dry_run,
               Wait          *wait,
               Platform      *platform,
               GError       **error)
{
  g_autoptr(SpPlatformConfig) config = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *content_token = NULL;

  if (!(config = sp_platform_config_load (store, error)))
    return FALSE;

  platform->client = sp_http_client_new ();

  if (config->url == NULL && dry_run)
    {
      config->url = g_strdup (DRY_RUN_URL);
      config->tenant = g_strdup (SANDBOX_TENANT);
      config->client_id = g_strdup (SANDBOX_CLIENT_ID);
    }
  else if (config->url == NULL)
    {
      g_autofree char *dir = g_path_get_dirname (ctx->db_path);
      g_autofree char *state = g_build_filename (dir, "sandbox", NULL);
      g_autofree char *base = NULL;

      platform->sandbox = sp_sandbox_server_new (state);
      if (!sp_sandbox_server_start (platform->sandbox, 0, error) ||
          !seed_companies (platform->sandbox, store, campaign_id, error))
        return FALSE;

      base = g_strdup (sp_sandbox_server_get_uri (platform->sandbox));
      if (g_str_has_suffix (base, "/"))
        base[strlen (base) - 1] = '\0';
      config->url = g_strdup (base);
      config->tenant = g_strdup (SANDBOX_TENANT);
      config->client_id = g_strdup (SANDBOX_CLIENT_ID);
      config->content_url = g_strdup_printf ("%s/content", base);
      secret = g_strdup (sp_sandbox_server_get_client_secret (platform->sandbox) ?
                         sp_sandbox_server_get_client_secret (platform->sandbox) : "sandbox");
      content_token = g_strdup ("sandbox");
      if (!wait->quiet)
        printf ("%-10s %s %s\n", "platform", _("no platform configured; using the local sandbox at"), base);
    }
  else if (!dry_run)
    {
      g_autofree char *account = sp_platform_config_account (config);

      sp_credentials_lookup_async ("platform", account, wait->cancellable, wait_cb, wait);
      if (!(secret = sp_credentials_lookup_finish (wait_for (wait), error)))
        return FALSE;

      if (config->content_url != NULL)
        {
          sp_credentials_lookup_async ("content", config->content_url, wait->cancellable, wait_cb, wait);
          /* A content platform without a token is allowed; it may be open. */
          content_token = sp_credentials_lookup_finish (wait_for (wait), NULL);
        }
    }

  platform->connector = sp_platform_config_connect (config, platform->client, secret, content_token);
  return TRUE;
}

int
sp_cli_run_stream (SpCliContext          *ctx,
                   const SpCliRunOptions *options)
{
  g_autoptr(SpRunStore) store = sp_run_store_new (ctx->db_path);
  g_autoptr(SpRunner) runner = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *name = NULL;
  Platform platform = { NULL, };
  Wait wait = { NULL, };
  guint sigint, sigterm;
  int exit_status = 0;

  wait.loop = g_main_loop_new (NULL, FALSE);
  wait.cancellable = g_cancellable_new ();
  wait.quiet = options->quiet;
  sigint = g_unix_signal_add (SIGINT, interrupted_cb, &wait);
  sigterm = g_unix_signal_add (SIGTERM, interrupted_cb, &wait);

  if (!open_platform (ctx, store, options->campaign_id, options->dry_run, &wait, &platform, &error))
    {
      exit_status = sp_cli_fail (options->command, error);
      goto out;
    }

  runner = sp_runner_new (ctx->db_path, SP_STEP_EXECUTOR (platform.connector));
  sp_runner_set_dry_run (runner, options->dry_run);
  sp_runner_set_max_concurrency (runner, options->concurrency ? options->concurrency : 2);
  g_signal_connect (runner, "stream-started", G_CALLBACK (stream_started_cb), &wait);
  g_signal_connect (runner, "step-changed", G_CALLBACK (step_changed_cb), &wait);
  if (options->dry_run)
    g_signal_connect (runner, "request", G_CALLBACK (request_cb), &wait);

  if (options->retry_step != NULL)
    sp_runner_retry_step_async (runner, options->campaign_id, options->retry_step, options->flags,
                                wait.cancellable, wait_cb, &wait);
  else if (options->skip_step != NULL)
    sp_runner_skip_step_async (runner, options->campaign_id, options->skip_step, options->flags,
                               wait.cancellable, wait_cb, &wait);
  else
    sp_runner_run_async (runner, options->campaign_id, options->stream, options->flags,
                         wait.cancellable, wait_cb, &wait);
  if (!(options->retry_step != NULL ? sp_runner_retry_step_finish (runner, wait_for (&wait), &error) :
        options->skip_step != NULL ? sp_runner_skip_step_finish (runner, wait_for (&wait), &error) :
        sp_runner_run_finish (runner, wait_for (&wait), &error)))
    {
      if (options->expected_domain == 0 ||
          !g_error_matches (error, options->expected_domain, options->expected_code))
        {
          exit_status = sp_cli_fail (options->command, error);
          goto out;
        }
      if (!options->quiet)
        printf ("%s\n", error->message);
    }

  if (!options->dry_run && !options->quiet &&
      (status = sp_run_store_get_status (store, options->campaign_id, NULL)) != NULL)
    {
      /* Translators: %s is the campaign's new lifecycle status */
      printf (_("Campaign is now %s.\n"), status);
    }

out:
  platform_clear (&platform);
  g_source_remove (sigint);
  g_source_remove (sigterm);
  g_clear_object (&wait.result);
  g_clear_object (&wait.cancellable);
  g_main_loop_unref (wait.loop);
  return exit_status;
}

int
sp_cli_run_main (SpCliContext  *ctx,
                 int            argc,
                 char         **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SpRunStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stream_name = NULL;
  g_autofree char *campaign_id = NULL;
  g_autofree char *status = NULL;
  gboolean dry_run = FALSE;
  gboolean resume = FALSE;
  gboolean hold_failed = FALSE;
  g_autofree char *retry_step = NULL;
  g_autofree char *skip_step = NULL;
  int concurrency = 2;
  const SpStream *stream;
  SpCliRunOptions options = { "run", };
  GOptionEntry entries[] = {
    { "stream", 's', 0, G_OPTION_ARG_STRING, &stream_name,
      N_("Run only this stream: planning, approval, execution or ending"), N_("STREAM") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Print the requests instead of sending them"), NULL },
    { "resume", 'r', 0, G_OPTION_ARG_NONE, &resume, N_("Continue the stopped run of the campaign"), NULL },
    { "concurrency", 'j', 0, G_OPTION_ARG_INT, &concurrency, N_("Steps that may run at once (1–16)"), N_("N") },
    { "hold-failed", 0, 0, G_OPTION_ARG_NONE, &hold_failed,
      N_("Stop at a failed optional step instead of skipping it"), NULL },
    { "retry-step", 0, 0, G_OPTION_ARG_STRING, &retry_step,
      N_("Run this failed step of the stopped run again, then go on"), N_("STEP") },
    { "skip-step", 0, 0, G_OPTION_ARG_STRING, &skip_step,
      N_("Skip this failed optional step of the stopped run, then go on"), N_("STEP") },
    { NULL }
  };

  context = g_option_context_new (_("CAMPAIGN — run the campaign's value streams"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sp_cli_parse_options (context, &argc, &argv, "run"))
    return 1;

  if (argc != 2)
    return sp_cli_fail_message ("run", "%s", _("give exactly one campaign (id or name)"));

  if (retry_step != NULL && skip_step != NULL)
    return sp_cli_fail_message ("run", "%s", _("give --retry-step or --skip-step, not both"));
  if ((retry_step != NULL || skip_step != NULL) && dry_run)
    return sp_cli_fail_message ("run", "%s", _("a step cannot be retried or skipped in a dry run"));

  store = sp_run_store_new (ctx->db_path);
  if (!(campaign_id = sp_run_store_resolve_campaign (store, argv[1], &error)) ||
      !(status = sp_run_store_get_status (store, campaign_id, &error)))
    return sp_cli_fail ("run", error);

  if (stream_name != NULL)
    {
      if (!(stream = sp_stream_lookup (stream_name)))
        return sp_cli_fail_message ("run", _("unknown stream “%s”; use planning, approval, execution or ending"),
                                    stream_name);
    }
  else if (retry_step != NULL || skip_step != NULL)
    stream = sp_stream_get (SP_STREAM_EXECUTION);   /* the runner finds the step's stream */
  else if (!(stream = sp_stream_for_status (status)))
    {
      if (g_str_equal (status, "live") && !resume)
        {
          printf (_("Campaign is live; nothing to run.\n"));
          return 0;
        }
      return sp_cli_fail_message ("run", _("the campaign is %s; no stream takes it further"), status);
    }

  options.campaign_id = campaign_id;
  options.stream = stream->kind;
  options.flags = (stream_name == NULL ? SP_RUN_FLAGS_CHAIN : 0) | (resume ? SP_RUN_FLAGS_RESUME_ONLY : 0) |
                  (hold_failed ? SP_RUN_FLAGS_HOLD_FAILED : 0);
  options.retry_step = retry_step;
  options.skip_step = skip_step;
  options.dry_run = dry_run;
  options.concurrency = CLAMP (concurrency, 1, 16);
  return sp_cli_run_stream (ctx, &options);
}
