/* sp-engine-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-engine-error.h"

G_DEFINE_QUARK (sp-engine-error-quark, sp_engine_error)
