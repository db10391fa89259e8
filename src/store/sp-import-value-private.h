/* sp-import-value-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Field parsers of the import: exact decimals (never through double),
 * counts, currencies and category paths. Each sets an error that gives the
 * reason only; the caller adds file, line and field.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Largest amount or count accepted, in minor units or units: far beyond any
 * price, far below overflow when summed. */
#define SP_IMPORT_MAX_VALUE G_GINT64_CONSTANT (999999999999999)

/* Deeper category paths are refused (the tree is built recursively). */
#define SP_IMPORT_MAX_CATEGORY_LEVELS 16

typedef enum
{
  SP_IMPORT_NUMBER_AMOUNT,     /* money, in the currency's minor units */
  SP_IMPORT_NUMBER_COUNT,      /* whole units */
  SP_IMPORT_NUMBER_QUANTITY,   /* a decimal quantity (units per day) */
} SpImportNumber;

char     *_sp_import_quote_value        (const char  *text,
                                         gsize        length) G_GNUC_WARN_UNUSED_RESULT;
gboolean  _sp_import_parse_decimal      (const char  *text,
                                         gsize        length,
                                         guint        decimals,
                                         gboolean     decimal_comma,
                                         SpImportNumber  kind,
                                         gint64      *value,
                                         GError     **error);
gboolean  _sp_import_parse_count        (const char  *text,
                                         gsize        length,
                                         gint64      *value,
                                         GError     **error);
gboolean  _sp_import_parse_currency     (const char  *text,
                                         gsize        length,
                                         char         code[4],
                                         GError     **error);
guint     _sp_import_currency_decimals  (const char  *code);
gboolean  _sp_import_normalize_category (const char  *text,
                                         gsize        length,
                                         GString     *path,
                                         GError     **error);

G_END_DECLS
