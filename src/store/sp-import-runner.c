/* sp-import-runner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the input in blocks through the parser into a writer, inside one
 * transaction: an import stores all its rows or none, and a failed one
 * leaves the database exactly as it was.
 */

#define G_LOG_DOMAIN "sp-store"
/* sync_file_range () */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include "config.h"

#include <fcntl.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "sp-db-private.h"
#include "sp-import-private.h"

#define BLOCK_SIZE (256 * 1024)
#define PROGRESS_INTERVAL (4 * 1024 * 1024)

/* Page cache for the import's connection while it runs: the B-trees grow
 * at their right edge, so a moderate cache keeps the hot pages; the index
 * sort at the end of a first load takes as much again. A million rows stay
 * well under 100 MB. Restored afterwards. */
#define IMPORT_CACHE_KIB 24576

/* Input read between two nudges to write the WAL out (see
 * start_wal_writeback()). */
#define WAL_WRITEBACK_INTERVAL (4 * 1024 * 1024)

typedef struct
{
  sqlite3                   *db;
  const SpImportWriterClass *klass;
  const SpImportOptions     *options;
  SpImportReport            *report;
  GCancellable              *cancellable;
  GInputStream              *stream;         /* nullable */
  GBytes                    *bytes;          /* nullable */
  gsize                      bytes_offset;
  guint64                    total;
  guint64                    done;
  guint64                    next_progress;
} Run;

/* Points @block at the next bytes of the input: read into @buffer from a
 * file, or straight into the memory of @bytes. */
static gssize
read_block (Run         *run,
            char        *buffer,
            const char **block,
            GError     **error)
{
  gsize length;
  const char *data;

  if (run->stream != NULL)
    {
      *block = buffer;
      return g_input_stream_read (run->stream, buffer, BLOCK_SIZE, run->cancellable, error);
    }

  data = g_bytes_get_data (run->bytes, &length);
  length = MIN (length - run->bytes_offset, BLOCK_SIZE);
  *block = data != NULL ? data + run->bytes_offset : "";
  run->bytes_offset += length;

  return (gssize)length;
}

static void
report_progress (Run            *run,
                 SpImportParser *parser,
                 gboolean        last)
{
  if (run->options->progress == NULL || (!last && run->done < run->next_progress))
    return;

  run->next_progress = run->done + PROGRESS_INTERVAL;
  run->options->progress (run->done, run->total, _sp_import_parser_get_rows (parser),
                          run->options->progress_data);
}

static gboolean
parse_all (Run       *run,
           gpointer   writer,
           GError   **error)
{
  g_autoptr(SpImportParser) parser = NULL;
  g_autofree char *buffer = run->stream != NULL ? g_malloc (BLOCK_SIZE) : NULL;
  SpImportFormat format = run->options->format;
  const char *block = NULL;
  gssize n_read;

  if ((n_read = read_block (run, buffer, &block, error)) < 0)
    return FALSE;
  if (format == SP_IMPORT_FORMAT_AUTO)
    format = _sp_import_sniff_format (block, n_read);

  parser = _sp_import_parser_new (run->klass->kind, format, run->report,
                                  run->options->skip_invalid, run->klass->write, writer,
                                  run->cancellable);

  while (n_read > 0)
    {
      if (!_sp_import_parser_feed (parser, block, n_read, error))
        return FALSE;
      run->done += n_read;
      report_progress (run, parser, FALSE);

      if (g_cancellable_set_error_if_cancelled (run->cancellable, error) ||
          (n_read = read_block (run, buffer, &block, error)) < 0)
        return FALSE;
    }

  if (!_sp_import_parser_finish (parser, error))
    return FALSE;
  /* The writer's last rows, while the parser that rejects rows is there. */
  if (run->klass->end != NULL && !run->klass->end (writer, error))
    return FALSE;

  run->report->rows_read = _sp_import_parser_get_rows (parser);
  report_progress (run, parser, TRUE);

  return TRUE;
}

/* Files go through a pipeline: a thread reads, parses and validates while
 * this thread (the one that owns the connection) writes. Rows travel in
 * batches, copied into the batch's own buffer; a few batches go back and
 * forth, so memory stays bounded and nothing is allocated per row. */
