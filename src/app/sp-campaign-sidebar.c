/* sp-campaign-sidebar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The campaign list: the repository's model behind a filter (search text,
 * status, owner, site) and a single selection. It never changes the model.
 */

#define G_LOG_DOMAIN "sp-campaign-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-campaign-row.h"
#include "sp-campaign-sidebar.h"
#include "sp-enum-strings.h"

#define N_STATUSES 9

struct _SpCampaignSidebar
{
  GtkWidget           parent_instance;

  /* Owned references */
  GListModel         *model;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  GtkStringList      *owners;
  GtkStringList      *sites;
  char               *search;       /* lower case */

  /* Template widgets */
  GtkWidget          *box;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *owner_dropdown;
  GtkDropDown        *site_dropdown;
  GtkStack           *list_stack;
  GtkGridView        *list_view;
};

G_DEFINE_FINAL_TYPE (SpCampaignSidebar, sp_campaign_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

enum {
  CAMPAIGN_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static const char *
selected_string (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  /* Position 0 is "All …", which filters nothing. */
  if (item == NULL || gtk_drop_down_get_selected (dropdown) == 0)
    return NULL;

  return gtk_string_object_get_string (item);
}

static gboolean
strv_contains_str (const char * const *strv,
                   const char         *str)
{
  return strv != NULL && g_strv_contains (strv, str);
}

static gboolean
match_campaign_cb (gpointer item,
                   gpointer user_data)
{
  SpCampaignSidebar *self = user_data;
  SpCampaign *campaign = item;
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  const char *owner = selected_string (self->owner_dropdown);
  const char *site = selected_string (self->site_dropdown);

  if (status != 0 && status != GTK_INVALID_LIST_POSITION &&
      (guint)sp_campaign_get_status (campaign) != status - 1)
    return FALSE;
  if (owner != NULL && g_strcmp0 (sp_campaign_get_owner (campaign), owner) != 0)
    return FALSE;
  if (site != NULL && !strv_contains_str (sp_campaign_get_sites (campaign), site))
    return FALSE;

  if (self->search != NULL && *self->search != '\0')
    {
      g_autofree char *name = g_utf8_casefold (sp_campaign_get_name (campaign), -1);
      g_autofree char *who = g_utf8_casefold (sp_campaign_get_owner (campaign) ?: "", -1);

      if (strstr (name, self->search) == NULL && strstr (who, self->search) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
update_stack (SpCampaignSidebar *self)
{
  guint n_all = self->model ? g_list_model_get_n_items (self->model) : 0;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  if (n_all == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (n_shown == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return g_utf8_collate (*(const char * const *)a, *(const char * const *)b);
}

/* Keeps @list equal to "All …" followed by the sorted distinct @values,
 * keeping the user's choice when it is still there. */
static void
refill_choices (GtkDropDown   *dropdown,
                GtkStringList *list,
                const char    *all_label,
                GHashTable    *values)
{
  g_autofree char *keep = g_strdup (selected_string (dropdown));
  g_autofree const char **sorted = (const char **)g_hash_table_get_keys_as_array (values, NULL);
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint select = 0;

  qsort (sorted, g_hash_table_size (values), sizeof (char *), compare_strings);
  g_ptr_array_add (strings, (gpointer)all_label);
  for (guint i = 0; sorted[i] != NULL; i++)
    {
      g_ptr_array_add (strings, (gpointer)sorted[i]);
      if (keep != NULL && g_strcmp0 (keep, sorted[i]) == 0)
        select = i + 1;
    }
  g_ptr_array_add (strings, NULL);

  gtk_string_list_splice (list, 0, n, (const char * const *)strings->pdata);
  gtk_drop_down_set_selected (dropdown, select);
}

static void
refill_filters (SpCampaignSidebar *self)
{
  g_autoptr(GHashTable) owners = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) sites = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = self->model ? g_list_model_get_n_items (self->model) : 0;
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      SpCampaign *campaign = g_list_model_get_item (self->model, i);
      const char * const *campaign_sites = sp_campaign_get_sites (campaign);
      const char *owner = sp_campaign_get_owner (campaign);

      /* The strings belong to @campaign, which @keep holds until the end. */
      g_ptr_array_add (keep, campaign);
      if (owner != NULL && *owner != '\0')
        g_hash_table_add (owners, (gpointer)owner);
      for (guint j = 0; campaign_sites != NULL && campaign_sites[j] != NULL; j++)
        g_hash_table_add (sites, (gpointer)campaign_sites[j]);
    }

  refill_choices (self->owner_dropdown, self->owners, _("All owners"), owners);
  refill_choices (self->site_dropdown, self->sites, _("All sites"), sites);
}

static void
model_items_changed_cb (SpCampaignSidebar *self,
                        guint              position,
                        guint              removed,
                        guint              added,
                        GListModel        *model)
{
  refill_filters (self);
  update_stack (self);
}

static void
filtered_items_changed_cb (SpCampaignSidebar *self,
                           guint              position,
                           guint              removed,
                           guint              added,
                           GListModel        *model)
{
  update_stack (self);
}

static void
search_changed_cb (SpCampaignSidebar *self,
                   GtkSearchEntry    *entry)
{
  g_autofree char *old = g_steal_pointer (&self->search);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  self->search = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);

  /* A longer query that starts with the old one can only match fewer campaigns. */
  if (old != NULL && g_str_has_prefix (self->search, old))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (old != NULL && g_str_has_prefix (old, self->search))
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
filter_changed_cb (SpCampaignSidebar *self,
                   GParamSpec        *pspec,
                   GtkDropDown       *dropdown)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
selection_changed_cb (SpCampaignSidebar *self,
                      GParamSpec        *pspec,
                      GtkSingleSelection *selection)
{
  g_signal_emit (self, signals [CAMPAIGN_ACTIVATED], 0, sp_campaign_sidebar_get_selected (self));
}

static void
list_activated_cb (SpCampaignSidebar *self,
                   guint              position,
                   GtkGridView       *list_view)
{
  g_autoptr(SpCampaign) campaign = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  gtk_single_selection_set_selected (self->selection, position);
  g_signal_emit (self, signals [CAMPAIGN_ACTIVATED], 0, campaign);
}

static void
fill_status_choices (SpCampaignSidebar *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_string_list_append (statuses, _("All statuses"));
  for (guint i = 0; i < N_STATUSES; i++)
    gtk_string_list_append (statuses, sp_campaign_status_to_label ((SpCampaignStatus)i));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
}

static void
sp_campaign_sidebar_dispose (GObject *object)
{
  SpCampaignSidebar *self = (SpCampaignSidebar *)object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_CAMPAIGN_SIDEBAR);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->model);
  g_clear_object (&self->owners);
  g_clear_object (&self->sites);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (sp_campaign_sidebar_parent_class)->dispose (object);
}

static void
sp_campaign_sidebar_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SpCampaignSidebar *self = SP_CAMPAIGN_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_campaign_sidebar_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SpCampaignSidebar *self = SP_CAMPAIGN_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      sp_campaign_sidebar_set_model (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_campaign_sidebar_class_init (SpCampaignSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_campaign_sidebar_dispose;
  object_class->get_property = sp_campaign_sidebar_get_property;
  object_class->set_property = sp_campaign_sidebar_set_property;

  properties [PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpCampaignSidebar::campaign-activated:
   * @campaign: (nullable): the selected campaign
   *
   * The user picked a campaign, or the selection went away.
   */
  signals [CAMPAIGN_ACTIVATED] =
    g_signal_new ("campaign-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SP_TYPE_CAMPAIGN);

  g_type_ensure (SP_TYPE_CAMPAIGN_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/sp-campaign-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, SpCampaignSidebar, box);
  gtk_widget_class_bind_template_child (widget_class, SpCampaignSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SpCampaignSidebar, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpCampaignSidebar, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpCampaignSidebar, site_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpCampaignSidebar, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SpCampaignSidebar, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, g_object_new (SP_TYPE_CAMPAIGN_ROW, NULL));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  sp_campaign_row_set_campaign (SP_CAMPAIGN_ROW (gtk_list_item_get_child (list_item)),
                                gtk_list_item_get_item (list_item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  sp_campaign_row_set_campaign (SP_CAMPAIGN_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
sp_campaign_sidebar_init (SpCampaignSidebar *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->owners = gtk_string_list_new (NULL);
  self->sites = gtk_string_list_new (NULL);
  gtk_string_list_append (self->owners, _("All owners"));
  gtk_string_list_append (self->sites, _("All sites"));
  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (self->owners));
  gtk_drop_down_set_model (self->site_dropdown, G_LIST_MODEL (self->sites));
  fill_status_choices (self);

  self->filter = gtk_custom_filter_new (match_campaign_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_grid_view_set_factory (self->list_view, factory);

  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (filtered_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  update_stack (self);
}

GListModel *
sp_campaign_sidebar_get_model (SpCampaignSidebar *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN_SIDEBAR (self), NULL);

  return self->model;
}

void
sp_campaign_sidebar_set_model (SpCampaignSidebar *self,
                               GListModel        *model)
{
  g_return_if_fail (SP_IS_CAMPAIGN_SIDEBAR (self));
  g_return_if_fail (!model || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_set_object (&self->model, model);
  /* After the filter model has seen the change: refilling the choices
   * changes the filter, which must not happen in the middle of it. */
  if (model != NULL)
    g_signal_connect_data (model, "items-changed", G_CALLBACK (model_items_changed_cb), self,
                           NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  gtk_filter_list_model_set_model (self->filtered, model);
  refill_filters (self);
  update_stack (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODEL]);
}

/* Returns: (transfer none) (nullable): the selected campaign */
SpCampaign *
sp_campaign_sidebar_get_selected (SpCampaignSidebar *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN_SIDEBAR (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

/* Selects @campaign, clearing the search and filters if they hide it. */
gboolean
sp_campaign_sidebar_select (SpCampaignSidebar *self,
                            SpCampaign        *campaign)
{
  guint n;

  g_return_val_if_fail (SP_IS_CAMPAIGN_SIDEBAR (self), FALSE);
  g_return_val_if_fail (SP_IS_CAMPAIGN (campaign), FALSE);

  for (guint pass = 0; pass < 2; pass++)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SpCampaign) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

          if (item == campaign)
            {
              gtk_single_selection_set_selected (self->selection, i);
              gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
              return TRUE;
            }
        }

      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_clear_pointer (&self->search, g_free);
      gtk_drop_down_set_selected (self->status_dropdown, 0);
      gtk_drop_down_set_selected (self->owner_dropdown, 0);
      gtk_drop_down_set_selected (self->site_dropdown, 0);
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
    }

  return FALSE;
}

guint
sp_campaign_sidebar_get_n_visible (SpCampaignSidebar *self)
{
  g_return_val_if_fail (SP_IS_CAMPAIGN_SIDEBAR (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

/* Types @text into the search entry, as a user would. */
void
sp_campaign_sidebar_set_search (SpCampaignSidebar *self,
                                const char        *text)
{
  g_return_if_fail (SP_IS_CAMPAIGN_SIDEBAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed_cb (self, self->search_entry);
}

void
sp_campaign_sidebar_focus_search (SpCampaignSidebar *self)
{
  g_return_if_fail (SP_IS_CAMPAIGN_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
