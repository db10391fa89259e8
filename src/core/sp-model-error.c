/* sp-model-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-model-error.h"

G_DEFINE_QUARK (sp-model-error-quark, sp_model_error)