#define BATCH_ROWS  2048
#define BATCH_BYTES (2 * 1024 * 1024)
#define N_BATCHES   4

typedef struct
{
  GByteArray *strings;     /* the rows' text, NUL-terminated */
  GArray     *records;     /* SpImportRecord, text fields as offsets + 1 into @strings */
  guint64     bytes_done;
  guint64     rows;
  gboolean    last;
  GError     *error;       /* on the last batch: why the producer stopped */
} Batch;

typedef struct
{
  Run            *run;
  SpImportParser *parser;
  GAsyncQueue    *full;    /* producer → writer */
  GAsyncQueue    *empty;   /* writer → producer */
  Batch          *batch;   /* the producer's, being filled */
  SpImportSeen    seen;    /* catalog: the SKUs so far, checked here, off the writer's thread */
  GHashTable     *category_slots; /* catalog: path → slot (SpImportRecord.category_slot), here too */
  const char     *head;    /* the first block, read to find the format */
  gssize          head_length;
  int             abort;   /* atomic; the writer failed, stop reading */
  int             wal_fd;  /* the database's WAL, read-only; -1 for none */
  guint64         next_wal_writeback;
} Pipe;

static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->strings = g_byte_array_sized_new (BATCH_ROWS * 128);
  batch->records = g_array_sized_new (FALSE, FALSE, sizeof (SpImportRecord), BATCH_ROWS);
  return batch;
}

static void
batch_free (Batch *batch)
{
  g_byte_array_unref (batch->strings);
  g_array_unref (batch->records);
  g_clear_error (&batch->error);
  g_free (batch);
}

static const char *
batch_copy (Batch      *batch,
            const char *text)
{
  gsize offset = batch->strings->len;

  if (text == NULL)
    return NULL;
  g_byte_array_append (batch->strings, (const guint8 *)text, strlen (text) + 1);
  return GSIZE_TO_POINTER (offset + 1);
}

static const char *
batch_text (Batch      *batch,
            const char *offset)
{
  return offset != NULL ? (const char *)batch->strings->data + GPOINTER_TO_SIZE (offset) - 1 : NULL;
}

static void
send_batch (Pipe     *pipe,
            gboolean  last,
            GError   *error)
{
  pipe->batch->bytes_done = pipe->run->done;
  pipe->batch->rows = _sp_import_parser_get_rows (pipe->parser);
  pipe->batch->last = last;
  pipe->batch->error = error;
  g_async_queue_push (pipe->full, pipe->batch);
  pipe->batch = last ? NULL : g_async_queue_pop (pipe->empty);
}

static gboolean
enqueue_record_cb (SpImportParser        *parser,
                   const SpImportRecord  *record,
                   gpointer               user_data,
                   GError               **error)
{
  Pipe *pipe = user_data;
  Batch *batch = pipe->batch;
  SpImportRecord copy = *record;

  if (g_atomic_int_get (&pipe->abort))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped by the writer");
      return FALSE;
    }

  if (pipe->seen.slots != NULL)
    {
      copy.key_checked = TRUE;
      copy.key_new = _sp_import_seen_add (&pipe->seen, record->sku, NULL);
    }
  if (pipe->category_slots != NULL && record->category_path != NULL &&
      record->category_path[0] != '\0')
    {
      gpointer slot = g_hash_table_lookup (pipe->category_slots, record->category_path);

      if (slot == NULL)
        {
          slot = GUINT_TO_POINTER (g_hash_table_size (pipe->category_slots) + 1);
          g_hash_table_insert (pipe->category_slots, g_strdup (record->category_path), slot);
        }
      copy.category_slot = GPOINTER_TO_UINT (slot);
    }
  copy.sku = batch_copy (batch, record->sku);
  copy.name = batch_copy (batch, record->name);
  copy.category_path = batch_copy (batch, record->category_path);
  copy.uom = batch_copy (batch, record->uom);
  copy.extra_json = batch_copy (batch, record->extra_json);
  copy.site = batch_copy (batch, record->site);
  g_array_append_val (batch->records, copy);

  /* Rows of up to a megabyte each must not make a batch huge either. */
  if (batch->records->len >= BATCH_ROWS || batch->strings->len >= BATCH_BYTES)
    send_batch (pipe, FALSE, NULL);

  return TRUE;
}

