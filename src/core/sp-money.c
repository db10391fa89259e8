/* sp-money.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-money"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sp-model-error.h"
#include "sp-money.h"

typedef enum
{
  DECIMAL_OK,
  DECIMAL_EMPTY,
  DECIMAL_SYNTAX,
  DECIMAL_TOO_PRECISE,
  DECIMAL_OVERFLOW,
} DecimalResult;

/* Parses an optionally signed decimal with at most two decimals into
 * hundredths: "12" → 1200, "-1.5" → -150, "12,34" → 1234. The decimal
 * separator is '.' or ','; there is no grouping, no exponent and no
 * surrounding space. When @allow_percent_sign, one trailing '%' is accepted. */
static DecimalResult
parse_hundredths (const char *text,
                  gboolean    allow_percent_sign,
                  gint64     *out)
{
  const char *p = text;
  gboolean negative = FALSE;
  guint64 whole = 0;
  guint64 fraction = 0;
  guint n_whole_digits = 0;
  guint n_fraction_digits = 0;
  guint64 magnitude;

  if (text == NULL || text[0] == '\0')
    return DECIMAL_EMPTY;

  if (*p == '-' || *p == '+')
    negative = (*p++ == '-');

  for (; g_ascii_isdigit (*p); p++, n_whole_digits++)
    {
      /* Stop before the multiplication by 100 below can overflow. */
      if (whole > (guint64)G_MAXINT64 / 1000)
        return DECIMAL_OVERFLOW;
      whole = whole * 10 + (guint64)(*p - '0');
    }

  if (n_whole_digits == 0)
    return DECIMAL_SYNTAX;

  if (*p == '.' || *p == ',')
    {
      p++;
      for (; g_ascii_isdigit (*p); p++, n_fraction_digits++)
        {
          if (n_fraction_digits < 2)
            fraction = fraction * 10 + (guint64)(*p - '0');
        }

      if (n_fraction_digits == 0)
        return DECIMAL_SYNTAX;
      if (n_fraction_digits > 2)
        return DECIMAL_TOO_PRECISE;
      if (n_fraction_digits == 1)
        fraction *= 10;
    }

  if (allow_percent_sign && *p == '%')
    p++;

  if (*p != '\0')
    return DECIMAL_SYNTAX;

  magnitude = whole * 100 + fraction;
  if (magnitude > (guint64)G_MAXINT64)
    return DECIMAL_OVERFLOW;

  *out = negative ? -(gint64)magnitude : (gint64)magnitude;

  return DECIMAL_OK;
}

/* Divides rounding half away from zero: 5/10 → 1, -5/10 → -1, 4/10 → 0. */
static gint64
divide_rounded (gint64 numerator,
                gint64 denominator)
{
  gboolean negative = (numerator < 0) != (denominator < 0);
  guint64 n = numerator < 0 ? -(guint64)numerator : (guint64)numerator;
  guint64 d = denominator < 0 ? -(guint64)denominator : (guint64)denominator;
  guint64 q = n / d;
  guint64 r = n % d;

  if (r >= d - r)
    q++;

  /* |q| ≤ |n|, so the result fits unless n was G_MININT64 and d is 1. */
  if (q > (guint64)G_MAXINT64)
    return negative ? G_MININT64 : G_MAXINT64;

  return negative ? -(gint64)q : (gint64)q;
}

static gint64
multiply_saturated (gint64 a,
                    gint64 b)
{
  gint64 result;

  if (__builtin_mul_overflow (a, b, &result))
    return ((a < 0) != (b < 0)) ? G_MININT64 : G_MAXINT64;

  return result;
}

static gint64
add_saturated (gint64 a,
               gint64 b)
{
  gint64 result;

  if (__builtin_add_overflow (a, b, &result))
    return a < 0 ? G_MININT64 : G_MAXINT64;

  return result;
}

/* Appends @magnitude's digits in groups of three with @group_separator
 * between them (none when NULL). */
static void
append_grouped (GString    *text,
                guint64     magnitude,
                const char *group_separator)
{
  char digits[24];
  gsize n_digits = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude);

  for (gsize i = 0; i < n_digits; i++)
    {
      if (i > 0 && (n_digits - i) % 3 == 0 && group_separator != NULL)
        g_string_append (text, group_separator);
      g_string_append_c (text, digits[i]);
    }
}

