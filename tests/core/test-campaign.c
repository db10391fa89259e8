/* test-campaign.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>

#include <glib-object.h>

#include "sp-campaign-private.h"
#include "sp-campaign.h"
#include "sp-enum-strings.h"
#include "test-util.h"

#define N_STATUSES (SP_CAMPAIGN_STATUS_FAILED + 1)

/* The lifecycle as DESIGN.md describes it, written out independently of the
 * implementation's table: every pair listed here must be allowed, every
 * other pair refused. */
static const struct
{
  SpCampaignStatus from;
  SpCampaignStatus to;
} expected_moves[] = {
  { SP_CAMPAIGN_STATUS_DRAFT, SP_CAMPAIGN_STATUS_PLANNED },
  { SP_CAMPAIGN_STATUS_PLANNED, SP_CAMPAIGN_STATUS_IN_REVIEW },
  { SP_CAMPAIGN_STATUS_PLANNED, SP_CAMPAIGN_STATUS_APPROVED },  /* approval skipped */
  { SP_CAMPAIGN_STATUS_PLANNED, SP_CAMPAIGN_STATUS_DRAFT },     /* plan reopened */
  { SP_CAMPAIGN_STATUS_IN_REVIEW, SP_CAMPAIGN_STATUS_APPROVED },
  { SP_CAMPAIGN_STATUS_IN_REVIEW, SP_CAMPAIGN_STATUS_REJECTED },
  { SP_CAMPAIGN_STATUS_REJECTED, SP_CAMPAIGN_STATUS_DRAFT },
  { SP_CAMPAIGN_STATUS_APPROVED, SP_CAMPAIGN_STATUS_EXECUTING },
  { SP_CAMPAIGN_STATUS_EXECUTING, SP_CAMPAIGN_STATUS_LIVE },
  { SP_CAMPAIGN_STATUS_EXECUTING, SP_CAMPAIGN_STATUS_FAILED },
  { SP_CAMPAIGN_STATUS_FAILED, SP_CAMPAIGN_STATUS_EXECUTING },  /* retry */
  { SP_CAMPAIGN_STATUS_FAILED, SP_CAMPAIGN_STATUS_ENDED },      /* abandon */
  { SP_CAMPAIGN_STATUS_LIVE, SP_CAMPAIGN_STATUS_ENDED },
};

static gboolean
is_expected_move (SpCampaignStatus from,
                  SpCampaignStatus to)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected_moves); i++)
    {
      if (expected_moves[i].from == from && expected_moves[i].to == to)
        return TRUE;
    }

  return FALSE;
}

static SpCampaign *
create_valid_campaign (void)
{
  static const char * const sites[] = { "DE", "AT", NULL };
  static const char * const skus[] = { "DR-1001", "DR-1002", NULL };
  static const char * const categories[] = { "Tools/Power Tools/Drills", NULL };
  static const char * const segments[] = { "INSTALLERS", NULL };
  SpCampaign *campaign = sp_campaign_new ("Winter drills clearance");

  sp_campaign_set_description (campaign, "Clear the 2024 cordless drill range");
  sp_campaign_set_owner (campaign, "m.keller");
  sp_campaign_set_start_date (campaign, "2025-01-06");
  sp_campaign_set_end_date (campaign, "2025-02-28");
  sp_campaign_set_target_date (campaign, "2025-02-15");
  sp_campaign_set_sites (campaign, sites);
  sp_campaign_set_scope_products (campaign, skus);
  sp_campaign_set_scope_categories (campaign, categories);
  sp_campaign_set_segments (campaign, segments);
  sp_campaign_set_units_to_clear (campaign, 1200);
  sp_campaign_set_margin_floor (campaign, 1500);
  sp_campaign_set_default_discount (campaign, 2000);
  sp_campaign_set_currency (campaign, "EUR");
  sp_campaign_set_created_at (campaign, "2024-12-02T08:00:00Z");
  sp_campaign_set_updated_at (campaign, "2024-12-03T16:45:12Z");

  return campaign;
}

