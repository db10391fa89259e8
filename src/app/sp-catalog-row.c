/* sp-catalog-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An item of SpProductListModel: a place in the list, showing one row of
 * the catalog table. When a search changes what the list shows, the items
 * the view holds stay and only their row changes (notify::row), so the
 * view updates its labels instead of destroying and building every visible
 * row's widgets, which GTK 4.8 does for an item it has not seen before.
 */

#include "config.h"

#include "sp-catalog-row.h"

struct _SpCatalogRow
{
  GObject parent_instance;

  guint   row;
};

G_DEFINE_FINAL_TYPE (SpCatalogRow, sp_catalog_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROW,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
sp_catalog_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SpCatalogRow *self = SP_CATALOG_ROW (object);

  switch (prop_id)
    {
    case PROP_ROW:
      g_value_set_uint (value, self->row);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_catalog_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SpCatalogRow *self = SP_CATALOG_ROW (object);

  switch (prop_id)
    {
    case PROP_ROW:
      sp_catalog_row_set_row (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_catalog_row_class_init (SpCatalogRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sp_catalog_row_get_property;
  object_class->set_property = sp_catalog_row_set_property;

  properties [PROP_ROW] =
    g_param_spec_uint ("row", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_catalog_row_init (SpCatalogRow *self)
{
}

SpCatalogRow *
sp_catalog_row_new (guint row)
{
  SpCatalogRow *self = g_object_new (SP_TYPE_CATALOG_ROW, NULL);

  self->row = row;
  return self;
}

/* Returns: the row of the catalog table shown here */
guint
sp_catalog_row_get_row (SpCatalogRow *self)
{
  g_return_val_if_fail (SP_IS_CATALOG_ROW (self), 0);

  return self->row;
}

void
sp_catalog_row_set_row (SpCatalogRow *self,
                        guint         row)
{
  g_return_if_fail (SP_IS_CATALOG_ROW (self));

  if (self->row == row)
    return;

  self->row = row;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ROW]);
}
