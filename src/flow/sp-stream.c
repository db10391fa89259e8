/* sp-stream.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-stream.h"

static gboolean
has_products (const SpRunInput  *input,
              const char       **reason)
{
  if (input->products->len > 0)
    return TRUE;
  *reason = N_("the campaign has no products in scope");
  return FALSE;
}

static gboolean
has_segments (const SpRunInput  *input,
              const char       **reason)
{
  if (input->segments->len > 0 && input->coupons->len > 0)
    return TRUE;
  *reason = N_("the campaign has no segments");
  return FALSE;
}

static gboolean
has_companies (const SpRunInput  *input,
               const char       **reason)
{
  if (input->companies->len > 0)
    return TRUE;
  *reason = N_("the campaign has no company-specific prices");
  return FALSE;
}

static gboolean
has_quotes (const SpRunInput  *input,
            const char       **reason)
{
  if (input->quotes->len > 0)
    return TRUE;
  *reason = N_("the campaign has no quotes");
  return FALSE;
}

static gboolean
has_banners (const SpRunInput  *input,
             const char       **reason)
{
  if (input->banners->len > 0)
    return TRUE;
  *reason = N_("the campaign has no banners");
  return FALSE;
}

static gboolean
has_imagery (const SpRunInput  *input,
             const char       **reason)
{
  if (input->banners->len > 0 && input->products->len > 0)
    return TRUE;
  *reason = N_("the campaign has no imagery");
  return FALSE;
}

static gboolean
boost_applies (const SpRunInput  *input,
               const char       **reason)
{
  if (!input->boost_enabled)
    {
      *reason = N_("boost turned off for this campaign");
      return FALSE;
    }
  return has_products (input, reason);
}

static gboolean
needs_approval (const SpRunInput  *input,
                const char       **reason)
{
  if (input->approval_required)
    return TRUE;
  *reason = N_("the workspace does not require approval");
  return FALSE;
}

#define STRV(...) ((const char * const[]) { __VA_ARGS__, NULL })
#define NONE ((const char * const[]) { NULL })

static const SpStepDef planning_steps[] = {
  { "collect-data", N_("Collect the campaign data"), STRV ("campaign", "catalog", "stock"), NONE,
    FALSE, SP_STEP_LOCAL, NULL },
  { "clearance-plan", N_("Produce the clearance plan"), STRV ("scope", "discounts", "margin floor"),
    STRV ("collect-data"), FALSE, SP_STEP_LOCAL, NULL },
};

static const SpStepDef approval_steps[] = {
  { "refresh", N_("Update the campaign with the latest data"), STRV ("campaign", "catalog"), NONE,
    FALSE, SP_STEP_LOCAL, NULL },
  { "submit", N_("Send the plan for approval"), STRV ("plan"), STRV ("refresh"),
    FALSE, SP_STEP_LOCAL, needs_approval },
  { "decision", N_("Approve or reject the plan"), STRV ("approvals"), STRV ("submit"),
    FALSE, SP_STEP_LOCAL, needs_approval },
};

static const SpStepDef execution_steps[] = {
  { "coupons", N_("Create the segment coupons"), STRV ("segments", "coupons", "scope"), NONE,
    TRUE, SP_STEP_REMOTE, has_segments },
  { "price-list", N_("Publish the campaign price list"), STRV ("sites", "scope", "clearance prices"), NONE,
    FALSE, SP_STEP_REMOTE, has_products },
  { "company-prices", N_("Publish the company-specific promotions"), STRV ("companies", "company prices"),
    STRV ("price-list"), TRUE, SP_STEP_REMOTE, has_companies },
  { "quotes", N_("Create the draft quotes"), STRV ("quotes", "company prices"), STRV ("company-prices"),
    TRUE, SP_STEP_REMOTE, has_quotes },
  { "boosts", N_("Boost the products in search and categories"), STRV ("scope"), NONE,
    TRUE, SP_STEP_REMOTE, boost_applies },
  { "imagery", N_("Upload the campaign imagery"), STRV ("banners", "scope"), STRV ("boosts"),
    TRUE, SP_STEP_REMOTE, has_imagery },
  { "banners", N_("Publish the banners to the content platform"), STRV ("banners"), STRV ("imagery"),
    TRUE, SP_STEP_REMOTE, has_banners },
  { "go-live", N_("Mark the campaign live"), STRV ("campaign"),
    STRV ("coupons", "price-list", "company-prices", "quotes", "boosts", "imagery", "banners"),
    FALSE, SP_STEP_REMOTE, NULL },
};

static const SpStepDef ending_steps[] = {
  { "end-price-lists", N_("End the campaign price lists"), STRV ("sites", "companies"), NONE,
    FALSE, SP_STEP_REMOTE, has_products },
  { "end-coupons", N_("End the segment coupons"), STRV ("coupons"), NONE,
    FALSE, SP_STEP_REMOTE, has_segments },
  { "mark-ended", N_("Mark the campaign ended"), STRV ("campaign"), STRV ("end-price-lists", "end-coupons"),
    FALSE, SP_STEP_REMOTE, NULL },
};

static const SpStream streams[] = {
  { SP_STREAM_PLANNING, "planning", N_("Planning"), NULL, "planned", NULL,
    planning_steps, G_N_ELEMENTS (planning_steps) },
  { SP_STREAM_APPROVAL, "approval", N_("Approval"), NULL, "approved", NULL,
    approval_steps, G_N_ELEMENTS (approval_steps) },
  { SP_STREAM_EXECUTION, "execution", N_("Execution"), "executing", "live", "failed",
    execution_steps, G_N_ELEMENTS (execution_steps) },
  { SP_STREAM_ENDING, "ending", N_("Ending"), NULL, "ended", NULL,
    ending_steps, G_N_ELEMENTS (ending_steps) },
};

const SpStream *
sp_stream_get (SpStreamKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (streams); i++)
    if (streams[i].kind == kind)
      return &streams[i];

  g_return_val_if_reached (NULL);
}

const SpStream *
sp_stream_lookup (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (streams); i++)
    if (g_strcmp0 (streams[i].id, id) == 0)
      return &streams[i];

  return NULL;
}

const SpStepDef *
sp_stream_find_step (const SpStream *stream,
                     const char     *step_id)
{
  g_return_val_if_fail (stream != NULL, NULL);

  for (guint i = 0; i < stream->n_steps; i++)
    if (g_strcmp0 (stream->steps[i].id, step_id) == 0)
      return &stream->steps[i];

  return NULL;
}

/**
 * sp_stream_step_applies:
 * @reason: (out) (optional): why not, untranslated (N_())
 */
