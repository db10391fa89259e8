/* sp-step-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sp-stream.h"

G_BEGIN_DECLS

#define SP_TYPE_STEP_ROW (sp_step_row_get_type ())

G_DECLARE_FINAL_TYPE (SpStepRow, sp_step_row, SP, STEP_ROW, AdwActionRow)

GtkWidget   *sp_step_row_new          (const SpStepDef *def);
const char  *sp_step_row_get_step     (SpStepRow       *self);
SpStepState  sp_step_row_get_state    (SpStepRow       *self);
void         sp_step_row_set_state    (SpStepRow       *self,
                                       SpStepState      state,
                                       const char      *reason);
void         sp_step_row_set_progress (SpStepRow       *self,
                                       double           fraction,
                                       const char      *message);

G_END_DECLS
