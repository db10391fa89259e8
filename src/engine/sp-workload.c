/* sp-workload.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "sp-engine-error.h"
#include "sp-engine-json-private.h"
#include "sp-promotion-json.h"
#include "sp-workload-private.h"

/**
 * sp_workload_new:
 *
 * Returns: (transfer full): an empty workload to fill with the add
 *   functions and check with sp_workload_finish()
 */
SpWorkload *
sp_workload_new (void)
{
  SpWorkload *self = g_new0 (SpWorkload, 1);

  self->strings = g_string_chunk_new (1 << 20);
  self->categories = g_array_new (FALSE, TRUE, sizeof (SpWlCategory));
  self->products = g_array_new (FALSE, TRUE, sizeof (SpWlProduct));
  self->orders = g_array_new (FALSE, TRUE, sizeof (SpWlOrder));
  self->lines = g_array_new (FALSE, TRUE, sizeof (SpWlLine));
  self->promotions = g_ptr_array_new_with_free_func (g_object_unref);
  self->category_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->product_skus = g_hash_table_new (g_str_hash, g_str_equal);

  return self;
}

void
sp_workload_free (SpWorkload *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->category_ids, g_hash_table_unref);
  g_clear_pointer (&self->product_skus, g_hash_table_unref);
  g_clear_pointer (&self->categories, g_array_unref);
  g_clear_pointer (&self->products, g_array_unref);
  g_clear_pointer (&self->orders, g_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->promotions, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_free (self);
}

static const char *
intern (SpWorkload *self,
        const char *text)
{
  return text != NULL ? g_string_chunk_insert_const (self->strings, text) : NULL;
}

void
sp_workload_add_category (SpWorkload *self,
                          const char *id,
                          const char *parent)
{
  SpWlCategory category = { intern (self, id), intern (self, parent), -1 };

  g_return_if_fail (self != NULL && !self->finished);
  g_array_append_val (self->categories, category);
}

void
sp_workload_add_product (SpWorkload *self,
                         const char *sku,
                         const char *category,
                         const char *uom,
                         gint64      list_price)
{
  SpWlProduct product = { intern (self, sku), intern (self, uom), intern (self, category), -1, list_price };

  g_return_if_fail (self != NULL && !self->finished);
  g_array_append_val (self->products, product);
}

/* @header: SP_WORKLOAD_N_HEADER values in SpRuleAttribute order (NULL when
 * the order has no such attribute). */
void
sp_workload_add_order (SpWorkload  *self,
                       const char  *id,
                       const char  *date,
                       const char **header)
{
  SpWlOrder order = { 0 };

  g_return_if_fail (self != NULL && !self->finished);

  order.id = intern (self, id);
  order.date = intern (self, date);
  for (guint i = 0; i < SP_WORKLOAD_N_HEADER; i++)
    order.header[i] = header != NULL ? intern (self, header[i]) : NULL;
  order.first_line = self->lines->len;
  g_array_append_val (self->orders, order);
}

void
sp_workload_add_line (SpWorkload *self,
                      const char *sku,
                      gint64      quantity,
                      const char *uom)
{
  SpWlLine line = { intern (self, sku), intern (self, uom), -1, 0, quantity, 0 };

  g_return_if_fail (self != NULL && !self->finished);
  g_return_if_fail (self->orders->len > 0);

  line.order = self->orders->len - 1;
  g_array_append_val (self->lines, line);
  g_array_index (self->orders, SpWlOrder, line.order).n_lines++;
}

void
sp_workload_add_promotion (SpWorkload  *self,
                           SpPromotion *promotion)
{
  g_return_if_fail (self != NULL && !self->finished);
  g_return_if_fail (SP_IS_PROMOTION (promotion));

  g_ptr_array_add (self->promotions, g_object_ref (promotion));
}

