/* sp-segment.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-core-enums.h"
#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_SEGMENT (sp_segment_get_type ())

G_DECLARE_FINAL_TYPE (SpSegment, sp_segment, SP, SEGMENT, GObject)

SpSegment  *sp_segment_new             (const char  *code,
                                        const char  *name) G_GNUC_WARN_UNUSED_RESULT;
const char *sp_segment_get_id          (SpSegment   *self);
const char *sp_segment_get_code        (SpSegment   *self);
void        sp_segment_set_code        (SpSegment   *self,
                                        const char  *code);
const char *sp_segment_get_name        (SpSegment   *self);
void        sp_segment_set_name        (SpSegment   *self,
                                        const char  *name);
const char *sp_segment_get_description (SpSegment   *self);
void        sp_segment_set_description (SpSegment   *self,
                                        const char  *description);
const char *sp_segment_get_remote_id   (SpSegment   *self);
void        sp_segment_set_remote_id   (SpSegment   *self,
                                        const char  *remote_id);
gboolean    sp_segment_validate        (SpSegment   *self,
                                        GError     **error);

G_END_DECLS
