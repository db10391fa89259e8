/* sp-sandbox-request-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One request being answered by the sandbox, and the helpers the route
 * handlers answer with. Everything here runs on the server thread.
 */

#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "sp-sandbox-db-private.h"
#include "sp-sandbox-json-private.h"

G_BEGIN_DECLS

#define SP_SANDBOX_MAX_PARAMS 6
#define SP_SANDBOX_BULK_LIMIT 200

/* The error body shapes of MAPPING.md §1.3. */
typedef enum
{
  SP_SANDBOX_STYLE_EMPORIX,          /* {"code", "status", "message", "details": ["…"]} */
  SP_SANDBOX_STYLE_DETAIL_OBJECTS,   /* the same, "details": [{"type", "message"}] (product, schema) */
  SP_SANDBOX_STYLE_DETAIL_OBJECT,    /* the same, "details": {"type", "message"} (segment) */
  SP_SANDBOX_STYLE_COUPON,           /* {"status": 409, "type": "conflict_resource", …} */
} SpSandboxErrorStyle;

typedef struct
{
  SpSandboxDb         *db;              /* borrowed */
  SoupServerMessage   *msg;             /* borrowed */
  const char          *method;          /* borrowed */
  const char          *path;            /* borrowed */
  GHashTable          *query;           /* borrowed; nullable */
  GBytes              *body;            /* owned */
  const char          *route;           /* borrowed; the pattern that matched */
  char                *params[SP_SANDBOX_MAX_PARAMS];  /* owned; the {…} segments */
  guint                n_params;
  const char          *base_uri;        /* borrowed; "http://127.0.0.1:PORT/" */
  SpSandboxErrorStyle  style;
  guint                token_lifetime;  /* seconds */
  const char          *client_secret;   /* borrowed; nullable = any secret */
  gpointer             server;          /* borrowed SpSandboxServer, for /sandbox pages */
} SpSandboxRequest;

typedef void (*SpSandboxHandler) (SpSandboxRequest *req);

void         _sp_sandbox_request_clear    (SpSandboxRequest  *req);
void         _sp_sandbox_request_clear_params (SpSandboxRequest *req);
const char  *_sp_sandbox_query            (SpSandboxRequest  *req,
                                           const char        *name);
const char  *_sp_sandbox_header           (SpSandboxRequest  *req,
                                           const char        *name);
void         _sp_sandbox_respond_json     (SpSandboxRequest  *req,
                                           guint              status,
                                           JsonNode          *node);
void         _sp_sandbox_respond_text     (SpSandboxRequest  *req,
                                           guint              status,
                                           const char        *content_type,
                                           const char        *text);
void         _sp_sandbox_respond_empty    (SpSandboxRequest  *req,
                                           guint              status);
void         _sp_sandbox_respond_id       (SpSandboxRequest  *req,
                                           guint              status,
                                           const char        *id);
void         _sp_sandbox_respond_error    (SpSandboxRequest  *req,
                                           guint              status,
                                           const char        *error_code,
                                           const char        *format,
                                           ...) G_GNUC_PRINTF (4, 5);
void         _sp_sandbox_respond_gerror   (SpSandboxRequest  *req,
                                           const GError      *error);
void         _sp_sandbox_respond_unauthorized (SpSandboxRequest *req,
                                               const char      *faultstring,
                                               const char      *errorcode);
JsonNode    *_sp_sandbox_parse_body       (SpSandboxRequest  *req);
gboolean     _sp_sandbox_paging           (SpSandboxRequest  *req,
                                           gint64             default_size,
                                           gint64            *offset,
                                           gint64            *limit);
void         _sp_sandbox_set_total        (SpSandboxRequest  *req,
                                           gint64             total);
JsonNode    *_sp_sandbox_row_to_json      (const SpSandboxRow *row,
                                           const char        *id_member);
JsonNode    *_sp_sandbox_rows_to_json     (GPtrArray         *rows,
                                           const char        *id_member);
char        *_sp_sandbox_new_id           (void);
SpSandboxErrorStyle _sp_sandbox_style_for_path (const char *path);

/* Route handlers (sp-sandbox-routes-*.c) */
void _sp_sandbox_dispatch (SpSandboxRequest *req);

G_END_DECLS
