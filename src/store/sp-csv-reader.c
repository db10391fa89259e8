/* sp-csv-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <csv.h>
#include <glib/gi18n.h>
#include <string.h>

#include "sp-csv-reader.h"
#include "sp-store-error.h"

/* The separator is taken from the first line; if that line is absurdly
 * long, from its first bytes. */
#define HEAD_LIMIT (64 * 1024)

/* libcsv's state between records (its ROW_NOT_BEGUN); the struct and its
 * states are part of libcsv's public header. */
#define CSV_STATE_ROW_NOT_BEGUN 0

struct _SpCsvReader
{
  struct csv_parser  parser;
  gboolean           parser_ready;
  char              *file_name;       /* owned */
  SpCsvRecordFunc    func;
  gpointer           user_data;

  GByteArray        *head;            /* owned; the first line, until the separator is known */
  char               separator;

  guint              line;            /* the line being fed, 1-based */
  guint              record_line;     /* the line the current record starts on */

  GString           *buffer;          /* owned; the current record's fields, each NUL-terminated */
  gsize             *offsets;         /* owned; @fields_capacity of each */
  gsize             *lengths;         /* owned */
  const char       **fields;          /* owned */
  guint              n_fields;
  guint              fields_capacity;

  GError            *error;           /* owned; the first error raised inside a libcsv callback */
};

SpCsvReader *
sp_csv_reader_new (const char      *file_name,
                   SpCsvRecordFunc  func,
                   gpointer         user_data)
{
  SpCsvReader *self;

  g_return_val_if_fail (func != NULL, NULL);

  self = g_new0 (SpCsvReader, 1);
  self->file_name = g_strdup (file_name != NULL ? file_name : "-");
  self->func = func;
  self->user_data = user_data;
  self->head = g_byte_array_new ();
  self->separator = ',';
  self->line = 1;
  self->record_line = 1;
  self->buffer = g_string_sized_new (256);

  return self;
}

void
sp_csv_reader_free (SpCsvReader *self)
{
  if (self == NULL)
    return;

  if (self->parser_ready)
    csv_free (&self->parser);
  g_clear_pointer (&self->head, g_byte_array_unref);
  g_string_free (self->buffer, TRUE);
  g_free (self->offsets);
  g_free (self->lengths);
  g_free (self->fields);
  g_clear_error (&self->error);
  g_free (self->file_name);
  g_free (self);
}

char
sp_csv_reader_get_separator (SpCsvReader *self)
{
  return self->separator;
}

static void
set_row_error (SpCsvReader *self,
               const char  *reason)
{
  if (self->error == NULL)
    self->error = g_error_new (SP_STORE_ERROR, SP_STORE_ERROR_IMPORT, "%s:%u: %s",
                               self->file_name, self->record_line, reason);
}

static void
field_cb (void   *data,
          size_t  length,
          void   *user_data)
{
  SpCsvReader *self = user_data;
  gsize offset;

  if (self->error != NULL)
    return;

  if (self->n_fields >= SP_CSV_MAX_FIELDS)
    {
      set_row_error (self, _("the row has more than 1024 fields"));
      return;
    }

  if (self->buffer->len + length + 1 > SP_CSV_MAX_RECORD_BYTES)
    {
      set_row_error (self, _("the row is longer than 1 MiB (is a quote left open?)"));
      return;
    }

  if (self->n_fields == self->fields_capacity)
    {
      self->fields_capacity = MAX (16, self->fields_capacity * 2);
      self->offsets = g_renew (gsize, self->offsets, self->fields_capacity);
      self->lengths = g_renew (gsize, self->lengths, self->fields_capacity);
      self->fields = g_renew (const char *, self->fields, self->fields_capacity);
    }

  /* The field and its NUL, copied in one go (g_string_append_len() is
   * the general insertion, many times slower on short fields). */
  offset = self->buffer->len;
  self->offsets[self->n_fields] = offset;
  self->lengths[self->n_fields] = length;
  g_string_set_size (self->buffer, offset + length + 1);
  if (length > 0)
    memcpy (self->buffer->str + offset, data, length);
  self->buffer->str[offset + length] = '\0';
  self->n_fields++;
}

static void
record_cb (int   terminator,
           void *user_data)
{
  SpCsvReader *self = user_data;

  if (self->error == NULL)
    {
      /* The buffer may have moved while it grew; point at it only now. */
      for (guint i = 0; i < self->n_fields; i++)
        self->fields[i] = self->buffer->str + self->offsets[i];

      self->func (self->fields, self->lengths, self->n_fields, self->record_line,
                  self->user_data, &self->error);
    }

  self->n_fields = 0;
  g_string_truncate (self->buffer, 0);
  /* A record that ends inside the line being fed (a lone '\r' ends one)
   * may be followed by another on the same line; feed_lines() sets the
   * line again for a record that starts on a later one. */
  self->record_line = self->line;
}

/* RFC 4180 says ',', spreadsheets in many locales write ';': the header
 * line decides, counting both outside quotes. */
