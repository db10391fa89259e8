/* sp-spinners.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void sp_spinner_spin_while_mapped (GtkSpinner *spinner);

G_END_DECLS
