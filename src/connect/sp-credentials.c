/* sp-credentials.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-connect"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <string.h>

#include "sp-connect-error.h"
#include "sp-credentials.h"

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "org.stockpromotion.StockPromotion.Credential", SECRET_SCHEMA_NONE,
    {
      { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/* Without a session bus libsecret would try to autolaunch one; the file
 * fallback is the honest answer then. */
static gboolean
have_session_bus (void)
{
  const char *address = g_getenv ("DBUS_SESSION_BUS_ADDRESS");
  g_autofree char *socket = NULL;

  if (g_getenv ("SP_NO_SECRET_SERVICE") != NULL)
    return FALSE;
  if (address != NULL && address[0] != '\0')
    return TRUE;

  socket = g_build_filename (g_get_user_runtime_dir (), "bus", NULL);
  return g_file_test (socket, G_FILE_TEST_EXISTS);
}

/**
 * sp_credentials_fallback_path:
 *
 * Returns: (transfer full): the file secrets go to without a Secret Service
 */
char *
sp_credentials_fallback_path (void)
{
  const char *override = g_getenv ("SP_CREDENTIALS_FILE");

  if (override != NULL && override[0] != '\0')
    return g_strdup (override);

  return g_build_filename (g_get_user_config_dir (), "stock-promotion", "credentials.ini", NULL);
}

typedef struct
{
  char *kind;
  char *account;
  char *secret;   /* wiped when freed */
  char *where;
} CredentialData;

static void
credential_data_free (gpointer data)
{
  CredentialData *credential = data;

  g_free (credential->kind);
  g_free (credential->account);
  if (credential->secret != NULL)
    memset (credential->secret, 0, strlen (credential->secret));
  g_free (credential->secret);
  g_free (credential->where);
  g_free (credential);
}

static void
file_store_worker (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  CredentialData *credential = task_data;
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = sp_credentials_fallback_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *data = NULL;
  GError *error = NULL;
  gsize len;

  g_mkdir_with_parents (dir, 0700);
  /* A missing or unreadable file starts empty; it is rewritten whole. */
  g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL);
  g_key_file_set_string (file, credential->kind, credential->account, credential->secret);
  data = g_key_file_to_data (file, &len, NULL);

  if (!g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      memset (data, 0, len);
      g_task_return_error (task, error);
      return;
    }
  memset (data, 0, len);
  g_chmod (path, 0600);

  g_warning ("No Secret Service is running; the secret is stored in %s, readable only by you", path);
  g_task_return_pointer (task, g_steal_pointer (&path), g_free);
}

static void
file_lookup_worker (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  CredentialData *credential = task_data;
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = sp_credentials_fallback_path ();
  char *secret;

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL) ||
      !(secret = g_key_file_get_string (file, credential->kind, credential->account, NULL)))
    {
      g_task_return_new_error (task, SP_CONNECT_ERROR, SP_CONNECT_ERROR_CONFIG,
                               _("No secret is stored for %s “%s”; set it with “platform set --secret-file”"),
                               credential->kind, credential->account);
      return;
    }

  g_task_return_pointer (task, secret, g_free);
}

static void
secret_stored_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_debug ("Secret Service unavailable (%s); using the file", error->message);
      g_task_run_in_thread (task, file_store_worker);
      return;
    }

  g_task_return_pointer (task, g_strdup (_("the Secret Service")), g_free);
}

/**
 * sp_credentials_store_async:
 * @kind: "platform" or "content"
 * @account: what the secret belongs to ("https://api.emporix.io client-id")
 */
void
sp_credentials_store_async (const char          *kind,
                            const char          *account,
                            const char          *secret,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CredentialData *credential;
  g_autofree char *label = NULL;

  g_return_if_fail (kind != NULL && account != NULL && secret != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_credentials_store_async);
  credential = g_new0 (CredentialData, 1);
  credential->kind = g_strdup (kind);
  credential->account = g_strdup (account);
  credential->secret = g_strdup (secret);
  g_task_set_task_data (task, credential, credential_data_free);

  if (!have_session_bus ())
    {
      g_task_run_in_thread (task, file_store_worker);
      return;
    }

  /* Translators: the label of the secret in the keyring */
  label = g_strdup_printf (_("Stock Promotion: %s %s"), kind, account);
  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, secret, cancellable,
                         secret_stored_cb, g_steal_pointer (&task),
                         "kind", kind, "account", account, NULL);
}

/**
 * sp_credentials_store_finish:
 * @where: (out) (optional) (transfer full): where it went, for the user
 */
gboolean
sp_credentials_store_finish (GAsyncResult  *result,
                             char         **where,
                             GError       **error)
{
  char *place;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!(place = g_task_propagate_pointer (G_TASK (result), error)))
    return FALSE;

  if (where != NULL)
    *where = place;
  else
    g_free (place);
  return TRUE;
}

static void
secret_looked_up_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *secret;

  secret = secret_password_lookup_finish (result, &error);
  if (secret != NULL)
    {
      char *copy = g_strdup (secret);

      secret_password_free (secret);
      g_task_return_pointer (task, copy, g_free);
      return;
    }

  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Not in the keyring (or no keyring): the file may have it. */
  g_task_run_in_thread (task, file_lookup_worker);
}

void
sp_credentials_lookup_async (const char          *kind,
                             const char          *account,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CredentialData *credential;

  g_return_if_fail (kind != NULL && account != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_credentials_lookup_async);
  credential = g_new0 (CredentialData, 1);
  credential->kind = g_strdup (kind);
  credential->account = g_strdup (account);
  g_task_set_task_data (task, credential, credential_data_free);

  if (!have_session_bus ())
    {
      g_task_run_in_thread (task, file_lookup_worker);
      return;
    }

  secret_password_lookup (get_schema (), cancellable, secret_looked_up_cb, g_steal_pointer (&task),
                          "kind", kind, "account", account, NULL);
}

/**
 * sp_credentials_lookup_finish:
 *
 * Returns: (transfer full): the secret, or %NULL
 */
char *
sp_credentials_lookup_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
