/* test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Assertions shared by the model tests.
 */

#pragma once

#include <string.h>

#include <glib.h>

#include "sp-model-error.h"

/* Asserts that @error is SP_MODEL_ERROR_INVALID_FIELD and that its message
 * names @field as the user sees it: “field”. */
#define assert_invalid_field(error, field)                                         \
  G_STMT_START {                                                                   \
    g_autofree char *quoted_ = g_strdup_printf ("“%s”", (field));                  \
    g_assert_error ((error), SP_MODEL_ERROR, SP_MODEL_ERROR_INVALID_FIELD);        \
    if (strstr ((error)->message, quoted_) == NULL)                                \
      g_error ("message “%s” does not name the field %s", (error)->message, quoted_); \
  } G_STMT_END

/* Counts "notify" emissions, per property name. */
typedef struct
{
  GHashTable *counts;  /* owned; name → count */
} NotifyCounter;

static void
notify_counter_cb (GObject       *object,
                   GParamSpec    *pspec,
                   NotifyCounter *counter)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counter->counts, pspec->name));

  g_hash_table_insert (counter->counts, (gpointer)pspec->name, GUINT_TO_POINTER (n + 1));
}

static inline void
notify_counter_init (NotifyCounter *counter,
                     gpointer       object)
{
  counter->counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_signal_connect (object, "notify", G_CALLBACK (notify_counter_cb), counter);
}

static inline guint
notify_counter_get (NotifyCounter *counter,
                    const char    *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counter->counts, name));
}

static inline guint
notify_counter_total (NotifyCounter *counter)
{
  GHashTableIter iter;
  gpointer value;
  guint total = 0;

  g_hash_table_iter_init (&iter, counter->counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total += GPOINTER_TO_UINT (value);

  return total;
}

static inline void
notify_counter_clear (NotifyCounter *counter,
                      gpointer       object)
{
  g_signal_handlers_disconnect_by_func (object, notify_counter_cb, counter);
  g_clear_pointer (&counter->counts, g_hash_table_unref);
}
