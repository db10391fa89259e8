/* sp-rule-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-rule-group.h"
#include "sp-model-error.h"

G_DEFINE_ENUM_TYPE (SpRuleOperator, sp_rule_operator,
  G_DEFINE_ENUM_VALUE (SP_RULE_OPERATOR_ALL, "all"),
  G_DEFINE_ENUM_VALUE (SP_RULE_OPERATOR_ANY, "any"))
G_DEFINE_ENUM_TYPE (SpRuleGroupKind, sp_rule_group_kind,
  G_DEFINE_ENUM_VALUE (SP_RULE_GROUP_KIND_RULE, "rule"),
  G_DEFINE_ENUM_VALUE (SP_RULE_GROUP_KIND_GROUP, "group"),
  G_DEFINE_ENUM_VALUE (SP_RULE_GROUP_KIND_SUBGROUP, "subgroup"),
  G_DEFINE_ENUM_VALUE (SP_RULE_GROUP_KIND_EXCLUSION, "exclusion"))

struct _SpRuleGroup
{
  GObject parent_instance;

  SpRuleGroupKind kind;
  SpRuleOperator operator;
  GListStore *conditions;  /* owned; items: SpRuleCondition */
  GListStore *groups;  /* owned; items: SpRuleGroup */
  SpRuleGroup *subgroup;  /* owned; nullable */
  SpRuleGroup *exclusion;  /* owned; nullable */
};

