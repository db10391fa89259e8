/* sp-customer-repository.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SpCustomerRepository: customer segments and companies as list models kept
 * current, and the segment-to-product mappings. References between rows
 * are ids in SQLite and codes (segment code, site code, SKU, category
 * path) in the model.
 */

#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-customer-repository.h"
#include "sp-enum-strings.h"
#include "sp-store-private.h"

struct _SpCustomerRepository
{
  GObject       parent_instance;

  SpStore      *store;         /* owned */
  GListStore   *segments;      /* owned; items: SpSegment, by code */
  GListStore   *companies;     /* owned; items: SpCompany, by code */
  GCancellable *cancellable;   /* owned; cancels reloads started on SpStore::changed */
  gulong        changed_id;
};

G_DEFINE_FINAL_TYPE (SpCustomerRepository, sp_customer_repository, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef struct
{
  GPtrArray *segments;
  GPtrArray *companies;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->segments, g_ptr_array_unref);
  g_clear_pointer (&loaded->companies, g_ptr_array_unref);
  g_free (loaded);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Loaded, loaded_free)

static gpointer
load_work (sqlite3       *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(Loaded) loaded = g_new0 (Loaded, 1);
  g_autoptr(sqlite3_stmt) segments = NULL;
  g_autoptr(sqlite3_stmt) companies = NULL;
  int rc;

  loaded->segments = g_ptr_array_new_with_free_func (g_object_unref);
  loaded->companies = g_ptr_array_new_with_free_func (g_object_unref);

  if (!(segments = _sp_db_prepare (db, "SELECT id, code, name, description, remote_id FROM "
                                       "segments ORDER BY code", error)))
    return NULL;
  while ((rc = sqlite3_step (segments)) == SQLITE_ROW)
    {
      SpSegment *segment = g_object_new (SP_TYPE_SEGMENT,
                                         "id", _sp_db_column_text (segments, 0),
                                         "code", _sp_db_column_text (segments, 1),
                                         "name", _sp_db_column_text (segments, 2),
                                         "description", _sp_db_column_text (segments, 3),
                                         "remote-id", _sp_db_column_text (segments, 4),
                                         NULL);

      g_ptr_array_add (loaded->segments, segment);
    }
  if (rc != SQLITE_DONE)
    {
      _sp_db_set_error (db, rc, error);
      return NULL;
    }

  if (!(companies = _sp_db_prepare (db, "SELECT c.id, c.code, c.name, c.country, c.city, g.code, "
                                        "s.code, c.remote_id FROM companies c LEFT JOIN segments g "
                                        "ON g.id = c.segment_id LEFT JOIN sites s ON s.id = "
                                        "c.site_id ORDER BY c.code", error)))
    return NULL;
  while ((rc = sqlite3_step (companies)) == SQLITE_ROW)
    {
      SpCompany *company = g_object_new (SP_TYPE_COMPANY,
                                         "id", _sp_db_column_text (companies, 0),
                                         "code", _sp_db_column_text (companies, 1),
                                         "name", _sp_db_column_text (companies, 2),
                                         "country", _sp_db_column_text (companies, 3),
                                         "city", _sp_db_column_text (companies, 4),
                                         "segment-code", _sp_db_column_text (companies, 5),
                                         "site-code", _sp_db_column_text (companies, 6),
                                         "remote-id", _sp_db_column_text (companies, 7),
                                         NULL);

      g_ptr_array_add (loaded->companies, company);
    }
  if (rc != SQLITE_DONE)
    {
      _sp_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&loaded);
}

static void
apply_loaded (SpCustomerRepository *self,
              Loaded               *loaded)
{
  g_list_store_splice (self->segments, 0, g_list_model_get_n_items (G_LIST_MODEL (self->segments)),
                       loaded->segments->pdata, loaded->segments->len);
  g_list_store_splice (self->companies, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->companies)),
                       loaded->companies->pdata, loaded->companies->len);
}

