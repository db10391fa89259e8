/* sp-offer-repository.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-banner.h"
#include "sp-coupon.h"
#include "sp-price-list.h"
#include "sp-price-list-entry.h"
#include "sp-quote.h"
#include "sp-quote-line.h"
#include "sp-store.h"

G_BEGIN_DECLS

#define SP_TYPE_OFFER_REPOSITORY (sp_offer_repository_get_type ())

G_DECLARE_FINAL_TYPE (SpOfferRepository, sp_offer_repository, SP, OFFER_REPOSITORY, GObject)

SpOfferRepository *sp_offer_repository_new                     (SpStore *store)
                                                                G_GNUC_WARN_UNUSED_RESULT;

GPtrArray         *sp_offer_repository_load_coupons            (SpOfferRepository  *self,
                                                                const char         *campaign_id,
                                                                GError            **error)
                                                                G_GNUC_WARN_UNUSED_RESULT;
GPtrArray         *sp_offer_repository_load_price_lists        (SpOfferRepository  *self,
                                                                const char         *campaign_id,
                                                                GError            **error)
                                                                G_GNUC_WARN_UNUSED_RESULT;
void               sp_offer_repository_load_price_lists_async  (SpOfferRepository   *self,
                                                                const char          *campaign_id,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
GPtrArray         *sp_offer_repository_load_price_lists_finish (SpOfferRepository  *self,
                                                                GAsyncResult       *result,
                                                                GError            **error)
                                                                G_GNUC_WARN_UNUSED_RESULT;
GPtrArray         *sp_offer_repository_load_quotes             (SpOfferRepository  *self,
                                                                const char         *campaign_id,
                                                                GError            **error)
                                                                G_GNUC_WARN_UNUSED_RESULT;
GPtrArray         *sp_offer_repository_load_banners            (SpOfferRepository  *self,
                                                                const char         *campaign_id,
                                                                GError            **error)
                                                                G_GNUC_WARN_UNUSED_RESULT;

gboolean           sp_offer_repository_save_coupon             (SpOfferRepository  *self,
                                                                SpCoupon           *coupon,
                                                                GError            **error);
gboolean           sp_offer_repository_save_price_list         (SpOfferRepository  *self,
                                                                SpPriceList        *price_list,
                                                                GError            **error);
void               sp_offer_repository_save_price_list_async   (SpOfferRepository   *self,
                                                                SpPriceList         *price_list,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
gboolean           sp_offer_repository_save_price_list_finish  (SpOfferRepository  *self,
                                                                GAsyncResult       *result,
                                                                GError            **error);
gboolean           sp_offer_repository_save_quote              (SpOfferRepository  *self,
                                                                SpQuote            *quote,
                                                                GError            **error);
gboolean           sp_offer_repository_save_banner             (SpOfferRepository  *self,
                                                                SpBanner           *banner,
                                                                GError            **error);
gboolean           sp_offer_repository_delete                  (SpOfferRepository  *self,
                                                                GObject            *offer,
                                                                GError            **error);

void       sp_offer_repository_save_coupon_async   (SpOfferRepository   *self,
                                                    SpCoupon            *coupon,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean   sp_offer_repository_save_coupon_finish  (SpOfferRepository   *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void       sp_offer_repository_save_quote_async    (SpOfferRepository   *self,
                                                    SpQuote             *quote,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean   sp_offer_repository_save_quote_finish   (SpOfferRepository   *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void       sp_offer_repository_save_banner_async   (SpOfferRepository   *self,
                                                    SpBanner            *banner,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean   sp_offer_repository_save_banner_finish  (SpOfferRepository   *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void       sp_offer_repository_load_coupons_async  (SpOfferRepository   *self,
                                                    const char          *campaign_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray *sp_offer_repository_load_coupons_finish (SpOfferRepository   *self,
                                                    GAsyncResult        *result,
                                                    GError             **error)
                                                    G_GNUC_WARN_UNUSED_RESULT;
void       sp_offer_repository_load_quotes_async   (SpOfferRepository   *self,
                                                    const char          *campaign_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray *sp_offer_repository_load_quotes_finish  (SpOfferRepository   *self,
                                                    GAsyncResult        *result,
                                                    GError             **error)
                                                    G_GNUC_WARN_UNUSED_RESULT;
void       sp_offer_repository_load_banners_async  (SpOfferRepository   *self,
                                                    const char          *campaign_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray *sp_offer_repository_load_banners_finish (SpOfferRepository   *self,
                                                    GAsyncResult        *result,
                                                    GError             **error)
                                                    G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
