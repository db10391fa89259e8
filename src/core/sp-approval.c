/* sp-approval.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-approval"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-approval.h"
#include "sp-model-error.h"
#include "sp-validate-private.h"

struct _SpApproval
{
  GObject             parent_instance;

  char               *id;           /* owned; immutable after construction */
  char               *campaign_id;  /* owned */
  SpApprovalDecision  decision;
  char               *comment;      /* owned */
  char               *actor;        /* owned */
  char               *decided_at;   /* owned */
};

G_DEFINE_FINAL_TYPE (SpApproval, sp_approval, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CAMPAIGN_ID,
  PROP_DECISION,
  PROP_COMMENT,
  PROP_ACTOR,
  PROP_DECIDED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sp_approval_finalize (GObject *object)
{
  SpApproval *self = (SpApproval *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->campaign_id, g_free);
  g_clear_pointer (&self->comment, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->decided_at, g_free);

  G_OBJECT_CLASS (sp_approval_parent_class)->finalize (object);
}

static void
sp_approval_constructed (GObject *object)
{
  SpApproval *self = (SpApproval *)object;

  G_OBJECT_CLASS (sp_approval_parent_class)->constructed (object);

  if (self->id == NULL || self->id[0] == '\0')
    {
      g_free (self->id);
      self->id = g_uuid_string_random ();
    }
}

static void
sp_approval_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SpApproval *self = SP_APPROVAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_CAMPAIGN_ID:
      g_value_set_string (value, self->campaign_id);
      break;

    case PROP_DECISION:
      g_value_set_enum (value, self->decision);
      break;

    case PROP_COMMENT:
      g_value_set_string (value, self->comment);
      break;

    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;

    case PROP_DECIDED_AT:
      g_value_set_string (value, self->decided_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_approval_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SpApproval *self = SP_APPROVAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (self->id == NULL);
      self->id = g_value_dup_string (value);
      break;

    case PROP_CAMPAIGN_ID:
      sp_approval_set_campaign_id (self, g_value_get_string (value));
      break;

    case PROP_DECISION:
      sp_approval_set_decision (self, g_value_get_enum (value));
      break;

    case PROP_COMMENT:
      sp_approval_set_comment (self, g_value_get_string (value));
      break;

    case PROP_ACTOR:
      sp_approval_set_actor (self, g_value_get_string (value));
      break;

    case PROP_DECIDED_AT:
      sp_approval_set_decided_at (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_approval_class_init (SpApprovalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_approval_finalize;
  object_class->constructed = sp_approval_constructed;
  object_class->get_property = sp_approval_get_property;
  object_class->set_property = sp_approval_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CAMPAIGN_ID] =
    g_param_spec_string ("campaign-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DECISION] =
    g_param_spec_enum ("decision", NULL, NULL, SP_TYPE_APPROVAL_DECISION, SP_APPROVAL_DECISION_SUBMITTED,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_COMMENT] =
    g_param_spec_string ("comment", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DECIDED_AT] =
    g_param_spec_string ("decided-at", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_approval_init (SpApproval *self)
{
  self->decision = SP_APPROVAL_DECISION_SUBMITTED;
}

/**
 * sp_approval_new:
 * @campaign_id: (nullable): the initial value of #SpApproval:campaign-id
 * @decision: (nullable): the initial value of #SpApproval:decision
 *
 * Creates a new #SpApproval.
 *
 * Returns: (transfer full): the new #SpApproval
 */
SpApproval *
sp_approval_new (const char         *campaign_id,
                 SpApprovalDecision  decision)
{
  return g_object_new (SP_TYPE_APPROVAL,
                       "campaign-id", campaign_id,
                       "decision", decision,
                       NULL);
}

/**
 * sp_approval_get_id:
 * @self: a #SpApproval
 *
 * Gets #SpApproval:id.
 *
 * Returns: (transfer none): the value of #SpApproval:id
 */
const char *
sp_approval_get_id (SpApproval *self)
{
  g_return_val_if_fail (SP_IS_APPROVAL (self), NULL);

  return self->id;
}

/**
 * sp_approval_get_campaign_id:
 * @self: a #SpApproval
 *
 * Gets #SpApproval:campaign-id.
 *
 * Returns: (transfer none) (nullable): the value of #SpApproval:campaign-id
 */
const char *
sp_approval_get_campaign_id (SpApproval *self)
{
  g_return_val_if_fail (SP_IS_APPROVAL (self), NULL);

  return self->campaign_id;
}

/**
 * sp_approval_set_campaign_id:
 * @self: a #SpApproval
 * @campaign_id: (nullable) the new value
 *
 * Sets #SpApproval:campaign-id.
 */
void
sp_approval_set_campaign_id (SpApproval *self,
                             const char *campaign_id)
{
  g_return_if_fail (SP_IS_APPROVAL (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->campaign_id, campaign_id) == 0)
    return;

  g_free (self->campaign_id);
  self->campaign_id = g_strdup (campaign_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAMPAIGN_ID]);
}

/**
 * sp_approval_get_decision:
 * @self: a #SpApproval
 *
 * Gets #SpApproval:decision.
 *
 * Returns:: the value of #SpApproval:decision
 */
SpApprovalDecision
sp_approval_get_decision (SpApproval *self)
{
  g_return_val_if_fail (SP_IS_APPROVAL (self), 0);

  return self->decision;
}

/**
 * sp_approval_set_decision:
 * @self: a #SpApproval
 * @decision: the new value
 *
 * Sets #SpApproval:decision.
 */
void
sp_approval_set_decision (SpApproval         *self,
                          SpApprovalDecision  decision)
{
  g_return_if_fail (SP_IS_APPROVAL (self));

  if (self->decision == decision)
    return;

  self->decision = decision;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DECISION]);
}

/**
 * sp_approval_get_comment:
 * @self: a #SpApproval
 *
 * Gets #SpApproval:comment.
 *
 * Returns: (transfer none) (nullable): the value of #SpApproval:comment
 */
const char *
sp_approval_get_comment (SpApproval *self)
{
  g_return_val_if_fail (SP_IS_APPROVAL (self), NULL);

  return self->comment;
}

/**
 * sp_approval_set_comment:
 * @self: a #SpApproval
 * @comment: (nullable) the new value
 *
 * Sets #SpApproval:comment.
 */
void
sp_approval_set_comment (SpApproval *self,
                         const char *comment)
{
  g_return_if_fail (SP_IS_APPROVAL (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->comment, comment) == 0)
    return;

  g_free (self->comment);
  self->comment = g_strdup (comment);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMMENT]);
}