static gboolean
fail (GError     **error,
      int          code,
      const char  *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError     **error,
      int          code,
      const char  *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (SP_ENGINE_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}

static gboolean
is_iso_date (const char *text)
{
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  return g_date_valid_dmy (atoi (text + 8), atoi (text + 5), atoi (text));
}

static gboolean
finish_catalog (SpWorkload  *self,
                GError     **error)
{
  SpWlCategory *categories = (SpWlCategory *)(gpointer)self->categories->data;
  SpWlProduct *products = (SpWlProduct *)(gpointer)self->products->data;

  for (guint i = 0; i < self->categories->len; i++)
    if (!g_hash_table_insert (self->category_ids, (gpointer)categories[i].id, GUINT_TO_POINTER (i + 1)))
      return fail (error, SP_ENGINE_ERROR_INVALID, _("$.categories[%1$u].id: duplicate category “%2$s”"),
                   i, categories[i].id);

  for (guint i = 0; i < self->categories->len; i++)
    {
      if (categories[i].parent_id == NULL)
        continue;
      categories[i].parent = GPOINTER_TO_INT (g_hash_table_lookup (self->category_ids, categories[i].parent_id)) - 1;
      if (categories[i].parent < 0)
        return fail (error, SP_ENGINE_ERROR_UNKNOWN_REFERENCE,
                     _("$.categories[%1$u].parent: unknown category “%2$s”"), i, categories[i].parent_id);

    }

  for (guint i = 0; i < self->categories->len; i++)
    {
      guint depth = 0;

      for (gint32 c = categories[i].parent; c >= 0; c = categories[c].parent)
        if (++depth > self->categories->len)
          return fail (error, SP_ENGINE_ERROR_INVALID,
                       _("$.categories[%u].parent: the category is its own ancestor"), i);
    }

  for (guint i = 0; i < self->products->len; i++)
    {
      if (!g_hash_table_insert (self->product_skus, (gpointer)products[i].sku, GUINT_TO_POINTER (i + 1)))
        return fail (error, SP_ENGINE_ERROR_INVALID, _("$.products[%1$u].sku: duplicate SKU “%2$s”"),
                     i, products[i].sku);
      products[i].category = GPOINTER_TO_INT (g_hash_table_lookup (self->category_ids,
                                                                   products[i].category_id)) - 1;
      if (products[i].category < 0)
        return fail (error, SP_ENGINE_ERROR_UNKNOWN_REFERENCE,
                     _("$.products[%1$u].category: unknown category “%2$s”"), i, products[i].category_id);
      if (products[i].price < 0 || products[i].price > SP_DECIMAL_MAX / 10000)
        return fail (error, SP_ENGINE_ERROR_INVALID,
                     _("$.products[%u].list_price: must be between 0 and 10,000,000,000"), i);
    }

  return TRUE;
}

static gboolean
finish_orders (SpWorkload  *self,
               GError     **error)
{
  SpWlProduct *products = (SpWlProduct *)(gpointer)self->products->data;
  SpWlLine *lines = (SpWlLine *)(gpointer)self->lines->data;

  for (guint i = 0; i < self->orders->len; i++)
    {
      SpWlOrder *order = &g_array_index (self->orders, SpWlOrder, i);

      if (!is_iso_date (order->date))
        return fail (error, SP_ENGINE_ERROR_INVALID, _("$.orders[%u].date: expected a date as YYYY-MM-DD"), i);

      order->total = 0;
      for (guint j = 0; j < order->n_lines; j++)
        {
          SpWlLine *line = &lines[order->first_line + j];

          line->product = GPOINTER_TO_INT (g_hash_table_lookup (self->product_skus, line->sku)) - 1;
          if (line->product < 0)
            return fail (error, SP_ENGINE_ERROR_UNKNOWN_REFERENCE,
                         _("$.orders[%1$u].lines[%2$u].sku: unknown SKU “%3$s”"), i, j, line->sku);
          if (line->quantity <= 0 || line->quantity > SP_QUANTITY_MAX)
            return fail (error, SP_ENGINE_ERROR_INVALID,
                         _("$.orders[%1$u].lines[%2$u].qty: must be between 1 and 1,000,000"), i, j);
          if (line->uom == NULL)
            line->uom = products[line->product].uom;
          line->amount = products[line->product].price * line->quantity;
          /* Bounded so that no sum of the engine can overflow. */
          order->total = MIN (order->total + line->amount, G_MAXINT64 / 4);
        }
    }

  return TRUE;
}

/**
 * sp_workload_finish:
 * @self: a workload
 * @error: return location for a #GError
 *
 * Resolves every reference (category parents, product categories, order
 * SKUs), checks dates, quantities and promotion numbers, and computes line
 * amounts and order totals. References inside promotions are checked when
 * the engine compiles them.
 *
 * Returns: %TRUE when the workload is consistent
 */
gboolean
sp_workload_finish (SpWorkload  *self,
                    GError     **error)
{
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);

  if (!finish_catalog (self, error) || !finish_orders (self, error))
    return FALSE;

  for (guint i = 0; i < self->promotions->len; i++)
    {
      const char *number = sp_promotion_get_number (g_ptr_array_index (self->promotions, i));

      g_autofree char *path = g_strdup_printf ("$.promotions[%u]", i);

      /* The engine relies on valid promotions (dates, values, rule shape),
       * whichever way they were built. */
      if (!sp_promotion_validate (g_ptr_array_index (self->promotions, i), path, error))
        return FALSE;
      if (number == NULL)
        return fail (error, SP_ENGINE_ERROR_INVALID, _("$.promotions[%u].number: missing"), i);
      if (!g_hash_table_add (numbers, (gpointer)number))
        return fail (error, SP_ENGINE_ERROR_INVALID,
                     _("$.promotions[%1$u].number: duplicate promotion number “%2$s”"), i, number);
    }

  self->finished = TRUE;
  return TRUE;
}

