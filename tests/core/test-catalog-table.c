/* test-catalog-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The compact catalog behind the Scope page: rows in SKU order, search over
 * SKU, name and category as a user types it, sorting, and the same numbers
 * as the product objects.
 */

#include <glib-object.h>
#include <string.h>

#include "sp-catalog-table.h"

static SpCatalogTable *
create_table (void)
{
  g_autoptr(SpCatalogTableBuilder) builder = sp_catalog_table_builder_new (4);

  /* Added out of order: the table keeps them by SKU. */
  sp_catalog_table_builder_add (builder, "id-3", "VA-300", "Ball valve DN25", "c-2", "Plumbing/Valves",
                                "EA", "EUR", 2500, 1500, 0, 100, NULL, 1);
  sp_catalog_table_builder_add (builder, "id-1", "DR-100", "Cordless drill 18 V", "c-1", "Tools/Power Tools/Drills",
                                "EA", "EUR", 10000, 7500, 300, 250, "remote-1", 3);
  sp_catalog_table_builder_add (builder, "id-4", "SC-400", "Schraube Größe M8", "c-3", "Fasteners/Screws",
                                "PCE", "EUR", 12, 5, 5000, 0, NULL, 1);
  sp_catalog_table_builder_add (builder, "id-2", "DR-200", "Hammer drill", "c-1", "Tools/Power Tools/Drills",
                                "EA", "EUR", 20000, 12000, 50, 100, NULL, 1);

  return sp_catalog_table_builder_end (g_steal_pointer (&builder));
}

static void
test_rows_in_sku_order (void)
{
  g_autoptr(SpCatalogTable) table = create_table ();
  guint row = 99;

  g_assert_cmpuint (sp_catalog_table_get_n_rows (table), ==, 4);
  g_assert_cmpstr (sp_catalog_table_get_sku (table, 0), ==, "DR-100");
  g_assert_cmpstr (sp_catalog_table_get_sku (table, 1), ==, "DR-200");
  g_assert_cmpstr (sp_catalog_table_get_sku (table, 2), ==, "SC-400");
  g_assert_cmpstr (sp_catalog_table_get_sku (table, 3), ==, "VA-300");
  g_assert_cmpstr (sp_catalog_table_get_category_path (table, 3), ==, "Plumbing/Valves");
  g_assert_cmpstr (sp_catalog_table_get_currency (table, 2), ==, "EUR");

  g_assert_true (sp_catalog_table_find_sku (table, "SC-400", &row));
  g_assert_cmpuint (row, ==, 2);
  g_assert_true (sp_catalog_table_find_sku (table, "DR-100", &row));
  g_assert_cmpuint (row, ==, 0);
  g_assert_false (sp_catalog_table_find_sku (table, "DR-150", NULL));
  g_assert_false (sp_catalog_table_find_sku (table, "ZZ", NULL));
}

static guint
search (SpCatalogTable *table,
        const char     *typed,
        GString        *skus)
{
  g_autofree char *query = g_utf8_casefold (typed, -1);
  g_autofree guint8 *hits = g_new (guint8, sp_catalog_table_get_n_rows (table));
  guint n = sp_catalog_table_search (table, query, hits);

  g_string_truncate (skus, 0);
  for (guint i = 0; i < sp_catalog_table_get_n_rows (table); i++)
    {
      if (hits[i])
        g_string_append_printf (skus, "%s%s", skus->len ? " " : "", sp_catalog_table_get_sku (table, i));
    }

  return n;
}

static void
test_search (void)
{
  g_autoptr(SpCatalogTable) table = create_table ();
  g_autoptr(GString) skus = g_string_new (NULL);

  g_assert_cmpuint (search (table, "", skus), ==, 4);
  g_assert_cmpuint (search (table, "DRILL", skus), ==, 2);
  g_assert_cmpstr (skus->str, ==, "DR-100 DR-200");
  /* The SKU, the name and the category path all count. */
  g_assert_cmpuint (search (table, "va-3", skus), ==, 1);
  g_assert_cmpstr (skus->str, ==, "VA-300");
  g_assert_cmpuint (search (table, "power tools", skus), ==, 2);
  g_assert_cmpuint (search (table, "plumbing/valves", skus), ==, 1);
  /* Case-folded beyond ASCII. */
  g_assert_cmpuint (search (table, "GRÖSSE", skus), ==, 1);
  g_assert_cmpstr (skus->str, ==, "SC-400");
  /* The end of one row and the start of the next are not one text. */
  g_assert_cmpuint (search (table, "drills\ndr", skus), ==, 0);
  g_assert_cmpuint (search (table, "drills dr", skus), ==, 0);
  g_assert_cmpuint (search (table, "nothing like it", skus), ==, 0);
}

