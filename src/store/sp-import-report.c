/* sp-import-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <json-glib/json-glib.h>

#include "sp-import-private.h"

G_DEFINE_BOXED_TYPE (SpImportReport, sp_import_report, sp_import_report_ref, sp_import_report_unref)

static void
clear_row_error (SpImportRowError *row_error)
{
  g_free (row_error->file);
  g_free (row_error->field);
  g_free (row_error->message);
}

/**
 * sp_import_report_new:
 * @file: the name the input goes by in messages
 *
 * Returns: (transfer full): an empty report
 */
SpImportReport *
sp_import_report_new (const char *file)
{
  SpImportReport *self = g_new0 (SpImportReport, 1);

  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->mutex);
  self->file = g_strdup (file != NULL ? file : "-");
  self->errors = g_array_new (FALSE, TRUE, sizeof (SpImportRowError));
  g_array_set_clear_func (self->errors, (GDestroyNotify)clear_row_error);

  return self;
}

SpImportReport *
sp_import_report_ref (SpImportReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sp_import_report_unref (SpImportReport *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_array_unref (self->errors);
      g_mutex_clear (&self->mutex);
      g_free (self->file);
      g_free (self);
    }
}

/* Takes @message. */
void
_sp_import_report_add_error (SpImportReport *self,
                             guint           line,
                             int             index,
                             const char     *field,
                             char           *message)
{
  SpImportRowError row_error;

  g_mutex_lock (&self->mutex);
  self->skipped++;
  if (self->errors->len < SP_IMPORT_MAX_KEPT_ERRORS)
    {
      row_error.file = g_strdup (self->file);
      row_error.line = line;
      row_error.index = index;
      row_error.field = g_strdup (field);
      row_error.message = g_steal_pointer (&message);
      g_array_append_val (self->errors, row_error);
    }
  g_mutex_unlock (&self->mutex);

  g_free (message);
}

static int
compare_row_errors (gconstpointer a,
                    gconstpointer b)
{
  const SpImportRowError *error_a = a;
  const SpImportRowError *error_b = b;

  if (error_a->line != error_b->line)
    return error_a->line < error_b->line ? -1 : 1;
  return error_a->index < error_b->index ? -1 : error_a->index > error_b->index;
}

/* The parser and the writer report from two threads; the list goes back to
 * file order at the end (one error per row, so the order is total). */
void
_sp_import_report_sort_errors (SpImportReport *self)
{
  g_mutex_lock (&self->mutex);
  g_array_sort (self->errors, compare_row_errors);
  g_mutex_unlock (&self->mutex);
}

const char *
sp_import_report_get_file (SpImportReport *self)
{
  return self->file;
}

/* Rows of data read, the header not counted. */
guint64
sp_import_report_get_rows_read (SpImportReport *self)
{
  return self->rows_read;
}

guint64
sp_import_report_get_inserted (SpImportReport *self)
{
  return self->inserted;
}

guint64
sp_import_report_get_updated (SpImportReport *self)
{
  return self->updated;
}

/* Valid rows that matched what was stored already, on a committed import. */
guint64
sp_import_report_get_unchanged (SpImportReport *self)
{
  guint64 changed = self->inserted + self->updated + self->skipped;

  return self->committed && self->rows_read > changed ? self->rows_read - changed : 0;
}

/* Invalid rows: skipped with skip-invalid, the reason of the failure without. */
guint64
sp_import_report_get_skipped (SpImportReport *self)
{
  return self->skipped;
}

guint
sp_import_report_get_categories_created (SpImportReport *self)
{
  return self->categories_created;
}

guint
sp_import_report_get_sites_created (SpImportReport *self)
{
  return self->sites_created;
}

/* The kept row errors; at most SP_IMPORT_MAX_KEPT_ERRORS of get_skipped(). */
guint
sp_import_report_get_n_errors (SpImportReport *self)
{
  return self->errors->len;
}

/**
 * sp_import_report_get_error:
 *
 * Returns: (transfer none): the row error at @position, in file order
 */
const SpImportRowError *
sp_import_report_get_error (SpImportReport *self,
                            guint           position)
{
  g_return_val_if_fail (position < self->errors->len, NULL);

  return &g_array_index (self->errors, SpImportRowError, position);
}

/* Whether the rows were stored: FALSE after a failed or cancelled import. */
gboolean
sp_import_report_get_committed (SpImportReport *self)
{
  return self->committed;
}

/**
 * sp_import_report_to_json:
 *
 * Returns: (transfer full): the report as one JSON object
 */
char *
sp_import_report_to_json (SpImportReport *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, self->file);
  json_builder_set_member_name (builder, "committed");
  json_builder_add_boolean_value (builder, self->committed);
  json_builder_set_member_name (builder, "rows_read");
  json_builder_add_int_value (builder, (gint64)self->rows_read);
  json_builder_set_member_name (builder, "inserted");
  json_builder_add_int_value (builder, (gint64)self->inserted);
  json_builder_set_member_name (builder, "updated");
  json_builder_add_int_value (builder, (gint64)self->updated);
  json_builder_set_member_name (builder, "unchanged");
  json_builder_add_int_value (builder, (gint64)sp_import_report_get_unchanged (self));
  json_builder_set_member_name (builder, "skipped");
  json_builder_add_int_value (builder, (gint64)self->skipped);
  json_builder_set_member_name (builder, "categories_created");
  json_builder_add_int_value (builder, self->categories_created);
  json_builder_set_member_name (builder, "sites_created");
  json_builder_add_int_value (builder, self->sites_created);
  json_builder_set_member_name (builder, "errors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->errors->len; i++)
    {
      const SpImportRowError *row_error = &g_array_index (self->errors, SpImportRowError, i);

      json_builder_begin_object (builder);
      if (row_error->index < 0)
        {
          json_builder_set_member_name (builder, "line");
          json_builder_add_int_value (builder, row_error->line);
        }
      else
        {
          json_builder_set_member_name (builder, "index");
          json_builder_add_int_value (builder, row_error->index);
        }
      json_builder_set_member_name (builder, "field");
      if (row_error->field != NULL)
        json_builder_add_string_value (builder, row_error->field);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, row_error->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}
