/* sp-run-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SpRunStore: persistence of value-stream runs (tables runs and run_steps),
 * of the campaign lifecycle changes a run makes, of approval decisions and of
 * the workspace settings the streams read. Every function here blocks: call
 * it from a worker thread. Each call opens its own connection, so calls from
 * different threads never share a sqlite3 handle.
 */

#pragma once

#include <gio/gio.h>

#include "sp-run-input.h"

G_BEGIN_DECLS

typedef struct
{
  char   *step;
  char   *state;            /* pending|running|done|skipped|failed */
  char   *reason;
  char   *idempotency_key;
  char   *remote_ids_json;  /* JSON array of strings */
  guint   attempts;
} SpRunStepRecord;

SpRunStepRecord *sp_run_step_record_new  (const char      *step,
                                          const char      *state,
                                          const char      *idempotency_key) G_GNUC_WARN_UNUSED_RESULT;
SpRunStepRecord *sp_run_step_record_copy (const SpRunStepRecord *record) G_GNUC_WARN_UNUSED_RESULT;
void             sp_run_step_record_free (SpRunStepRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpRunStepRecord, sp_run_step_record_free)

#define SP_TYPE_RUN_STORE (sp_run_store_get_type ())

G_DECLARE_FINAL_TYPE (SpRunStore, sp_run_store, SP, RUN_STORE, GObject)

SpRunStore *sp_run_store_new                 (const char        *db_path) G_GNUC_WARN_UNUSED_RESULT;
const char *sp_run_store_get_db_path         (SpRunStore        *self);
char       *sp_run_store_resolve_campaign    (SpRunStore        *self,
                                              const char        *id_or_name,
                                              GError           **error) G_GNUC_WARN_UNUSED_RESULT;
SpRunInput *sp_run_store_load_input          (SpRunStore        *self,
                                              const char        *campaign_id,
                                              GError           **error) G_GNUC_WARN_UNUSED_RESULT;
char       *sp_run_store_find_open_run       (SpRunStore        *self,
                                              const char        *campaign_id,
                                              const char        *stream,
                                              GError           **error) G_GNUC_WARN_UNUSED_RESULT;
char       *sp_run_store_begin_run           (SpRunStore        *self,
                                              const char        *campaign_id,
                                              const char        *stream,
                                              GPtrArray         *records,
                                              GError           **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean    sp_run_store_claim_campaign      (SpRunStore        *self,
                                              const char        *campaign_id,
                                              guint             *holder,
                                              GError           **error);
gboolean    sp_run_store_release_campaign    (SpRunStore        *self,
                                              const char        *campaign_id,
                                              GError           **error);
char       *sp_run_store_find_last_run       (SpRunStore        *self,
                                              const char        *campaign_id,
                                              const char        *stream,
                                              GError           **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray  *sp_run_store_load_steps          (SpRunStore        *self,
                                              const char        *run_id,
                                              GError           **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean    sp_run_store_save_step           (SpRunStore        *self,
                                              const char        *run_id,
                                              const SpRunStepRecord *record,
                                              GError           **error);
void        sp_run_store_save_step_async     (SpRunStore        *self,
                                              const char        *run_id,
                                              const SpRunStepRecord *record,
                                              GAsyncReadyCallback callback,
                                              gpointer           user_data);
gboolean    sp_run_store_save_step_finish    (SpRunStore        *self,
                                              GAsyncResult      *result,
                                              GError           **error);
gboolean    sp_run_store_finish_run          (SpRunStore        *self,
                                              const char        *run_id,
                                              const char        *state,
                                              GError           **error);
gboolean    sp_run_store_transition          (SpRunStore        *self,
                                              const char        *campaign_id,
                                              const char        *to_status,
                                              char             **from_status,
                                              GError           **error);
char       *sp_run_store_get_status          (SpRunStore        *self,
                                              const char        *campaign_id,
                                              GError           **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean    sp_run_store_record_decision     (SpRunStore        *self,
                                              const char        *campaign_id,
                                              const char        *decision,
                                              const char        *comment,
                                              const char        *actor,
                                              GError           **error);
char       *sp_run_store_get_setting         (SpRunStore        *self,
                                              const char        *key,
                                              GError           **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean    sp_run_store_set_setting         (SpRunStore        *self,
                                              const char        *key,
                                              const char        *value,
                                              GError           **error);

gboolean    sp_run_status_can_transition     (const char        *from_status,
                                              const char        *to_status);

G_END_DECLS
