/* test-campaign-repository.c: campaigns stored, loaded and kept current
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "sp-campaign-repository.h"
#include "sp-model-error.h"

#include "test-db-util.h"

typedef struct
{
  char                 *dir;
  char                 *path;
  SpStore              *store;
  SpCampaignRepository *repo;
  guint                 n_items_changed;
} Fixture;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  fixture->n_items_changed++;
}

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3) db = _sp_db_open (fixture->path, &error);

  g_assert_no_error (error);
  _sp_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sp-test-campaigns-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "workspace.db", NULL);
  fixture->store = sp_store_open (fixture->path, &error);
  g_assert_no_error (error);

  exec_sql (fixture,
            "INSERT INTO sites (id, code, name) VALUES ('s1', 'DE', 'Germany'), ('s2', 'AT', "
            "'Austria');INSERT INTO categories (id, parent_id, name, path) VALUES   ('c1', NULL, "
            "'Tools', 'Tools'), ('c2', 'c1', 'Drills', 'Tools/Drills');INSERT INTO products (id, "
            "sku, name, category_id, list_price, cost, currency) VALUES   ('p1', 'DR-100', "
            "'Drill', 'c2', 10000, 6000, 'EUR'),  ('p2', 'DR-200', 'Big drill', 'c2', 20000, "
            "15000, 'EUR');INSERT INTO segments (id, code, name) VALUES ('g1', 'INST', "
            "'Installers');");

  fixture->repo = sp_campaign_repository_new (fixture->store);
  g_signal_connect (sp_campaign_repository_get_campaigns (fixture->repo), "items-changed",
                    G_CALLBACK (items_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* A worker may still hold its finished task (and so the repository) for
   * a moment after the callback ran. */
  for (guint i = 0; i < 1000 && G_OBJECT (fixture->repo)->ref_count > 1; i++)
    {
      while (g_main_context_iteration (NULL, FALSE));
      g_usleep (1000);
    }
  g_assert_finalize_object (fixture->repo);
  g_assert_finalize_object (fixture->store);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static SpCampaign *
new_full_campaign (void)
{
  SpCampaign *campaign = sp_campaign_new ("Winter drills clearance");
  const char * const sites[] = { "AT", "DE", NULL };
  const char * const products[] = { "DR-100", NULL };
  const char * const categories[] = { "Tools/Drills", NULL };
  const char * const segments[] = { "INST", NULL };

  sp_campaign_set_description (campaign, "Too many drills");
  sp_campaign_set_origin (campaign, SP_CAMPAIGN_ORIGIN_TRIGGER);
  sp_campaign_set_owner (campaign, "mia");
  sp_campaign_set_start_date (campaign, "2026-12-01");
  sp_campaign_set_end_date (campaign, "2026-12-31");
  sp_campaign_set_sites (campaign, sites);
  sp_campaign_set_scope_products (campaign, products);
  sp_campaign_set_scope_categories (campaign, categories);
  sp_campaign_set_segments (campaign, segments);
  sp_campaign_set_units_to_clear (campaign, 500);
  sp_campaign_set_target_date (campaign, "2027-01-15");
  sp_campaign_set_margin_floor (campaign, 1500);
  sp_campaign_set_default_discount (campaign, 2000);
  sp_campaign_set_currency (campaign, "CHF");
  sp_campaign_set_boost_enabled (campaign, FALSE);
  sp_campaign_set_boost_weight (campaign, 8);
  sp_campaign_set_boost_category (campaign, "Restposten");
  return campaign;
}

static void
assert_strv (const char * const *a,
             const char * const *b)
{
  g_assert_true (g_strv_equal ((const char **)a, (const char **)b));
}

