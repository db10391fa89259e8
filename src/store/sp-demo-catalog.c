/* sp-demo-catalog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo catalog: sites, the 3-level category tree, 5,000 products named
 * from the word lists of sp-demo-catalog-data.c, their stock and average
 * daily sales per site, and the US list prices in USD.
 */

#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sp-demo-private.h"

#define SQL_SITE \
  "INSERT INTO sites (id, code, name, region, currency) VALUES (?, ?, ?, ?, ?)"
#define SQL_CATEGORY \
  "INSERT INTO categories (id, parent_id, name, path) VALUES (?, ?, ?, ?)"
#define SQL_PRODUCT \
  "INSERT INTO products (id, sku, name, category_id, uom, list_price, cost, currency, " \
  "stock_on_hand, avg_daily_sales) VALUES (?, ?, ?, ?, ?, ?, ?, 'EUR', ?, ?)"
#define SQL_STOCK \
  "INSERT INTO product_stock (product_id, site_id, stock_on_hand, avg_daily_sales) " \
  "VALUES (?, ?, ?, ?)"
#define SQL_PRICE_LIST \
  "INSERT INTO price_lists (id, campaign_id, name, site_id, currency, valid_from, valid_to) " \
  "VALUES (?, ?, ?, ?, ?, ?, ?)"
#define SQL_PRICE_LIST_ENTRY \
  "INSERT INTO price_list_entries (id, price_list_id, product_id, old_price, new_price, " \
  "discount_bp) VALUES (?, ?, ?, ?, ?, ?)"

/* The share of each site in a product's sales, before jitter. */
static const guint site_weight[SP_DEMO_N_SITES] = { 55, 15, 30 };

static guint
add_category (SpDemo     *demo,
              const char *path,
              int         parent)
{
  SpDemoCategory category = { .parent = parent };
  const char *name = strrchr (path, '/');
  const SpDemoCategory *parent_category;

  _sp_demo_make_id (category.id, "category", demo->categories->len);
  category.path = g_strdup (path);
  g_array_append_val (demo->categories, category);

  parent_category = parent >= 0 ? &g_array_index (demo->categories, SpDemoCategory, parent) : NULL;
  _sp_demo_insert (demo, SQL_CATEGORY, "tttt", category.id,
                   parent_category != NULL ? parent_category->id : NULL,
                   name != NULL ? name + 1 : path, path);

  return demo->categories->len - 1;
}

static void
write_sites (SpDemo *demo)
{
  for (guint i = 0; i < SP_DEMO_N_SITES; i++)
    {
      char id[SP_DEMO_ID_LEN];

      _sp_demo_make_id (id, "site", i);
      _sp_demo_insert (demo, SQL_SITE, "ttttt", id, _sp_demo_sites[i].code,
                       _sp_demo_sites[i].name, _sp_demo_sites[i].region,
                       _sp_demo_sites[i].currency);
    }
}

static void
write_categories (SpDemo *demo)
{
  int top = -1;
  int sub = -1;

  for (guint i = 0; i < _sp_demo_n_leaves; i++)
    {
      const SpDemoLeaf *leaf = &_sp_demo_leaves[i];
      g_autofree char *top_path = g_strdup (leaf->top);
      g_autofree char *sub_path = g_strdup_printf ("%s/%s", leaf->top, leaf->sub);
      g_autofree char *leaf_path = g_strdup_printf ("%s/%s", sub_path, leaf->leaf);

      if (top < 0 || strcmp (g_array_index (demo->categories, SpDemoCategory, top).path, top_path) != 0)
        top = add_category (demo, top_path, -1);
      if (sub < 0 || strcmp (g_array_index (demo->categories, SpDemoCategory, sub).path, sub_path) != 0)
        sub = add_category (demo, sub_path, top);
      demo->leaf_category[i] = add_category (demo, leaf_path, sub);
    }
}

/* How many products each leaf gets: round-robin, consumables weigh more,
 * never more than the word lists can name. */
