/* sp-import-parser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sp-csv-reader.h"
#include "sp-import-parser-private.h"
#include "sp-import-private.h"
#include "sp-import-value-private.h"
#include "sp-store-error.h"

/* Rows between two looks at the cancellable. */
#define CANCEL_CHECK_INTERVAL 4096

typedef enum
{
  COL_SKU,
  COL_NAME,
  COL_CATEGORY_PATH,
  COL_UOM,
  COL_LIST_PRICE,
  COL_COST,
  COL_CURRENCY,
  COL_STOCK_ON_HAND,
  COL_AVG_DAILY_SALES,
  COL_SITE,
  N_COLUMNS
} Column;

static const char * const column_names[N_COLUMNS] = {
  "sku", "name", "category_path", "uom", "list_price", "cost", "currency", "stock_on_hand",
  "avg_daily_sales", "site",
};

#define BIT(c) (1u << (c))

static const struct
{
  guint columns;
  guint required;
} kinds[] = {
  [SP_IMPORT_KIND_CATALOG] = {
    BIT (COL_SKU) | BIT (COL_NAME) | BIT (COL_CATEGORY_PATH) | BIT (COL_UOM) |
    BIT (COL_LIST_PRICE) | BIT (COL_COST) | BIT (COL_CURRENCY) | BIT (COL_STOCK_ON_HAND) |
    BIT (COL_AVG_DAILY_SALES),
    BIT (COL_SKU) | BIT (COL_NAME) | BIT (COL_LIST_PRICE) | BIT (COL_COST) | BIT (COL_CURRENCY),
  },
  [SP_IMPORT_KIND_STOCK] = {
    BIT (COL_SKU) | BIT (COL_SITE) | BIT (COL_STOCK_ON_HAND) | BIT (COL_AVG_DAILY_SALES),
    BIT (COL_SKU) | BIT (COL_SITE) | BIT (COL_STOCK_ON_HAND),
  },
};

/* One row as read: the text of each known column, %NULL when not given. */
typedef struct
{
  guint        line;
  int          index;
  const char  *value[N_COLUMNS];
  gsize        length[N_COLUMNS];
} RawRow;

struct _SpImportParser
{
  SpImportKind        kind;
  SpImportFormat      format;
  SpImportReport     *report;        /* owned */
  gboolean            skip_invalid;
  SpImportRecordFunc  func;
  gpointer            user_data;
  GCancellable       *cancellable;   /* owned, nullable */

  SpCsvReader        *csv;           /* owned; CSV */
  gboolean            have_header;
  int                *header_columns; /* owned; per header field: a Column, or -1 for another column */
  char              **header_names;  /* owned; trimmed */
  guint               n_header;
  gboolean            header_has_extra;

  GByteArray         *json;          /* owned; JSON: the document, parsed at the end */

  guint64             rows;
  int                 stopped;       /* atomic; strict mode, after an invalid row: validate, write no more */

  GString            *category;      /* owned; the current row's normalized path */
  JsonGenerator      *generator;     /* owned */
  char               *extra_json;    /* owned; the current row's extra columns */
  char                numbers[N_COLUMNS][32];  /* JSON integers as text */
  char                decimals_currency[4];    /* the last currency, "" at first */
  guint               decimals;                /* … and its decimals */
};

static void
add_row_error (SpImportParser *self,
               guint           line,
               int             index,
               const char     *field,
               const char     *reason)
{
  const char *file = self->report->file;
  char *message;

  if (index < 0 && field != NULL)
    message = g_strdup_printf ("%s:%u: %s: %s", file, line, field, reason);
  else if (index < 0)
    message = g_strdup_printf ("%s:%u: %s", file, line, reason);
  else if (field != NULL)
    message = g_strdup_printf ("%s: $[%d].%s: %s", file, index, field, reason);
  else
    message = g_strdup_printf ("%s: $[%d]: %s", file, index, reason);

  _sp_import_report_add_error (self->report, line, index, field, message);
  /* The writer may reject rows from another thread (the import pipeline). */
  if (!self->skip_invalid)
    g_atomic_int_set (&self->stopped, TRUE);
}

