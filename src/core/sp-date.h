/* sp-date.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Calendar dates are ISO 8601 'YYYY-MM-DD' strings in the model's
 * properties (so they compare as strings and store as SQLite TEXT);
 * timestamps are UTC 'YYYY-MM-DDTHH:MM:SSZ'.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  sp_date_parse         (const char  *iso,
                                 GDate       *out,
                                 GError     **error);
gboolean  sp_date_is_valid      (const char  *iso);
int       sp_date_compare       (const char  *a,
                                 const char  *b);
char     *sp_date_today         (void) G_GNUC_WARN_UNUSED_RESULT;
char     *sp_date_format        (const GDate *date) G_GNUC_WARN_UNUSED_RESULT;
int       sp_date_days_between  (const char  *from,
                                 const char  *to);
char     *sp_date_add_days      (const char  *iso,
                                 int          days) G_GNUC_WARN_UNUSED_RESULT;

char     *sp_timestamp_now      (void) G_GNUC_WARN_UNUSED_RESULT;
gboolean  sp_timestamp_is_valid (const char  *iso);

G_END_DECLS
