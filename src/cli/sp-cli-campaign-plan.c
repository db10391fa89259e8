/* sp-cli-campaign-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The headless equivalents of the app's scope and pricing pages:
 *
 * stock-promotion-cli campaign scope CAMPAIGN [--add-sku SKU]… [--add-category PATH]…
 *                                    [--remove-sku SKU]… [--remove-category PATH]… [--site SITE]…
 * stock-promotion-cli campaign discount CAMPAIGN --percent P [--sku SKU | --category PATH]
 * stock-promotion-cli campaign set CAMPAIGN [--owner O] [--start DATE] [--end DATE] [--units N]
 *                                  [--target-date DATE] [--margin-floor PCT]
 *
 * and the plan `campaign show` prints: the campaign's price list (the
 * discount group: one entry per SKU in scope, old price = list price) with
 * margins, margin-floor warnings and the projection of sp-campaign-plan.h.
 */

#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sp-campaign-plan.h"
#include "sp-category.h"
#include "sp-catalog-repository.h"
#include "sp-cli-campaign.h"
#include "sp-date.h"
#include "sp-enum-strings.h"
#include "sp-money.h"
#include "sp-offer-repository.h"

/* What the plan of one campaign is computed from. */
typedef struct
{
  GPtrArray   *scope;        /* owned; element-type SpProduct */
  SpPriceList *price_list;   /* owned; nullable: the campaign's price list */
  GHashTable  *discounts;    /* owned; SKU → gint64 * basis points */
} PlanInput;

static void
plan_input_clear (PlanInput *input)
{
  g_clear_pointer (&input->scope, g_ptr_array_unref);
  g_clear_object (&input->price_list);
  g_clear_pointer (&input->discounts, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PlanInput, plan_input_clear)

/* The campaign's own price list: the one of the campaign that is not
 * company-specific. */
static SpPriceList *
find_price_list (SpOfferRepository  *offers,
                 SpCampaign         *campaign,
                 GError            **error)
{
  g_autoptr(GPtrArray) lists = NULL;

  if (!(lists = sp_offer_repository_load_price_lists (offers, sp_campaign_get_id (campaign),
                                                      error)))
    return NULL;

  for (guint i = 0; i < lists->len; i++)
    {
      SpPriceList *list = g_ptr_array_index (lists, i);
      const char *company = sp_price_list_get_company_code (list);

      if (company == NULL || company[0] == '\0')
        return g_object_ref (list);
    }

  return NULL;
}

static void
set_discount (GHashTable *discounts,
              const char *sku,
              gint64      bp)
{
  g_hash_table_insert (discounts, g_strdup (sku), g_memdup2 (&bp, sizeof bp));
}

static gboolean
plan_input_load (PlanInput         *input,
                 SpCliCampaignEnv  *env,
                 SpCampaign        *campaign,
                 GError           **error)
{
  g_autoptr(SpCatalogRepository) catalog = sp_catalog_repository_new (env->store);
  g_autoptr(SpOfferRepository) offers = sp_offer_repository_new (env->store);
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!(products = sp_catalog_repository_load_products (catalog, NULL, error)))
    return FALSE;

  input->scope = sp_campaign_plan_resolve_scope (campaign, products);
  input->discounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  input->price_list = find_price_list (offers, campaign, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (input->price_list != NULL)
    {
      GListModel *entries = sp_price_list_get_entries (input->price_list);

      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr(SpPriceListEntry) entry = g_list_model_get_item (entries, i);

          set_discount (input->discounts, sp_price_list_entry_get_sku (entry),
                        sp_price_list_entry_get_discount (entry));
        }
    }

  return TRUE;
}

/* Rewrites the campaign's price list from its scope: one entry per SKU in
 * scope, old price = list price, the SKU's discount (or the campaign's
 * default), new price by sp_money_apply_discount(). */
