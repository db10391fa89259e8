/* sp-flow-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SP_FLOW_ERROR (sp_flow_error_quark ())

typedef enum
{
  SP_FLOW_ERROR_CANCELLED = 1,
  SP_FLOW_ERROR_ILLEGAL_STATE,
  SP_FLOW_ERROR_STEP_FAILED,
  SP_FLOW_ERROR_NOT_FOUND,
  SP_FLOW_ERROR_WAITING,
  SP_FLOW_ERROR_BUSY,          /* another process runs the campaign */
} SpFlowError;

GQuark sp_flow_error_quark (void);

G_END_DECLS
