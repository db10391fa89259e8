/* sp-customer-repository.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-company.h"
#include "sp-segment.h"
#include "sp-segment-mapping.h"
#include "sp-store.h"

G_BEGIN_DECLS

#define SP_TYPE_CUSTOMER_REPOSITORY (sp_customer_repository_get_type ())

G_DECLARE_FINAL_TYPE (SpCustomerRepository, sp_customer_repository, SP, CUSTOMER_REPOSITORY,
                      GObject)

SpCustomerRepository *sp_customer_repository_new           (SpStore               *store)
                                                            G_GNUC_WARN_UNUSED_RESULT;
GListModel           *sp_customer_repository_get_segments   (SpCustomerRepository  *self);
GListModel           *sp_customer_repository_get_companies  (SpCustomerRepository  *self);
gboolean              sp_customer_repository_load           (SpCustomerRepository  *self,
                                                            GError               **error);
void                  sp_customer_repository_reload_async   (SpCustomerRepository  *self,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
gboolean              sp_customer_repository_reload_finish  (SpCustomerRepository  *self,
                                                            GAsyncResult          *result,
                                                            GError               **error);
gboolean              sp_customer_repository_save_segment   (SpCustomerRepository  *self,
                                                            SpSegment             *segment,
                                                            GError               **error);
gboolean              sp_customer_repository_save_company   (SpCustomerRepository  *self,
                                                            SpCompany             *company,
                                                            GError               **error);

/* Segment-to-product mappings, of one campaign or (campaign_id %NULL) all. */
GPtrArray *sp_customer_repository_load_segment_mappings (SpCustomerRepository  *self,
                                                         const char            *campaign_id,
                                                         GError               **error)
                                                         G_GNUC_WARN_UNUSED_RESULT;
gboolean   sp_customer_repository_save_segment_mapping  (SpCustomerRepository  *self,
                                                         SpSegmentMapping      *mapping,
                                                         const char            *campaign_id,
                                                         GError               **error);
gboolean   sp_customer_repository_delete_segment_mapping (SpCustomerRepository  *self,
                                                          const char            *id,
                                                          GError               **error);

G_END_DECLS