static void
reject_error (SpImportParser *self,
              const RawRow   *row,
              Column          column,
              GError         *error)
{
  add_row_error (self, row->line, row->index, column_names[column], error->message);
  g_error_free (error);
}

void
_sp_import_parser_reject (SpImportParser       *self,
                          const SpImportRecord *record,
                          const char           *field,
                          const char           *format,
                          ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  add_row_error (self, record->line, record->index, field, reason);
}

gboolean
_sp_import_parser_is_writing (SpImportParser *self)
{
  return !g_atomic_int_get (&self->stopped);
}

guint64
_sp_import_parser_get_rows (SpImportParser *self)
{
  return self->rows;
}

SpImportFormat
_sp_import_sniff_format (const char *data,
                         gsize       length)
{
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;

  return i < length && data[i] == '[' ? SP_IMPORT_FORMAT_JSON : SP_IMPORT_FORMAT_CSV;
}

/* Text that must be there: %FALSE (and the row rejected) when missing or empty. */
static gboolean
take_text (SpImportParser  *self,
           const RawRow    *row,
           Column           column,
           const char     **text)
{
  if (row->value[column] == NULL || row->length[column] == 0)
    {
      add_row_error (self, row->line, row->index, column_names[column],
                     row->value[column] == NULL ? _("the value is missing") : _("the value is empty"));
      return FALSE;
    }

  *text = row->value[column];
  return TRUE;
}

