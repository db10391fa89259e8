/* sp-engine-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SP_ENGINE_ERROR (sp_engine_error_quark ())

typedef enum
{
  SP_ENGINE_ERROR_INVALID = 1,
  SP_ENGINE_ERROR_UNKNOWN_REFERENCE,
  SP_ENGINE_ERROR_PARSE,
} SpEngineError;

GQuark sp_engine_error_quark (void);

G_END_DECLS
