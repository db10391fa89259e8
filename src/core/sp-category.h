/* sp-category.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-core-enums.h"
#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_CATEGORY (sp_category_get_type ())

G_DECLARE_FINAL_TYPE (SpCategory, sp_category, SP, CATEGORY, GObject)

SpCategory *sp_category_new               (const char  *name,
                                           const char  *path) G_GNUC_WARN_UNUSED_RESULT;
const char *sp_category_get_id            (SpCategory  *self);
const char *sp_category_get_parent_id     (SpCategory  *self);
void        sp_category_set_parent_id     (SpCategory  *self,
                                           const char  *parent_id);
const char *sp_category_get_name          (SpCategory  *self);
void        sp_category_set_name          (SpCategory  *self,
                                           const char  *name);
const char *sp_category_get_path          (SpCategory  *self);
void        sp_category_set_path          (SpCategory  *self,
                                           const char  *path);
const char *sp_category_get_remote_id     (SpCategory  *self);
void        sp_category_set_remote_id     (SpCategory  *self,
                                           const char  *remote_id);
gboolean    sp_category_validate          (SpCategory  *self,
                                           GError     **error);
gboolean    sp_category_path_is_valid     (const char  *path);
char       *sp_category_path_dup_parent   (const char  *path) G_GNUC_WARN_UNUSED_RESULT;
const char *sp_category_path_get_basename (const char  *path);
guint       sp_category_path_get_depth    (const char  *path);
gboolean    sp_scope_contains             (const char * const *skus,
                                           const char * const *categories,
                                           const char         *sku,
                                           const char         *category_path);
gboolean    sp_category_path_contains     (const char  *ancestor,
                                           const char  *path);

G_END_DECLS
