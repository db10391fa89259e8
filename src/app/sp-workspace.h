/* sp-workspace.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-campaign.h"
#include "sp-catalog-table.h"
#include "sp-campaign-plan.h"
#include "sp-price-list.h"
#include "sp-product.h"
#include "sp-run-controller.h"

G_BEGIN_DECLS

#define SP_TYPE_WORKSPACE (sp_workspace_get_type ())

G_DECLARE_FINAL_TYPE (SpWorkspace, sp_workspace, SP, WORKSPACE, GObject)

char          *sp_workspace_default_path          (GSettings            *settings) G_GNUC_WARN_UNUSED_RESULT;
void           sp_workspace_open_async            (const char           *path,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
SpWorkspace   *sp_workspace_open_finish           (GAsyncResult         *result,
                                                   GError              **error) G_GNUC_WARN_UNUSED_RESULT;
const char    *sp_workspace_get_path              (SpWorkspace          *self);
GListModel    *sp_workspace_get_campaigns         (SpWorkspace          *self);
SpRunController *sp_workspace_get_run_controller  (SpWorkspace          *self);
SpCatalogTable *sp_workspace_get_catalog_table    (SpWorkspace          *self);
GListModel    *sp_workspace_get_categories        (SpWorkspace          *self);
GListModel    *sp_workspace_get_sites             (SpWorkspace          *self);
GListModel    *sp_workspace_get_approvals         (SpWorkspace          *self);
gboolean       sp_workspace_get_catalog_loaded    (SpWorkspace          *self);
void           sp_workspace_load_catalog          (SpWorkspace          *self);
gboolean       sp_workspace_get_approval_required (SpWorkspace          *self);
void           sp_workspace_set_approval_required (SpWorkspace          *self,
                                                   gboolean              approval_required);
void           sp_workspace_create_campaign_async (SpWorkspace          *self,
                                                   const char           *name,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
SpCampaign    *sp_workspace_create_campaign_finish (SpWorkspace         *self,
                                                   GAsyncResult         *result,
                                                   GError              **error) G_GNUC_WARN_UNUSED_RESULT;
void           sp_workspace_edit_campaign         (SpWorkspace          *self,
                                                   SpCampaign           *campaign,
                                                   const char           *property,
                                                   const GValue         *value);
void           sp_workspace_edit_campaign_string  (SpWorkspace          *self,
                                                   SpCampaign           *campaign,
                                                   const char           *property,
                                                   const char           *value);
void           sp_workspace_edit_campaign_int64   (SpWorkspace          *self,
                                                   SpCampaign           *campaign,
                                                   const char           *property,
                                                   gint64                value);
void           sp_workspace_edit_campaign_strv    (SpWorkspace          *self,
                                                   SpCampaign           *campaign,
                                                   const char           *property,
                                                   const char * const   *value);
gboolean       sp_workspace_undo                  (SpWorkspace          *self);
gboolean       sp_workspace_can_undo              (SpWorkspace          *self);
guint64        sp_workspace_get_undo_serial       (SpWorkspace          *self);
gboolean       sp_workspace_undo_serial           (SpWorkspace          *self,
                                                   guint64               serial);
void           sp_workspace_transition_async      (SpWorkspace          *self,
                                                   SpCampaign           *campaign,
                                                   SpCampaignStatus      to,
                                                   const char           *comment,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean       sp_workspace_transition_finish     (SpWorkspace          *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
typedef void (*SpUndoFunc) (gpointer data);

void           sp_workspace_push_undo             (SpWorkspace          *self,
                                                   SpCampaign           *campaign,
                                                   SpUndoFunc            func,
                                                   gpointer              data,
                                                   GDestroyNotify        destroy);
void           sp_workspace_load_price_list_async (SpWorkspace          *self,
                                                   SpCampaign           *campaign,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
SpPriceList   *sp_workspace_load_price_list_finish (SpWorkspace         *self,
                                                   GAsyncResult         *result,
                                                   GError              **error) G_GNUC_WARN_UNUSED_RESULT;
void           sp_workspace_save_price_list       (SpWorkspace          *self,
                                                   SpCampaign           *campaign,
                                                   SpPriceList          *price_list,
                                                   GHashTable           *discounts);
void           sp_workspace_compute_plan_async    (SpWorkspace          *self,
                                                   SpCampaign           *campaign,
                                                   GHashTable           *discounts,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
SpCampaignPlan *sp_workspace_compute_plan_finish  (SpWorkspace          *self,
                                                   GAsyncResult         *result,
                                                   GError              **error) G_GNUC_WARN_UNUSED_RESULT;
/* What the optional steps' pages show of a campaign. */
typedef struct
{
  GPtrArray *coupons;   /* SpCoupon */
  GPtrArray *quotes;    /* SpQuote */
  GPtrArray *banners;   /* SpBanner */
  GPtrArray *mappings;  /* SpSegmentMapping */
} SpCampaignOffers;

void              sp_campaign_offers_free          (SpCampaignOffers     *offers);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCampaignOffers, sp_campaign_offers_free)

GListModel       *sp_workspace_get_segments        (SpWorkspace          *self);
GListModel       *sp_workspace_get_companies       (SpWorkspace          *self);
void              sp_workspace_load_offers_async   (SpWorkspace          *self,
                                                    SpCampaign           *campaign,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
SpCampaignOffers *sp_workspace_load_offers_finish  (SpWorkspace          *self,
                                                    GAsyncResult         *result,
                                                    GError              **error) G_GNUC_WARN_UNUSED_RESULT;
void              sp_workspace_edit_offer          (SpWorkspace          *self,
                                                    SpCampaign           *campaign,
                                                    GObject              *before,
                                                    GObject              *after);
void              sp_workspace_edit_offers         (SpWorkspace          *self,
                                                    SpCampaign           *campaign,
                                                    GPtrArray            *before,
                                                    GPtrArray            *after);
gboolean          sp_workspace_get_offers_busy     (SpWorkspace          *self);
void              sp_workspace_load_approvals_async  (SpWorkspace          *self,
                                                      SpCampaign           *campaign,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GPtrArray        *sp_workspace_load_approvals_finish (SpWorkspace          *self,
                                                      GAsyncResult         *result,
                                                      GError              **error) G_GNUC_WARN_UNUSED_RESULT;
void           sp_workspace_report_error          (SpWorkspace          *self,
                                                   const GError         *error);

G_END_DECLS
