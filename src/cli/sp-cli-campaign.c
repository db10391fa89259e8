/* sp-cli-campaign.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stock-promotion-cli campaign create --name NAME [--owner O] [--description D] [--json]
 * stock-promotion-cli campaign list [--json]
 * stock-promotion-cli campaign show CAMPAIGN [--json]
 * stock-promotion-cli campaign set-status CAMPAIGN STATUS [--comment TEXT] [--json]
 * stock-promotion-cli campaign scope|discount|set …  (sp-cli-campaign-plan.c)
 *
 * CAMPAIGN is an id, an unambiguous prefix of one, or the exact name.
 */

#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sp-cli-campaign.h"
#include "sp-cli-commands.h"
#include "sp-enum-strings.h"
#include "sp-money.h"

typedef struct
{
  const char       *name;
  const char       *summary;   /* N_() */
  SpCliCommandFunc  func;
} SpCliCampaignCommand;

/* The campaign subcommands, one line each; their code may live in other
 * files (declared in sp-cli-campaign.h). */
static const SpCliCampaignCommand campaign_commands[] = {
  { "create", N_("Create a draft campaign"), sp_cli_campaign_create },
  { "list", N_("List the campaigns"), sp_cli_campaign_list },
  { "show", N_("Show a campaign"), sp_cli_campaign_show },
  { "set-status", N_("Move a campaign to another status of its lifecycle"),
    sp_cli_campaign_set_status },
  { "scope", N_("Change the SKUs, categories and sites of a campaign"), sp_cli_campaign_scope },
  { "discount", N_("Set discounts in the campaign’s price list"), sp_cli_campaign_discount },
  { "set", N_("Set the owner, schedule and targets of a campaign"), sp_cli_campaign_set },
  { "submit", N_("Send a campaign’s plan for approval"), sp_cli_campaign_submit },
  { "approve", N_("Approve a campaign in review, then execute it"), sp_cli_campaign_approve },
  { "reject", N_("Reject a campaign in review, with a comment"), sp_cli_campaign_reject },
};

gboolean
sp_cli_campaign_env_open (SpCliCampaignEnv  *env,
                          SpCliContext      *ctx,
                          GError           **error)
{
  memset (env, 0, sizeof *env);

  if (!(env->store = sp_store_open (ctx->db_path, error)))
    return FALSE;

  env->campaigns = sp_campaign_repository_new (env->store);
  return sp_campaign_repository_load (env->campaigns, error);
}

void
sp_cli_campaign_env_clear (SpCliCampaignEnv *env)
{
  g_clear_object (&env->campaigns);
  g_clear_object (&env->store);
}

/* Returns: (transfer none): the campaign @ref names, or %NULL with @error set */
SpCampaign *
sp_cli_campaign_env_find (SpCliCampaignEnv  *env,
                          const char        *ref,
                          GError           **error)
{
  return sp_campaign_repository_find (env->campaigns, ref, error);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *member,
          const char * const *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

/* Adds the members of a campaign's JSON to the open object of @builder.
 * Percentages are basis points (`…_bp`) beside a display string. */
void
sp_cli_campaign_add_json (JsonBuilder *builder,
                          SpCampaign  *campaign)
{
  g_autofree char *floor = sp_percent_format (sp_campaign_get_margin_floor (campaign));
  g_autofree char *discount = sp_percent_format (sp_campaign_get_default_discount (campaign));

  add_string (builder, "id", sp_campaign_get_id (campaign));
  add_string (builder, "name", sp_campaign_get_name (campaign));
  add_string (builder, "description", sp_campaign_get_description (campaign));
  add_string (builder, "status", sp_campaign_status_to_string (sp_campaign_get_status (campaign)));
  add_string (builder, "origin", sp_campaign_origin_to_string (sp_campaign_get_origin (campaign)));
  add_string (builder, "owner", sp_campaign_get_owner (campaign));
  add_string (builder, "currency", sp_campaign_get_currency (campaign));

  json_builder_set_member_name (builder, "schedule");
  json_builder_begin_object (builder);
  add_string (builder, "start", sp_campaign_get_start_date (campaign));
  add_string (builder, "end", sp_campaign_get_end_date (campaign));
  json_builder_end_object (builder);

  add_strv (builder, "sites", sp_campaign_get_sites (campaign));

  json_builder_set_member_name (builder, "targets");
  json_builder_begin_object (builder);
  add_int (builder, "units_to_clear", sp_campaign_get_units_to_clear (campaign));
  add_string (builder, "target_date", sp_campaign_get_target_date (campaign));
  add_int (builder, "margin_floor_bp", sp_campaign_get_margin_floor (campaign));
  add_string (builder, "margin_floor", floor);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "scope");
  json_builder_begin_object (builder);
  add_strv (builder, "skus", sp_campaign_get_scope_products (campaign));
  add_strv (builder, "categories", sp_campaign_get_scope_categories (campaign));
  json_builder_end_object (builder);

  add_strv (builder, "segments", sp_campaign_get_segments (campaign));

  /* The search and category boost, with the keys of campaigns.params_json. */
  json_builder_set_member_name (builder, "boost");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "enabled");
  json_builder_add_boolean_value (builder, sp_campaign_get_boost_enabled (campaign));
  add_int (builder, "weight", sp_campaign_get_boost_weight (campaign));
  add_string (builder, "clearance_category", sp_campaign_get_boost_category (campaign));
  json_builder_end_object (builder);

  add_int (builder, "default_discount_bp", sp_campaign_get_default_discount (campaign));
  add_string (builder, "default_discount", discount);
  add_int (builder, "version", sp_campaign_get_version (campaign));
  add_string (builder, "created_at", sp_campaign_get_created_at (campaign));
  add_string (builder, "updated_at", sp_campaign_get_updated_at (campaign));
}

