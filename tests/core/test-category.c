/* test-category.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib-object.h>

#include "sp-category.h"
#include "test-util.h"

static void
test_category_new (void)
{
  SpCategory *category = sp_category_new ("Drills", "Tools/Power Tools/Drills");
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (sp_category_get_name (category), ==, "Drills");
  g_assert_cmpstr (sp_category_get_path (category), ==, "Tools/Power Tools/Drills");
  g_assert_null (sp_category_get_parent_id (category));
  g_assert_true (sp_category_validate (category, &error));
  g_assert_no_error (error);

  g_assert_finalize_object (category);
}

static void
test_category_validate (void)
{
  static const struct { const char *name; const char *path; const char *field; } cases[] = {
    { "", "Tools", "name" },
    { "Drills", NULL, "path" },
    { "Drills", "", "path" },
    { "Drills", "/Tools/Drills", "path" },
    { "Drills", "Tools/Drills/", "path" },
    { "Drills", "Tools//Drills", "path" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SpCategory *category = sp_category_new (cases[i].name, cases[i].path);
      g_autoptr(GError) error = NULL;

      g_test_message ("name “%s”, path “%s”", cases[i].name, cases[i].path);
      g_assert_false (sp_category_validate (category, &error));
      assert_invalid_field (error, cases[i].field);

      g_assert_finalize_object (category);
    }
}

static void
test_category_path_helpers (void)
{
  g_autofree char *parent = sp_category_path_dup_parent ("Tools/Power Tools/Drills");
  g_autofree char *grandparent = sp_category_path_dup_parent (parent);
  g_autofree char *none = sp_category_path_dup_parent (grandparent);

  g_assert_cmpstr (parent, ==, "Tools/Power Tools");
  g_assert_cmpstr (grandparent, ==, "Tools");
  g_assert_null (none);

  g_assert_cmpstr (sp_category_path_get_basename ("Tools/Power Tools/Drills"), ==, "Drills");
  g_assert_cmpstr (sp_category_path_get_basename ("Tools"), ==, "Tools");

  g_assert_cmpuint (sp_category_path_get_depth ("Tools/Power Tools/Drills"), ==, 3);
  g_assert_cmpuint (sp_category_path_get_depth ("Tools"), ==, 1);
  g_assert_cmpuint (sp_category_path_get_depth (""), ==, 0);
  g_assert_cmpuint (sp_category_path_get_depth (NULL), ==, 0);

  g_assert_true (sp_category_path_is_valid ("Tools/Power Tools/Drills"));
  g_assert_true (sp_category_path_is_valid ("Fasteners"));
  g_assert_false (sp_category_path_is_valid ("Tools//Drills"));
  g_assert_false (sp_category_path_is_valid (""));
  g_assert_false (sp_category_path_is_valid (NULL));
}

static void
test_category_path_contains (void)
{
  g_assert_true (sp_category_path_contains ("Tools", "Tools/Power Tools/Drills"));
  g_assert_true (sp_category_path_contains ("Tools/Power Tools", "Tools/Power Tools/Drills"));
  g_assert_true (sp_category_path_contains ("Tools", "Tools"));
  /* A shared prefix is not a subtree. */
  g_assert_false (sp_category_path_contains ("Tools", "Toolsets/Sockets"));
  g_assert_false (sp_category_path_contains ("Tools/Power", "Tools/Power Tools"));
  g_assert_false (sp_category_path_contains ("Tools/Power Tools/Drills", "Tools"));
}

/* A campaign's scope: its SKUs, and the subtrees of its groups. */
static void
test_scope_contains (void)
{
  const char *skus[] = { "VA-300", NULL };
  const char *groups[] = { "Tools/Power Tools", "Plumbing/Valves", NULL };

  g_assert_true (sp_scope_contains (skus, groups, "VA-300", "Fasteners"));
  g_assert_true (sp_scope_contains (skus, groups, "DR-100", "Tools/Power Tools/Drills"));
  g_assert_true (sp_scope_contains (skus, groups, "BV-1", "Plumbing/Valves"));
  g_assert_false (sp_scope_contains (skus, groups, "DR-200", "Tools/Power Toolsets"));
  g_assert_false (sp_scope_contains (skus, groups, "DR-300", NULL));
  g_assert_false (sp_scope_contains (NULL, NULL, "VA-300", "Plumbing/Valves"));
  g_assert_true (sp_scope_contains (NULL, groups, NULL, "Tools/Power Tools"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/category/new", test_category_new);
  g_test_add_func ("/core/category/validate", test_category_validate);
  g_test_add_func ("/core/category/path-helpers", test_category_path_helpers);
  g_test_add_func ("/core/category/path-contains", test_category_path_contains);
  g_test_add_func ("/core/category/scope-contains", test_scope_contains);

  return g_test_run ();
}
