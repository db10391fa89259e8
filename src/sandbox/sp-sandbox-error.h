/* sp-sandbox-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SP_SANDBOX_ERROR (sp_sandbox_error_quark ())

typedef enum
{
  SP_SANDBOX_ERROR_START = 1,
  SP_SANDBOX_ERROR_SQL,
  SP_SANDBOX_ERROR_INVALID,
  SP_SANDBOX_ERROR_FAULT_RULE,
} SpSandboxError;

GQuark sp_sandbox_error_quark (void);

G_END_DECLS