static void
assert_same_campaign (SpCampaign *a,
                      SpCampaign *b)
{
  g_assert_cmpstr (sp_campaign_get_id (a), ==, sp_campaign_get_id (b));
  g_assert_cmpstr (sp_campaign_get_name (a), ==, sp_campaign_get_name (b));
  g_assert_cmpstr (sp_campaign_get_description (a), ==, sp_campaign_get_description (b));
  g_assert_cmpint (sp_campaign_get_status (a), ==, sp_campaign_get_status (b));
  g_assert_cmpint (sp_campaign_get_origin (a), ==, sp_campaign_get_origin (b));
  g_assert_cmpstr (sp_campaign_get_owner (a), ==, sp_campaign_get_owner (b));
  g_assert_cmpstr (sp_campaign_get_start_date (a), ==, sp_campaign_get_start_date (b));
  g_assert_cmpstr (sp_campaign_get_end_date (a), ==, sp_campaign_get_end_date (b));
  assert_strv (sp_campaign_get_sites (a), sp_campaign_get_sites (b));
  assert_strv (sp_campaign_get_scope_products (a), sp_campaign_get_scope_products (b));
  assert_strv (sp_campaign_get_scope_categories (a), sp_campaign_get_scope_categories (b));
  assert_strv (sp_campaign_get_segments (a), sp_campaign_get_segments (b));
  g_assert_cmpint (sp_campaign_get_units_to_clear (a), ==, sp_campaign_get_units_to_clear (b));
  g_assert_cmpstr (sp_campaign_get_target_date (a), ==, sp_campaign_get_target_date (b));
  g_assert_cmpint (sp_campaign_get_margin_floor (a), ==, sp_campaign_get_margin_floor (b));
  g_assert_cmpint (sp_campaign_get_default_discount (a), ==, sp_campaign_get_default_discount (b));
  g_assert_cmpstr (sp_campaign_get_currency (a), ==, sp_campaign_get_currency (b));
  g_assert_cmpint (sp_campaign_get_boost_enabled (a), ==, sp_campaign_get_boost_enabled (b));
  g_assert_cmpint (sp_campaign_get_boost_weight (a), ==, sp_campaign_get_boost_weight (b));
  g_assert_cmpstr (sp_campaign_get_boost_category (a), ==, sp_campaign_get_boost_category (b));
  g_assert_cmpint (sp_campaign_get_version (a), ==, sp_campaign_get_version (b));
  g_assert_cmpstr (sp_campaign_get_created_at (a), ==, sp_campaign_get_created_at (b));
  g_assert_cmpstr (sp_campaign_get_updated_at (a), ==, sp_campaign_get_updated_at (b));
}

static SpCampaign *
reload_from_file (Fixture    *fixture,
                  const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (fixture->path, &error);
  g_autoptr(SpCampaignRepository) repo = NULL;
  SpCampaign *campaign;

  g_assert_no_error (error);
  repo = sp_campaign_repository_new (store);
  g_assert_true (sp_campaign_repository_load (repo, &error));
  g_assert_no_error (error);

  campaign = sp_campaign_repository_lookup (repo, id);
  g_assert_nonnull (campaign);
  return g_object_ref (campaign);
}