/* Typing on narrows the hits: the same rows as a search from scratch. */
static void
test_search_within (void)
{
  g_autoptr(SpCatalogTable) table = create_table ();
  const char *typed[] = { "d", "dr", "dri", "dril", "drill", "drills", "drills\n", NULL };
  guint8 narrowed[4], fresh[4];

  sp_catalog_table_search (table, "", narrowed);
  for (guint i = 0; typed[i] != NULL; i++)
    {
      guint n = sp_catalog_table_search_within (table, typed[i], narrowed);

      g_assert_cmpuint (n, ==, sp_catalog_table_search (table, typed[i], fresh));
      g_assert_cmpmem (narrowed, sizeof narrowed, fresh, sizeof fresh);
    }
  /* "drills" is in the category path of both drills, at the end of their keys. */
  sp_catalog_table_search (table, "drill", narrowed);
  g_assert_cmpuint (sp_catalog_table_search_within (table, "drills", narrowed), ==, 2);
}

/* A row matches when its SKU, name or category path holds the query. */
static gboolean
row_matches (SpCatalogTable *table,
             guint           row,
             const char     *query)
{
  const char *fields[] = {
    sp_catalog_table_get_sku (table, row), sp_catalog_table_get_name (table, row),
    sp_catalog_table_get_category_path (table, row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *folded = g_utf8_casefold (fields[i], -1);

      if (strstr (folded, query) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Over thousands of rows, dense and sparse matches alike: every row the
 * search reports holds the query and no row that holds it is missed, from
 * scratch or typing on. */
static void
test_search_many_rows (void)
{
  g_autoptr(SpCatalogTableBuilder) builder = sp_catalog_table_builder_new (5000);
  g_autoptr(SpCatalogTable) table = NULL;
  const char *words[] = { "drill", "valve", "screw", "hammer", "saw", "glue", "tape" };
  const char *queries[] = { "d", "dr", "dri", "drill 1", "drill 12", "a", "av", "ave", "7",
                            "77", "sk-004", "sk-0049", "sk-4999", "tools/", "tools/g", "x", "" };
  g_autofree guint8 *hits = g_new (guint8, 5000);
  g_autofree guint8 *narrowed = g_new (guint8, 5000);
  GRand *rand = g_rand_new_with_seed (20261123);

  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *id = g_strdup_printf ("id-%u", i);
      g_autofree char *sku = g_strdup_printf ("SK-%04u", i);
      g_autofree char *name = g_strdup_printf ("%s %u", words[g_rand_int_range (rand, 0, 7)],
                                               g_rand_int_range (rand, 0, 200));
      g_autofree char *path = g_strdup_printf ("Tools/%c", 'A' + (i / 500));

      sp_catalog_table_builder_add (builder, id, sku, name, "c", path, "EA", "EUR",
                                    100, 50, 1, 1, NULL, 1);
    }
  table = sp_catalog_table_builder_end (g_steal_pointer (&builder));
  g_rand_free (rand);

  sp_catalog_table_search (table, "", narrowed);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      guint n = sp_catalog_table_search (table, queries[q], hits), expected = 0;

      for (guint row = 0; row < 5000; row++)
        {
          gboolean matches = row_matches (table, row, queries[q]);

          expected += matches;
          g_assert_cmpint (hits[row], ==, matches);
        }
      g_assert_cmpuint (n, ==, expected);
      /* Typing on from the previous query where it grows, else afresh. */
      if (q > 0 && g_str_has_prefix (queries[q], queries[q - 1]))
        {
          g_assert_cmpuint (sp_catalog_table_search_within (table, queries[q], narrowed), ==, n);
          g_assert_cmpmem (narrowed, 5000, hits, 5000);
        }
      memcpy (narrowed, hits, 5000);
    }
}

static void
test_sort (void)
{
  g_autoptr(SpCatalogTable) table = create_table ();
  g_autofree guint32 *by_stock = sp_catalog_table_sort (table, SP_CATALOG_SORT_STOCK);
  g_autofree guint32 *by_cover = sp_catalog_table_sort (table, SP_CATALOG_SORT_COVER);
  g_autofree guint32 *by_name = sp_catalog_table_sort (table, SP_CATALOG_SORT_NAME);
  g_autofree guint32 *by_category = sp_catalog_table_sort (table, SP_CATALOG_SORT_CATEGORY);
  g_autofree guint32 *by_price = sp_catalog_table_sort (table, SP_CATALOG_SORT_LIST_PRICE);

  /* Stock: VA 0, DR-200 50, DR-100 300, SC 5000. */
  g_assert_cmpuint (by_stock[0], ==, 3);
  g_assert_cmpuint (by_stock[1], ==, 1);
  g_assert_cmpuint (by_stock[2], ==, 0);
  g_assert_cmpuint (by_stock[3], ==, 2);
  /* Cover: VA 0 days, DR-200 50, DR-100 120, SC never sells: last. */
  g_assert_cmpuint (by_cover[0], ==, 3);
  g_assert_cmpuint (by_cover[1], ==, 1);
  g_assert_cmpuint (by_cover[2], ==, 0);
  g_assert_cmpuint (by_cover[3], ==, 2);
  /* Names: Ball, Cordless, Hammer, Schraube. */
  g_assert_cmpstr (sp_catalog_table_get_sku (table, by_name[0]), ==, "VA-300");
  g_assert_cmpstr (sp_catalog_table_get_sku (table, by_name[3]), ==, "SC-400");
  /* Equal categories stay in SKU order. */
  g_assert_cmpstr (sp_catalog_table_get_sku (table, by_category[0]), ==, "SC-400");
  g_assert_cmpstr (sp_catalog_table_get_sku (table, by_category[1]), ==, "VA-300");
  g_assert_cmpstr (sp_catalog_table_get_sku (table, by_category[2]), ==, "DR-100");
  g_assert_cmpstr (sp_catalog_table_get_sku (table, by_category[3]), ==, "DR-200");
  g_assert_cmpstr (sp_catalog_table_get_sku (table, by_price[3]), ==, "DR-200");
}

static void
test_same_as_products (void)
{
  g_autoptr(SpCatalogTable) table = create_table ();

  for (guint i = 0; i < sp_catalog_table_get_n_rows (table); i++)
    {
      g_autoptr(SpProduct) product = sp_catalog_table_dup_product (table, i);

      g_assert_cmpstr (sp_product_get_sku (product), ==, sp_catalog_table_get_sku (table, i));
      g_assert_cmpstr (sp_product_get_id (product), ==, sp_catalog_table_get_id (table, i));
      g_assert_cmpstr (sp_product_get_name (product), ==, sp_catalog_table_get_name (table, i));
      g_assert_cmpint (sp_product_get_cost (product), ==, sp_catalog_table_get_cost (table, i));
      g_assert_cmpint (sp_product_get_days_of_cover (product), ==, sp_catalog_table_get_days_of_cover (table, i));
      g_assert_cmpint (sp_product_is_overstocked (product, 90), ==, sp_catalog_table_is_overstocked (table, i, 90));
    }

  {
    g_autoptr(SpProduct) drill = sp_catalog_table_dup_product (table, 0);

    g_assert_cmpstr (sp_product_get_category_id (drill), ==, "c-1");
    g_assert_cmpstr (sp_product_get_uom (drill), ==, "EA");
    g_assert_cmpstr (sp_product_get_remote_id (drill), ==, "remote-1");
    g_assert_cmpint (sp_product_get_version (drill), ==, 3);
    g_assert_true (sp_catalog_table_is_overstocked (table, 0, 90));   /* 120 days */
    g_assert_false (sp_catalog_table_is_overstocked (table, 1, 90));  /* 50 days */
    g_assert_true (sp_catalog_table_is_overstocked (table, 2, 90));   /* never sells */
    g_assert_false (sp_catalog_table_is_overstocked (table, 3, 90));  /* no stock */
  }
}

static void
test_scope (void)
{
  g_autoptr(SpCatalogTable) table = create_table ();
  const char *skus[] = { "VA-300", "DR-200", "NOT-THERE", NULL };
  const char *categories[] = { "Tools/Power Tools", NULL };
  const char *other[] = { "Tools/Power", NULL };
  guint8 in_scope[4];

  /* DR-200 is in by its SKU and by its group: counted once. */
  g_assert_cmpuint (sp_catalog_table_mark_scope (table, skus, categories, in_scope), ==, 3);
  g_assert_cmpuint (in_scope[0], ==, 1);
  g_assert_cmpuint (in_scope[1], ==, 1);
  g_assert_cmpuint (in_scope[2], ==, 0);
  g_assert_cmpuint (in_scope[3], ==, 1);
  /* A group is a whole path segment, not a prefix of the text. */
  g_assert_cmpuint (sp_catalog_table_mark_scope (table, NULL, other, in_scope), ==, 0);
  g_assert_cmpuint (sp_catalog_table_mark_scope (table, NULL, NULL, in_scope), ==, 0);
}

/* Two threads build half each; the merged table is the same as one. */
static void
test_merge (void)
{
  g_autoptr(SpCatalogTableBuilder) first = sp_catalog_table_builder_new (2);
  g_autoptr(SpCatalogTableBuilder) second = sp_catalog_table_builder_new (2);
  g_autoptr(SpCatalogTable) table = NULL;
  g_autoptr(SpProduct) valve = NULL;
  guint row;

  sp_catalog_table_builder_add_category (first, "c-1", "Tools/Drills");
  sp_catalog_table_builder_add_category (second, "c-2", "Plumbing/Valves");
  sp_catalog_table_builder_add (first, "id-2", "DR-200", "Hammer drill", "c-1", NULL,
                                "EA", "EUR", 200, 100, 5, 1, NULL, 1);
  sp_catalog_table_builder_add (second, "id-3", "VA-300", "Valve", "c-2", NULL,
                                "PCE", "USD", 30, 20, 7, 1, "r-3", 2);
  sp_catalog_table_builder_add (second, "id-1", "AA-100", "Anchor", NULL, NULL,
                                NULL, "EUR", 10, 5, 0, 0, NULL, 1);
  sp_catalog_table_builder_merge (first, g_steal_pointer (&second));
  table = sp_catalog_table_builder_end (g_steal_pointer (&first));

  g_assert_cmpuint (sp_catalog_table_get_n_rows (table), ==, 3);
  g_assert_cmpstr (sp_catalog_table_get_sku (table, 0), ==, "AA-100");
  g_assert_null (sp_catalog_table_get_category_path (table, 0));
  g_assert_cmpstr (sp_catalog_table_get_category_path (table, 1), ==, "Tools/Drills");
  g_assert_true (sp_catalog_table_find_sku (table, "VA-300", &row));
  valve = sp_catalog_table_dup_product (table, row);
  g_assert_cmpstr (sp_product_get_category_path (valve), ==, "Plumbing/Valves");
  g_assert_cmpstr (sp_product_get_category_id (valve), ==, "c-2");
  g_assert_cmpstr (sp_product_get_currency (valve), ==, "USD");
  g_assert_cmpstr (sp_product_get_uom (valve), ==, "PCE");
  g_assert_cmpstr (sp_product_get_remote_id (valve), ==, "r-3");
  g_assert_cmpint (sp_product_get_version (valve), ==, 2);
}

static gpointer
get_order_thread (gpointer data)
{
  return (gpointer)sp_catalog_table_get_order (data, SP_CATALOG_SORT_NAME);
}

/* A column's order is made once, whichever thread asks first, and is the
 * order a fresh sort gives. */
static void
test_order_kept (void)
{
  g_autoptr(SpCatalogTable) table = create_table ();
  g_autofree guint32 *sorted = sp_catalog_table_sort (table, SP_CATALOG_SORT_NAME);
  GThread *worker = g_thread_new ("order", get_order_thread, table);
  const guint32 *order = sp_catalog_table_get_order (table, SP_CATALOG_SORT_NAME);
  const guint32 *by_price;

  g_assert_true (g_thread_join (worker) == order);
  g_assert_cmpmem (order, 4 * sizeof (guint32), sorted, 4 * sizeof (guint32));
  g_assert_true (sp_catalog_table_get_order (table, SP_CATALOG_SORT_NAME) == order);
  /* Another key, another order: the cheapest first. */
  by_price = sp_catalog_table_get_order (table, SP_CATALOG_SORT_LIST_PRICE);
  g_assert_true (by_price != order);
  g_assert_cmpstr (sp_catalog_table_get_sku (table, by_price[0]), ==, "SC-400");
}

static void
test_empty (void)
{
  g_autoptr(SpCatalogTableBuilder) builder = sp_catalog_table_builder_new (0);
  g_autoptr(SpCatalogTable) table = sp_catalog_table_builder_end (g_steal_pointer (&builder));
  g_autofree guint32 *order = sp_catalog_table_sort (table, SP_CATALOG_SORT_NAME);
  guint8 hit;

  g_assert_cmpuint (sp_catalog_table_get_n_rows (table), ==, 0);
  g_assert_cmpuint (sp_catalog_table_search (table, "x", &hit), ==, 0);
  g_assert_false (sp_catalog_table_find_sku (table, "x", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog-table/sku-order", test_rows_in_sku_order);
  g_test_add_func ("/catalog-table/search", test_search);
  g_test_add_func ("/catalog-table/search-within", test_search_within);
  g_test_add_func ("/catalog-table/search-many-rows", test_search_many_rows);
  g_test_add_func ("/catalog-table/order-kept", test_order_kept);
  g_test_add_func ("/catalog-table/sort", test_sort);
  g_test_add_func ("/catalog-table/same-as-products", test_same_as_products);
  g_test_add_func ("/catalog-table/scope", test_scope);
  g_test_add_func ("/catalog-table/merge", test_merge);
  g_test_add_func ("/catalog-table/empty", test_empty);

  return g_test_run ();
}
