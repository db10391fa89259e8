/* sp-cli-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stock-promotion-cli plan CAMPAIGN [--apply] [--max-discount PCT] [--step PCT]
 *                                   [--elasticity E] [--json]
 *
 * Drafts a clearance plan with the planner (sp-planner.h) and prints it; with
 * --apply, writes its scope and discounts into the campaign (sp-plan-apply.h).
 */

#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sp-catalog-repository.h"
#include "sp-cli-campaign.h"
#include "sp-cli-commands.h"
#include "sp-date.h"
#include "sp-enum-strings.h"
#include "sp-money.h"
#include "sp-plan-apply.h"
#include "sp-planner.h"

/* How many skipped SKUs the text output names per reason. */
#define SKIPPED_SHOWN 5

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
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
add_bool (JsonBuilder *builder,
          const char  *member,
          gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

/* An amount as minor units and as text ("12.34"). */
static void
add_money (JsonBuilder *builder,
           const char  *member,
           gint64       minor)
{
  g_autofree char *text = sp_money_format (minor);
  g_autofree char *text_member = g_strconcat (member, "_text", NULL);

  add_int (builder, member, minor);
  add_string (builder, text_member, text);
}

/* Basis points as an integer and as a percentage ("12.5%"). */
static void
add_percent (JsonBuilder *builder,
             const char  *member,
             gint64       bp)
{
  g_autofree char *text = sp_percent_format (bp);
  g_autofree char *bp_member = g_strconcat (member, "_bp", NULL);

  add_int (builder, bp_member, bp);
  add_string (builder, member, text);
}

static void
add_line_json (JsonBuilder   *builder,
               SpPlannerLine *line)
{
  json_builder_begin_object (builder);
  add_string (builder, "sku", line->sku);
  add_string (builder, "name", line->name);
  add_int (builder, "stock_on_hand", line->stock_on_hand);
  add_int (builder, "avg_daily_sales_x100", line->avg_daily_sales);
  add_int (builder, "days_of_cover", line->days_of_cover);
  add_int (builder, "need", line->need);
  add_percent (builder, "discount", line->discount_bp);
  add_int (builder, "floor_discount_bp", line->floor_discount_bp);
  add_money (builder, "old_price", line->old_price);
  add_money (builder, "new_price", line->new_price);
  add_money (builder, "cost", line->cost);
  add_percent (builder, "margin", line->margin_bp);
  add_int (builder, "units_cleared", line->units_cleared);

  json_builder_set_member_name (builder, "flags");
  json_builder_begin_array (builder);
  for (guint f = 0; f < SP_PLANNER_N_FLAGS; f++)
    if (line->flags & (1 << f))
      json_builder_add_string_value (builder, sp_planner_flag_to_string (1 << f));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_array (builder);
  for (guint f = 0; f < SP_PLANNER_N_FLAGS; f++)
    if (line->flags & (1 << f))
      json_builder_add_string_value (builder, sp_planner_flag_describe (1 << f));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_model_json (JsonBuilder     *builder,
                SpPlannerResult *result)
{
  const SpPlannerConstraints *c = &result->constraints;

  json_builder_set_member_name (builder, "model");
  json_builder_begin_object (builder);
  add_string (builder, "demand", "linear price elasticity: daily sales × (1 + E × discount); "
                                 "see sp-planner.h");
  add_int (builder, "elasticity_x100", c->elasticity_x100);
  add_int (builder, "days", result->days);
  add_percent (builder, "max_discount", c->max_discount_bp);
  add_percent (builder, "step", c->step_bp);
  add_int (builder, "overstock_days", c->overstock_days);
  add_int (builder, "target_cover_days", c->target_cover_days);
  json_builder_end_object (builder);
}

static void
add_totals_json (JsonBuilder     *builder,
                 SpPlannerResult *result)
{
  SpCampaignPlan *plan = result->plan;

  json_builder_set_member_name (builder, "totals");
  json_builder_begin_object (builder);
  add_string (builder, "currency", plan->currency);
  add_int (builder, "skus", result->lines->len);
  add_int (builder, "stock_in_scope", plan->stock_in_scope);
  add_int (builder, "need", result->need);
  add_int (builder, "units_to_clear", plan->units_to_clear);
  add_int (builder, "units_cleared", result->units_cleared);
  add_int (builder, "baseline_units", plan->baseline_units);
  add_money (builder, "revenue", result->revenue);
  add_money (builder, "margin", result->margin);
  add_percent (builder, "margin_percent", result->margin_bp);
  add_bool (builder, "target_met", result->target_met);
  add_int (builder, "skus_below_margin_floor", plan->n_below_floor);
  for (guint f = 0; f < SP_PLANNER_N_FLAGS; f++)
    add_int (builder, sp_planner_flag_to_string (1 << f), result->n_flagged[f]);
  json_builder_end_object (builder);
}

static void
print_json (SpCampaign      *campaign,
            SpPlannerResult *result,
            gboolean         applied)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "campaign");
  json_builder_begin_object (builder);
  add_string (builder, "id", sp_campaign_get_id (campaign));
  add_string (builder, "name", sp_campaign_get_name (campaign));
  add_string (builder, "status", sp_campaign_status_to_string (sp_campaign_get_status (campaign)));
  add_percent (builder, "margin_floor", sp_campaign_get_margin_floor (campaign));
  json_builder_end_object (builder);
  add_bool (builder, "applied", applied);
  add_model_json (builder, result);

  json_builder_set_member_name (builder, "lines");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->lines->len; i++)
    add_line_json (builder, g_ptr_array_index (result->lines, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "skipped");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->skipped->len; i++)
    {
      SpPlannerSkip *skip = g_ptr_array_index (result->skipped, i);

      json_builder_begin_object (builder);
      add_string (builder, "sku", skip->sku);
      add_string (builder, "reason", skip->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_totals_json (builder, result);
  json_builder_end_object (builder);
  sp_cli_print_json (builder);
}

static char *
join_reasons (SpPlannerFlags flags)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new ();

  for (guint f = 0; f < SP_PLANNER_N_FLAGS; f++)
    if (flags & (1 << f))
      g_ptr_array_add (reasons, (gpointer)sp_planner_flag_describe (1 << f));
  g_ptr_array_add (reasons, NULL);

  return g_strjoinv ("; ", (char **)reasons->pdata);
}

