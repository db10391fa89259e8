/* fuzz-csv-import.c: libFuzzer target for the CSV catalog and stock import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fuzz-import-common.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  return fuzz_import (SP_IMPORT_FORMAT_CSV, data, size);
}
