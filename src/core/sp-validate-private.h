/* sp-validate-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Field checks shared by the model's validate() functions. Each fails with
 * SP_MODEL_ERROR_INVALID_FIELD and a message naming @field, the property
 * name ("list-price").
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean _sp_validate_not_empty     (const char         *field,
                                     const char         *value,
                                     GError            **error);
gboolean _sp_validate_currency      (const char         *field,
                                     const char         *value,
                                     gboolean            required,
                                     GError            **error);
gboolean _sp_validate_date          (const char         *field,
                                     const char         *value,
                                     gboolean            required,
                                     GError            **error);
gboolean _sp_validate_timestamp     (const char         *field,
                                     const char         *value,
                                     GError            **error);
gboolean _sp_validate_date_range    (const char         *from_field,
                                     const char         *from,
                                     const char         *to_field,
                                     const char         *to,
                                     GError            **error);
gboolean _sp_validate_non_negative  (const char         *field,
                                     gint64              value,
                                     GError            **error);
gboolean _sp_validate_positive      (const char         *field,
                                     gint64              value,
                                     GError            **error);
gboolean _sp_validate_percent       (const char         *field,
                                     gint64              bp,
                                     GError            **error);
gboolean _sp_validate_category_path (const char         *field,
                                     const char         *path,
                                     gboolean            required,
                                     GError            **error);
gboolean _sp_validate_strv          (const char         *field,
                                     const char * const *values,
                                     GError            **error);
gboolean _sp_strv_equal             (char              **a,
                                     const char * const *b);

G_END_DECLS
