/* sp-validate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-validate"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sp-date.h"
#include "sp-model-error.h"
#include "sp-money.h"
#include "sp-validate-private.h"

static gboolean
is_empty (const char *value)
{
  return value == NULL || value[0] == '\0';
}

gboolean
_sp_validate_not_empty (const char  *field,
                        const char  *value,
                        GError     **error)
{
  if (is_empty (value))
    {
      g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_INVALID_FIELD,
                   /* Translators: %s is the name of a field, such as “sku” */
                   _("The field “%s” must not be empty"), field);
      return FALSE;
    }

  return TRUE;
}

gboolean
_sp_validate_currency (const char  *field,
                       const char  *value,
                       gboolean     required,
                       GError     **error)
{
  if (is_empty (value) && !required)
    return TRUE;

  if (!sp_currency_is_valid (value))
    {
      g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_INVALID_FIELD,
                   /* Translators: %1$s is the name of a field, %2$s its value */
                   _("The field “%1$s” must be a currency code of three capital letters such as EUR, not “%2$s”"),
                   field, value != NULL ? value : "");
      return FALSE;
    }

  return TRUE;
}

gboolean
_sp_validate_date (const char  *field,
                   const char  *value,
                   gboolean     required,
                   GError     **error)
{
  if (is_empty (value) && !required)
    return TRUE;

  if (!sp_date_is_valid (value))
    {
      g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_INVALID_FIELD,
                   /* Translators: %1$s is the name of a field, %2$s its value; keep YYYY-MM-DD */
                   _("The field “%1$s” must be a date in the form YYYY-MM-DD, not “%2$s”"),
                   field, value != NULL ? value : "");
      return FALSE;
    }

  return TRUE;
}

gboolean
_sp_validate_timestamp (const char  *field,
                        const char  *value,
                        GError     **error)
{
  if (is_empty (value))
    return TRUE;

  if (!sp_timestamp_is_valid (value))
    {
      g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_INVALID_FIELD,
                   /* Translators: %1$s is the name of a field, %2$s its value; keep the example as is */
                   _("The field “%1$s” must be a date and time such as 2025-03-01T08:30:00Z, not “%2$s”"),
                   field, value);
      return FALSE;
    }

  return TRUE;
}

gboolean
_sp_validate_date_range (const char  *from_field,
                         const char  *from,
                         const char  *to_field,
                         const char  *to,
                         GError     **error)
{
  if (is_empty (from) || is_empty (to))
    return TRUE;

  if (sp_date_compare (to, from) < 0)
    {
      g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_INVALID_FIELD,
                   /* Translators: %1$s and %3$s are field names, %2$s and %4$s dates */
                   _("The field “%1$s” (%2$s) must not be before “%3$s” (%4$s)"),
                   to_field, to, from_field, from);
      return FALSE;
    }

  return TRUE;
}

gboolean
_sp_validate_non_negative (const char  *field,
                           gint64       value,
                           GError     **error)
{
  if (value < 0)
    {
      g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_INVALID_FIELD,
                   /* Translators: %s is the name of a field */
                   _("The field “%s” must not be negative"), field);
      return FALSE;
    }

  return TRUE;
}

gboolean
_sp_validate_positive (const char  *field,
                       gint64       value,
                       GError     **error)
{
  if (value <= 0)
    {
      g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_INVALID_FIELD,
                   /* Translators: %s is the name of a field */
                   _("The field “%s” must be greater than zero"), field);
      return FALSE;
    }

  return TRUE;
}

gboolean
_sp_validate_percent (const char  *field,
                      gint64       bp,
                      GError     **error)
{
  if (bp < 0 || bp > SP_PERCENT_100)
    {
      g_autofree char *text = sp_percent_format (bp);

      g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_INVALID_FIELD,
                   /* Translators: %1$s is the name of a field, %2$s its value such as “120%” */
                   _("The field “%1$s” must be between 0%% and 100%%, not %2$s"), field, text);
      return FALSE;
    }

  return TRUE;
}

gboolean
_sp_validate_category_path (const char  *field,
                            const char  *path,
                            gboolean     required,
                            GError     **error)
{
  if (is_empty (path))
    return required ? _sp_validate_not_empty (field, path, error) : TRUE;

  /* Segments are separated by single slashes, with none at either end and
   * none empty: "Tools/Power Tools/Drills". */
  if (path[0] == '/' || g_str_has_suffix (path, "/") || strstr (path, "//") != NULL ||
      !g_utf8_validate (path, -1, NULL))
    {
      g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_INVALID_FIELD,
                   /* Translators: %1$s is the name of a field, %2$s its value */
                   _("The field “%1$s” must be a category path such as Tools/Power Tools/Drills, not “%2$s”"),
                   field, path);
      return FALSE;
    }

  return TRUE;
}

gboolean
_sp_validate_strv (const char         *field,
                   const char * const *values,
                   GError            **error)
{
  if (values == NULL)
    return TRUE;

  for (guint i = 0; values[i] != NULL; i++)
    {
      if (is_empty (values[i]))
        {
          g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_INVALID_FIELD,
                       /* Translators: %s is the name of a list field, such as “sites” */
                       _("The field “%s” must not contain an empty entry"), field);
          return FALSE;
        }

      for (guint j = 0; j < i; j++)
        {
          if (g_str_equal (values[i], values[j]))
            {
              g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_INVALID_FIELD,
                           /* Translators: %1$s is the name of a list field, %2$s the repeated entry */
                           _("The field “%1$s” lists “%2$s” twice"), field, values[i]);
              return FALSE;
            }
        }
    }

  return TRUE;
}

gboolean
_sp_strv_equal (char               **a,
                const char * const  *b)
{
  static const char * const empty[] = { NULL };

  /* NULL and an empty array are the same value. */
  return g_strv_equal ((const char * const *)(a != NULL ? a : (char **)empty),
                       b != NULL ? b : empty);
}
