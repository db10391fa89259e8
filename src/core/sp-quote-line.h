/* sp-quote-line.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-core-enums.h"
#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_QUOTE_LINE (sp_quote_line_get_type ())

G_DECLARE_FINAL_TYPE (SpQuoteLine, sp_quote_line, SP, QUOTE_LINE, GObject)

SpQuoteLine *sp_quote_line_new            (const char   *sku,
                                           gint64        quantity,
                                           gint64        unit_price) G_GNUC_WARN_UNUSED_RESULT;
const char  *sp_quote_line_get_id         (SpQuoteLine  *self);
const char  *sp_quote_line_get_sku        (SpQuoteLine  *self);
void         sp_quote_line_set_sku        (SpQuoteLine  *self,
                                           const char   *sku);
gint64       sp_quote_line_get_quantity   (SpQuoteLine  *self);
void         sp_quote_line_set_quantity   (SpQuoteLine  *self,
                                           gint64        quantity);
gint64       sp_quote_line_get_unit_price (SpQuoteLine  *self);
void         sp_quote_line_set_unit_price (SpQuoteLine  *self,
                                           gint64        unit_price);
gboolean     sp_quote_line_validate       (SpQuoteLine  *self,
                                           GError      **error);
gint64       sp_quote_line_get_amount     (SpQuoteLine  *self);

G_END_DECLS
