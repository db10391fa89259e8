/* sp-store-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-store-error.h"

G_DEFINE_QUARK (sp-store-error-quark, sp_store_error)