static char
detect_separator (const guint8 *data,
                  gsize         length)
{
  gboolean quoted = FALSE;
  guint commas = 0;
  guint semicolons = 0;

  for (gsize i = 0; i < length && data[i] != '\n'; i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (!quoted && data[i] == ',')
        commas++;
      else if (!quoted && data[i] == ';')
        semicolons++;
    }

  return semicolons > commas ? ';' : ',';
}

static gboolean
take_error (SpCsvReader  *self,
            GError      **error)
{
  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_csv_space (char c)
{
  return c == ' ' || c == '\t';
}

/* A whole line without quotes and without a carriage return before its end
 * (the common case by far) is split here, as libcsv would split it, at a
 * fraction of its cost (libcsv looks at each byte through its state
 * machine): fields are what lies between separators, without the spaces and
 * tabs around them, and a line of nothing but spaces is no record. @line
 * ends with its '\n' (after an optional '\r'). */
static void
split_plain_line (SpCsvReader *self,
                  const char  *line,
                  gsize        length)
{
  const char *end = line + length - 1;
  const char *p = line;

  if (end > line && end[-1] == '\r')
    end--;

  while (p < end && is_csv_space (*p))
    p++;
  if (p == end)
    return;

  for (;;)
    {
      const char *separator = memchr (p, self->separator, end - p);
      const char *field_end = separator != NULL ? separator : end;
      const char *field = p;

      while (field < field_end && is_csv_space (*field))
        field++;
      while (field_end > field && is_csv_space (field_end[-1]))
        field_end--;
      field_cb ((void *)field, field_end - field, self);

      if (separator == NULL)
        break;
      p = separator + 1;
    }

  record_cb ('\n', self);
}

static gboolean
feed_lines (SpCsvReader  *self,
            const char   *data,
            gsize         length,
            GError      **error)
{
  /* libcsv reports no positions, so it gets one line at a time: a record
   * that starts while libcsv is between records starts on this line. */
  while (length > 0)
    {
      const char *newline = memchr (data, '\n', length);
      gsize chunk = newline != NULL ? (gsize)(newline - data) + 1 : length;

      if (self->parser.pstate == CSV_STATE_ROW_NOT_BEGUN && self->n_fields == 0)
        {
          self->record_line = self->line;

          if (newline != NULL && memchr (data, '"', chunk) == NULL)
            {
              const char *cr = memchr (data, '\r', chunk);

              if (cr == NULL || cr == newline - 1)
                {
                  split_plain_line (self, data, chunk);
                  if (!take_error (self, error))
                    return FALSE;
                  self->line++;
                  data += chunk;
                  length -= chunk;
                  continue;
                }
            }
        }

      if (csv_parse (&self->parser, data, chunk, field_cb, record_cb, self) != chunk)
        {
          if (!take_error (self, error))
            return FALSE;
          g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT, "%s:%u: %s",
                       self->file_name, self->line,
                       csv_error (&self->parser) == CSV_EPARSE
                         ? _("a quote is misplaced (quote a field that contains quotes, and "
                             "double the quotes inside it)")
                         : _("the row is too long"));
          return FALSE;
        }

      if (!take_error (self, error))
        return FALSE;

      if (csv_get_buffer_size (&self->parser) > SP_CSV_MAX_RECORD_BYTES)
        {
          set_row_error (self, _("the row is longer than 1 MiB (is a quote left open?)"));
          return take_error (self, error);
        }

      if (newline != NULL)
        self->line++;
      data += chunk;
      length -= chunk;
    }

  return TRUE;
}

static gboolean
start_parser (SpCsvReader  *self,
              GError      **error)
{
  g_autoptr(GByteArray) head = g_steal_pointer (&self->head);
  const guint8 *data = head->data;
  gsize length = head->len;

  if (length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      data += 3;
      length -= 3;
    }

  if (csv_init (&self->parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT, "%s: %s",
                   self->file_name, _("out of memory"));
      return FALSE;
    }

  self->parser_ready = TRUE;
  self->separator = detect_separator (data, length);
  csv_set_delim (&self->parser, (unsigned char)self->separator);

  return feed_lines (self, (const char *)data, length, error);
}

gboolean
sp_csv_reader_feed (SpCsvReader  *self,
                    const char   *data,
                    gsize         length,
                    GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (self->head != NULL)
    {
      const char *newline = memchr (data, '\n', length);
      gsize take = newline != NULL ? (gsize)(newline - data) + 1 : length;

      g_byte_array_append (self->head, (const guint8 *)data, take);
      data += take;
      length -= take;

      if (newline == NULL && self->head->len < HEAD_LIMIT)
        return TRUE;
      if (!start_parser (self, error))
        return FALSE;
    }

  return feed_lines (self, data, length, error);
}

gboolean
sp_csv_reader_finish (SpCsvReader  *self,
                      GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->head != NULL && !start_parser (self, error))
    return FALSE;

  if (self->parser.pstate != CSV_STATE_ROW_NOT_BEGUN || self->n_fields > 0)
    {
      if (csv_fini (&self->parser, field_cb, record_cb, self) != 0)
        {
          g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT, "%s:%u: %s",
                       self->file_name, self->record_line,
                       _("a quoted field is not closed at the end of the file"));
          return FALSE;
        }
    }

  return take_error (self, error);
}
