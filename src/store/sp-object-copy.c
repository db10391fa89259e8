/* sp-object-copy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A copy of a model object for a worker thread: the async writes hand the
 * worker a copy, so no thread ever reads an object the main thread can
 * change meanwhile.
 */

#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include "sp-object-copy-private.h"

/**
 * _sp_object_copy:
 * @object: a model object with an "id" property
 *
 * Copies @object's id and every property that is both readable and
 * writable (so not the derived ones, and not child lists).
 *
 * Returns: (transfer full): the copy
 */
gpointer
_sp_object_copy (gpointer object)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (object);
  g_autofree GParamSpec **pspecs = NULL;
  g_autofree char *id = NULL;
  GObject *copy;
  guint n_pspecs;

  g_object_get (object, "id", &id, NULL);
  copy = g_object_new (G_OBJECT_TYPE (object), "id", id, NULL);

  pspecs = g_object_class_list_properties (klass, &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
      g_object_set_property (copy, pspecs[i]->name, &value);
    }

  return copy;
}
