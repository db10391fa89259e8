/* sp-emporix-connector.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SpEmporixConnector: performs the remote steps of the value streams on the
 * Emporix REST contract (../shared/emporix/MAPPING.md), and the banner steps
 * on the configured content platform.
 */

#pragma once

#include <gio/gio.h>

#include "sp-content-connector.h"
#include "sp-http-client.h"
#include "sp-step-executor.h"

G_BEGIN_DECLS

#define SP_EMPORIX_MAX_BATCH 200

#define SP_TYPE_EMPORIX_CONNECTOR (sp_emporix_connector_get_type ())

G_DECLARE_FINAL_TYPE (SpEmporixConnector, sp_emporix_connector, SP, EMPORIX_CONNECTOR, GObject)

SpEmporixConnector *sp_emporix_connector_new            (SpHttpClient       *client,
                                                         const char         *base_url,
                                                         const char         *tenant) G_GNUC_WARN_UNUSED_RESULT;
SpHttpClient       *sp_emporix_connector_get_client     (SpEmporixConnector *self);
void                sp_emporix_connector_set_batch_size (SpEmporixConnector *self,
                                                         guint               batch_size);
void                sp_emporix_connector_set_content    (SpEmporixConnector *self,
                                                         SpContentConnector *content);

G_END_DECLS
