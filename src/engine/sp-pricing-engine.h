/* sp-pricing-engine.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prices the order lines of an SpWorkload with its promotions. Building the
 * engine compiles every eligibility rule (interned values, category
 * hierarchy as DFS intervals) and indexes promotion lines by what their
 * benefits can apply to, so pricing touches only the pairs that can matter.
 * An engine is immutable once built and may be used from several threads.
 */

#pragma once

#include "sp-workload.h"

G_BEGIN_DECLS

typedef struct _SpPricingEngine SpPricingEngine;

typedef struct
{
  guint64 lines;
  guint64 pair_evaluations;  /* lines × promotion lines, pruned or not */
  guint64 applications;      /* benefits applied */
  gint64  discount;          /* minor units, after the cap */
  gint64  net;               /* minor units */
  double  cpu_seconds;       /* CPU time of all threads */
  double  max_thread_cpu_seconds;  /* CPU time of the busiest thread */
} SpPricingTotals;

typedef enum
{
  SP_ADJUSTMENT_APPLIED = 1,
  SP_ADJUSTMENT_CAPPED,      /* reduced (maybe to 0) by the line-amount cap */
  SP_ADJUSTMENT_SET_ASIDE,   /* lost to a better exclusive or stacking choice */
} SpAdjustmentState;

typedef struct
{
  SpPromotion       *promotion;      /* borrowed */
  SpPromotionLine   *line;           /* borrowed */
  SpBenefit         *benefit;        /* borrowed */
  guint              benefit_index;  /* 1-based position in the line */
  SpBenefitType      type;
  gint64             computed;       /* minor units before the cap */
  gint64             amount;         /* minor units the line gets */
  SpAdjustmentState  state;
} SpPriceAdjustment;

typedef struct
{
  guint   line;          /* index in the workload */
  const char *sku;       /* borrowed */
  gint64  quantity;
  gint64  list_amount;
  gint64  discount;
  gint64  net;
  GArray *adjustments;   /* owned; SpPriceAdjustment, in promotion and line sequence */
  char   *note;          /* owned; nullable; why adjustments were set aside */
} SpLinePrice;

SpPricingEngine *sp_pricing_engine_new             (SpWorkload       *workload,
                                                    GError          **error) G_GNUC_WARN_UNUSED_RESULT;
void             sp_pricing_engine_free            (SpPricingEngine  *self);
gsize            sp_pricing_engine_get_index_bytes (SpPricingEngine  *self);
guint            sp_pricing_engine_get_n_lines     (SpPricingEngine  *self);
void             sp_pricing_engine_run             (SpPricingEngine  *self,
                                                    guint             max_lines,
                                                    guint             n_threads,
                                                    SpPricingTotals  *totals);
GArray          *sp_pricing_engine_price_order     (SpPricingEngine  *self,
                                                    guint             order) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpPricingEngine, sp_pricing_engine_free)

G_END_DECLS
