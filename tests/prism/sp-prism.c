/* sp-prism.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>

#include "sp-prism.h"

#define READY_TIMEOUT_S 120   /* a cold node start with a large spec on a busy CI machine */
#define QUIET_MS        150   /* output settles this long before violations are read */

typedef struct
{
  SpPrism          *prism;      /* borrowed */
  char             *spec;       /* owned; as passed */
  char             *uri;        /* owned */
  GSubprocess      *process;    /* owned */
  GDataInputStream *output;     /* owned; stdout and stderr merged */
  GCancellable     *cancellable;/* owned */
  GString          *log;        /* owned */
  gboolean          ready;
  gboolean          eof;
} Instance;

struct _SpPrism
{
  GPtrArray *instances;            /* owned; Instance */
  GPtrArray *violations;           /* owned; request-side error lines */
  GPtrArray *response_violations;  /* owned; response-side ones (spec defects, MAPPING.md §13) */
  gint64     last_output;          /* monotonic µs */
};

/* ../shared: $SP_SHARED_DIR (the test environment sets it), else beside
 * $SP_SOURCE_ROOT, else relative to the working folder. */
static char *
shared_dir (void)
{
  const char *shared = g_getenv ("SP_SHARED_DIR");
  const char *root = g_getenv ("SP_SOURCE_ROOT");

  if (shared != NULL && shared[0] != '\0')
    return g_strdup (shared);
  if (root != NULL && root[0] != '\0')
    return g_build_filename (root, "..", "shared", NULL);
  return g_strdup ("../shared");
}

static void
instance_free (Instance *instance)
{
  g_cancellable_cancel (instance->cancellable);
  g_clear_object (&instance->output);
  g_clear_object (&instance->process);
  g_clear_object (&instance->cancellable);
  g_string_free (instance->log, TRUE);
  g_free (instance->spec);
  g_free (instance->uri);
  g_free (instance);
}

char *
sp_prism_find_binary (GError **error)
{
  const char *env = g_getenv ("SP_PRISM");
  g_autofree char *shared = shared_dir ();
  g_autofree char *version_file = NULL;
  g_autofree char *version = NULL;
  g_autofree char *base = NULL;
  char *path;

  if (env != NULL && env[0] != '\0')
    {
      if (g_file_test (env, G_FILE_TEST_IS_EXECUTABLE))
        return g_strdup (env);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "SP_PRISM=%s is not an executable",
                   env);
      return NULL;
    }

  /* The cache of build-aux/install-npm-tools.sh, for the pinned version. */
  version_file = g_build_filename (shared, "emporix", "prism-version.txt", NULL);
  if (!g_file_get_contents (version_file, &version, NULL, error))
    return NULL;
  g_strstrip (version);
  base = g_strdup (g_getenv ("SP_NPM_TOOLS_DIR"));
  if (base == NULL || base[0] == '\0')
    {
      g_free (base);
      base = g_build_filename (g_get_user_cache_dir (), "stock-promotion", "npm-tools", NULL);
    }
  path = g_strdup_printf ("%s/prism-cli-%s/node_modules/.bin/prism", base, version);
  if (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    return path;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               "Prism %s is not installed at %s; run build-aux/install-npm-tools.sh or set SP_PRISM",
               version, path);
  g_free (path);
  return NULL;
}

/* Returns TRUE when Prism can be used. Otherwise exits the test program:
 * 77 (skip) on a developer machine, 1 (fail) in CI (CI=true). */
gboolean
sp_prism_available_or_skip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *binary = sp_prism_find_binary (&error);
  const char *ci = g_getenv ("CI");

  if (binary != NULL)
    return TRUE;

  if (ci != NULL && (g_ascii_strcasecmp (ci, "true") == 0 || strcmp (ci, "1") == 0))
    {
      fprintf (stderr, "FAIL: %s (CI=true: the contract tests must run in CI)\n", error->message);
      exit (1);
    }
  fprintf (stderr, "SKIP: %s\n", error->message);
  exit (77);
}

static guint
find_free_port (GError **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  if ((socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                              error)) == NULL ||
      !g_socket_bind (socket, address, FALSE, error) ||
      (bound = g_socket_get_local_address (socket, error)) == NULL)
    return 0;
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
child_setup (gpointer user_data)
{
  /* Prism dies with the test program, even when the test crashes. */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static gboolean
is_violation (const char *line)
{
  return strstr (line, "[VALIDATOR]") != NULL && strstr (line, "error") != NULL;
}

static void read_line (Instance *instance);

static void
line_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Instance *instance = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  gsize length;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object), result, &length,
                                                    &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (line == NULL)
    {
      instance->eof = TRUE;
      return;
    }

  instance->prism->last_output = g_get_monotonic_time ();
  g_string_append (instance->log, line);
  g_string_append_c (instance->log, '\n');
  if (strstr (line, "Prism is listening on") != NULL)
    instance->ready = TRUE;
  if (is_violation (line))
    {
      g_autofree char *entry = g_strdup_printf ("%s: %s", instance->spec, line);

      if (strstr (line, "Violation: response") != NULL)
        g_ptr_array_add (instance->prism->response_violations, g_steal_pointer (&entry));
      else
        g_ptr_array_add (instance->prism->violations, g_steal_pointer (&entry));
    }
  read_line (instance);
}