/* The skipped SKUs, one line per reason with the first few SKUs: a scope
 * of whole categories can leave out hundreds (--json lists them all). */
static void
print_skipped (SpPlannerResult *result)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new ();

  for (guint i = 0; i < result->skipped->len; i++)
    {
      SpPlannerSkip *skip = g_ptr_array_index (result->skipped, i);

      if (!g_ptr_array_find_with_equal_func (reasons, skip->reason, g_str_equal, NULL))
        g_ptr_array_add (reasons, skip->reason);
    }

  for (guint r = 0; r < reasons->len; r++)
    {
      const char *reason = g_ptr_array_index (reasons, r);
      g_autoptr(GString) skus = g_string_new (NULL);
      guint n = 0;

      for (guint i = 0; i < result->skipped->len; i++)
        {
          SpPlannerSkip *skip = g_ptr_array_index (result->skipped, i);

          if (g_strcmp0 (skip->reason, reason) != 0)
            continue;
          if (n < SKIPPED_SHOWN)
            g_string_append_printf (skus, "%s%s", n > 0 ? ", " : "", skip->sku);
          else if (n == SKIPPED_SHOWN)
            g_string_append (skus, ", …");
          n++;
        }

      /* Translators: %1$s is why SKUs were left out, %2$u how many, %3$s a list of SKUs */
      printf (g_dngettext (GETTEXT_PACKAGE, "skipped, %1$s: %2$u SKU (%3$s)\n",
                           "skipped, %1$s: %2$u SKUs (%3$s)\n", n), reason, n, skus->str);
    }
}

static void
print_text (SpCampaign      *campaign,
            SpPlannerResult *result,
            gboolean         applied)
{
  SpCampaignPlan *plan = result->plan;
  g_autofree char *revenue = sp_money_format_with_currency (result->revenue, plan->currency);
  g_autofree char *margin = sp_money_format_with_currency (result->margin, plan->currency);
  g_autofree char *margin_bp = sp_percent_format (result->margin_bp);

  /* Translators: %1$s is a campaign name, %2$… a number of days */
  printf (_("Plan for “%1$s” over %2$" G_GINT64_FORMAT " days\n\n"), sp_campaign_get_name (campaign), result->days);
  printf ("%-14s %7s %7s %7s %10s %10s %8s %7s  %s\n", _("SKU"), _("Stock"), _("Need"), _("Disc."),
          _("Old"), _("New"), _("Margin"), _("Units"), _("Reason"));

  for (guint i = 0; i < result->lines->len; i++)
    {
      SpPlannerLine *line = g_ptr_array_index (result->lines, i);
      g_autofree char *discount = sp_percent_format (line->discount_bp);
      g_autofree char *old_price = sp_money_format (line->old_price);
      g_autofree char *new_price = sp_money_format (line->new_price);
      g_autofree char *line_margin = sp_percent_format (line->margin_bp);
      g_autofree char *reasons = join_reasons (line->flags);

      printf ("%-14s %7" G_GINT64_FORMAT " %7" G_GINT64_FORMAT " %7s %10s %10s %8s %7" G_GINT64_FORMAT "  %s\n",
              line->sku, line->stock_on_hand, line->need, discount, old_price, new_price, line_margin,
              line->units_cleared, reasons);
    }

  print_skipped (result);

  /* Translators: the summary of a drafted plan; %1$… are numbers and amounts */
  printf (_("\n%1$" G_GINT64_FORMAT " units cleared of %2$" G_GINT64_FORMAT " to clear (SKU needs %3$"
            G_GINT64_FORMAT "); revenue %4$s, margin %5$s (%6$s)\n"),
          result->units_cleared, plan->units_to_clear, result->need, revenue, margin, margin_bp);

  if (applied)
    printf (g_dngettext (GETTEXT_PACKAGE, "Applied: %u SKU in scope, price list written\n",
                         "Applied: %u SKUs in scope, price list written\n", result->lines->len),
            result->lines->len);
}

