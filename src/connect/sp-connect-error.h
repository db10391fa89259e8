/* sp-connect-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SP_CONNECT_ERROR (sp_connect_error_quark ())

typedef enum
{
  SP_CONNECT_ERROR_BAD_RESPONSE = 1,
  SP_CONNECT_ERROR_AUTH,
  SP_CONNECT_ERROR_CONFLICT,
  SP_CONNECT_ERROR_CONFIG,
  SP_CONNECT_ERROR_HTTP,
  SP_CONNECT_ERROR_TRANSPORT,
  SP_CONNECT_ERROR_RATE_LIMITED,
  SP_CONNECT_ERROR_NOT_FOUND,
} SpConnectError;

GQuark sp_connect_error_quark (void);

G_END_DECLS
