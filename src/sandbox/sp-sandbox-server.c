/* sp-sandbox-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A local, stateful stand-in of the commerce platform (DESIGN.md "sandbox").
 * The SoupServer and the SQLite connection live on a thread of their own
 * with its own GMainContext, so that the application, the CLI and in-process
 * tests can use it without blocking their main loop on the database. Only
 * the fault rules and the request counters are shared with the caller's
 * thread, under a mutex; everything else is touched on the server thread.
 */

#define G_LOG_DOMAIN "sp-sandbox-server"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include <libsoup/soup.h>

#include "sp-sandbox-db-private.h"
#include "sp-sandbox-fault-private.h"
#include "sp-sandbox-routes-private.h"
#include "sp-sandbox-server-private.h"

#define DEFAULT_TOKEN_LIFETIME 14399   /* what Emporix answers (MAPPING.md §1.1) */

struct _SpSandboxServer
{
  GObject        parent_instance;

  char          *state_dir;       /* owned; nullable: keep everything in memory */
  int            token_lifetime;  /* atomic: set by the owner's thread, read by the server's */
  char          *client_secret;   /* owned; nullable: any non-empty secret; fixed while running */

  /* Owned; set while running. */
  GThread       *thread;
  GMainContext  *context;
  GMainLoop     *loop;
  char          *uri;
  guint          port;

  /* Server thread only. */
  SoupServer    *soup;            /* owned */
  SpSandboxDb   *db;              /* owned */
  GHashTable    *stalls;          /* owned; SoupServerMessage → GSource */

  /* Start handshake. */
  GMutex         start_mutex;
  GCond          start_cond;
  gboolean       start_done;
  GError        *start_error;     /* owned */

  /* Guarded by @mutex. */
  GMutex         mutex;
  GPtrArray     *faults;          /* owned; SpSandboxFault, in order */
  GHashTable    *stats;           /* owned; "METHOD /route" → count */
  guint          n_requests;
  guint          n_faults;
};

G_DEFINE_FINAL_TYPE (SpSandboxServer, sp_sandbox_server, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE_DIR,
  PROP_TOKEN_LIFETIME,
  PROP_CLIENT_SECRET,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef struct
{
  SpSandboxServer   *self;    /* borrowed */
  SoupServerMessage *msg;     /* owned */
} Stall;

static void
stall_free (gpointer data)
{
  Stall *stall = data;

  g_object_unref (stall->msg);
  g_free (stall);
}

static void
count_request (SpSandboxServer  *self,
               const char       *method,
               const char       *route,
               gboolean          faulted)
{
  g_autofree char *key = g_strdup_printf ("%s %s", method, route != NULL ? route : "(unknown)");
  guint count;

  g_mutex_lock (&self->mutex);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->stats, key));
  g_hash_table_insert (self->stats, g_steal_pointer (&key), GUINT_TO_POINTER (count + 1));
  self->n_requests++;
  if (faulted)
    self->n_faults++;
  g_mutex_unlock (&self->mutex);
}

/* Returns: (transfer full) (nullable): the first rule matching, consumed once */
static SpSandboxFault *
take_fault (SpSandboxServer *self,
            const char      *method,
            const char      *path)
{
  SpSandboxFault *found = NULL;

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < self->faults->len; i++)
    {
      SpSandboxFault *fault = g_ptr_array_index (self->faults, i);

      if (!_sp_sandbox_fault_matches (fault, method, path))
        continue;

      found = _sp_sandbox_fault_copy (fault);
      if (fault->times > 0 && --fault->times == 0)
        g_ptr_array_remove_index (self->faults, i);
      break;
    }
  g_mutex_unlock (&self->mutex);

  return found;
}

static gboolean
stall_done_cb (gpointer user_data)
{
  Stall *stall = user_data;
  SpSandboxServer *self = stall->self;
  SpSandboxRequest req = { 0 };

  /* The client gave up long ago; answer so the connection is released. */
  req.msg = stall->msg;
  soup_server_message_unpause (stall->msg);
  _sp_sandbox_respond_error (&req, 504, NULL, "sandbox fault: stalled");
  g_hash_table_remove (self->stalls, stall);
  return G_SOURCE_REMOVE;
}