static gboolean
store_price_list (PlanInput         *input,
                  SpCliCampaignEnv  *env,
                  SpCampaign        *campaign,
                  GError           **error)
{
  g_autoptr(SpOfferRepository) offers = sp_offer_repository_new (env->store);

  if (input->price_list == NULL)
    {
      /* Translators: the name of a campaign's clearance price list; %s is the campaign */
      g_autofree char *name = g_strdup_printf (_("%s — clearance prices"),
                                               sp_campaign_get_name (campaign));

      input->price_list = sp_price_list_new (name);
      sp_price_list_set_campaign_id (input->price_list, sp_campaign_get_id (campaign));
    }

  sp_price_list_set_currency (input->price_list, sp_campaign_get_currency (campaign));
  sp_price_list_set_valid_from (input->price_list, sp_campaign_get_start_date (campaign));
  sp_price_list_set_valid_to (input->price_list, sp_campaign_get_end_date (campaign));
  sp_price_list_remove_all_entries (input->price_list);

  for (guint i = 0; i < input->scope->len; i++)
    {
      SpProduct *product = g_ptr_array_index (input->scope, i);
      const gint64 *bp = g_hash_table_lookup (input->discounts, sp_product_get_sku (product));
      gint64 discount = bp != NULL ? *bp : sp_campaign_get_default_discount (campaign);
      g_autoptr(SpPriceListEntry) entry = NULL;

      entry = sp_price_list_entry_new_discounted (sp_product_get_sku (product),
                                                  sp_product_get_list_price (product), discount);
      sp_price_list_add_entry (input->price_list, entry);
    }

  return sp_offer_repository_save_price_list (offers, input->price_list, error);
}

static gboolean
check_editable (SpCampaign  *campaign,
                GError     **error)
{
  if (sp_campaign_is_editable (campaign))
    return TRUE;

  g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CONSTRAINT,
               /* Translators: %1$s is a campaign name, %2$s its status */
               _("The campaign “%1$s” is %2$s; only a draft, planned or rejected campaign "
                 "can be edited"),
               sp_campaign_get_name (campaign),
               sp_campaign_status_to_label (sp_campaign_get_status (campaign)));
  return FALSE;
}

static gboolean
array_contains (GPtrArray  *values,
                const char *value)
{
  for (guint i = 0; i < values->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (values, i), value) == 0)
        return TRUE;
    }

  return FALSE;
}

/* @current without @remove, plus @add, each value once. */
static char **
edit_list (const char * const  *current,
           char               **add,
           char               **remove)
{
  GPtrArray *values = g_ptr_array_new ();

  for (guint i = 0; current[i] != NULL; i++)
    {
      if ((remove == NULL || !g_strv_contains ((const char * const *)remove, current[i])) &&
          !array_contains (values, current[i]))
        g_ptr_array_add (values, g_strdup (current[i]));
    }

  for (guint i = 0; add != NULL && add[i] != NULL; i++)
    {
      if (!array_contains (values, add[i]))
        g_ptr_array_add (values, g_strdup (add[i]));
    }

  g_ptr_array_add (values, NULL);
  return (char **)g_ptr_array_free (values, FALSE);
}

static int
finish_edit (SpCliCampaignEnv *env,
             const char       *command,
             SpCampaign       *campaign,
             gboolean          refresh_prices,
             gboolean          json)
{
  g_autoptr(GError) error = NULL;
  g_auto(PlanInput) input = { NULL, };

  if (refresh_prices &&
      (!plan_input_load (&input, env, campaign, &error) ||
       ((input.price_list != NULL || input.scope->len > 0) &&
        !store_price_list (&input, env, campaign, &error))))
    return sp_cli_fail (command, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      sp_cli_campaign_add_json (builder, campaign);
      if (!sp_cli_campaign_add_plan_json (builder, env, campaign, &error))
        return sp_cli_fail (command, error);
      json_builder_end_object (builder);
      sp_cli_print_json (builder);
    }
  else
    printf ("%s\n", sp_campaign_get_id (campaign));

  return 0;
}