static void
test_create_round_trip (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCampaign) campaign = new_full_campaign ();
  g_autoptr(SpCampaign) loaded = NULL;
  GListModel *model = sp_campaign_repository_get_campaigns (fixture->repo);

  g_assert_true (sp_campaign_repository_create (fixture->repo, campaign, &error));
  g_assert_no_error (error);

  /* The model shows the very instance, stamped by the store. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpuint (fixture->n_items_changed, ==, 1);
  g_assert_true (sp_campaign_repository_lookup (fixture->repo,
                                                sp_campaign_get_id (campaign)) == campaign);
  g_assert_cmpint (sp_campaign_get_version (campaign), ==, 1);
  g_assert_nonnull (sp_campaign_get_created_at (campaign));

  loaded = reload_from_file (fixture, sp_campaign_get_id (campaign));
  assert_same_campaign (campaign, loaded);

  g_assert_cmpint (query_int_in (fixture->path,
                                 "SELECT count(*) FROM outbox WHERE entity = 'campaign' "
                                 "AND action = 'created'"), ==, 1);
  g_assert_cmpint (query_int_in (fixture->path, "SELECT count(*) FROM outbox"), ==, 1);
}

static void
test_save_round_trip (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCampaign) campaign = sp_campaign_new ("Plain");
  g_autoptr(SpCampaign) loaded = NULL;
  g_autoptr(SpCampaign) template = new_full_campaign ();
  g_autofree char *id = NULL;

  g_assert_true (sp_campaign_repository_create (fixture->repo, campaign, &error));
  g_assert_no_error (error);
  id = g_strdup (sp_campaign_get_id (campaign));

  /* Edit every field, as the app's pages do, then save. */
  sp_campaign_set_name (campaign, "Renamed");
  sp_campaign_set_description (campaign, sp_campaign_get_description (template));
  sp_campaign_set_owner (campaign, "jo");
  sp_campaign_set_start_date (campaign, "2026-12-01");
  sp_campaign_set_end_date (campaign, "2026-12-24");
  sp_campaign_set_sites (campaign, sp_campaign_get_sites (template));
  sp_campaign_set_scope_products (campaign, sp_campaign_get_scope_products (template));
  sp_campaign_set_scope_categories (campaign, sp_campaign_get_scope_categories (template));
  sp_campaign_set_segments (campaign, sp_campaign_get_segments (template));
  sp_campaign_set_units_to_clear (campaign, 42);
  sp_campaign_set_target_date (campaign, "2027-02-01");
  sp_campaign_set_margin_floor (campaign, 900);
  sp_campaign_set_default_discount (campaign, 1250);

  g_assert_true (sp_campaign_repository_save (fixture->repo, campaign, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sp_campaign_get_version (campaign), ==, 2);

  loaded = reload_from_file (fixture, id);
  assert_same_campaign (campaign, loaded);
  g_assert_cmpint (query_int_in (fixture->path, "SELECT count(*) FROM outbox"), ==, 2);
  g_assert_cmpint (query_int_in (fixture->path, "SELECT count(*) FROM campaign_scope"), ==, 2);

  /* Removing from the scope removes the rows. */
  {
    const char * const none[] = { NULL };

    sp_campaign_set_scope_products (campaign, none);
    g_assert_true (sp_campaign_repository_save (fixture->repo, campaign, &error));
    g_assert_no_error (error);
    g_assert_cmpint (query_int_in (fixture->path,
                                   "SELECT count(*) FROM campaign_scope "
                                   "WHERE kind = 'product'"), ==, 0);
  }
}

static gboolean
query_text_is (Fixture    *fixture,
               const char *sql,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3) db = _sp_db_open (fixture->path, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), expected) == 0;
}

