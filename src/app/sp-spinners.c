/* sp-spinners.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The spinners of "Loading…" status pages. A GtkSpinner that spins is a CSS
 * animation, and GTK 4.8 runs it even while its stack page is hidden: the
 * window then restyled and laid itself out on every frame, 60 times a
 * second, for as long as it was open (on X11 with six round trips to the
 * server each time). Such a spinner spins only while it is on screen.
 */

#include "config.h"

#include "sp-spinners.h"

static void
spinner_mapped_cb (GtkWidget *spinner)
{
  gtk_spinner_start (GTK_SPINNER (spinner));
}

static void
spinner_unmapped_cb (GtkWidget *spinner)
{
  gtk_spinner_stop (GTK_SPINNER (spinner));
}

void
sp_spinner_spin_while_mapped (GtkSpinner *spinner)
{
  g_return_if_fail (GTK_IS_SPINNER (spinner));

  gtk_spinner_set_spinning (spinner, gtk_widget_get_mapped (GTK_WIDGET (spinner)));
  g_signal_connect (spinner, "map", G_CALLBACK (spinner_mapped_cb), NULL);
  g_signal_connect (spinner, "unmap", G_CALLBACK (spinner_unmapped_cb), NULL);
}
