/* sp-campaign.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-campaign"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-campaign.h"
#include "sp-campaign-private.h"
#include "sp-date.h"
#include "sp-enum-strings.h"
#include "sp-model-error.h"
#include "sp-validate-private.h"

struct _SpCampaign
{
  GObject            parent_instance;

  char              *id;                /* owned; immutable after construction */
  char              *name;              /* owned */
  char              *description;       /* owned */
  SpCampaignStatus   status;
  SpCampaignOrigin   origin;
  char              *owner;             /* owned */
  char              *start_date;        /* owned */
  char              *end_date;          /* owned */
  char             **sites;             /* owned; never NULL */
  char             **scope_products;    /* owned; never NULL */
  char             **scope_categories;  /* owned; never NULL */
  char             **segments;          /* owned; never NULL */
  gint64             units_to_clear;
  char              *target_date;       /* owned */
  gint64             margin_floor;
  gint64             default_discount;
  char              *currency;          /* owned */
  gboolean           boost_enabled;
  gint64             boost_weight;
  char              *boost_category;    /* owned */
  gint64             version;
  char              *created_at;        /* owned */
  char              *updated_at;        /* owned */
};

G_DEFINE_FINAL_TYPE (SpCampaign, sp_campaign, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_STATUS,
  PROP_ORIGIN,
  PROP_OWNER,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_SITES,
  PROP_SCOPE_PRODUCTS,
  PROP_SCOPE_CATEGORIES,
  PROP_SEGMENTS,
  PROP_UNITS_TO_CLEAR,
  PROP_TARGET_DATE,
  PROP_MARGIN_FLOOR,
  PROP_DEFAULT_DISCOUNT,
  PROP_CURRENCY,
  PROP_BOOST_ENABLED,
  PROP_BOOST_WEIGHT,
  PROP_BOOST_CATEGORY,
  PROP_VERSION,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* THE table of legal lifecycle moves (DESIGN.md). Besides the main line
 * draft → planned → in_review → approved → executing → live → ended:
 * - planned → approved: the workspace skips formal approval;
 * - planned → draft: the plan is reopened for editing;
 * - in_review → rejected → draft: a rejected plan is edited again;
 * - executing → failed → executing: a step failed and the run is retried
 *   (or the step skipped); failed → ended abandons the run, which ends
 *   whatever it already published.
 * A draft cannot go to review directly: it is planned first, so that what
 * reviewers see is a complete plan. Staying in the same state is not a
 * move. */
static const struct
{
  SpCampaignStatus from;
  SpCampaignStatus to;
} legal_moves[] = {
  { SP_CAMPAIGN_STATUS_DRAFT, SP_CAMPAIGN_STATUS_PLANNED },
  { SP_CAMPAIGN_STATUS_PLANNED, SP_CAMPAIGN_STATUS_DRAFT },
  { SP_CAMPAIGN_STATUS_PLANNED, SP_CAMPAIGN_STATUS_IN_REVIEW },
  { SP_CAMPAIGN_STATUS_PLANNED, SP_CAMPAIGN_STATUS_APPROVED },
  { SP_CAMPAIGN_STATUS_IN_REVIEW, SP_CAMPAIGN_STATUS_APPROVED },
  { SP_CAMPAIGN_STATUS_IN_REVIEW, SP_CAMPAIGN_STATUS_REJECTED },
  { SP_CAMPAIGN_STATUS_REJECTED, SP_CAMPAIGN_STATUS_DRAFT },
  { SP_CAMPAIGN_STATUS_APPROVED, SP_CAMPAIGN_STATUS_EXECUTING },
  { SP_CAMPAIGN_STATUS_EXECUTING, SP_CAMPAIGN_STATUS_LIVE },
  { SP_CAMPAIGN_STATUS_EXECUTING, SP_CAMPAIGN_STATUS_FAILED },
  { SP_CAMPAIGN_STATUS_FAILED, SP_CAMPAIGN_STATUS_EXECUTING },
  { SP_CAMPAIGN_STATUS_FAILED, SP_CAMPAIGN_STATUS_ENDED },
  { SP_CAMPAIGN_STATUS_LIVE, SP_CAMPAIGN_STATUS_ENDED },
};

static void
sp_campaign_finalize (GObject *object)
{
  SpCampaign *self = (SpCampaign *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->start_date, g_free);
  g_clear_pointer (&self->end_date, g_free);
  g_clear_pointer (&self->sites, g_strfreev);
  g_clear_pointer (&self->scope_products, g_strfreev);
  g_clear_pointer (&self->scope_categories, g_strfreev);
  g_clear_pointer (&self->segments, g_strfreev);
  g_clear_pointer (&self->target_date, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->boost_category, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);

  G_OBJECT_CLASS (sp_campaign_parent_class)->finalize (object);
}

static void
sp_campaign_constructed (GObject *object)
{
  SpCampaign *self = (SpCampaign *)object;

  G_OBJECT_CLASS (sp_campaign_parent_class)->constructed (object);

  if (self->id == NULL || self->id[0] == '\0')
    {
      g_free (self->id);
      self->id = g_uuid_string_random ();
    }
}

static void
sp_campaign_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SpCampaign *self = SP_CAMPAIGN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_ORIGIN:
      g_value_set_enum (value, self->origin);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;

    case PROP_END_DATE:
      g_value_set_string (value, self->end_date);
      break;

    case PROP_SITES:
      g_value_set_boxed (value, self->sites);
      break;

    case PROP_SCOPE_PRODUCTS:
      g_value_set_boxed (value, self->scope_products);
      break;

    case PROP_SCOPE_CATEGORIES:
      g_value_set_boxed (value, self->scope_categories);
      break;

    case PROP_SEGMENTS:
      g_value_set_boxed (value, self->segments);
      break;

    case PROP_UNITS_TO_CLEAR:
      g_value_set_int64 (value, self->units_to_clear);
      break;

    case PROP_TARGET_DATE:
      g_value_set_string (value, self->target_date);
      break;

    case PROP_MARGIN_FLOOR:
      g_value_set_int64 (value, self->margin_floor);
      break;

    case PROP_DEFAULT_DISCOUNT:
      g_value_set_int64 (value, self->default_discount);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_BOOST_ENABLED:
      g_value_set_boolean (value, self->boost_enabled);
      break;

    case PROP_BOOST_WEIGHT:
      g_value_set_int64 (value, self->boost_weight);
      break;

    case PROP_BOOST_CATEGORY:
      g_value_set_string (value, self->boost_category);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_campaign_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SpCampaign *self = SP_CAMPAIGN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (self->id == NULL);
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      sp_campaign_set_name (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      sp_campaign_set_description (self, g_value_get_string (value));
      break;

    case PROP_ORIGIN:
      sp_campaign_set_origin (self, g_value_get_enum (value));
      break;

    case PROP_OWNER:
      sp_campaign_set_owner (self, g_value_get_string (value));
      break;

    case PROP_START_DATE:
      sp_campaign_set_start_date (self, g_value_get_string (value));
      break;

    case PROP_END_DATE:
      sp_campaign_set_end_date (self, g_value_get_string (value));
      break;

    case PROP_SITES:
      sp_campaign_set_sites (self, g_value_get_boxed (value));
      break;

    case PROP_SCOPE_PRODUCTS:
      sp_campaign_set_scope_products (self, g_value_get_boxed (value));
      break;

    case PROP_SCOPE_CATEGORIES:
      sp_campaign_set_scope_categories (self, g_value_get_boxed (value));
      break;

    case PROP_SEGMENTS:
      sp_campaign_set_segments (self, g_value_get_boxed (value));
      break;

    case PROP_UNITS_TO_CLEAR:
      sp_campaign_set_units_to_clear (self, g_value_get_int64 (value));
      break;

    case PROP_TARGET_DATE:
      sp_campaign_set_target_date (self, g_value_get_string (value));
      break;

    case PROP_MARGIN_FLOOR:
      sp_campaign_set_margin_floor (self, g_value_get_int64 (value));
      break;

    case PROP_DEFAULT_DISCOUNT:
      sp_campaign_set_default_discount (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENCY:
      sp_campaign_set_currency (self, g_value_get_string (value));
      break;

    case PROP_BOOST_ENABLED:
      sp_campaign_set_boost_enabled (self, g_value_get_boolean (value));
      break;

    case PROP_BOOST_WEIGHT:
      sp_campaign_set_boost_weight (self, g_value_get_int64 (value));
      break;

    case PROP_BOOST_CATEGORY:
      sp_campaign_set_boost_category (self, g_value_get_string (value));
      break;

    case PROP_VERSION:
      sp_campaign_set_version (self, g_value_get_int64 (value));
      break;

    case PROP_CREATED_AT:
      sp_campaign_set_created_at (self, g_value_get_string (value));
      break;

    case PROP_UPDATED_AT:
      sp_campaign_set_updated_at (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_campaign_class_init (SpCampaignClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_campaign_finalize;
  object_class->constructed = sp_campaign_constructed;
  object_class->get_property = sp_campaign_get_property;
  object_class->set_property = sp_campaign_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, SP_TYPE_CAMPAIGN_STATUS, SP_CAMPAIGN_STATUS_DRAFT,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_ORIGIN] =
    g_param_spec_enum ("origin", NULL, NULL, SP_TYPE_CAMPAIGN_ORIGIN, SP_CAMPAIGN_ORIGIN_MANUAL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_END_DATE] =
    g_param_spec_string ("end-date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SITES] =
    g_param_spec_boxed ("sites", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SCOPE_PRODUCTS] =
    g_param_spec_boxed ("scope-products", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SCOPE_CATEGORIES] =
    g_param_spec_boxed ("scope-categories", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SEGMENTS] =
    g_param_spec_boxed ("segments", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_UNITS_TO_CLEAR] =
    g_param_spec_int64 ("units-to-clear", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TARGET_DATE] =
    g_param_spec_string ("target-date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_MARGIN_FLOOR] =
    g_param_spec_int64 ("margin-floor", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DEFAULT_DISCOUNT] =
    g_param_spec_int64 ("default-discount", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, "EUR",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The search and category boost of the optional discovery step, kept in
   * campaigns.params_json ("boost": enabled, weight, clearance_category). */
  properties [PROP_BOOST_ENABLED] =
    g_param_spec_boolean ("boost-enabled", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BOOST_WEIGHT] =
    g_param_spec_int64 ("boost-weight", NULL, NULL, G_MININT64, G_MAXINT64, SP_CAMPAIGN_BOOST_WEIGHT_DEFAULT,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BOOST_CATEGORY] =
    g_param_spec_string ("boost-category", NULL, NULL, "Clearance",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_campaign_init (SpCampaign *self)
{
  self->status = SP_CAMPAIGN_STATUS_DRAFT;
  self->origin = SP_CAMPAIGN_ORIGIN_MANUAL;
  self->sites = g_new0 (char *, 1);
  self->scope_products = g_new0 (char *, 1);
  self->scope_categories = g_new0 (char *, 1);
  self->segments = g_new0 (char *, 1);
  self->currency = g_strdup ("EUR");
  self->boost_enabled = TRUE;
  self->boost_weight = SP_CAMPAIGN_BOOST_WEIGHT_DEFAULT;
  self->boost_category = g_strdup ("Clearance");
}

/**
 * sp_campaign_new:
 * @name: (nullable): the initial value of #SpCampaign:name
 *
 * Creates a new #SpCampaign.
 *
 * Returns: (transfer full): the new #SpCampaign
 */
SpCampaign *
sp_campaign_new (const char *name)
{
  return g_object_new (SP_TYPE_CAMPAIGN,
                       "name", name,
                       NULL);
}

/**
 * sp_campaign_get_id:
 * @self: a #SpCampaign
 *
 * Gets #SpCampaign:id.
 *
 * Returns: (transfer none): the value of #SpCampaign:id
 */
const char *
sp_campaign_get_id (SpCampaign *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), NULL);

  return self->id;
}

/**
 * sp_campaign_get_name:
 * @self: a #SpCampaign
 *
 * Gets #SpCampaign:name.
 *
 * Returns: (transfer none) (nullable): the value of #SpCampaign:name
 */
const char *
sp_campaign_get_name (SpCampaign *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), NULL);

  return self->name;
}

/**
 * sp_campaign_set_name:
 * @self: a #SpCampaign
 * @name: (nullable) the new value
 *
 * Sets #SpCampaign:name.
 */
void
sp_campaign_set_name (SpCampaign *self,
                      const char *name)
{
  g_return_if_fail (SP_IS_CAMPAIGN (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

/**
 * sp_campaign_get_description:
 * @self: a #SpCampaign
 *
 * Gets #SpCampaign:description.
 *
 * Returns: (transfer none) (nullable): the value of #SpCampaign:description
 */
const char *
sp_campaign_get_description (SpCampaign *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), NULL);

  return self->description;
}

/**
 * sp_campaign_set_description:
 * @self: a #SpCampaign
 * @description: (nullable) the new value
 *
 * Sets #SpCampaign:description.
 */
void
sp_campaign_set_description (SpCampaign *self,
                             const char *description)
{
  g_return_if_fail (SP_IS_CAMPAIGN (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DESCRIPTION]);
}

/**
 * sp_campaign_get_status:
 * @self: a #SpCampaign
 *
 * Gets #SpCampaign:status.
 *
 * Returns:: the value of #SpCampaign:status
 */
SpCampaignStatus
sp_campaign_get_status (SpCampaign *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), 0);

  return self->status;
}

/**
 * sp_campaign_get_origin:
 * @self: a #SpCampaign
 *
 * Gets #SpCampaign:origin.
 *
 * Returns:: the value of #SpCampaign:origin
 */
SpCampaignOrigin
sp_campaign_get_origin (SpCampaign *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), 0);

  return self->origin;
}

/**
 * sp_campaign_set_origin:
 * @self: a #SpCampaign
 * @origin: the new value
 *
 * Sets #SpCampaign:origin.
 */
void
sp_campaign_set_origin (SpCampaign       *self,
                        SpCampaignOrigin  origin)
{
  g_return_if_fail (SP_IS_CAMPAIGN (self));

  if (self->origin == origin)
    return;

  self->origin = origin;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ORIGIN]);
}