G_DEFINE_FINAL_TYPE (SpRuleGroup, sp_rule_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_OPERATOR,
  PROP_CONDITIONS,
  PROP_GROUPS,
  PROP_SUBGROUP,
  PROP_EXCLUSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sp_rule_group_dispose (GObject *object)
{
  SpRuleGroup *self = (SpRuleGroup *)object;

  g_clear_object (&self->conditions);
  g_clear_object (&self->groups);
  g_clear_object (&self->subgroup);
  g_clear_object (&self->exclusion);

  G_OBJECT_CLASS (sp_rule_group_parent_class)->dispose (object);
}

static void
sp_rule_group_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SpRuleGroup *self = SP_RULE_GROUP (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_OPERATOR:
      g_value_set_enum (value, self->operator);
      break;

    case PROP_CONDITIONS:
      g_value_set_object (value, self->conditions);
      break;

    case PROP_GROUPS:
      g_value_set_object (value, self->groups);
      break;

    case PROP_SUBGROUP:
      g_value_set_object (value, self->subgroup);
      break;

    case PROP_EXCLUSION:
      g_value_set_object (value, self->exclusion);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_rule_group_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SpRuleGroup *self = SP_RULE_GROUP (object);

  switch (prop_id)
    {
    case PROP_KIND:
      sp_rule_group_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_OPERATOR:
      sp_rule_group_set_operator (self, g_value_get_enum (value));
      break;

    case PROP_SUBGROUP:
      sp_rule_group_set_subgroup (self, g_value_get_object (value));
      break;

    case PROP_EXCLUSION:
      sp_rule_group_set_exclusion (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_rule_group_class_init (SpRuleGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_rule_group_dispose;
  object_class->get_property = sp_rule_group_get_property;
  object_class->set_property = sp_rule_group_set_property;

  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, SP_TYPE_RULE_GROUP_KIND, SP_RULE_GROUP_KIND_GROUP,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_OPERATOR] =
    g_param_spec_enum ("operator", NULL, NULL, SP_TYPE_RULE_OPERATOR, SP_RULE_OPERATOR_ALL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CONDITIONS] =
    g_param_spec_object ("conditions", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_GROUPS] =
    g_param_spec_object ("groups", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SUBGROUP] =
    g_param_spec_object ("subgroup", NULL, NULL, SP_TYPE_RULE_GROUP,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_EXCLUSION] =
    g_param_spec_object ("exclusion", NULL, NULL, SP_TYPE_RULE_GROUP,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_rule_group_init (SpRuleGroup *self)
{
  self->kind = SP_RULE_GROUP_KIND_GROUP;
  self->operator = SP_RULE_OPERATOR_ALL;
  self->conditions = g_list_store_new (SP_TYPE_RULE_CONDITION);
  self->groups = g_list_store_new (SP_TYPE_RULE_GROUP);
}

SpRuleGroup *
sp_rule_group_new (void)
{
  return g_object_new (SP_TYPE_RULE_GROUP, NULL);
}

SpRuleGroupKind
sp_rule_group_get_kind (SpRuleGroup *self)
{
  g_return_val_if_fail (SP_IS_RULE_GROUP (self), 0);

  return self->kind;
}

void
sp_rule_group_set_kind (SpRuleGroup *self,
                        SpRuleGroupKind kind)
{
  g_return_if_fail (SP_IS_RULE_GROUP (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
}

SpRuleOperator
sp_rule_group_get_operator (SpRuleGroup *self)
{
  g_return_val_if_fail (SP_IS_RULE_GROUP (self), 0);

  return self->operator;
}

void
sp_rule_group_set_operator (SpRuleGroup *self,
                            SpRuleOperator operator)
{
  g_return_if_fail (SP_IS_RULE_GROUP (self));

  if (self->operator == operator)
    return;

  self->operator = operator;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OPERATOR]);
}

/**
 * sp_rule_group_get_conditions:
 *
 * Returns: (transfer none): the conditions, a list model of #SpRuleCondition
 */
GListModel *
sp_rule_group_get_conditions (SpRuleGroup *self)
{
  g_return_val_if_fail (SP_IS_RULE_GROUP (self), NULL);

  return G_LIST_MODEL (self->conditions);
}

void
sp_rule_group_append_condition (SpRuleGroup *self,
                                SpRuleCondition *condition)
{
  g_return_if_fail (SP_IS_RULE_GROUP (self));
  g_return_if_fail (SP_IS_RULE_CONDITION (condition));

  g_list_store_append (self->conditions, condition);
}

/**
 * sp_rule_group_get_groups:
 *
 * Returns: (transfer none): the groups, a list model of #SpRuleGroup
 */
GListModel *
sp_rule_group_get_groups (SpRuleGroup *self)
{
  g_return_val_if_fail (SP_IS_RULE_GROUP (self), NULL);

  return G_LIST_MODEL (self->groups);
}

void
sp_rule_group_append_group (SpRuleGroup *self,
                            SpRuleGroup *group)
{
  g_return_if_fail (SP_IS_RULE_GROUP (self));
  g_return_if_fail (SP_IS_RULE_GROUP (group));

  g_list_store_append (self->groups, group);
}

/**
 * sp_rule_group_get_subgroup:
 *
 * Returns: (transfer none) (nullable): the subgroup
 */
SpRuleGroup *
sp_rule_group_get_subgroup (SpRuleGroup *self)
{
  g_return_val_if_fail (SP_IS_RULE_GROUP (self), NULL);

  return self->subgroup;
}

void
sp_rule_group_set_subgroup (SpRuleGroup *self,
                            SpRuleGroup *subgroup)
{
  g_return_if_fail (SP_IS_RULE_GROUP (self));

  if (g_set_object (&self->subgroup, subgroup))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUBGROUP]);
}

/**
 * sp_rule_group_get_exclusion:
 *
 * Returns: (transfer none) (nullable): the exclusion
 */
SpRuleGroup *
sp_rule_group_get_exclusion (SpRuleGroup *self)
{
  g_return_val_if_fail (SP_IS_RULE_GROUP (self), NULL);

  return self->exclusion;
}

void
sp_rule_group_set_exclusion (SpRuleGroup *self,
                             SpRuleGroup *exclusion)
{
  g_return_if_fail (SP_IS_RULE_GROUP (self));

  if (g_set_object (&self->exclusion, exclusion))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EXCLUSION]);
}


/* Every validation message starts with the location of the field, so that a
 * file importer can hand it on unchanged ("$.promotions[3].lines[0].number: …"). */
static gboolean
set_field_error (GError     **error,
                 const char  *path,
                 const char  *field,
                 const char  *message)
{
  g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_INVALID_FIELD,
               "%s%s%s: %s", path != NULL ? path : "", path != NULL ? "." : "", field, message);
  return FALSE;
}

/**
 * sp_rule_group_new_with_kind:
 * @kind: where the node sits
 *
 * Returns: (transfer full): a new node of @kind
 */
