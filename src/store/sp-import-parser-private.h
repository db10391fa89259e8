/* sp-import-parser-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The part of catalog and stock imports that touches no database: reads
 * CSV (streamed, through SpCsvReader) or JSON (an array of objects), finds
 * the columns by name, validates every field and hands each good row to a
 * callback as an SpImportRecord. Bad rows go to the SpImportReport with the
 * file, line or JSON path, field and reason. The fuzz targets drive it on
 * memory buffers.
 */

#pragma once

#include <gio/gio.h>

#include "sp-import-report.h"

G_BEGIN_DECLS

typedef enum
{
  SP_IMPORT_KIND_CATALOG,
  SP_IMPORT_KIND_STOCK,
} SpImportKind;

typedef struct
{
  guint        line;             /* CSV: the line the row starts on; JSON: 0 */
  int          index;            /* JSON: the array index; CSV: -1 */
  const char  *sku;
  const char  *name;             /* catalog */
  const char  *category_path;    /* catalog: normalized ("A/B/C"), "" for none, NULL when not given */
  const char  *uom;              /* catalog: NULL when not given */
  gint64       list_price;       /* catalog: minor units of @currency */
  gint64       cost;             /* catalog: minor units of @currency */
  char         currency[4];      /* catalog: ISO 4217, upper case */
  gboolean     has_stock_on_hand;
  gint64       stock_on_hand;    /* units, >= 0 */
  gboolean     has_avg_daily_sales;
  gint64       avg_daily_sales;  /* hundredths of a unit per day, >= 0 */
  const char  *extra_json;       /* catalog: a JSON object of the other columns, NULL when none */
  const char  *site;             /* stock: the site code */
  gboolean     key_checked;      /* catalog: the pipeline has added @sku to its set of seen keys */
  gboolean     key_new;          /* … and it was new there (else: maybe a repeat) */
  guint        category_slot;    /* catalog, pipeline: a number > 0 for each @category_path
                                  * other than "" (the same for the same path), else 0 */
} SpImportRecord;

typedef struct _SpImportParser SpImportParser;

/* Called for every valid row; the strings of @record are borrowed. A row
 * the callback finds invalid (an unknown SKU, a duplicate) goes to
 * _sp_import_parser_reject() and the callback returns %TRUE; %FALSE with
 * @error set stops the import (a database error). */
typedef gboolean (*SpImportRecordFunc) (SpImportParser        *parser,
                                        const SpImportRecord  *record,
                                        gpointer               user_data,
                                        GError               **error);

/* At most this many row errors are kept in a report; all are counted. */
#define SP_IMPORT_MAX_KEPT_ERRORS 1000

SpImportFormat  _sp_import_sniff_format     (const char           *data,
                                             gsize                 length);
SpImportParser *_sp_import_parser_new       (SpImportKind          kind,
                                             SpImportFormat        format,
                                             SpImportReport       *report,
                                             gboolean              skip_invalid,
                                             SpImportRecordFunc    func,
                                             gpointer              user_data,
                                             GCancellable         *cancellable) G_GNUC_WARN_UNUSED_RESULT;
void            _sp_import_parser_free      (SpImportParser       *self);
gboolean        _sp_import_parser_feed      (SpImportParser       *self,
                                             const char           *data,
                                             gsize                 length,
                                             GError              **error);
gboolean        _sp_import_parser_finish    (SpImportParser       *self,
                                             GError              **error);
guint64         _sp_import_parser_get_rows  (SpImportParser       *self);
void            _sp_import_parser_reject    (SpImportParser       *self,
                                             const SpImportRecord *record,
                                             const char           *field,
                                             const char           *format,
                                             ...) G_GNUC_PRINTF (4, 5);
gboolean        _sp_import_parser_is_writing (SpImportParser      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpImportParser, _sp_import_parser_free)

G_END_DECLS
