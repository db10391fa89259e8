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
  for (guint i = 0; facts->category_path && input->scope_categories && input->scope_categories[i]; i++)
    {
      if (sp_category_path_contains (input->scope_categories[i], facts->category_path))
        return TRUE;
    }

  return input->scope_products != NULL &&
         g_strv_contains ((const char * const *)input->scope_products, facts->sku);
}
