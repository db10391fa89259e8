/* sp-tier.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>


G_BEGIN_DECLS

/* What a tier gives. */
typedef enum
{
  SP_TIER_ADJUSTMENT_PERCENT = 0,
  SP_TIER_ADJUSTMENT_AMOUNT,
} SpTierAdjustment;

#define SP_TYPE_TIER_ADJUSTMENT (sp_tier_adjustment_get_type ())
GType sp_tier_adjustment_get_type (void) G_GNUC_CONST;
/* What the units after the last full block get. */
typedef enum
{
  SP_TIER_REMAINDER_NONE = 0,
  SP_TIER_REMAINDER_NEW_LUMP_SUM,
} SpTierRemainder;

#define SP_TYPE_TIER_REMAINDER (sp_tier_remainder_get_type ())
GType sp_tier_remainder_get_type (void) G_GNUC_CONST;

#define SP_TYPE_TIER (sp_tier_get_type ())

G_DECLARE_FINAL_TYPE (SpTier, sp_tier, SP, TIER, GObject)

SpTier *         sp_tier_new            (void) G_GNUC_WARN_UNUSED_RESULT;
gint64           sp_tier_get_from       (SpTier *self);
void             sp_tier_set_from       (SpTier *self, gint64 from);
gint64           sp_tier_get_to         (SpTier *self);
void             sp_tier_set_to         (SpTier *self, gint64 to);
SpTierAdjustment sp_tier_get_adjustment (SpTier *self);
void             sp_tier_set_adjustment (SpTier *self, SpTierAdjustment adjustment);
gint64           sp_tier_get_value      (SpTier *self);
void             sp_tier_set_value      (SpTier *self, gint64 value);
gint64           sp_tier_get_block_size (SpTier *self);
void             sp_tier_set_block_size (SpTier *self, gint64 block_size);
SpTierRemainder  sp_tier_get_remainder  (SpTier *self);
void             sp_tier_set_remainder  (SpTier *self, SpTierRemainder remainder);
gboolean         sp_tier_validate       (SpTier *self, const char *path, GError **error);

G_END_DECLS