static void
test_campaign_new_is_draft (void)
{
  SpCampaign *campaign = sp_campaign_new ("Winter drills clearance");

  g_assert_cmpstr (sp_campaign_get_name (campaign), ==, "Winter drills clearance");
  g_assert_cmpint (sp_campaign_get_status (campaign), ==, SP_CAMPAIGN_STATUS_DRAFT);
  g_assert_cmpint (sp_campaign_get_origin (campaign), ==, SP_CAMPAIGN_ORIGIN_MANUAL);
  g_assert_cmpstr (sp_campaign_get_currency (campaign), ==, "EUR");
  g_assert_true (g_uuid_string_is_valid (sp_campaign_get_id (campaign)));
  g_assert_nonnull (sp_campaign_get_sites (campaign));
  g_assert_null (sp_campaign_get_scope_products (campaign)[0]);
  g_assert_true (sp_campaign_is_editable (campaign));

  g_assert_finalize_object (campaign);
}

static void
test_campaign_validate_minimal_draft (void)
{
  SpCampaign *campaign = sp_campaign_new ("Spring");
  g_autoptr(GError) error = NULL;

  /* A new draft with only a name can be saved. */
  g_assert_true (sp_campaign_validate (campaign, &error));
  g_assert_no_error (error);

  g_assert_finalize_object (campaign);
}

static void
test_campaign_validate_full (void)
{
  SpCampaign *campaign = create_valid_campaign ();
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_campaign_validate (campaign, &error));
  g_assert_no_error (error);

  /* A campaign of one day is fine. */
  sp_campaign_set_end_date (campaign, "2025-01-06");
  g_assert_true (sp_campaign_validate (campaign, &error));
  g_assert_no_error (error);

  g_assert_finalize_object (campaign);
}

typedef void (*BreakFunc) (SpCampaign *campaign);

static void break_name (SpCampaign *c) { sp_campaign_set_name (c, ""); }
static void break_name_null (SpCampaign *c) { sp_campaign_set_name (c, NULL); }
static void break_start (SpCampaign *c) { sp_campaign_set_start_date (c, "2025-02-30"); }
static void break_end (SpCampaign *c) { sp_campaign_set_end_date (c, "28.02.2025"); }
static void break_order (SpCampaign *c) { sp_campaign_set_end_date (c, "2025-01-05"); }
static void break_target (SpCampaign *c) { sp_campaign_set_target_date (c, "soon"); }
static void break_units (SpCampaign *c) { sp_campaign_set_units_to_clear (c, -5); }
static void break_floor_high (SpCampaign *c) { sp_campaign_set_margin_floor (c, 10001); }
static void break_floor_low (SpCampaign *c) { sp_campaign_set_margin_floor (c, -1); }
static void break_discount (SpCampaign *c) { sp_campaign_set_default_discount (c, 12000); }
static void break_currency (SpCampaign *c) { sp_campaign_set_currency (c, "eur"); }
static void break_currency_null (SpCampaign *c) { sp_campaign_set_currency (c, NULL); }
static void break_created (SpCampaign *c) { sp_campaign_set_created_at (c, "2025-01-02 10:00"); }
static void break_updated (SpCampaign *c) { sp_campaign_set_updated_at (c, "yesterday"); }

static void
break_sites (SpCampaign *c)
{
  static const char * const sites[] = { "DE", "DE", NULL };

  sp_campaign_set_sites (c, sites);
}

static void
break_products (SpCampaign *c)
{
  static const char * const skus[] = { "DR-1001", "", NULL };

  sp_campaign_set_scope_products (c, skus);
}

static void
break_categories (SpCampaign *c)
{
  static const char * const categories[] = { "Tools//Drills", NULL };

  sp_campaign_set_scope_categories (c, categories);
}

static void
break_segments (SpCampaign *c)
{
  static const char * const segments[] = { "", NULL };

  sp_campaign_set_segments (c, segments);
}

