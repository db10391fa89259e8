/* sp-cli-platform.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stock-promotion-cli platform show
 * stock-promotion-cli platform set --url URL --tenant T --client-id ID [--secret-file F]
 *                                  [--content-url URL] [--content-token-file F]
 * stock-promotion-cli platform unset      (back to the built-in sandbox)
 *
 * Non-secret settings go to the workspace's settings table; the client
 * secret and the content token go to the Secret Service (sp-credentials).
 * Secrets are read from files, never from the command line, so they do not
 * end up in shell histories or process lists.
 */

#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sp-cli-commands.h"
#include "sp-credentials.h"
#include "sp-platform-config.h"
#include "sp-run-store.h"

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Wait;

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

static GAsyncResult *
wait_for (Wait *wait)
{
  g_clear_object (&wait->result);
  while (wait->result == NULL)
    g_main_loop_run (wait->loop);
  return wait->result;
}

static char *
read_secret (const char  *path,
             GError     **error)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;

  g_strstrip (contents);
  if (contents[0] == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: the file is empty"), path);
      return NULL;
    }

  return g_steal_pointer (&contents);
}

static gboolean
store_secret (Wait        *wait,
              const char  *kind,
              const char  *account,
              const char  *path,
              GError     **error)
{
  g_autofree char *secret = NULL;
  g_autofree char *where = NULL;

  if (!(secret = read_secret (path, error)))
    return FALSE;

  sp_credentials_store_async (kind, account, secret, NULL, wait_cb, wait);
  memset (secret, 0, strlen (secret));
  if (!sp_credentials_store_finish (wait_for (wait), &where, error))
    return FALSE;

  /* Translators: %1$s is "platform" or "content", %2$s where the secret went */
  printf (_("The %1$s secret is stored in %2$s.\n"), kind, where);
  return TRUE;
}

/* An option given on the command line replaces the stored value. */
static void
take_option (char **field,
             char **option)
{
  if (*option == NULL)
    return;

  g_free (*field);
  *field = g_steal_pointer (option);
}

static int
platform_set (SpCliContext  *ctx,
              int            argc,
              char         **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SpRunStore) store = sp_run_store_new (ctx->db_path);
  g_autoptr(SpPlatformConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *tenant = NULL;
  g_autofree char *client_id = NULL;
  g_autofree char *secret_file = NULL;
  g_autofree char *content_url = NULL;
  g_autofree char *content_token_file = NULL;
  g_autofree char *account = NULL;
  Wait wait = { NULL, NULL };
  int status = 0;
  GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("The commerce platform's API address"), N_("URL") },
    { "tenant", 0, 0, G_OPTION_ARG_STRING, &tenant, N_("The tenant (lower case)"), N_("TENANT") },
    { "client-id", 0, 0, G_OPTION_ARG_STRING, &client_id, N_("The API client id"), N_("ID") },
    { "secret-file", 0, 0, G_OPTION_ARG_FILENAME, &secret_file, N_("A file holding the client secret"), N_("FILE") },
    { "content-url", 0, 0, G_OPTION_ARG_STRING, &content_url, N_("The content platform for banners"), N_("URL") },
    { "content-token-file", 0, 0, G_OPTION_ARG_FILENAME, &content_token_file,
      N_("A file holding the content platform's token"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sp_cli_parse_options (context, &argc, &argv, "platform set"))
    return 1;

  /* Unset options keep their stored values. */
  if (!(config = sp_platform_config_load (store, &error)))
    return sp_cli_fail ("platform set", error);
  take_option (&config->url, &url);
  take_option (&config->tenant, &tenant);
  take_option (&config->client_id, &client_id);
  take_option (&config->content_url, &content_url);

  if (!sp_platform_config_save (config, store, &error))
    return sp_cli_fail ("platform set", error);

  wait.loop = g_main_loop_new (NULL, FALSE);
  account = sp_platform_config_account (config);
  if ((secret_file != NULL && !store_secret (&wait, "platform", account, secret_file, &error)) ||
      (content_token_file != NULL && config->content_url != NULL &&
       !store_secret (&wait, "content", config->content_url, content_token_file, &error)))
    status = sp_cli_fail ("platform set", error);
  else
    printf (_("Platform set: %s, tenant %s, client %s.\n"), config->url, config->tenant, config->client_id);

  g_clear_object (&wait.result);
  g_main_loop_unref (wait.loop);
  return status;
}

static int
platform_show (SpCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autoptr(SpRunStore) store = sp_run_store_new (ctx->db_path);
  g_autoptr(SpPlatformConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *account = NULL;
  g_autofree char *secret = NULL;
  Wait wait = { NULL, NULL };

  if (!(config = sp_platform_config_load (store, &error)))
    return sp_cli_fail ("platform show", error);

  if (config->url == NULL)
    {
      printf (_("No platform is configured: runs use the built-in sandbox.\n"));
      return 0;
    }

  wait.loop = g_main_loop_new (NULL, FALSE);
  account = sp_platform_config_account (config);
  sp_credentials_lookup_async ("platform", account, NULL, wait_cb, &wait);
  secret = sp_credentials_lookup_finish (wait_for (&wait), NULL);

  printf ("%-14s %s\n", "url", config->url);
  printf ("%-14s %s\n", "tenant", config->tenant ? config->tenant : "");
  printf ("%-14s %s\n", "client-id", config->client_id ? config->client_id : "");
  /* Never the secret itself. */
  printf ("%-14s %s\n", "secret", secret != NULL ? _("stored") : _("missing"));
  printf ("%-14s %s\n", "content-url", config->content_url ? config->content_url : "");

  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  g_clear_object (&wait.result);
  g_main_loop_unref (wait.loop);
  return 0;
}

static int
platform_unset (SpCliContext  *ctx,
                int            argc,
                char         **argv)
{
  g_autoptr(SpRunStore) store = sp_run_store_new (ctx->db_path);
  g_autoptr(GError) error = NULL;
  static const char * const keys[] = { "platform.url", "platform.tenant", "platform.client_id", "content.url" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (!sp_run_store_set_setting (store, keys[i], "", &error))
      return sp_cli_fail ("platform unset", error);

  printf (_("No platform is configured: runs use the built-in sandbox.\n"));
  return 0;
}

int
sp_cli_platform_main (SpCliContext  *ctx,
                      int            argc,
                      char         **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "set"))
    return platform_set (ctx, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "show"))
    return platform_show (ctx, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "unset"))
    return platform_unset (ctx, argc - 1, argv + 1);

  fprintf (argc < 2 ? stderr : stdout, "%s\n",
           _("Usage: stock-promotion-cli platform show | set --url URL --tenant T --client-id ID "
             "[--secret-file F] [--content-url URL] [--content-token-file F] | unset"));
  return argc < 2 ? 2 : (g_str_equal (argv[1], "--help") ? 0 : 1);
}
