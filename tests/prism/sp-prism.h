/* sp-prism.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Contract tests against Prism (@stoplight/prism-cli, the version pinned in
 * ../shared/emporix/prism-version.txt, installed by
 * build-aux/install-npm-tools.sh). One `prism mock --errors` per spec, each
 * on a free port of 127.0.0.1; every request validation error Prism prints
 * is collected, so a test can fail on any of them.
 *
 *   if (!sp_prism_available_or_skip ())    // exits 77 unless in CI
 *     ...
 *   g_autoptr(SpPrism) prism = sp_prism_start ((const char *[]) { "price-service.yml", NULL }, &error);
 *   uri = sp_prism_get_uri (prism, "price-service.yml");     // "http://127.0.0.1:PORT/"
 *   … send requests to uri + "price/stockdemo/…" with "Authorization: Bearer x" …
 *   g_autoptr(GPtrArray) violations = sp_prism_dup_violations (prism);
 *   g_assert_cmpuint (violations->len, ==, 0);               // or sp_prism_assert_no_violations ()
 *
 * sp_prism_start_proxy () puts Prism in front of a real server instead (the
 * sandbox), validating its answers as well.
 *
 * Everything runs on the thread-default main context, which the helper spins
 * while it waits (start-up, output).
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _SpPrism SpPrism;

char       *sp_prism_find_binary         (GError             **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean    sp_prism_available_or_skip   (void);
SpPrism    *sp_prism_start               (const char  *const  *specs,
                                          GError             **error) G_GNUC_WARN_UNUSED_RESULT;
SpPrism    *sp_prism_start_proxy         (const char  *const  *specs,
                                          const char          *upstream,
                                          GError             **error) G_GNUC_WARN_UNUSED_RESULT;
const char *sp_prism_get_uri             (SpPrism             *self,
                                          const char          *spec);
GPtrArray  *sp_prism_dup_violations      (SpPrism             *self) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray  *sp_prism_dup_response_violations (SpPrism         *self) G_GNUC_WARN_UNUSED_RESULT;
void        sp_prism_clear_violations    (SpPrism             *self);
void        sp_prism_assert_no_violations (SpPrism            *self);
char       *sp_prism_dup_log             (SpPrism             *self,
                                          const char          *spec) G_GNUC_WARN_UNUSED_RESULT;
const char *sp_prism_header_violations   (SoupMessageHeaders  *response_headers);
void        sp_prism_stop                (SpPrism             *self);
void        sp_prism_free                (SpPrism             *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpPrism, sp_prism_free)

G_END_DECLS
