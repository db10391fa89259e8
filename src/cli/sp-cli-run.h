/* sp-cli-run.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Running value streams from the command line, shared by `run` and
 * `campaign approve|reject|submit`.
 */

#pragma once

#include "sp-cli.h"
#include "sp-runner.h"

G_BEGIN_DECLS

typedef struct
{
  const char   *command;      /* for error lines */
  const char   *campaign_id;
  SpStreamKind  stream;
  SpRunFlags    flags;
  gboolean      dry_run;
  gboolean      quiet;        /* no progress lines */
  guint         concurrency;
  GQuark        expected_domain;   /* an outcome that is not a failure, or 0 */
  int           expected_code;
  const char   *retry_step;   /* run this failed step again, or NULL */
  const char   *skip_step;    /* skip this failed optional step, or NULL */
} SpCliRunOptions;

int sp_cli_run_stream (SpCliContext          *ctx,
                       const SpCliRunOptions *options);

G_END_DECLS