SpRuleGroup *
sp_rule_group_new_with_kind (SpRuleGroupKind kind)
{
  return g_object_new (SP_TYPE_RULE_GROUP, "kind", kind, NULL);
}

static gboolean
validate_conditions (SpRuleGroup  *self,
                     const char   *path,
                     GError      **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->conditions));

  if (n == 0)
    return set_field_error (error, path, "conditions", _("a block needs at least one condition"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpRuleCondition) condition = g_list_model_get_item (G_LIST_MODEL (self->conditions), i);
      g_autofree char *where = g_strdup_printf ("%s%sconditions[%u]", path ? path : "", path ? "." : "", i);

      if (!sp_rule_condition_validate (condition, where, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
validate_child (SpRuleGroup      *child,
                SpRuleGroupKind   expected,
                const char       *path,
                const char       *field,
                GError          **error)
{
  g_autofree char *where = g_strdup_printf ("%s%s%s", path ? path : "", path ? "." : "", field);

  if (child->kind != expected)
    return set_field_error (error, path, field, _("the node has the wrong kind for this place"));

  return sp_rule_group_validate (child, where, error);
}

/**
 * sp_rule_group_validate:
 * @self: a rule node
 * @path: (nullable): where the node is, for the message
 * @error: return location for a #GError
 *
 * Checks the shape of an eligibility rule: a rule has groups and nothing
 * else; a group has conditions, at most one subgroup and one exclusion; a
 * subgroup or an exclusion has conditions only (a subgroup cannot have a
 * subgroup, and only groups have exclusions).
 *
 * Returns: %TRUE when valid
 */
gboolean
sp_rule_group_validate (SpRuleGroup  *self,
                        const char   *path,
                        GError      **error)
{
  guint n_groups;

  g_return_val_if_fail (SP_IS_RULE_GROUP (self), FALSE);

  n_groups = g_list_model_get_n_items (G_LIST_MODEL (self->groups));

  if (self->kind == SP_RULE_GROUP_KIND_RULE)
    {
      if (n_groups == 0)
        return set_field_error (error, path, "groups", _("a rule needs at least one group"));
      if (g_list_model_get_n_items (G_LIST_MODEL (self->conditions)) > 0)
        return set_field_error (error, path, "conditions", _("a rule has groups, not conditions"));
      if (self->subgroup != NULL)
        return set_field_error (error, path, "subgroup", _("a rule cannot have a subgroup"));
      if (self->exclusion != NULL)
        return set_field_error (error, path, "exclusion", _("only groups can have an exclusion"));

      for (guint i = 0; i < n_groups; i++)
        {
          g_autoptr(SpRuleGroup) group = g_list_model_get_item (G_LIST_MODEL (self->groups), i);
          g_autofree char *field = g_strdup_printf ("groups[%u]", i);

          if (!validate_child (group, SP_RULE_GROUP_KIND_GROUP, path, field, error))
            return FALSE;
        }

      return TRUE;
    }

  if (n_groups > 0)
    return set_field_error (error, path, "groups", _("only a rule has groups"));

  if (self->subgroup != NULL && self->kind == SP_RULE_GROUP_KIND_SUBGROUP)
    return set_field_error (error, path, "subgroup", _("a subgroup cannot have a subgroup"));
  if (self->subgroup != NULL && self->kind == SP_RULE_GROUP_KIND_EXCLUSION)
    return set_field_error (error, path, "subgroup", _("an exclusion cannot have a subgroup"));
  if (self->exclusion != NULL && self->kind != SP_RULE_GROUP_KIND_GROUP)
    return set_field_error (error, path, "exclusion", _("only groups can have an exclusion"));

  if (!validate_conditions (self, path, error))
    return FALSE;

  if (self->subgroup != NULL &&
      !validate_child (self->subgroup, SP_RULE_GROUP_KIND_SUBGROUP, path, "subgroup", error))
    return FALSE;

  if (self->exclusion != NULL &&
      !validate_child (self->exclusion, SP_RULE_GROUP_KIND_EXCLUSION, path, "exclusion", error))
    return FALSE;

  return TRUE;
}
