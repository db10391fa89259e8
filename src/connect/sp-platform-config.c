/* sp-platform-config.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sp-connect-error.h"
#include "sp-platform-config.h"
#include "sp-token-cache.h"

/* Plain scope names (MAPPING.md §1.1). */
#define PLATFORM_SCOPE \
  "price.pricelist_manage price.pricelist_read coupon.coupon_manage customersegment.segment_manage " \
  "quote.quote_manage schema.custominstance_manage"

void
sp_platform_config_free (SpPlatformConfig *config)
{
  if (config == NULL)
    return;

  g_free (config->url);
  g_free (config->tenant);
  g_free (config->client_id);
  g_free (config->content_url);
  g_free (config);
}

static char *
nonempty (char *value)
{
  if (value != NULL && value[0] == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

/**
 * sp_platform_config_load:
 *
 * Blocks; call it from a worker or a command-line tool.
 *
 * Returns: (transfer full): the configuration; its url is %NULL when no
 *   platform is configured
 */
SpPlatformConfig *
sp_platform_config_load (SpRunStore  *store,
                         GError     **error)
{
  g_autoptr(SpPlatformConfig) config = g_new0 (SpPlatformConfig, 1);

  if (!(config->url = sp_run_store_get_setting (store, "platform.url", error)) ||
      !(config->tenant = sp_run_store_get_setting (store, "platform.tenant", error)) ||
      !(config->client_id = sp_run_store_get_setting (store, "platform.client_id", error)) ||
      !(config->content_url = sp_run_store_get_setting (store, "content.url", error)))
    return NULL;

  config->url = nonempty (config->url);
  config->tenant = nonempty (config->tenant);
  config->client_id = nonempty (config->client_id);
  config->content_url = nonempty (config->content_url);
  return g_steal_pointer (&config);
}

gboolean
sp_platform_config_validate (const SpPlatformConfig  *config,
                             GError                 **error)
{
  g_autoptr(GUri) uri = NULL;

  if (config->url == NULL || !(uri = g_uri_parse (config->url, G_URI_FLAGS_NONE, NULL)) ||
      (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
    {
      g_set_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_CONFIG,
                   _("platform.url: “%s” is not an http(s) address"), config->url ? config->url : "");
      return FALSE;
    }

  if (config->tenant == NULL || !g_regex_match_simple ("^[a-z][a-z0-9]{2,15}$", config->tenant, 0, 0))
    {
      g_set_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_CONFIG,
                   _("platform.tenant: “%s” must be 3–16 lower-case letters and digits, starting with a letter"),
                   config->tenant ? config->tenant : "");
      return FALSE;
    }

  if (config->client_id == NULL)
    {
      g_set_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_CONFIG,
                   _("platform.client_id: a client id is needed"));
      return FALSE;
    }

  return TRUE;
}

gboolean
sp_platform_config_save (const SpPlatformConfig  *config,
                         SpRunStore              *store,
                         GError                 **error)
{
  if (!sp_platform_config_validate (config, error))
    return FALSE;

  return sp_run_store_set_setting (store, "platform.url", config->url, error) &&
         sp_run_store_set_setting (store, "platform.tenant", config->tenant, error) &&
         sp_run_store_set_setting (store, "platform.client_id", config->client_id, error) &&
         sp_run_store_set_setting (store, "content.url", config->content_url ? config->content_url : "", error);
}

/* The keyring account of the client secret: URL and client id together. */
char *
sp_platform_config_account (const SpPlatformConfig *config)
{
  return g_strdup_printf ("%s %s", config->url, config->client_id);
}

/**
 * sp_platform_config_connect:
 * @client: the application's HTTP client; gets the token cache
 *
 * Returns: (transfer full): a connector for the configured platform
 */
SpEmporixConnector *
sp_platform_config_connect (const SpPlatformConfig *config,
                            SpHttpClient           *client,
                            const char             *client_secret,
                            const char             *content_token)
{
  g_autoptr(SpTokenCache) cache = NULL;
  g_autofree char *token_uri = NULL;
  g_autofree char *base = g_strdup (config->url);
  SpEmporixConnector *connector;

  g_strchomp (base);
  while (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';
  token_uri = g_strdup_printf ("%s/oauth/token", base);
  cache = sp_token_cache_new (token_uri, config->client_id, client_secret ? client_secret : "", PLATFORM_SCOPE);
  sp_http_client_set_token_cache (client, cache);

  connector = sp_emporix_connector_new (client, base, config->tenant);
  if (config->content_url != NULL)
    {
      g_autoptr(SpContentConnector) content = sp_content_connector_new (config->content_url, content_token);

      sp_emporix_connector_set_content (connector, content);
    }
  return connector;
}
