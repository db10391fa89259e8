/* fuzz-import-common.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What both import fuzz targets do with one input: run it through the
 * parser (in chunks, as a file is read) checking every record it accepts,
 * then through the whole import into an in-memory workspace.
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <unistd.h>
#include <string.h>

#include "sp-catalog-import.h"
#include "sp-import-parser-private.h"
#include "sp-import-value-private.h"
#include "sp-stock-import.h"
#include "sp-store.h"

#define CHECK(condition) G_STMT_START { if (!(condition)) __builtin_trap (); } G_STMT_END

static gboolean
check_record_cb (SpImportParser        *parser,
                 const SpImportRecord  *record,
                 gpointer               user_data,
                 GError               **error)
{
  /* Whatever the input, an accepted record satisfies what the writers rely on. */
  CHECK (record->sku != NULL && record->sku[0] != '\0');
  CHECK (g_utf8_validate (record->sku, -1, NULL));
  CHECK (record->stock_on_hand >= 0 && record->stock_on_hand <= SP_IMPORT_MAX_VALUE);
  CHECK (record->avg_daily_sales >= 0 && record->avg_daily_sales <= SP_IMPORT_MAX_VALUE);

  if (record->name != NULL)
    {
      CHECK (record->name[0] != '\0' && g_utf8_validate (record->name, -1, NULL));
      CHECK (record->list_price >= 0 && record->list_price <= SP_IMPORT_MAX_VALUE);
      CHECK (record->cost >= 0 && record->cost <= SP_IMPORT_MAX_VALUE);
      CHECK (strlen (record->currency) == 3);
      if (record->category_path != NULL && record->category_path[0] != '\0')
        {
          CHECK (strstr (record->category_path, "//") == NULL);
          CHECK (record->category_path[0] != '/');
          CHECK (!g_str_has_suffix (record->category_path, "/"));
        }
    }
  else
    CHECK (record->site != NULL && record->site[0] != '\0');

  if (record->extra_json != NULL)
    CHECK (record->extra_json[0] == '{');

  return TRUE;
}

static void
parse_in_chunks (SpImportKind   kind,
                 SpImportFormat format,
                 gboolean       skip_invalid,
                 const guint8  *data,
                 gsize          size,
                 gsize          chunk)
{
  g_autoptr(SpImportReport) report = sp_import_report_new ("fuzz");
  g_autoptr(SpImportParser) parser = NULL;
  gboolean ok = TRUE;

  parser = _sp_import_parser_new (kind, format, report, skip_invalid, check_record_cb, NULL, NULL);
  for (gsize offset = 0; ok && offset < size; offset += chunk)
    ok = _sp_import_parser_feed (parser, (const char *)data + offset, MIN (chunk, size - offset),
                                 NULL);
  if (ok)
    _sp_import_parser_finish (parser, NULL);

  for (guint i = 0; i < sp_import_report_get_n_errors (report); i++)
    CHECK (g_utf8_validate (sp_import_report_get_error (report, i)->message, -1, NULL));
}

/* From memory, or (@from_file) from a file, which goes through the
 * two-thread pipeline instead. */
static void
import_into_memory (SpStore       *store,
                    gboolean       stock,
                    gboolean       from_file,
                    const guint8  *data,
                    gsize          size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(SpImportReport) report = NULL;
  SpImportOptions options = SP_IMPORT_OPTIONS_INIT;

  options.skip_invalid = TRUE;
  if (from_file)
    {
      g_autofree char *path = NULL;
      int fd = g_file_open_tmp ("fuzz-import-XXXXXX", &path, NULL);

      CHECK (fd >= 0);
      close (fd);
      CHECK (g_file_set_contents (path, (const char *)data, size, NULL));
      if (stock)
        sp_stock_import_file (store, path, &options, &report, NULL, NULL);
      else
        sp_catalog_import_file (store, path, &options, &report, NULL, NULL);
      g_unlink (path);
    }
  else if (stock)
    sp_stock_import_bytes (store, "fuzz", bytes, &options, &report, NULL, NULL);
  else
    sp_catalog_import_bytes (store, "fuzz", bytes, &options, &report, NULL, NULL);

  CHECK (report != NULL);
}

/* The first byte picks the variant: bit 0 stock or catalog, bit 1
 * skip-invalid, bits 2-5 the chunk size, bit 6 import from a file (the
 * pipeline) rather than memory, bit 7 parse only; the rest is the file. */
static int
fuzz_import (SpImportFormat  format,
             const uint8_t  *data,
             size_t          size)
{
  static SpStore *store;
  static guint n_runs;
  guint8 flags;

  if (size < 1)
    return 0;

  flags = data[0];
  data++;
  size--;

  parse_in_chunks ((flags & 1) ? SP_IMPORT_KIND_STOCK : SP_IMPORT_KIND_CATALOG, format,
                   (flags & 2) != 0, data, size, 1 + ((flags >> 2) & 0x0F) * 7);

  /* The database half is slower: every other input goes through it, into
   * one in-memory workspace for the whole run, emptied now and then. */
  if ((flags & 0x80) != 0)
    return 0;
  if (store == NULL || ++n_runs % 4096 == 0)
    {
      g_clear_object (&store);
      store = sp_store_open (":memory:", NULL);
      CHECK (store != NULL);
    }
  import_into_memory (store, (flags & 1) != 0, (flags & 0x40) != 0, data, size);

  return 0;
}
