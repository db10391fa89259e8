/* sp-platform-config.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where the commerce platform and the content platform are: the non-secret
 * part lives in the workspace's settings table (keys platform.url,
 * platform.tenant, platform.client_id, content.url); secrets live in
 * sp-credentials.
 */

#pragma once

#include <glib.h>

#include "sp-emporix-connector.h"
#include "sp-run-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *url;          /* "https://api.emporix.io"; NULL when not configured */
  char *tenant;
  char *client_id;
  char *content_url;  /* nullable */
} SpPlatformConfig;

SpPlatformConfig   *sp_platform_config_load     (SpRunStore              *store,
                                                 GError                 **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean            sp_platform_config_save     (const SpPlatformConfig  *config,
                                                 SpRunStore              *store,
                                                 GError                 **error);
gboolean            sp_platform_config_validate (const SpPlatformConfig  *config,
                                                 GError                 **error);
char               *sp_platform_config_account  (const SpPlatformConfig  *config) G_GNUC_WARN_UNUSED_RESULT;
SpEmporixConnector *sp_platform_config_connect  (const SpPlatformConfig  *config,
                                                 SpHttpClient            *client,
                                                 const char              *client_secret,
                                                 const char              *content_token) G_GNUC_WARN_UNUSED_RESULT;
void                sp_platform_config_free     (SpPlatformConfig        *config);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpPlatformConfig, sp_platform_config_free)

G_END_DECLS
