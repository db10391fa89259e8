/* sp-plan-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Overview's projection: how much of the scoped stock the discount
 * clears by the target date, the revenue and margin it brings, and stock
 * per day with and without the campaign. Money stays in integer minor
 * units; only the chart's series are doubles.
 */

#define G_LOG_DOMAIN "sp-plan-summary"

#include "config.h"

#include "sp-category.h"
#include "sp-date.h"
#include "sp-money.h"
#include "sp-plan-summary.h"

#define DEFAULT_HORIZON_DAYS 90
#define MAX_HORIZON_DAYS     730

void
sp_plan_input_free (SpPlanInput *input)
{
  if (input == NULL)
    return;

  g_strfreev (input->scope_products);
  g_strfreev (input->scope_categories);
  g_free (input->currency);
  g_free (input->start_date);
  g_free (input->end_date);
  g_free (input->target_date);
  g_free (input);
}

void
sp_plan_summary_free (SpPlanSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->currency);
  g_clear_pointer (&summary->stock_without, g_array_unref);
  g_clear_pointer (&summary->stock_with, g_array_unref);
  g_free (summary);
}

/* The sales uplift a discount brings, in basis points of the normal rate:
 * a simple price elasticity of 3 (10% off sells 30% more), capped at 4x. */
gint64
sp_plan_uplift_bp (gint64 discount_bp)
{
  return MIN (SP_PERCENT_100 + 3 * discount_bp, 4 * SP_PERCENT_100);
}

gboolean
sp_plan_input_contains (const SpPlanInput    *input,
                        const SpProductFacts *facts)
{
  for (guint i = 0; input->scope_categories && input->scope_categories[i]; i++)
    {
      if (sp_category_path_contains (input->scope_categories[i], facts->category_path))
        return TRUE;
    }

  return input->scope_products != NULL &&
         g_strv_contains ((const char * const *)input->scope_products, facts->sku);
}

static guint
horizon_days (const SpPlanInput *input,
              int               *target_day)
{
  const char *start = input->start_date;
  g_autofree char *today = NULL;
  int days = DEFAULT_HORIZON_DAYS;

  if (start == NULL || !sp_date_is_valid (start))
    start = today = sp_date_today ();

  *target_day = -1;
  if (input->target_date && sp_date_is_valid (input->target_date))
    {
      *target_day = sp_date_days_between (start, input->target_date);
      if (*target_day < 0)
        *target_day = -1;
    }
  if (input->end_date && sp_date_is_valid (input->end_date))
    days = sp_date_days_between (start, input->end_date);
  if (*target_day > 0)
    days = MAX (days, *target_day + *target_day / 5);

  return CLAMP (days, 7, MAX_HORIZON_DAYS);
}

SpPlanSummary *
sp_plan_summary_compute (const SpPlanInput    *input,
                         const SpProductFacts *facts,
                         guint                 n_facts)
{
  SpPlanSummary *summary = g_new0 (SpPlanSummary, 1);
  gint64 uplift = sp_plan_uplift_bp (input->discount_bp);
  g_autoptr(GArray) in_scope = g_array_new (FALSE, FALSE, sizeof (guint));
  guint days;

  summary->currency = g_strdup (input->currency ?: "EUR");
  days = horizon_days (input, &summary->target_day);
  summary->stock_without = g_array_sized_new (FALSE, TRUE, sizeof (double), days + 1);
  summary->stock_with = g_array_sized_new (FALSE, TRUE, sizeof (double), days + 1);

  for (guint i = 0; i < n_facts; i++)
    {
      const SpProductFacts *f = &facts[i];
      gint64 price, rate, units, margin_bp;

      if (!sp_plan_input_contains (input, f))
        continue;

      g_array_append_val (in_scope, i);
      price = sp_money_apply_discount (f->list_price, input->discount_bp);
      margin_bp = sp_money_margin_bp (price, f->cost);
      if (margin_bp < input->margin_floor_bp)
        summary->n_below_floor++;

      /* Hundredths of a unit per day, times the uplift, over the horizon. */
      rate = f->avg_daily_sales * uplift / SP_PERCENT_100;
      units = MIN (f->stock_on_hand, rate * (gint64)days / 100);

      summary->n_products++;
      summary->stock_on_hand += f->stock_on_hand;
      summary->units_cleared += units;
      summary->revenue += sp_money_multiply (price, units);
      summary->margin += sp_money_multiply (price - f->cost, units);
    }

  summary->margin_bp = sp_money_ratio_bp (summary->margin, summary->revenue);

  for (guint day = 0; day <= days; day++)
    {
      double without = 0, with = 0;

      /* Per product, so that one product running out stops its own sales only. */
      for (guint k = 0; k < in_scope->len; k++)
        {
          const SpProductFacts *f = &facts[g_array_index (in_scope, guint, k)];
          double stock = (double)f->stock_on_hand;
          double base = f->avg_daily_sales / 100.0 * day;
          double more = f->avg_daily_sales * (uplift / (double)SP_PERCENT_100) / 100.0 * day;

          without += MAX (0.0, stock - base);
          with += MAX (0.0, stock - more);
        }
      g_array_append_val (summary->stock_without, without);
      g_array_append_val (summary->stock_with, with);
    }

  return summary;
}