/**
 * sp_campaign_get_owner:
 * @self: a #SpCampaign
 *
 * Gets #SpCampaign:owner.
 *
 * Returns: (transfer none) (nullable): the value of #SpCampaign:owner
 */
const char *
sp_campaign_get_owner (SpCampaign *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), NULL);

  return self->owner;
}

/**
 * sp_campaign_set_owner:
 * @self: a #SpCampaign
 * @owner: (nullable) the new value
 *
 * Sets #SpCampaign:owner.
 */
void
sp_campaign_set_owner (SpCampaign *self,
                       const char *owner)
{
  g_return_if_fail (SP_IS_CAMPAIGN (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->owner, owner) == 0)
    return;

  g_free (self->owner);
  self->owner = g_strdup (owner);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OWNER]);
}

/**
 * sp_campaign_get_start_date:
 * @self: a #SpCampaign
 *
 * Gets #SpCampaign:start-date.
 *
 * Returns: (transfer none) (nullable): the value of #SpCampaign:start-date
 */
const char *
sp_campaign_get_start_date (SpCampaign *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), NULL);

  return self->start_date;
}

/**
 * sp_campaign_set_start_date:
 * @self: a #SpCampaign
 * @start_date: (nullable) the new value
 *
 * Sets #SpCampaign:start-date.
 */
