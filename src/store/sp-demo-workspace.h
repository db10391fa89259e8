/* sp-demo-workspace.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The fixed "today" of the demo workspace: the sales history covers the 365
 * days before it and the campaign schedules are set around it, so the
 * workspace is the same on every machine and on every day. */
#define SP_DEMO_WORKSPACE_REFERENCE_DATE "2026-11-01"

/* The ids of the demo campaigns, the same in every demo workspace (the
 * test checks them), for tests and scripts that drive one through a stream. */
#define SP_DEMO_WORKSPACE_ENDED_CAMPAIGN_ID     "7a62be07-054e-4eab-82d0-24811614cb92"
#define SP_DEMO_WORKSPACE_LIVE_CAMPAIGN_ID      "9b0e447f-f4cc-4930-a278-ba82d920a8b0"
#define SP_DEMO_WORKSPACE_APPROVED_CAMPAIGN_ID  "22a56b0c-f72e-4081-b7d8-c650a30bb5e7"
#define SP_DEMO_WORKSPACE_IN_REVIEW_CAMPAIGN_ID "e7a7d669-ac58-4957-a473-9acb44ea6b8c"
#define SP_DEMO_WORKSPACE_DRAFT_CAMPAIGN_ID     "d1857820-ea9b-47c2-bc1c-5601130e7118"

typedef enum
{
  SP_DEMO_WORKSPACE_FLAGS_NONE  = 0,
  SP_DEMO_WORKSPACE_FLAGS_FORCE = 1 << 0,   /* replace a workspace that is already there */
} SpDemoWorkspaceFlags;

/* What was written, counted in the database after the write. */
typedef struct
{
  guint n_categories;
  guint n_sites;
  guint n_products;
  guint n_product_stock;
  guint n_segments;
  guint n_companies;
  guint n_sales_orders;
  guint n_sales_order_lines;
  guint n_campaigns;
  guint n_coupons;
  guint n_price_lists;
  guint n_price_list_entries;
  guint n_quotes;
  guint n_approvals;
} SpDemoWorkspaceCounts;

gboolean sp_demo_workspace_write (const char             *db_path,
                                  SpDemoWorkspaceFlags    flags,
                                  SpDemoWorkspaceCounts  *counts,
                                  GCancellable           *cancellable,
                                  GError                **error);
void     sp_demo_workspace_write_async  (const char             *db_path,
                                         SpDemoWorkspaceFlags    flags,
                                         GCancellable           *cancellable,
                                         GAsyncReadyCallback     callback,
                                         gpointer                user_data);
gboolean sp_demo_workspace_write_finish (GAsyncResult           *result,
                                         SpDemoWorkspaceCounts  *counts,
                                         GError                **error);

G_END_DECLS
