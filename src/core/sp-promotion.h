/* sp-promotion.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-promotion-line.h"

G_BEGIN_DECLS

/* Whether a promotion combines with others on a line. */
typedef enum
{
  SP_STACKING_STACK = 0,
  SP_STACKING_EXCLUSIVE,
} SpStacking;

#define SP_TYPE_STACKING (sp_stacking_get_type ())
GType sp_stacking_get_type (void) G_GNUC_CONST;

#define SP_TYPE_PROMOTION (sp_promotion_get_type ())

G_DECLARE_FINAL_TYPE (SpPromotion, sp_promotion, SP, PROMOTION, GObject)

SpPromotion * sp_promotion_new             (void) G_GNUC_WARN_UNUSED_RESULT;
const char *  sp_promotion_get_id          (SpPromotion *self);
void          sp_promotion_set_id          (SpPromotion *self, const char *id);
const char *  sp_promotion_get_number      (SpPromotion *self);
void          sp_promotion_set_number      (SpPromotion *self, const char *number);
const char *  sp_promotion_get_name        (SpPromotion *self);
void          sp_promotion_set_name        (SpPromotion *self, const char *name);
const char *  sp_promotion_get_description (SpPromotion *self);
void          sp_promotion_set_description (SpPromotion *self, const char *description);
const char *  sp_promotion_get_start_date  (SpPromotion *self);
void          sp_promotion_set_start_date  (SpPromotion *self, const char *start_date);
const char *  sp_promotion_get_end_date    (SpPromotion *self);
void          sp_promotion_set_end_date    (SpPromotion *self, const char *end_date);
SpStacking    sp_promotion_get_stacking    (SpPromotion *self);
void          sp_promotion_set_stacking    (SpPromotion *self, SpStacking stacking);
GListModel *  sp_promotion_get_lines       (SpPromotion *self);
void          sp_promotion_append_line     (SpPromotion *self, SpPromotionLine *line);
gboolean      sp_promotion_validate        (SpPromotion *self, const char *path, GError **error);
gboolean      sp_promotion_is_active_on    (SpPromotion *self, const char *date);

G_END_DECLS