static void
test_campaign_validate_fields (void)
{
  static const struct { BreakFunc func; const char *field; } cases[] = {
    { break_name, "name" },
    { break_name_null, "name" },
    { break_start, "start-date" },
    { break_end, "end-date" },
    { break_order, "end-date" },
    { break_target, "target-date" },
    { break_units, "units-to-clear" },
    { break_floor_high, "margin-floor" },
    { break_floor_low, "margin-floor" },
    { break_discount, "default-discount" },
    { break_currency, "currency" },
    { break_currency_null, "currency" },
    { break_created, "created-at" },
    { break_updated, "updated-at" },
    { break_sites, "sites" },
    { break_products, "scope-products" },
    { break_categories, "scope-categories" },
    { break_segments, "segments" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SpCampaign *campaign = create_valid_campaign ();
      g_autoptr(GError) error = NULL;

      g_test_message ("breaking %s", cases[i].field);
      cases[i].func (campaign);
      g_assert_false (sp_campaign_validate (campaign, &error));
      assert_invalid_field (error, cases[i].field);

      g_assert_finalize_object (campaign);
    }
}

static void
test_campaign_validate_messages (void)
{
  SpCampaign *campaign = create_valid_campaign ();
  g_autoptr(GError) error = NULL;

  /* The user sees which dates clash. */
  sp_campaign_set_end_date (campaign, "2025-01-05");
  g_assert_false (sp_campaign_validate (campaign, &error));
  g_assert_nonnull (strstr (error->message, "2025-01-05"));
  g_assert_nonnull (strstr (error->message, "2025-01-06"));
  g_assert_nonnull (strstr (error->message, "“start-date”"));
  g_clear_error (&error);

  sp_campaign_set_end_date (campaign, "2025-02-28");
  sp_campaign_set_margin_floor (campaign, 12050);
  g_assert_false (sp_campaign_validate (campaign, &error));
  g_assert_nonnull (strstr (error->message, "120.5%"));

  g_assert_finalize_object (campaign);
}

static void
test_campaign_notify_once (void)
{
  SpCampaign *campaign = sp_campaign_new ("Winter");
  static const char * const sites_a[] = { "DE", "AT", NULL };
  static const char * const sites_b[] = { "DE", "AT", NULL };
  NotifyCounter counter;

  notify_counter_init (&counter, campaign);

  sp_campaign_set_name (campaign, "Spring");
  sp_campaign_set_name (campaign, "Spring");
  g_assert_cmpuint (notify_counter_get (&counter, "name"), ==, 1);

  /* Arrays compare by content, not by pointer. */
  sp_campaign_set_sites (campaign, sites_a);
  sp_campaign_set_sites (campaign, sites_b);
  g_assert_cmpuint (notify_counter_get (&counter, "sites"), ==, 1);

  sp_campaign_set_margin_floor (campaign, 1500);
  sp_campaign_set_margin_floor (campaign, 1500);
  sp_campaign_set_origin (campaign, SP_CAMPAIGN_ORIGIN_TRIGGER);
  sp_campaign_set_origin (campaign, SP_CAMPAIGN_ORIGIN_TRIGGER);
  g_assert_cmpuint (notify_counter_get (&counter, "margin-floor"), ==, 1);
  g_assert_cmpuint (notify_counter_get (&counter, "origin"), ==, 1);
  g_assert_cmpuint (notify_counter_total (&counter), ==, 4);

  notify_counter_clear (&counter, campaign);
  g_assert_finalize_object (campaign);
}

static void
test_campaign_lifecycle_table (void)
{
  guint n_legal = 0;

  for (int from = 0; from < N_STATUSES; from++)
    {
      for (int to = 0; to < N_STATUSES; to++)
        {
          gboolean expected = is_expected_move (from, to);

          g_test_message ("%s → %s", sp_campaign_status_to_string (from), sp_campaign_status_to_string (to));
          g_assert_cmpint (sp_campaign_can_transition (from, to), ==, expected);
          n_legal += expected;
        }
    }

  g_assert_cmpuint (n_legal, ==, G_N_ELEMENTS (expected_moves));
}

static void
test_campaign_transition_every_pair (void)
{
  for (int from = 0; from < N_STATUSES; from++)
    {
      for (int to = 0; to < N_STATUSES; to++)
        {
          SpCampaign *campaign = sp_campaign_new ("Clearance");
          g_autoptr(GError) error = NULL;
          NotifyCounter counter;

          g_test_message ("%s → %s", sp_campaign_status_to_string (from), sp_campaign_status_to_string (to));
          _sp_campaign_set_status_unchecked (campaign, from);
          notify_counter_init (&counter, campaign);

          if (is_expected_move (from, to))
            {
              g_assert_true (sp_campaign_transition (campaign, to, &error));
              g_assert_no_error (error);
              g_assert_cmpint (sp_campaign_get_status (campaign), ==, to);
              g_assert_cmpuint (notify_counter_get (&counter, "status"), ==, 1);
            }
          else
            {
              g_assert_false (sp_campaign_transition (campaign, to, &error));
              g_assert_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_ILLEGAL_TRANSITION);
              /* The message names both states, as the user knows them. */
              g_assert_nonnull (strstr (error->message, sp_campaign_status_to_label (from)));
              g_assert_nonnull (strstr (error->message, sp_campaign_status_to_label (to)));
              g_assert_cmpint (sp_campaign_get_status (campaign), ==, from);
              g_assert_cmpuint (notify_counter_total (&counter), ==, 0);
            }

          notify_counter_clear (&counter, campaign);
          g_assert_finalize_object (campaign);
        }
    }
}