/* Returns: a read-only descriptor of the WAL of @db, or -1. SQLite locks
 * the database file and the -shm file, never the WAL, so a descriptor of
 * ours on it (and closing it) cannot drop one of SQLite's locks. */
static int
open_wal (sqlite3 *db)
{
#ifdef __linux__
  const char *db_file = sqlite3_db_filename (db, "main");

  if (db_file == NULL || db_file[0] == '\0')
    return -1;
  return open (sqlite3_filename_wal (db_file), O_RDONLY | O_CLOEXEC);
#else
  return -1;
#endif
}

/* The pages the import has written to the WAL so far sit in the page cache
 * until the checkpoint after the commit syncs the WAL: with a million rows,
 * a few hundred megabytes to wait for at the end. Asking the kernel to
 * start writing them now (without waiting) puts that disk time beside the
 * parsing and writing instead of after it. Only a hint: the sync at the
 * checkpoint is what makes the commit durable, as before. */
static void
start_wal_writeback (int fd)
{
#ifdef __linux__
  sync_file_range (fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#endif
}

static gpointer
produce_thread (gpointer data)
{
  Pipe *pipe = data;
  g_autofree char *buffer = g_malloc (BLOCK_SIZE);
  const char *block = pipe->head;
  gssize n_read = pipe->head_length;
  GError *error = NULL;

  /* The first block was read to find the format; then the rest. */
  while (n_read > 0)
    {
      if (!_sp_import_parser_feed (pipe->parser, block, n_read, &error))
        break;
      pipe->run->done += n_read;
      if (pipe->wal_fd >= 0 && pipe->run->done >= pipe->next_wal_writeback)
        {
          pipe->next_wal_writeback = pipe->run->done + WAL_WRITEBACK_INTERVAL;
          start_wal_writeback (pipe->wal_fd);
        }
      if (g_cancellable_set_error_if_cancelled (pipe->run->cancellable, &error) ||
          (n_read = read_block (pipe->run, buffer, &block, &error)) < 0)
        break;
    }

  if (error == NULL)
    _sp_import_parser_finish (pipe->parser, &error);

  /* No rows come any more; the writer's index sort needs the memory more. */
  _sp_import_seen_clear (&pipe->seen);
  g_clear_pointer (&pipe->category_slots, g_hash_table_unref);
  send_batch (pipe, TRUE, error);
  return NULL;
}

/* Writes the batches as they come; returns once the producer is done. */
static gboolean
consume (Pipe      *pipe,
         gpointer   writer,
         GError   **error)
{
  const SpImportWriterClass *klass = pipe->run->klass;
  GError *local_error = NULL;
  gboolean last = FALSE;

  while (!last)
    {
      Batch *batch = g_async_queue_pop (pipe->full);

      for (guint i = 0; local_error == NULL && i < batch->records->len; i++)
        {
          SpImportRecord record = g_array_index (batch->records, SpImportRecord, i);

          record.sku = batch_text (batch, record.sku);
          record.name = batch_text (batch, record.name);
          record.category_path = batch_text (batch, record.category_path);
          record.uom = batch_text (batch, record.uom);
          record.extra_json = batch_text (batch, record.extra_json);
          record.site = batch_text (batch, record.site);
          if (!klass->write (pipe->parser, &record, writer, &local_error))
            g_atomic_int_set (&pipe->abort, TRUE);
        }

      if (local_error == NULL && batch->rows > 0 && pipe->run->options->progress != NULL &&
          batch->bytes_done >= pipe->run->next_progress)
        {
          pipe->run->next_progress = batch->bytes_done + PROGRESS_INTERVAL;
          pipe->run->options->progress (batch->bytes_done, pipe->run->total, batch->rows,
                                        pipe->run->options->progress_data);
        }

      last = batch->last;
      if (last && local_error == NULL)
        local_error = g_steal_pointer (&batch->error);
      g_clear_error (&batch->error);
      g_byte_array_set_size (batch->strings, 0);
      g_array_set_size (batch->records, 0);
      g_async_queue_push (pipe->empty, batch);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
pipe_all (Run       *run,
          gpointer   writer,
          GError   **error)
{
  g_autoptr(SpImportParser) parser = NULL;
  g_autofree char *head = g_malloc (BLOCK_SIZE);
  SpImportFormat format = run->options->format;
  const char *block = NULL;
  GThread *thread;
  gssize n_read;
  gboolean ok;
  Pipe pipe = { 0, };

  /* The format comes from the first block, which the producer then parses. */
  if ((n_read = read_block (run, head, &block, error)) < 0)
    return FALSE;
  if (format == SP_IMPORT_FORMAT_AUTO)
    format = _sp_import_sniff_format (block, n_read);

  pipe.run = run;
  if (run->klass->kind == SP_IMPORT_KIND_CATALOG)
    pipe.category_slots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (run->klass->wants_seen_keys != NULL && run->klass->wants_seen_keys (writer))
    _sp_import_seen_init (&pipe.seen);
  pipe.full = g_async_queue_new ();
  pipe.empty = g_async_queue_new ();
  for (guint i = 0; i < N_BATCHES; i++)
    g_async_queue_push (pipe.empty, batch_new ());
  pipe.batch = g_async_queue_pop (pipe.empty);
  parser = _sp_import_parser_new (run->klass->kind, format, run->report,
                                  run->options->skip_invalid, enqueue_record_cb, &pipe,
                                  run->cancellable);
  pipe.parser = parser;

  pipe.head = block;
  pipe.head_length = n_read;
  pipe.wal_fd = open_wal (run->db);
  pipe.next_wal_writeback = WAL_WRITEBACK_INTERVAL;
  thread = g_thread_new ("sp-import-parse", produce_thread, &pipe);
  ok = consume (&pipe, writer, error);
  g_thread_join (thread);
  /* The writer's last rows, while the parser that rejects rows is there. */
  if (ok && run->klass->end != NULL)
    ok = run->klass->end (writer, error);

  if (pipe.wal_fd >= 0)
    close (pipe.wal_fd);
  if (pipe.batch != NULL)
    batch_free (pipe.batch);
  while (g_async_queue_length (pipe.empty) > 0)
    batch_free (g_async_queue_pop (pipe.empty));
  while (g_async_queue_length (pipe.full) > 0)
    batch_free (g_async_queue_pop (pipe.full));
  g_async_queue_unref (pipe.full);
  g_async_queue_unref (pipe.empty);
  _sp_import_seen_clear (&pipe.seen);
  g_clear_pointer (&pipe.category_slots, g_hash_table_unref);

  run->report->rows_read = _sp_import_parser_get_rows (parser);
  _sp_import_report_sort_errors (run->report);
  if (ok && run->options->progress != NULL)
    run->options->progress (run->done, run->total, run->report->rows_read,
                            run->options->progress_data);

  return ok;
}

static gboolean
fail_on_invalid_rows (Run     *run,
                      GError **error)
{
  const SpImportRowError *first;
  g_autofree char *more_text = NULL;
  guint64 more;

  if (run->report->skipped == 0 || run->options->skip_invalid)
    return TRUE;

  first = sp_import_report_get_error (run->report, 0);
  more = run->report->skipped - 1;
  more_text = g_strdup_printf ("%" G_GUINT64_FORMAT, more);
  if (more == 0)
    g_set_error_literal (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT, first->message);
  else
    g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT,
                 /* Translators: %1$s is the first error, %2$s a number of further invalid rows */
                 g_dngettext (GETTEXT_PACKAGE, "%1$s (and %2$s more invalid row; nothing was imported)",
                              "%1$s (and %2$s more invalid rows; nothing was imported)",
                              (gulong)MIN (more, G_MAXULONG)),
                 first->message, more_text);
  return FALSE;
}

/* Returns: (transfer full): the outbox payload of the batch */
static char *
build_payload (Run *run)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, run->report->file);
  json_builder_set_member_name (builder, "rows_read");
  json_builder_add_int_value (builder, (gint64)run->report->rows_read);
  json_builder_set_member_name (builder, "inserted");
  json_builder_add_int_value (builder, (gint64)run->report->inserted);
  json_builder_set_member_name (builder, "updated");
  json_builder_add_int_value (builder, (gint64)run->report->updated);
  json_builder_set_member_name (builder, "skipped");
  json_builder_add_int_value (builder, (gint64)run->report->skipped);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* Sets PRAGMA @name (one of ours, not input) to @value, and returns the
 * value it had in @previous when not %NULL. */
static gboolean
set_pragma (sqlite3     *db,
            const char  *name,
            gint64       value,
            gint64      *previous,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  if (previous != NULL)
    {
      g_autofree char *query = g_strdup_printf ("PRAGMA %s", name);

      if (!(stmt = _sp_db_prepare (db, query, error)))
        return FALSE;
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return _sp_db_set_error (db, sqlite3_errcode (db), error);
      *previous = sqlite3_column_int64 (stmt, 0);
    }

  /* A number we computed; PRAGMA takes no bound parameters. */
  sql = g_strdup_printf ("PRAGMA %s = %" G_GINT64_FORMAT, name, value);
  return _sp_db_exec (db, sql, error);
}

/* The transaction: parse and write everything, then one outbox row for the
 * batch (a million products would otherwise mean a million outbox rows;
 * sync finds the changed products by their version). */
static gboolean
run_in_transaction (Run      *run,
                    GError  **error)
{
  g_autofree char *payload = NULL;
  g_autofree char *batch_id = g_uuid_string_random ();
  gpointer writer;
  gboolean ok;

  if (!_sp_db_begin (run->db, error))
    return FALSE;

  if (!(writer = run->klass->begin (run->db, run->report, error)))
    {
      _sp_db_rollback (run->db);
      return FALSE;
    }

  ok = run->stream != NULL ? pipe_all (run, writer, error) : parse_all (run, writer, error);
  run->klass->free (writer);

  if (ok)
    ok = fail_on_invalid_rows (run, error);
  if (ok)
    {
      payload = build_payload (run);
      ok = _sp_db_append_outbox (run->db, "import", batch_id, run->klass->outbox_action,
                                 payload, error) &&
           _sp_db_commit (run->db, error);
    }

  if (!ok)
    {
      _sp_db_rollback (run->db);
      return FALSE;
    }

  run->report->committed = TRUE;
  return TRUE;
}

static gboolean
open_input (Run         *run,
            const char  *path,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;

  if (!(stream = g_file_read (file, run->cancellable, error)))
    return FALSE;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                         run->cancellable, NULL);
  if (info != NULL)
    run->total = (guint64)g_file_info_get_size (info);

  run->stream = G_INPUT_STREAM (g_steal_pointer (&stream));
  return TRUE;
}