static void
read_line (Instance *instance)
{
  g_data_input_stream_read_line_async (instance->output, G_PRIORITY_DEFAULT, instance->cancellable,
                                       line_read_cb, instance);
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static char *
spec_path (const char *spec)
{
  g_autofree char *shared = shared_dir ();

  if (g_path_is_absolute (spec))
    return g_strdup (spec);
  return g_build_filename (shared, "emporix", "specs", spec, NULL);
}

static SpPrism *
start (const char *const  *specs,
       const char         *upstream,
       GError            **error)
{
  g_autoptr(SpPrism) self = g_new0 (SpPrism, 1);
  g_autofree char *binary = NULL;
  gboolean timed_out = FALSE;
  guint timeout_id;

  self->instances = g_ptr_array_new_with_free_func ((GDestroyNotify)instance_free);
  self->violations = g_ptr_array_new_with_free_func (g_free);
  self->response_violations = g_ptr_array_new_with_free_func (g_free);

  if ((binary = sp_prism_find_binary (error)) == NULL)
    return NULL;

  for (guint i = 0; specs[i] != NULL; i++)
    {
      g_autoptr(GSubprocessLauncher) launcher = NULL;
      g_autofree char *path = spec_path (specs[i]);
      g_autofree char *port_text = NULL;
      Instance *instance;
      guint port;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s: no such spec", path);
          return NULL;
        }
      if ((port = find_free_port (error)) == 0)
        return NULL;
      port_text = g_strdup_printf ("%u", port);

      instance = g_new0 (Instance, 1);
      instance->prism = self;
      instance->spec = g_strdup (specs[i]);
      instance->uri = g_strdup_printf ("http://127.0.0.1:%u/", port);
      instance->cancellable = g_cancellable_new ();
      instance->log = g_string_new (NULL);
      g_ptr_array_add (self->instances, instance);

      launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE);
      g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
      /* Plain lines, no colours, so they can be matched. */
      g_subprocess_launcher_setenv (launcher, "NO_COLOR", "1", TRUE);
      g_subprocess_launcher_setenv (launcher, "FORCE_COLOR", "0", TRUE);
      if (upstream != NULL)
        instance->process = g_subprocess_launcher_spawn (launcher, error, binary, "proxy",
                                                         "--errors",
                                                         "-h", "127.0.0.1", "-p", port_text, path, upstream,
                                                         NULL);
      else
        instance->process = g_subprocess_launcher_spawn (launcher, error, binary, "mock",
                                                         "--errors",
                                                         "-h", "127.0.0.1", "-p", port_text, path, NULL);
      if (instance->process == NULL)
        return NULL;
      instance->output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (instance->process));
      read_line (instance);
    }

  timeout_id = g_timeout_add_seconds (READY_TIMEOUT_S, set_flag_cb, &timed_out);
  for (;;)
    {
      gboolean all_ready = TRUE;

      for (guint i = 0; i < self->instances->len; i++)
        {
          Instance *instance = g_ptr_array_index (self->instances, i);

          if (instance->eof && !instance->ready)
            {
              g_source_remove (timeout_id);
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "Prism exited before listening (%s):\n%s",
                           instance->spec, instance->log->str);
              return NULL;
            }
          all_ready &= instance->ready;
        }
      if (all_ready)
        break;
      if (timed_out)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "Prism did not listen within %d s",
                       READY_TIMEOUT_S);
          return NULL;
        }
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (timeout_id);

  return g_steal_pointer (&self);
}

/**
 * sp_prism_start:
 * @specs: spec file names in ../shared/emporix/specs ("price-service.yml"),
 *   or absolute paths
 *
 * Starts one `prism mock --errors -h 127.0.0.1` per spec on a free port and
 * waits until all listen.
 *
 * Returns: (transfer full): the running servers, or %NULL with @error set
 */
SpPrism *
sp_prism_start (const char *const  *specs,
                GError            **error)
{
  return start (specs, NULL, error);
}

/**
 * sp_prism_start_proxy:
 * @upstream: the server to check, e.g. the sandbox's "http://127.0.0.1:PORT"
 *
 * Like sp_prism_start(), but `prism proxy --errors`: each request goes on to
 * @upstream, and both the request and the upstream's answer are validated
 * against the spec (an invalid answer becomes a 500 with sl-violations).
 */
