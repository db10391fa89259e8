/* sp-promotion-json.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Promotions as JSON (the "promotions" entries of promotion-workload/1,
 * with tiered benefits and stacking), both ways.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sp-promotion.h"

G_BEGIN_DECLS

SpPromotion *sp_promotion_from_json      (JsonNode     *node,
                                          const char   *path,
                                          GError      **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray   *sp_promotions_from_json     (JsonNode     *root,
                                          GError      **error) G_GNUC_WARN_UNUSED_RESULT;
JsonNode    *sp_promotion_to_json        (SpPromotion  *promotion) G_GNUC_WARN_UNUSED_RESULT;
char        *sp_promotion_to_json_string (SpPromotion  *promotion) G_GNUC_WARN_UNUSED_RESULT;
SpPromotion *sp_promotion_from_json_string (const char *text,
                                            GError    **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