void
sp_campaign_set_start_date (SpCampaign *self,
                            const char *start_date)
{
  g_return_if_fail (SP_IS_CAMPAIGN (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->start_date, start_date) == 0)
    return;

  g_free (self->start_date);
  self->start_date = g_strdup (start_date);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_START_DATE]);
}

/**
 * sp_campaign_get_end_date:
 * @self: a #SpCampaign
 *
 * Gets #SpCampaign:end-date.
 *
 * Returns: (transfer none) (nullable): the value of #SpCampaign:end-date
 */
const char *
sp_campaign_get_end_date (SpCampaign *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), NULL);

  return self->end_date;
}

/**
 * sp_campaign_set_end_date:
 * @self: a #SpCampaign
 * @end_date: (nullable) the new value
 *
 * Sets #SpCampaign:end-date.
 */
void
sp_campaign_set_end_date (SpCampaign *self,
                          const char *end_date)
{
  g_return_if_fail (SP_IS_CAMPAIGN (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->end_date, end_date) == 0)
    return;

  g_free (self->end_date);
  self->end_date = g_strdup (end_date);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_END_DATE]);
}

/**
 * sp_campaign_get_sites:
 * @self: a #SpCampaign
 *
 * Gets #SpCampaign:sites.
 *
 * Returns: (transfer none) (array zero-terminated=1): the value of #SpCampaign:sites, never %NULL
 */
