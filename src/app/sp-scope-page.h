/* sp-scope-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-campaign-page.h"

G_BEGIN_DECLS

#define SP_TYPE_SCOPE_PAGE (sp_scope_page_get_type ())

G_DECLARE_FINAL_TYPE (SpScopePage, sp_scope_page, SP, SCOPE_PAGE, SpCampaignPage)

void        sp_scope_page_set_search       (SpScopePage *self,
                                            const char  *text);
void        sp_scope_page_type             (SpScopePage *self,
                                            const char  *text);
guint       sp_scope_page_get_n_shown      (SpScopePage *self);
gboolean    sp_scope_page_get_ready        (SpScopePage *self);
void        sp_scope_page_add_category     (SpScopePage *self,
                                            const char  *path);
void        sp_scope_page_set_overstocked  (SpScopePage *self,
                                            gboolean     overstocked_only);
void        sp_scope_page_set_in_scope_only (SpScopePage *self,
                                             gboolean     in_scope_only);

G_END_DECLS
