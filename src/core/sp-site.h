/* sp-site.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-core-enums.h"
#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_SITE (sp_site_get_type ())

G_DECLARE_FINAL_TYPE (SpSite, sp_site, SP, SITE, GObject)

SpSite     *sp_site_new          (const char  *code,
                                  const char  *name) G_GNUC_WARN_UNUSED_RESULT;
const char *sp_site_get_id       (SpSite      *self);
const char *sp_site_get_code     (SpSite      *self);
void        sp_site_set_code     (SpSite      *self,
                                  const char  *code);
const char *sp_site_get_name     (SpSite      *self);
void        sp_site_set_name     (SpSite      *self,
                                  const char  *name);
const char *sp_site_get_region   (SpSite      *self);
void        sp_site_set_region   (SpSite      *self,
                                  const char  *region);
const char *sp_site_get_currency (SpSite      *self);
void        sp_site_set_currency (SpSite      *self,
                                  const char  *currency);
gboolean    sp_site_validate     (SpSite      *self,
                                  GError     **error);

G_END_DECLS
