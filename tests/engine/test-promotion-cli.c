/* test-promotion-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stock-promotion-cli bench, price and promotion import/export, run as a
 * user would (the path of the program is the first argument).
 */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

static const char *cli_path;

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sp-promotion-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "workspace.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

/* Runs the CLI; returns its exit status, with stdout and stderr. */
static int
run (const char * const *args,
     char              **out,
     char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer)cli_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, 0, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static const char *promotions =
  "{\"promotions\": ["
  " {\"number\": \"\", \"name\": \"Blank number\", \"start\": \"2024-01-01\", \"end\": \"2024-12-31\", \"lines\": ["
  "  {\"number\": \"1\", \"eligibility\": null, \"benefits\": [{\"applies_to\": \"all\", \"type\": \"percent\", \"value\": \"5\"}]}]},"
  " {\"number\": \"VIP-1\", \"name\": \"Exclusive tiers\", \"description\": \"x\", \"stacking\": \"exclusive\","
  "  \"start\": \"2024-01-01\", \"end\": \"2024-06-30\", \"lines\": [{\"number\": \"1\", \"eligibility\": {\"operator\": \"any\","
  "  \"groups\": [{\"operator\": \"all\", \"conditions\": [{\"attribute\": \"customer\", \"op\": \"in\", \"value\": [\"A\", \"B\"]}],"
  "  \"subgroup\": null, \"exclusion\": {\"operator\": \"any\", \"conditions\": [{\"attribute\": \"uom\", \"op\": \"eq\", \"value\": \"Box\"}]}}]},"
  "  \"benefits\": [{\"applies_to\": \"item\", \"item\": \"BAL-1\", \"type\": \"tiered\", \"basis\": \"line_quantity\","
  "  \"calculate\": \"lump_sum\", \"tiers\": [{\"from\": 1, \"to\": null, \"adjustment\": \"amount\", \"value\": \"3\","
  "  \"block_size\": 4, \"remainder\": \"new_lump_sum\"}]}]}]}]}";

static void
test_import_export_round_trip (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *input = write_file (fixture, "in.json", promotions);
  g_autofree char *out = NULL, *err = NULL, *first = NULL, *second = NULL, *one = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  g_assert_cmpint (run ((const char *[]) { "--db", fixture->db, "promotion", "import", input, NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "2 new"));
  g_assert_nonnull (strstr (out, "PROMO00001"));
  g_assert_nonnull (strstr (out, "VIP-1"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run ((const char *[]) { "--db", fixture->db, "promotion", "export", NULL }, &first, &err), ==, 0);
  json_parser_load_from_data (parser, first, -1, &error);
  g_assert_no_error (error);
  array = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "promotions");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "number"), ==, "PROMO00001");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "stacking"), ==, "exclusive");

  /* Importing the export changes nothing: same numbers, same text. */
  exported = write_file (fixture, "export.json", first);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ((const char *[]) { "--db", fixture->db, "promotion", "import", exported, NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "0 new and 2 updated"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ((const char *[]) { "--db", fixture->db, "promotion", "export", NULL }, &second, &err), ==, 0);
  g_assert_cmpstr (first, ==, second);

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ((const char *[]) { "--db", fixture->db, "promotion", "export", "VIP-1", NULL }, &one, &err), ==, 0);
  g_assert_nonnull (strstr (one, "\"block_size\" : 4"));
  g_assert_null (strstr (one, "PROMO00001"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ((const char *[]) { "--db", fixture->db, "promotion", "export", "NOPE", NULL }, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "NOPE"));
}

static void
test_import_refuses_bad_input (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *input = write_file (fixture, "bad.json",
    "{\"promotions\": [{\"name\": \"N\", \"start\": \"2024-01-01\", \"end\": \"2024-12-31\", \"lines\": ["
    " {\"number\": \"1\", \"eligibility\": {\"operator\": \"all\", \"groups\": [{\"operator\": \"all\", \"conditions\": ["
    " {\"attribute\": \"planet\", \"op\": \"eq\", \"value\": \"Mars\"}]}]}, \"benefits\": []}]}]}");
  g_autofree char *out = NULL, *err = NULL, *exported = NULL, *err2 = NULL;

  g_assert_cmpint (run ((const char *[]) { "--db", fixture->db, "promotion", "import", input, NULL }, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "$.promotions[0].lines[0].eligibility.groups[0].conditions[0].attribute: unknown attribute “planet”"));
  g_assert_cmpuint (strchr (err, '\n') - err, ==, strlen (err) - 1);  /* one line */

  /* Nothing was saved. */
  g_assert_cmpint (run ((const char *[]) { "--db", fixture->db, "promotion", "export", NULL }, &exported, &err2), ==, 0);
  g_assert_nonnull (strstr (exported, "\"promotions\" : []"));
}

