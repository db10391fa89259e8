/* sp-promotion-repository.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SpPromotionRepository: pricing promotions. The header columns (number,
 * name, dates, stacking) are for listing; the definition column holds the
 * whole promotion as the engine's JSON, so lines, rules, benefits and tiers
 * round-trip exactly. Numbers follow the pricing-promotion rule: assigned
 * when blank ("PROMO00001", …), unique, and never changed once saved.
 */

#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-promotion-db-private.h"
#include "sp-promotion-json.h"
#include "sp-promotion-repository.h"
#include "sp-store-private.h"

struct _SpPromotionRepository
{
  GObject       parent_instance;

  SpStore      *store;         /* owned */
  GListStore   *promotions;    /* owned; items: SpPromotion, by number */
  GCancellable *cancellable;   /* owned; cancels reloads started on SpStore::changed */
  gulong        changed_id;
};

G_DEFINE_FINAL_TYPE (SpPromotionRepository, sp_promotion_repository, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gpointer
load_work (sqlite3       *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) promotions = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (!(stmt = _sp_db_prepare (db, "SELECT id, number, definition FROM promotions ORDER BY number",
                               error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SpPromotion) promotion = NULL;

      if (!(promotion = sp_promotion_from_json_string (_sp_db_column_text (stmt, 2), error)))
        {
          g_prefix_error (error, "promotions[%s].definition: ", _sp_db_column_text (stmt, 1));
          return NULL;
        }
      sp_promotion_set_id (promotion, _sp_db_column_text (stmt, 0));
      sp_promotion_set_number (promotion, _sp_db_column_text (stmt, 1));
      g_ptr_array_add (promotions, g_steal_pointer (&promotion));
    }
  if (rc != SQLITE_DONE)
    {
      _sp_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&promotions);
}

static void
apply_loaded (SpPromotionRepository *self,
              GPtrArray             *loaded)
{
  g_list_store_splice (self->promotions, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->promotions)),
                       loaded->pdata, loaded->len);
}

/* The one place promotion numbers are made: the highest PROMOnnnnn plus one,
 * plus @offset for callers that reserve several at once. */
char *
_sp_promotion_db_next_number (sqlite3  *db,
                              guint     offset,
                              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _sp_db_prepare (db, "SELECT coalesce(max(CAST(substr(number, 6) AS INTEGER)), 0) "
                                   "FROM promotions WHERE number GLOB 'PROMO[0-9]*'", error)))
    return NULL;
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      _sp_db_set_error (db, rc, error);
      return NULL;
    }

  return g_strdup_printf ("PROMO%05" G_GINT64_FORMAT,
                          (gint64)sqlite3_column_int64 (stmt, 0) + 1 + offset);
}

typedef struct
{
  SpPromotion *promotion;     /* borrowed */
  const char  *campaign_id;   /* borrowed */
  char        *number;        /* owned; the number stored */
} PromotionWrite;

static gboolean
check_number (sqlite3         *db,
              PromotionWrite  *write,
              GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *number = sp_promotion_get_number (write->promotion);
  int rc;

  if (!(stmt = _sp_db_prepare (db, "SELECT number FROM promotions WHERE id = ?", error)))
    return FALSE;
  _sp_db_bind_text (stmt, 1, sp_promotion_get_id (write->promotion));

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *stored = _sp_db_column_text (stmt, 0);

      if (number != NULL && number[0] != '\0' && g_strcmp0 (stored, number) != 0)
        {
          g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CONSTRAINT,
                       /* Translators: %1$s and %2$s are promotion numbers */
                       _("number: a saved promotion keeps its number (%1$s, not %2$s)"),
                       stored, number);
          return FALSE;
        }
      write->number = g_strdup (stored);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return _sp_db_set_error (db, rc, error);

  if (number != NULL && number[0] != '\0')
    write->number = g_strdup (number);
  else if (!(write->number = _sp_promotion_db_next_number (db, 0, error)))
    return FALSE;

  return TRUE;
}

