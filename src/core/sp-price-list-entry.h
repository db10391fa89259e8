/* sp-price-list-entry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-core-enums.h"
#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_PRICE_LIST_ENTRY (sp_price_list_entry_get_type ())

G_DECLARE_FINAL_TYPE (SpPriceListEntry, sp_price_list_entry, SP, PRICE_LIST_ENTRY, GObject)

SpPriceListEntry *sp_price_list_entry_new            (const char        *sku,
                                                      gint64             old_price,
                                                      gint64             new_price) G_GNUC_WARN_UNUSED_RESULT;
const char       *sp_price_list_entry_get_id         (SpPriceListEntry  *self);
const char       *sp_price_list_entry_get_sku        (SpPriceListEntry  *self);
void              sp_price_list_entry_set_sku        (SpPriceListEntry  *self,
                                                      const char        *sku);
gint64            sp_price_list_entry_get_old_price  (SpPriceListEntry  *self);
void              sp_price_list_entry_set_old_price  (SpPriceListEntry  *self,
                                                      gint64             old_price);
gint64            sp_price_list_entry_get_new_price  (SpPriceListEntry  *self);
void              sp_price_list_entry_set_new_price  (SpPriceListEntry  *self,
                                                      gint64             new_price);
gint64            sp_price_list_entry_get_discount   (SpPriceListEntry  *self);
void              sp_price_list_entry_set_discount   (SpPriceListEntry  *self,
                                                      gint64             discount);
const char       *sp_price_list_entry_get_remote_id  (SpPriceListEntry  *self);
void              sp_price_list_entry_set_remote_id  (SpPriceListEntry  *self,
                                                      const char        *remote_id);
gboolean          sp_price_list_entry_validate       (SpPriceListEntry  *self,
                                                      GError           **error);
SpPriceListEntry *sp_price_list_entry_new_discounted (const char        *sku,
                                                      gint64             old_price,
                                                      gint64             discount) G_GNUC_WARN_UNUSED_RESULT;
gint64            sp_price_list_entry_get_margin_bp  (SpPriceListEntry  *self,
                                                      gint64             cost);

G_END_DECLS