/* Appends hundredths as "-1,234.50": grouped by @group_separator (none
 * when NULL), with @decimal_separator (NULL for ".") before the decimals,
 * which @trim drops when they are zeros ("12.5", "12"). The magnitude goes
 * through guint64 so that G_MININT64 formats too. */
static void
append_hundredths (GString    *text,
                   gint64      value,
                   const char *group_separator,
                   const char *decimal_separator,
                   gboolean    trim)
{
  guint64 magnitude = value < 0 ? -(guint64)value : (guint64)value;
  guint hundredths = magnitude % 100;

  if (value < 0)
    g_string_append_c (text, '-');
  append_grouped (text, magnitude / 100, group_separator);
  if (trim && hundredths == 0)
    return;
  g_string_append (text, decimal_separator ?: ".");
  if (trim && hundredths % 10 == 0)
    g_string_append_printf (text, "%u", hundredths / 10);
  else
    g_string_append_printf (text, "%02u", hundredths);
}

/**
 * sp_money_parse:
 * @text: (nullable): a decimal amount such as "12", "12.3", "-1.50" or "12,34"
 * @out_minor: (out): where to store the amount in minor units
 * @error: return location for a #GError
 *
 * Parses a decimal amount exactly, without floating point. At most two
 * decimals are accepted ("1.999" is an error, never rounded); '.' and ','
 * both work as the decimal separator; no grouping, currency or spaces.
 *
 * Returns: %TRUE on success; otherwise %FALSE with @error set to
 *   %SP_MODEL_ERROR_PARSE, its message quoting @text
 */
gboolean
sp_money_parse (const char  *text,
                gint64      *out_minor,
                GError     **error)
{
  gint64 value = 0;

  g_return_val_if_fail (out_minor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (parse_hundredths (text, FALSE, &value))
    {
    case DECIMAL_OK:
      *out_minor = value;
      return TRUE;

    case DECIMAL_EMPTY:
      g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_PARSE,
                   _("An amount must not be empty"));
      return FALSE;

    case DECIMAL_TOO_PRECISE:
      g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_PARSE,
                   _("“%s” is not an amount: it has more than two decimals"), text);
      return FALSE;

    case DECIMAL_OVERFLOW:
      g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_PARSE,
                   _("“%s” is not an amount: it is too large"), text);
      return FALSE;

    case DECIMAL_SYNTAX:
    default:
      g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_PARSE,
                   _("“%s” is not an amount such as 12.34"), text);
      return FALSE;
    }
}

/**
 * sp_money_format:
 * @minor: an amount in minor units
 *
 * Formats @minor with two decimals and a '.' separator: 1234 → "12.34",
 * -5 → "-0.05". The result parses back with sp_money_parse().
 *
 * Returns: (transfer full): the formatted amount
 */
char *
sp_money_format (gint64 minor)
{
  return sp_money_format_grouped (minor, NULL, NULL, NULL);
}

/**
 * sp_money_format_with_currency:
 * @minor: an amount in minor units
 * @currency: (nullable): an ISO 4217 code such as "EUR"
 *
 * Formats @minor followed by the currency code: "12.34 EUR".
 *
 * Returns: (transfer full): the formatted amount
 */
char *
sp_money_format_with_currency (gint64      minor,
                               const char *currency)
{
  return sp_money_format_grouped (minor, currency, NULL, NULL);
}

/**
 * sp_money_format_grouped:
 * @minor: an amount in minor units
 * @currency: (nullable): an ISO 4217 code such as "EUR"
 * @group_separator: (nullable): put between groups of three digits, such
 *   as "," or "." or a narrow no-break space; NULL or "" for none
 * @decimal_separator: (nullable): before the cents; NULL for "."
 *
 * Formats @minor for people to read, with the separators of their locale:
 * "1,234,567.89 EUR" or "1.234.567,89 EUR". Machine-readable output keeps
 * to sp_money_format().
 *
 * Returns: (transfer full): the formatted amount
 */
