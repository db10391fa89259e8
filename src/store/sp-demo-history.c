/* sp-demo-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Twelve months of sales orders before the reference date, consistent with
 * the average daily sales of every product at every site: the quantities a
 * product sold at a site add up to round (avg_daily_sales × 365 / 100), so
 * recomputing the average from the history gives the stored value again.
 */

#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <stdlib.h>

#include "sp-demo-private.h"

#define SQL_ORDER \
  "INSERT INTO sales_orders (id, number, company_id, site_id, order_date, currency) " \
  "VALUES (?, ?, ?, ?, ?, ?)"
#define SQL_ORDER_LINE \
  "INSERT INTO sales_order_lines (id, order_id, line_no, product_id, quantity, unit_price) " \
  "VALUES (?, ?, ?, ?, ?, ?)"

/* The average number of lines an order gets. */
#define LINES_PER_ORDER 4

/* Off list price, basis points, by segment (SP_DEMO_SEGMENT_*). */
static const gint64 segment_discount_bp[SP_DEMO_N_SEGMENTS] = { 1200, 800, 1000, 1800, 600 };
/* How often a company orders, by segment. */
static const guint segment_order_weight[SP_DEMO_N_SEGMENTS] = { 8, 3, 4, 5, 2 };

typedef struct
{
  guint company;
  int   day;          /* days from the reference date, negative */
  guint creation;     /* tie-breaker for a stable order */
  int   first_line;   /* index into lines, or -1 */
  int   last_line;
} Order;

typedef struct
{
  guint  product;
  gint64 quantity;
  int    next;        /* the order's next line, or -1 */
} Line;

static gint64
isqrt (gint64 n)
{
  gint64 x = 0;

  while ((x + 1) * (x + 1) <= n)
    x++;

  return x;
}

static gint64
units_per_year (gint64 ads)
{
  return (ads * SP_DEMO_HISTORY_DAYS + 50) / 100;
}

/* Lines of one product at one site: about k/1000 × √units, at least one and
 * at most one per unit. */
static gint64
lines_for (gint64 units,
           gint64 k)
{
  if (units == 0)
    return 0;

  return CLAMP ((k * isqrt (units) + 500) / 1000, 1, units);
}

/* Finds the k that gives about SP_DEMO_TARGET_LINES lines in all. */
static gint64
find_line_factor (SpDemo *demo)
{
  gint64 lo = 1;
  gint64 hi = 1000000;

  while (lo < hi)
    {
      gint64 k = (lo + hi) / 2;
      gint64 total = 0;

      for (guint i = 0; i < demo->products->len; i++)
        for (guint s = 0; s < SP_DEMO_N_SITES; s++)
          total += lines_for (units_per_year (g_array_index (demo->products, SpDemoProduct, i).ads[s]), k);

      if (total < SP_DEMO_TARGET_LINES)
        lo = k + 1;
      else
        hi = k;
    }

  return lo;
}

static int
random_weekday (SpDemoRng *rng)
{
  for (;;)
    {
      int day = -(int)_sp_demo_rng_range (rng, 1, SP_DEMO_HISTORY_DAYS);
      /* The reference date, 2026-11-01, is a Sunday. */
      int weekday = ((day % 7) + 7) % 7;   /* 0 Sunday … 6 Saturday */

      if (weekday != 0 && weekday != 6)
        return day;
    }
}

/* The orders of one site, each company ordering in proportion to its weight. */
static void
make_orders (SpDemo    *demo,
             guint      site,
             gint64     n_lines,
             GArray    *orders,
             SpDemoRng *rng)
{
  g_autofree guint *weight = g_new0 (guint, demo->companies->len);
  gint64 n_orders = n_lines / LINES_PER_ORDER;
  gint64 weight_sum = 0;

  for (guint c = 0; c < demo->companies->len; c++)
    {
      const SpDemoCompany *company = &g_array_index (demo->companies, SpDemoCompany, c);

      if (company->site == site)
        weight_sum += weight[c] = segment_order_weight[company->segment] * _sp_demo_rng_range (rng, 2, 6);
    }

  for (guint c = 0; c < demo->companies->len; c++)
    {
      gint64 n;

      if (weight[c] == 0)
        continue;

      n = MAX (2, (n_orders * weight[c] + weight_sum / 2) / weight_sum);
      for (gint64 i = 0; i < n; i++)
        {
          Order order = { c, random_weekday (rng), orders->len, -1, -1 };

          g_array_append_val (orders, order);
        }
    }
}

