/* sp-price-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One line of a campaign plan as a list item for the Pricing page. The plan
 * is shared by all its rows and freed with the last one.
 */

#define G_LOG_DOMAIN "sp-price-row"

#include "config.h"

#include "sp-price-row.h"

typedef struct
{
  SpCampaignPlan *plan;   /* owned */
} SharedPlan;

struct _SpPriceRow
{
  GObject     parent_instance;

  SharedPlan *shared;     /* a reference (g_rc_box) */
  guint       index;
};

G_DEFINE_FINAL_TYPE (SpPriceRow, sp_price_row, G_TYPE_OBJECT)

static void
shared_plan_clear (gpointer data)
{
  SharedPlan *shared = data;

  g_clear_pointer (&shared->plan, sp_campaign_plan_free);
}

static void
sp_price_row_finalize (GObject *object)
{
  SpPriceRow *self = (SpPriceRow *)object;

  g_rc_box_release_full (self->shared, shared_plan_clear);

  G_OBJECT_CLASS (sp_price_row_parent_class)->finalize (object);
}

static void
sp_price_row_class_init (SpPriceRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_price_row_finalize;
}

static void
sp_price_row_init (SpPriceRow *self)
{
}

/**
 * sp_price_rows_new:
 * @plan: (transfer full): a plan
 *
 * Returns: (transfer full) (element-type SpPriceRow): one row per line of
 *   @plan, in its order; the rows share @plan
 */
GPtrArray *
sp_price_rows_new (SpCampaignPlan *plan)
{
  SharedPlan *shared = g_rc_box_new0 (SharedPlan);
  GPtrArray *rows = g_ptr_array_new_full (plan->lines->len, g_object_unref);

  shared->plan = plan;
  for (guint i = 0; i < plan->lines->len; i++)
    {
      SpPriceRow *row = g_object_new (SP_TYPE_PRICE_ROW, NULL);

      row->shared = g_rc_box_acquire (shared);
      row->index = i;
      g_ptr_array_add (rows, row);
    }
  g_rc_box_release_full (shared, shared_plan_clear);

  return rows;
}

const SpCampaignPlanLine *
sp_price_row_get_line (SpPriceRow *self)
{
  g_return_val_if_fail (SP_IS_PRICE_ROW (self), NULL);

  return g_ptr_array_index (self->shared->plan->lines, self->index);
}