SpPrism *
sp_prism_start_proxy (const char *const  *specs,
                      const char         *upstream,
                      GError            **error)
{
  g_autofree char *trimmed = g_strdup (upstream);
  gsize length = strlen (trimmed);

  /* Prism appends the request path to the upstream as it is. */
  if (length > 0 && trimmed[length - 1] == '/')
    trimmed[length - 1] = '\0';
  return start (specs, trimmed, error);
}

/* Returns: (nullable): the base URI ("http://127.0.0.1:PORT/") serving @spec */
const char *
sp_prism_get_uri (SpPrism    *self,
                  const char *spec)
{
  for (guint i = 0; i < self->instances->len; i++)
    {
      Instance *instance = g_ptr_array_index (self->instances, i);

      if (strcmp (instance->spec, spec) == 0)
        return instance->uri;
    }
  return NULL;
}

/* Lets Prism's output settle: its log lines can arrive after the answer. */
static void
drain (SpPrism *self)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add (2000, set_flag_cb, &timed_out);

  self->last_output = MAX (self->last_output, g_get_monotonic_time ());
  while (!timed_out && g_get_monotonic_time () - self->last_output < QUIET_MS * 1000)
    {
      gboolean tick = FALSE;

      g_timeout_add (20, set_flag_cb, &tick);
      while (!tick)
        g_main_context_iteration (NULL, TRUE);
    }
  if (!timed_out)
    g_source_remove (timeout_id);
}

static GPtrArray *
copy_lines (GPtrArray *lines)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (lines, i)));
  return copy;
}

/**
 * sp_prism_dup_violations:
 *
 * Returns: (transfer full) (element-type utf8): Prism's request validation
 *   errors since the start or the last sp_prism_clear_violations(), one
 *   line each, prefixed with the spec
 */
GPtrArray *
sp_prism_dup_violations (SpPrism *self)
{
  drain (self);
  return copy_lines (self->violations);
}

/* Returns: (transfer full) (element-type utf8): violations of Prism's own
 * mock responses; these are spec defects (MAPPING.md §13), not ours. */
GPtrArray *
sp_prism_dup_response_violations (SpPrism *self)
{
  drain (self);
  return copy_lines (self->response_violations);
}

void
sp_prism_clear_violations (SpPrism *self)
{
  drain (self);
  g_ptr_array_set_size (self->violations, 0);
  g_ptr_array_set_size (self->response_violations, 0);
}

void
sp_prism_assert_no_violations (SpPrism *self)
{
  g_autoptr(GPtrArray) violations = sp_prism_dup_violations (self);

  for (guint i = 0; i < violations->len; i++)
    g_printerr ("Prism violation: %s\n", (const char *)g_ptr_array_index (violations, i));
  g_assert_cmpuint (violations->len, ==, 0);
}

char *
sp_prism_dup_log (SpPrism    *self,
                  const char *spec)
{
  drain (self);
  for (guint i = 0; i < self->instances->len; i++)
    {
      Instance *instance = g_ptr_array_index (self->instances, i);

      if (strcmp (instance->spec, spec) == 0)
        return g_strdup (instance->log->str);
    }
  return NULL;
}

/* Returns: (nullable): the "sl-violations" header Prism adds to an answer
 * for an invalid request (or an invalid mock response) */
const char *
sp_prism_header_violations (SoupMessageHeaders *response_headers)
{
  return soup_message_headers_get_one (response_headers, "sl-violations");
}

static void
waited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);  /* only waiting for the exit */
  *(gboolean *)user_data = TRUE;
}

/* Stops every Prism (SIGTERM, then SIGKILL after 5 s) and reaps it. */
void
sp_prism_stop (SpPrism *self)
{
  for (guint i = 0; i < self->instances->len; i++)
    {
      Instance *instance = g_ptr_array_index (self->instances, i);
      gboolean exited = FALSE, timed_out = FALSE;
      guint timeout_id;

      if (instance->process == NULL)
        continue;
      g_cancellable_cancel (instance->cancellable);
      g_subprocess_send_signal (instance->process, SIGTERM);
      g_subprocess_wait_async (instance->process, NULL, waited_cb, &exited);
      timeout_id = g_timeout_add_seconds (5, set_flag_cb, &timed_out);
      while (!exited && !timed_out)
        g_main_context_iteration (NULL, TRUE);
      if (!exited)
        {
          g_subprocess_force_exit (instance->process);
          while (!exited)
            g_main_context_iteration (NULL, TRUE);
        }
      else
        g_source_remove (timeout_id);
      g_clear_object (&instance->output);
      g_clear_object (&instance->process);
    }
}

void
sp_prism_free (SpPrism *self)
{
  if (self == NULL)
    return;
  sp_prism_stop (self);
  g_ptr_array_unref (self->instances);
  g_ptr_array_unref (self->violations);
  g_ptr_array_unref (self->response_violations);
  g_free (self);
}
