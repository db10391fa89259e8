/* sp-object-copy-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

gpointer _sp_object_copy (gpointer object) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
