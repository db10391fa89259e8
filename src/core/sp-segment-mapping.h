/* sp-segment-mapping.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-core-enums.h"
#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_SEGMENT_MAPPING (sp_segment_mapping_get_type ())

G_DECLARE_FINAL_TYPE (SpSegmentMapping, sp_segment_mapping, SP, SEGMENT_MAPPING, GObject)

SpSegmentMapping *sp_segment_mapping_new              (const char        *segment_code,
                                                       SpScopeKind        kind,
                                                       const char        *ref) G_GNUC_WARN_UNUSED_RESULT;
const char       *sp_segment_mapping_get_id           (SpSegmentMapping  *self);
const char       *sp_segment_mapping_get_segment_code (SpSegmentMapping  *self);
void              sp_segment_mapping_set_segment_code (SpSegmentMapping  *self,
                                                       const char        *segment_code);
SpScopeKind       sp_segment_mapping_get_kind         (SpSegmentMapping  *self);
void              sp_segment_mapping_set_kind         (SpSegmentMapping  *self,
                                                       SpScopeKind        kind);
const char       *sp_segment_mapping_get_ref          (SpSegmentMapping  *self);
void              sp_segment_mapping_set_ref          (SpSegmentMapping  *self,
                                                       const char        *ref);
gboolean          sp_segment_mapping_validate         (SpSegmentMapping  *self,
                                                       GError           **error);

G_END_DECLS