const char * const *
sp_campaign_get_sites (SpCampaign *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), NULL);

  return (const char * const *)self->sites;
}

/**
 * sp_campaign_set_sites:
 * @self: a #SpCampaign
 * @sites: (nullable) (array zero-terminated=1) the new value
 *
 * Sets #SpCampaign:sites; %NULL is the same as an empty array.
 */
void
sp_campaign_set_sites (SpCampaign         *self,
                       const char * const *sites)
{
  g_return_if_fail (SP_IS_CAMPAIGN (self));

  if (_sp_strv_equal (self->sites, sites))
    return;

  g_strfreev (self->sites);
  self->sites = sites != NULL ? g_strdupv ((char **)sites) : g_new0 (char *, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SITES]);
}

/**
 * sp_campaign_get_scope_products:
 * @self: a #SpCampaign
 *
 * Gets #SpCampaign:scope-products.
 *
 * Returns: (transfer none) (array zero-terminated=1): the value of #SpCampaign:scope-products, never %NULL
 */
const char * const *
sp_campaign_get_scope_products (SpCampaign *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), NULL);

  return (const char * const *)self->scope_products;
}

/**
 * sp_campaign_set_scope_products:
 * @self: a #SpCampaign
 * @scope_products: (nullable) (array zero-terminated=1) the new value
 *
 * Sets #SpCampaign:scope-products; %NULL is the same as an empty array.
 */
