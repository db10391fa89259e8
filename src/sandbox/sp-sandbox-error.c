/* sp-sandbox-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-sandbox-error.h"

G_DEFINE_QUARK (sp-sandbox-error-quark, sp_sandbox_error)
