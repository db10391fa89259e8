/* sp-promotion.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-promotion.h"
#include "sp-model-error.h"

#include <string.h>

G_DEFINE_ENUM_TYPE (SpStacking, sp_stacking,
  G_DEFINE_ENUM_VALUE (SP_STACKING_STACK, "stack"),
  G_DEFINE_ENUM_VALUE (SP_STACKING_EXCLUSIVE, "exclusive"))

struct _SpPromotion
{
  GObject parent_instance;

  char *id;  /* owned */
  char *number;  /* owned */
  char *name;  /* owned */
  char *description;  /* owned */
  char *start_date;  /* owned */
  char *end_date;  /* owned */
  SpStacking stacking;
  GListStore *lines;  /* owned; items: SpPromotionLine */
};

G_DEFINE_FINAL_TYPE (SpPromotion, sp_promotion, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_STACKING,
  PROP_LINES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sp_promotion_dispose (GObject *object)
{
  SpPromotion *self = (SpPromotion *)object;

  g_clear_object (&self->lines);

  G_OBJECT_CLASS (sp_promotion_parent_class)->dispose (object);
}

static void
sp_promotion_finalize (GObject *object)
{
  SpPromotion *self = (SpPromotion *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->start_date, g_free);
  g_clear_pointer (&self->end_date, g_free);

  G_OBJECT_CLASS (sp_promotion_parent_class)->finalize (object);
}

static void
sp_promotion_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SpPromotion *self = SP_PROMOTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;

    case PROP_END_DATE:
      g_value_set_string (value, self->end_date);
      break;

    case PROP_STACKING:
      g_value_set_enum (value, self->stacking);
      break;

    case PROP_LINES:
      g_value_set_object (value, self->lines);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_promotion_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SpPromotion *self = SP_PROMOTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      sp_promotion_set_id (self, g_value_get_string (value));
      break;

    case PROP_NUMBER:
      sp_promotion_set_number (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      sp_promotion_set_name (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      sp_promotion_set_description (self, g_value_get_string (value));
      break;

    case PROP_START_DATE:
      sp_promotion_set_start_date (self, g_value_get_string (value));
      break;

    case PROP_END_DATE:
      sp_promotion_set_end_date (self, g_value_get_string (value));
      break;

    case PROP_STACKING:
      sp_promotion_set_stacking (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_promotion_class_init (SpPromotionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_promotion_dispose;
  object_class->finalize = sp_promotion_finalize;
  object_class->get_property = sp_promotion_get_property;
  object_class->set_property = sp_promotion_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_END_DATE] =
    g_param_spec_string ("end-date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_STACKING] =
    g_param_spec_enum ("stacking", NULL, NULL, SP_TYPE_STACKING, SP_STACKING_STACK,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_LINES] =
    g_param_spec_object ("lines", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_promotion_init (SpPromotion *self)
{
  self->stacking = SP_STACKING_STACK;
  self->lines = g_list_store_new (SP_TYPE_PROMOTION_LINE);
}

SpPromotion *
sp_promotion_new (void)
{
  return g_object_new (SP_TYPE_PROMOTION, NULL);
}

const char *
sp_promotion_get_id (SpPromotion *self)
{
  g_return_val_if_fail (SP_IS_PROMOTION (self), NULL);

  return self->id;
}

void
sp_promotion_set_id (SpPromotion *self,
                     const char *id)
{
  g_return_if_fail (SP_IS_PROMOTION (self));

  /* g_set_str () would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

const char *
sp_promotion_get_number (SpPromotion *self)
{
  g_return_val_if_fail (SP_IS_PROMOTION (self), NULL);

  return self->number;
}

void
sp_promotion_set_number (SpPromotion *self,
                         const char *number)
{
  g_return_if_fail (SP_IS_PROMOTION (self));

  /* g_set_str () would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->number, number) == 0)
    return;

  g_free (self->number);
  self->number = g_strdup (number);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NUMBER]);
}

const char *
sp_promotion_get_name (SpPromotion *self)
{
  g_return_val_if_fail (SP_IS_PROMOTION (self), NULL);

  return self->name;
}

void
sp_promotion_set_name (SpPromotion *self,
                       const char *name)
{
  g_return_if_fail (SP_IS_PROMOTION (self));

  /* g_set_str () would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

const char *
sp_promotion_get_description (SpPromotion *self)
{
  g_return_val_if_fail (SP_IS_PROMOTION (self), NULL);

  return self->description;
}

void
sp_promotion_set_description (SpPromotion *self,
                              const char *description)
{
  g_return_if_fail (SP_IS_PROMOTION (self));

  /* g_set_str () would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DESCRIPTION]);
}

const char *
sp_promotion_get_start_date (SpPromotion *self)
{
  g_return_val_if_fail (SP_IS_PROMOTION (self), NULL);

  return self->start_date;
}

void
sp_promotion_set_start_date (SpPromotion *self,
                             const char *start_date)
{
  g_return_if_fail (SP_IS_PROMOTION (self));

  /* g_set_str () would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->start_date, start_date) == 0)
    return;

  g_free (self->start_date);
  self->start_date = g_strdup (start_date);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_START_DATE]);
}

const char *
sp_promotion_get_end_date (SpPromotion *self)
{
  g_return_val_if_fail (SP_IS_PROMOTION (self), NULL);

  return self->end_date;
}

void
sp_promotion_set_end_date (SpPromotion *self,
                           const char *end_date)
{
  g_return_if_fail (SP_IS_PROMOTION (self));

  /* g_set_str () would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->end_date, end_date) == 0)
    return;

  g_free (self->end_date);
  self->end_date = g_strdup (end_date);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_END_DATE]);
}

SpStacking
sp_promotion_get_stacking (SpPromotion *self)
{
  g_return_val_if_fail (SP_IS_PROMOTION (self), 0);

  return self->stacking;
}

void
sp_promotion_set_stacking (SpPromotion *self,
                           SpStacking stacking)
{
  g_return_if_fail (SP_IS_PROMOTION (self));

  if (self->stacking == stacking)
    return;

  self->stacking = stacking;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STACKING]);
}

/**
 * sp_promotion_get_lines:
 *
 * Returns: (transfer none): the lines, a list model of #SpPromotionLine
 */
GListModel *
sp_promotion_get_lines (SpPromotion *self)
{
  g_return_val_if_fail (SP_IS_PROMOTION (self), NULL);

  return G_LIST_MODEL (self->lines);
}

void
sp_promotion_append_line (SpPromotion *self,
                          SpPromotionLine *line)
{
  g_return_if_fail (SP_IS_PROMOTION (self));
  g_return_if_fail (SP_IS_PROMOTION_LINE (line));

  g_list_store_append (self->lines, line);
}


/* Every validation message starts with the location of the field, so that a
 * file importer can hand it on unchanged ("$.promotions[3].lines[0].number: …"). */
static gboolean
set_field_error (GError     **error,
                 const char  *path,
                 const char  *field,
                 const char  *message)
{
  g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_INVALID_FIELD,
               "%s%s%s: %s", path != NULL ? path : "", path != NULL ? "." : "", field, message);
  return FALSE;
}

static gboolean
is_iso_date (const char *text)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint)g_ascii_strtoull (text, NULL, 10);
  month = (guint)g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint)g_ascii_strtoull (text + 8, NULL, 10);

  return g_date_valid_dmy (day, month, year);
}

/**
 * sp_promotion_validate:
 * @self: a promotion
 * @path: (nullable): where the promotion is, for the message
 * @error: return location for a #GError
 *
 * A promotion has a name, start and end dates ('YYYY-MM-DD', start ≤ end),
 * and lines with distinct numbers. The number may be empty: it is assigned
 * when the promotion is first saved.
 *
 * Returns: %TRUE when valid
 */
gboolean
sp_promotion_validate (SpPromotion  *self,
                       const char   *path,
                       GError      **error)
{
  g_autoptr(GHashTable) numbers = NULL;
  guint n;

  g_return_val_if_fail (SP_IS_PROMOTION (self), FALSE);

  if (self->name == NULL || self->name[0] == '\0')
    return set_field_error (error, path, "name", _("the name must not be empty"));
  if (!is_iso_date (self->start_date))
    return set_field_error (error, path, "start", _("expected a date as YYYY-MM-DD"));
  if (!is_iso_date (self->end_date))
    return set_field_error (error, path, "end", _("expected a date as YYYY-MM-DD"));
  if (strcmp (self->start_date, self->end_date) > 0)
    return set_field_error (error, path, "end", _("the end date is before the start date"));

  numbers = g_hash_table_new (g_str_hash, g_str_equal);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->lines));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpPromotionLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);
      g_autofree char *where = g_strdup_printf ("%s%slines[%u]", path ? path : "", path ? "." : "", i);

      if (!sp_promotion_line_validate (line, where, error))
        return FALSE;
      if (!g_hash_table_add (numbers, (gpointer)sp_promotion_line_get_number (line)))
        return set_field_error (error, where, "number", _("two lines have the same number"));
    }

  return TRUE;
}

/**
 * sp_promotion_is_active_on:
 * @self: a promotion
 * @date: a date as 'YYYY-MM-DD'
 *
 * Returns: whether @date is within the start and end dates, both included
 */
gboolean
sp_promotion_is_active_on (SpPromotion *self,
                           const char  *date)
{
  g_return_val_if_fail (SP_IS_PROMOTION (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (self->start_date == NULL || self->end_date == NULL)
    return FALSE;

  /* ISO dates compare as strings. */
  return strcmp (self->start_date, date) <= 0 && strcmp (date, self->end_date) <= 0;
}
