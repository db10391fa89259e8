/* sp-campaign-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One campaign in the sidebar: name, status badge, owner, schedule and a
 * chip per site. It follows whichever campaign the list item shows.
 */

#define G_LOG_DOMAIN "sp-campaign-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-campaign-row.h"
#include "sp-enum-strings.h"

struct _SpCampaignRow
{
  GtkWidget      parent_instance;

  SpCampaign    *campaign;        /* owned */
  GSignalGroup  *signals;         /* owned; follows @campaign */

  /* Template widgets */
  GtkWidget     *box;
  GtkLabel      *name_label;
  GtkLabel      *status_label;
  GtkLabel      *owner_label;
  GtkLabel      *schedule_label;
  GtkBox        *sites_box;
};

G_DEFINE_FINAL_TYPE (SpCampaignRow, sp_campaign_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CAMPAIGN,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char * const status_classes[] = {
  "status-draft", "status-planned", "status-in-review", "status-approved", "status-executing",
  "status-live", "status-ended", "status-rejected", "status-failed",
};

/* Badges are coloured by a style class per status (see style.css). */
void
sp_campaign_status_apply_css (GtkWidget        *badge,
                              SpCampaignStatus  status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (badge, status_classes[i]);
  if ((guint)status < G_N_ELEMENTS (status_classes))
    gtk_widget_add_css_class (badge, status_classes[status]);
}

static void
update_sites (SpCampaignRow *self)
{
  const char * const *sites;
  GtkWidget *child;

  /* The chips are content, not layout: one small label per site. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sites_box))))
    gtk_box_remove (self->sites_box, child);

  sites = self->campaign ? sp_campaign_get_sites (self->campaign) : NULL;
  for (guint i = 0; sites != NULL && sites[i] != NULL; i++)
    {
      GtkWidget *chip = gtk_label_new (sites[i]);

      gtk_widget_add_css_class (chip, "site-chip");
      gtk_box_append (self->sites_box, chip);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sites_box), sites != NULL && sites[0] != NULL);
}

static void
update_labels (SpCampaignRow *self)
{
  g_autofree char *schedule = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *accessible = NULL;
  SpCampaignStatus status;
  const char *start, *end;

  if (self->campaign == NULL)
    return;

  status = sp_campaign_get_status (self->campaign);
  start = sp_campaign_get_start_date (self->campaign);
  end = sp_campaign_get_end_date (self->campaign);

  gtk_label_set_label (self->name_label, sp_campaign_get_name (self->campaign));
  gtk_label_set_label (self->status_label, sp_campaign_status_to_label (status));
  sp_campaign_status_apply_css (GTK_WIDGET (self->status_label), status);

  if (sp_campaign_get_owner (self->campaign) && *sp_campaign_get_owner (self->campaign))
    /* Translators: the owner of a campaign in the campaign list */
    owner = g_strdup_printf (_("Owner: %s"), sp_campaign_get_owner (self->campaign));
  else
    owner = g_strdup (_("No owner yet"));
  gtk_label_set_label (self->owner_label, owner);

  if (start && *start && end && *end)
    /* Translators: a campaign's schedule, start and end date */
    schedule = g_strdup_printf (_("%1$s – %2$s"), start, end);
  else if (start && *start)
    /* Translators: a campaign's schedule with no end date */
    schedule = g_strdup_printf (_("From %s"), start);
  else
    schedule = g_strdup (_("Not scheduled"));
  gtk_label_set_label (self->schedule_label, schedule);

  /* Translators: what a screen reader says for a campaign in the list:
   * name, status, owner line, schedule */
  accessible = g_strdup_printf (_("%1$s, %2$s, %3$s, %4$s"),
                                sp_campaign_get_name (self->campaign),
                                sp_campaign_status_to_label (status), owner, schedule);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
campaign_notify_cb (SpCampaignRow *self,
                    GParamSpec    *pspec,
                    SpCampaign    *campaign)
{
  if (g_strcmp0 (pspec->name, "sites") == 0)
    update_sites (self);
  else
    update_labels (self);
}

static void
sp_campaign_row_dispose (GObject *object)
{
  SpCampaignRow *self = (SpCampaignRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_CAMPAIGN_ROW);
  g_clear_object (&self->signals);
  g_clear_object (&self->campaign);

  G_OBJECT_CLASS (sp_campaign_row_parent_class)->dispose (object);
}

static void
sp_campaign_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SpCampaignRow *self = SP_CAMPAIGN_ROW (object);

  switch (prop_id)
    {
    case PROP_CAMPAIGN:
      g_value_set_object (value, self->campaign);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_campaign_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SpCampaignRow *self = SP_CAMPAIGN_ROW (object);

  switch (prop_id)
    {
    case PROP_CAMPAIGN:
      sp_campaign_row_set_campaign (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_campaign_row_class_init (SpCampaignRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_campaign_row_dispose;
  object_class->get_property = sp_campaign_row_get_property;
  object_class->set_property = sp_campaign_row_set_property;

  properties [PROP_CAMPAIGN] =
    g_param_spec_object ("campaign", NULL, NULL,
                         SP_TYPE_CAMPAIGN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sp-campaign-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SpCampaignRow, box);
  gtk_widget_class_bind_template_child (widget_class, SpCampaignRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, SpCampaignRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, SpCampaignRow, owner_label);
  gtk_widget_class_bind_template_child (widget_class, SpCampaignRow, schedule_label);
  gtk_widget_class_bind_template_child (widget_class, SpCampaignRow, sites_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sp_campaign_row_init (SpCampaignRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->signals = g_signal_group_new (SP_TYPE_CAMPAIGN);
  g_signal_group_connect_object (self->signals, "notify", G_CALLBACK (campaign_notify_cb),
                                 self, G_CONNECT_SWAPPED);
}

SpCampaign *
sp_campaign_row_get_campaign (SpCampaignRow *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN_ROW (self), NULL);

  return self->campaign;
}

void
sp_campaign_row_set_campaign (SpCampaignRow *self,
                              SpCampaign    *campaign)
{
  g_return_if_fail (SP_IS_CAMPAIGN_ROW (self));
  g_return_if_fail (!campaign || SP_IS_CAMPAIGN (campaign));

  if (!g_set_object (&self->campaign, campaign))
    return;

  g_signal_group_set_target (self->signals, campaign);
  update_labels (self);
  update_sites (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAMPAIGN]);
}
