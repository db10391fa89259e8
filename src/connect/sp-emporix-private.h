/* sp-emporix-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inside the Emporix connector: a step is a queue of operations (one HTTP
 * request each) run in order. A write is checkpointed before it is sent and
 * after it is confirmed; its remote id, once confirmed, is never sent again
 * by a resumed step. Handlers may queue follow-up operations (read before
 * create, re-read on a version conflict).
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sp-emporix-connector.h"
#include "sp-http-client.h"
#include "sp-step-run.h"

G_BEGIN_DECLS

typedef struct _SpEmporixJob SpEmporixJob;
typedef struct _SpEmporixOp  SpEmporixOp;

typedef enum
{
  SP_OP_WRITE,          /* 200/201/204 */
  SP_OP_CREATE,         /* 201; 409 means it exists already */
  SP_OP_BULK,           /* 207 with per-item codes; 409 items exist already */
  SP_OP_READ,           /* 200 or 404, for the handler */
} SpEmporixOpKind;

/* Returns FALSE with @error set to fail the step. */
typedef gboolean (*SpEmporixOpHandler) (SpEmporixJob    *job,
                                        SpEmporixOp     *op,
                                        SpHttpResponse  *response,
                                        GError         **error);

struct _SpEmporixOp
{
  SpEmporixOpKind     kind;
  char               *method;
  char               *uri;            /* absolute */
  JsonNode           *body;           /* owned, nullable */
  GBytes             *raw_body;       /* owned, nullable: non-JSON bodies */
  char               *content_type;   /* for raw_body */
  char               *content_language;
  char               *bearer;         /* content platform token, else OAuth */
  gboolean            total_count;
  char               *remote_id;      /* recorded once confirmed */
  char               *skip_id;        /* skip the op when this id is confirmed */
  char               *verify_uri;     /* SP_OP_CREATE: read back here after a 409 */
  SpEmporixOpHandler  handler;        /* nullable */
  gpointer            data;           /* for the handler */
  GDestroyNotify      data_free;
  guint               conflicts;      /* re-reads after 409 so far */
};

SpEmporixOp  *_sp_emporix_op_new        (SpEmporixJob     *job,
                                         SpEmporixOpKind   kind,
                                         const char       *method,
                                         const char       *path,
                                         JsonNode         *body) G_GNUC_WARN_UNUSED_RESULT;
void          _sp_emporix_op_free       (SpEmporixOp      *op);
void          _sp_emporix_job_push      (SpEmporixJob     *job,
                                         SpEmporixOp      *op);
void          _sp_emporix_job_push_front (SpEmporixJob    *job,
                                         SpEmporixOp      *op);
SpStepRun    *_sp_emporix_job_get_step  (SpEmporixJob     *job);
GQueue       *_sp_emporix_job_get_queue (SpEmporixJob     *job);
SpEmporixConnector *_sp_emporix_job_get_connector (SpEmporixJob *job);
gboolean      _sp_emporix_job_is_dry_run (SpEmporixJob    *job);
GBytes       *_sp_emporix_job_get_file  (SpEmporixJob     *job,
                                         const char       *path,
                                         const char      **mime_type);

/* Connector settings the step builders read. */
const char   *_sp_emporix_connector_get_base_url    (SpEmporixConnector *self);
const char   *_sp_emporix_connector_get_tenant      (SpEmporixConnector *self);
guint         _sp_emporix_connector_get_batch_size  (SpEmporixConnector *self);
SpContentConnector *_sp_emporix_connector_get_content (SpEmporixConnector *self);

/* sp-emporix-steps.c: queues the operations of one step. */
gboolean      _sp_emporix_build_step    (SpEmporixJob     *job,
                                         const char       *step_id,
                                         GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpEmporixOp, _sp_emporix_op_free)

G_END_DECLS
