/* test-stream.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-stream.h"

static SpRunInput *
make_input (gboolean with_segments,
            gboolean approval_required)
{
  SpRunInput *input = sp_run_input_new ();
  SpRunProduct *product = sp_run_product_new ();

  input->campaign_id = g_strdup ("spc-2026-w07-clearance");
  input->name = g_strdup ("Clearance 2026-W07");
  input->currency = g_strdup ("EUR");
  input->approval_required = approval_required;
  product->id = g_strdup ("p1");
  product->remote_id = g_strdup ("prod-1001");
  product->list_price = 999;
  product->new_price = 749;
  g_ptr_array_add (input->products, product);

  if (with_segments)
    {
      SpRunSegment *segment = g_new0 (SpRunSegment, 1);
      SpRunCoupon *coupon = g_new0 (SpRunCoupon, 1);

      segment->id = g_strdup ("s1");
      segment->code = g_strdup ("loyal");
      segment->name = g_strdup ("Loyal buyers");
      segment->description = g_strdup ("");
      g_ptr_array_add (input->segments, segment);
      coupon->code = g_strdup ("SPC2026W07LOYAL");
      coupon->segment_id = g_strdup ("s1");
      coupon->discount_type = g_strdup ("percent");
      coupon->discount_value = 1500;
      g_ptr_array_add (input->coupons, coupon);
    }

  return input;
}

static void
test_execution_order (void)
{
  const SpStream *stream = sp_stream_get (SP_STREAM_EXECUTION);
  static const char * const expected[] = {
    "coupons", "price-list", "company-prices", "quotes", "boosts", "imagery", "banners", "go-live",
  };

  g_assert_nonnull (stream);
  g_assert_cmpstr (stream->id, ==, "execution");
  g_assert_cmpuint (stream->n_steps, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < stream->n_steps; i++)
    {
      g_assert_cmpstr (stream->steps[i].id, ==, expected[i]);
      g_assert_nonnull (stream->steps[i].inputs);
      g_assert_nonnull (stream->steps[i].after);
      /* Dependencies only point backwards: the table is a valid order. */
      for (guint j = 0; stream->steps[i].after[j] != NULL; j++)
        {
          const SpStepDef *dependency = sp_stream_find_step (stream, stream->steps[i].after[j]);

          g_assert_nonnull (dependency);
          g_assert_cmpint (dependency - stream->steps, <, i);
        }
    }

  /* The price list and marking the campaign live can never be skipped. */
  g_assert_false (sp_stream_find_step (stream, "price-list")->optional);
  g_assert_false (sp_stream_find_step (stream, "go-live")->optional);
  g_assert_true (sp_stream_find_step (stream, "coupons")->optional);
  g_assert_cmpstr (stream->start_status, ==, "executing");
  g_assert_cmpstr (stream->done_status, ==, "live");
  g_assert_cmpstr (stream->fail_status, ==, "failed");
}

static void
test_no_segments_no_coupons (void)
{
  g_autoptr(SpRunInput) with = make_input (TRUE, TRUE);
  g_autoptr(SpRunInput) without = make_input (FALSE, TRUE);
  const SpStepDef *coupons = sp_stream_find_step (sp_stream_get (SP_STREAM_EXECUTION), "coupons");
  const char *reason = NULL;

  g_assert_true (sp_stream_step_applies (coupons, with, &reason));
  g_assert_false (sp_stream_step_applies (coupons, without, &reason));
  g_assert_cmpstr (reason, ==, "the campaign has no segments");
}

static void
test_approval_passes_through (void)
{
  g_autoptr(SpRunInput) required = make_input (TRUE, TRUE);
  g_autoptr(SpRunInput) not_required = make_input (TRUE, FALSE);
  const SpStream *approval = sp_stream_get (SP_STREAM_APPROVAL);
  const char *reason = NULL;

  g_assert_true (sp_stream_step_applies (sp_stream_find_step (approval, "decision"), required, NULL));
  g_assert_false (sp_stream_step_applies (sp_stream_find_step (approval, "decision"), not_required, &reason));
  g_assert_cmpstr (reason, ==, "the workspace does not require approval");
  g_assert_false (sp_stream_step_applies (sp_stream_find_step (approval, "submit"), not_required, NULL));
  /* Refreshing the data always happens. */
  g_assert_true (sp_stream_step_applies (sp_stream_find_step (approval, "refresh"), not_required, NULL));
}

static void
test_idempotency_key (void)
{
  const SpStream *stream = sp_stream_get (SP_STREAM_EXECUTION);
  g_autofree char *a = sp_stream_idempotency_key (stream, "c1", "price-list");
  g_autofree char *b = sp_stream_idempotency_key (stream, "c1", "price-list");
  g_autofree char *c = sp_stream_idempotency_key (stream, "c2", "price-list");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
}

static void
test_stream_for_status (void)
{
  g_assert_true (sp_stream_for_status ("draft") == sp_stream_get (SP_STREAM_PLANNING));
  g_assert_true (sp_stream_for_status ("in_review") == sp_stream_get (SP_STREAM_APPROVAL));
  g_assert_true (sp_stream_for_status ("approved") == sp_stream_get (SP_STREAM_EXECUTION));
  g_assert_true (sp_stream_for_status ("failed") == sp_stream_get (SP_STREAM_EXECUTION));
  g_assert_null (sp_stream_for_status ("live"));
  g_assert_null (sp_stream_for_status ("ended"));
  g_assert_true (sp_stream_lookup ("ending") == sp_stream_get (SP_STREAM_ENDING));
  g_assert_null (sp_stream_lookup ("nonsense"));
}

static void
test_state_strings (void)
{
  for (SpStepState s = SP_STEP_PENDING; s <= SP_STEP_FAILED; s++)
    g_assert_cmpint (sp_step_state_from_string (sp_step_state_to_string (s)), ==, s);
  g_assert_cmpstr (sp_step_state_to_string (SP_STEP_SKIPPED), ==, "skipped");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/flow/stream/execution-order", test_execution_order);
  g_test_add_func ("/flow/stream/no-segments-no-coupons", test_no_segments_no_coupons);
  g_test_add_func ("/flow/stream/approval-passes-through", test_approval_passes_through);
  g_test_add_func ("/flow/stream/idempotency-key", test_idempotency_key);
  g_test_add_func ("/flow/stream/for-status", test_stream_for_status);
  g_test_add_func ("/flow/stream/state-strings", test_state_strings);

  return g_test_run ();
}