/* Parses a decimal option given in hundredths ("5" → 500, "2.5" → 250). */
static gboolean
parse_hundredths (const char  *option,
                  const char  *value,
                  gint64      *out,
                  GError     **error)
{
  if (value == NULL)
    return TRUE;
  if (sp_percent_parse (value, out, error))
    return TRUE;

  g_prefix_error (error, "%s: ", option);
  return FALSE;
}

static gboolean
draft_plan (SpCliCampaignEnv     *env,
            SpCampaign           *campaign,
            SpPlannerConstraints *constraints,
            SpPlannerResult     **out,
            GError              **error)
{
  g_autoptr(SpCatalogRepository) catalog = sp_catalog_repository_new (env->store);
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GPtrArray) levels = NULL;
  g_autofree char *today = sp_date_today ();

  if (!(products = sp_catalog_repository_load_products (catalog, NULL, error)) ||
      !(levels = sp_catalog_repository_load_stock_levels (catalog, error)))
    return FALSE;

  *out = sp_planner_draft (campaign, products, levels, constraints, today, error);
  return *out != NULL;
}

int
sp_cli_plan_main (SpCliContext  *ctx,
                  int            argc,
                  char         **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(SpCliCampaignEnv) env = { NULL, };
  g_autoptr(SpPlannerResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *max_discount = NULL;
  g_autofree char *step = NULL;
  g_autofree char *elasticity = NULL;
  const char *command = argv[0];
  gboolean apply = FALSE;
  gboolean json = FALSE;
  SpPlannerConstraints constraints;
  SpCampaign *campaign;
  const GOptionEntry entries[] = {
    { "apply", 0, 0, G_OPTION_ARG_NONE, &apply,
      N_("Write the plan's scope and discounts into the campaign"), NULL },
    { "max-discount", 0, 0, G_OPTION_ARG_STRING, &max_discount,
      N_("Deepest discount, e.g. 40 (default 50)"), N_("PCT") },
    { "step", 0, 0, G_OPTION_ARG_STRING, &step,
      N_("Discounts are multiples of it, e.g. 5 (the default)"), N_("PCT") },
    { "elasticity", 0, 0, G_OPTION_ARG_STRING, &elasticity,
      N_("Price elasticity of demand (default 2.0)"), N_("E") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the plan as JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("CAMPAIGN"));
  g_option_context_set_summary (context, _("Draft a clearance plan for a campaign: the overstocked SKUs "
                                           "and the smallest discount that clears each one within the "
                                           "margin floor."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sp_cli_parse_options (context, &argc, &argv, command))
    return 1;
  if (argc != 2)
    return sp_cli_fail_message (command, "%s", _("expected one CAMPAIGN; see --help"));

  sp_planner_constraints_init (&constraints);
  if (!parse_hundredths ("--max-discount", max_discount, &constraints.max_discount_bp, &error) ||
      !parse_hundredths ("--step", step, &constraints.step_bp, &error) ||
      !parse_hundredths ("--elasticity", elasticity, &constraints.elasticity_x100, &error))
    return sp_cli_fail (command, error);

  if (!sp_cli_campaign_env_open (&env, ctx, &error) ||
      !(campaign = sp_cli_campaign_env_find (&env, argv[1], &error)) ||
      !draft_plan (&env, campaign, &constraints, &result, &error) ||
      (apply && !sp_plan_apply (env.campaigns, campaign, result, &error)))
    return sp_cli_fail (command, error);

  if (json)
    print_json (campaign, result, apply);
  else
    print_text (campaign, result, apply);

  return 0;
}
