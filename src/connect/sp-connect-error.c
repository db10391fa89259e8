/* sp-connect-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-connect-error.h"

G_DEFINE_QUARK (sp-connect-error-quark, sp_connect_error)
