/* sp-incentives-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-incentives-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-incentives-page.h"

struct _SpIncentivesPage
{
  SpCampaignPage parent_instance;
};

G_DEFINE_FINAL_TYPE (SpIncentivesPage, sp_incentives_page, SP_TYPE_CAMPAIGN_PAGE)

static void
sp_incentives_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_INCENTIVES_PAGE);

  G_OBJECT_CLASS (sp_incentives_page_parent_class)->dispose (object);
}

static void
sp_incentives_page_class_init (SpIncentivesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_incentives_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sp-incentives-page.ui");
}

static void
sp_incentives_page_init (SpIncentivesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