/**
 * sp_approval_get_actor:
 * @self: a #SpApproval
 *
 * Gets #SpApproval:actor.
 *
 * Returns: (transfer none) (nullable): the value of #SpApproval:actor
 */
const char *
sp_approval_get_actor (SpApproval *self)
{
  g_return_val_if_fail (SP_IS_APPROVAL (self), NULL);

  return self->actor;
}

/**
 * sp_approval_set_actor:
 * @self: a #SpApproval
 * @actor: (nullable) the new value
 *
 * Sets #SpApproval:actor.
 */
void
sp_approval_set_actor (SpApproval *self,
                       const char *actor)
{
  g_return_if_fail (SP_IS_APPROVAL (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->actor, actor) == 0)
    return;

  g_free (self->actor);
  self->actor = g_strdup (actor);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACTOR]);
}

/**
 * sp_approval_get_decided_at:
 * @self: a #SpApproval
 *
 * Gets #SpApproval:decided-at. An ISO 8601 timestamp.
 *
 * Returns: (transfer none) (nullable): the value of #SpApproval:decided-at
 */
const char *
sp_approval_get_decided_at (SpApproval *self)
{
  g_return_val_if_fail (SP_IS_APPROVAL (self), NULL);

  return self->decided_at;
}

/**
 * sp_approval_set_decided_at:
 * @self: a #SpApproval
 * @decided_at: (nullable) the new value
 *
 * Sets #SpApproval:decided-at.
 */
void
sp_approval_set_decided_at (SpApproval *self,
                            const char *decided_at)
{
  g_return_if_fail (SP_IS_APPROVAL (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->decided_at, decided_at) == 0)
    return;

  g_free (self->decided_at);
  self->decided_at = g_strdup (decided_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DECIDED_AT]);
}

/**
 * sp_approval_validate:
 * @self: a #SpApproval
 * @error: return location for a #GError
 *
 * Checks that @self can be saved. A rejection needs a comment.
 *
 * Returns: %TRUE when @self is valid; otherwise %FALSE with @error set to
 *   %SP_MODEL_ERROR_INVALID_FIELD, whose message names the property
 */
gboolean
sp_approval_validate (SpApproval  *self,
                      GError     **error)
{
  g_return_val_if_fail (SP_IS_APPROVAL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sp_validate_not_empty ("campaign-id", self->campaign_id, error))
    return FALSE;
  if (!_sp_validate_timestamp ("decided-at", self->decided_at, error))
    return FALSE;
  if (self->decision == SP_APPROVAL_DECISION_REJECTED &&
      !_sp_validate_not_empty ("comment", self->comment, error))
    return FALSE;

  return TRUE;
}
