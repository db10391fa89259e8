/* sp-price-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-core-enums.h"
#include "sp-types.h"
#include "sp-price-list-entry.h"

G_BEGIN_DECLS

#define SP_TYPE_PRICE_LIST (sp_price_list_get_type ())

G_DECLARE_FINAL_TYPE (SpPriceList, sp_price_list, SP, PRICE_LIST, GObject)

SpPriceList      *sp_price_list_new                (const char        *name) G_GNUC_WARN_UNUSED_RESULT;
const char       *sp_price_list_get_id             (SpPriceList       *self);
const char       *sp_price_list_get_campaign_id    (SpPriceList       *self);
void              sp_price_list_set_campaign_id    (SpPriceList       *self,
                                                    const char        *campaign_id);
const char       *sp_price_list_get_name           (SpPriceList       *self);
void              sp_price_list_set_name           (SpPriceList       *self,
                                                    const char        *name);
const char       *sp_price_list_get_site_code      (SpPriceList       *self);
void              sp_price_list_set_site_code      (SpPriceList       *self,
                                                    const char        *site_code);
const char       *sp_price_list_get_currency       (SpPriceList       *self);
void              sp_price_list_set_currency       (SpPriceList       *self,
                                                    const char        *currency);
const char       *sp_price_list_get_company_code   (SpPriceList       *self);
void              sp_price_list_set_company_code   (SpPriceList       *self,
                                                    const char        *company_code);
const char       *sp_price_list_get_valid_from     (SpPriceList       *self);
void              sp_price_list_set_valid_from     (SpPriceList       *self,
                                                    const char        *valid_from);
const char       *sp_price_list_get_valid_to       (SpPriceList       *self);
void              sp_price_list_set_valid_to       (SpPriceList       *self,
                                                    const char        *valid_to);
const char       *sp_price_list_get_remote_id      (SpPriceList       *self);
void              sp_price_list_set_remote_id      (SpPriceList       *self,
                                                    const char        *remote_id);
GListModel       *sp_price_list_get_entries        (SpPriceList       *self);
void              sp_price_list_add_entry          (SpPriceList       *self,
                                                    SpPriceListEntry  *entry);
void              sp_price_list_remove_all_entries (SpPriceList       *self);
gboolean          sp_price_list_validate           (SpPriceList       *self,
                                                    GError           **error);
SpPriceListEntry *sp_price_list_find_entry         (SpPriceList       *self,
                                                    const char        *sku);

G_END_DECLS
