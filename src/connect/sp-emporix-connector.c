/* sp-emporix-connector.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-connect"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sp-connect-error.h"
#include "sp-emporix-private.h"
#include "sp-json.h"

struct _SpEmporixConnector
{
  GObject        parent_instance;

  SpHttpClient  *client;          /* owned */
  char          *base_url;        /* no trailing slash */
  char          *tenant;
  SpContentConnector *content;    /* owned, nullable: banners go there */
  guint          batch_size;
};

static void executor_iface_init (SpStepExecutorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SpEmporixConnector, sp_emporix_connector, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SP_TYPE_STEP_EXECUTOR, executor_iface_init))

struct _SpEmporixJob
{
  SpEmporixConnector *self;       /* owned */
  SpStepRun          *step;       /* owned */
  GTask              *task;       /* owned */
  GQueue              ops;        /* (element-type SpEmporixOp) owned */
  SpEmporixOp        *current;    /* owned */
  guint               n_done;
  GHashTable         *files;      /* owned: local path → (GBytes) its contents */
  GHashTable         *file_types; /* owned: local path → MIME type */
  guint               n_loading;
};

/* ---- Operations ------------------------------------------------------------ */

SpEmporixOp *
_sp_emporix_op_new (SpEmporixJob    *job,
                    SpEmporixOpKind  kind,
                    const char      *method,
                    const char      *path,
                    JsonNode        *body)
{
  SpEmporixOp *op = g_new0 (SpEmporixOp, 1);

  op->kind = kind;
  op->method = g_strdup (method);
  /* Paths starting with "/" are on the commerce platform; anything else
   * is already absolute. */
  if (path[0] == '/')
    op->uri = g_strconcat (job->self->base_url, path, NULL);
  else
    op->uri = g_strdup (path);
  op->body = body;
  return op;
}

void
_sp_emporix_op_free (SpEmporixOp *op)
{
  if (op == NULL)
    return;

  g_free (op->method);
  g_free (op->uri);
  g_clear_pointer (&op->body, json_node_unref);
  g_clear_pointer (&op->raw_body, g_bytes_unref);
  g_free (op->content_type);
  g_free (op->content_language);
  g_free (op->bearer);
  g_free (op->remote_id);
  g_free (op->skip_id);
  g_free (op->verify_uri);
  if (op->data_free != NULL)
    op->data_free (op->data);
  g_free (op);
}

void
_sp_emporix_job_push (SpEmporixJob *job,
                      SpEmporixOp  *op)
{
  g_queue_push_tail (&job->ops, op);
}

void
_sp_emporix_job_push_front (SpEmporixJob *job,
                            SpEmporixOp  *op)
{
  g_queue_push_head (&job->ops, op);
}

SpStepRun *
_sp_emporix_job_get_step (SpEmporixJob *job)
{
  return job->step;
}

GQueue *
_sp_emporix_job_get_queue (SpEmporixJob *job)
{
  return &job->ops;
}

SpEmporixConnector *
_sp_emporix_job_get_connector (SpEmporixJob *job)
{
  return job->self;
}

gboolean
_sp_emporix_job_is_dry_run (SpEmporixJob *job)
{
  return sp_step_run_get_dry_run (job->step);
}

static void
job_free (gpointer data)
{
  SpEmporixJob *job = data;

  g_queue_clear_full (&job->ops, (GDestroyNotify)_sp_emporix_op_free);
  g_clear_pointer (&job->current, _sp_emporix_op_free);
  g_clear_pointer (&job->files, g_hash_table_unref);
  g_clear_pointer (&job->file_types, g_hash_table_unref);
  g_clear_object (&job->step);
  g_clear_object (&job->self);
  g_free (job);
}

static void run_next (SpEmporixJob *job);

static void
fail_job (SpEmporixJob *job,
          GError       *error)
{
  GTask *task = g_steal_pointer (&job->task);

  g_task_return_error (task, error);
  g_object_unref (task);
}