static void
test_boost_round_trip (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCampaign) fresh = sp_campaign_new ("Fresh");
  g_autoptr(SpCampaign) campaign = new_full_campaign ();
  g_autoptr(SpCampaign) loaded = NULL;
  g_autoptr(SpCampaign) demo = NULL;
  g_autofree char *sql = NULL;

  /* A new campaign has the page's defaults. */
  g_assert_true (sp_campaign_get_boost_enabled (fresh));
  g_assert_cmpint (sp_campaign_get_boost_weight (fresh), ==, SP_CAMPAIGN_BOOST_WEIGHT_DEFAULT);
  g_assert_cmpstr (sp_campaign_get_boost_category (fresh), ==, "Clearance");

  sp_campaign_set_boost_enabled (campaign, FALSE);
  sp_campaign_set_boost_weight (campaign, 7);
  sp_campaign_set_boost_category (campaign, "Abverkauf");
  g_assert_true (sp_campaign_repository_create (fixture->repo, campaign, &error));
  g_assert_no_error (error);
  loaded = reload_from_file (fixture, sp_campaign_get_id (campaign));
  assert_same_campaign (campaign, loaded);
  g_clear_object (&loaded);

  /* params_json holds other keys too (the demo writes "boost.category"
   * and "trigger"): a save changes the boost settings and keeps them. */
  sql = g_strdup_printf ("UPDATE campaigns SET params_json = json_set (params_json, "
                         "'$.boost.category', 'Tools/Drills', '$.trigger.source', 'erp') "
                         "WHERE id = '%s'", sp_campaign_get_id (campaign));
  exec_sql (fixture, sql);
  sp_campaign_set_boost_enabled (campaign, TRUE);
  sp_campaign_set_boost_weight (campaign, 4);
  g_assert_true (sp_campaign_repository_save (fixture->repo, campaign, &error));
  g_assert_no_error (error);
  loaded = reload_from_file (fixture, sp_campaign_get_id (campaign));
  assert_same_campaign (campaign, loaded);
  g_assert_true (sp_campaign_get_boost_enabled (loaded));
  g_assert_cmpint (sp_campaign_get_boost_weight (loaded), ==, 4);
  g_assert_cmpstr (sp_campaign_get_boost_category (loaded), ==, "Abverkauf");
  g_assert_true (query_text_is (fixture, "SELECT json_extract (params_json, '$.boost.category') "
                                         "FROM campaigns", "Tools/Drills"));
  g_assert_true (query_text_is (fixture, "SELECT json_extract (params_json, '$.trigger.source') "
                                         "FROM campaigns", "erp"));
  g_assert_cmpint (query_int_in (fixture->path,
                                 "SELECT json_extract (params_json, '$.boost.weight') "
                                 "FROM campaigns"), ==, 4);

  /* A status move keeps the settings. */
  g_assert_true (sp_campaign_repository_transition (fixture->repo, campaign, SP_CAMPAIGN_STATUS_PLANNED,
                                                    NULL, &error));
  g_assert_cmpint (query_int_in (fixture->path,
                                 "SELECT json_extract (params_json, '$.boost.weight') "
                                 "FROM campaigns"), ==, 4);

  /* The demo workspace's form: no "enabled" (it boosts), weight and
   * clearance_category as written by sp-demo-campaigns.c. */
  exec_sql (fixture, "UPDATE campaigns SET params_json = '{\"demo_reference_date\":\"2026-11-01\","
                     "\"boost\":{\"category\":\"Tools\",\"clearance_category\":\"Clearance\","
                     "\"weight\":5}}'");
  demo = reload_from_file (fixture, sp_campaign_get_id (campaign));
  g_assert_true (sp_campaign_get_boost_enabled (demo));
  g_assert_cmpint (sp_campaign_get_boost_weight (demo), ==, 5);
  g_assert_cmpstr (sp_campaign_get_boost_category (demo), ==, "Clearance");

  /* Out of range: not saved. */
  sp_campaign_set_boost_weight (demo, 11);
  g_assert_false (sp_campaign_validate (demo, &error));
  g_assert_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_INVALID_FIELD);
  g_assert_nonnull (strstr (error->message, "boost-weight"));
}

static void
test_unknown_reference (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCampaign) campaign = sp_campaign_new ("Bad scope");
  const char * const products[] = { "DR-100", "NO-SUCH-SKU", NULL };

  g_assert_true (sp_campaign_repository_create (fixture->repo, campaign, &error));
  g_assert_no_error (error);

  sp_campaign_set_scope_products (campaign, products);
  sp_campaign_set_owner (campaign, "changed");
  g_assert_false (sp_campaign_repository_save (fixture->repo, campaign, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "NO-SUCH-SKU"));
  g_assert_nonnull (strstr (error->message, "scope-products"));

  /* Nothing of the failed save was stored. */
  g_assert_cmpint (query_int_in (fixture->path, "SELECT count(*) FROM campaign_scope"), ==, 0);
  g_assert_cmpint (query_int_in (fixture->path, "SELECT version FROM campaigns"), ==, 1);
  g_assert_cmpint (query_int_in (fixture->path,
                                 "SELECT count(*) FROM campaigns WHERE owner = 'changed'"),
                   ==, 0);
  g_assert_cmpint (query_int_in (fixture->path, "SELECT count(*) FROM outbox"), ==, 1);
  g_assert_cmpint (sp_campaign_get_version (campaign), ==, 1);
}

static void
test_invalid_campaign (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCampaign) campaign = sp_campaign_new ("");

  g_assert_false (sp_campaign_repository_create (fixture->repo, campaign, &error));
  g_assert_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_INVALID_FIELD);
  g_assert_cmpint (query_int_in (fixture->path, "SELECT count(*) FROM campaigns"), ==, 0);
  g_assert_cmpint (query_int_in (fixture->path, "SELECT count(*) FROM outbox"), ==, 0);
  g_assert_cmpuint (fixture->n_items_changed, ==, 0);
}

