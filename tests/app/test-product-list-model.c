/* test-product-list-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Scope page's list: what a merchandiser sees after typing a search,
 * ticking "overstocked only" or "in scope only", and sorting a column; and
 * that the items the view holds stay, showing their new rows.
 */

#include <gio/gio.h>

#include "sp-catalog-row.h"
#include "sp-product-list-model.h"

static SpCatalogTable *
create_table (void)
{
  g_autoptr(SpCatalogTableBuilder) builder = sp_catalog_table_builder_new (5);

  sp_catalog_table_builder_add (builder, "1", "DR-100", "Cordless drill", "c1", "Tools/Drills",
                                "EA", "EUR", 10000, 7500, 300, 250, NULL, 1);   /* 120 days: overstocked */
  sp_catalog_table_builder_add (builder, "2", "DR-200", "Hammer drill", "c1", "Tools/Drills",
                                "EA", "EUR", 20000, 12000, 50, 100, NULL, 1);   /* 50 days */
  sp_catalog_table_builder_add (builder, "3", "SA-100", "Jigsaw", "c2", "Tools/Saws",
                                "EA", "EUR", 9000, 5000, 900, 100, NULL, 1);    /* 900 days: overstocked */
  sp_catalog_table_builder_add (builder, "4", "VA-100", "Ball valve", "c3", "Plumbing/Valves",
                                "EA", "EUR", 2500, 1500, 10, 100, NULL, 1);
  sp_catalog_table_builder_add (builder, "5", "VA-200", "Gate valve", "c3", "Plumbing/Valves",
                                "EA", "EUR", 3500, 2000, 0, 0, NULL, 1);

  return sp_catalog_table_builder_end (g_steal_pointer (&builder));
}

/* The SKUs shown, in order, separated by spaces. */
static char *
shown (SpProductListModel *model)
{
  GString *text = g_string_new (NULL);
  SpCatalogTable *table = sp_product_list_model_get_table (model);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(SpCatalogRow) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_string_append_printf (text, "%s%s", i ? " " : "",
                              sp_catalog_table_get_sku (table, sp_catalog_row_get_row (item)));
      g_assert_cmpstr (sp_product_list_model_get_sku (model, i), ==,
                       sp_catalog_table_get_sku (table, sp_catalog_row_get_row (item)));
    }

  return g_string_free (text, FALSE);
}

#define assert_shown(model, expected) \
  G_STMT_START { g_autofree char *s_ = shown (model); g_assert_cmpstr (s_, ==, (expected)); } G_STMT_END

static guint changes, removed_total, added_total;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added)
{
  changes++;
  removed_total += removed;
  added_total += added;
}

static void
test_filters (void)
{
  g_autoptr(SpCatalogTable) table = create_table ();
  g_autoptr(SpProductListModel) model = sp_product_list_model_new ();
  const char *skus[] = { "VA-200", NULL };
  const char *groups[] = { "Tools/Drills", NULL };

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == SP_TYPE_CATALOG_ROW);
  sp_product_list_model_set_table (model, table);
  assert_shown (model, "DR-100 DR-200 SA-100 VA-100 VA-200");

  sp_product_list_model_set_search (model, "Drill");
  assert_shown (model, "DR-100 DR-200");
  sp_product_list_model_set_search (model, "TOOLS/");
  assert_shown (model, "DR-100 DR-200 SA-100");

  sp_product_list_model_set_overstocked_only (model, TRUE, 90);
  assert_shown (model, "DR-100 SA-100");
  /* A longer threshold: only the jigsaw has more cover. */
  sp_product_list_model_set_overstocked_only (model, TRUE, 200);
  assert_shown (model, "SA-100");
  sp_product_list_model_set_overstocked_only (model, FALSE, 90);
  sp_product_list_model_set_search (model, "");

  sp_product_list_model_set_scope (model, skus, groups);
  sp_product_list_model_set_in_scope_only (model, TRUE);
  assert_shown (model, "DR-100 DR-200 VA-200");
  g_assert_true (sp_product_list_model_row_in_scope (model, 0));
  g_assert_false (sp_product_list_model_row_in_scope (model, 2));
  sp_product_list_model_set_search (model, "valve");
  assert_shown (model, "VA-200");
  sp_product_list_model_set_in_scope_only (model, FALSE);
  assert_shown (model, "VA-100 VA-200");
}

