/* sp-promotion-line.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-promotion-line.h"
#include "sp-model-error.h"


struct _SpPromotionLine
{
  GObject parent_instance;

  char *number;  /* owned */
  guint sequence;
  SpRuleGroup *eligibility;  /* owned; nullable */
  GListStore *benefits;  /* owned; items: SpBenefit */
};

G_DEFINE_FINAL_TYPE (SpPromotionLine, sp_promotion_line, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_SEQUENCE,
  PROP_ELIGIBILITY,
  PROP_BENEFITS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sp_promotion_line_dispose (GObject *object)
{
  SpPromotionLine *self = (SpPromotionLine *)object;

  g_clear_object (&self->eligibility);
  g_clear_object (&self->benefits);

  G_OBJECT_CLASS (sp_promotion_line_parent_class)->dispose (object);
}

static void
sp_promotion_line_finalize (GObject *object)
{
  SpPromotionLine *self = (SpPromotionLine *)object;

  g_clear_pointer (&self->number, g_free);

  G_OBJECT_CLASS (sp_promotion_line_parent_class)->finalize (object);
}

static void
sp_promotion_line_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SpPromotionLine *self = SP_PROMOTION_LINE (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;

    case PROP_SEQUENCE:
      g_value_set_uint (value, self->sequence);
      break;

    case PROP_ELIGIBILITY:
      g_value_set_object (value, self->eligibility);
      break;

    case PROP_BENEFITS:
      g_value_set_object (value, self->benefits);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_promotion_line_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SpPromotionLine *self = SP_PROMOTION_LINE (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      sp_promotion_line_set_number (self, g_value_get_string (value));
      break;

    case PROP_SEQUENCE:
      sp_promotion_line_set_sequence (self, g_value_get_uint (value));
      break;

    case PROP_ELIGIBILITY:
      sp_promotion_line_set_eligibility (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_promotion_line_class_init (SpPromotionLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_promotion_line_dispose;
  object_class->finalize = sp_promotion_line_finalize;
  object_class->get_property = sp_promotion_line_get_property;
  object_class->set_property = sp_promotion_line_set_property;

  properties [PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SEQUENCE] =
    g_param_spec_uint ("sequence", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ELIGIBILITY] =
    g_param_spec_object ("eligibility", NULL, NULL, SP_TYPE_RULE_GROUP,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_BENEFITS] =
    g_param_spec_object ("benefits", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_promotion_line_init (SpPromotionLine *self)
{
  self->benefits = g_list_store_new (SP_TYPE_BENEFIT);
}

SpPromotionLine *
sp_promotion_line_new (void)
{
  return g_object_new (SP_TYPE_PROMOTION_LINE, NULL);
}

const char *
sp_promotion_line_get_number (SpPromotionLine *self)
{
  g_return_val_if_fail (SP_IS_PROMOTION_LINE (self), NULL);

  return self->number;
}

void
sp_promotion_line_set_number (SpPromotionLine *self,
                              const char *number)
{
  g_return_if_fail (SP_IS_PROMOTION_LINE (self));

  /* g_set_str () would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->number, number) == 0)
    return;

  g_free (self->number);
  self->number = g_strdup (number);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NUMBER]);
}

guint
sp_promotion_line_get_sequence (SpPromotionLine *self)
{
  g_return_val_if_fail (SP_IS_PROMOTION_LINE (self), 0);

  return self->sequence;
}

void
sp_promotion_line_set_sequence (SpPromotionLine *self,
                                guint sequence)
{
  g_return_if_fail (SP_IS_PROMOTION_LINE (self));

  if (self->sequence == sequence)
    return;

  self->sequence = sequence;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEQUENCE]);
}

/**
 * sp_promotion_line_get_eligibility:
 *
 * Returns: (transfer none) (nullable): the eligibility
 */
SpRuleGroup *
sp_promotion_line_get_eligibility (SpPromotionLine *self)
{
  g_return_val_if_fail (SP_IS_PROMOTION_LINE (self), NULL);

  return self->eligibility;
}

void
sp_promotion_line_set_eligibility (SpPromotionLine *self,
                                   SpRuleGroup *eligibility)
{
  g_return_if_fail (SP_IS_PROMOTION_LINE (self));

  if (g_set_object (&self->eligibility, eligibility))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ELIGIBILITY]);
}

/**
 * sp_promotion_line_get_benefits:
 *
 * Returns: (transfer none): the benefits, a list model of #SpBenefit
 */
GListModel *
sp_promotion_line_get_benefits (SpPromotionLine *self)
{
  g_return_val_if_fail (SP_IS_PROMOTION_LINE (self), NULL);

  return G_LIST_MODEL (self->benefits);
}

void
sp_promotion_line_append_benefit (SpPromotionLine *self,
                                  SpBenefit *benefit)
{
  g_return_if_fail (SP_IS_PROMOTION_LINE (self));
  g_return_if_fail (SP_IS_BENEFIT (benefit));

  g_list_store_append (self->benefits, benefit);
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
 * sp_promotion_line_validate:
 * @self: a promotion line
 * @path: (nullable): where the line is, for the message
 * @error: return location for a #GError
 *
 * A line has a number, at least one benefit, and an eligibility rule of kind
 * %SP_RULE_GROUP_KIND_RULE or none (a line without a rule always holds).
 *
 * Returns: %TRUE when valid
 */
gboolean
sp_promotion_line_validate (SpPromotionLine  *self,
                            const char       *path,
                            GError          **error)
{
  guint n;

  g_return_val_if_fail (SP_IS_PROMOTION_LINE (self), FALSE);

  if (self->number == NULL || self->number[0] == '\0')
    return set_field_error (error, path, "number", _("the line number must not be empty"));

  if (self->eligibility != NULL)
    {
      g_autofree char *where = g_strdup_printf ("%s%seligibility", path ? path : "", path ? "." : "");

      if (sp_rule_group_get_kind (self->eligibility) != SP_RULE_GROUP_KIND_RULE)
        return set_field_error (error, path, "eligibility", _("the eligibility must be a rule"));
      if (!sp_rule_group_validate (self->eligibility, where, error))
        return FALSE;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->benefits));
  if (n == 0)
    return set_field_error (error, path, "benefits", _("a line needs at least one benefit"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpBenefit) benefit = g_list_model_get_item (G_LIST_MODEL (self->benefits), i);
      g_autofree char *where = g_strdup_printf ("%s%sbenefits[%u]", path ? path : "", path ? "." : "", i);

      if (!sp_benefit_validate (benefit, where, error))
        return FALSE;
    }

  return TRUE;
}