static void
reload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(Loaded) loaded = NULL;
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

  if (!sp_customer_repository_reload_finish (SP_CUSTOMER_REPOSITORY (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not reload segments and companies: %s", error->message);
}

static void
store_changed_cb (SpCustomerRepository *self,
                  SpStore              *store)
{
  sp_customer_repository_reload_async (self, self->cancellable, store_reloaded_cb, NULL);
}

static void
sp_customer_repository_constructed (GObject *object)
{
  SpCustomerRepository *self = (SpCustomerRepository *)object;

  G_OBJECT_CLASS (sp_customer_repository_parent_class)->constructed (object);

  self->changed_id = g_signal_connect_object (self->store, "changed",
                                              G_CALLBACK (store_changed_cb), self,
                                              G_CONNECT_SWAPPED);
}

static void
sp_customer_repository_dispose (GObject *object)
{
  SpCustomerRepository *self = (SpCustomerRepository *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_signal_handler (&self->changed_id, self->store);

  G_OBJECT_CLASS (sp_customer_repository_parent_class)->dispose (object);
}

static void
sp_customer_repository_finalize (GObject *object)
{
  SpCustomerRepository *self = (SpCustomerRepository *)object;

  g_clear_object (&self->segments);
  g_clear_object (&self->companies);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sp_customer_repository_parent_class)->finalize (object);
}

static void
sp_customer_repository_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SpCustomerRepository *self = SP_CUSTOMER_REPOSITORY (object);

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
sp_customer_repository_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SpCustomerRepository *self = SP_CUSTOMER_REPOSITORY (object);

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
sp_customer_repository_class_init (SpCustomerRepositoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sp_customer_repository_constructed;
  object_class->dispose = sp_customer_repository_dispose;
  object_class->finalize = sp_customer_repository_finalize;
  object_class->get_property = sp_customer_repository_get_property;
  object_class->set_property = sp_customer_repository_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_customer_repository_init (SpCustomerRepository *self)
{
  self->segments = g_list_store_new (SP_TYPE_SEGMENT);
  self->companies = g_list_store_new (SP_TYPE_COMPANY);
  self->cancellable = g_cancellable_new ();
}

SpCustomerRepository *
sp_customer_repository_new (SpStore *store)
{
  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  return g_object_new (SP_TYPE_CUSTOMER_REPOSITORY, "store", store, NULL);
}

/* Returns: (transfer none) (element-type SpSegment): the segments, by code */
GListModel *
sp_customer_repository_get_segments (SpCustomerRepository *self)
{
  g_return_val_if_fail (SP_IS_CUSTOMER_REPOSITORY (self), NULL);

  return G_LIST_MODEL (self->segments);
}

/* Returns: (transfer none) (element-type SpCompany): the companies, by code */
GListModel *
sp_customer_repository_get_companies (SpCustomerRepository *self)
{
  g_return_val_if_fail (SP_IS_CUSTOMER_REPOSITORY (self), NULL);

  return G_LIST_MODEL (self->companies);
}

gboolean
sp_customer_repository_load (SpCustomerRepository  *self,
                             GError               **error)
{
  g_autoptr(Loaded) loaded = NULL;

  g_return_val_if_fail (SP_IS_CUSTOMER_REPOSITORY (self), FALSE);

  if (!(loaded = _sp_store_run_sync (self->store, load_work, NULL, error)))
    return FALSE;

  apply_loaded (self, loaded);
  return TRUE;
}

void
sp_customer_repository_reload_async (SpCustomerRepository *self,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SP_IS_CUSTOMER_REPOSITORY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_customer_repository_reload_async);
  _sp_store_run_async (self->store, self, sp_customer_repository_reload_async, load_work,
                       NULL, NULL, (GDestroyNotify)loaded_free,
                       cancellable, reload_cb, g_steal_pointer (&task));
}

gboolean
sp_customer_repository_reload_finish (SpCustomerRepository  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static gpointer
load_mappings_work (sqlite3       *db,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  const char *campaign_id = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) mappings = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (!(stmt = _sp_db_prepare (db, "SELECT m.id, g.code, m.kind, "
                                   "CASE m.kind WHEN 'product' THEN p.sku ELSE c.path END "
                                   "FROM segment_mappings m JOIN segments g ON g.id = m.segment_id "
                                   "LEFT JOIN products p ON p.id = m.ref_id "
                                   "LEFT JOIN categories c ON c.id = m.ref_id "
                                   "WHERE ?1 IS NULL OR m.campaign_id = ?1 ORDER BY g.code, m.id",
                               error)))
    return NULL;
  _sp_db_bind_text_or_null (stmt, 1, campaign_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpScopeKind kind;

      if (!sp_scope_kind_from_string (_sp_db_column_text (stmt, 2), &kind))
        kind = SP_SCOPE_KIND_PRODUCT;
      g_ptr_array_add (mappings, g_object_new (SP_TYPE_SEGMENT_MAPPING,
                                               "id", _sp_db_column_text (stmt, 0),
                                               "segment-code", _sp_db_column_text (stmt, 1),
                                               "kind", kind,
                                               "ref", _sp_db_column_text (stmt, 3),
                                               NULL));
    }
  if (rc != SQLITE_DONE)
    {
      _sp_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&mappings);
}

/**
 * sp_customer_repository_load_segment_mappings:
 * @self: a #SpCustomerRepository
 * @campaign_id: (nullable): only the mappings of this campaign, or all
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type SpSegmentMapping): the mappings
 */
GPtrArray *
sp_customer_repository_load_segment_mappings (SpCustomerRepository  *self,
                                              const char            *campaign_id,
                                              GError               **error)
{
  g_return_val_if_fail (SP_IS_CUSTOMER_REPOSITORY (self), NULL);

  return _sp_store_run_sync (self->store, load_mappings_work, (gpointer)campaign_id, error);
}

static gboolean
write_segment (sqlite3  *db,
               gpointer  object,
               GError  **error)
{
  SpSegment *segment = object;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!sp_segment_validate (segment, error) ||
      !(stmt = _sp_db_prepare (db, "INSERT INTO segments (id, code, name, description, remote_id) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO UPDATE SET "
                                   "code = ?2, name = ?3, description = ?4, remote_id = ?5",
                               error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, sp_segment_get_id (segment));
  _sp_db_bind_text (stmt, 2, sp_segment_get_code (segment));
  _sp_db_bind_text (stmt, 3, sp_segment_get_name (segment));
  _sp_db_bind_text (stmt, 4, sp_segment_get_description (segment));
  _sp_db_bind_text_or_null (stmt, 5, sp_segment_get_remote_id (segment));
  return _sp_db_step_done (db, stmt, error);
}

static gboolean
write_company (sqlite3  *db,
               gpointer  object,
               GError  **error)
{
  SpCompany *company = object;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!sp_company_validate (company, error) ||
      !(stmt = _sp_db_prepare (db, "INSERT INTO companies (id, code, name, country, city, "
                                   "segment_id, site_id, remote_id) VALUES (?1, ?2, ?3, ?4, ?5, "
                                   "?6, ?7, ?8) ON CONFLICT (id) DO UPDATE SET code = ?2, name = "
                                   "?3, country = ?4, city = ?5, segment_id = ?6, site_id = ?7, "
                                   "remote_id = ?8", error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, sp_company_get_id (company));
  _sp_db_bind_text (stmt, 2, sp_company_get_code (company));
  _sp_db_bind_text (stmt, 3, sp_company_get_name (company));
  _sp_db_bind_text (stmt, 4, sp_company_get_country (company));
  _sp_db_bind_text (stmt, 5, sp_company_get_city (company));
  _sp_db_bind_text_or_null (stmt, 8, sp_company_get_remote_id (company));

  return _sp_db_bind_reference (db, stmt, 6, "SELECT id FROM segments WHERE code = ?",
                                "segment-code",
                         sp_company_get_segment_code (company), error) &&
         _sp_db_bind_reference (db, stmt, 7, "SELECT id FROM sites WHERE code = ?", "site-code",
                         sp_company_get_site_code (company), error) &&
         _sp_db_step_done (db, stmt, error);
}

typedef struct
{
  SpSegmentMapping *mapping;       /* borrowed */
  const char       *campaign_id;   /* borrowed */
} MappingWrite;

static gboolean
write_mapping (sqlite3  *db,
               gpointer  object,
               GError  **error)
{
  MappingWrite *write = object;
  SpSegmentMapping *mapping = write->mapping;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean is_product = sp_segment_mapping_get_kind (mapping) == SP_SCOPE_KIND_PRODUCT;

  if (!sp_segment_mapping_validate (mapping, error) ||
      !(stmt = _sp_db_prepare (db, "INSERT INTO segment_mappings (id, campaign_id, segment_id, "
                                   "kind, ref_id) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO "
                                   "UPDATE SET campaign_id = ?2, segment_id = ?3, kind = ?4, "
                                   "ref_id = ?5", error)))
    return FALSE;

  _sp_db_bind_text (stmt, 1, sp_segment_mapping_get_id (mapping));
  _sp_db_bind_text_or_null (stmt, 2, write->campaign_id);
  _sp_db_bind_text (stmt, 4, sp_scope_kind_to_string (sp_segment_mapping_get_kind (mapping)));

  return _sp_db_bind_reference (db, stmt, 3, "SELECT id FROM segments WHERE code = ?",
                                "segment-code",
                         sp_segment_mapping_get_segment_code (mapping), error) &&
         _sp_db_bind_reference (db, stmt, 5,
                         is_product ? "SELECT id FROM products WHERE sku = ?"
                                    : "SELECT id FROM categories WHERE path = ?",
                         "ref", sp_segment_mapping_get_ref (mapping), error) &&
         _sp_db_step_done (db, stmt, error);
}

gboolean
sp_customer_repository_save_segment (SpCustomerRepository  *self,
                                     SpSegment             *segment,
                                     GError               **error)
{
  g_return_val_if_fail (SP_IS_CUSTOMER_REPOSITORY (self), FALSE);
  g_return_val_if_fail (SP_IS_SEGMENT (segment), FALSE);

  return _sp_store_write (self->store, write_segment, segment, "segment",
                          sp_segment_get_id (segment), "saved", error) &&
         sp_customer_repository_load (self, error);
}

gboolean
sp_customer_repository_save_company (SpCustomerRepository  *self,
                                     SpCompany             *company,
                                     GError               **error)
{
  g_return_val_if_fail (SP_IS_CUSTOMER_REPOSITORY (self), FALSE);
  g_return_val_if_fail (SP_IS_COMPANY (company), FALSE);

  return _sp_store_write (self->store, write_company, company, "company",
                          sp_company_get_id (company), "saved", error) &&
         sp_customer_repository_load (self, error);
}

/**
 * sp_customer_repository_save_segment_mapping:
 * @self: a #SpCustomerRepository
 * @mapping: the mapping
 * @campaign_id: (nullable): the campaign that made it, if any
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
sp_customer_repository_save_segment_mapping (SpCustomerRepository  *self,
                                             SpSegmentMapping      *mapping,
                                             const char            *campaign_id,
                                             GError               **error)
{
  MappingWrite write = { mapping, campaign_id };

  g_return_val_if_fail (SP_IS_CUSTOMER_REPOSITORY (self), FALSE);
  g_return_val_if_fail (SP_IS_SEGMENT_MAPPING (mapping), FALSE);

  return _sp_store_write (self->store, write_mapping, &write, "segment_mapping",
                          sp_segment_mapping_get_id (mapping), "saved", error);
}

static gboolean
delete_mapping (sqlite3  *db,
                gpointer  data,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _sp_db_prepare (db, "DELETE FROM segment_mappings WHERE id = ?", error)))
    return FALSE;
  _sp_db_bind_text (stmt, 1, data);

  return _sp_db_step_done (db, stmt, error);
}

/**
 * sp_customer_repository_delete_segment_mapping:
 * @self: a #SpCustomerRepository
 * @id: the mapping's id
 * @error: return location for a #GError
 *
 * Deletes the mapping, with a "deleted" outbox row; a missing one is not
 * an error.
 *
 * Returns: %TRUE on success
 */
gboolean
sp_customer_repository_delete_segment_mapping (SpCustomerRepository  *self,
                                               const char            *id,
                                               GError               **error)
{
  g_return_val_if_fail (SP_IS_CUSTOMER_REPOSITORY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return _sp_store_write (self->store, delete_mapping, (gpointer)id, "segment_mapping", id,
                          "deleted", error);
}
