/* sp-locale-numbers.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *sp_locale_format_money         (gint64      minor,
                                      const char *currency) G_GNUC_WARN_UNUSED_RESULT;
char *sp_locale_format_percent       (gint64      bp) G_GNUC_WARN_UNUSED_RESULT;
char *sp_locale_format_percent_fixed (gint64      bp) G_GNUC_WARN_UNUSED_RESULT;
char *sp_locale_format_count         (gint64      count) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
