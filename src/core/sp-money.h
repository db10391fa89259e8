/* sp-money.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exact money. Amounts are gint64 minor units (cents) beside a currency
 * code; percentages are gint64 basis points (1% = 100, 100% = 10000).
 * Nothing here goes through floating point, and sp_money_percent_of() is
 * the one place where money is rounded.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SP_PERCENT_100:
 *
 * 100% in basis points.
 */
#define SP_PERCENT_100 G_GINT64_CONSTANT (10000)

gboolean  sp_money_parse                (const char  *text,
                                         gint64      *out_minor,
                                         GError     **error);
char     *sp_money_format               (gint64       minor) G_GNUC_WARN_UNUSED_RESULT;
char     *sp_money_format_with_currency (gint64       minor,
                                         const char  *currency) G_GNUC_WARN_UNUSED_RESULT;
char     *sp_money_format_grouped       (gint64       minor,
                                         const char  *currency,
                                         const char  *group_separator,
                                         const char  *decimal_separator) G_GNUC_WARN_UNUSED_RESULT;
char     *sp_count_format_grouped       (gint64       count,
                                         const char  *group_separator) G_GNUC_WARN_UNUSED_RESULT;

gboolean  sp_percent_parse              (const char  *text,
                                         gint64      *out_bp,
                                         GError     **error);
char     *sp_percent_format             (gint64       bp) G_GNUC_WARN_UNUSED_RESULT;
char     *sp_percent_format_with        (gint64       bp,
                                         const char  *decimal_separator) G_GNUC_WARN_UNUSED_RESULT;
char     *sp_percent_format_fixed       (gint64       bp,
                                         const char  *decimal_separator) G_GNUC_WARN_UNUSED_RESULT;

gint64    sp_money_percent_of           (gint64       minor,
                                         gint64       bp);
gint64    sp_money_apply_discount       (gint64       minor,
                                         gint64       bp);
gint64    sp_money_multiply             (gint64       minor,
                                         gint64       quantity);
gint64    sp_money_margin_bp            (gint64       price,
                                         gint64       cost);
gint64    sp_money_ratio_bp             (gint64       part,
                                         gint64       whole);

gboolean  sp_currency_is_valid          (const char  *code);

G_END_DECLS