void
sp_campaign_set_scope_products (SpCampaign         *self,
                                const char * const *scope_products)
{
  g_return_if_fail (SP_IS_CAMPAIGN (self));

  if (_sp_strv_equal (self->scope_products, scope_products))
    return;

  g_strfreev (self->scope_products);
  self->scope_products = scope_products != NULL ? g_strdupv ((char **)scope_products) : g_new0 (char *, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SCOPE_PRODUCTS]);
}

/**
 * sp_campaign_get_scope_categories:
 * @self: a #SpCampaign
 *
 * Gets #SpCampaign:scope-categories.
 *
 * Returns: (transfer none) (array zero-terminated=1): the value of #SpCampaign:scope-categories, never %NULL
 */
const char * const *
sp_campaign_get_scope_categories (SpCampaign *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), NULL);

  return (const char * const *)self->scope_categories;
}

/**
 * sp_campaign_set_scope_categories:
 * @self: a #SpCampaign
 * @scope_categories: (nullable) (array zero-terminated=1) the new value
 *
 * Sets #SpCampaign:scope-categories; %NULL is the same as an empty array.
 */
void
sp_campaign_set_scope_categories (SpCampaign         *self,
                                  const char * const *scope_categories)
{
  g_return_if_fail (SP_IS_CAMPAIGN (self));

  if (_sp_strv_equal (self->scope_categories, scope_categories))
    return;

  g_strfreev (self->scope_categories);
  self->scope_categories = scope_categories != NULL ? g_strdupv ((char **)scope_categories) : g_new0 (char *, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SCOPE_CATEGORIES]);
}

/**
 * sp_campaign_get_segments:
 * @self: a #SpCampaign
 *
 * Gets #SpCampaign:segments.
 *
 * Returns: (transfer none) (array zero-terminated=1): the value of #SpCampaign:segments, never %NULL
 */
const char * const *
sp_campaign_get_segments (SpCampaign *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), NULL);

  return (const char * const *)self->segments;
}

/**
 * sp_campaign_set_segments:
 * @self: a #SpCampaign
 * @segments: (nullable) (array zero-terminated=1) the new value
 *
 * Sets #SpCampaign:segments; %NULL is the same as an empty array.
 */
void
sp_campaign_set_segments (SpCampaign         *self,
                          const char * const *segments)
{
  g_return_if_fail (SP_IS_CAMPAIGN (self));

  if (_sp_strv_equal (self->segments, segments))
    return;

  g_strfreev (self->segments);
  self->segments = segments != NULL ? g_strdupv ((char **)segments) : g_new0 (char *, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEGMENTS]);
}

/**
 * sp_campaign_get_units_to_clear:
 * @self: a #SpCampaign
 *
 * Gets #SpCampaign:units-to-clear.
 *
 * Returns:: the value of #SpCampaign:units-to-clear
 */
gint64
sp_campaign_get_units_to_clear (SpCampaign *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), 0);

  return self->units_to_clear;
}

/**
 * sp_campaign_set_units_to_clear:
 * @self: a #SpCampaign
 * @units_to_clear: the new value
 *
 * Sets #SpCampaign:units-to-clear.
 */
void
sp_campaign_set_units_to_clear (SpCampaign *self,
                                gint64      units_to_clear)
{
  g_return_if_fail (SP_IS_CAMPAIGN (self));

  if (self->units_to_clear == units_to_clear)
    return;

  self->units_to_clear = units_to_clear;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UNITS_TO_CLEAR]);
}

/**
 * sp_campaign_get_target_date:
 * @self: a #SpCampaign
 *
 * Gets #SpCampaign:target-date.
 *
 * Returns: (transfer none) (nullable): the value of #SpCampaign:target-date
 */
const char *
sp_campaign_get_target_date (SpCampaign *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), NULL);

  return self->target_date;
}

/**
 * sp_campaign_set_target_date:
 * @self: a #SpCampaign
 * @target_date: (nullable) the new value
 *
 * Sets #SpCampaign:target-date.
 */
