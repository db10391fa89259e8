/* test-money.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib.h>

#include "sp-model-error.h"
#include "sp-money.h"

static void
test_money_parse_valid (void)
{
  static const struct { const char *text; gint64 minor; } cases[] = {
    { "12", 1200 },
    { "12.3", 1230 },
    { "12.34", 1234 },
    { "-1.50", -150 },
    { "0.05", 5 },
    { "-0.05", -5 },
    { "+3", 300 },
    { "0", 0 },
    { "007.10", 710 },
    { "12,34", 1234 },
    { "92233720368547758.07", G_MAXINT64 },
    { "-92233720368547758.07", -G_MAXINT64 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor = -1;

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_true (sp_money_parse (cases[i].text, &minor, &error));
      g_assert_no_error (error);
      g_assert_cmpint (minor, ==, cases[i].minor);
    }
}

static void
test_money_parse_invalid (void)
{
  static const char * const cases[] = {
    "abc", "12.345", "1.", ".5", "1e3", " 12", "12 ", "1,234.56", "--1", "-",
    "12.3.4", "12 EUR", "€12", "92233720368547758.08", "99999999999999999999",
    "0x10", "1 000",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *quoted = g_strdup_printf ("“%s”", cases[i]);
      gint64 minor = 77;

      g_test_message ("parsing “%s”", cases[i]);
      g_assert_false (sp_money_parse (cases[i], &minor, &error));
      g_assert_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, quoted));
      g_assert_cmpint (minor, ==, 77);
    }
}

static void
test_money_parse_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  gint64 minor = 77;

  g_assert_false (sp_money_parse ("", &minor, &error));
  g_assert_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_PARSE);
  g_assert_false (sp_money_parse (NULL, &minor, &error2));
  g_assert_error (error2, SP_MODEL_ERROR, SP_MODEL_ERROR_PARSE);
  g_assert_cmpint (minor, ==, 77);
}

static void
test_money_parse_precision_message (void)
{
  g_autoptr(GError) error = NULL;
  gint64 minor;

  g_assert_false (sp_money_parse ("1.999", &minor, &error));
  g_assert_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "two decimals"));
}

static void
test_money_format (void)
{
  static const struct { gint64 minor; const char *text; } cases[] = {
    { 1234, "12.34" },
    { -5, "-0.05" },
    { 0, "0.00" },
    { 100, "1.00" },
    { 7, "0.07" },
    { -123456, "-1234.56" },
    { G_MAXINT64, "92233720368547758.07" },
    { G_MININT64, "-92233720368547758.08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sp_money_format (cases[i].minor);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_money_format_round_trip (void)
{
  static const gint64 values[] = { 0, 1, -1, 99, 100, 101, 123456789, -987654321, G_MAXINT64 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = sp_money_format (values[i]);
      g_autoptr(GError) error = NULL;
      gint64 back = 0;

      g_assert_true (sp_money_parse (text, &back, &error));
      g_assert_no_error (error);
      g_assert_cmpint (back, ==, values[i]);
    }
}

static void
test_money_format_with_currency (void)
{
  g_autofree char *eur = sp_money_format_with_currency (1234, "EUR");
  g_autofree char *usd = sp_money_format_with_currency (-5, "USD");
  g_autofree char *none = sp_money_format_with_currency (1234, NULL);

  g_assert_cmpstr (eur, ==, "12.34 EUR");
  g_assert_cmpstr (usd, ==, "-0.05 USD");
  g_assert_cmpstr (none, ==, "12.34");
}

/* Amounts for people: groups of three digits with their locale's
 * separators, down to the smallest and the largest amounts. */