void
sp_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static void
print_field (const char *label,
             const char *value)
{
  printf ("%-16s %s\n", label, value != NULL && value[0] != '\0' ? value : "—");
}

static char *
join_or_dash (const char * const *values)
{
  return g_strjoinv (", ", (char **)values);
}

void
sp_cli_campaign_print_text (SpCampaign *campaign)
{
  g_autofree char *sites = join_or_dash (sp_campaign_get_sites (campaign));
  g_autofree char *skus = join_or_dash (sp_campaign_get_scope_products (campaign));
  g_autofree char *categories = join_or_dash (sp_campaign_get_scope_categories (campaign));
  g_autofree char *segments = join_or_dash (sp_campaign_get_segments (campaign));
  g_autofree char *units = g_strdup_printf ("%" G_GINT64_FORMAT,
                                            sp_campaign_get_units_to_clear (campaign));
  g_autofree char *floor = sp_percent_format (sp_campaign_get_margin_floor (campaign));
  g_autofree char *discount = sp_percent_format (sp_campaign_get_default_discount (campaign));
  g_autofree char *schedule = g_strdup_printf ("%s – %s",
                                               sp_campaign_get_start_date (campaign) ?: "?",
                                               sp_campaign_get_end_date (campaign) ?: "?");

  print_field (_("Id:"), sp_campaign_get_id (campaign));
  print_field (_("Name:"), sp_campaign_get_name (campaign));
  print_field (_("Description:"), sp_campaign_get_description (campaign));
  print_field (_("Status:"), sp_campaign_status_to_string (sp_campaign_get_status (campaign)));
  print_field (_("Origin:"), sp_campaign_origin_to_string (sp_campaign_get_origin (campaign)));
  print_field (_("Owner:"), sp_campaign_get_owner (campaign));
  print_field (_("Schedule:"), schedule);
  print_field (_("Sites:"), sites);
  print_field (_("SKUs:"), skus);
  print_field (_("Categories:"), categories);
  print_field (_("Segments:"), segments);
  print_field (_("Units to clear:"), units);
  print_field (_("Target date:"), sp_campaign_get_target_date (campaign));
  print_field (_("Margin floor:"), floor);
  print_field (_("Discount:"), discount);
}

static GOptionContext *
new_option_context (const char         *parameters,
                    const char         *summary,
                    const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

static int
print_campaign (SpCampaign *campaign,
                gboolean    json)
{
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      sp_cli_campaign_add_json (builder, campaign);
      json_builder_end_object (builder);
      sp_cli_print_json (builder);
    }
  else
    sp_cli_campaign_print_text (campaign);

  return 0;
}