char *
sp_money_format_grouped (gint64      minor,
                         const char *currency,
                         const char *group_separator,
                         const char *decimal_separator)
{
  GString *text = g_string_new (NULL);

  append_hundredths (text, minor, group_separator, decimal_separator, FALSE);
  if (currency != NULL && currency[0] != '\0')
    g_string_append_printf (text, " %s", currency);

  return g_string_free (text, FALSE);
}

/**
 * sp_count_format_grouped:
 * @count: a whole number, such as units in stock
 * @group_separator: (nullable): as for sp_money_format_grouped()
 *
 * Formats @count for people to read: "12,345".
 *
 * Returns: (transfer full): the formatted number
 */
char *
sp_count_format_grouped (gint64      count,
                         const char *group_separator)
{
  GString *text = g_string_new (count < 0 ? "-" : "");

  append_grouped (text, count < 0 ? -(guint64)count : (guint64)count, group_separator);
  return g_string_free (text, FALSE);
}

/**
 * sp_percent_parse:
 * @text: (nullable): a percentage such as "20", "12.5", "12.50" or "12.5%"
 * @out_bp: (out): where to store the percentage in basis points
 * @error: return location for a #GError
 *
 * Parses a percentage between 0 and 100 with at most two decimals into
 * basis points: "12.5" → 1250.
 *
 * Returns: %TRUE on success; otherwise %FALSE with @error set to
 *   %SP_MODEL_ERROR_PARSE, its message quoting @text
 */
gboolean
sp_percent_parse (const char  *text,
                  gint64      *out_bp,
                  GError     **error)
{
  gint64 value = 0;

  g_return_val_if_fail (out_bp != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (parse_hundredths (text, TRUE, &value))
    {
    case DECIMAL_OK:
      if (value < 0 || value > SP_PERCENT_100)
        {
          g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_PARSE,
                       _("“%s” is not a percentage between 0 and 100"), text);
          return FALSE;
        }
      *out_bp = value;
      return TRUE;

    case DECIMAL_EMPTY:
      g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_PARSE,
                   _("A percentage must not be empty"));
      return FALSE;

    case DECIMAL_TOO_PRECISE:
      g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_PARSE,
                   _("“%s” is not a percentage: it has more than two decimals"), text);
      return FALSE;

    case DECIMAL_OVERFLOW:
    case DECIMAL_SYNTAX:
    default:
      g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_PARSE,
                   _("“%s” is not a percentage such as 12.5"), text);
      return FALSE;
    }
}

/**
 * sp_percent_format:
 * @bp: a percentage in basis points
 *
 * Formats @bp without trailing zeros: 2000 → "20%", 1250 → "12.5%",
 * 1234 → "12.34%", 5 → "0.05%".
 *
 * Returns: (transfer full): the formatted percentage
 */
char *
sp_percent_format (gint64 bp)
{
  return sp_percent_format_with (bp, NULL);
}

/**
 * sp_percent_format_with:
 * @bp: a percentage in basis points
 * @decimal_separator: (nullable): before the decimals; NULL for "."
 *
 * sp_percent_format() with a locale's decimal separator: "12,5%".
 *
 * Returns: (transfer full): the formatted percentage
 */
char *
sp_percent_format_with (gint64      bp,
                        const char *decimal_separator)
{
  GString *text = g_string_new (NULL);

  append_hundredths (text, bp, NULL, decimal_separator, TRUE);
  g_string_append_c (text, '%');
  return g_string_free (text, FALSE);
}

/**
 * sp_percent_format_fixed:
 * @bp: a percentage in basis points
 * @decimal_separator: (nullable): before the decimals; NULL for "."
 *
 * Formats @bp with both decimals, "28.30%", so that a column of
 * percentages lines up on its decimal separator.
 *
 * Returns: (transfer full): the formatted percentage
 */
char *
sp_percent_format_fixed (gint64      bp,
                         const char *decimal_separator)
{
  GString *text = g_string_new (NULL);

  append_hundredths (text, bp, NULL, decimal_separator, FALSE);
  g_string_append_c (text, '%');
  return g_string_free (text, FALSE);
}

