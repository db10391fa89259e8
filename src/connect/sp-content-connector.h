/* sp-content-connector.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SpContentConnector: the content platform that receives the campaign's
 * banners and their images (Emporix has no CMS API, MAPPING.md §8). A
 * configurable REST endpoint with a bearer token:
 *   PUT {base}/banners/{id}         banner JSON
 *   PUT {base}/banners/{id}/image   the image bytes
 * The token is never logged.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sp-run-input.h"

G_BEGIN_DECLS

#define SP_TYPE_CONTENT_CONNECTOR (sp_content_connector_get_type ())

G_DECLARE_FINAL_TYPE (SpContentConnector, sp_content_connector, SP, CONTENT_CONNECTOR, GObject)

SpContentConnector *sp_content_connector_new          (const char         *base_url,
                                                       const char         *token) G_GNUC_WARN_UNUSED_RESULT;
const char         *sp_content_connector_get_base_url (SpContentConnector *self);
const char         *sp_content_connector_get_token    (SpContentConnector *self);
char               *sp_content_connector_banner_uri   (SpContentConnector *self,
                                                       const char         *banner_id) G_GNUC_WARN_UNUSED_RESULT;
char               *sp_content_connector_image_uri    (SpContentConnector *self,
                                                       const char         *banner_id) G_GNUC_WARN_UNUSED_RESULT;
JsonNode           *sp_content_connector_banner_body  (SpContentConnector *self,
                                                       const SpRunInput   *input,
                                                       const SpRunBanner  *banner,
                                                       const char         *banner_id) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
