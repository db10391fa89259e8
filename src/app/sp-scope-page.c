/* sp-scope-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sp-scope-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-scope-page.h"

struct _SpScopePage
{
  SpCampaignPage parent_instance;
};

G_DEFINE_FINAL_TYPE (SpScopePage, sp_scope_page, SP_TYPE_CAMPAIGN_PAGE)

static void
sp_scope_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_SCOPE_PAGE);

  G_OBJECT_CLASS (sp_scope_page_parent_class)->dispose (object);
}

static void
sp_scope_page_class_init (SpScopePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_scope_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sp-scope-page.ui");
}

static void
sp_scope_page_init (SpScopePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