static const char *workload =
  "{\"format\": \"promotion-workload/1\","
  " \"categories\": [{\"id\": \"ROOT\", \"parent\": null}, {\"id\": \"PARTY\", \"parent\": \"ROOT\"}],"
  " \"products\": [{\"sku\": \"BAL-1\", \"category\": \"PARTY\", \"uom\": \"Each\", \"list_price\": \"10.00\"},"
  "  {\"sku\": \"DRL-1\", \"category\": \"ROOT\", \"uom\": \"Each\", \"list_price\": \"99.99\"}],"
  " \"promotions\": [{\"number\": \"P1\", \"name\": \"Party\", \"start\": \"2024-01-01\", \"end\": \"2024-12-31\", \"lines\": ["
  "  {\"number\": \"1\", \"eligibility\": null, \"benefits\": ["
  "   {\"applies_to\": \"item_category\", \"item_category\": \"PARTY\", \"type\": \"percent\", \"value\": \"12.5\"}]}]}],"
  " \"orders\": [{\"id\": \"O1\", \"date\": \"2024-03-01\", \"currency\": \"USD\", \"lines\": ["
  "   {\"sku\": \"BAL-1\", \"qty\": 3, \"uom\": \"Each\"}, {\"sku\": \"DRL-1\", \"qty\": 1, \"uom\": \"Each\"}]},"
  "  {\"id\": \"O2\", \"date\": \"2025-03-01\", \"currency\": \"USD\", \"lines\": [{\"sku\": \"BAL-1\", \"qty\": 1}]}]}";

static void
test_price_json (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "workload.json", workload);
  g_autofree char *out = NULL, *err = NULL, *text = NULL, *err2 = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *order, *line, *adjustment;
  JsonArray *orders;

  g_assert_cmpint (run ((const char *[]) { "price", path, "--json", NULL }, &out, &err), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  orders = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "orders");
  g_assert_cmpuint (json_array_get_length (orders), ==, 2);

  order = json_array_get_object_element (orders, 0);
  g_assert_cmpstr (json_object_get_string_member (order, "id"), ==, "O1");
  g_assert_cmpstr (json_object_get_string_member (order, "list_amount"), ==, "129.99");
  g_assert_cmpstr (json_object_get_string_member (order, "discount"), ==, "3.75");
  g_assert_cmpstr (json_object_get_string_member (order, "net"), ==, "126.24");

  line = json_array_get_object_element (json_object_get_array_member (order, "lines"), 0);
  g_assert_cmpstr (json_object_get_string_member (line, "sku"), ==, "BAL-1");
  g_assert_cmpint (json_object_get_int_member (line, "qty"), ==, 3);
  adjustment = json_array_get_object_element (json_object_get_array_member (line, "adjustments"), 0);
  g_assert_cmpstr (json_object_get_string_member (adjustment, "promotion"), ==, "P1");
  g_assert_cmpstr (json_object_get_string_member (adjustment, "promotion_name"), ==, "Party");
  g_assert_cmpstr (json_object_get_string_member (adjustment, "line"), ==, "1");
  g_assert_cmpint (json_object_get_int_member (adjustment, "benefit"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (adjustment, "type"), ==, "percent");
  g_assert_cmpstr (json_object_get_string_member (adjustment, "amount"), ==, "3.75");

  /* O2 is dated after the promotion ended. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (orders, 1), "discount"), ==, "0.00");

  g_assert_cmpint (run ((const char *[]) { "price", path, "--order", "O1", NULL }, &text, &err2), ==, 0);
  g_assert_nonnull (strstr (text, "Order O1 (2024-03-01, USD): list 129.99, discount 3.75, net 126.24"));
  g_assert_nonnull (strstr (text, "P1 “Party” line 1 benefit 1 percent: -3.75"));
  g_assert_null (strstr (text, "O2"));
}

static void
test_bench_line (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "workload.json", workload);
  g_autofree char *out = NULL, *err = NULL, *bad_out = NULL, *bad_err = NULL;
  g_autofree char *bad = write_file (fixture, "bad.json", "{\"categories\": [], \"products\": [], \"promotions\": [],"
                                     " \"orders\": [{\"id\": \"O\", \"date\": \"2024-13-01\", \"lines\": []}]}");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *keys[] = { "lines", "pair_evaluations", "applications", "discount_cents", "net_cents", "seconds",
                         "pair_evaluations_per_s", "load_seconds", "build_seconds" };
  JsonObject *result;

  g_assert_cmpint (run ((const char *[]) { "bench", path, "--threads", "2", NULL }, &out, &err), ==, 0);
  g_assert_cmpuint (strlen (out), ==, (gsize)(strchr (out, '\n') - out) + 1);  /* one line */
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  result = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (result, keys[i]));
  g_assert_cmpint (json_object_get_int_member (result, "lines"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (result, "pair_evaluations"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (result, "applications"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (result, "discount_cents"), ==, 375);
  g_assert_cmpint (json_object_get_int_member (result, "net_cents"), ==, 12624 + 1000);

  g_assert_cmpint (run ((const char *[]) { "bench", bad, NULL }, &bad_out, &bad_err), ==, 1);
  g_assert_nonnull (strstr (bad_err, "$.orders[0].date: expected a date"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    {
      g_test_skip ("the path of stock-promotion-cli is the first argument");
      return g_test_run ();
    }
  cli_path = argv[1];

  g_test_add ("/engine/cli/import-export-round-trip", Fixture, NULL, fixture_set_up,
              test_import_export_round_trip, fixture_tear_down);
  g_test_add ("/engine/cli/import-refuses-bad-input", Fixture, NULL, fixture_set_up,
              test_import_refuses_bad_input, fixture_tear_down);
  g_test_add ("/engine/cli/price-json", Fixture, NULL, fixture_set_up, test_price_json, fixture_tear_down);
  g_test_add ("/engine/cli/bench-line", Fixture, NULL, fixture_set_up, test_bench_line, fixture_tear_down);

  return g_test_run ();
}
