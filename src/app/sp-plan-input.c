/* sp-plan-input.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A campaign's scope as plain data: which of the catalog's products it
 * takes (its SKUs, and everything under its categories).
 */

#define G_LOG_DOMAIN "sp-plan-input"

#include "config.h"

#include "sp-category.h"
#include "sp-plan-input.h"

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

gboolean
sp_plan_input_contains (const SpPlanInput    *input,
                        const SpProductFacts *facts)
{
  return sp_scope_contains ((const char * const *)input->scope_products,
                            (const char * const *)input->scope_categories,
                            facts->sku, facts->category_path);
}
