/* sp-company.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-core-enums.h"
#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_COMPANY (sp_company_get_type ())

G_DECLARE_FINAL_TYPE (SpCompany, sp_company, SP, COMPANY, GObject)

SpCompany  *sp_company_new              (const char  *code,
                                         const char  *name) G_GNUC_WARN_UNUSED_RESULT;
const char *sp_company_get_id           (SpCompany   *self);
const char *sp_company_get_code         (SpCompany   *self);
void        sp_company_set_code         (SpCompany   *self,
                                         const char  *code);
const char *sp_company_get_name         (SpCompany   *self);
void        sp_company_set_name         (SpCompany   *self,
                                         const char  *name);
const char *sp_company_get_country      (SpCompany   *self);
void        sp_company_set_country      (SpCompany   *self,
                                         const char  *country);
const char *sp_company_get_city         (SpCompany   *self);
void        sp_company_set_city         (SpCompany   *self,
                                         const char  *city);
const char *sp_company_get_segment_code (SpCompany   *self);
void        sp_company_set_segment_code (SpCompany   *self,
                                         const char  *segment_code);
const char *sp_company_get_site_code    (SpCompany   *self);
void        sp_company_set_site_code    (SpCompany   *self,
                                         const char  *site_code);
const char *sp_company_get_remote_id    (SpCompany   *self);
void        sp_company_set_remote_id    (SpCompany   *self,
                                         const char  *remote_id);
gboolean    sp_company_validate         (SpCompany   *self,
                                         GError     **error);

G_END_DECLS
