/* sp-storefront-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-storefront-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-storefront-page.h"

struct _SpStorefrontPage
{
  SpCampaignPage parent_instance;
};

G_DEFINE_FINAL_TYPE (SpStorefrontPage, sp_storefront_page, SP_TYPE_CAMPAIGN_PAGE)

static void
sp_storefront_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_STOREFRONT_PAGE);

  G_OBJECT_CLASS (sp_storefront_page_parent_class)->dispose (object);
}

static void
sp_storefront_page_class_init (SpStorefrontPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_storefront_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sp-storefront-page.ui");
}

static void
sp_storefront_page_init (SpStorefrontPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