static gboolean
check_bulk (SpEmporixOp     *op,
            SpHttpResponse  *response,
            GError         **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *items;

  if (!(root = sp_json_parse_bytes (response->body, op->uri, error)) ||
      !sp_json_node_get_array (root, "$", &items, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autofree char *path = g_strdup_printf ("$[%u]", i);
      JsonObject *item;
      gint64 code;

      if (!sp_json_node_get_object (json_array_get_element (items, i), path, &item, error) ||
          !sp_json_get_int (item, path, "code", &code, error))
        return FALSE;

      /* 409: the item exists from an earlier, interrupted attempt. */
      if (code != 200 && code != 201 && code != 204 && code != 409)
        {
          const char *message = sp_json_lookup_string (item, "message");

          g_set_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_HTTP,
                       /* Translators: %1$s %2$s is "POST /price/…", %3$s a JSON path */
                       _("%1$s %2$s: %3$s.code is %4$" G_GINT64_FORMAT "%5$s%6$s"),
                       op->method, op->uri, path, code, message ? ": " : "", message ? message : "");
          return FALSE;
        }
    }

  return TRUE;
}

static SpEmporixOp *
copy_create (SpEmporixJob *job,
             SpEmporixOp  *op)
{
  SpEmporixOp *copy = _sp_emporix_op_new (job, op->kind, op->method, op->uri,
                                          op->body ? json_node_copy (op->body) : NULL);

  copy->remote_id = g_strdup (op->remote_id);
  copy->verify_uri = g_strdup (op->verify_uri);
  copy->content_language = g_strdup (op->content_language);
  copy->conflicts = op->conflicts + 1;
  return copy;
}

/* After a 409 on create, the object is read back: present means an earlier
 * attempt created it; absent means the conflict was about something else,
 * and the create is tried again (a few times, then the conflict is
 * surfaced). */
static gboolean
verify_cb (SpEmporixJob    *job,
           SpEmporixOp     *op,
           SpHttpResponse  *response,
           GError         **error)
{
  SpEmporixOp *create = op->data;

  if (response->status == 200)
    {
      sp_step_run_add_remote_id (job->step, create->remote_id);
      return TRUE;
    }

  if (response->status == 404 && create->conflicts < 3)
    {
      _sp_emporix_job_push_front (job, copy_create (job, create));
      return TRUE;
    }

  g_set_error (error, SP_CONNECT_ERROR, SP_CONNECT_ERROR_CONFLICT,
               _("%1$s %2$s: the server reports a conflict, but %3$s cannot be read back (%4$u)"),
               create->method, create->uri, create->remote_id, response->status);
  return FALSE;
}

static gboolean
check_response (SpEmporixJob    *job,
                SpEmporixOp     *op,
                SpHttpResponse  *response,
                GError         **error)
{
  guint status = response->status;
  gboolean ok;

  if (op->handler != NULL)
    return op->handler (job, op, response, error);

  switch (op->kind)
    {
    case SP_OP_CREATE:
      if (status == 409 && op->verify_uri != NULL && !_sp_emporix_job_is_dry_run (job))
        {
          SpEmporixOp *verify = _sp_emporix_op_new (job, SP_OP_READ, "GET", op->verify_uri, NULL);

          verify->handler = verify_cb;
          verify->data = copy_create (job, op);
          ((SpEmporixOp *)verify->data)->conflicts = op->conflicts;
          verify->data_free = (GDestroyNotify)_sp_emporix_op_free;
          _sp_emporix_job_push_front (job, verify);
          /* Not confirmed yet: the read-back decides. */
          g_clear_pointer (&op->remote_id, g_free);
          return TRUE;
        }
      ok = status == 200 || status == 201 || status == 204 || status == 409;
      break;
    case SP_OP_BULK:
      if (status == 207 || status == 200)
        return _sp_emporix_job_is_dry_run (job) || check_bulk (op, response, error);
      ok = FALSE;
      break;
    case SP_OP_READ:
      ok = status == 200;
      break;
    case SP_OP_WRITE:
    default:
      ok = status == 200 || status == 201 || status == 204;
      break;
    }

  if (!ok)
    {
      g_autofree char *message = sp_json_error_message (response->body);

      g_set_error (error, SP_CONNECT_ERROR,
                   status == 409 ? SP_CONNECT_ERROR_CONFLICT :
                   status == 404 ? SP_CONNECT_ERROR_NOT_FOUND : SP_CONNECT_ERROR_HTTP,
                   _("%1$s %2$s: the server answered %3$u%4$s%5$s"),
                   op->method, op->uri, status, message ? ": " : "", message ? message : "");
    }

  return ok;
}

static void
after_checkpoint_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SpEmporixJob *job = user_data;
  GError *error = NULL;

  if (!sp_step_run_checkpoint_finish (SP_STEP_RUN (object), result, &error))
    {
      fail_job (job, error);
      return;
    }

  run_next (job);
}