static void
test_sort (void)
{
  g_autoptr(SpCatalogTable) table = create_table ();
  g_autoptr(SpProductListModel) model = sp_product_list_model_new ();

  sp_product_list_model_set_table (model, table);
  sp_product_list_model_set_sort (model, SP_CATALOG_SORT_STOCK, TRUE);
  assert_shown (model, "SA-100 DR-100 DR-200 VA-100 VA-200");
  sp_product_list_model_set_sort (model, SP_CATALOG_SORT_LIST_PRICE, FALSE);
  assert_shown (model, "VA-100 VA-200 SA-100 DR-100 DR-200");
  /* A search keeps the order. */
  sp_product_list_model_set_search (model, "drill");
  assert_shown (model, "DR-100 DR-200");
  sp_product_list_model_set_sort (model, SP_CATALOG_SORT_NAME, FALSE);
  assert_shown (model, "DR-100 DR-200");
  sp_product_list_model_set_search (model, "");
  assert_shown (model, "VA-100 DR-100 VA-200 DR-200 SA-100");
  sp_product_list_model_set_sort (model, SP_CATALOG_SORT_NONE, FALSE);
  assert_shown (model, "DR-100 DR-200 SA-100 VA-100 VA-200");
}

static void
row_notify_cb (SpCatalogRow *item,
               GParamSpec   *pspec,
               guint        *count)
{
  (*count)++;
}

/* A refilter keeps the items a view holds and moves them to their new rows;
 * the list says only that it got shorter or longer at the end. */
static void
test_items_stay (void)
{
  g_autoptr(SpCatalogTable) table = create_table ();
  g_autoptr(SpProductListModel) model = sp_product_list_model_new ();
  g_autoptr(SpCatalogRow) first = NULL;
  g_autoptr(SpCatalogRow) again = NULL;
  guint moved = 0;

  sp_product_list_model_set_table (model, table);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_signal_connect (first, "notify::row", G_CALLBACK (row_notify_cb), &moved);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), NULL);
  changes = removed_total = added_total = 0;

  sp_product_list_model_set_search (model, "valve");
  g_assert_cmpuint (moved, ==, 1);
  g_assert_cmpstr (sp_catalog_table_get_sku (table, sp_catalog_row_get_row (first)), ==, "VA-100");
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (removed_total, ==, 3);
  g_assert_cmpuint (added_total, ==, 0);
  again = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (again == first);

  sp_product_list_model_set_search (model, "");
  g_assert_cmpuint (moved, ==, 2);
  g_assert_cmpuint (added_total, ==, 3);
  g_assert_cmpstr (sp_catalog_table_get_sku (table, sp_catalog_row_get_row (first)), ==, "DR-100");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 5));
}

static gboolean
places_left (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (data)) > sp_product_list_model_get_n_shown (data);
}

/* Places a view still holds empty out when the list shortens and go a few
 * per frame; the results are right at once; a longer list takes them back. */
static void
test_held_places_go_later (void)
{
  g_autoptr(SpCatalogTable) table = create_table ();
  g_autoptr(SpProductListModel) model = sp_product_list_model_new ();
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 deadline;

  sp_product_list_model_set_table (model, table);
  for (guint i = 0; i < 5; i++)
    g_ptr_array_add (held, g_list_model_get_item (G_LIST_MODEL (model), i));

  sp_product_list_model_set_search (model, "drill");
  g_assert_cmpuint (sp_product_list_model_get_n_shown (model), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);
  g_assert_cmpuint (sp_product_list_model_get_row (model, 1), ==, 1);
  for (guint i = 2; i < 5; i++)
    {
      g_assert_cmpuint (sp_catalog_row_get_row (g_ptr_array_index (held, i)), ==, SP_CATALOG_ROW_NONE);
      g_assert_cmpuint (sp_product_list_model_get_row (model, i), ==, SP_CATALOG_ROW_NONE);
      g_assert_null (sp_product_list_model_get_sku (model, i));
    }

  /* A longer result before they went: the places show rows again. */
  sp_product_list_model_set_search (model, "l");
  assert_shown (model, "DR-100 DR-200 SA-100 VA-100 VA-200");
  g_assert_cmpuint (sp_catalog_row_get_row (g_ptr_array_index (held, 4)), ==, 4);

  sp_product_list_model_set_search (model, "valve");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (places_left (model) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  assert_shown (model, "VA-100 VA-200");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/product-list-model/filters", test_filters);
  g_test_add_func ("/product-list-model/sort", test_sort);
  g_test_add_func ("/product-list-model/items-stay", test_items_stay);
  g_test_add_func ("/product-list-model/held-places-go-later", test_held_places_go_later);

  return g_test_run ();
}