static void
add_line (GArray *orders,
          GArray *lines,
          guint   order_index,
          guint   product,
          gint64  quantity)
{
  Order *order = &g_array_index (orders, Order, order_index);
  Line line = { product, quantity, -1 };

  /* A product already on the order gets the quantity added. */
  for (int l = order->first_line; l >= 0; l = g_array_index (lines, Line, l).next)
    {
      if (g_array_index (lines, Line, l).product == product)
        {
          g_array_index (lines, Line, l).quantity += quantity;
          return;
        }
    }

  g_array_append_val (lines, line);
  if (order->last_line >= 0)
    g_array_index (lines, Line, order->last_line).next = lines->len - 1;
  else
    order->first_line = lines->len - 1;
  order->last_line = lines->len - 1;
}

/* Splits a product's units at a site into @n lines of at least one unit
 * and puts each on a random order of that site. */
static void
spread_units (GArray    *orders,
              guint      first_order,
              guint      n_orders,
              GArray    *lines,
              guint      product,
              gint64     units,
              gint64     n,
              SpDemoRng *rng)
{
  g_autofree gint64 *share = g_new (gint64, n);
  gint64 share_sum = 0;
  gint64 rest = units - n;
  gint64 given = 0;

  for (gint64 i = 0; i < n; i++)
    share_sum += share[i] = _sp_demo_rng_range (rng, 1, 100);

  for (gint64 i = 0; i < n; i++)
    {
      gint64 quantity = 1 + rest * share[i] / share_sum;

      given += quantity;
      if (i == n - 1)
        quantity += units - given;
      add_line (orders, lines, first_order + _sp_demo_rng_range (rng, 0, n_orders - 1), product,
                quantity);
    }
}

static int
compare_orders (gconstpointer a,
                gconstpointer b)
{
  const Order *x = a;
  const Order *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;

  return x->creation < y->creation ? -1 : x->creation > y->creation;
}

static void
write_orders (SpDemo *demo,
              GArray *orders,
              GArray *lines)
{
  char site_id[SP_DEMO_N_SITES][SP_DEMO_ID_LEN];
  guint n_written = 0;
  guint n_lines = 0;

  for (guint s = 0; s < SP_DEMO_N_SITES; s++)
    _sp_demo_make_id (site_id[s], "site", s);

  g_array_sort (orders, compare_orders);

  for (guint i = 0; i < orders->len && _sp_demo_ok (demo); i++)
    {
      const Order *order = &g_array_index (orders, Order, i);
      const SpDemoCompany *company = &g_array_index (demo->companies, SpDemoCompany, order->company);
      char order_id[SP_DEMO_ID_LEN];
      char number[16];
      char date[11];
      int line_no = 0;

      if (order->first_line < 0)
        continue;

      _sp_demo_make_id (order_id, "sales-order", n_written);
      g_snprintf (number, sizeof number, "SO-%06u", 100001 + n_written++);
      _sp_demo_format_date (date, order->day);
      _sp_demo_insert (demo, SQL_ORDER, "tttttt", order_id, number, company->id,
                       site_id[company->site], date, _sp_demo_sites[company->site].currency);

      for (int l = order->first_line; l >= 0; l = g_array_index (lines, Line, l).next)
        {
          const Line *line = &g_array_index (lines, Line, l);
          const SpDemoProduct *product = &g_array_index (demo->products, SpDemoProduct, line->product);
          gint64 list = company->site == SP_DEMO_SITE_US ? product->list_price_usd : product->list_price;
          char line_id[SP_DEMO_ID_LEN];

          _sp_demo_make_id (line_id, "sales-order-line", n_lines++);
          _sp_demo_insert (demo, SQL_ORDER_LINE, "ttitxx", line_id, order_id, ++line_no,
                           product->id, line->quantity,
                           _sp_demo_apply_bp (list, segment_discount_bp[company->segment]));
        }
    }
}

void
_sp_demo_write_history (SpDemo *demo)
{
  g_autoptr(GArray) orders = g_array_new (FALSE, FALSE, sizeof (Order));
  g_autoptr(GArray) lines = g_array_sized_new (FALSE, FALSE, sizeof (Line), SP_DEMO_TARGET_LINES);
  gint64 k = find_line_factor (demo);
  SpDemoRng rng;

  _sp_demo_rng_init (&rng, "history");

  for (guint s = 0; s < SP_DEMO_N_SITES; s++)
    {
      guint first_order = orders->len;
      gint64 site_lines = 0;

      for (guint i = 0; i < demo->products->len; i++)
        site_lines += lines_for (units_per_year (g_array_index (demo->products, SpDemoProduct, i).ads[s]), k);

      make_orders (demo, s, site_lines, orders, &rng);

      for (guint i = 0; i < demo->products->len; i++)
        {
          gint64 units = units_per_year (g_array_index (demo->products, SpDemoProduct, i).ads[s]);

          if (units > 0)
              spread_units (orders, first_order, orders->len - first_order, lines, i, units,
                          lines_for (units, k), &rng);
        }
    }

  write_orders (demo, orders, lines);
}