static gboolean
take_number (SpImportParser  *self,
             const RawRow    *row,
             Column           column,
             guint            decimals,
             SpImportNumber   kind,
             gboolean        *given,
             gint64          *value)
{
  GError *error = NULL;

  *given = row->value[column] != NULL && row->length[column] > 0;
  if (!*given)
    {
      if ((kinds[self->kind].required & BIT (column)) == 0)
        return TRUE;
      add_row_error (self, row->line, row->index, column_names[column],
                     _("the value is missing"));
      return FALSE;
    }

  if (!_sp_import_parse_decimal (row->value[column], row->length[column], decimals,
                                 self->csv != NULL && sp_csv_reader_get_separator (self->csv) == ';',
                                 kind, value, &error))
    {
      reject_error (self, row, column, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_catalog (SpImportParser *self,
                  const RawRow   *row,
                  SpImportRecord *record)
{
  GError *error = NULL;
  gboolean given;
  guint decimals;

  if (!take_text (self, row, COL_SKU, &record->sku) ||
      !take_text (self, row, COL_NAME, &record->name))
    return FALSE;

  if (row->value[COL_CURRENCY] == NULL || row->length[COL_CURRENCY] == 0)
    {
      add_row_error (self, row->line, row->index, column_names[COL_CURRENCY],
                     _("the value is missing"));
      return FALSE;
    }
  if (!_sp_import_parse_currency (row->value[COL_CURRENCY], row->length[COL_CURRENCY],
                                  record->currency, &error))
    {
      reject_error (self, row, COL_CURRENCY, error);
      return FALSE;
    }

  /* Rows mostly share their currency: its decimals are looked up once. */
  if (memcmp (record->currency, self->decimals_currency, 4) != 0)
    {
      memcpy (self->decimals_currency, record->currency, 4);
      self->decimals = _sp_import_currency_decimals (record->currency);
    }
  decimals = self->decimals;
  if (!take_number (self, row, COL_LIST_PRICE, decimals, SP_IMPORT_NUMBER_AMOUNT, &given,
                    &record->list_price) ||
      !take_number (self, row, COL_COST, decimals, SP_IMPORT_NUMBER_AMOUNT, &given,
                    &record->cost) ||
      !take_number (self, row, COL_STOCK_ON_HAND, 0, SP_IMPORT_NUMBER_COUNT,
                    &record->has_stock_on_hand, &record->stock_on_hand) ||
      !take_number (self, row, COL_AVG_DAILY_SALES, 2, SP_IMPORT_NUMBER_QUANTITY,
                    &record->has_avg_daily_sales, &record->avg_daily_sales))
    return FALSE;

  if (row->value[COL_CATEGORY_PATH] != NULL)
    {
      if (!_sp_import_normalize_category (row->value[COL_CATEGORY_PATH],
                                          row->length[COL_CATEGORY_PATH], self->category, &error))
        {
          reject_error (self, row, COL_CATEGORY_PATH, error);
          return FALSE;
        }
      record->category_path = self->category->str;
    }

  if (row->value[COL_UOM] != NULL && row->length[COL_UOM] > 0)
    record->uom = row->value[COL_UOM];

  return TRUE;
}

static gboolean
validate_stock (SpImportParser *self,
                const RawRow   *row,
                SpImportRecord *record)
{
  return take_text (self, row, COL_SKU, &record->sku) &&
         take_text (self, row, COL_SITE, &record->site) &&
         take_number (self, row, COL_STOCK_ON_HAND, 0, SP_IMPORT_NUMBER_COUNT,
                      &record->has_stock_on_hand, &record->stock_on_hand) &&
         take_number (self, row, COL_AVG_DAILY_SALES, 2, SP_IMPORT_NUMBER_QUANTITY,
                      &record->has_avg_daily_sales, &record->avg_daily_sales);
}

static gboolean
process_row (SpImportParser  *self,
             const RawRow    *row,
             GError         **error)
{
  SpImportRecord record = { 0, };
  gboolean valid;

  record.line = row->line;
  record.index = row->index;
  record.extra_json = self->extra_json;

  if (self->kind == SP_IMPORT_KIND_CATALOG)
    valid = validate_catalog (self, row, &record);
  else
    valid = validate_stock (self, row, &record);

  if (!valid || g_atomic_int_get (&self->stopped))
    return TRUE;

  return self->func (self, &record, self->user_data, error);
}

static gboolean
check_cancelled (SpImportParser  *self,
                 GError         **error)
{
  if (self->rows % CANCEL_CHECK_INTERVAL == 0)
    return !g_cancellable_set_error_if_cancelled (self->cancellable, error);

  return TRUE;
}

static int
find_column (SpImportParser *self,
             const char     *name)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    if ((kinds[self->kind].columns & BIT (c)) != 0 && g_ascii_strcasecmp (name, column_names[c]) == 0)
      return c;

  return -1;
}

/* Returns: (transfer full): the extra columns as a JSON object */
static char *
generate_json (SpImportParser *self,
               JsonBuilder    *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  if (self->generator == NULL)
    self->generator = json_generator_new ();
  json_generator_set_root (self->generator, root);

  return json_generator_to_data (self->generator, NULL);
}

static gboolean
read_header (SpImportParser      *self,
             const char * const  *fields,
             const gsize         *lengths,
             guint                n_fields,
             guint                line,
             GError             **error)
{
  const char *file = self->report->file;
  guint seen = 0;

  self->have_header = TRUE;
  self->n_header = n_fields;
  self->header_columns = g_new0 (int, n_fields);
  self->header_names = g_new0 (char *, n_fields + 1);

  for (guint i = 0; i < n_fields; i++)
    {
      int column;

      if (!g_utf8_validate_len (fields[i], lengths[i], NULL))
        {
          g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT,
                       /* Translators: %1$s is a file name, %2$u a line, %3$u a column number */
                       _("%1$s:%2$u: the header is not valid UTF-8 (column %3$u)"), file, line, i + 1);
          return FALSE;
        }

      self->header_names[i] = g_strstrip (g_strndup (fields[i], lengths[i]));
      column = find_column (self, self->header_names[i]);
      self->header_columns[i] = column;

      if (column < 0)
        {
          self->header_has_extra = TRUE;
          continue;
        }

      if ((seen & BIT (column)) != 0)
        {
          g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT,
                       /* Translators: %1$s is a file name, %2$u a line, %3$s a column name */
                       _("%1$s:%2$u: %3$s: the column appears twice in the header"),
                       file, line, column_names[column]);
          return FALSE;
        }
      seen |= BIT (column);
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      if ((kinds[self->kind].required & BIT (c)) != 0 && (seen & BIT (c)) == 0)
        {
          g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT,
                       /* Translators: %1$s is a file name, %2$u a line, %3$s a column name */
                       _("%1$s:%2$u: %3$s: the header has no such column"), file, line,
                       column_names[c]);
          return FALSE;
        }
    }

  return TRUE;
}