static void
assign_quotas (guint *quota)
{
  guint remaining = SP_DEMO_N_PRODUCTS;

  while (remaining > 0)
    {
      gboolean progress = FALSE;

      for (guint i = 0; i < _sp_demo_n_leaves && remaining > 0; i++)
        {
          const SpDemoLeaf *leaf = &_sp_demo_leaves[i];
          guint capacity = _sp_demo_count_words (leaf->a) * _sp_demo_count_words (leaf->b) *
                           _sp_demo_count_words (leaf->c);
          guint take = MIN (MIN (leaf->demand + 1, capacity - quota[i]), remaining);

          quota[i] += take;
          remaining -= take;
          progress |= take > 0;
        }

      g_assert (progress);
    }
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *)a;
  guint y = *(const guint *)b;

  return x < y ? -1 : x > y;
}

/* List prices end in 9 cents below 100 EUR and in .90 above. */
static gint64
round_list_price (gint64 cents)
{
  if (cents < 10000)
    return (cents / 10) * 10 + 9;

  return (cents / 100) * 100 + 90;
}

static guint
position_per_mille (guint index,
                    guint n)
{
  return n > 1 ? index * 1000 / (n - 1) : 500;
}

/* The number of pieces a name part stands for: "single" 1, "pack of 10"
 * 10, "A2, 100 pcs" 100, "6 rolls" 6; 0 when it names no count. */
static guint
parse_pack_count (const char *word)
{
  static const char * const units[] = { " pcs", " pc", " pairs", " pair", " rolls", " roll" };
  guint count = 0;

  if (strcmp (word, "single") == 0)
    return 1;
  if (g_str_has_prefix (word, "pack of "))
    return (guint)g_ascii_strtoull (word + strlen ("pack of "), NULL, 10);

  for (const char *p = word; *p != '\0'; p++)
    {
      char *end;
      guint64 value;

      if (!g_ascii_isdigit (*p) || (p > word && g_ascii_isdigit (p[-1])))
        continue;
      value = g_ascii_strtoull (p, &end, 10);
      for (guint i = 0; i < G_N_ELEMENTS (units); i++)
        if (g_str_has_prefix (end, units[i]))
          count = (guint)value;
    }

  return count;
}

/* When every third name part of a leaf is a pack size and they differ, the
 * leaf's price range is for its smallest pack and bigger packs cost more
 * (with 20 % off per piece). Returns the smallest count, or 0. */
static guint
smallest_pack (const SpDemoLeaf *leaf)
{
  guint n = _sp_demo_count_words (leaf->c);
  guint smallest = G_MAXUINT;
  guint largest = 0;

  for (guint i = 0; i < n; i++)
    {
      char word[128];
      guint count = parse_pack_count (_sp_demo_pick_word (leaf->c, i, word, sizeof word));

      if (count == 0)
        return 0;
      smallest = MIN (smallest, count);
      largest = MAX (largest, count);
    }

  return largest > smallest ? smallest : 0;
}

static void
price_product (SpDemoProduct    *product,
               const SpDemoLeaf *leaf,
               const guint       pos[3],
               const guint       n[3],
               guint             pack,
               guint             smallest,
               SpDemoRng        *rng)
{
  /* Sizes (the second name part) weigh most, then packs or finishes, but
   * a clothing size or a noise rating does not change the price; squared,
   * so that most items sit at the cheap end of the leaf's range. */
  gboolean priced_by_b = !g_str_has_prefix (leaf->b, "size ") && !g_str_has_prefix (leaf->b, "S|") &&
                         !g_str_has_prefix (leaf->b, "SNR ");
  gint64 ta = position_per_mille (pos[0], n[0]);
  gint64 tb = priced_by_b ? position_per_mille (pos[1], n[1]) : ta;
  gint64 t = smallest > 0 ? (ta + 2 * tb) / 3 : (ta + 2 * tb + position_per_mille (pos[2], n[2])) / 4;
  gint64 base = leaf->min_price + (gint64)(leaf->max_price - leaf->min_price) * (t * t / 1000) / 1000;

  base = base * _sp_demo_rng_range (rng, 900, 1100) / 1000;
  if (smallest > 0 && pack > smallest)
    base = base * pack / smallest * 80 / 100;

  product->list_price = round_list_price (MAX (base, 100));
  /* A margin of 22 to 45 % on the list price. */
  product->cost = (product->list_price * _sp_demo_rng_range (rng, 55, 78) + 50) / 100;
  product->list_price_usd = round_list_price ((product->list_price * SP_DEMO_USD_PER_EUR_PERCENT + 50) / 100);
}