static void
reset_connection (SoupServerMessage *msg)
{
  GSocket *socket = soup_server_message_get_socket (msg);
  g_autoptr(GIOStream) stream = NULL;
  struct linger linger = { 1, 0 };

  /* SO_LINGER 0 makes close() send a TCP RST: the client sees "connection
   * reset by peer" and no answer at all. */
  if (socket != NULL)
    setsockopt (g_socket_get_fd (socket), SOL_SOCKET, SO_LINGER, &linger, sizeof linger);
  stream = soup_server_message_steal_connection (msg);
  if (stream != NULL)
    g_io_stream_close (stream, NULL, NULL);  /* nothing to report to anyone */
}

static void
apply_fault (SpSandboxServer      *self,
             SpSandboxRequest     *req,
             const SpSandboxFault *fault)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (req->msg);

  switch (fault->kind)
    {
    case SP_SANDBOX_FAULT_RESET:
      reset_connection (req->msg);
      break;

    case SP_SANDBOX_FAULT_STALL:
      {
        Stall *stall = g_new0 (Stall, 1);
        GSource *source = g_timeout_source_new_seconds (fault->seconds);

        stall->self = self;
        stall->msg = g_object_ref (req->msg);
        soup_server_message_pause (req->msg);
        g_source_set_callback (source, stall_done_cb, stall, NULL);
        g_source_set_name (source, "[sp-sandbox] stall");
        g_hash_table_insert (self->stalls, stall, source);
        g_source_attach (source, self->context);
        g_source_unref (source);
      }
      break;

    case SP_SANDBOX_FAULT_STATUS:
    default:
      soup_message_headers_remove (headers, "X-Total-Count");
      if (fault->status == 401)
        {
          _sp_sandbox_respond_unauthorized (req, "Invalid access token",
                                            "oauth.v2.InvalidAccessToken");
          break;
        }
      if (fault->status == 429 || fault->status == 503)
        {
          g_autofree char *seconds = g_strdup_printf ("%u", fault->retry_after);

          soup_message_headers_replace (headers, "Retry-After", seconds);
        }
      _sp_sandbox_respond_error (req, fault->status, NULL, "sandbox fault: %u %s%s", fault->status,
                                 soup_status_get_phrase (fault->status),
                                 fault->after_store ? " (after the request was stored)" : "");
      break;
    }
}

static void
request_cb (SoupServer        *soup,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  SpSandboxServer *self = user_data;
  SpSandboxRequest req = { 0 };
  g_autoptr(SpSandboxFault) fault = NULL;
  const SpSandboxRoute *route;
  const char *fault_header;
  gboolean path_known = FALSE;

  req.db = self->db;
  req.msg = msg;
  req.method = soup_server_message_get_method (msg);
  req.path = path;
  req.query = query;
  req.body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  req.base_uri = self->uri;
  req.token_lifetime = (guint)g_atomic_int_get (&self->token_lifetime);
  req.client_secret = self->client_secret;
  req.server = self;

  /* The control and inspection pages are never faulted nor counted. */
  if (g_str_equal (path, "/sandbox") || g_str_has_prefix (path, "/sandbox/"))
    {
      _sp_sandbox_handle_control (&req);
      _sp_sandbox_request_clear (&req);
      return;
    }

  route = _sp_sandbox_match_route (&req, &path_known);
  req.style = _sp_sandbox_style_for_path (path);

  fault_header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                               "X-Sandbox-Fault");
  if (fault_header != NULL)
    {
      g_autoptr(GError) error = NULL;

      if ((fault = _sp_sandbox_fault_parse_spec (fault_header, &error)) == NULL)
        {
          count_request (self, req.method, route != NULL ? route->pattern : NULL, FALSE);
          _sp_sandbox_respond_gerror (&req, error);
          _sp_sandbox_request_clear (&req);
          return;
        }
    }
  else
    fault = take_fault (self, req.method, path);

  count_request (self, req.method, route != NULL ? route->pattern : NULL, fault != NULL);

  if (fault != NULL && !fault->after_store)
    apply_fault (self, &req, fault);
  else if (route == NULL)
    _sp_sandbox_respond_error (&req, path_known ? 405 : 404, NULL, "%s %s: %s", req.method, path,
                               path_known ? "method not allowed" : "no such endpoint in the sandbox");
  else if (_sp_sandbox_check_auth (&req, route))
    {
      route->handler (&req);
      if (fault != NULL)
        apply_fault (self, &req, fault);
    }

  _sp_sandbox_request_clear (&req);
}

