/* sp-promotion-repository.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-promotion.h"
#include "sp-store.h"

G_BEGIN_DECLS

#define SP_TYPE_PROMOTION_REPOSITORY (sp_promotion_repository_get_type ())

G_DECLARE_FINAL_TYPE (SpPromotionRepository, sp_promotion_repository, SP, PROMOTION_REPOSITORY,
                      GObject)

SpPromotionRepository *sp_promotion_repository_new            (SpStore                *store)
                                                              G_GNUC_WARN_UNUSED_RESULT;
GListModel            *sp_promotion_repository_get_promotions (SpPromotionRepository  *self);
gboolean               sp_promotion_repository_load           (SpPromotionRepository  *self,
                                                              GError                **error);
void                   sp_promotion_repository_reload_async   (SpPromotionRepository  *self,
                                                              GCancellable           *cancellable,
                                                              GAsyncReadyCallback     callback,
                                                              gpointer                user_data);
gboolean               sp_promotion_repository_reload_finish  (SpPromotionRepository  *self,
                                                              GAsyncResult           *result,
                                                              GError                **error);
gboolean               sp_promotion_repository_save           (SpPromotionRepository  *self,
                                                              SpPromotion            *promotion,
                                                              const char             *campaign_id,
                                                              GError                **error);

G_END_DECLS