/* The share in percent of the sales a product at this list price gets:
 * cheap consumables sell by the box, a welder now and then. */
static gint64
price_factor_percent (gint64 list_price)
{
  if (list_price < 1000)
    return 300;
  if (list_price < 5000)
    return 150;
  if (list_price < 20000)
    return 100;
  if (list_price < 100000)
    return 50;
  return 25;
}

/* Average daily sales per site (hundredths of a unit), then stock for the
 * days of cover: 10–150 days for most, 190–720 days (overstock, more than
 * SP_DEMO_OVERSTOCK_DAYS at every site and in total) for about 12 %. A site
 * whose share of a slow seller rounds to nothing does not carry it (no
 * stock, no sales, no product_stock row); Germany carries everything. */
static void
stock_product (SpDemoProduct    *product,
               const SpDemoLeaf *leaf,
               SpDemoRng        *rng)
{
  guint tier = _sp_demo_rng_range (rng, 0, 999);
  gint64 total;
  gint64 weight[SP_DEMO_N_SITES];
  gint64 weight_sum = 0;

  if (tier < 400)
    total = _sp_demo_rng_range (rng, 1, 4);
  else if (tier < 750)
    total = _sp_demo_rng_range (rng, 4, 12);
  else if (tier < 950)
    total = _sp_demo_rng_range (rng, 12, 40);
  else
    total = _sp_demo_rng_range (rng, 40, 150);
  total = MAX (1, total * leaf->demand * price_factor_percent (product->list_price) / 100);

  for (guint s = 0; s < SP_DEMO_N_SITES; s++)
    weight_sum += weight[s] = site_weight[s] * _sp_demo_rng_range (rng, 70, 130);

  product->overstocked = _sp_demo_rng_per_mille (rng, 120);

  for (guint s = 0; s < SP_DEMO_N_SITES; s++)
    {
      gint64 ads = total * weight[s] / weight_sum;

      if (s == SP_DEMO_SITE_DE)
        ads = MAX (ads, 1);

      product->ads[s] = ads;
      if (product->overstocked)
        product->stock[s] = (ads * _sp_demo_rng_range (rng, 190, 720) + 99) / 100;
      else
        product->stock[s] = ads * _sp_demo_rng_range (rng, 10, 150) / 100;
    }
}

static void
make_leaf_products (SpDemo    *demo,
                    guint      leaf_index,
                    guint      quota,
                    SpDemoRng *rng,
                    SpDemoRng *stock_rng)
{
  const SpDemoLeaf *leaf = &_sp_demo_leaves[leaf_index];
  guint n[3] = { _sp_demo_count_words (leaf->a), _sp_demo_count_words (leaf->b),
                 _sp_demo_count_words (leaf->c) };
  guint capacity = n[0] * n[1] * n[2];
  g_autofree guint *pick = g_new (guint, capacity);
  SpDemoCategory *category = &g_array_index (demo->categories, SpDemoCategory,
                                             demo->leaf_category[leaf_index]);
  guint smallest = smallest_pack (leaf);
  guint leaf_in_top = 0;

  for (guint i = leaf_index; i > 0 && strcmp (_sp_demo_leaves[i - 1].top, leaf->top) == 0; i--)
    leaf_in_top++;

  /* A partial Fisher–Yates shuffle picks @quota distinct name combinations,
   * listed in word-list order. */
  for (guint i = 0; i < capacity; i++)
    pick[i] = i;
  for (guint i = 0; i < quota; i++)
    {
      guint j = _sp_demo_rng_range (rng, i, capacity - 1);
      guint tmp = pick[i];

      pick[i] = pick[j];
      pick[j] = tmp;
    }
  qsort (pick, quota, sizeof (guint), compare_uint);

  category->first_product = demo->products->len;
  category->n_products = quota;

  for (guint i = 0; i < quota; i++)
    {
      SpDemoProduct product = { .leaf = leaf_index, .category = demo->leaf_category[leaf_index] };
      guint pos[3] = { pick[i] / (n[1] * n[2]), (pick[i] / n[2]) % n[1], pick[i] % n[2] };
      char a[128], b[128], c[128];
      guint pack;

      _sp_demo_make_id (product.id, "product", demo->products->len);
      g_snprintf (product.sku, sizeof product.sku, "%s-%02u%03u", leaf->code, leaf_in_top + 1, i + 1);
      product.name = g_strdup_printf ("%s %s, %s",
                                      _sp_demo_pick_word (leaf->a, pos[0], a, sizeof a),
                                      _sp_demo_pick_word (leaf->b, pos[1], b, sizeof b),
                                      _sp_demo_pick_word (leaf->c, pos[2], c, sizeof c));
      pack = parse_pack_count (c);
      /* A pack of several single items is sold as a pack. */
      product.uom = pack > 1 && (strcmp (leaf->uom, "Each") == 0 || strcmp (leaf->uom, "Pair") == 0 ||
                                 strcmp (leaf->uom, "Roll") == 0) ? "Pack" : leaf->uom;
      price_product (&product, leaf, pos, n, pack, smallest, rng);
      stock_product (&product, leaf, stock_rng);
      g_array_append_val (demo->products, product);
    }
}

