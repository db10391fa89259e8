/* test-properties.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checks the property contract of every model type at once: a generated id,
 * each writable property notifies exactly once per real change and never
 * when set to the value it already has, and reads back what was written.
 */

#include <glib-object.h>

#include "sp-approval.h"
#include "sp-banner.h"
#include "sp-campaign.h"
#include "sp-category.h"
#include "sp-company.h"
#include "sp-coupon.h"
#include "sp-order-line.h"
#include "sp-price-list-entry.h"
#include "sp-price-list.h"
#include "sp-product.h"
#include "sp-quote-line.h"
#include "sp-quote.h"
#include "sp-sales-order.h"
#include "sp-segment-mapping.h"
#include "sp-segment.h"
#include "sp-site.h"
#include "sp-stock-level.h"
#include "test-util.h"

typedef GType (*GetTypeFunc) (void);

static const GetTypeFunc model_types[] = {
  sp_approval_get_type,
  sp_banner_get_type,
  sp_campaign_get_type,
  sp_category_get_type,
  sp_company_get_type,
  sp_coupon_get_type,
  sp_order_line_get_type,
  sp_price_list_entry_get_type,
  sp_price_list_get_type,
  sp_product_get_type,
  sp_quote_line_get_type,
  sp_quote_get_type,
  sp_sales_order_get_type,
  sp_segment_mapping_get_type,
  sp_segment_get_type,
  sp_site_get_type,
  sp_stock_level_get_type,
};

/* Fills @value with something different from the default of @pspec. */
static void
make_sample_value (GParamSpec *pspec,
                   GValue     *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    {
      g_autofree char *text = g_strdup_printf ("sample %s", pspec->name);

      g_value_set_string (value, text);
    }
  else if (type == G_TYPE_INT64)
    {
      g_value_set_int64 (value, 4200);
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      g_value_set_boolean (value, !G_PARAM_SPEC_BOOLEAN (pspec)->default_value);
    }
  else if (type == G_TYPE_STRV)
    {
      static const char * const strv[] = { "DE-01", "AT-01", NULL };

      g_value_set_boxed (value, strv);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      int fallback = G_PARAM_SPEC_ENUM (pspec)->default_value;

      g_value_set_enum (value, klass->values[klass->n_values - 1].value != fallback ?
                               klass->values[klass->n_values - 1].value :
                               klass->values[0].value);
    }
  else
    {
      g_error ("no sample for property %s of type %s", pspec->name, g_type_name (type));
    }
}

static void
check_property (GObject    *object,
                GParamSpec *pspec)
{
  g_auto(GValue) sample = G_VALUE_INIT;
  g_auto(GValue) read_back = G_VALUE_INIT;
  NotifyCounter counter;

  g_test_message ("%s:%s", G_OBJECT_TYPE_NAME (object), pspec->name);

  g_assert_true ((pspec->flags & G_PARAM_STATIC_STRINGS) == G_PARAM_STATIC_STRINGS);
  g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);

  make_sample_value (pspec, &sample);
  notify_counter_init (&counter, object);

  g_object_set_property (object, pspec->name, &sample);
  g_assert_cmpuint (notify_counter_get (&counter, pspec->name), ==, 1);
  g_assert_cmpuint (notify_counter_total (&counter), ==, 1);

  /* The same value again is not a change. */
  g_object_set_property (object, pspec->name, &sample);
  g_assert_cmpuint (notify_counter_total (&counter), ==, 1);

  g_value_init (&read_back, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_object_get_property (object, pspec->name, &read_back);
  /* Boxed values compare by pointer, so arrays are compared by content. */
  if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRV)
    g_assert_true (g_strv_equal (g_value_get_boxed (&sample), g_value_get_boxed (&read_back)));
  else
    g_assert_cmpint (g_param_values_cmp (pspec, &sample, &read_back), ==, 0);

  notify_counter_clear (&counter, object);
}

static void
test_properties_notify_once (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (model_types); i++)
    {
      GType type = model_types[i] ();
      GObject *object = g_object_new (type, NULL);
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs;
      guint n_checked = 0;

      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
      for (guint j = 0; j < n_pspecs; j++)
        {
          if (!(pspecs[j]->flags & G_PARAM_WRITABLE) || (pspecs[j]->flags & G_PARAM_CONSTRUCT_ONLY))
            continue;
          check_property (object, pspecs[j]);
          n_checked++;
        }

      g_assert_cmpuint (n_checked, >=, 2);
      g_assert_finalize_object (object);
    }
}

static void
test_properties_strv_null_is_empty (void)
{
  g_autoptr(SpCampaign) campaign = sp_campaign_new ("Spring");
  static const char * const empty[] = { NULL };
  NotifyCounter counter;

  notify_counter_init (&counter, campaign);
  sp_campaign_set_sites (campaign, NULL);
  sp_campaign_set_sites (campaign, empty);
  g_assert_cmpuint (notify_counter_total (&counter), ==, 0);
  g_assert_nonnull (sp_campaign_get_sites (campaign));
  g_assert_null (sp_campaign_get_sites (campaign)[0]);
  notify_counter_clear (&counter, campaign);
}

static void
test_properties_id (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (model_types); i++)
    {
      GType type = model_types[i] ();
      GObject *a = g_object_new (type, NULL);
      GObject *b = g_object_new (type, NULL);
      GObject *given = g_object_new (type, "id", "0b5b1d2a-8f29-4c3e-9a57-1f0c3c2d9e11", NULL);
      g_autofree char *id_a = NULL;
      g_autofree char *id_b = NULL;
      g_autofree char *id_given = NULL;
      GParamSpec *pspec;

      g_object_get (a, "id", &id_a, NULL);
      g_object_get (b, "id", &id_b, NULL);
      g_object_get (given, "id", &id_given, NULL);

      g_test_message ("%s", g_type_name (type));
      g_assert_true (g_uuid_string_is_valid (id_a));
      g_assert_true (g_uuid_string_is_valid (id_b));
      g_assert_cmpstr (id_a, !=, id_b);
      g_assert_cmpstr (id_given, ==, "0b5b1d2a-8f29-4c3e-9a57-1f0c3c2d9e11");

      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (a), "id");
      g_assert_true (pspec->flags & G_PARAM_CONSTRUCT_ONLY);

      g_assert_finalize_object (a);
      g_assert_finalize_object (b);
      g_assert_finalize_object (given);
    }
}

static void
test_properties_status_read_only (void)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (SP_TYPE_CAMPAIGN);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), "status");

  g_assert_nonnull (pspec);
  g_assert_true (pspec->flags & G_PARAM_READABLE);
  g_assert_false (pspec->flags & G_PARAM_WRITABLE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/properties/notify-once", test_properties_notify_once);
  g_test_add_func ("/core/properties/strv-null-is-empty", test_properties_strv_null_is_empty);
  g_test_add_func ("/core/properties/id", test_properties_id);
  g_test_add_func ("/core/properties/status-read-only", test_properties_status_read_only);

  return g_test_run ();
}
