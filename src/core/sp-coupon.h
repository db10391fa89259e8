/* sp-coupon.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-core-enums.h"
#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_COUPON (sp_coupon_get_type ())

G_DECLARE_FINAL_TYPE (SpCoupon, sp_coupon, SP, COUPON, GObject)

SpCoupon       *sp_coupon_new                (const char      *code) G_GNUC_WARN_UNUSED_RESULT;
const char     *sp_coupon_get_id             (SpCoupon        *self);
const char     *sp_coupon_get_campaign_id    (SpCoupon        *self);
void            sp_coupon_set_campaign_id    (SpCoupon        *self,
                                              const char      *campaign_id);
const char     *sp_coupon_get_segment_code   (SpCoupon        *self);
void            sp_coupon_set_segment_code   (SpCoupon        *self,
                                              const char      *segment_code);
const char     *sp_coupon_get_code           (SpCoupon        *self);
void            sp_coupon_set_code           (SpCoupon        *self,
                                              const char      *code);
SpDiscountType  sp_coupon_get_discount_type  (SpCoupon        *self);
void            sp_coupon_set_discount_type  (SpCoupon        *self,
                                              SpDiscountType   discount_type);
gint64          sp_coupon_get_discount_value (SpCoupon        *self);
void            sp_coupon_set_discount_value (SpCoupon        *self,
                                              gint64           discount_value);
const char     *sp_coupon_get_currency       (SpCoupon        *self);
void            sp_coupon_set_currency       (SpCoupon        *self,
                                              const char      *currency);
const char     *sp_coupon_get_valid_from     (SpCoupon        *self);
void            sp_coupon_set_valid_from     (SpCoupon        *self,
                                              const char      *valid_from);
const char     *sp_coupon_get_valid_to       (SpCoupon        *self);
void            sp_coupon_set_valid_to       (SpCoupon        *self,
                                              const char      *valid_to);
gint64          sp_coupon_get_usage_limit    (SpCoupon        *self);
void            sp_coupon_set_usage_limit    (SpCoupon        *self,
                                              gint64           usage_limit);
const char     *sp_coupon_get_remote_id      (SpCoupon        *self);
void            sp_coupon_set_remote_id      (SpCoupon        *self,
                                              const char      *remote_id);
gboolean        sp_coupon_validate           (SpCoupon        *self,
                                              GError         **error);

G_END_DECLS
