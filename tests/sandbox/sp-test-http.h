/* sp-test-http.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A tiny async libsoup client for tests: one request, the main loop spun
 * until the answer (or the transport error) arrives.
 */

#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint               status;    /* 0 on a transport error */
  GBytes             *body;      /* owned; NULL on a transport error */
  SoupMessageHeaders *headers;   /* owned (ref) */
  GError             *error;     /* owned; the transport error */
  JsonNode           *json;      /* owned; the body parsed, when it is JSON */
} SpTestResponse;

void            sp_test_response_free (SpTestResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpTestResponse, sp_test_response_free)

SoupSession    *sp_test_session_new   (guint        timeout_seconds);
SpTestResponse *sp_test_send          (SoupSession *session,
                                       const char  *method,
                                       const char  *uri,
                                       const char  *token,
                                       const char  *content_type,
                                       GBytes      *body,
                                       const char  *const *headers);
SpTestResponse *sp_test_send_json     (SoupSession *session,
                                       const char  *method,
                                       const char  *uri,
                                       const char  *token,
                                       const char  *json);
char           *sp_test_get_token     (SoupSession *session,
                                       const char  *base_uri);
const char     *sp_test_member_string (SpTestResponse *response,
                                       const char     *member);
gint64          sp_test_member_int    (SpTestResponse *response,
                                       const char     *member);
char           *sp_test_read_shared   (const char  *relative_path);

G_END_DECLS
