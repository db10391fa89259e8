/* sp-rule-group.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-rule-condition.h"

G_BEGIN_DECLS

/* How the conditions of a block (or the groups of a rule) combine. */
typedef enum
{
  SP_RULE_OPERATOR_ALL = 0,
  SP_RULE_OPERATOR_ANY,
} SpRuleOperator;

#define SP_TYPE_RULE_OPERATOR (sp_rule_operator_get_type ())
GType sp_rule_operator_get_type (void) G_GNUC_CONST;
/* Where a node sits in an eligibility rule. */
typedef enum
{
  SP_RULE_GROUP_KIND_RULE = 0,
  SP_RULE_GROUP_KIND_GROUP,
  SP_RULE_GROUP_KIND_SUBGROUP,
  SP_RULE_GROUP_KIND_EXCLUSION,
} SpRuleGroupKind;

#define SP_TYPE_RULE_GROUP_KIND (sp_rule_group_kind_get_type ())
GType sp_rule_group_kind_get_type (void) G_GNUC_CONST;

#define SP_TYPE_RULE_GROUP (sp_rule_group_get_type ())

G_DECLARE_FINAL_TYPE (SpRuleGroup, sp_rule_group, SP, RULE_GROUP, GObject)

SpRuleGroup *   sp_rule_group_new              (void) G_GNUC_WARN_UNUSED_RESULT;
SpRuleGroupKind sp_rule_group_get_kind         (SpRuleGroup *self);
void            sp_rule_group_set_kind         (SpRuleGroup *self, SpRuleGroupKind kind);
SpRuleOperator  sp_rule_group_get_operator     (SpRuleGroup *self);
void            sp_rule_group_set_operator     (SpRuleGroup *self, SpRuleOperator operator);
GListModel *    sp_rule_group_get_conditions   (SpRuleGroup *self);
void            sp_rule_group_append_condition (SpRuleGroup *self, SpRuleCondition *condition);
GListModel *    sp_rule_group_get_groups       (SpRuleGroup *self);
void            sp_rule_group_append_group     (SpRuleGroup *self, SpRuleGroup *group);
SpRuleGroup *   sp_rule_group_get_subgroup     (SpRuleGroup *self);
void            sp_rule_group_set_subgroup     (SpRuleGroup *self, SpRuleGroup *subgroup);
SpRuleGroup *   sp_rule_group_get_exclusion    (SpRuleGroup *self);
void            sp_rule_group_set_exclusion    (SpRuleGroup *self, SpRuleGroup *exclusion);
SpRuleGroup *   sp_rule_group_new_with_kind    (SpRuleGroupKind kind) G_GNUC_WARN_UNUSED_RESULT;
gboolean        sp_rule_group_validate         (SpRuleGroup *self, const char *path, GError **error);

G_END_DECLS