static void
test_transitions (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCampaign) campaign = sp_campaign_new ("Lifecycle");
  g_autoptr(SpCampaign) loaded = NULL;

  g_assert_true (sp_campaign_repository_create (fixture->repo, campaign, &error));

  /* Illegal: draft → live. Nothing changes, anywhere. */
  g_assert_false (sp_campaign_repository_transition (fixture->repo, campaign,
                                                     SP_CAMPAIGN_STATUS_LIVE, NULL, &error));
  g_assert_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);
  g_assert_cmpint (sp_campaign_get_status (campaign), ==, SP_CAMPAIGN_STATUS_DRAFT);
  g_assert_cmpint (query_int_in (fixture->path,
                                 "SELECT count(*) FROM campaigns WHERE status = 'draft' "
                                 "AND version = 1"), ==, 1);
  g_assert_cmpint (query_int_in (fixture->path, "SELECT count(*) FROM outbox"), ==, 1);

  g_assert_true (sp_campaign_repository_transition (fixture->repo, campaign,
                                                    SP_CAMPAIGN_STATUS_PLANNED, NULL, &error));
  g_assert_true (sp_campaign_repository_transition (fixture->repo, campaign,
                                                    SP_CAMPAIGN_STATUS_IN_REVIEW, "please", &error));
  g_assert_true (sp_campaign_repository_transition (fixture->repo, campaign,
                                                    SP_CAMPAIGN_STATUS_REJECTED, "margin too thin",
                                                    &error));
  g_assert_no_error (error);
  g_assert_cmpint (sp_campaign_get_status (campaign), ==, SP_CAMPAIGN_STATUS_REJECTED);
  g_assert_cmpint (sp_campaign_get_version (campaign), ==, 4);

  loaded = reload_from_file (fixture, sp_campaign_get_id (campaign));
  g_assert_cmpint (sp_campaign_get_status (loaded), ==, SP_CAMPAIGN_STATUS_REJECTED);

  /* One outbox row per write (3 status rows, 2 approval rows, 1 created),
   * and the history of review decisions with their comments. */
  g_assert_cmpint (query_int_in (fixture->path, "SELECT count(*) FROM outbox"), ==, 6);
  g_assert_cmpint (query_int_in (fixture->path, "SELECT count(*) FROM approvals"), ==, 2);
  g_assert_cmpint (query_int_in (fixture->path,
                                 "SELECT count(*) FROM approvals WHERE decision = 'rejected' "
                                 "AND comment = 'margin too thin'"), ==, 1);
  g_assert_cmpint (query_int_in (fixture->path,
                                 "SELECT count(*) FROM approvals WHERE decision = "
                                 "'submitted' AND comment = 'please'"), ==, 1);
}

