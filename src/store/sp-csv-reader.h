/* sp-csv-reader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A streaming RFC 4180 reader on top of libcsv: bytes go in through
 * sp_csv_reader_feed() in chunks of any size (a file read in blocks, or one
 * memory buffer), records come out through a callback with the line they
 * start on. It strips a UTF-8 byte order mark and detects ',' or ';' from
 * the header line. It does not look at the encoding of the fields; the
 * caller validates them, knowing their names.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SpCsvReader SpCsvReader;

/* @fields are @n_fields NUL-terminated strings (borrowed, valid during the
 * call) of @lengths bytes; they may contain NUL bytes, hence @lengths.
 * @line is the line the record starts on (1 is the first line of the file).
 * Returning %FALSE with @error set stops the reader. */
typedef gboolean (*SpCsvRecordFunc) (const char * const  *fields,
                                     const gsize         *lengths,
                                     guint                n_fields,
                                     guint                line,
                                     gpointer             user_data,
                                     GError             **error);

/* Bounds that keep a broken or hostile file from taking all memory. */
#define SP_CSV_MAX_RECORD_BYTES (1024 * 1024)
#define SP_CSV_MAX_FIELDS       1024

SpCsvReader *sp_csv_reader_new           (const char       *file_name,
                                          SpCsvRecordFunc   func,
                                          gpointer          user_data) G_GNUC_WARN_UNUSED_RESULT;
void         sp_csv_reader_free          (SpCsvReader      *self);
gboolean     sp_csv_reader_feed          (SpCsvReader      *self,
                                          const char       *data,
                                          gsize             length,
                                          GError          **error);
gboolean     sp_csv_reader_finish        (SpCsvReader      *self,
                                          GError          **error);
char         sp_csv_reader_get_separator (SpCsvReader      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCsvReader, sp_csv_reader_free)

G_END_DECLS