int
sp_cli_campaign_scope (SpCliContext  *ctx,
                       int            argc,
                       char         **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(SpCliCampaignEnv) env = { NULL, };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) add_skus = NULL;
  g_auto(GStrv) add_categories = NULL;
  g_auto(GStrv) remove_skus = NULL;
  g_auto(GStrv) remove_categories = NULL;
  g_auto(GStrv) sites = NULL;
  g_auto(GStrv) skus = NULL;
  g_auto(GStrv) categories = NULL;
  const char *command = argv[0];
  gboolean json = FALSE;
  SpCampaign *campaign;
  const GOptionEntry entries[] = {
    { "add-sku", 0, 0, G_OPTION_ARG_STRING_ARRAY, &add_skus, N_("Add a SKU to the scope"),
      N_("SKU") },
    { "add-category", 0, 0, G_OPTION_ARG_STRING_ARRAY, &add_categories,
      N_("Add a category and everything below it"), N_("PATH") },
    { "remove-sku", 0, 0, G_OPTION_ARG_STRING_ARRAY, &remove_skus, N_("Remove a SKU"), N_("SKU") },
    { "remove-category", 0, 0, G_OPTION_ARG_STRING_ARRAY, &remove_categories,
      N_("Remove a category"), N_("PATH") },
    { "site", 0, 0, G_OPTION_ARG_STRING_ARRAY, &sites,
      N_("The sites the campaign runs on (replaces them)"), N_("SITE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the campaign and its plan as JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("CAMPAIGN"));
  g_option_context_set_summary (context, _("Change the SKUs, categories and sites of a campaign."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sp_cli_parse_options (context, &argc, &argv, command))
    return 1;
  if (argc != 2)
    return sp_cli_fail_message (command, "%s", _("expected one CAMPAIGN; see --help"));

  if (!sp_cli_campaign_env_open (&env, ctx, &error) ||
      !(campaign = sp_cli_campaign_env_find (&env, argv[1], &error)) ||
      !check_editable (campaign, &error))
    return sp_cli_fail (command, error);

  skus = edit_list (sp_campaign_get_scope_products (campaign), add_skus, remove_skus);
  categories = edit_list (sp_campaign_get_scope_categories (campaign), add_categories,
                          remove_categories);
  sp_campaign_set_scope_products (campaign, (const char * const *)skus);
  sp_campaign_set_scope_categories (campaign, (const char * const *)categories);
  if (sites != NULL)
    sp_campaign_set_sites (campaign, (const char * const *)sites);

  /* Unknown SKUs, paths and sites fail here, naming the field and value. */
  if (!sp_campaign_repository_save (env.campaigns, campaign, &error))
    return sp_cli_fail (command, error);

  return finish_edit (&env, command, campaign, TRUE, json);
}

int
sp_cli_campaign_discount (SpCliContext  *ctx,
                          int            argc,
                          char         **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(SpCliCampaignEnv) env = { NULL, };
  g_auto(PlanInput) input = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *sku = NULL;
  g_autofree char *category = NULL;
  const char *command = argv[0];
  gboolean json = FALSE;
  SpCampaign *campaign;
  guint n_changed = 0;
  gint64 bp = 0;
  const GOptionEntry entries[] = {
    { "percent", 0, 0, G_OPTION_ARG_STRING, &percent, N_("The discount, e.g. 20 or 12.5"),
      N_("P") },
    { "sku", 0, 0, G_OPTION_ARG_STRING, &sku, N_("Only this SKU of the scope"), N_("SKU") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category,
      N_("Only the SKUs of the scope in this category"), N_("PATH") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the campaign and its plan as JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("CAMPAIGN"));
  g_option_context_set_summary (context, _("Set the discount of the whole scope, one SKU or one "
                                           "category in the campaign’s price list."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sp_cli_parse_options (context, &argc, &argv, command))
    return 1;
  if (argc != 2)
    return sp_cli_fail_message (command, "%s", _("expected one CAMPAIGN; see --help"));
  if (percent == NULL)
    return sp_cli_fail_message (command, "%s", _("--percent is required"));
  if (sku != NULL && category != NULL)
    return sp_cli_fail_message (command, "%s", _("give --sku or --category, not both"));
  if (!sp_percent_parse (percent, &bp, &error))
    {
      g_prefix_error (&error, "--percent: ");
      return sp_cli_fail (command, error);
    }

  if (!sp_cli_campaign_env_open (&env, ctx, &error) ||
      !(campaign = sp_cli_campaign_env_find (&env, argv[1], &error)) ||
      !check_editable (campaign, &error))
    return sp_cli_fail (command, error);

  if (sku == NULL && category == NULL)
    {
      /* The whole scope: the campaign's default, and every entry. */
      sp_campaign_set_default_discount (campaign, bp);
      if (!sp_campaign_repository_save (env.campaigns, campaign, &error) ||
          !plan_input_load (&input, &env, campaign, &error))
        return sp_cli_fail (command, error);
      g_hash_table_remove_all (input.discounts);
      n_changed = input.scope->len;
    }
  else
    {
      if (!plan_input_load (&input, &env, campaign, &error))
        return sp_cli_fail (command, error);

      for (guint i = 0; i < input.scope->len; i++)
        {
          SpProduct *product = g_ptr_array_index (input.scope, i);
          const char *path = sp_product_get_category_path (product);

          if ((sku != NULL && g_strcmp0 (sku, sp_product_get_sku (product)) == 0) ||
              (category != NULL && path != NULL && sp_category_path_contains (category, path)))
            {
              set_discount (input.discounts, sp_product_get_sku (product), bp);
              n_changed++;
            }
        }

      if (n_changed == 0)
        /* Translators: %s is a SKU or a category path */
        return sp_cli_fail_message (command, _("“%s” names no SKU of the campaign’s scope; "
                                               "add it with “campaign scope” first"),
                                    sku != NULL ? sku : category);
    }

  if (!store_price_list (&input, &env, campaign, &error))
    return sp_cli_fail (command, error);

  /* Scripts read the id (or the JSON) on stdout, and nothing on stderr
   * unless it failed. */
  g_debug ("%u price list entries set", n_changed);

  return finish_edit (&env, command, campaign, FALSE, json);
}

static gboolean
check_date_option (const char  *option,
                   const char  *value,
                   GError     **error)
{
  if (value == NULL || sp_date_is_valid (value))
    return TRUE;

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               /* Translators: %1$s is an option, %2$s what the user gave */
               _("%1$s: “%2$s” is not a date (YYYY-MM-DD)"), option, value);
  return FALSE;
}

int
sp_cli_campaign_set (SpCliContext  *ctx,
                     int            argc,
                     char         **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(SpCliCampaignEnv) env = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *target_date = NULL;
  g_autofree char *margin_floor = NULL;
  gint64 units = -1;
  gint64 floor_bp = 0;
  const char *command = argv[0];
  gboolean json = FALSE;
  SpCampaign *campaign;
  const GOptionEntry entries[] = {
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, N_("Who runs the campaign"), N_("OWNER") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("First day"), N_("DATE") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, N_("Last day"), N_("DATE") },
    { "units", 0, 0, G_OPTION_ARG_INT64, &units, N_("Units to clear"), N_("N") },
    { "target-date", 0, 0, G_OPTION_ARG_STRING, &target_date, N_("Date by which to clear them"),
      N_("DATE") },
    { "margin-floor", 0, 0, G_OPTION_ARG_STRING, &margin_floor,
      N_("Lowest acceptable margin after the discount, e.g. 15"), N_("PCT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the campaign and its plan as JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("CAMPAIGN"));
  g_option_context_set_summary (context, _("Set the owner, schedule and targets of a campaign."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sp_cli_parse_options (context, &argc, &argv, command))
    return 1;
  if (argc != 2)
    return sp_cli_fail_message (command, "%s", _("expected one CAMPAIGN; see --help"));
  if (owner == NULL && start == NULL && end == NULL && units < 0 && target_date == NULL &&
      margin_floor == NULL)
    return sp_cli_fail_message (command, "%s", _("nothing to set; see --help"));
  if (units < -1)
    return sp_cli_fail_message (command, "%s", _("--units: must not be negative"));

  if (!check_date_option ("--start", start, &error) ||
      !check_date_option ("--end", end, &error) ||
      !check_date_option ("--target-date", target_date, &error))
    return sp_cli_fail (command, error);
  if (margin_floor != NULL && !sp_percent_parse (margin_floor, &floor_bp, &error))
    {
      g_prefix_error (&error, "--margin-floor: ");
      return sp_cli_fail (command, error);
    }

  if (!sp_cli_campaign_env_open (&env, ctx, &error) ||
      !(campaign = sp_cli_campaign_env_find (&env, argv[1], &error)) ||
      !check_editable (campaign, &error))
    return sp_cli_fail (command, error);

  if (owner != NULL)
    sp_campaign_set_owner (campaign, owner);
  if (start != NULL)
    sp_campaign_set_start_date (campaign, start);
  if (end != NULL)
    sp_campaign_set_end_date (campaign, end);
  if (units >= 0)
    sp_campaign_set_units_to_clear (campaign, units);
  if (target_date != NULL)
    sp_campaign_set_target_date (campaign, target_date);
  if (margin_floor != NULL)
    sp_campaign_set_margin_floor (campaign, floor_bp);

  /* The model validates the whole campaign (an end before the start …). */
  if (!sp_campaign_repository_save (env.campaigns, campaign, &error))
    return sp_cli_fail (command, error);

  return finish_edit (&env, command, campaign, start != NULL || end != NULL, json);
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
add_money (JsonBuilder *builder,
           const char  *member,
           gint64       minor)
{
  g_autofree char *text = sp_money_format (minor);
  g_autofree char *text_member = g_strconcat (member, "_text", NULL);

  add_int (builder, member, minor);
  add_string (builder, text_member, text);
}

static void
add_line_json (JsonBuilder        *builder,
               SpCampaignPlanLine *line)
{
  g_autofree char *discount = sp_percent_format (line->discount_bp);
  g_autofree char *margin = sp_percent_format (line->margin_bp);

  json_builder_begin_object (builder);
  add_string (builder, "sku", line->sku);
  add_string (builder, "name", line->name);
  add_string (builder, "category", line->category_path);
  add_string (builder, "currency", line->currency);
  add_money (builder, "old_price", line->old_price);
  add_money (builder, "new_price", line->new_price);
  add_int (builder, "discount_bp", line->discount_bp);
  add_string (builder, "discount", discount);
  add_money (builder, "cost", line->cost);
  add_int (builder, "margin_bp", line->margin_bp);
  add_string (builder, "margin_percent", margin);
  json_builder_set_member_name (builder, "below_margin_floor");
  json_builder_add_boolean_value (builder, line->below_floor);
  json_builder_set_member_name (builder, "below_cost");
  json_builder_add_boolean_value (builder, line->below_cost);
  add_int (builder, "stock_on_hand", line->stock_on_hand);
  add_int (builder, "units_cleared", line->units_cleared);
  json_builder_end_object (builder);
}

static void
add_warning (JsonBuilder *builder,
             const char  *kind,
             const char  *sku,
             const char  *message)
{
  json_builder_begin_object (builder);
  add_string (builder, "kind", kind);
  add_string (builder, "sku", sku);
  add_string (builder, "message", message);
  json_builder_end_object (builder);
}

static void
add_warnings_json (JsonBuilder    *builder,
                   SpCampaignPlan *plan)
{
  g_autofree char *floor = sp_percent_format (plan->margin_floor_bp);

  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < plan->lines->len; i++)
    {
      SpCampaignPlanLine *line = g_ptr_array_index (plan->lines, i);
      g_autofree char *margin = sp_percent_format (line->margin_bp);

      if (line->below_floor)
        {
          /* Translators: %1$s is a SKU, %2$s and %3$s percentages */
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("%1$s: margin %2$s after the discount is below the floor "
                                       "of %3$s"), line->sku, margin, floor);
          add_warning (builder, "margin_floor", line->sku, message);
        }
      if (line->below_cost)
        {
          /* Translators: %s is a SKU */
          g_autofree char *message = g_strdup_printf (_("%s: the new price is below cost"),
                                                      line->sku);
          add_warning (builder, "below_cost", line->sku, message);
        }
      if (line->other_currency)
        {
          /* Translators: %1$s is a SKU, %2$s a currency code */
          g_autofree char *message = g_strdup_printf (_("%1$s: priced in %2$s, left out of the "
                                                        "projection"), line->sku, line->currency);
          add_warning (builder, "currency", line->sku, message);
        }
    }
  json_builder_end_array (builder);
}

static void
add_projection_json (JsonBuilder    *builder,
                     SpCampaignPlan *plan)
{
  g_autofree char *margin = sp_percent_format (plan->margin_bp);

  json_builder_set_member_name (builder, "projection");
  json_builder_begin_object (builder);
  add_string (builder, "model", "linear price elasticity 2.0; see sp-campaign-plan.h");
  add_string (builder, "currency", plan->currency);
  add_int (builder, "days", plan->days);
  add_int (builder, "skus", plan->lines->len);
  add_int (builder, "stock_in_scope", plan->stock_in_scope);
  add_int (builder, "units_to_clear", plan->units_to_clear);
  add_int (builder, "units_cleared", plan->units_cleared);
  add_int (builder, "baseline_units", plan->baseline_units);
  add_money (builder, "revenue", plan->revenue);
  add_money (builder, "margin", plan->margin);
  add_int (builder, "margin_bp", plan->margin_bp);
  add_string (builder, "margin_percent", margin);
  json_builder_set_member_name (builder, "target_met");
  json_builder_add_boolean_value (builder, plan->target_met);
  add_int (builder, "skus_below_margin_floor", plan->n_below_floor);
  add_int (builder, "skus_below_cost", plan->n_below_cost);
  json_builder_end_object (builder);
}

/**
 * sp_cli_campaign_add_plan_json:
 * @builder: a builder inside the campaign's object
 * @env: the workspace
 * @campaign: the campaign
 * @error: return location for a #GError
 *
 * Adds "price_list" (the campaign's clearance prices per SKU in scope, with
 * margins), "warnings" and "projection" members.
 *
 * Returns: %TRUE on success
 */
gboolean
sp_cli_campaign_add_plan_json (JsonBuilder       *builder,
                               SpCliCampaignEnv  *env,
                               SpCampaign        *campaign,
                               GError           **error)
{
  g_auto(PlanInput) input = { NULL, };
  g_autoptr(SpCampaignPlan) plan = NULL;
  g_autofree char *today = sp_date_today ();

  if (!plan_input_load (&input, env, campaign, error))
    return FALSE;

  plan = sp_campaign_plan_compute (campaign, input.scope, input.discounts, today);

  json_builder_set_member_name (builder, "price_list");
  json_builder_begin_object (builder);
  add_string (builder, "id",
              input.price_list != NULL ? sp_price_list_get_id (input.price_list) : NULL);
  add_string (builder, "name",
              input.price_list != NULL ? sp_price_list_get_name (input.price_list) : NULL);
  add_string (builder, "currency", plan->currency);
  json_builder_set_member_name (builder, "stored");
  json_builder_add_boolean_value (builder, input.price_list != NULL);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < plan->lines->len; i++)
    add_line_json (builder, g_ptr_array_index (plan->lines, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  add_warnings_json (builder, plan);
  add_projection_json (builder, plan);
  return TRUE;
}

/* The plan in the text form of `campaign show`. */
gboolean
sp_cli_campaign_print_plan (SpCliCampaignEnv  *env,
                            SpCampaign        *campaign,
                            GError           **error)
{
  g_auto(PlanInput) input = { NULL, };
  g_autoptr(SpCampaignPlan) plan = NULL;
  g_autofree char *today = sp_date_today ();
  g_autofree char *revenue = NULL;
  g_autofree char *margin = NULL;
  g_autofree char *margin_bp = NULL;

  if (!plan_input_load (&input, env, campaign, error))
    return FALSE;

  plan = sp_campaign_plan_compute (campaign, input.scope, input.discounts, today);
  if (plan->lines->len == 0)
    return TRUE;

  printf ("\n%-16s %-10s %10s %10s %8s %8s\n", _("SKU"), "", _("Old"), _("New"), _("Disc."),
          _("Margin"));
  for (guint i = 0; i < plan->lines->len; i++)
    {
      SpCampaignPlanLine *line = g_ptr_array_index (plan->lines, i);
      g_autofree char *old_price = sp_money_format (line->old_price);
      g_autofree char *new_price = sp_money_format (line->new_price);
      g_autofree char *discount = sp_percent_format (line->discount_bp);
      g_autofree char *line_margin = sp_percent_format (line->margin_bp);

      printf ("%-27s %10s %10s %8s %8s%s\n", line->sku, old_price, new_price, discount, line_margin,
              line->below_floor ? _("  below floor") : "");
    }

  revenue = sp_money_format_with_currency (plan->revenue, plan->currency);
  margin = sp_money_format_with_currency (plan->margin, plan->currency);
  margin_bp = sp_percent_format (plan->margin_bp);
  /* Translators: the projection line of `campaign show`; %1$… are numbers and amounts */
  printf (_("\nProjection over %1$" G_GINT64_FORMAT " days: %2$" G_GINT64_FORMAT " of %3$"
            G_GINT64_FORMAT " units cleared, revenue %4$s, margin %5$s (%6$s)\n"),
          plan->days, plan->units_cleared, plan->stock_in_scope, revenue, margin, margin_bp);
  return TRUE;
}