int
sp_cli_campaign_create (SpCliContext  *ctx,
                        int            argc,
                        char         **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(SpCliCampaignEnv) env = { NULL, };
  g_autoptr(SpCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;
  const char *command = argv[0];
  g_autofree char *name = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *description = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The campaign’s name"), N_("NAME") },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, N_("Who runs the campaign"), N_("OWNER") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("What the campaign is for"),
      N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the campaign as JSON"), NULL },
    { NULL }
  };

  context = new_option_context ("", _("Create a draft campaign."), entries);
  if (!sp_cli_parse_options (context, &argc, &argv, command))
    return 1;
  if (argc != 1)
    return sp_cli_fail_message (command, "%s", _("unexpected arguments; see --help"));
  if (name == NULL)
    return sp_cli_fail_message (command, "%s", _("--name is required"));

  if (!sp_cli_campaign_env_open (&env, ctx, &error))
    return sp_cli_fail (command, error);

  campaign = sp_campaign_new (name);
  sp_campaign_set_owner (campaign, owner != NULL ? owner : g_get_user_name ());
  sp_campaign_set_description (campaign, description);

  if (!sp_campaign_repository_create (env.campaigns, campaign, &error))
    return sp_cli_fail (command, error);

  if (json)
    return print_campaign (campaign, TRUE);

  printf ("%s\n", sp_campaign_get_id (campaign));
  return 0;
}

int
sp_cli_campaign_list (SpCliContext  *ctx,
                      int            argc,
                      char         **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(SpCliCampaignEnv) env = { NULL, };
  g_autoptr(GError) error = NULL;
  const char *command = argv[0];
  gboolean json = FALSE;
  GListModel *model;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the campaigns as a JSON array"), NULL },
    { NULL }
  };

  context = new_option_context ("", _("List the campaigns, oldest first."), entries);
  if (!sp_cli_parse_options (context, &argc, &argv, command))
    return 1;
  if (argc != 1)
    return sp_cli_fail_message (command, "%s", _("unexpected arguments; see --help"));

  if (!sp_cli_campaign_env_open (&env, ctx, &error))
    return sp_cli_fail (command, error);

  model = sp_campaign_repository_get_campaigns (env.campaigns);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(SpCampaign) campaign = g_list_model_get_item (model, i);

          json_builder_begin_object (builder);
          sp_cli_campaign_add_json (builder, campaign);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      sp_cli_print_json (builder);
      return 0;
    }

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SpCampaign) campaign = g_list_model_get_item (model, i);

      /* The first 8 characters of the id are enough to name it later. */
      printf ("%.8s  %-10s  %-12s  %s\n", sp_campaign_get_id (campaign),
              sp_campaign_status_to_string (sp_campaign_get_status (campaign)),
              sp_campaign_get_owner (campaign) ?: "", sp_campaign_get_name (campaign));
    }

  return 0;
}

/* "approvals": the campaign's review decisions, oldest first. */
static gboolean
add_approvals_json (JsonBuilder       *builder,
                    SpCliCampaignEnv  *env,
                    SpCampaign        *campaign,
                    GError           **error)
{
  g_autoptr(GPtrArray) approvals = NULL;

  if (!(approvals = sp_campaign_repository_load_approvals (env->campaigns, sp_campaign_get_id (campaign),
                                                           error)))
    return FALSE;

  json_builder_set_member_name (builder, "approvals");
  json_builder_begin_array (builder);
  for (guint i = 0; i < approvals->len; i++)
    {
      SpApproval *approval = g_ptr_array_index (approvals, i);

      json_builder_begin_object (builder);
      add_string (builder, "decision",
                         sp_approval_decision_to_string (sp_approval_get_decision (approval)));
      add_string (builder, "comment", sp_approval_get_comment (approval));
      add_string (builder, "actor", sp_approval_get_actor (approval));
      add_string (builder, "decided_at", sp_approval_get_decided_at (approval));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return TRUE;
}

int
sp_cli_campaign_show (SpCliContext  *ctx,
                      int            argc,
                      char         **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(SpCliCampaignEnv) env = { NULL, };
  g_autoptr(GError) error = NULL;
  const char *command = argv[0];
  gboolean json = FALSE;
  SpCampaign *campaign;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the campaign as JSON"), NULL },
    { NULL }
  };

  context = new_option_context (_("CAMPAIGN"), _("Show a campaign (by id, id prefix or name)."),
                                entries);
  if (!sp_cli_parse_options (context, &argc, &argv, command))
    return 1;
  if (argc != 2)
    return sp_cli_fail_message (command, "%s", _("expected one CAMPAIGN; see --help"));

  if (!sp_cli_campaign_env_open (&env, ctx, &error) ||
      !(campaign = sp_cli_campaign_env_find (&env, argv[1], &error)))
    return sp_cli_fail (command, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      sp_cli_campaign_add_json (builder, campaign);
      if (!sp_cli_campaign_add_plan_json (builder, &env, campaign, &error) ||
          !add_approvals_json (builder, &env, campaign, &error))
        return sp_cli_fail (command, error);
      json_builder_end_object (builder);
      sp_cli_print_json (builder);
      return 0;
    }

  sp_cli_campaign_print_text (campaign);
  if (!sp_cli_campaign_print_plan (&env, campaign, &error))
    return sp_cli_fail (command, error);

  return 0;
}