gboolean
_sp_import_run (sqlite3                    *db,
                const SpImportWriterClass  *klass,
                const char                 *path,
                GBytes                     *bytes,
                const char                 *name,
                const SpImportOptions      *options,
                SpImportReport            **report_out,
                GCancellable               *cancellable,
                GError                    **error)
{
  static const SpImportOptions default_options = SP_IMPORT_OPTIONS_INIT;
  g_autoptr(SpImportReport) report = NULL;
  g_autofree char *base_name = NULL;
  Run run = { 0, };
  gint64 previous_cache = 0;
  gint64 previous_synchronous = 2;
  gboolean ok = FALSE;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail ((path != NULL) != (bytes != NULL), FALSE);

  if (name == NULL)
    name = base_name = path != NULL ? g_path_get_basename (path) : g_strdup ("-");

  report = sp_import_report_new (name);
  run.db = db;
  run.klass = klass;
  run.options = options != NULL ? options : &default_options;
  run.report = report;
  run.cancellable = cancellable;
  run.bytes = bytes;
  run.total = bytes != NULL ? g_bytes_get_size (bytes) : 0;

  if (path != NULL && !open_input (&run, path, error))
    goto out;

  /* Negative: KiB rather than pages. synchronous = NORMAL (1): in WAL mode
   * the commit is still atomic and consistent after a crash; only the sync
   * of the WAL at each commit is left to the checkpoint. */
  if (!set_pragma (db, "cache_size", -IMPORT_CACHE_KIB, &previous_cache, error))
    goto out;
  if (!set_pragma (db, "synchronous", 1, &previous_synchronous, error))
    {
      set_pragma (db, "cache_size", previous_cache, NULL, NULL);
      goto out;
    }
  ok = run_in_transaction (&run, error);
  /* Tuning knobs; failing to restore them loses nothing. */
  set_pragma (db, "synchronous", previous_synchronous, NULL, NULL);
  set_pragma (db, "cache_size", previous_cache, NULL, NULL);

out:
  g_clear_object (&run.stream);
  if (report_out != NULL)
    *report_out = g_steal_pointer (&report);
  return ok;
}