static void
test_money_format_grouped (void)
{
  static const struct {
    gint64      minor;
    const char *currency, *group, *decimal, *expected;
  } cases[] = {
    { 0, "EUR", ",", ".", "0.00 EUR" },
    { 99999, "EUR", ",", ".", "999.99 EUR" },
    { 100000, "EUR", ",", ".", "1,000.00 EUR" },
    { 1053950, "EUR", ",", ".", "10,539.50 EUR" },
    { -123456789, "USD", ",", ".", "-1,234,567.89 USD" },
    { 123456789, "EUR", ".", ",", "1.234.567,89 EUR" },
    { 123456789, "EUR", "\u202f", ",", "1\u202f234\u202f567,89 EUR" },
    { 123456789, NULL, NULL, NULL, "1234567.89" },
    { 123456789, "", "", ".", "1234567.89" },
    { -5, "USD", ",", ".", "-0.05 USD" },
    { G_MININT64, NULL, ",", ".", "-92,233,720,368,547,758.08" },
    { G_MAXINT64, NULL, ",", ".", "92,233,720,368,547,758.07" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sp_money_format_grouped (cases[i].minor, cases[i].currency,
                                                       cases[i].group, cases[i].decimal);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* Whole numbers for people, grouped the same way. */
static void
test_count_format_grouped (void)
{
  g_autofree char *small = sp_count_format_grouped (999, ",");
  g_autofree char *thousands = sp_count_format_grouped (12345, ",");
  g_autofree char *german = sp_count_format_grouped (-1234567, ".");
  g_autofree char *plain = sp_count_format_grouped (1234567, NULL);
  g_autofree char *smallest = sp_count_format_grouped (G_MININT64, ",");

  g_assert_cmpstr (small, ==, "999");
  g_assert_cmpstr (thousands, ==, "12,345");
  g_assert_cmpstr (german, ==, "-1.234.567");
  g_assert_cmpstr (plain, ==, "1234567");
  g_assert_cmpstr (smallest, ==, "-9,223,372,036,854,775,808");
}

/* A percentage for people, with their locale's decimal separator. */
static void
test_percent_format_with (void)
{
  g_autofree char *comma = sp_percent_format_with (1250, ",");
  g_autofree char *dot = sp_percent_format_with (2467, NULL);
  g_autofree char *whole = sp_percent_format_with (2000, ",");
  g_autofree char *negative = sp_percent_format_with (-1250, ",");

  g_assert_cmpstr (comma, ==, "12,5%");
  g_assert_cmpstr (dot, ==, "24.67%");
  g_assert_cmpstr (whole, ==, "20%");
  g_assert_cmpstr (negative, ==, "-12,5%");
}

/* A column of percentages keeps both decimals. */
static void
test_percent_format_fixed (void)
{
  g_autofree char *trailing = sp_percent_format_fixed (2830, NULL);
  g_autofree char *both = sp_percent_format_fixed (2467, ",");
  g_autofree char *whole = sp_percent_format_fixed (1500, ".");
  g_autofree char *small = sp_percent_format_fixed (-5, ".");

  g_assert_cmpstr (trailing, ==, "28.30%");
  g_assert_cmpstr (both, ==, "24,67%");
  g_assert_cmpstr (whole, ==, "15.00%");
  g_assert_cmpstr (small, ==, "-0.05%");
}

static void
test_percent_parse (void)
{
  static const struct { const char *text; gint64 bp; } valid[] = {
    { "20", 2000 }, { "12.5", 1250 }, { "12.50", 1250 }, { "0", 0 }, { "100", 10000 },
    { "12.5%", 1250 }, { "0.01", 1 }, { "99.99", 9999 },
  };
  static const char * const invalid[] = {
    "100.01", "-1", "12.345", "abc", "101", "12.5 %", "%", "1e2",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 bp = -1;

      g_test_message ("parsing “%s”", valid[i].text);
      g_assert_true (sp_percent_parse (valid[i].text, &bp, &error));
      g_assert_no_error (error);
      g_assert_cmpint (bp, ==, valid[i].bp);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *quoted = g_strdup_printf ("“%s”", invalid[i]);
      gint64 bp = -1;

      g_test_message ("parsing “%s”", invalid[i]);
      g_assert_false (sp_percent_parse (invalid[i], &bp, &error));
      g_assert_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, quoted));
      g_assert_cmpint (bp, ==, -1);
    }
}

static void
test_percent_format (void)
{
  static const struct { gint64 bp; const char *text; } cases[] = {
    { 2000, "20%" }, { 1250, "12.5%" }, { 1234, "12.34%" }, { 5, "0.05%" },
    { 0, "0%" }, { 10000, "100%" }, { 10, "0.1%" }, { -250, "-2.5%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sp_percent_format (cases[i].bp);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_money_percent_of_half_up (void)
{
  /* 20% of 9.99 is 1.998: 2.00. */
  g_assert_cmpint (sp_money_percent_of (999, 2000), ==, 200);
  /* Exactly half a cent rounds up, and away from zero when negative. */
  g_assert_cmpint (sp_money_percent_of (4, 1250), ==, 1);
  g_assert_cmpint (sp_money_percent_of (-4, 1250), ==, -1);
  g_assert_cmpint (sp_money_percent_of (12, 1250), ==, 2);
  g_assert_cmpint (sp_money_percent_of (-12, 1250), ==, -2);
  g_assert_cmpint (sp_money_percent_of (1, 5000), ==, 1);
  /* Below half rounds down. */
  g_assert_cmpint (sp_money_percent_of (3, 1250), ==, 0);
  g_assert_cmpint (sp_money_percent_of (-3, 1250), ==, 0);
  g_assert_cmpint (sp_money_percent_of (10000, 3333), ==, 3333);
  g_assert_cmpint (sp_money_percent_of (0, 5000), ==, 0);
  g_assert_cmpint (sp_money_percent_of (12345, 0), ==, 0);
  g_assert_cmpint (sp_money_percent_of (12345, 10000), ==, 12345);
}

static void
test_money_percent_of_extremes (void)
{
  /* No intermediate overflow, even at the ends of the range. */
  g_assert_cmpint (sp_money_percent_of (G_MAXINT64, 10000), ==, G_MAXINT64);
  g_assert_cmpint (sp_money_percent_of (G_MININT64, 10000), ==, G_MININT64);
  g_assert_cmpint (sp_money_percent_of (G_MAXINT64, 5000), ==, G_GINT64_CONSTANT (4611686018427387904));
  g_assert_cmpint (sp_money_percent_of (G_MININT64, 5000), ==, G_GINT64_CONSTANT (-4611686018427387904));
  /* Results beyond gint64 saturate instead of wrapping. */
  g_assert_cmpint (sp_money_percent_of (G_MAXINT64, 20000), ==, G_MAXINT64);
  g_assert_cmpint (sp_money_percent_of (G_MAXINT64, -20000), ==, G_MININT64);
}

#ifdef __SIZEOF_INT128__
static gint64
reference_percent_of (gint64 minor,
                      gint64 bp)
{
  __int128 product = (__int128)minor * bp;
  __int128 magnitude = product < 0 ? -product : product;
  __int128 rounded = (magnitude + 5000) / 10000;

  return (gint64)(product < 0 ? -rounded : rounded);
}
#endif

static void
test_money_percent_of_matches_exact_arithmetic (void)
{
#ifdef __SIZEOF_INT128__
  g_autoptr(GRand) rand = g_rand_new_with_seed (20251122);

  for (guint i = 0; i < 100000; i++)
    {
      gint64 minor = (gint64)(((guint64)g_rand_int (rand) << 32) | g_rand_int (rand));
      gint64 bp = g_rand_int_range (rand, -10000, 10001);

      if (i % 2 == 0)
        minor %= 10000000;  /* everyday amounts as well as huge ones */

      g_assert_cmpint (sp_money_percent_of (minor, bp), ==, reference_percent_of (minor, bp));
    }
#else
  g_test_skip ("no 128-bit integers to compare with");
#endif
}

static void
test_money_apply_discount (void)
{
  /* The discount is rounded, then subtracted: 20% off 9.99 is 7.99. */
  g_assert_cmpint (sp_money_apply_discount (999, 2000), ==, 799);
  g_assert_cmpint (sp_money_apply_discount (-999, 2000), ==, -799);
  g_assert_cmpint (sp_money_apply_discount (1000, 0), ==, 1000);
  g_assert_cmpint (sp_money_apply_discount (1000, 10000), ==, 0);
  g_assert_cmpint (sp_money_apply_discount (4, 1250), ==, 3);
  g_assert_cmpint (sp_money_apply_discount (G_MAXINT64, 2500), ==,
                   G_MAXINT64 - sp_money_percent_of (G_MAXINT64, 2500));
}

static void
test_money_margin (void)
{
  g_assert_cmpint (sp_money_margin_bp (1000, 750), ==, 2500);
  g_assert_cmpint (sp_money_margin_bp (1000, 1200), ==, -2000);
  g_assert_cmpint (sp_money_margin_bp (7000, 7500), ==, -714);
  g_assert_cmpint (sp_money_margin_bp (0, 5), ==, 0);
  g_assert_cmpint (sp_money_ratio_bp (1, 3), ==, 3333);
  g_assert_cmpint (sp_money_ratio_bp (2, 3), ==, 6667);
  g_assert_cmpint (sp_money_ratio_bp (-2, 3), ==, -6667);
  g_assert_cmpint (sp_money_ratio_bp (1, 20000), ==, 1);  /* 0.5 bp rounds up */
  g_assert_cmpint (sp_money_ratio_bp (5, 0), ==, 0);
  g_assert_cmpint (sp_money_ratio_bp (G_MAXINT64, G_MAXINT64), ==, 10000);
  g_assert_cmpint (sp_money_ratio_bp (G_MAXINT64 / 2, G_MAXINT64), ==, 5000);
}

static void
test_money_multiply (void)
{
  g_assert_cmpint (sp_money_multiply (1999, 3), ==, 5997);
  g_assert_cmpint (sp_money_multiply (-1999, 3), ==, -5997);
  g_assert_cmpint (sp_money_multiply (G_MAXINT64, 2), ==, G_MAXINT64);
  g_assert_cmpint (sp_money_multiply (G_MAXINT64, -2), ==, G_MININT64);
}

static void
test_currency_is_valid (void)
{
  g_assert_true (sp_currency_is_valid ("EUR"));
  g_assert_true (sp_currency_is_valid ("USD"));
  g_assert_false (sp_currency_is_valid ("eur"));
  g_assert_false (sp_currency_is_valid ("EU"));
  g_assert_false (sp_currency_is_valid ("EURO"));
  g_assert_false (sp_currency_is_valid ("E1R"));
  g_assert_false (sp_currency_is_valid (""));
  g_assert_false (sp_currency_is_valid (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/money/parse/valid", test_money_parse_valid);
  g_test_add_func ("/core/money/parse/invalid", test_money_parse_invalid);
  g_test_add_func ("/core/money/parse/empty", test_money_parse_empty);
  g_test_add_func ("/core/money/parse/precision-message", test_money_parse_precision_message);
  g_test_add_func ("/core/money/format", test_money_format);
  g_test_add_func ("/core/money/format/round-trip", test_money_format_round_trip);
  g_test_add_func ("/core/money/format/with-currency", test_money_format_with_currency);
  g_test_add_func ("/core/money/format/grouped", test_money_format_grouped);
  g_test_add_func ("/core/money/format/percent-with", test_percent_format_with);
  g_test_add_func ("/core/money/format/percent-fixed", test_percent_format_fixed);
  g_test_add_func ("/core/money/format/count-grouped", test_count_format_grouped);
  g_test_add_func ("/core/money/percent/parse", test_percent_parse);
  g_test_add_func ("/core/money/percent/format", test_percent_format);
  g_test_add_func ("/core/money/percent-of/half-up", test_money_percent_of_half_up);
  g_test_add_func ("/core/money/percent-of/extremes", test_money_percent_of_extremes);
  g_test_add_func ("/core/money/percent-of/exact", test_money_percent_of_matches_exact_arithmetic);
  g_test_add_func ("/core/money/apply-discount", test_money_apply_discount);
  g_test_add_func ("/core/money/margin", test_money_margin);
  g_test_add_func ("/core/money/multiply", test_money_multiply);
  g_test_add_func ("/core/money/currency", test_currency_is_valid);

  return g_test_run ();
}
