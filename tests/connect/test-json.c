/* test-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The defensive JSON helpers against the answers a server should not give.
 */

#include "config.h"

#include <string.h>

#include "sp-connect-error.h"
#include "sp-json.h"

static JsonNode *
parse (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  JsonNode *node = sp_json_parse_bytes (bytes, "test", &error);

  g_assert_no_error (error);
  return node;
}

static void
test_good_values (void)
{
  g_autoptr(JsonNode) root = parse ("{\"id\":\"a\",\"n\":3,\"o\":{\"v\":1},\"items\":[1,2]}");
  g_autoptr(GError) error = NULL;
  JsonObject *object = NULL;
  JsonObject *inner = NULL;
  JsonArray *items = NULL;
  const char *id = NULL;
  gint64 n = 0;

  g_assert_true (sp_json_node_get_object (root, "$", &object, &error));
  g_assert_true (sp_json_get_string (object, "$", "id", &id, &error));
  g_assert_cmpstr (id, ==, "a");
  g_assert_true (sp_json_get_int (object, "$", "n", &n, &error));
  g_assert_cmpint (n, ==, 3);
  g_assert_true (sp_json_get_object (object, "$", "o", &inner, &error));
  g_assert_true (sp_json_get_array (object, "$", "items", &items, &error));
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  g_assert_no_error (error);
}

static void
test_wrong_types_name_the_path (void)
{
  g_autoptr(JsonNode) root = parse ("{\"code\":\"201\",\"n\":1.5,\"s\":null,\"o\":[],\"a\":{}}");
  JsonObject *object = json_node_get_object (root);
  g_autoptr(GError) error = NULL;
  JsonObject *inner = NULL;
  JsonArray *array = NULL;
  const char *text = NULL;
  gint64 n = 0;

  /* A string where an integer belongs: no silent 0. */
  g_assert_false (sp_json_get_int (object, "$[3]", "code", &n, &error));
  g_assert_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "$[3].code"));
  g_clear_error (&error);

  /* 1.5 is not an integer: no silent truncation. */
  g_assert_false (sp_json_get_int (object, "$", "n", &n, &error));
  g_assert_nonnull (strstr (error->message, "$.n"));
  g_clear_error (&error);

  g_assert_false (sp_json_get_string (object, "$", "s", &text, &error));
  g_assert_nonnull (strstr (error->message, "$.s"));
  g_clear_error (&error);

  g_assert_false (sp_json_get_object (object, "$", "o", &inner, &error));
  g_assert_nonnull (strstr (error->message, "$.o"));
  g_clear_error (&error);

  g_assert_false (sp_json_get_array (object, "$", "a", &array, &error));
  g_assert_nonnull (strstr (error->message, "$.a"));
  g_clear_error (&error);

  g_assert_false (sp_json_get_string (object, "$.metadata", "missing", &text, &error));
  g_assert_nonnull (strstr (error->message, "$.metadata.missing"));
  g_assert_nonnull (strstr (error->message, "missing"));
}

static void
test_not_json (void)
{
  static const char * const bad[] = { "", "<html>502 Bad Gateway</html>", "{\"a\":", "\xff\xfe" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = sp_json_parse_bytes (bytes, "GET /price/x", &error);

      g_assert_null (node);
      g_assert_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_BAD_RESPONSE);
      g_assert_true (g_str_has_prefix (error->message, "GET /price/x: "));
    }
}

static void
test_root_types (void)
{
  g_autoptr(JsonNode) array = parse ("[1]");
  g_autoptr(JsonNode) object = parse ("{}");
  g_autoptr(GError) error = NULL;
  JsonObject *o = NULL;
  JsonArray *a = NULL;

  g_assert_false (sp_json_node_get_object (array, "$", &o, &error));
  g_assert_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_BAD_RESPONSE);
  g_clear_error (&error);
  g_assert_false (sp_json_node_get_array (object, "$", &a, &error));
  g_assert_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_BAD_RESPONSE);
  g_clear_error (&error);
  g_assert_false (sp_json_node_get_array (NULL, "$[2]", &a, &error));
  g_assert_nonnull (strstr (error->message, "$[2]"));
}

static void
test_error_messages (void)
{
  static const struct { const char *body; const char *message; } cases[] = {
    { "{\"code\":409,\"status\":\"Conflict\",\"message\":\"Duplicated key\"}", "Duplicated key" },
    { "{\"status\":409,\"type\":\"conflict_resource\",\"message\":\"Duplicate Coupon\"}", "Duplicate Coupon" },
    { "{\"fault\":{\"faultstring\":\"Invalid access token\",\"detail\":{}}}", "Invalid access token" },
    { "{\"message\":42}", NULL },
    { "[]", NULL },
    { "not json", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (cases[i].body, strlen (cases[i].body));
      g_autofree char *message = sp_json_error_message (bytes);

      g_assert_cmpstr (message, ==, cases[i].message);
    }

  g_assert_null (sp_json_error_message (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/connect/json/good-values", test_good_values);
  g_test_add_func ("/connect/json/wrong-types-name-the-path", test_wrong_types_name_the_path);
  g_test_add_func ("/connect/json/not-json", test_not_json);
  g_test_add_func ("/connect/json/root-types", test_root_types);
  g_test_add_func ("/connect/json/error-messages", test_error_messages);

  return g_test_run ();
}