static char *
list_statuses (void)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (int i = SP_CAMPAIGN_STATUS_DRAFT; i <= SP_CAMPAIGN_STATUS_FAILED; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", sp_campaign_status_to_string (i));

  return g_string_free (g_steal_pointer (&names), FALSE);
}

int
sp_cli_campaign_set_status (SpCliContext  *ctx,
                            int            argc,
                            char         **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(SpCliCampaignEnv) env = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autofree char *comment = NULL;
  const char *command = argv[0];
  SpCampaignStatus status;
  gboolean json = FALSE;
  SpCampaign *campaign;
  const GOptionEntry entries[] = {
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment,
      N_("A comment for the approval history"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the campaign as JSON"), NULL },
    { NULL }
  };

  context = new_option_context (_("CAMPAIGN STATUS"),
                                _("Move a campaign to STATUS, if its lifecycle allows it."),
                                entries);
  if (!sp_cli_parse_options (context, &argc, &argv, command))
    return 1;
  if (argc != 3)
    return sp_cli_fail_message (command, "%s", _("expected CAMPAIGN and STATUS; see --help"));

  if (!sp_campaign_status_from_string (argv[2], &status))
    {
      g_autofree char *statuses = list_statuses ();

      /* Translators: %1$s is what the user typed, %2$s the list of statuses */
      return sp_cli_fail_message (command, _("unknown status “%1$s” (one of %2$s)"), argv[2],
                                  statuses);
    }

  if (!sp_cli_campaign_env_open (&env, ctx, &error) ||
      !(campaign = sp_cli_campaign_env_find (&env, argv[1], &error)) ||
      !sp_campaign_repository_transition (env.campaigns, campaign, status, comment, &error))
    return sp_cli_fail (command, error);

  if (json)
    return print_campaign (campaign, TRUE);

  printf ("%s %s\n", sp_campaign_get_id (campaign), sp_campaign_status_to_string (status));
  return 0;
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: stock-promotion-cli [--db PATH] campaign COMMAND [OPTIONS…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (campaign_commands); i++)
    fprintf (out, "  %-12s %s\n", campaign_commands[i].name, _(campaign_commands[i].summary));
  fprintf (out, "\n%s\n", _("CAMPAIGN is an id, an unambiguous prefix of one, or the exact name."));
}

int
sp_cli_campaign_main (SpCliContext  *ctx,
                      int            argc,
                      char         **argv)
{
  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (campaign_commands); i++)
    {
      if (strcmp (argv[1], campaign_commands[i].name) == 0)
        {
          g_autofree char *command = g_strdup_printf ("campaign %s", argv[1]);
          g_autofree char **sub_argv = g_new0 (char *, argc);

          /* The subcommand sees itself as argv[0], as main.c does it. */
          sub_argv[0] = command;
          for (int j = 2; j < argc; j++)
            sub_argv[j - 1] = argv[j];

          return campaign_commands[i].func (ctx, argc - 1, sub_argv);
        }
    }

  /* Translators: %s is what the user typed after “campaign” */
  return sp_cli_fail_message ("campaign", _("unknown command “%s”; see --help"), argv[1]);
}