void
sp_campaign_set_target_date (SpCampaign *self,
                             const char *target_date)
{
  g_return_if_fail (SP_IS_CAMPAIGN (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->target_date, target_date) == 0)
    return;

  g_free (self->target_date);
  self->target_date = g_strdup (target_date);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TARGET_DATE]);
}

/**
 * sp_campaign_get_margin_floor:
 * @self: a #SpCampaign
 *
 * Gets #SpCampaign:margin-floor.
 *
 * Returns:: the value of #SpCampaign:margin-floor
 */
gint64
sp_campaign_get_margin_floor (SpCampaign *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), 0);

  return self->margin_floor;
}

/**
 * sp_campaign_set_margin_floor:
 * @self: a #SpCampaign
 * @margin_floor: the new value
 *
 * Sets #SpCampaign:margin-floor.
 */
void
sp_campaign_set_margin_floor (SpCampaign *self,
                              gint64      margin_floor)
{
  g_return_if_fail (SP_IS_CAMPAIGN (self));

  if (self->margin_floor == margin_floor)
    return;

  self->margin_floor = margin_floor;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MARGIN_FLOOR]);
}

/**
 * sp_campaign_get_default_discount:
 * @self: a #SpCampaign
 *
 * Gets #SpCampaign:default-discount.
 *
 * Returns:: the value of #SpCampaign:default-discount
 */
gint64
sp_campaign_get_default_discount (SpCampaign *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), 0);

  return self->default_discount;
}

/**
 * sp_campaign_set_default_discount:
 * @self: a #SpCampaign
 * @default_discount: the new value
 *
 * Sets #SpCampaign:default-discount.
 */
void
sp_campaign_set_default_discount (SpCampaign *self,
                                  gint64      default_discount)
{
  g_return_if_fail (SP_IS_CAMPAIGN (self));

  if (self->default_discount == default_discount)
    return;

  self->default_discount = default_discount;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DEFAULT_DISCOUNT]);
}

/**
 * sp_campaign_get_currency:
 * @self: a #SpCampaign
 *
 * Gets #SpCampaign:currency.
 *
 * Returns: (transfer none) (nullable): the value of #SpCampaign:currency
 */
const char *
sp_campaign_get_currency (SpCampaign *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), NULL);

  return self->currency;
}

/**
 * sp_campaign_set_currency:
 * @self: a #SpCampaign
 * @currency: (nullable) the new value
 *
 * Sets #SpCampaign:currency.
 */
void
sp_campaign_set_currency (SpCampaign *self,
                          const char *currency)
{
  g_return_if_fail (SP_IS_CAMPAIGN (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->currency, currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENCY]);
}

/**
 * sp_campaign_get_boost_enabled:
 * @self: a #SpCampaign
 *
 * Gets #SpCampaign:boost-enabled: whether the discovery step puts the
 * clearance items in a clearance category and ranks them higher in search.
 *
 * Returns: the value of #SpCampaign:boost-enabled
 */
gboolean
sp_campaign_get_boost_enabled (SpCampaign *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), FALSE);

  return self->boost_enabled;
}

/**
 * sp_campaign_set_boost_enabled:
 * @self: a #SpCampaign
 * @boost_enabled: the new value
 *
 * Sets #SpCampaign:boost-enabled.
 */
void
sp_campaign_set_boost_enabled (SpCampaign *self,
                               gboolean    boost_enabled)
{
  g_return_if_fail (SP_IS_CAMPAIGN (self));

  boost_enabled = !!boost_enabled;
  if (self->boost_enabled == boost_enabled)
    return;

  self->boost_enabled = boost_enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BOOST_ENABLED]);
}

/**
 * sp_campaign_get_boost_weight:
 * @self: a #SpCampaign
 *
 * Gets #SpCampaign:boost-weight: the search boost of the clearance items,
 * from %SP_CAMPAIGN_BOOST_WEIGHT_MIN to %SP_CAMPAIGN_BOOST_WEIGHT_MAX.
 *
 * Returns: the value of #SpCampaign:boost-weight
 */
gint64
sp_campaign_get_boost_weight (SpCampaign *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), 0);

  return self->boost_weight;
}

/**
 * sp_campaign_set_boost_weight:
 * @self: a #SpCampaign
 * @boost_weight: the new value
 *
 * Sets #SpCampaign:boost-weight (checked by sp_campaign_validate()).
 */
void
sp_campaign_set_boost_weight (SpCampaign *self,
                              gint64      boost_weight)
{
  g_return_if_fail (SP_IS_CAMPAIGN (self));

  if (self->boost_weight == boost_weight)
    return;

  self->boost_weight = boost_weight;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BOOST_WEIGHT]);
}