static void
walk (SpCampaign             *campaign,
      const SpCampaignStatus *path,
      guint                   n_steps)
{
  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (sp_campaign_transition (campaign, path[i], &error));
      g_assert_no_error (error);
      g_assert_cmpint (sp_campaign_get_status (campaign), ==, path[i]);
    }
}

static void
test_campaign_lifecycle_walks (void)
{
  static const SpCampaignStatus main_line[] = {
    SP_CAMPAIGN_STATUS_PLANNED, SP_CAMPAIGN_STATUS_IN_REVIEW, SP_CAMPAIGN_STATUS_APPROVED,
    SP_CAMPAIGN_STATUS_EXECUTING, SP_CAMPAIGN_STATUS_LIVE, SP_CAMPAIGN_STATUS_ENDED,
  };
  static const SpCampaignStatus rejected_then_retried[] = {
    SP_CAMPAIGN_STATUS_PLANNED, SP_CAMPAIGN_STATUS_IN_REVIEW, SP_CAMPAIGN_STATUS_REJECTED,
    SP_CAMPAIGN_STATUS_DRAFT, SP_CAMPAIGN_STATUS_PLANNED, SP_CAMPAIGN_STATUS_APPROVED,
    SP_CAMPAIGN_STATUS_EXECUTING, SP_CAMPAIGN_STATUS_FAILED, SP_CAMPAIGN_STATUS_EXECUTING,
    SP_CAMPAIGN_STATUS_LIVE,
  };
  SpCampaign *campaign = sp_campaign_new ("Main line");
  SpCampaign *other = sp_campaign_new ("Rejected, then retried");
  g_autoptr(GError) error = NULL;

  walk (campaign, main_line, G_N_ELEMENTS (main_line));
  walk (other, rejected_then_retried, G_N_ELEMENTS (rejected_then_retried));

  /* An ended campaign stays ended. */
  for (int to = 0; to < N_STATUSES; to++)
    {
      g_assert_false (sp_campaign_transition (campaign, to, &error));
      g_assert_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_ILLEGAL_TRANSITION);
      g_clear_error (&error);
    }
  g_assert_cmpint (sp_campaign_get_status (campaign), ==, SP_CAMPAIGN_STATUS_ENDED);

  g_assert_finalize_object (campaign);
  g_assert_finalize_object (other);
}