gboolean
sp_stream_step_applies (const SpStepDef   *step,
                        const SpRunInput  *input,
                        const char       **reason)
{
  const char *why = NULL;

  g_return_val_if_fail (step != NULL, FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  if (step->filter == NULL || step->filter (input, &why))
    return TRUE;

  if (reason != NULL)
    *reason = why;
  return FALSE;
}

/* The same campaign, stream and step always get the same key, so a resumed
 * or repeated run sends the same idempotency key for the same work. */
char *
sp_stream_idempotency_key (const SpStream *stream,
                           const char     *campaign_id,
                           const char     *step_id)
{
  g_return_val_if_fail (stream != NULL, NULL);

  return g_strdup_printf ("%s:%s:%s", campaign_id, stream->id, step_id);
}

static const char * const state_names[] = {
  NULL, "pending", "running", "done", "skipped", "failed",
};

const char *
sp_step_state_to_string (SpStepState state)
{
  g_return_val_if_fail (state >= SP_STEP_PENDING && state <= SP_STEP_FAILED, "pending");

  return state_names[state];
}

SpStepState
sp_step_state_from_string (const char *text)
{
  for (guint i = SP_STEP_PENDING; i < G_N_ELEMENTS (state_names); i++)
    if (g_strcmp0 (state_names[i], text) == 0)
      return i;

  return SP_STEP_PENDING;
}

/**
 * sp_stream_for_status:
 *
 * Returns: (nullable): the stream that takes a campaign in @campaign_status
 *   further, or %NULL when none does
 */
const SpStream *
sp_stream_for_status (const char *campaign_status)
{
  static const struct { const char *status; SpStreamKind kind; } map[] = {
    { "draft", SP_STREAM_PLANNING },
    { "planned", SP_STREAM_APPROVAL },
    { "in_review", SP_STREAM_APPROVAL },
    { "approved", SP_STREAM_EXECUTION },
    { "executing", SP_STREAM_EXECUTION },
    { "failed", SP_STREAM_EXECUTION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (map[i].status, campaign_status) == 0)
      return sp_stream_get (map[i].kind);

  return NULL;
}
