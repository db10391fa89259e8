/* sp-stream.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The value streams as data: each stream is an ordered table of steps with
 * their inputs, whether they are optional, what they wait for, and a filter
 * deciding whether the step runs for a given campaign.
 */

#pragma once

#include <glib.h>

#include "sp-run-input.h"

G_BEGIN_DECLS

typedef enum
{
  SP_STREAM_PLANNING = 1,
  SP_STREAM_APPROVAL,
  SP_STREAM_EXECUTION,
  SP_STREAM_ENDING,
} SpStreamKind;

typedef enum
{
  SP_STEP_PENDING = 1,
  SP_STEP_RUNNING,
  SP_STEP_DONE,
  SP_STEP_SKIPPED,
  SP_STEP_FAILED,
} SpStepState;

/* Where a step's work happens: in the workspace (the runner does it) or on
 * the commerce/content platform (an SpStepExecutor does it). */
typedef enum
{
  SP_STEP_LOCAL = 1,
  SP_STEP_REMOTE,
} SpStepKind;

/* Returns TRUE when the step applies to the campaign; @reason gets why not. */
typedef gboolean (*SpStepFilter) (const SpRunInput  *input,
                                  const char       **reason);

typedef struct
{
  const char         *id;        /* "price-list"; stable, stored in run_steps */
  const char         *title;     /* N_() */
  const char * const *inputs;    /* what the step reads, NULL-terminated */
  const char * const *after;     /* steps that must be done or skipped first */
  gboolean            optional;
  SpStepKind          kind;
  SpStepFilter        filter;    /* NULL: always runs */
} SpStepDef;

typedef struct
{
  SpStreamKind      kind;
  const char       *id;          /* "execution" */
  const char       *title;       /* N_() */
  const char       *start_status;/* campaign status while the stream runs, or NULL */
  const char       *done_status; /* campaign status when it completes, or NULL */
  const char       *fail_status; /* campaign status when a required step fails, or NULL */
  const SpStepDef  *steps;
  guint             n_steps;
} SpStream;

const SpStream  *sp_stream_get               (SpStreamKind       kind);
const SpStream  *sp_stream_lookup            (const char        *id);
const SpStepDef *sp_stream_find_step         (const SpStream    *stream,
                                              const char        *step_id);
gboolean         sp_stream_step_applies      (const SpStepDef   *step,
                                              const SpRunInput  *input,
                                              const char       **reason);
char            *sp_stream_idempotency_key   (const SpStream    *stream,
                                              const char        *campaign_id,
                                              const char        *step_id) G_GNUC_WARN_UNUSED_RESULT;
const char      *sp_step_state_to_string     (SpStepState        state);
SpStepState      sp_step_state_from_string   (const char        *text);
const SpStream  *sp_stream_for_status        (const char        *campaign_status);

G_END_DECLS
