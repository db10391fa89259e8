/* sp-cli-bench.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stock-promotion-cli bench WORKLOAD.json [--max-lines N] [--threads N] [--repeat N]
 * Prices a promotion-workload/1 file and prints one JSON line with the keys
 * of ../shared/bench/README.md plus load_seconds, build_seconds, threads and
 * index_bytes. "seconds" is evaluation only (the median of --repeat runs);
 * "cpu_seconds" is the process CPU time of that same run, which says more
 * than wall time on a machine busy with other work.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sp-cli-commands.h"
#include "sp-pricing-engine.h"
#include "sp-workload.h"

static double
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct
{
  double wall;
  double cpu;
  double max_thread_cpu;
} Run;

static int
compare_runs (gconstpointer a,
                 gconstpointer b)
{
  double x = ((const Run *)a)->wall, y = ((const Run *)b)->wall;

  return x < y ? -1 : x > y;
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_double (JsonBuilder *builder,
            const char  *member,
            double       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_double_value (builder, value);
}

int
sp_cli_bench_main (SpCliContext  *ctx,
                   int            argc,
                   char         **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpWorkload) workload = NULL;
  g_autoptr(SpPricingEngine) engine = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree Run *runs = NULL;
  SpPricingTotals totals = { 0 };
  int max_lines = 0, threads = 1, repeat = 1;
  gint64 t0, t1, t2;
  double seconds;
  const GOptionEntry entries[] = {
    { "max-lines", 0, 0, G_OPTION_ARG_INT, &max_lines, N_("Price only the first N order lines"), "N" },
    { "threads", 0, 0, G_OPTION_ARG_INT, &threads, N_("Split the order lines across N threads"), "N" },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, N_("Evaluate N times and report the median"), "N" },
    { NULL }
  };

  context = g_option_context_new (_("WORKLOAD.json — price a promotion workload and print the figures"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sp_cli_parse_options (context, &argc, &argv, argv[0]))
    return 1;

  if (argc != 2)
    return sp_cli_fail_message (argv[0], "%s", _("expected one workload file"));
  if (max_lines < 0 || threads < 1 || threads > 64 || repeat < 1 || repeat > 1000)
    return sp_cli_fail_message (argv[0], "%s", _("--max-lines must be ≥ 0, --threads 1 to 64, --repeat 1 to 1000"));

  t0 = g_get_monotonic_time ();
  if (!(workload = sp_workload_load_file (argv[1], &error)))
    return sp_cli_fail (argv[0], error);
  t1 = g_get_monotonic_time ();
  if (!(engine = sp_pricing_engine_new (workload, &error)))
    return sp_cli_fail (argv[0], error);
  t2 = g_get_monotonic_time ();

  runs = g_new (Run, repeat);
  for (int r = 0; r < repeat; r++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_now ();

      sp_pricing_engine_run (engine, (guint)max_lines, (guint)threads, &totals);
      runs[r].wall = (g_get_monotonic_time () - start) / 1e6;
      runs[r].cpu = cpu_now () - cpu_start;
      runs[r].max_thread_cpu = totals.max_thread_cpu_seconds;
    }
  qsort (runs, repeat, sizeof (Run), compare_runs);
  seconds = runs[repeat / 2].wall;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "engine");
  json_builder_add_string_value (builder, "stock-promotion");
  add_int (builder, "lines", totals.lines);
  add_int (builder, "pair_evaluations", totals.pair_evaluations);
  add_int (builder, "applications", totals.applications);
  add_int (builder, "discount_cents", totals.discount);
  add_int (builder, "net_cents", totals.net);
  add_double (builder, "seconds", seconds);
  add_int (builder, "pair_evaluations_per_s",
           seconds > 0 ? (gint64)(totals.pair_evaluations / seconds) : 0);
  add_double (builder, "cpu_seconds", runs[repeat / 2].cpu);
  add_double (builder, "min_seconds", runs[0].wall);
  add_double (builder, "max_thread_cpu_seconds", runs[repeat / 2].max_thread_cpu);
  add_double (builder, "load_seconds", (t1 - t0) / 1e6);
  add_double (builder, "build_seconds", (t2 - t1) / 1e6);
  add_int (builder, "threads", threads);
  add_int (builder, "repeat", repeat);
  add_int (builder, "index_bytes", sp_pricing_engine_get_index_bytes (engine));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  printf ("%s\n", text);
  return 0;
}