typedef struct
{
  const SpImportWriterClass *klass;
  char                      *db_path;
  char                      *path;
  SpImportOptions            options;        /* progress replaced by the trampoline */
  SpImportProgressFunc       progress;       /* the caller's, run on @context */
  gpointer                   progress_data;
  GMainContext              *context;
  SpImportReport            *report;         /* set by the worker */
} Job;

typedef struct
{
  SpImportProgressFunc func;
  gpointer             data;
  guint64              bytes_read;
  guint64              bytes_total;
  guint64              rows_read;
} Progress;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->report, sp_import_report_unref);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job->db_path);
  g_free (job->path);
  g_free (job);
}

static gboolean
progress_idle_cb (gpointer user_data)
{
  Progress *progress = user_data;

  progress->func (progress->bytes_read, progress->bytes_total, progress->rows_read, progress->data);
  return G_SOURCE_REMOVE;
}

static void
progress_trampoline (guint64  bytes_read,
                     guint64  bytes_total,
                     guint64  rows_read,
                     gpointer user_data)
{
  Job *job = user_data;
  Progress *progress = g_new (Progress, 1);

  progress->func = job->progress;
  progress->data = job->progress_data;
  progress->bytes_read = bytes_read;
  progress->bytes_total = bytes_total;
  progress->rows_read = rows_read;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, progress_idle_cb, progress, g_free);
}

