/* sp-step-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One step of the execution stream with its live state: pending, running
 * with progress, done, skipped, or failed with the reason and Retry (and
 * Skip when the step is optional).
 */

#define G_LOG_DOMAIN "sp-step-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-step-row.h"

struct _SpStepRow
{
  AdwActionRow     parent_instance;

  const SpStepDef *def;     /* static data of the flow layer */
  SpStepState      state;

  /* Template widgets */
  GtkImage        *state_icon;
  GtkSpinner      *spinner;
  GtkProgressBar  *progress;
  GtkLabel        *state_label;
  GtkWidget       *retry_button;
  GtkWidget       *skip_button;
};

G_DEFINE_FINAL_TYPE (SpStepRow, sp_step_row, ADW_TYPE_ACTION_ROW)

enum {
  RETRY,
  SKIP,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
retry_clicked_cb (SpStepRow *self)
{
  g_signal_emit (self, signals [RETRY], 0);
}

static void
skip_clicked_cb (SpStepRow *self)
{
  g_signal_emit (self, signals [SKIP], 0);
}

static void
sp_step_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_STEP_ROW);

  G_OBJECT_CLASS (sp_step_row_parent_class)->dispose (object);
}

static void
sp_step_row_class_init (SpStepRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_step_row_dispose;

  signals [RETRY] = g_signal_new ("retry", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals [SKIP] = g_signal_new ("skip", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sp-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SpStepRow, state_icon);
  gtk_widget_class_bind_template_child (widget_class, SpStepRow, spinner);
  gtk_widget_class_bind_template_child (widget_class, SpStepRow, progress);
  gtk_widget_class_bind_template_child (widget_class, SpStepRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, SpStepRow, retry_button);
  gtk_widget_class_bind_template_child (widget_class, SpStepRow, skip_button);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, skip_clicked_cb);
}

static void
sp_step_row_init (SpStepRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sp_step_row_new (const SpStepDef *def)
{
  SpStepRow *self = g_object_new (SP_TYPE_STEP_ROW, NULL);

  self->def = def;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _(def->title));
  sp_step_row_set_state (self, SP_STEP_PENDING, NULL);

  return GTK_WIDGET (self);
}

const char *
sp_step_row_get_step (SpStepRow *self)
{
  g_return_val_if_fail (SP_IS_STEP_ROW (self), NULL);

  return self->def->id;
}

SpStepState
sp_step_row_get_state (SpStepRow *self)
{
  g_return_val_if_fail (SP_IS_STEP_ROW (self), SP_STEP_PENDING);

  return self->state;
}

void
sp_step_row_set_state (SpStepRow   *self,
                       SpStepState  state,
                       const char  *reason)
{
  const char *label, *icon;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (SP_IS_STEP_ROW (self));

  self->state = state;
  switch (state)
    {
    case SP_STEP_RUNNING:
      label = _("Running");
      icon = "process-working-symbolic";
      break;
    case SP_STEP_DONE:
      label = _("Done");
      icon = "emblem-ok-symbolic";
      break;
    case SP_STEP_SKIPPED:
      label = _("Skipped");
      icon = "media-skip-forward-symbolic";
      break;
    case SP_STEP_FAILED:
      label = _("Failed");
      icon = "dialog-error-symbolic";
      break;
    case SP_STEP_PENDING:
    default:
      label = _("Pending");
      icon = "content-loading-symbolic";
      break;
    }

  gtk_label_set_label (self->state_label, label);
  gtk_image_set_from_icon_name (self->state_icon, icon);
  gtk_spinner_set_spinning (self->spinner, state == SP_STEP_RUNNING);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), state == SP_STEP_RUNNING);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
  gtk_widget_set_visible (self->retry_button, state == SP_STEP_FAILED);
  gtk_widget_set_visible (self->skip_button, state == SP_STEP_FAILED && self->def->optional);

  if (state == SP_STEP_FAILED)
    gtk_widget_add_css_class (GTK_WIDGET (self->state_icon), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), "error");
  if (state == SP_STEP_DONE)
    gtk_widget_add_css_class (GTK_WIDGET (self->state_icon), "success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), "success");

  if (reason != NULL && *reason != '\0')
    subtitle = g_strdup (reason);
  else if (self->def->optional)
    subtitle = g_strdup (_("Optional"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle ? subtitle : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->state_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

void
sp_step_row_set_progress (SpStepRow  *self,
                          double      fraction,
                          const char *message)
{
  g_return_if_fail (SP_IS_STEP_ROW (self));

  if (self->state != SP_STEP_RUNNING)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->progress), TRUE);
  gtk_progress_bar_set_fraction (self->progress, CLAMP (fraction, 0.0, 1.0));
  if (message != NULL && *message != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), message);
}