static gboolean
load_catalog (SpWorkload  *self,
              JsonObject  *root,
              GError     **error)
{
  JsonArray *categories, *products;
  char path[64];

  if (!_sp_json_get_array (root, "$", "categories", SP_JSON_REQUIRED, &categories, error) ||
      !_sp_json_get_array (root, "$", "products", SP_JSON_REQUIRED, &products, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (categories); i++)
    {
      JsonObject *object;
      const char *id, *parent;

      g_snprintf (path, sizeof path, "$.categories[%u]", i);
      if (!_sp_json_array_object (categories, i, "$.categories", &object, error) ||
          !_sp_json_get_string (object, path, "id", SP_JSON_REQUIRED, &id, error) ||
          !_sp_json_get_string (object, path, "parent", SP_JSON_OPTIONAL, &parent, error))
        return FALSE;
      sp_workload_add_category (self, id, parent);
    }

  for (guint i = 0; i < json_array_get_length (products); i++)
    {
      JsonObject *object;
      const char *sku, *category, *uom;
      gint64 price = 0;

      g_snprintf (path, sizeof path, "$.products[%u]", i);
      if (!_sp_json_array_object (products, i, "$.products", &object, error) ||
          !_sp_json_get_string (object, path, "sku", SP_JSON_REQUIRED, &sku, error) ||
          !_sp_json_get_string (object, path, "category", SP_JSON_REQUIRED, &category, error) ||
          !_sp_json_get_string (object, path, "uom", SP_JSON_OPTIONAL, &uom, error) ||
          !_sp_json_get_decimal (object, path, "list_price", SP_JSON_REQUIRED, &price, error))
        return FALSE;
      sp_workload_add_product (self, sku, category, uom, price);
    }

  return TRUE;
}

static gboolean
load_orders (SpWorkload  *self,
             JsonObject  *root,
             GError     **error)
{
  g_autoptr(GEnumClass) attributes = g_type_class_ref (SP_TYPE_RULE_ATTRIBUTE);
  JsonArray *orders;
  char path[96];

  if (!_sp_json_get_array (root, "$", "orders", SP_JSON_REQUIRED, &orders, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (orders); i++)
    {
      const char *header[SP_WORKLOAD_N_HEADER];
      JsonObject *object;
      JsonArray *lines;
      const char *id, *date;

      g_snprintf (path, sizeof path, "$.orders[%u]", i);
      if (!_sp_json_array_object (orders, i, "$.orders", &object, error) ||
          !_sp_json_get_string (object, path, "id", SP_JSON_REQUIRED, &id, error) ||
          !_sp_json_get_string (object, path, "date", SP_JSON_REQUIRED, &date, error) ||
          !_sp_json_get_array (object, path, "lines", SP_JSON_REQUIRED, &lines, error))
        return FALSE;

      for (guint a = 0; a < SP_WORKLOAD_N_HEADER; a++)
        if (!_sp_json_get_string (object, path, g_enum_get_value (attributes, a)->value_nick,
                                  SP_JSON_OPTIONAL, &header[a], error))
          return FALSE;

      sp_workload_add_order (self, id, date, header);

      for (guint j = 0; j < json_array_get_length (lines); j++)
        {
          char line_path[128];
          JsonObject *line;
          const char *sku, *uom;
          gint64 quantity = 0;

          g_snprintf (line_path, sizeof line_path, "%s.lines[%u]", path, j);
          if (!_sp_json_array_object (lines, j, line_path, &line, error) ||
              !_sp_json_get_string (line, line_path, "sku", SP_JSON_REQUIRED, &sku, error) ||
              !_sp_json_get_int (line, line_path, "qty", SP_JSON_REQUIRED, &quantity, error) ||
              !_sp_json_get_string (line, line_path, "uom", SP_JSON_OPTIONAL, &uom, error))
            return FALSE;
          sp_workload_add_line (self, sku, quantity, uom);
        }
    }

  return TRUE;
}

/**
 * sp_workload_load_json:
 * @root: a promotion-workload/1 document
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the finished workload, or %NULL with @error set
 *   (naming the JSON path at fault)
 */
SpWorkload *
sp_workload_load_json (JsonNode  *root,
                       GError   **error)
{
  g_autoptr(SpWorkload) self = sp_workload_new ();
  g_autoptr(GPtrArray) promotions = NULL;
  JsonObject *object;
  const char *format = NULL;

  g_return_val_if_fail (root != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      _sp_json_fail (error, "$", NULL, _("expected an object"));
      return NULL;
    }
  object = json_node_get_object (root);

  if (!_sp_json_get_string (object, "$", "format", SP_JSON_OPTIONAL, &format, error))
    return NULL;
  if (format != NULL && g_strcmp0 (format, "promotion-workload/1") != 0)
    {
      _sp_json_fail (error, "$", "format", _("expected “promotion-workload/1”"));
      return NULL;
    }

  if (!load_catalog (self, object, error) ||
      !(promotions = sp_promotions_from_json (root, error)) ||
      !load_orders (self, object, error))
    return NULL;

  for (guint i = 0; i < promotions->len; i++)
    sp_workload_add_promotion (self, g_ptr_array_index (promotions, i));

  if (!sp_workload_finish (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * sp_workload_load_file:
 * @filename: a promotion-workload/1 JSON file
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the finished workload, or %NULL with @error set
 */
SpWorkload *
sp_workload_load_file (const char  *filename,
                       GError     **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (filename != NULL, NULL);

  if (!(root = _sp_json_parse_file (filename, error)))
    return NULL;

  return sp_workload_load_json (root, error);
}

guint
sp_workload_get_n_orders (SpWorkload *self)
{
  return self->orders->len;
}

guint
sp_workload_get_n_lines (SpWorkload *self)
{
  return self->lines->len;
}

guint
sp_workload_get_n_products (SpWorkload *self)
{
  return self->products->len;
}

/**
 * sp_workload_get_promotions:
 *
 * Returns: (transfer none) (element-type SpPromotion): the promotions
 */
GPtrArray *
sp_workload_get_promotions (SpWorkload *self)
{
  return self->promotions;
}

const char *
sp_workload_get_order_id (SpWorkload *self,
                          guint       order)
{
  g_return_val_if_fail (order < self->orders->len, NULL);
  return g_array_index (self->orders, SpWlOrder, order).id;
}

const char *
sp_workload_get_order_date (SpWorkload *self,
                            guint       order)
{
  g_return_val_if_fail (order < self->orders->len, NULL);
  return g_array_index (self->orders, SpWlOrder, order).date;
}

const char *
sp_workload_get_order_currency (SpWorkload *self,
                                guint       order)
{
  g_return_val_if_fail (order < self->orders->len, NULL);
  return g_array_index (self->orders, SpWlOrder, order).header[SP_RULE_ATTRIBUTE_CURRENCY];
}

/* Returns: the index of the order with @id, or -1 */
int
sp_workload_find_order (SpWorkload *self,
                        const char *id)
{
  for (guint i = 0; i < self->orders->len; i++)
    if (g_strcmp0 (g_array_index (self->orders, SpWlOrder, i).id, id) == 0)
      return (int)i;
  return -1;
}
