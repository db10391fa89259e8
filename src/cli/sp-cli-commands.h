/* sp-cli-commands.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The subcommands of stock-promotion-cli. To add one: write
 * sp-cli-<name>.c with sp_cli_<name>_main(), declare it here, list it in
 * SP_CLI_COMMANDS and add the file to meson.build.
 */

#pragma once

#include "sp-cli.h"

int sp_cli_campaign_main (SpCliContext *ctx, int argc, char **argv);
int sp_cli_demo_main (SpCliContext *ctx, int argc, char **argv);
int sp_cli_import_catalog_main (SpCliContext *ctx, int argc, char **argv);
int sp_cli_import_stock_main (SpCliContext *ctx, int argc, char **argv);
int sp_cli_bench_main (SpCliContext *ctx, int argc, char **argv);
int sp_cli_sandbox_main (SpCliContext *ctx, int argc, char **argv);
int sp_cli_price_main (SpCliContext *ctx, int argc, char **argv);
int sp_cli_run_main (SpCliContext *ctx, int argc, char **argv);
int sp_cli_plan_main (SpCliContext *ctx, int argc, char **argv);
int sp_cli_platform_main (SpCliContext *ctx, int argc, char **argv);
int sp_cli_campaign_submit (SpCliContext *ctx, int argc, char **argv);
int sp_cli_campaign_approve (SpCliContext *ctx, int argc, char **argv);
int sp_cli_campaign_reject (SpCliContext *ctx, int argc, char **argv);
int sp_cli_promotion_main (SpCliContext *ctx, int argc, char **argv);
int sp_cli_version_main (SpCliContext *ctx, int argc, char **argv);

#define SP_CLI_COMMANDS \
  { "bench", N_("Price a promotion workload and print the benchmark figures"), sp_cli_bench_main }, \
  { "campaign", N_("Create, list, show and change campaigns"), sp_cli_campaign_main }, \
  { "demo", N_("Write the demo workspace into the database"), sp_cli_demo_main }, \
  { "import-catalog", N_("Import a catalog file (CSV or JSON)"), sp_cli_import_catalog_main }, \
  { "import-stock", N_("Import stock per site (CSV or JSON)"), sp_cli_import_stock_main }, \
  { "plan", N_("Draft a clearance plan for a campaign, and apply it"), sp_cli_plan_main }, \
  { "platform", N_("Show or set the commerce platform and content platform"), sp_cli_platform_main }, \
  { "run", N_("Run a campaign's value streams (planning, approval, execution)"), sp_cli_run_main }, \
  { "sandbox", N_("Run the local stand-in of the commerce platform"), sp_cli_sandbox_main }, \
  { "price", N_("Price orders with promotions and explain every adjustment"), sp_cli_price_main }, \
  { "promotion", N_("Import or export pricing promotions"), sp_cli_promotion_main }, \
  { "version", N_("Print the version"), sp_cli_version_main },