static void
signal_started (SpSandboxServer *self,
                GError          *error)
{
  g_mutex_lock (&self->start_mutex);
  self->start_error = error;
  self->start_done = TRUE;
  g_cond_signal (&self->start_cond);
  g_mutex_unlock (&self->start_mutex);
}

static gboolean
open_database (SpSandboxServer  *self,
               GError          **error)
{
  g_autofree char *path = NULL;
  gboolean fresh = TRUE;

  if (self->state_dir != NULL)
    {
      if (g_mkdir_with_parents (self->state_dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s",
                       self->state_dir, g_strerror (saved_errno));
          return FALSE;
        }
      path = g_build_filename (self->state_dir, "sandbox.db", NULL);
      fresh = !g_file_test (path, G_FILE_TEST_EXISTS);
    }

  if ((self->db = _sp_sandbox_db_open (path, error)) == NULL)
    return FALSE;
  if (fresh && !_sp_sandbox_seed_demo (self->db, error))
    return FALSE;
  return TRUE;
}

static gpointer
server_thread (gpointer data)
{
  SpSandboxServer *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;

  g_main_context_push_thread_default (self->context);

  if (!open_database (self, &error))
    {
      signal_started (self, g_steal_pointer (&error));
      g_main_context_pop_thread_default (self->context);
      return NULL;
    }

  self->stalls = g_hash_table_new_full (NULL, NULL, stall_free, (GDestroyNotify)g_source_destroy);
  self->soup = soup_server_new ("server-header", "stock-promotion-sandbox/" PACKAGE_VERSION, NULL);
  soup_server_add_handler (self->soup, NULL, request_cb, self, NULL);

  /* Loopback only, IPv4 only, so there is exactly one URI. */
  if (!soup_server_listen_local (self->soup, self->port, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    {
      g_prefix_error (&error, "127.0.0.1:%u: ", self->port);
      g_clear_object (&self->soup);
      g_clear_pointer (&self->stalls, g_hash_table_unref);
      g_clear_pointer (&self->db, _sp_sandbox_db_close);
      signal_started (self, g_steal_pointer (&error));
      g_main_context_pop_thread_default (self->context);
      return NULL;
    }

  uris = soup_server_get_uris (self->soup);
  self->port = g_uri_get_port (uris->data);
  self->uri = g_strdup_printf ("http://127.0.0.1:%u/", self->port);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify)g_uri_unref);
  signal_started (self, NULL);

  g_main_loop_run (self->loop);

  g_clear_pointer (&self->stalls, g_hash_table_unref);
  soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_pointer (&self->db, _sp_sandbox_db_close);

  /* Let sources that finished with the server release what they hold. */
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

typedef struct
{
  SpSandboxServer *self;
  GSourceFunc      func;
  gpointer         data;
  gboolean         done;
} Invocation;

static gboolean
invoke_cb (gpointer user_data)
{
  Invocation *invocation = user_data;

  invocation->func (invocation->data);
  g_mutex_lock (&invocation->self->start_mutex);
  invocation->done = TRUE;
  g_cond_broadcast (&invocation->self->start_cond);
  g_mutex_unlock (&invocation->self->start_mutex);
  return G_SOURCE_REMOVE;
}

/* Runs @func on the server thread and waits for it: the database belongs to
 * that thread. The server thread never waits for the caller, so this cannot
 * deadlock. */
static void
run_on_server_thread (SpSandboxServer *self,
                      GSourceFunc      func,
                      gpointer         data)
{
  Invocation invocation = { self, func, data, FALSE };

  g_main_context_invoke (self->context, invoke_cb, &invocation);
  g_mutex_lock (&self->start_mutex);
  while (!invocation.done)
    g_cond_wait (&self->start_cond, &self->start_mutex);
  g_mutex_unlock (&self->start_mutex);
}

static void
sp_sandbox_server_dispose (GObject *object)
{
  SpSandboxServer *self = (SpSandboxServer *)object;

  sp_sandbox_server_stop (self);

  G_OBJECT_CLASS (sp_sandbox_server_parent_class)->dispose (object);
}

static void
sp_sandbox_server_finalize (GObject *object)
{
  SpSandboxServer *self = (SpSandboxServer *)object;

  g_clear_pointer (&self->state_dir, g_free);
  g_clear_pointer (&self->client_secret, g_free);
  g_clear_pointer (&self->faults, g_ptr_array_unref);
  g_clear_pointer (&self->stats, g_hash_table_unref);
  g_clear_error (&self->start_error);
  g_mutex_clear (&self->mutex);
  g_mutex_clear (&self->start_mutex);
  g_cond_clear (&self->start_cond);

  G_OBJECT_CLASS (sp_sandbox_server_parent_class)->finalize (object);
}

static void
sp_sandbox_server_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SpSandboxServer *self = SP_SANDBOX_SERVER (object);

  switch (prop_id)
    {
    case PROP_STATE_DIR:
      g_value_set_string (value, self->state_dir);
      break;
    case PROP_TOKEN_LIFETIME:
      g_value_set_uint (value, sp_sandbox_server_get_token_lifetime (self));
      break;
    case PROP_CLIENT_SECRET:
      g_value_set_string (value, self->client_secret);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_sandbox_server_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SpSandboxServer *self = SP_SANDBOX_SERVER (object);

  switch (prop_id)
    {
    case PROP_STATE_DIR:
      self->state_dir = g_value_dup_string (value);
      break;
    case PROP_TOKEN_LIFETIME:
      sp_sandbox_server_set_token_lifetime (self, g_value_get_uint (value));
      break;
    case PROP_CLIENT_SECRET:
      sp_sandbox_server_set_client_secret (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_sandbox_server_class_init (SpSandboxServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_sandbox_server_dispose;
  object_class->finalize = sp_sandbox_server_finalize;
  object_class->get_property = sp_sandbox_server_get_property;
  object_class->set_property = sp_sandbox_server_set_property;

  /**
   * SpSandboxServer:state-dir:
   *
   * The folder of the sandbox's SQLite file, or %NULL to keep everything in
   * memory for the lifetime of the server.
   */
  properties [PROP_STATE_DIR] =
    g_param_spec_string ("state-dir", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * SpSandboxServer:token-lifetime:
   *
   * The `expires_in` of issued tokens, in seconds. Set it before a token is
   * requested; tests use a short one to exercise expiry.
   */
  properties [PROP_TOKEN_LIFETIME] =
    g_param_spec_uint ("token-lifetime", NULL, NULL, 1, G_MAXINT32, DEFAULT_TOKEN_LIFETIME,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * SpSandboxServer:client-secret:
   *
   * When set, /oauth/token accepts only this client secret; otherwise any
   * non-empty one. Set it before starting the server.
   */
  properties [PROP_CLIENT_SECRET] =
    g_param_spec_string ("client-secret", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_sandbox_server_init (SpSandboxServer *self)
{
  self->token_lifetime = DEFAULT_TOKEN_LIFETIME;
  g_mutex_init (&self->mutex);
  g_mutex_init (&self->start_mutex);
  g_cond_init (&self->start_cond);
  self->faults = g_ptr_array_new_with_free_func ((GDestroyNotify)_sp_sandbox_fault_free);
  self->stats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * sp_sandbox_server_new:
 * @state_dir: (nullable): folder for the sandbox's SQLite file
 *
 * Returns: (transfer full): a server that is not listening yet
 */
SpSandboxServer *
sp_sandbox_server_new (const char *state_dir)
{
  return g_object_new (SP_TYPE_SANDBOX_SERVER, "state-dir", state_dir, NULL);
}

const char *
sp_sandbox_server_get_state_dir (SpSandboxServer *self)
{
  g_return_val_if_fail (SP_IS_SANDBOX_SERVER (self), NULL);

  return self->state_dir;
}

guint
sp_sandbox_server_get_token_lifetime (SpSandboxServer *self)
{
  g_return_val_if_fail (SP_IS_SANDBOX_SERVER (self), 0);

  return (guint)g_atomic_int_get (&self->token_lifetime);
}

void
sp_sandbox_server_set_token_lifetime (SpSandboxServer *self,
                                      guint            seconds)
{
  g_return_if_fail (SP_IS_SANDBOX_SERVER (self));
  g_return_if_fail (seconds > 0 && seconds <= G_MAXINT32);

  if ((guint)g_atomic_int_get (&self->token_lifetime) == seconds)
    return;

  g_atomic_int_set (&self->token_lifetime, (int)seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOKEN_LIFETIME]);
}

const char *
sp_sandbox_server_get_client_secret (SpSandboxServer *self)
{
  g_return_val_if_fail (SP_IS_SANDBOX_SERVER (self), NULL);

  return self->client_secret;
}

void
sp_sandbox_server_set_client_secret (SpSandboxServer *self,
                                     const char      *client_secret)
{
  g_return_if_fail (SP_IS_SANDBOX_SERVER (self));
  g_return_if_fail (self->thread == NULL);

  if (g_strcmp0 (self->client_secret, client_secret) == 0)
    return;

  g_free (self->client_secret);
  self->client_secret = g_strdup (client_secret);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLIENT_SECRET]);
}

/**
 * sp_sandbox_server_start:
 * @port: the loopback port, or 0 for a free one
 *
 * Opens the state and starts listening on 127.0.0.1 on a thread of its own;
 * returns once the server accepts connections (or failed to).
 */
gboolean
sp_sandbox_server_start (SpSandboxServer  *self,
                         guint             port,
                         GError          **error)
{
  GError *start_error;

  g_return_val_if_fail (SP_IS_SANDBOX_SERVER (self), FALSE);
  g_return_val_if_fail (self->thread == NULL, FALSE);
  g_return_val_if_fail (port <= G_MAXUINT16, FALSE);

  self->port = port;
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->start_done = FALSE;
  self->thread = g_thread_new ("sp-sandbox", server_thread, self);

  g_mutex_lock (&self->start_mutex);
  while (!self->start_done)
    g_cond_wait (&self->start_cond, &self->start_mutex);
  start_error = g_steal_pointer (&self->start_error);
  g_mutex_unlock (&self->start_mutex);

  if (start_error != NULL)
    {
      g_thread_join (g_steal_pointer (&self->thread));
      g_clear_pointer (&self->loop, g_main_loop_unref);
      g_clear_pointer (&self->context, g_main_context_unref);
      g_propagate_error (error, start_error);
      return FALSE;
    }

  return TRUE;
}

/**
 * sp_sandbox_server_stop:
 *
 * Stops listening, drops stalled requests and closes the state. Safe to call
 * when the server is not running.
 */
void
sp_sandbox_server_stop (SpSandboxServer *self)
{
  g_return_if_fail (SP_IS_SANDBOX_SERVER (self));

  if (self->thread == NULL)
    return;

  g_main_loop_quit (self->loop);
  g_main_context_wakeup (self->context);
  g_thread_join (g_steal_pointer (&self->thread));
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->uri, g_free);
}

/**
 * sp_sandbox_server_get_uri:
 *
 * Returns: (nullable): the base URI, "http://127.0.0.1:PORT/", while running
 */
const char *
sp_sandbox_server_get_uri (SpSandboxServer *self)
{
  g_return_val_if_fail (SP_IS_SANDBOX_SERVER (self), NULL);

  return self->uri;
}

guint
sp_sandbox_server_get_port (SpSandboxServer *self)
{
  g_return_val_if_fail (SP_IS_SANDBOX_SERVER (self), 0);

  return self->thread != NULL ? self->port : 0;
}

void
_sp_sandbox_server_take_faults (SpSandboxServer *self,
                                GPtrArray       *faults)
{
  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < faults->len; i++)
    g_ptr_array_add (self->faults, _sp_sandbox_fault_copy (g_ptr_array_index (faults, i)));
  g_mutex_unlock (&self->mutex);
}

/**
 * sp_sandbox_server_add_faults:
 * @json: one fault rule object or an array of them
 *
 * Appends fault rules, consumed in order by the requests they match:
 * `{"match": "POST /coupon/<glob>", "fault": 409 | 401 | 429 | 500 | 503 |
 * "stall" | "reset", "times": 1, "retryAfter": 1, "seconds": 35,
 * "afterStore": false}`. See src/sandbox/README.md.
 */
gboolean
sp_sandbox_server_add_faults (SpSandboxServer  *self,
                              const char       *json,
                              GError          **error)
{
  g_autoptr(GPtrArray) faults = NULL;

  g_return_val_if_fail (SP_IS_SANDBOX_SERVER (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  if ((faults = _sp_sandbox_fault_parse_rules (json, error)) == NULL)
    return FALSE;
  _sp_sandbox_server_take_faults (self, faults);
  return TRUE;
}

void
sp_sandbox_server_clear_faults (SpSandboxServer *self)
{
  g_return_if_fail (SP_IS_SANDBOX_SERVER (self));

  g_mutex_lock (&self->mutex);
  g_ptr_array_set_size (self->faults, 0);
  g_mutex_unlock (&self->mutex);
}

guint
sp_sandbox_server_get_pending_faults (SpSandboxServer *self)
{
  guint n;

  g_return_val_if_fail (SP_IS_SANDBOX_SERVER (self), 0);

  g_mutex_lock (&self->mutex);
  n = self->faults->len;
  g_mutex_unlock (&self->mutex);
  return n;
}

/**
 * sp_sandbox_server_get_request_count:
 * @method: (nullable): "PUT", … or %NULL for any
 * @route: (nullable): a route pattern as `GET /sandbox/stats` lists it
 *   ("/price/{tenant}/price-lists/{priceListId}/prices/bulk"), or %NULL for any
 *
 * Returns: how many requests reached that endpoint (faulted ones included)
 */
guint
sp_sandbox_server_get_request_count (SpSandboxServer *self,
                                     const char      *method,
                                     const char      *route)
{
  GHashTableIter iter;
  gpointer key, value;
  guint total = 0;

  g_return_val_if_fail (SP_IS_SANDBOX_SERVER (self), 0);

  g_mutex_lock (&self->mutex);
  g_hash_table_iter_init (&iter, self->stats);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *space = strchr (key, ' ');

      if (method != NULL && strncmp (key, method, space - (const char *)key) != 0)
        continue;
      if (method != NULL && strlen (method) != (gsize)(space - (const char *)key))
        continue;
      if (route != NULL && strcmp (space + 1, route) != 0)
        continue;
      total += GPOINTER_TO_UINT (value);
    }
  g_mutex_unlock (&self->mutex);
  return total;
}

JsonNode *
_sp_sandbox_server_faults_json (SpSandboxServer *self)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < self->faults->len; i++)
    json_array_add_element (array, _sp_sandbox_fault_to_json (g_ptr_array_index (self->faults, i)));
  g_mutex_unlock (&self->mutex);
  json_node_take_array (node, array);
  return node;
}

JsonNode *
_sp_sandbox_server_stats_json (SpSandboxServer *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GList) keys = NULL;

  g_mutex_lock (&self->mutex);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "requests");
  json_builder_add_int_value (builder, self->n_requests);
  json_builder_set_member_name (builder, "faults");
  json_builder_add_int_value (builder, self->n_faults);
  json_builder_set_member_name (builder, "pendingFaults");
  json_builder_add_int_value (builder, self->faults->len);
  json_builder_set_member_name (builder, "endpoints");
  json_builder_begin_object (builder);
  keys = g_list_sort (g_hash_table_get_keys (self->stats), (GCompareFunc)strcmp);
  for (const GList *l = keys; l != NULL; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_int_value (builder, GPOINTER_TO_UINT (g_hash_table_lookup (self->stats,
                                                                                  l->data)));
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  g_mutex_unlock (&self->mutex);
  return json_builder_get_root (builder);
}

void
_sp_sandbox_server_reset_stats (SpSandboxServer *self)
{
  g_mutex_lock (&self->mutex);
  g_hash_table_remove_all (self->stats);
  self->n_requests = 0;
  self->n_faults = 0;
  g_mutex_unlock (&self->mutex);
}

typedef struct
{
  SpSandboxServer *self;
  const char      *kind;
  gint64           count;
  char            *json;
  gboolean         ok;
  GError          *error;
} ServerCall;

static gboolean
count_objects_cb (gpointer data)
{
  ServerCall *call = data;

  call->count = _sp_sandbox_db_count (call->self->db, call->kind);
  return G_SOURCE_REMOVE;
}

/**
 * sp_sandbox_server_count_objects:
 * @kind: (nullable): an object kind as `GET /sandbox/objects` names it
 *   ("coupon", "price", "quote", …), or %NULL for all
 *
 * Returns: how many objects the sandbox holds, or -1 when not running
 */
gint64
sp_sandbox_server_count_objects (SpSandboxServer *self,
                                 const char      *kind)
{
  ServerCall call = { self, kind, -1, NULL, FALSE, NULL };

  g_return_val_if_fail (SP_IS_SANDBOX_SERVER (self), -1);

  if (self->thread == NULL)
    return -1;
  run_on_server_thread (self, count_objects_cb, &call);
  return call.count;
}

static gboolean
dup_objects_cb (gpointer data)
{
  ServerCall *call = data;
  g_autoptr(JsonNode) node = NULL;

  if ((node = _sp_sandbox_objects_json (call->self->db, NULL, &call->error)) != NULL)
    call->json = _sp_sandbox_json_to_string (node);
  return G_SOURCE_REMOVE;
}

/**
 * sp_sandbox_server_dup_objects_json:
 *
 * Returns: (transfer full) (nullable): what `GET /sandbox/objects` answers
 */
char *
sp_sandbox_server_dup_objects_json (SpSandboxServer *self)
{
  ServerCall call = { self, NULL, -1, NULL, FALSE, NULL };

  g_return_val_if_fail (SP_IS_SANDBOX_SERVER (self), NULL);

  if (self->thread == NULL)
    return NULL;
  run_on_server_thread (self, dup_objects_cb, &call);
  if (call.error != NULL)
    {
      g_warning ("Could not list the sandbox objects: %s", call.error->message);
      g_clear_error (&call.error);
    }
  return call.json;
}

typedef struct
{
  SpSandboxServer *self;
  const char      *json;
  gboolean         ok;
  GError          *error;
} SeedCall;

static gboolean
seed_cb (gpointer data)
{
  SeedCall *call = data;

  call->ok = _sp_sandbox_seed_json (call->self->db, call->json, &call->error);
  return G_SOURCE_REMOVE;
}

/**
 * sp_sandbox_server_seed:
 * @json: `{"legal-entity": [{"id": …}, …], "contact-assignment": […], …}`
 *
 * Stores read-only objects (such as companies, which the connector only
 * looks up) in every tenant, as the demo companies are seeded.
 */
gboolean
sp_sandbox_server_seed (SpSandboxServer  *self,
                        const char       *json,
                        GError          **error)
{
  SeedCall call = { self, json, FALSE, NULL };

  g_return_val_if_fail (SP_IS_SANDBOX_SERVER (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);
  g_return_val_if_fail (self->thread != NULL, FALSE);

  run_on_server_thread (self, seed_cb, &call);
  if (!call.ok)
    {
      g_propagate_error (error, call.error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
reset_cb (gpointer data)
{
  ServerCall *call = data;

  call->ok = _sp_sandbox_db_reset (call->self->db, &call->error) &&
             _sp_sandbox_seed_demo (call->self->db, &call->error);
  return G_SOURCE_REMOVE;
}

/**
 * sp_sandbox_server_reset:
 *
 * Forgets every object, token, fault rule and counter, and seeds the demo
 * companies again (as `DELETE /sandbox/objects` does).
 */
gboolean
sp_sandbox_server_reset (SpSandboxServer  *self,
                         GError          **error)
{
  ServerCall call = { self, NULL, -1, NULL, FALSE, NULL };

  g_return_val_if_fail (SP_IS_SANDBOX_SERVER (self), FALSE);
  g_return_val_if_fail (self->thread != NULL, FALSE);

  sp_sandbox_server_clear_faults (self);
  _sp_sandbox_server_reset_stats (self);
  run_on_server_thread (self, reset_cb, &call);
  if (!call.ok)
    {
      g_propagate_error (error, call.error);
      return FALSE;
    }
  return TRUE;
}