static void
op_succeeded (SpEmporixJob *job)
{
  SpEmporixOp *op = g_steal_pointer (&job->current);
  gboolean write = op->kind != SP_OP_READ;
  guint total;

  if (op->remote_id != NULL)
    sp_step_run_add_remote_id (job->step, op->remote_id);
  job->n_done++;
  total = job->n_done + g_queue_get_length (&job->ops);
  sp_step_run_report_progress (job->step, (double)job->n_done / MAX (total, 1),
                               op->remote_id ? op->remote_id : op->uri);
  _sp_emporix_op_free (op);

  if (write)
    {
      sp_step_run_set_state (job->step, SP_STEP_RUNNING, "");
      sp_step_run_checkpoint_async (job->step, NULL, after_checkpoint_cb, job);
    }
  else
    run_next (job);
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  SpEmporixJob *job = user_data;
  g_autoptr(SpHttpResponse) response = NULL;
  GError *error = NULL;

  if (!(response = sp_http_client_send_finish (SP_HTTP_CLIENT (object), result, &error)) ||
      !check_response (job, job->current, response, &error))
    {
      fail_job (job, error);
      return;
    }

  op_succeeded (job);
}

static void
send_current (SpEmporixJob *job)
{
  SpEmporixOp *op = job->current;
  SpHttpRequest *request = sp_http_request_new (op->method, op->uri);

  if (op->body != NULL)
    sp_http_request_set_json (request, op->body);
  else if (op->raw_body != NULL)
    {
      request->body = g_bytes_ref (op->raw_body);
      request->content_type = g_strdup (op->content_type);
    }
  request->content_language = g_strdup (op->content_language);
  request->total_count = op->total_count;
  request->idempotency_key = g_strdup_printf ("%s:%s", sp_step_run_get_idempotency_key (job->step),
                                              op->remote_id ? op->remote_id : op->uri);
  if (op->bearer != NULL)
    request->bearer = g_strdup (op->bearer);
  else
    request->use_oauth = TRUE;

  sp_http_client_send_async (job->self->client, request, g_task_get_cancellable (job->task),
                             sent_cb, job);
}

static void
before_checkpoint_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  SpEmporixJob *job = user_data;
  GError *error = NULL;

  if (!sp_step_run_checkpoint_finish (SP_STEP_RUN (object), result, &error))
    {
      fail_job (job, error);
      return;
    }

  send_current (job);
}

static void
dry_run_current (SpEmporixJob *job)
{
  SpEmporixOp *op = job->current;
  g_autoptr(SpHttpResponse) response = g_new0 (SpHttpResponse, 1);
  g_autofree char *body = NULL;
  GError *error = NULL;

  if (op->body != NULL)
    body = json_to_string (op->body, TRUE);
  else if (op->raw_body != NULL)
    body = g_strdup_printf ("<%" G_GSIZE_FORMAT " bytes of %s>", g_bytes_get_size (op->raw_body),
                            op->content_type);
  sp_step_run_report_request (job->step, op->method, op->uri, body);

  /* Nothing exists remotely as far as a dry run knows. */
  response->status = op->kind == SP_OP_READ ? 404 : op->kind == SP_OP_BULK ? 207 : 201;
  if (op->handler != NULL && !op->handler (job, op, response, &error))
    {
      fail_job (job, error);
      return;
    }

  g_clear_pointer (&job->current, _sp_emporix_op_free);
  job->n_done++;
  run_next (job);
}