static void
build_csv_extra (SpImportParser     *self,
                 const char * const *fields,
                 const gsize        *lengths)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  for (guint i = 0; i < self->n_header; i++)
    {
      if (self->header_columns[i] >= 0 || self->header_names[i][0] == '\0')
        continue;
      json_builder_set_member_name (builder, self->header_names[i]);
      json_builder_add_string_value (builder, fields[i]);
    }
  json_builder_end_object (builder);

  g_free (self->extra_json);
  self->extra_json = generate_json (self, builder);
}

/* Whether @text is all ASCII without NUL bytes, hence valid UTF-8 (as
 * g_utf8_validate_len() sees it), found eight bytes at a time: most fields
 * are, and are then not looked at twice. */
static gboolean
is_ascii_text (const char *text,
               gsize       length)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize i = 0;

  /* A byte of 1 to 0x7F sets no high bit, nor does it minus one; 0
   * minus one does, and a high byte sets its own. */
  for (; i + 8 <= length; i += 8)
    {
      guint64 word;

      memcpy (&word, text + i, 8);
      if (((word - ones) | word) & highs)
        return FALSE;
    }
  for (; i < length; i++)
    if ((guchar)text[i] - 1u >= 0x7Fu)
      return FALSE;

  return TRUE;
}

static gboolean
csv_record_cb (const char * const  *fields,
               const gsize         *lengths,
               guint                n_fields,
               guint                line,
               gpointer             user_data,
               GError             **error)
{
  SpImportParser *self = user_data;
  RawRow row = { 0, };

  if (!self->have_header)
    return read_header (self, fields, lengths, n_fields, line, error);

  self->rows++;
  if (!check_cancelled (self, error))
    return FALSE;

  row.line = line;
  row.index = -1;

  if (n_fields != self->n_header)
    {
      g_autofree char *reason =
        /* Translators: %1$u and %2$u are numbers of fields */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "the row has %1$u field, the header has %2$u",
                                      "the row has %1$u fields, the header has %2$u", n_fields),
                         n_fields, self->n_header);

      add_row_error (self, line, -1, NULL, reason);
      return TRUE;
    }

  for (guint i = 0; i < n_fields; i++)
    {
      int column = self->header_columns[i];

      if (!is_ascii_text (fields[i], lengths[i]) &&
          !g_utf8_validate_len (fields[i], lengths[i], NULL))
        {
          add_row_error (self, line, -1, self->header_names[i], _("the text is not valid UTF-8"));
          return TRUE;
        }
      if (column >= 0)
        {
          row.value[column] = fields[i];
          row.length[column] = lengths[i];
        }
    }

  if (self->kind == SP_IMPORT_KIND_CATALOG && self->header_has_extra)
    build_csv_extra (self, fields, lengths);

  return process_row (self, &row, error);
}

/* JSON values become text so that both formats share one validation:
 * strings as they are, integers in decimal, null as not given. A number
 * with a fraction never becomes money (it went through double already). */
static gboolean
take_json_value (SpImportParser *self,
                 RawRow         *row,
                 Column          column,
                 JsonNode       *node)
{
  const char *reason = NULL;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      return TRUE;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          row->value[column] = json_node_get_string (node);
          row->length[column] = strlen (row->value[column]);
          /* json-glib takes octal escapes ("\222") that make invalid UTF-8. */
          if (g_utf8_validate_len (row->value[column], row->length[column], NULL))
            return TRUE;
          reason = _("the text is not valid UTF-8");
          break;
        }
      if (json_node_get_value_type (node) == G_TYPE_INT64)
        {
          g_snprintf (self->numbers[column], sizeof self->numbers[column], "%" G_GINT64_FORMAT,
                      json_node_get_int (node));
          row->value[column] = self->numbers[column];
          row->length[column] = strlen (row->value[column]);
          return TRUE;
        }
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        reason = _("a number with a fraction is not exact; write it as a string (\"12.30\")");
      else
        reason = _("expected a string or an integer, not true or false");
      break;

    case JSON_NODE_OBJECT:
    case JSON_NODE_ARRAY:
    default:
      reason = _("expected a string or an integer");
      break;
    }

  add_row_error (self, row->line, row->index, column_names[column], reason);
  return FALSE;
}

