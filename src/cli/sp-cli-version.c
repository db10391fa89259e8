/* sp-cli-version.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "sp-cli-commands.h"

int
sp_cli_version_main (SpCliContext  *ctx,
                     int            argc,
                     char         **argv)
{
  printf ("stock-promotion-cli %s\n", PACKAGE_VERSION);
  return 0;
}
