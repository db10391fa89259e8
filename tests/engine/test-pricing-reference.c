/* test-pricing-reference.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine against the plain oracle ../shared/bench/reference.py on
 * workloads from ../shared/bench/gen_workload.py (several seeds and sizes):
 * lines, applications, discount and net must agree exactly, on one thread
 * and on several, for all lines and for a prefix.
 */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sp-pricing-engine.h"
#include "sp-workload.h"

typedef struct
{
  guint seed;
  const char *products;
  const char *categories;
  const char *promotions;
  const char *orders;
  const char *lines_per_order;
} Size;

static const Size sizes[] = {
  { 1, "2000", "200", "150", "150", "5" },
  { 2, "3000", "60", "200", "120", "4" },
  { 3, "500", "400", "120", "150", "6" },
  { 42, "4000", "300", "250", "120", "5" },
  { 7, "50", "20", "80", "100", "3" },
};

static char *
run_python (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[1], error->message, err);
  return out;
}

static gint64
member (JsonObject *object,
        const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  return json_node_get_int (node);
}

static void
check_against_reference (const char *workload_path,
                         SpWorkload *workload,
                         guint       max_lines)
{
  g_autofree char *script = g_build_filename (g_getenv ("SP_SHARED_DIR"), "bench", "reference.py", NULL);
  g_autofree char *max_text = g_strdup_printf ("%u", max_lines);
  const char *argv[] = { "python3", script, workload_path, "--max-lines", max_text, NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPricingEngine) engine = NULL;
  JsonObject *expected;

  if (max_lines == 0)
    argv[3] = NULL;
  out = run_python (argv);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  expected = json_node_get_object (json_parser_get_root (parser));

  engine = sp_pricing_engine_new (workload, &error);
  g_assert_no_error (error);

  for (guint threads = 1; threads <= 3; threads++)
    {
      SpPricingTotals totals;

      sp_pricing_engine_run (engine, max_lines, threads, &totals);
      g_assert_cmpint (totals.lines, ==, member (expected, "lines"));
      g_assert_cmpint (totals.pair_evaluations, ==, member (expected, "pair_evaluations"));
      g_assert_cmpint (totals.applications, ==, member (expected, "applications"));
      g_assert_cmpint (totals.discount, ==, member (expected, "discount_cents"));
      g_assert_cmpint (totals.net, ==, member (expected, "net_cents"));
    }
}

static void
test_reference (gconstpointer data)
{
  const Size *size = data;
  g_autofree char *gen = g_build_filename (g_getenv ("SP_SHARED_DIR"), "bench", "gen_workload.py", NULL);
  g_autofree char *seed = g_strdup_printf ("%u", size->seed);
  const char *argv[] = { "python3", gen, "--seed", seed, "--products", size->products,
                         "--categories", size->categories, "--promotions", size->promotions,
                         "--orders", size->orders, "--lines-per-order", size->lines_per_order, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sp-engine-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;
  g_autoptr(SpWorkload) workload = NULL;

  g_assert_no_error (error);
  json = run_python (argv);
  path = g_build_filename (dir, "workload.json", NULL);
  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);

  workload = sp_workload_load_file (path, &error);
  g_assert_no_error (error);

  check_against_reference (path, workload, 0);
  check_against_reference (path, workload, 137);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("SP_SHARED_DIR") == NULL)
    g_setenv ("SP_SHARED_DIR", "/work/shared", FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("/engine/reference/seed-%u", sizes[i].seed);

      g_test_add_data_func (name, &sizes[i], test_reference);
    }

  return g_test_run ();
}