/**
 * sp_campaign_get_boost_category:
 * @self: a #SpCampaign
 *
 * Gets #SpCampaign:boost-category: the name of the clearance category the
 * items are put in.
 *
 * Returns: (nullable): the value of #SpCampaign:boost-category
 */
const char *
sp_campaign_get_boost_category (SpCampaign *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), NULL);

  return self->boost_category;
}

/**
 * sp_campaign_set_boost_category:
 * @self: a #SpCampaign
 * @boost_category: (nullable): the new value
 *
 * Sets #SpCampaign:boost-category.
 */
void
sp_campaign_set_boost_category (SpCampaign *self,
                                const char *boost_category)
{
  g_return_if_fail (SP_IS_CAMPAIGN (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->boost_category, boost_category) == 0)
    return;

  g_free (self->boost_category);
  self->boost_category = g_strdup (boost_category);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BOOST_CATEGORY]);
}

/**
 * sp_campaign_get_version:
 * @self: a #SpCampaign
 *
 * Gets #SpCampaign:version.
 *
 * Returns:: the value of #SpCampaign:version
 */
gint64
sp_campaign_get_version (SpCampaign *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), 0);

  return self->version;
}

/**
 * sp_campaign_set_version:
 * @self: a #SpCampaign
 * @version: the new value
 *
 * Sets #SpCampaign:version.
 */
void
sp_campaign_set_version (SpCampaign *self,
                         gint64      version)
{
  g_return_if_fail (SP_IS_CAMPAIGN (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VERSION]);
}

/**
 * sp_campaign_get_created_at:
 * @self: a #SpCampaign
 *
 * Gets #SpCampaign:created-at.
 *
 * Returns: (transfer none) (nullable): the value of #SpCampaign:created-at
 */
const char *
sp_campaign_get_created_at (SpCampaign *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), NULL);

  return self->created_at;
}

/**
 * sp_campaign_set_created_at:
 * @self: a #SpCampaign
 * @created_at: (nullable) the new value
 *
 * Sets #SpCampaign:created-at.
 */
void
sp_campaign_set_created_at (SpCampaign *self,
                            const char *created_at)
{
  g_return_if_fail (SP_IS_CAMPAIGN (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->created_at, created_at) == 0)
    return;

  g_free (self->created_at);
  self->created_at = g_strdup (created_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}

/**
 * sp_campaign_get_updated_at:
 * @self: a #SpCampaign
 *
 * Gets #SpCampaign:updated-at.
 *
 * Returns: (transfer none) (nullable): the value of #SpCampaign:updated-at
 */
const char *
sp_campaign_get_updated_at (SpCampaign *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), NULL);

  return self->updated_at;
}

/**
 * sp_campaign_set_updated_at:
 * @self: a #SpCampaign
 * @updated_at: (nullable) the new value
 *
 * Sets #SpCampaign:updated-at.
 */
void
sp_campaign_set_updated_at (SpCampaign *self,
                            const char *updated_at)
{
  g_return_if_fail (SP_IS_CAMPAIGN (self));

  /* g_set_str() would do this, but it needs GLib 2.76. */
  if (g_strcmp0 (self->updated_at, updated_at) == 0)
    return;

  g_free (self->updated_at);
  self->updated_at = g_strdup (updated_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UPDATED_AT]);
}

/**
 * sp_campaign_validate:
 * @self: a #SpCampaign
 * @error: return location for a #GError
 *
 * Checks that @self can be saved. A draft needs only a name; dates, when set, must be valid ISO dates with the end not before the start.
 *
 * Returns: %TRUE when @self is valid; otherwise %FALSE with @error set to
 *   %SP_MODEL_ERROR_INVALID_FIELD, whose message names the property
 */
