/* sp-model-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SP_MODEL_ERROR (sp_model_error_quark ())

typedef enum
{
  SP_MODEL_ERROR_INVALID_FIELD = 1,
  SP_MODEL_ERROR_ILLEGAL_TRANSITION,
  SP_MODEL_ERROR_PARSE,
} SpModelError;

GQuark sp_model_error_quark (void);

G_END_DECLS