static void
import_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(sqlite3) db = NULL;
  GError *error = NULL;

  /* This thread owns @db and reads only @job, a copy of the inputs. */
  if (!(db = _sp_db_open (job->db_path, &error)) ||
      !_sp_import_run (db, job->klass, job->path, NULL, NULL, &job->options, &job->report,
                       cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
_sp_import_run_async (const SpImportWriterClass *klass,
                      gpointer                   source_object,
                      gpointer                   source_tag,
                      const char                *db_path,
                      const char                *path,
                      const SpImportOptions     *options,
                      GCancellable              *cancellable,
                      GAsyncReadyCallback        callback,
                      gpointer                   user_data)
{
  static const SpImportOptions default_options = SP_IMPORT_OPTIONS_INIT;
  g_autoptr(GTask) task = NULL;
  Job *job;

  job = g_new0 (Job, 1);
  job->klass = klass;
  job->db_path = g_strdup (db_path);
  job->path = g_strdup (path);
  job->options = options != NULL ? *options : default_options;
  job->progress = job->options.progress;
  job->progress_data = job->options.progress_data;
  job->context = g_main_context_ref_thread_default ();
  if (job->progress != NULL)
    {
      job->options.progress = progress_trampoline;
      job->options.progress_data = job;
    }

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, import_worker);
}

gboolean
_sp_import_run_finish (GAsyncResult    *result,
                       SpImportReport **report_out,
                       GError         **error)
{
  Job *job = g_task_get_task_data (G_TASK (result));

  if (report_out != NULL)
    *report_out = job->report != NULL ? sp_import_report_ref (job->report) : NULL;

  return g_task_propagate_boolean (G_TASK (result), error);
}
