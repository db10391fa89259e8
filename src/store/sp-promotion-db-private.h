/* sp-promotion-db-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Promotion numbers, shared by SpPromotionRepository and sp-promotion-io so
 * that a promotion saved from the app and one imported by the CLI are
 * numbered alike.
 */

#pragma once

#include "sp-db-private.h"

G_BEGIN_DECLS

char *_sp_promotion_db_next_number (sqlite3  *db,
                                    guint     offset,
                                    GError  **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
