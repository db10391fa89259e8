/* sp-execution-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The steps of the execution stream with their live state, Retry and Skip
 * on a failed step, and the log of the campaign's runs. The run itself
 * belongs to the workspace's SpRunController, so it goes on when this page
 * shows another campaign or the window closes.
 */

#define G_LOG_DOMAIN "sp-execution-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-execution-page.h"
#include "sp-run-controller.h"
#include "sp-step-row.h"
#include "sp-stream.h"

struct _SpExecutionPage
{
  SpCampaignPage   parent_instance;

  GHashTable      *logs;           /* campaign id → GtkTextBuffer, owned */
  GCancellable    *load_cancellable;
  GSignalGroup    *controller_signals;
  GSignalGroup    *campaign_signals;

  /* Template widgets */
  GtkListBox      *steps_list;
  GtkTextView     *log_view;
  GtkWidget       *execute_button;
};

G_DEFINE_FINAL_TYPE (SpExecutionPage, sp_execution_page, SP_TYPE_CAMPAIGN_PAGE)

static const char *
campaign_id (SpExecutionPage *self)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));

  return campaign ? sp_campaign_get_id (campaign) : NULL;
}

static SpRunController *
controller (SpExecutionPage *self)
{
  SpWorkspace *workspace = sp_campaign_page_get_workspace (SP_CAMPAIGN_PAGE (self));

  return workspace ? sp_workspace_get_run_controller (workspace) : NULL;
}

static GtkTextBuffer *
log_for (SpExecutionPage *self,
         const char      *id)
{
  GtkTextBuffer *buffer = g_hash_table_lookup (self->logs, id);

  if (buffer == NULL)
    {
      buffer = gtk_text_buffer_new (NULL);
      g_hash_table_insert (self->logs, g_strdup (id), buffer);
    }

  return buffer;
}

static SpStepRow *
find_row (SpExecutionPage *self,
          const char      *step)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (SP_IS_STEP_ROW (child) && g_strcmp0 (sp_step_row_get_step (SP_STEP_ROW (child)), step) == 0)
        return SP_STEP_ROW (child);
    }

  return NULL;
}

static void
retry_cb (SpExecutionPage *self,
          SpStepRow       *row)
{
  if (controller (self) != NULL && campaign_id (self) != NULL)
    sp_run_controller_start (controller (self), campaign_id (self));
}

static void
skip_cb (SpExecutionPage *self,
         SpStepRow       *row)
{
  if (controller (self) != NULL && campaign_id (self) != NULL)
    sp_run_controller_skip (controller (self), campaign_id (self), sp_step_row_get_step (row));
}

static void
build_rows (SpExecutionPage *self)
{
  const SpStream *stream = sp_stream_get (SP_STREAM_EXECUTION);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list))))
    gtk_list_box_remove (self->steps_list, child);

  for (guint i = 0; stream != NULL && i < stream->n_steps; i++)
    {
      GtkWidget *row = sp_step_row_new (&stream->steps[i]);

      g_signal_connect_object (row, "retry", G_CALLBACK (retry_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "skip", G_CALLBACK (skip_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->steps_list, row);
    }
}

/* Steps of a campaign that is live (or ended) and has no open run are done. */
static void
show_settled_state (SpExecutionPage *self)
{
  SpCampaign *campaign = sp_campaign_page_get_campaign (SP_CAMPAIGN_PAGE (self));
  SpCampaignStatus status = campaign ? sp_campaign_get_status (campaign) : SP_CAMPAIGN_STATUS_DRAFT;
  gboolean done = status == SP_CAMPAIGN_STATUS_LIVE || status == SP_CAMPAIGN_STATUS_ENDED;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (SP_IS_STEP_ROW (child))
        sp_step_row_set_state (SP_STEP_ROW (child), done ? SP_STEP_DONE : SP_STEP_PENDING, NULL);
    }
}

static void
steps_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SpExecutionPage) self = user_data;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GError) error = NULL;

  if (!(steps = sp_run_controller_load_steps_finish (SP_RUN_CONTROLLER (object), result, &error)))
    return;

  if (steps->len == 0)
    {
      show_settled_state (self);
      return;
    }

  for (guint i = 0; i < steps->len; i++)
    {
      SpRunStepRecord *record = g_ptr_array_index (steps, i);
      SpStepRow *row = find_row (self, record->step);

      if (row != NULL)
        sp_step_row_set_state (row, sp_step_state_from_string (record->state), record->reason);
    }
}

