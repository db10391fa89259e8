/* sp-locale-numbers.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Money, percentages and counts as the user's locale writes them (LC_NUMERIC, set
 * by GTK at start): "10,539.50 EUR" in English, "10.539,50 EUR" in German.
 * Only for people to read on screen; files, the CLI and the platform keep
 * to sp_money_format().
 */

#include "config.h"

#include <langinfo.h>

#include "sp-locale-numbers.h"
#include "sp-money.h"

/* nl_langinfo() answers for the current locale; NULL where it has no
 * such separator. */
static const char *
locale_separator (nl_item item)
{
  const char *separator = nl_langinfo (item);

  return separator != NULL && separator[0] != '\0' ? separator : NULL;
}

char *
sp_locale_format_money (gint64      minor,
                        const char *currency)
{
  return sp_money_format_grouped (minor, currency, locale_separator (THOUSEP),
                                  locale_separator (RADIXCHAR));
}

char *
sp_locale_format_percent (gint64 bp)
{
  return sp_percent_format_with (bp, locale_separator (RADIXCHAR));
}

/* Both decimals, for a column of percentages. */
char *
sp_locale_format_percent_fixed (gint64 bp)
{
  return sp_percent_format_fixed (bp, locale_separator (RADIXCHAR));
}

char *
sp_locale_format_count (gint64 count)
{
  return sp_count_format_grouped (count, locale_separator (THOUSEP));
}
