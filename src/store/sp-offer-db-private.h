/* sp-offer-db-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one writer of a price list and its entries, shared by
 * SpOfferRepository and sp-plan-apply.
 */

#pragma once

#include "sp-db-private.h"
#include "sp-price-list.h"

G_BEGIN_DECLS

gboolean _sp_offer_db_write_price_list (sqlite3      *db,
                                        SpPriceList  *list,
                                        GError      **error);

G_END_DECLS