gboolean
sp_campaign_validate (SpCampaign  *self,
                      GError     **error)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_sp_validate_not_empty ("name", self->name, error))
    return FALSE;
  if (!_sp_validate_date ("start-date", self->start_date, FALSE, error))
    return FALSE;
  if (!_sp_validate_date ("end-date", self->end_date, FALSE, error))
    return FALSE;
  if (!_sp_validate_date_range ("start-date", self->start_date, "end-date", self->end_date, error))
    return FALSE;
  if (!_sp_validate_date ("target-date", self->target_date, FALSE, error))
    return FALSE;
  if (!_sp_validate_non_negative ("units-to-clear", self->units_to_clear, error))
    return FALSE;
  if (!_sp_validate_percent ("margin-floor", self->margin_floor, error))
    return FALSE;
  if (!_sp_validate_percent ("default-discount", self->default_discount, error))
    return FALSE;
  if (!_sp_validate_currency ("currency", self->currency, TRUE, error))
    return FALSE;
  if (self->boost_weight < SP_CAMPAIGN_BOOST_WEIGHT_MIN || self->boost_weight > SP_CAMPAIGN_BOOST_WEIGHT_MAX)
    {
      g_autofree char *weight = g_strdup_printf ("%" G_GINT64_FORMAT, self->boost_weight);

      g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_INVALID_FIELD,
                   /* Translators: boost-weight is a property name; %1$s, %2$d and %3$d are numbers */
                   _("boost-weight: %1$s is not between %2$d and %3$d"), weight,
                   SP_CAMPAIGN_BOOST_WEIGHT_MIN, SP_CAMPAIGN_BOOST_WEIGHT_MAX);
      return FALSE;
    }
  if (self->boost_enabled && !_sp_validate_not_empty ("boost-category", self->boost_category, error))
    return FALSE;
  if (!_sp_validate_timestamp ("created-at", self->created_at, error))
    return FALSE;
  if (!_sp_validate_timestamp ("updated-at", self->updated_at, error))
    return FALSE;
  if (!_sp_validate_strv ("sites", (const char * const *)self->sites, error))
    return FALSE;
  if (!_sp_validate_strv ("scope-products", (const char * const *)self->scope_products, error))
    return FALSE;
  if (!_sp_validate_strv ("scope-categories", (const char * const *)self->scope_categories, error))
    return FALSE;
  if (!_sp_validate_strv ("segments", (const char * const *)self->segments, error))
    return FALSE;
  for (guint i = 0; self->scope_categories[i] != NULL; i++)
    {
      if (!_sp_validate_category_path ("scope-categories", self->scope_categories[i], TRUE, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * sp_campaign_can_transition:
 * @from: the current status
 * @to: the wanted status
 *
 * Looks the move up in the one table of legal lifecycle moves.
 *
 * Returns: %TRUE when a campaign may move from @from to @to
 */
gboolean
sp_campaign_can_transition (SpCampaignStatus from,
                            SpCampaignStatus to)
{
  for (guint i = 0; i < G_N_ELEMENTS (legal_moves); i++)
    {
      if (legal_moves[i].from == from && legal_moves[i].to == to)
        return TRUE;
    }

  return FALSE;
}

/**
 * sp_campaign_transition:
 * @self: a #SpCampaign
 * @to: the wanted status
 * @error: return location for a #GError
 *
 * Moves @self to @to when sp_campaign_can_transition() allows it, and
 * notifies #SpCampaign:status. This is the only way the status changes.
 *
 * Returns: %TRUE on success; otherwise %FALSE with @error set to
 *   %SP_MODEL_ERROR_ILLEGAL_TRANSITION naming both states, and the status
 *   unchanged
 */
gboolean
sp_campaign_transition (SpCampaign        *self,
                        SpCampaignStatus   to,
                        GError           **error)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sp_campaign_can_transition (self->status, to))
    {
      g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_ILLEGAL_TRANSITION,
                   /* Translators: %1$s and %2$s are campaign statuses, such as “Draft” and “Live” */
                   _("A campaign cannot move from “%1$s” to “%2$s”"),
                   sp_campaign_status_to_label (self->status),
                   sp_campaign_status_to_label (to));
      return FALSE;
    }

  self->status = to;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);

  return TRUE;
}

/**
 * sp_campaign_status_is_editable:
 * @status: a #SpCampaignStatus
 *
 * Returns: %TRUE when a campaign in @status may have its plan edited
 *   (draft, planned or rejected)
 */
gboolean
sp_campaign_status_is_editable (SpCampaignStatus status)
{
  return status == SP_CAMPAIGN_STATUS_DRAFT ||
         status == SP_CAMPAIGN_STATUS_PLANNED ||
         status == SP_CAMPAIGN_STATUS_REJECTED;
}

/**
 * sp_campaign_is_editable:
 * @self: a #SpCampaign
 *
 * Returns: sp_campaign_status_is_editable() of the status of @self
 */
gboolean
sp_campaign_is_editable (SpCampaign *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN (self), FALSE);

  return sp_campaign_status_is_editable (self->status);
}

void
_sp_campaign_set_status_unchecked (SpCampaign       *self,
                                   SpCampaignStatus  status)
{
  g_return_if_fail (SP_IS_CAMPAIGN (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}