static void
test_campaign_illegal_examples (void)
{
  SpCampaign *campaign = sp_campaign_new ("Shortcut");
  g_autoptr(GError) error = NULL;

  /* A draft cannot skip planning and go live. */
  g_assert_false (sp_campaign_transition (campaign, SP_CAMPAIGN_STATUS_LIVE, &error));
  g_assert_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_ILLEGAL_TRANSITION);
  g_assert_cmpstr (error->message, ==, "A campaign cannot move from “Draft” to “Live”");
  g_clear_error (&error);

  /* Nor be sent for review before it is planned. */
  g_assert_false (sp_campaign_transition (campaign, SP_CAMPAIGN_STATUS_IN_REVIEW, &error));
  g_assert_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);

  /* Staying where it is, is not a move. */
  g_assert_false (sp_campaign_transition (campaign, SP_CAMPAIGN_STATUS_DRAFT, &error));
  g_assert_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);

  g_assert_cmpint (sp_campaign_get_status (campaign), ==, SP_CAMPAIGN_STATUS_DRAFT);
  g_assert_finalize_object (campaign);
}

static void
test_campaign_editable (void)
{
  g_assert_true (sp_campaign_status_is_editable (SP_CAMPAIGN_STATUS_DRAFT));
  g_assert_true (sp_campaign_status_is_editable (SP_CAMPAIGN_STATUS_PLANNED));
  g_assert_true (sp_campaign_status_is_editable (SP_CAMPAIGN_STATUS_REJECTED));
  g_assert_false (sp_campaign_status_is_editable (SP_CAMPAIGN_STATUS_IN_REVIEW));
  g_assert_false (sp_campaign_status_is_editable (SP_CAMPAIGN_STATUS_APPROVED));
  g_assert_false (sp_campaign_status_is_editable (SP_CAMPAIGN_STATUS_EXECUTING));
  g_assert_false (sp_campaign_status_is_editable (SP_CAMPAIGN_STATUS_LIVE));
  g_assert_false (sp_campaign_status_is_editable (SP_CAMPAIGN_STATUS_ENDED));
  g_assert_false (sp_campaign_status_is_editable (SP_CAMPAIGN_STATUS_FAILED));
}

static void
test_campaign_load_status_unchecked (void)
{
  SpCampaign *campaign = sp_campaign_new ("Loaded");
  NotifyCounter counter;

  notify_counter_init (&counter, campaign);

  /* The store restores a saved status without a transition. */
  _sp_campaign_set_status_unchecked (campaign, SP_CAMPAIGN_STATUS_LIVE);
  _sp_campaign_set_status_unchecked (campaign, SP_CAMPAIGN_STATUS_LIVE);
  g_assert_cmpint (sp_campaign_get_status (campaign), ==, SP_CAMPAIGN_STATUS_LIVE);
  g_assert_cmpuint (notify_counter_get (&counter, "status"), ==, 1);
  g_assert_false (sp_campaign_is_editable (campaign));

  notify_counter_clear (&counter, campaign);
  g_assert_finalize_object (campaign);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/campaign/new-is-draft", test_campaign_new_is_draft);
  g_test_add_func ("/core/campaign/validate/minimal-draft", test_campaign_validate_minimal_draft);
  g_test_add_func ("/core/campaign/validate/full", test_campaign_validate_full);
  g_test_add_func ("/core/campaign/validate/fields", test_campaign_validate_fields);
  g_test_add_func ("/core/campaign/validate/messages", test_campaign_validate_messages);
  g_test_add_func ("/core/campaign/notify-once", test_campaign_notify_once);
  g_test_add_func ("/core/campaign/lifecycle/table", test_campaign_lifecycle_table);
  g_test_add_func ("/core/campaign/lifecycle/every-pair", test_campaign_transition_every_pair);
  g_test_add_func ("/core/campaign/lifecycle/walks", test_campaign_lifecycle_walks);
  g_test_add_func ("/core/campaign/lifecycle/illegal-examples", test_campaign_illegal_examples);
  g_test_add_func ("/core/campaign/editable", test_campaign_editable);
  g_test_add_func ("/core/campaign/load-status-unchecked", test_campaign_load_status_unchecked);

  return g_test_run ();
}
