/* sp-flow-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-flow-error.h"

G_DEFINE_QUARK (sp-flow-error-quark, sp_flow_error)