static void
run_next (SpEmporixJob *job)
{
  SpEmporixOp *op;
  GTask *task;

  if (g_task_return_error_if_cancelled (job->task))
    {
      g_clear_object (&job->task);
      return;
    }

  /* Skip what an earlier attempt of this step already confirmed. */
  while ((op = g_queue_pop_head (&job->ops)) != NULL &&
         ((op->remote_id != NULL && sp_step_run_has_remote_id (job->step, op->remote_id)) ||
          (op->skip_id != NULL && sp_step_run_has_remote_id (job->step, op->skip_id))))
    _sp_emporix_op_free (op);

  if (op == NULL)
    {
      task = g_steal_pointer (&job->task);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  job->current = op;

  if (_sp_emporix_job_is_dry_run (job))
    {
      dry_run_current (job);
      return;
    }

  if (op->kind == SP_OP_READ)
    {
      send_current (job);
      return;
    }

  /* The request is on disk before it leaves. */
  {
    g_autofree char *note = g_strdup_printf ("sending %s %s", op->method, op->uri);

    sp_step_run_set_state (job->step, SP_STEP_RUNNING, note);
    sp_step_run_checkpoint_async (job->step, NULL, before_checkpoint_cb, job);
  }
}

/* ---- SpStepExecutor ---------------------------------------------------------- */

static gboolean load_files (SpEmporixJob *job, GCancellable *cancellable);

static void
execute_async (SpStepExecutor      *executor,
               SpStepRun           *step,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  SpEmporixConnector *self = SP_EMPORIX_CONNECTOR (executor);
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  SpEmporixJob *job;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, execute_async);

  job = g_new0 (SpEmporixJob, 1);
  job->self = g_object_ref (self);
  job->step = g_object_ref (step);
  job->task = g_object_ref (task);
  g_queue_init (&job->ops);
  /* The task owns the job; the job holds the task only while running. */
  g_task_set_task_data (task, job, job_free);

  if (load_files (job, cancellable))
    return;   /* file_loaded_cb builds the step */

  if (!_sp_emporix_build_step (job, sp_step_run_get_step_id (step), &error))
    {
      g_clear_object (&job->task);
      g_task_return_error (task, error);
      return;
    }

  run_next (job);
}

/* ---- Local files (banner images), read before the step is built --------- */

/**
 * _sp_emporix_job_get_file:
 * @path: a local file a banner names
 * @mime_type: (out) (optional): its MIME type, from its contents
 *
 * Returns: (transfer none) (nullable): the file's contents, read before the
 *   step was built, or %NULL when the step did not ask for it
 */
GBytes *
_sp_emporix_job_get_file (SpEmporixJob  *job,
                          const char    *path,
                          const char   **mime_type)
{
  if (mime_type != NULL)
    *mime_type = job->file_types ? g_hash_table_lookup (job->file_types, path) : NULL;
  return job->files ? g_hash_table_lookup (job->files, path) : NULL;
}

static void
build_and_run (SpEmporixJob *job)
{
  GError *error = NULL;

  if (!_sp_emporix_build_step (job, sp_step_run_get_step_id (job->step), &error))
    {
      fail_job (job, error);
      return;
    }

  run_next (job);
}

typedef struct
{
  GTask *task;   /* owned: keeps the job alive */
  char  *path;
} FileLoad;

static void
file_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  FileLoad *load = user_data;
  g_autoptr(GTask) task = load->task;
  g_autofree char *path = load->path;
  SpEmporixJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *type = NULL;
  g_autofree char *mime = NULL;
  gsize length = 0;

  g_free (load);
  job->n_loading--;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      if (job->task != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail_job (job, g_steal_pointer (&error));
      else if (job->task != NULL)
        fail_job (job, g_error_new (SP_CONNECT_ERROR, SP_CONNECT_ERROR_CONFIG,
                                    _("The banner image “%s” cannot be read: %s"), path,
                                    error->message));
      return;
    }
  if (job->task == NULL)
    return;   /* another file failed the step already */

  /* What the bytes are, not what the name says. */
  type = g_content_type_guess (NULL, (const guchar *)contents, length, NULL);
  mime = g_content_type_get_mime_type (type);
  if (length == 0 || mime == NULL || !g_str_has_prefix (mime, "image/"))
    {
      fail_job (job, g_error_new (SP_CONNECT_ERROR, SP_CONNECT_ERROR_CONFIG,
                                  _("The banner image “%s” is not an image (%s)"), path,
                                  mime ? mime : type));
      return;
    }

  g_hash_table_insert (job->file_types, g_strdup (path), g_steal_pointer (&mime));
  g_hash_table_insert (job->files, g_strdup (path),
                       g_bytes_new_take (g_steal_pointer (&contents), length));
  if (job->n_loading == 0)
    build_and_run (job);
}

/* The imagery and banners steps upload the banners' own images: they are
 * read here, off the main thread, before the step's requests are built. */