/**
 * sp_money_percent_of:
 * @minor: an amount in minor units
 * @bp: a percentage in basis points
 *
 * Computes @bp of @minor, rounded to the minor unit. This is THE rounding
 * rule of the project: round half up, applied to the magnitude, so that
 * 0.5 of a cent becomes 1 cent and -0.5 becomes -1 (half away from zero;
 * a refund is the exact negative of its charge). It is exact for every
 * input: the product is never formed in a wider or floating type, and
 * results beyond the range of gint64 saturate at %G_MININT64/%G_MAXINT64.
 *
 * Examples: 20% of 9.99 = 2.00 (199.8 cents → 200), 12.5% of 0.04 = 0.01
 * (0.5 cents → 1), 12.5% of -0.04 = -0.01.
 *
 * Returns: the rounded share, in minor units
 */
gint64
sp_money_percent_of (gint64 minor,
                     gint64 bp)
{
  /* minor × bp / 10000 = q × bp + r × bp / 10000 with |r| < 10000; both
   * terms have the same sign, so rounding the second rounds the sum. */
  gint64 q = minor / SP_PERCENT_100;
  gint64 r = minor % SP_PERCENT_100;

  return add_saturated (multiply_saturated (q, bp),
                        divide_rounded (multiply_saturated (r, bp), SP_PERCENT_100));
}

/**
 * sp_money_apply_discount:
 * @minor: a price in minor units
 * @bp: a discount in basis points
 *
 * Computes the discounted price: @minor minus sp_money_percent_of(), so
 * the discount, not the price, is what gets rounded: 20% off 9.99 = 7.99.
 *
 * Returns: the discounted price, in minor units
 */
gint64
sp_money_apply_discount (gint64 minor,
                         gint64 bp)
{
  gint64 result;

  if (__builtin_sub_overflow (minor, sp_money_percent_of (minor, bp), &result))
    return minor < 0 ? G_MININT64 : G_MAXINT64;

  return result;
}

/**
 * sp_money_multiply:
 * @minor: a unit price in minor units
 * @quantity: a number of units
 *
 * Multiplies exactly (no rounding is involved); results beyond the range
 * of gint64 saturate.
 *
 * Returns: @minor × @quantity
 */
gint64
sp_money_multiply (gint64 minor,
                   gint64 quantity)
{
  return multiply_saturated (minor, quantity);
}

/**
 * sp_money_ratio_bp:
 * @part: an amount
 * @whole: the amount @part is a share of
 *
 * Computes @part / @whole in basis points, rounded half away from zero
 * like sp_money_percent_of(): 1 of 3 → 3333.
 *
 * Returns: the ratio in basis points, 0 when @whole is 0
 */
gint64
sp_money_ratio_bp (gint64 part,
                   gint64 whole)
{
  gint64 q;
  gint64 r;
  gint64 scaled;

  if (whole == 0)
    return 0;

  /* part / whole = q + r / whole; scale each term by 10000 separately so
   * that realistic amounts never overflow. */
  q = part / whole;
  r = part % whole;

  if (__builtin_mul_overflow (r, SP_PERCENT_100, &scaled))
    return add_saturated (multiply_saturated (q, SP_PERCENT_100),
                          divide_rounded (r, whole / SP_PERCENT_100));

  return add_saturated (multiply_saturated (q, SP_PERCENT_100),
                        divide_rounded (scaled, whole));
}

/**
 * sp_money_margin_bp:
 * @price: a selling price in minor units
 * @cost: the cost in the same currency
 *
 * Computes the gross margin on @price, (@price − @cost) / @price, in basis
 * points, rounded as sp_money_ratio_bp(). Selling below cost gives a
 * negative margin.
 *
 * Returns: the margin in basis points, 0 when @price is 0
 */
gint64
sp_money_margin_bp (gint64 price,
                    gint64 cost)
{
  gint64 difference;

  if (__builtin_sub_overflow (price, cost, &difference))
    return price < cost ? G_MININT64 : G_MAXINT64;

  return sp_money_ratio_bp (difference, price);
}

/**
 * sp_currency_is_valid:
 * @code: (nullable): a currency code
 *
 * Checks the form of an ISO 4217 code: exactly three upper-case ASCII
 * letters ("EUR", "USD"). It does not check that the code is assigned.
 *
 * Returns: %TRUE when @code has that form
 */
gboolean
sp_currency_is_valid (const char *code)
{
  if (code == NULL)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      if (code[i] < 'A' || code[i] > 'Z')
        return FALSE;
    }

  return code[3] == '\0';
}