static void
write_products (SpDemo *demo)
{
  char site_id[SP_DEMO_N_SITES][SP_DEMO_ID_LEN];

  for (guint s = 0; s < SP_DEMO_N_SITES; s++)
    _sp_demo_make_id (site_id[s], "site", s);

  for (guint i = 0; i < demo->products->len && _sp_demo_ok (demo); i++)
    {
      const SpDemoProduct *product = &g_array_index (demo->products, SpDemoProduct, i);
      const SpDemoCategory *category = &g_array_index (demo->categories, SpDemoCategory,
                                                       product->category);
      gint64 stock = 0;
      gint64 ads = 0;

      for (guint s = 0; s < SP_DEMO_N_SITES; s++)
        {
          stock += product->stock[s];
          ads += product->ads[s];
        }

      _sp_demo_insert (demo, SQL_PRODUCT, "tttttxxxx", product->id, product->sku, product->name,
                       category->id, product->uom, product->list_price,
                       product->cost, stock, ads);

      for (guint s = 0; s < SP_DEMO_N_SITES; s++)
        if (product->ads[s] > 0)
            _sp_demo_insert (demo, SQL_STOCK, "ttxx", product->id, site_id[s], product->stock[s],
                           product->ads[s]);
    }
}

/* The standing US list prices in USD (the catalog's own prices are EUR) of
 * what the US site carries: old and new price are the same, as nothing is
 * discounted. */
static void
write_us_price_list (SpDemo *demo)
{
  char list_id[SP_DEMO_ID_LEN];
  char site_id[SP_DEMO_ID_LEN];
  char valid_from[11];

  _sp_demo_make_id (list_id, "price-list", 0);
  _sp_demo_make_id (site_id, "site", SP_DEMO_SITE_US);
  _sp_demo_format_date (valid_from, -SP_DEMO_HISTORY_DAYS);
  _sp_demo_insert (demo, SQL_PRICE_LIST, "ttttttt", list_id, NULL, "US List Prices (USD)",
                   site_id, "USD", valid_from, NULL);

  for (guint i = 0; i < demo->products->len && _sp_demo_ok (demo); i++)
    {
      const SpDemoProduct *product = &g_array_index (demo->products, SpDemoProduct, i);
      char entry_id[SP_DEMO_ID_LEN];

      if (product->ads[SP_DEMO_SITE_US] == 0)
        continue;

      _sp_demo_make_id (entry_id, "us-list-price", i);
      _sp_demo_insert (demo, SQL_PRICE_LIST_ENTRY, "tttxxi", entry_id, list_id, product->id,
                       product->list_price_usd, product->list_price_usd, 0);
    }
}

void
_sp_demo_write_catalog (SpDemo *demo)
{
  guint quota[128] = { 0 };
  SpDemoRng rng;
  SpDemoRng stock_rng;

  g_assert (_sp_demo_n_leaves <= G_N_ELEMENTS (quota));

  _sp_demo_rng_init (&rng, "catalog");
  _sp_demo_rng_init (&stock_rng, "stock");

  write_sites (demo);
  write_categories (demo);
  if (!_sp_demo_ok (demo))
    return;

  assign_quotas (quota);
  for (guint i = 0; i < _sp_demo_n_leaves; i++)
    make_leaf_products (demo, i, quota[i], &rng, &stock_rng);

  write_products (demo);
  write_us_price_list (demo);
}
