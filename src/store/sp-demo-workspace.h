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