static void
load_steps (SpExecutionPage *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  if (controller (self) == NULL || campaign_id (self) == NULL)
    return;

  self->load_cancellable = g_cancellable_new ();
  sp_run_controller_load_steps_async (controller (self), campaign_id (self), self->load_cancellable,
                                      steps_loaded_cb, g_object_ref (self));
}

static void
step_changed_cb (SpExecutionPage *self,
                 const char      *id,
                 const char      *step,
                 guint            state,
                 const char      *reason)
{
  SpStepRow *row;

  if (g_strcmp0 (id, campaign_id (self)) == 0 && (row = find_row (self, step)) != NULL)
    sp_step_row_set_state (row, state, reason);
}

static void
progress_cb (SpExecutionPage *self,
             const char      *id,
             const char      *step,
             double           fraction,
             const char      *message)
{
  SpStepRow *row;

  if (g_strcmp0 (id, campaign_id (self)) == 0 && (row = find_row (self, step)) != NULL)
    sp_step_row_set_progress (row, fraction, message);
}

static void
log_cb (SpExecutionPage *self,
        const char      *id,
        const char      *line)
{
  GtkTextBuffer *buffer = log_for (self, id);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, line, -1);
  gtk_text_buffer_insert (buffer, &end, "\n", 1);
}

static void
finished_cb (SpExecutionPage *self,
             const char      *id,
             const char      *error_message)
{
  if (g_strcmp0 (id, campaign_id (self)) == 0)
    load_steps (self);
}

static void
sp_execution_page_campaign_changed (SpCampaignPage *page)
{
  SpExecutionPage *self = SP_EXECUTION_PAGE (page);
  const char *id = campaign_id (self);

  g_signal_group_set_target (self->campaign_signals, sp_campaign_page_get_campaign (page));
  build_rows (self);
  gtk_text_view_set_buffer (self->log_view, id ? log_for (self, id) : NULL);
  load_steps (self);
}

static void
sp_execution_page_workspace_changed (SpCampaignPage *page)
{
  SpExecutionPage *self = SP_EXECUTION_PAGE (page);

  g_signal_group_set_target (self->controller_signals, controller (self));
  load_steps (self);
}

static void
sp_execution_page_dispose (GObject *object)
{
  SpExecutionPage *self = (SpExecutionPage *)object;

  g_cancellable_cancel (self->load_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_EXECUTION_PAGE);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->controller_signals);
  g_clear_object (&self->campaign_signals);
  g_clear_pointer (&self->logs, g_hash_table_unref);

  G_OBJECT_CLASS (sp_execution_page_parent_class)->dispose (object);
}

static void
sp_execution_page_class_init (SpExecutionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpCampaignPageClass *page_class = SP_CAMPAIGN_PAGE_CLASS (klass);

  object_class->dispose = sp_execution_page_dispose;
  page_class->campaign_changed = sp_execution_page_campaign_changed;
  page_class->workspace_changed = sp_execution_page_workspace_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sp-execution-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpExecutionPage, steps_list);
  gtk_widget_class_bind_template_child (widget_class, SpExecutionPage, log_view);
  gtk_widget_class_bind_template_child (widget_class, SpExecutionPage, execute_button);
}

static void
sp_execution_page_init (SpExecutionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->logs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->controller_signals = g_signal_group_new (SP_TYPE_RUN_CONTROLLER);
  g_signal_group_connect_object (self->controller_signals, "step-changed",
                                 G_CALLBACK (step_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->controller_signals, "progress",
                                 G_CALLBACK (progress_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->controller_signals, "log",
                                 G_CALLBACK (log_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->controller_signals, "finished",
                                 G_CALLBACK (finished_cb), self, G_CONNECT_SWAPPED);
  self->campaign_signals = g_signal_group_new (SP_TYPE_CAMPAIGN);
  g_signal_group_connect_object (self->campaign_signals, "notify::status",
                                 G_CALLBACK (load_steps), self, G_CONNECT_SWAPPED);
  build_rows (self);
}
