/* sp-benefit.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-tier.h"

G_BEGIN_DECLS

/* What a benefit applies to. */
typedef enum
{
  SP_BENEFIT_TARGET_ITEM = 0,
  SP_BENEFIT_TARGET_ITEM_CATEGORY,
  SP_BENEFIT_TARGET_ALL,
} SpBenefitTarget;

#define SP_TYPE_BENEFIT_TARGET (sp_benefit_target_get_type ())
GType sp_benefit_target_get_type (void) G_GNUC_CONST;
/* The kind of adjustment. */
typedef enum
{
  SP_BENEFIT_TYPE_PERCENT = 0,
  SP_BENEFIT_TYPE_AMOUNT,
  SP_BENEFIT_TYPE_NEW_PRICE,
  SP_BENEFIT_TYPE_TIERED,
} SpBenefitType;

#define SP_TYPE_BENEFIT_TYPE (sp_benefit_type_get_type ())
GType sp_benefit_type_get_type (void) G_GNUC_CONST;
/* What a tiered benefit's tiers measure. */
typedef enum
{
  SP_TIER_BASIS_LINE_QUANTITY = 0,
  SP_TIER_BASIS_LINE_AMOUNT,
  SP_TIER_BASIS_TARGET_TOTAL,
} SpTierBasis;

#define SP_TYPE_TIER_BASIS (sp_tier_basis_get_type ())
GType sp_tier_basis_get_type (void) G_GNUC_CONST;
/* How a tier's amount is given. */
typedef enum
{
  SP_TIER_CALCULATE_PER_UNIT = 0,
  SP_TIER_CALCULATE_LUMP_SUM,
} SpTierCalculate;

#define SP_TYPE_TIER_CALCULATE (sp_tier_calculate_get_type ())
GType sp_tier_calculate_get_type (void) G_GNUC_CONST;

#define SP_TYPE_BENEFIT (sp_benefit_get_type ())

G_DECLARE_FINAL_TYPE (SpBenefit, sp_benefit, SP, BENEFIT, GObject)

SpBenefit *     sp_benefit_new            (void) G_GNUC_WARN_UNUSED_RESULT;
SpBenefitTarget sp_benefit_get_applies_to (SpBenefit *self);
void            sp_benefit_set_applies_to (SpBenefit *self, SpBenefitTarget applies_to);
const char *    sp_benefit_get_target     (SpBenefit *self);
void            sp_benefit_set_target     (SpBenefit *self, const char *target);
SpBenefitType   sp_benefit_get_kind       (SpBenefit *self);
void            sp_benefit_set_kind       (SpBenefit *self, SpBenefitType kind);
gint64          sp_benefit_get_value      (SpBenefit *self);
void            sp_benefit_set_value      (SpBenefit *self, gint64 value);
SpTierBasis     sp_benefit_get_basis      (SpBenefit *self);
void            sp_benefit_set_basis      (SpBenefit *self, SpTierBasis basis);
SpTierCalculate sp_benefit_get_calculate  (SpBenefit *self);
void            sp_benefit_set_calculate  (SpBenefit *self, SpTierCalculate calculate);
GListModel *    sp_benefit_get_tiers      (SpBenefit *self);
void            sp_benefit_append_tier    (SpBenefit *self, SpTier *tier);
gboolean        sp_benefit_validate       (SpBenefit *self, const char *path, GError **error);

G_END_DECLS