static void
test_conflict (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCampaign) campaign = sp_campaign_new ("Shared");
  g_autoptr(SpStore) other_store = NULL;
  g_autoptr(SpCampaignRepository) other = NULL;
  SpCampaign *theirs;

  g_assert_true (sp_campaign_repository_create (fixture->repo, campaign, &error));

  other_store = sp_store_open (fixture->path, &error);
  other = sp_campaign_repository_new (other_store);
  g_assert_true (sp_campaign_repository_load (other, &error));
  theirs = sp_campaign_repository_lookup (other, sp_campaign_get_id (campaign));
  sp_campaign_set_owner (theirs, "them");
  g_assert_true (sp_campaign_repository_save (other, theirs, &error));
  g_assert_no_error (error);

  sp_campaign_set_owner (campaign, "me");
  g_assert_false (sp_campaign_repository_save (fixture->repo, campaign, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (query_int_in (fixture->path,
                                 "SELECT count(*) FROM campaigns WHERE owner = 'them'"), ==,
                   1);

  /* A reload takes theirs, in place. */
  g_assert_true (sp_campaign_repository_load (fixture->repo, &error));
  g_assert_cmpstr (sp_campaign_get_owner (campaign), ==, "them");
  g_assert_cmpint (sp_campaign_get_version (campaign), ==, 2);
}

static void
test_find (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCampaign) a = sp_campaign_new ("Alpha");
  g_autoptr(SpCampaign) b = sp_campaign_new ("Beta");
  g_autofree char *prefix = NULL;

  g_assert_true (sp_campaign_repository_create (fixture->repo, a, &error));
  g_assert_true (sp_campaign_repository_create (fixture->repo, b, &error));

  g_assert_true (sp_campaign_repository_find (fixture->repo, sp_campaign_get_id (a), &error) == a);
  g_assert_true (sp_campaign_repository_find (fixture->repo, "Beta", &error) == b);
  prefix = g_strndup (sp_campaign_get_id (b), 8);
  g_assert_true (sp_campaign_repository_find (fixture->repo, prefix, &error) == b);
  g_assert_no_error (error);

  g_assert_null (sp_campaign_repository_find (fixture->repo, "Gamma", &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (sp_campaign_repository_find (fixture->repo, "", &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND);
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
test_approval_history (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCampaign) campaign = sp_campaign_new ("History");
  g_autoptr(SpCampaign) other = sp_campaign_new ("Other");
  g_autoptr(GPtrArray) approvals = NULL;
  g_autoptr(GPtrArray) loaded_async = NULL;
  GAsyncResult *result = NULL;
  static const struct {
    SpApprovalDecision  decision;
    const char         *comment;
  } expected[] = {
    { SP_APPROVAL_DECISION_SUBMITTED, "first try" },
    { SP_APPROVAL_DECISION_REJECTED, "margin too thin" },
    { SP_APPROVAL_DECISION_SUBMITTED, "discount lowered" },
    { SP_APPROVAL_DECISION_APPROVED, "fine now" },
  };

  g_assert_true (sp_campaign_repository_create (fixture->repo, campaign, &error));
  g_assert_true (sp_campaign_repository_create (fixture->repo, other, &error));

  /* No decision yet: an empty history, not an error. */
  approvals = sp_campaign_repository_load_approvals (fixture->repo, sp_campaign_get_id (campaign), &error);
  g_assert_no_error (error);
  g_assert_nonnull (approvals);
  g_assert_cmpuint (approvals->len, ==, 0);
  g_clear_pointer (&approvals, g_ptr_array_unref);

  /* Draft → planned (no decision) → review → rejected → draft → planned → review → approved */
  g_assert_true (sp_campaign_repository_transition (fixture->repo, campaign, SP_CAMPAIGN_STATUS_PLANNED,
                                                    "not a decision", &error));
  g_assert_true (sp_campaign_repository_transition (fixture->repo, campaign, SP_CAMPAIGN_STATUS_IN_REVIEW,
                                                    "first try", &error));
  g_assert_true (sp_campaign_repository_transition (fixture->repo, campaign, SP_CAMPAIGN_STATUS_REJECTED,
                                                    "margin too thin", &error));
  g_assert_true (sp_campaign_repository_transition (fixture->repo, campaign, SP_CAMPAIGN_STATUS_DRAFT,
                                                    NULL, &error));
  g_assert_true (sp_campaign_repository_transition (fixture->repo, campaign, SP_CAMPAIGN_STATUS_PLANNED,
                                                    NULL, &error));
  g_assert_true (sp_campaign_repository_transition (fixture->repo, campaign, SP_CAMPAIGN_STATUS_IN_REVIEW,
                                                    "discount lowered", &error));
  g_assert_true (sp_campaign_repository_transition (fixture->repo, campaign, SP_CAMPAIGN_STATUS_APPROVED,
                                                    "fine now", &error));
  /* Another campaign's decision stays out of this history. */
  g_assert_true (sp_campaign_repository_transition (fixture->repo, other, SP_CAMPAIGN_STATUS_PLANNED,
                                                    NULL, &error));
  g_assert_true (sp_campaign_repository_transition (fixture->repo, other, SP_CAMPAIGN_STATUS_IN_REVIEW,
                                                    "other campaign", &error));
  g_assert_no_error (error);

  approvals = sp_campaign_repository_load_approvals (fixture->repo, sp_campaign_get_id (campaign), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (approvals->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < approvals->len; i++)
    {
      SpApproval *approval = g_ptr_array_index (approvals, i);

      g_assert_cmpstr (sp_approval_get_campaign_id (approval), ==, sp_campaign_get_id (campaign));
      g_assert_cmpint (sp_approval_get_decision (approval), ==, expected[i].decision);
      g_assert_cmpstr (sp_approval_get_comment (approval), ==, expected[i].comment);
      g_assert_cmpstr (sp_approval_get_actor (approval), ==, g_get_user_name ());
      g_assert_nonnull (sp_approval_get_decided_at (approval));
      if (i > 0)
        g_assert_cmpstr (sp_approval_get_decided_at (g_ptr_array_index (approvals, i - 1)), <=,
                         sp_approval_get_decided_at (approval));
    }

  /* The async variant reads the same history in a worker. */
  sp_campaign_repository_load_approvals_async (fixture->repo, sp_campaign_get_id (campaign), NULL,
                                               done_cb, &result);
  loaded_async = sp_campaign_repository_load_approvals_finish (fixture->repo, wait_for (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded_async->len, ==, approvals->len);
  for (guint i = 0; i < approvals->len; i++)
    g_assert_cmpstr (sp_approval_get_id (g_ptr_array_index (loaded_async, i)), ==,
                     sp_approval_get_id (g_ptr_array_index (approvals, i)));
}

static void
test_async (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCampaign) campaign = new_full_campaign ();
  g_autoptr(SpCampaign) loaded = NULL;
  GAsyncResult *result = NULL;
  guint n_status_notify = 0;

  sp_campaign_repository_create_async (fixture->repo, campaign, NULL, done_cb, &result);
  g_assert_true (sp_campaign_repository_create_finish (fixture->repo, wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (g_list_model_get_n_items (sp_campaign_repository_get_campaigns (fixture->repo)),
                    ==, 1);

  sp_campaign_set_owner (campaign, "async owner");
  sp_campaign_repository_save_async (fixture->repo, campaign, NULL, done_cb, &result);
  g_assert_true (sp_campaign_repository_save_finish (fixture->repo, wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  g_signal_connect (campaign, "notify::status", G_CALLBACK (count_cb), &n_status_notify);
  sp_campaign_repository_transition_async (fixture->repo, campaign, SP_CAMPAIGN_STATUS_PLANNED,
                                           NULL, NULL, done_cb, &result);
  /* The model changes only once the write is stored. */
  g_assert_cmpint (sp_campaign_get_status (campaign), ==, SP_CAMPAIGN_STATUS_DRAFT);
  g_assert_true (sp_campaign_repository_transition_finish (fixture->repo, wait_for (&result),
                                                           &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpint (sp_campaign_get_status (campaign), ==, SP_CAMPAIGN_STATUS_PLANNED);
  g_assert_cmpuint (n_status_notify, ==, 1);

  sp_campaign_repository_transition_async (fixture->repo, campaign, SP_CAMPAIGN_STATUS_LIVE,
                                           NULL, NULL, done_cb, &result);
  g_assert_false (sp_campaign_repository_transition_finish (fixture->repo, wait_for (&result),
                                                            &error));
  g_assert_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_ILLEGAL_TRANSITION);
  g_clear_object (&result);

  loaded = reload_from_file (fixture, sp_campaign_get_id (campaign));
  assert_same_campaign (campaign, loaded);
  g_assert_cmpint (query_int_in (fixture->path, "SELECT count(*) FROM outbox"), ==, 3);
}

static void
count_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  guint *n_done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_campaign_repository_save_finish (SP_CAMPAIGN_REPOSITORY (object), result,
                                                     &error));
  g_assert_no_error (error);
  (*n_done)++;
}

static void
test_quick_edits (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCampaign) campaign = sp_campaign_new ("Typed");
  g_autoptr(SpCampaign) loaded = NULL;
  const char *names[] = { "T", "Ty", "Typ", "Type", "Typed fast" };
  guint n_done = 0;

  g_assert_true (sp_campaign_repository_create (fixture->repo, campaign, &error));

  /* The app watches the database; our own commits must not reload stale
   * names over the ones still being saved. */
  sp_store_watch (fixture->store, 1);

  /* As the app does it: every keystroke saves at once, without waiting. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      sp_campaign_set_name (campaign, names[i]);
      sp_campaign_repository_save_async (fixture->repo, campaign, NULL, count_done_cb, &n_done);
    }
  while (n_done < G_N_ELEMENTS (names))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpstr (sp_campaign_get_name (campaign), ==, "Typed fast");
    }

  /* Let the reloads the watcher triggers run too. */
  for (guint i = 0; i < 50; i++)
    {
      while (g_main_context_iteration (NULL, FALSE));
      g_usleep (2000);
    }
  g_assert_cmpstr (sp_campaign_get_name (campaign), ==, "Typed fast");
  g_assert_cmpint (sp_campaign_get_version (campaign), ==, 1 + G_N_ELEMENTS (names));
  loaded = reload_from_file (fixture, sp_campaign_get_id (campaign));
  g_assert_cmpstr (sp_campaign_get_name (loaded), ==, "Typed fast");
  g_assert_cmpint (query_int_in (fixture->path, "SELECT count(*) FROM outbox"), ==,
                   1 + G_N_ELEMENTS (names));
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_other_process (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCampaign) campaign = sp_campaign_new ("Watched");
  GAsyncResult *result = NULL;
  gboolean timed_out = FALSE;
  guint timeout_id;

  sp_campaign_repository_reload_async (fixture->repo, NULL, done_cb, &result);
  g_assert_true (sp_campaign_repository_reload_finish (fixture->repo, wait_for (&result), &error));
  g_clear_object (&result);
  g_assert_cmpuint (fixture->n_items_changed, ==, 0);

  g_assert_true (sp_campaign_repository_create (fixture->repo, campaign, &error));
  g_assert_cmpuint (fixture->n_items_changed, ==, 1);

  sp_store_watch (fixture->store, 10);
  g_usleep (50 * G_TIME_SPAN_MILLISECOND);

  /* Another process renames the campaign and adds one. */
  exec_sql (fixture, "UPDATE campaigns SET name = 'Renamed elsewhere', version = 2;"
                     "INSERT INTO campaigns (id, name, status, origin, created_at, updated_at) "
                     "VALUES ('zzz', 'From the ERP', 'draft', 'trigger', '2099-01-01T00:00:00Z', "
                     "'2099-01-01T00:00:00Z')");

  timeout_id = g_timeout_add_seconds (5, timeout_cb, &timed_out);
  while (fixture->n_items_changed < 2 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout_id);

  g_assert_cmpuint (g_list_model_get_n_items (sp_campaign_repository_get_campaigns (fixture->repo)),
                    ==, 2);
  g_assert_cmpstr (sp_campaign_get_name (campaign), ==, "Renamed elsewhere");
  g_assert_true (sp_campaign_repository_lookup (fixture->repo,
                                                sp_campaign_get_id (campaign)) == campaign);
  g_assert_cmpint (sp_campaign_get_origin (sp_campaign_repository_lookup (fixture->repo, "zzz")),
                   ==,
                   SP_CAMPAIGN_ORIGIN_TRIGGER);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/campaign-repository/create-round-trip", test_create_round_trip);
  ADD ("/store/campaign-repository/save-round-trip", test_save_round_trip);
  ADD ("/store/campaign-repository/boost-round-trip", test_boost_round_trip);
  ADD ("/store/campaign-repository/unknown-reference", test_unknown_reference);
  ADD ("/store/campaign-repository/invalid", test_invalid_campaign);
  ADD ("/store/campaign-repository/transitions", test_transitions);
  ADD ("/store/campaign-repository/approval-history", test_approval_history);
  ADD ("/store/campaign-repository/conflict", test_conflict);
  ADD ("/store/campaign-repository/find", test_find);
  ADD ("/store/campaign-repository/async", test_async);
  ADD ("/store/campaign-repository/quick-edits", test_quick_edits);
  ADD ("/store/campaign-repository/other-process", test_other_process);

#undef ADD

  return g_test_run ();
}
