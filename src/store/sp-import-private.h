/* sp-import-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the catalog and stock imports share inside src/store: the report's
 * fields, and the driver that reads a file or a buffer through the parser
 * into a writer, in one transaction.
 */

#pragma once

#include <sqlite3.h>

#include "sp-import-parser-private.h"
#include "sp-import-report.h"

G_BEGIN_DECLS

struct _SpImportReport
{
  gatomicrefcount  ref_count;
  GMutex           mutex;              /* guards @errors and @skipped while an import runs */
  char            *file;
  guint64          rows_read;
  guint64          inserted;
  guint64          updated;
  guint64          skipped;            /* invalid rows, kept in @errors up to SP_IMPORT_MAX_KEPT_ERRORS */
  guint            categories_created;
  guint            sites_created;
  GArray          *errors;             /* of SpImportRowError */
  gboolean         committed;
};

void _sp_import_report_sort_errors (SpImportReport *self);
void _sp_import_report_add_error (SpImportReport *self,
                                  guint           line,
                                  int             index,
                                  const char     *field,
                                  char           *message);

/* A writer puts valid records into the database, inside the transaction
 * the driver opened. */
typedef struct
{
  SpImportKind  kind;
  const char   *outbox_action;          /* "catalog.imported" */
  gpointer    (*begin)  (sqlite3         *db,
                         SpImportReport  *report,
                         GError         **error);
  SpImportRecordFunc write;
  gboolean    (*end)    (gpointer         writer,
                         GError         **error);   /* nullable; after the last row (the
                                                      * parser still there for rejects) */
  void        (*free)   (gpointer         writer);
  /* nullable (no): whether the pipeline should keep the set of the keys it
   * has seen, for SpImportRecord.key_checked; a catalog that was empty at
   * the start finds repeated SKUs through its unique index instead */
  gboolean    (*wants_seen_keys) (gpointer writer);
} SpImportWriterClass;

/* Exactly one of @path and @bytes is set; @name names the input in messages
 * (the base name of @path by default). */
gboolean _sp_import_run (sqlite3                    *db,
                         const SpImportWriterClass  *klass,
                         const char                 *path,
                         GBytes                     *bytes,
                         const char                 *name,
                         const SpImportOptions      *options,
                         SpImportReport            **report_out,
                         GCancellable               *cancellable,
                         GError                    **error);

/* The async variants: a worker thread with a connection of its own. The
 * progress callback of @options runs on the caller's thread-default main
 * context; its data must live until the callback of the import. */
void     _sp_import_run_async  (const SpImportWriterClass *klass,
                                gpointer                   source_object,
                                gpointer                   source_tag,
                                const char                *db_path,
                                const char                *path,
                                const SpImportOptions     *options,
                                GCancellable              *cancellable,
                                GAsyncReadyCallback        callback,
                                gpointer                   user_data);
gboolean _sp_import_run_finish (GAsyncResult              *result,
                                SpImportReport           **report_out,
                                GError                   **error);

/* Local ids of imported rows: UUID version 7 (time first, then a counter
 * from a random start), so that a million new rows go to the end of the
 * primary key index instead of all over it. */
typedef struct
{
  guint64 time_ms;
  guint   rand_a;
  guint64 counter;
  char    last[37];      /* the last id given, when @formatted */
  gboolean formatted;
} SpImportIds;

void     _sp_import_ids_init (SpImportIds *ids);
void     _sp_import_ids_next (SpImportIds *ids,
                              char         uuid[37]);

/* A set of 64-bit hashes of the keys seen in one file, 8 bytes a row, to
 * find rows that repeat a key without keeping the keys. A hit is only a
 * "maybe" (the caller confirms it in the database). */
typedef struct
{
  guint64 *slots;
  gsize    capacity;   /* a power of two */
  gsize    n_used;
} SpImportSeen;

void     _sp_import_seen_init  (SpImportSeen *seen);
void     _sp_import_seen_clear (SpImportSeen *seen);
gboolean _sp_import_seen_add   (SpImportSeen *seen,
                                const char   *key,
                                const char   *key2);

G_END_DECLS
