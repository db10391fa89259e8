/* sp-banner.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-core-enums.h"
#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_BANNER (sp_banner_get_type ())

G_DECLARE_FINAL_TYPE (SpBanner, sp_banner, SP, BANNER, GObject)

SpBanner   *sp_banner_new             (const char  *title) G_GNUC_WARN_UNUSED_RESULT;
const char *sp_banner_get_id          (SpBanner    *self);
const char *sp_banner_get_campaign_id (SpBanner    *self);
void        sp_banner_set_campaign_id (SpBanner    *self,
                                       const char  *campaign_id);
const char *sp_banner_get_title       (SpBanner    *self);
void        sp_banner_set_title       (SpBanner    *self,
                                       const char  *title);
const char *sp_banner_get_body        (SpBanner    *self);
void        sp_banner_set_body        (SpBanner    *self,
                                       const char  *body);
const char *sp_banner_get_link        (SpBanner    *self);
void        sp_banner_set_link        (SpBanner    *self,
                                       const char  *link);
const char *sp_banner_get_placement   (SpBanner    *self);
void        sp_banner_set_placement   (SpBanner    *self,
                                       const char  *placement);
const char *sp_banner_get_image_path  (SpBanner    *self);
void        sp_banner_set_image_path  (SpBanner    *self,
                                       const char  *image_path);
const char *sp_banner_get_remote_id   (SpBanner    *self);
void        sp_banner_set_remote_id   (SpBanner    *self,
                                       const char  *remote_id);
gboolean    sp_banner_validate        (SpBanner    *self,
                                       GError     **error);

G_END_DECLS
