/* sp-import-value.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sp-import-value-private.h"
#include "sp-store-error.h"

#define QUOTE_LIMIT 40

/* Returns: (transfer full): @text in quotes, cut to a readable length */
char *
_sp_import_quote_value (const char *text,
                        gsize       length)
{
  const char *end = text + length;

  if (length > QUOTE_LIMIT)
    {
      /* Cut before a character that the limit would split. */
      g_utf8_validate_len (text, QUOTE_LIMIT, &end);
      return g_strdup_printf ("“%.*s…”", (int)(end - text), text);
    }

  return g_strdup_printf ("“%.*s”", (int)length, text);
}

static void
trim (const char **text,
      gsize       *length)
{
  while (*length > 0 && g_ascii_isspace ((*text)[0]))
    {
      (*text)++;
      (*length)--;
    }
  while (*length > 0 && g_ascii_isspace ((*text)[*length - 1]))
    (*length)--;
}

/* A macro, so that the format stays a literal the compiler checks. */
#define FAIL(error, format, text, length) \
  G_STMT_START { \
    g_autofree char *quoted_ = _sp_import_quote_value ((text), (length)); \
    g_set_error ((error), SP_STORE_ERROR, SP_STORE_ERROR_IMPORT, (format), quoted_); \
    return FALSE; \
  } G_STMT_END

static void
set_not_a_number (GError         **error,
                  const char      *quoted,
                  SpImportNumber   kind)
{
  switch (kind)
    {
    case SP_IMPORT_NUMBER_AMOUNT:
      /* Translators: %s is the value as written, in quotes */
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT, _("%s is not an amount"), quoted);
      break;
    case SP_IMPORT_NUMBER_COUNT:
      /* Translators: %s is the value as written, in quotes */
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT, _("%s is not a whole number"), quoted);
      break;
    case SP_IMPORT_NUMBER_QUANTITY:
    default:
      /* Translators: %s is the value as written, in quotes */
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT, _("%s is not a quantity"), quoted);
      break;
    }
}

/* Reads "[+]digits[.digits]" into an integer scaled by 10^@decimals, exactly. */
gboolean
_sp_import_parse_decimal (const char  *text,
                          gsize        length,
                          guint        decimals,
                          gboolean     decimal_comma,
                          SpImportNumber  kind,
                          gint64      *value,
                          GError     **error)
{
  const char *p = text;
  gsize n = length;
  gboolean negative = FALSE;
  gboolean in_fraction = FALSE;
  guint n_digits = 0;
  guint n_fraction = 0;
  gint64 result = 0;

  trim (&p, &n);
  if (n > 0 && (p[0] == '-' || p[0] == '+'))
    {
      negative = p[0] == '-';
      p++;
      n--;
    }

  for (gsize i = 0; i < n; i++)
    {
      if (g_ascii_isdigit (p[i]))
        {
          if (result > SP_IMPORT_MAX_VALUE / 10)
            /* Translators: %s is the value as written, in quotes */
            FAIL (error, _("%s is too large"), text, length);
          result = result * 10 + (p[i] - '0');
          n_digits++;
          if (in_fraction)
            n_fraction++;
        }
      else if (!in_fraction && (p[i] == '.' || (decimal_comma && p[i] == ',')))
        in_fraction = TRUE;
      else
        {
          g_autofree char *quoted = _sp_import_quote_value (text, length);

          set_not_a_number (error, quoted, kind);
          return FALSE;
        }
    }

  if (n_digits == 0)
    {
      g_autofree char *quoted = _sp_import_quote_value (text, length);

      if (n == 0)
        g_set_error_literal (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT, _("the value is missing"));
      else
        set_not_a_number (error, quoted, kind);
      return FALSE;
    }

  if (n_fraction > decimals)
    {
      g_autofree char *quoted = _sp_import_quote_value (text, length);

      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT,
                   /* Translators: %1$s is the value as written, %2$u a number of decimals */
                   g_dngettext (GETTEXT_PACKAGE, "%1$s has more than %2$u decimal",
                                "%1$s has more than %2$u decimals", decimals),
                   quoted, decimals);
      return FALSE;
    }

  for (guint i = n_fraction; i < decimals; i++)
    {
      if (result > SP_IMPORT_MAX_VALUE / 10)
        FAIL (error, _("%s is too large"), text, length);
      result *= 10;
    }

  if (negative && result != 0)
    FAIL (error, _("%s is negative"), text, length);

  *value = result;
  return TRUE;
}

gboolean
_sp_import_parse_count (const char  *text,
                        gsize        length,
                        gint64      *value,
                        GError     **error)
{
  return _sp_import_parse_decimal (text, length, 0, FALSE, SP_IMPORT_NUMBER_COUNT, value, error);
}

gboolean
_sp_import_parse_currency (const char  *text,
                           gsize        length,
                           char         code[4],
                           GError     **error)
{
  const char *p = text;
  gsize n = length;

  trim (&p, &n);
  if (n != 3 || !g_ascii_isalpha (p[0]) || !g_ascii_isalpha (p[1]) || !g_ascii_isalpha (p[2]))
    /* Translators: %s is the value as written, in quotes */
    FAIL (error, _("%s is not a currency code (three letters, like EUR)"), text, length);

  for (guint i = 0; i < 3; i++)
    code[i] = g_ascii_toupper (p[i]);
  code[3] = '\0';

  return TRUE;
}

static inline guint32
pack_code (const char *code)
{
  return (guint32)(guchar)code[0] << 16 | (guint32)(guchar)code[1] << 8 | (guchar)code[2];
}

/* ISO 4217 minor units; two for every code not listed. */
guint
_sp_import_currency_decimals (const char *code)
{
  static const char zero[][4] = {
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND",
    "VUV", "XAF", "XOF", "XPF",
  };
  static const char three[][4] = { "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND" };

  /* Compared as numbers: this runs twice for every imported row. */
  guint32 key = pack_code (code);

  for (guint i = 0; i < G_N_ELEMENTS (zero); i++)
    if (key == pack_code (zero[i]))
      return 0;
  for (guint i = 0; i < G_N_ELEMENTS (three); i++)
    if (key == pack_code (three[i]))
      return 3;

  return 2;
}

/* "Tools / Power Tools/Drills" becomes "Tools/Power Tools/Drills" in @path;
 * an empty level ("Tools//Drills") is an error. An empty text is no category. */
gboolean
_sp_import_normalize_category (const char  *text,
                               gsize        length,
                               GString     *path,
                               GError     **error)
{
  const char *p = text;
  gsize n = length;
  guint n_levels = 0;

  g_string_truncate (path, 0);
  trim (&p, &n);

  while (n > 0)
    {
      const char *slash = memchr (p, '/', n);
      const char *level = p;
      gsize level_length = slash != NULL ? (gsize)(slash - p) : n;
      gsize consumed = slash != NULL ? level_length + 1 : level_length;

      trim (&level, &level_length);
      if (level_length == 0 || (slash != NULL && consumed == n))
        /* Translators: %s is the category path as written, in quotes */
        FAIL (error, _("%s has an empty level"), text, length);

      if (++n_levels > SP_IMPORT_MAX_CATEGORY_LEVELS)
        /* Translators: %s is the category path as written, in quotes */
        FAIL (error, _("%s has too many levels"), text, length);

      if (path->len > 0)
        g_string_append_c (path, '/');
      g_string_append_len (path, level, level_length);

      p += consumed;
      n -= consumed;
    }

  return TRUE;
}
