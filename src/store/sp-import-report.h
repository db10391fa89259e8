/* sp-import-report.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What catalog and stock imports take (SpImportOptions) and tell
 * (SpImportReport): counts and the list of invalid rows, each naming the
 * file, the line (CSV) or array index (JSON), the field and the reason.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  SP_IMPORT_FORMAT_AUTO = 0,  /* JSON when the first non-blank byte is '[' */
  SP_IMPORT_FORMAT_CSV,
  SP_IMPORT_FORMAT_JSON,
} SpImportFormat;

/* Called every few thousand rows in the thread that runs the import (the
 * async variants call it on the caller's main context instead). */
typedef void (*SpImportProgressFunc) (guint64  bytes_read,
                                      guint64  bytes_total,
                                      guint64  rows_read,
                                      gpointer user_data);

typedef struct
{
  SpImportFormat        format;
  gboolean              skip_invalid;   /* import the good rows, list the bad ones */
  SpImportProgressFunc  progress;       /* nullable */
  gpointer              progress_data;
} SpImportOptions;

#define SP_IMPORT_OPTIONS_INIT { SP_IMPORT_FORMAT_AUTO, FALSE, NULL, NULL }

typedef struct
{
  char  *file;      /* the file's base name, as in messages */
  guint  line;      /* CSV: the line where the row starts (header = 1); JSON: 0 */
  int    index;     /* JSON: the array index of the object; CSV: -1 */
  char  *field;     /* column / member name, or NULL for the whole row */
  char  *message;   /* "catalog.csv:17: list_price: “12.3.4” is not an amount" */
} SpImportRowError;

#define SP_TYPE_IMPORT_REPORT (sp_import_report_get_type ())

typedef struct _SpImportReport SpImportReport;

GType                   sp_import_report_get_type        (void) G_GNUC_CONST;
SpImportReport         *sp_import_report_new             (const char     *file) G_GNUC_WARN_UNUSED_RESULT;
SpImportReport         *sp_import_report_ref             (SpImportReport *self);
void                    sp_import_report_unref           (SpImportReport *self);
const char             *sp_import_report_get_file        (SpImportReport *self);
guint64                 sp_import_report_get_rows_read   (SpImportReport *self);
guint64                 sp_import_report_get_inserted    (SpImportReport *self);
guint64                 sp_import_report_get_updated     (SpImportReport *self);
guint64                 sp_import_report_get_unchanged   (SpImportReport *self);
guint64                 sp_import_report_get_skipped     (SpImportReport *self);
guint                   sp_import_report_get_categories_created (SpImportReport *self);
guint                   sp_import_report_get_sites_created      (SpImportReport *self);
guint                   sp_import_report_get_n_errors    (SpImportReport *self);
const SpImportRowError *sp_import_report_get_error       (SpImportReport *self,
                                                          guint           position);
gboolean                sp_import_report_get_committed   (SpImportReport *self);
char                   *sp_import_report_to_json         (SpImportReport *self) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpImportReport, sp_import_report_unref)

G_END_DECLS
