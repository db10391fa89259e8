/* sp-promotion-line.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-benefit.h"
#include "sp-rule-group.h"

G_BEGIN_DECLS


#define SP_TYPE_PROMOTION_LINE (sp_promotion_line_get_type ())

G_DECLARE_FINAL_TYPE (SpPromotionLine, sp_promotion_line, SP, PROMOTION_LINE, GObject)

SpPromotionLine * sp_promotion_line_new             (void) G_GNUC_WARN_UNUSED_RESULT;
const char *      sp_promotion_line_get_number      (SpPromotionLine *self);
void              sp_promotion_line_set_number      (SpPromotionLine *self, const char *number);
guint             sp_promotion_line_get_sequence    (SpPromotionLine *self);
void              sp_promotion_line_set_sequence    (SpPromotionLine *self, guint sequence);
SpRuleGroup *     sp_promotion_line_get_eligibility (SpPromotionLine *self);
void              sp_promotion_line_set_eligibility (SpPromotionLine *self, SpRuleGroup *eligibility);
GListModel *      sp_promotion_line_get_benefits    (SpPromotionLine *self);
void              sp_promotion_line_append_benefit  (SpPromotionLine *self, SpBenefit *benefit);
gboolean          sp_promotion_line_validate        (SpPromotionLine *self, const char *path, GError **error);

G_END_DECLS
