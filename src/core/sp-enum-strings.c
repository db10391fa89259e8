/* sp-enum-strings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-enum-strings"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-enum-strings.h"

/* The string forms are part of the database and JSON formats: never change
 * one, only add. Each table is indexed by the enum value. */
static const char * const campaign_statuses[] = {
  [SP_CAMPAIGN_STATUS_DRAFT] = "draft",
  [SP_CAMPAIGN_STATUS_PLANNED] = "planned",
  [SP_CAMPAIGN_STATUS_IN_REVIEW] = "in_review",
  [SP_CAMPAIGN_STATUS_APPROVED] = "approved",
  [SP_CAMPAIGN_STATUS_EXECUTING] = "executing",
  [SP_CAMPAIGN_STATUS_LIVE] = "live",
  [SP_CAMPAIGN_STATUS_ENDED] = "ended",
  [SP_CAMPAIGN_STATUS_REJECTED] = "rejected",
  [SP_CAMPAIGN_STATUS_FAILED] = "failed",
};

static const char * const campaign_origins[] = {
  [SP_CAMPAIGN_ORIGIN_MANUAL] = "manual",
  [SP_CAMPAIGN_ORIGIN_TRIGGER] = "trigger",
};

static const char * const scope_kinds[] = {
  [SP_SCOPE_KIND_PRODUCT] = "product",
  [SP_SCOPE_KIND_CATEGORY] = "category",
};

static const char * const discount_types[] = {
  [SP_DISCOUNT_TYPE_PERCENT] = "percent",
  [SP_DISCOUNT_TYPE_AMOUNT] = "amount",
};

static const char * const approval_decisions[] = {
  [SP_APPROVAL_DECISION_SUBMITTED] = "submitted",
  [SP_APPROVAL_DECISION_APPROVED] = "approved",
  [SP_APPROVAL_DECISION_REJECTED] = "rejected",
};

static const char *
lookup_string (const char * const *table,
               guint               n_entries,
               int                 value)
{
  if (value < 0 || (guint)value >= n_entries)
    return NULL;

  return table[value];
}

static gboolean
lookup_value (const char * const *table,
              guint               n_entries,
              const char         *text,
              int                *out)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < n_entries; i++)
    {
      if (g_strcmp0 (table[i], text) == 0)
        {
          *out = (int)i;
          return TRUE;
        }
    }

  return FALSE;
}

#define DEFINE_STRING_PAIR(EnumType, prefix, table)                              \
  const char *                                                                   \
  prefix##_to_string (EnumType value)                                            \
  {                                                                              \
    return lookup_string (table, G_N_ELEMENTS (table), (int)value);              \
  }                                                                              \
                                                                                 \
  gboolean                                                                       \
  prefix##_from_string (const char *text,                                        \
                        EnumType   *out)                                         \
  {                                                                              \
    int value;                                                                   \
                                                                                 \
    if (!lookup_value (table, G_N_ELEMENTS (table), text, &value))               \
      return FALSE;                                                              \
    if (out != NULL)                                                             \
      *out = (EnumType)value;                                                    \
    return TRUE;                                                                 \
  }

/**
 * sp_campaign_status_to_string:
 * @status: a #SpCampaignStatus
 *
 * Returns: (nullable): the stable string form ("in_review"), or %NULL for
 *   a value outside the enumeration
 */
/**
 * sp_campaign_status_from_string:
 * @text: (nullable): a string form such as "in_review"
 * @out: (out) (optional): where to store the status
 *
 * Returns: %TRUE when @text is a known status
 */
DEFINE_STRING_PAIR (SpCampaignStatus, sp_campaign_status, campaign_statuses)
DEFINE_STRING_PAIR (SpCampaignOrigin, sp_campaign_origin, campaign_origins)
DEFINE_STRING_PAIR (SpScopeKind, sp_scope_kind, scope_kinds)
DEFINE_STRING_PAIR (SpDiscountType, sp_discount_type, discount_types)
DEFINE_STRING_PAIR (SpApprovalDecision, sp_approval_decision, approval_decisions)

/**
 * sp_campaign_status_to_label:
 * @status: a #SpCampaignStatus
 *
 * Returns: the translated label shown to the user ("In Review")
 */
const char *
sp_campaign_status_to_label (SpCampaignStatus status)
{
  switch (status)
    {
    case SP_CAMPAIGN_STATUS_DRAFT:
      return C_("campaign status", "Draft");
    case SP_CAMPAIGN_STATUS_PLANNED:
      return C_("campaign status", "Planned");
    case SP_CAMPAIGN_STATUS_IN_REVIEW:
      return C_("campaign status", "In Review");
    case SP_CAMPAIGN_STATUS_APPROVED:
      return C_("campaign status", "Approved");
    case SP_CAMPAIGN_STATUS_EXECUTING:
      return C_("campaign status", "Executing");
    case SP_CAMPAIGN_STATUS_LIVE:
      return C_("campaign status", "Live");
    case SP_CAMPAIGN_STATUS_ENDED:
      return C_("campaign status", "Ended");
    case SP_CAMPAIGN_STATUS_REJECTED:
      return C_("campaign status", "Rejected");
    case SP_CAMPAIGN_STATUS_FAILED:
      return C_("campaign status", "Failed");
    default:
      return C_("campaign status", "Unknown");
    }
}

/**
 * sp_campaign_origin_to_label:
 * @origin: a #SpCampaignOrigin
 *
 * Returns: the translated label shown to the user
 */
const char *
sp_campaign_origin_to_label (SpCampaignOrigin origin)
{
  switch (origin)
    {
    case SP_CAMPAIGN_ORIGIN_MANUAL:
      return C_("campaign origin", "Manual");
    case SP_CAMPAIGN_ORIGIN_TRIGGER:
      return C_("campaign origin", "ERP Trigger");
    default:
      return C_("campaign origin", "Unknown");
    }
}

/**
 * sp_approval_decision_to_label:
 * @decision: a #SpApprovalDecision
 *
 * Returns: the translated label shown to the user
 */
const char *
sp_approval_decision_to_label (SpApprovalDecision decision)
{
  switch (decision)
    {
    case SP_APPROVAL_DECISION_SUBMITTED:
      return C_("approval decision", "Submitted");
    case SP_APPROVAL_DECISION_APPROVED:
      return C_("approval decision", "Approved");
    case SP_APPROVAL_DECISION_REJECTED:
      return C_("approval decision", "Rejected");
    default:
      return C_("approval decision", "Unknown");
    }
}