static gboolean
process_json_object (SpImportParser  *self,
                     int              index,
                     JsonObject      *object,
                     GError         **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;
  RawRow row = { 0, };

  row.index = index;
  g_clear_pointer (&self->extra_json, g_free);

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &node))
    {
      int column = find_column (self, member);

      if (column >= 0)
        {
          if (!take_json_value (self, &row, column, node))
            return TRUE;
        }
      else if (self->kind == SP_IMPORT_KIND_CATALOG)
        {
          if (builder == NULL)
            {
              builder = json_builder_new_immutable ();
              json_builder_begin_object (builder);
            }
          json_builder_set_member_name (builder, member);
          json_builder_add_value (builder, json_node_copy (node));
        }
    }

  if (builder != NULL)
    {
      json_builder_end_object (builder);
      self->extra_json = generate_json (self, builder);
      if (!g_utf8_validate (self->extra_json, -1, NULL))
        {
          add_row_error (self, 0, index, NULL, _("a member that is not a column is not valid UTF-8"));
          return TRUE;
        }
    }

  return process_row (self, &row, error);
}

static gboolean
process_json (SpImportParser  *self,
              GError         **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  const char *file = self->report->file;
  const char *data = (const char *)self->json->data;
  gsize length = self->json->len;
  JsonNode *root;
  JsonArray *array;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (data == NULL || length == 0)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT,
                   /* Translators: %s is a file name */
                   _("%s: the file is empty"), file);
      return FALSE;
    }

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib's message starts with "<data>:LINE:COLUMN: ". */
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT, "%s: %s", file,
                   g_str_has_prefix (local_error->message, "<data>:")
                     ? local_error->message + strlen ("<data>:") : local_error->message);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT,
                   /* Translators: %s is a file name */
                   _("%s: $: expected an array of objects"), file);
      return FALSE;
    }

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      self->rows++;
      if (!check_cancelled (self, error))
        return FALSE;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        add_row_error (self, 0, (int)i, NULL, _("expected an object"));
      else if (!process_json_object (self, (int)i, json_node_get_object (element), error))
        return FALSE;
    }

  return TRUE;
}

SpImportParser *
_sp_import_parser_new (SpImportKind        kind,
                       SpImportFormat      format,
                       SpImportReport     *report,
                       gboolean            skip_invalid,
                       SpImportRecordFunc  func,
                       gpointer            user_data,
                       GCancellable       *cancellable)
{
  SpImportParser *self;

  g_return_val_if_fail (format == SP_IMPORT_FORMAT_CSV || format == SP_IMPORT_FORMAT_JSON, NULL);
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = g_new0 (SpImportParser, 1);
  self->kind = kind;
  self->format = format;
  self->report = sp_import_report_ref (report);
  self->skip_invalid = skip_invalid;
  self->func = func;
  self->user_data = user_data;
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->category = g_string_new (NULL);

  if (format == SP_IMPORT_FORMAT_CSV)
    self->csv = sp_csv_reader_new (report->file, csv_record_cb, self);
  else
    self->json = g_byte_array_new ();

  return self;
}

void
_sp_import_parser_free (SpImportParser *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->csv, sp_csv_reader_free);
  g_clear_pointer (&self->json, g_byte_array_unref);
  g_clear_pointer (&self->report, sp_import_report_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->generator);
  g_free (self->header_columns);
  g_strfreev (self->header_names);
  g_string_free (self->category, TRUE);
  g_free (self->extra_json);
  g_free (self);
}

gboolean
_sp_import_parser_feed (SpImportParser  *self,
                        const char      *data,
                        gsize            length,
                        GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->json != NULL)
    {
      g_byte_array_append (self->json, (const guint8 *)data, length);
      return TRUE;
    }

  return sp_csv_reader_feed (self->csv, data, length, error);
}

gboolean
_sp_import_parser_finish (SpImportParser  *self,
                          GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->json != NULL)
    return process_json (self, error);

  if (!sp_csv_reader_finish (self->csv, error))
    return FALSE;

  if (!self->have_header)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IMPORT,
                   /* Translators: %s is a file name */
                   _("%s: the file is empty; it needs a header line"), self->report->file);
      return FALSE;
    }

  return TRUE;
}