static gboolean
load_files (SpEmporixJob *job,
            GCancellable *cancellable)
{
  const char *step_id = sp_step_run_get_step_id (job->step);
  SpRunInput *input = sp_step_run_get_input (job->step);

  if (!g_str_equal (step_id, "imagery") && !g_str_equal (step_id, "banners"))
    return FALSE;

  job->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
  job->file_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < input->banners->len; i++)
    {
      const SpRunBanner *banner = g_ptr_array_index (input->banners, i);
      g_autoptr(GFile) file = NULL;
      FileLoad *load;

      if (banner->image_path == NULL || banner->image_path[0] == '\0' ||
          g_hash_table_contains (job->files, banner->image_path))
        continue;

      /* Placeholder until loaded, so that a path is read once. */
      g_hash_table_insert (job->files, g_strdup (banner->image_path), g_bytes_new (NULL, 0));
      file = g_file_new_for_path (banner->image_path);
      load = g_new0 (FileLoad, 1);
      load->task = g_object_ref (job->task);
      load->path = g_strdup (banner->image_path);
      job->n_loading++;
      g_file_load_contents_async (file, cancellable, file_loaded_cb, load);
    }

  return job->n_loading > 0;
}

static gboolean
execute_finish (SpStepExecutor  *executor,
                GAsyncResult    *result,
                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, executor), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
executor_iface_init (SpStepExecutorInterface *iface)
{
  iface->execute_async = execute_async;
  iface->execute_finish = execute_finish;
}

/* ---- GObject --------------------------------------------------------------- */

static void
sp_emporix_connector_finalize (GObject *object)
{
  SpEmporixConnector *self = (SpEmporixConnector *)object;

  g_clear_object (&self->client);
  g_free (self->base_url);
  g_free (self->tenant);
  g_clear_object (&self->content);

  G_OBJECT_CLASS (sp_emporix_connector_parent_class)->finalize (object);
}

static void
sp_emporix_connector_class_init (SpEmporixConnectorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_emporix_connector_finalize;
}

static void
sp_emporix_connector_init (SpEmporixConnector *self)
{
  self->batch_size = SP_EMPORIX_MAX_BATCH;
}

static char *
strip_slash (const char *url)
{
  char *copy = g_strdup (url);
  gsize len = strlen (copy);

  while (len > 0 && copy[len - 1] == '/')
    copy[--len] = '\0';
  return copy;
}

/**
 * sp_emporix_connector_new:
 * @client: the application's HTTP client, with its token cache set
 * @base_url: "https://api.emporix.io" or the sandbox's URI
 * @tenant: the tenant, lower case
 *
 * Returns: (transfer full): a connector
 */
SpEmporixConnector *
sp_emporix_connector_new (SpHttpClient *client,
                         const char   *base_url,
                         const char   *tenant)
{
  SpEmporixConnector *self;

  g_return_val_if_fail (SP_IS_HTTP_CLIENT (client), NULL);
  g_return_val_if_fail (base_url != NULL && tenant != NULL, NULL);

  self = g_object_new (SP_TYPE_EMPORIX_CONNECTOR, NULL);
  self->client = g_object_ref (client);
  self->base_url = strip_slash (base_url);
  self->tenant = g_ascii_strdown (tenant, -1);
  return self;
}

/**
 * sp_emporix_connector_get_client:
 *
 * Returns: (transfer none): the HTTP client
 */
SpHttpClient *
sp_emporix_connector_get_client (SpEmporixConnector *self)
{
  g_return_val_if_fail (SP_IS_EMPORIX_CONNECTOR (self), NULL);
  return self->client;
}

void
sp_emporix_connector_set_batch_size (SpEmporixConnector *self,
                                     guint               batch_size)
{
  g_return_if_fail (SP_IS_EMPORIX_CONNECTOR (self));

  /* The platform accepts at most 200 items per bulk request. */
  self->batch_size = CLAMP (batch_size, 1, SP_EMPORIX_MAX_BATCH);
}

/**
 * sp_emporix_connector_set_content:
 * @content: (nullable): the content platform for banners
 */
void
sp_emporix_connector_set_content (SpEmporixConnector *self,
                                  SpContentConnector *content)
{
  g_return_if_fail (SP_IS_EMPORIX_CONNECTOR (self));
  g_return_if_fail (!content || SP_IS_CONTENT_CONNECTOR (content));

  g_set_object (&self->content, content);
}

const char *
_sp_emporix_connector_get_base_url (SpEmporixConnector *self)
{
  return self->base_url;
}

const char *
_sp_emporix_connector_get_tenant (SpEmporixConnector *self)
{
  return self->tenant;
}

guint
_sp_emporix_connector_get_batch_size (SpEmporixConnector *self)
{
  return self->batch_size;
}

SpContentConnector *
_sp_emporix_connector_get_content (SpEmporixConnector *self)
{
  return self->content;
}
