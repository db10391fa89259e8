/* sp-pricing-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-pricing-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-pricing-page.h"

struct _SpPricingPage
{
  SpCampaignPage parent_instance;
};

G_DEFINE_FINAL_TYPE (SpPricingPage, sp_pricing_page, SP_TYPE_CAMPAIGN_PAGE)

static void
sp_pricing_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_PRICING_PAGE);

  G_OBJECT_CLASS (sp_pricing_page_parent_class)->dispose (object);
}

static void
sp_pricing_page_class_init (SpPricingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_pricing_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sp-pricing-page.ui");
}

static void
sp_pricing_page_init (SpPricingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