static gboolean
write_promotion (sqlite3  *db,
                 gpointer  object,
                 GError  **error)
{
  PromotionWrite *write = object;
  SpPromotion *promotion = write->promotion;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *definition = NULL;
  g_autoptr(GEnumClass) stacking = g_type_class_ref (SP_TYPE_STACKING);
  GEnumValue *value;

  if (!sp_promotion_validate (promotion, "$", error) || !check_number (db, write, error))
    return FALSE;

  definition = sp_promotion_to_json_string (promotion);
  value = g_enum_get_value (stacking, sp_promotion_get_stacking (promotion));

  if (!(stmt = _sp_db_prepare (db,
                               "INSERT INTO promotions (id, number, name, description, start_date, "
                                   "end_date, stacking, definition, campaign_id) VALUES (?1, ?2, "
                                   "?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (id) DO UPDATE SET "
                                   "name = ?3, description = ?4, start_date = ?5, end_date = ?6, "
                                   "stacking = ?7, definition = ?8, campaign_id = coalesce(?9, "
                                   "campaign_id), version = promotions.version + 1", error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, sp_promotion_get_id (promotion));
  _sp_db_bind_text (stmt, 2, write->number);
  _sp_db_bind_text (stmt, 3, sp_promotion_get_name (promotion));
  _sp_db_bind_text (stmt, 4, sp_promotion_get_description (promotion));
  _sp_db_bind_text (stmt, 5, sp_promotion_get_start_date (promotion));
  _sp_db_bind_text (stmt, 6, sp_promotion_get_end_date (promotion));
  _sp_db_bind_text (stmt, 7, value != NULL ? value->value_nick : "stack");
  _sp_db_bind_text (stmt, 8, definition);
  _sp_db_bind_text_or_null (stmt, 9, write->campaign_id);

  return _sp_db_step_done (db, stmt, error);
}

static void
reload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GPtrArray) loaded = NULL;
  GError *error = NULL;

  if (!(loaded = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  apply_loaded (g_task_get_source_object (task), loaded);
  g_task_return_boolean (task, TRUE);
}

static void
store_reloaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!sp_promotion_repository_reload_finish (SP_PROMOTION_REPOSITORY (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not reload the promotions: %s", error->message);
}

static void
store_changed_cb (SpPromotionRepository *self,
                  SpStore               *store)
{
  sp_promotion_repository_reload_async (self, self->cancellable, store_reloaded_cb, NULL);
}

static void
sp_promotion_repository_constructed (GObject *object)
{
  SpPromotionRepository *self = (SpPromotionRepository *)object;

  G_OBJECT_CLASS (sp_promotion_repository_parent_class)->constructed (object);

  self->changed_id = g_signal_connect_object (self->store, "changed",
                                              G_CALLBACK (store_changed_cb), self,
                                              G_CONNECT_SWAPPED);
}

static void
sp_promotion_repository_dispose (GObject *object)
{
  SpPromotionRepository *self = (SpPromotionRepository *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_signal_handler (&self->changed_id, self->store);

  G_OBJECT_CLASS (sp_promotion_repository_parent_class)->dispose (object);
}

static void
sp_promotion_repository_finalize (GObject *object)
{
  SpPromotionRepository *self = (SpPromotionRepository *)object;

  g_clear_object (&self->promotions);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sp_promotion_repository_parent_class)->finalize (object);
}

static void
sp_promotion_repository_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SpPromotionRepository *self = SP_PROMOTION_REPOSITORY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_promotion_repository_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SpPromotionRepository *self = SP_PROMOTION_REPOSITORY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_promotion_repository_class_init (SpPromotionRepositoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sp_promotion_repository_constructed;
  object_class->dispose = sp_promotion_repository_dispose;
  object_class->finalize = sp_promotion_repository_finalize;
  object_class->get_property = sp_promotion_repository_get_property;
  object_class->set_property = sp_promotion_repository_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_promotion_repository_init (SpPromotionRepository *self)
{
  self->promotions = g_list_store_new (SP_TYPE_PROMOTION);
  self->cancellable = g_cancellable_new ();
}

SpPromotionRepository *
sp_promotion_repository_new (SpStore *store)
{
  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  return g_object_new (SP_TYPE_PROMOTION_REPOSITORY, "store", store, NULL);
}

/* Returns: (transfer none) (element-type SpPromotion): the promotions, by number */
GListModel *
sp_promotion_repository_get_promotions (SpPromotionRepository *self)
{
  g_return_val_if_fail (SP_IS_PROMOTION_REPOSITORY (self), NULL);

  return G_LIST_MODEL (self->promotions);
}

gboolean
sp_promotion_repository_load (SpPromotionRepository  *self,
                              GError                **error)
{
  g_autoptr(GPtrArray) loaded = NULL;

  g_return_val_if_fail (SP_IS_PROMOTION_REPOSITORY (self), FALSE);

  if (!(loaded = _sp_store_run_sync (self->store, load_work, NULL, error)))
    return FALSE;

  apply_loaded (self, loaded);
  return TRUE;
}

void
sp_promotion_repository_reload_async (SpPromotionRepository *self,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SP_IS_PROMOTION_REPOSITORY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_promotion_repository_reload_async);
  _sp_store_run_async (self->store, self, sp_promotion_repository_reload_async, load_work,
                       NULL, NULL,
                       (GDestroyNotify)g_ptr_array_unref, cancellable, reload_cb,
                       g_steal_pointer (&task));
}

gboolean
sp_promotion_repository_reload_finish (SpPromotionRepository  *self,
                                       GAsyncResult           *result,
                                       GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sp_promotion_repository_save:
 * @self: a #SpPromotionRepository
 * @promotion: a promotion, new or stored
 * @campaign_id: (nullable): the campaign it belongs to, if any
 * @error: return location for a #GError
 *
 * Validates and stores @promotion. A blank number is assigned (and set on
 * @promotion); a stored promotion's number cannot change
 * (%SP_STORE_ERROR_CONSTRAINT, naming both numbers), and two promotions
 * cannot share one (%SP_STORE_ERROR_CONSTRAINT).
 *
 * Returns: %TRUE on success
 */
gboolean
sp_promotion_repository_save (SpPromotionRepository  *self,
                              SpPromotion            *promotion,
                              const char             *campaign_id,
                              GError                **error)
{
  PromotionWrite write = { promotion, campaign_id, NULL };
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROMOTION_REPOSITORY (self), FALSE);
  g_return_val_if_fail (SP_IS_PROMOTION (promotion), FALSE);

  /* Promotions read from JSON have no local id until they are stored. */
  if (sp_promotion_get_id (promotion) == NULL || sp_promotion_get_id (promotion)[0] == '\0')
    {
      g_autofree char *id = g_uuid_string_random ();

      sp_promotion_set_id (promotion, id);
    }

  ok = _sp_store_write (self->store, write_promotion, &write, "promotion",
                        sp_promotion_get_id (promotion), "saved", error);
  if (ok)
    sp_promotion_set_number (promotion, write.number);
  g_free (write.number);

  return ok && sp_promotion_repository_load (self, error);
}
