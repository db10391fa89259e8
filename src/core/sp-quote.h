/* sp-quote.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-core-enums.h"
#include "sp-types.h"
#include "sp-quote-line.h"

G_BEGIN_DECLS

#define SP_TYPE_QUOTE (sp_quote_get_type ())

G_DECLARE_FINAL_TYPE (SpQuote, sp_quote, SP, QUOTE, GObject)

SpQuote    *sp_quote_new              (const char   *company_code) G_GNUC_WARN_UNUSED_RESULT;
const char *sp_quote_get_id           (SpQuote      *self);
const char *sp_quote_get_campaign_id  (SpQuote      *self);
void        sp_quote_set_campaign_id  (SpQuote      *self,
                                       const char   *campaign_id);
const char *sp_quote_get_company_code (SpQuote      *self);
void        sp_quote_set_company_code (SpQuote      *self,
                                       const char   *company_code);
const char *sp_quote_get_status       (SpQuote      *self);
void        sp_quote_set_status       (SpQuote      *self,
                                       const char   *status);
const char *sp_quote_get_valid_to     (SpQuote      *self);
void        sp_quote_set_valid_to     (SpQuote      *self,
                                       const char   *valid_to);
const char *sp_quote_get_currency     (SpQuote      *self);
void        sp_quote_set_currency     (SpQuote      *self,
                                       const char   *currency);
const char *sp_quote_get_remote_id    (SpQuote      *self);
void        sp_quote_set_remote_id    (SpQuote      *self,
                                       const char   *remote_id);
GListModel *sp_quote_get_lines        (SpQuote      *self);
void        sp_quote_add_line         (SpQuote      *self,
                                       SpQuoteLine  *line);
void        sp_quote_remove_all_lines (SpQuote      *self);
gboolean    sp_quote_validate         (SpQuote      *self,
                                       GError      **error);
gint64      sp_quote_get_total        (SpQuote      *self);

G_END_DECLS
