/* sp-catalog-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole catalog as one immutable block of plain data: a row of numbers
 * and string offsets per product, one string pool, and the case-folded
 * search keys of all rows in one buffer, with a bit per row for each byte
 * that its key holds. A view over 100,000 products then costs a few
 * megabytes instead of 100,000 objects, a search reads only the keys that
 * hold all of its bytes, and a worker thread can build it and hand it over
 * whole. Rows are in SKU order.
 */

#include "config.h"

#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "sp-catalog-table.h"
#include "sp-category.h"

#define NONE G_MAXUINT32

typedef struct
{
  guint32 id;
  guint32 sku;
  guint32 name;
  guint32 uom;
  guint32 currency;
  guint32 remote_id;
  guint32 category;        /* index into categories, or NONE */
  gint64  list_price;
  gint64  cost;
  gint64  stock_on_hand;
  gint64  avg_daily_sales;
  gint64  version;
} Row;

typedef struct
{
  guint32 id;              /* pool offsets */
  guint32 path;
} Category;

struct _SpCatalogTable
{
  gatomicrefcount  ref_count;
  Row             *rows;
  guint            n_rows;
  char            *pool;
  Category        *categories;
  guint            n_categories;
  char            *keys;         /* "key\n" per row, NUL-terminated */
  guint32         *key_offsets;  /* n_rows + 1 */
  guint32          byte_counts[256];  /* of each byte in keys: a query is found by its rarest */
  guint64         *byte_rows[256];    /* a bit per row whose key holds the byte; NULL if none does */
  /* Row orders by sort key, made on first use by any thread; see
   * sp_catalog_table_get_order(). */
  GMutex           orders_lock;
  guint32         *orders[SP_CATALOG_SORT_COST + 1];
};

struct _SpCatalogTableBuilder
{
  GArray     *rows;
  GByteArray *pool;
  GArray     *categories;
  GHashTable *category_index;  /* category id → index + 1 */
  GHashTable *interned;        /* uom, currency → offset + 1 */
  guint32     last_interned[2]; /* the last uom and currency: most rows repeat them */
};

G_DEFINE_BOXED_TYPE (SpCatalogTable, sp_catalog_table, sp_catalog_table_ref, sp_catalog_table_unref)

static guint32
pool_add (GByteArray *pool,
          const char *text)
{
  guint32 offset;

  if (text == NULL)
    return NONE;

  offset = pool->len;
  g_byte_array_append (pool, (const guint8 *)text, strlen (text) + 1);
  return offset;
}

/* Units and currencies repeat on every row: stored once. @slot remembers
 * the last one, which the next row most likely has too. */
static guint32
pool_intern (SpCatalogTableBuilder *builder,
             const char            *text,
             guint                  slot)
{
  guint32 *last = &builder->last_interned[slot];
  gpointer found;
  guint32 offset;

  if (text == NULL)
    return NONE;
  if (*last != NONE && strcmp ((const char *)builder->pool->data + *last, text) == 0)
    return *last;
  if ((found = g_hash_table_lookup (builder->interned, text)) != NULL)
    return *last = GPOINTER_TO_UINT (found) - 1;

  offset = pool_add (builder->pool, text);
  g_hash_table_insert (builder->interned, g_strdup (text), GUINT_TO_POINTER (offset + 1));
  return *last = offset;
}

SpCatalogTableBuilder *
sp_catalog_table_builder_new (guint n_hint)
{
  SpCatalogTableBuilder *builder = g_new0 (SpCatalogTableBuilder, 1);

  builder->rows = g_array_sized_new (FALSE, FALSE, sizeof (Row), n_hint);
  builder->pool = g_byte_array_sized_new (n_hint * 64);
  builder->categories = g_array_new (FALSE, FALSE, sizeof (Category));
  builder->category_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  builder->interned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  builder->last_interned[0] = builder->last_interned[1] = NONE;

  return builder;
}

void
sp_catalog_table_builder_free (SpCatalogTableBuilder *builder)
{
  if (builder == NULL)
    return;

  g_clear_pointer (&builder->rows, g_array_unref);
  g_clear_pointer (&builder->pool, g_byte_array_unref);
  g_clear_pointer (&builder->categories, g_array_unref);
  g_clear_pointer (&builder->category_index, g_hash_table_unref);
  g_clear_pointer (&builder->interned, g_hash_table_unref);
  g_free (builder);
}

/**
 * sp_catalog_table_builder_add_category:
 * @builder: a builder
 * @category_id: the category's id
 * @category_path: its path ("Tools/Power Tools/Drills")
 *
 * Tells the path of a category, so that rows can name it by id alone.
 */
void
sp_catalog_table_builder_add_category (SpCatalogTableBuilder *builder,
                                       const char            *category_id,
                                       const char            *category_path)
{
  Category category;

  g_return_if_fail (builder != NULL);
  g_return_if_fail (category_id != NULL);

  if (g_hash_table_contains (builder->category_index, category_id))
    return;

  category.id = pool_add (builder->pool, category_id);
  category.path = pool_add (builder->pool, category_path);
  g_array_append_val (builder->categories, category);
  g_hash_table_insert (builder->category_index, g_strdup (category_id),
                       GUINT_TO_POINTER (builder->categories->len));
}

static guint32
category_of (SpCatalogTableBuilder *builder,
             const char            *category_id,
             const char            *category_path)
{
  gpointer found;

  if (category_id == NULL && category_path == NULL)
    return NONE;
  /* A category is known by its id, or by its path when it has none. */
  if (category_id == NULL)
    category_id = category_path;
  if ((found = g_hash_table_lookup (builder->category_index, category_id)) == NULL)
    {
      sp_catalog_table_builder_add_category (builder, category_id, category_path);
      found = g_hash_table_lookup (builder->category_index, category_id);
    }

  return GPOINTER_TO_UINT (found) - 1;
}

void
sp_catalog_table_builder_add (SpCatalogTableBuilder *builder,
                              const char            *id,
                              const char            *sku,
                              const char            *name,
                              const char            *category_id,
                              const char            *category_path,
                              const char            *uom,
                              const char            *currency,
                              gint64                 list_price,
                              gint64                 cost,
                              gint64                 stock_on_hand,
                              gint64                 avg_daily_sales,
                              const char            *remote_id,
                              gint64                 version)
{
  Row row;

  g_return_if_fail (builder != NULL);
  g_return_if_fail (sku != NULL);

  row.id = pool_add (builder->pool, id);
  row.sku = pool_add (builder->pool, sku);
  row.name = pool_add (builder->pool, name ?: "");
  row.uom = pool_intern (builder, uom, 0);
  row.currency = pool_intern (builder, currency, 1);
  row.remote_id = pool_add (builder->pool, remote_id);
  row.category = category_of (builder, category_id, category_path);
  row.list_price = list_price;
  row.cost = cost;
  row.stock_on_hand = stock_on_hand;
  row.avg_daily_sales = avg_daily_sales;
  row.version = version;
  g_array_append_val (builder->rows, row);
}

/**
 * sp_catalog_table_builder_merge:
 * @builder: a builder
 * @other: (transfer full): another builder, freed
 *
 * Adds the rows of @other, as a second thread may have built them.
 */
void
sp_catalog_table_builder_merge (SpCatalogTableBuilder *builder,
                                SpCatalogTableBuilder *other)
{
  const char *pool;

  g_return_if_fail (builder != NULL);
  g_return_if_fail (other != NULL);

  pool = (const char *)other->pool->data;
#define TEXT(offset) ((offset) == NONE ? NULL : pool + (offset))
  for (guint i = 0; i < other->rows->len; i++)
    {
      const Row *row = &g_array_index (other->rows, Row, i);
      const Category *category = row->category == NONE ? NULL
                               : &g_array_index (other->categories, Category, row->category);

      sp_catalog_table_builder_add (builder, TEXT (row->id), TEXT (row->sku), TEXT (row->name),
                                    category ? TEXT (category->id) : NULL,
                                    category ? TEXT (category->path) : NULL,
                                    TEXT (row->uom), TEXT (row->currency),
                                    row->list_price, row->cost, row->stock_on_hand,
                                    row->avg_daily_sales, TEXT (row->remote_id), row->version);
    }
#undef TEXT

  sp_catalog_table_builder_free (other);
}

static int
compare_rows_by_sku (gconstpointer a,
                     gconstpointer b,
                     gpointer      pool)
{
  return strcmp ((const char *)pool + ((const Row *)a)->sku,
                 (const char *)pool + ((const Row *)b)->sku);
}

static const char *
text_at (const SpCatalogTable *self,
         guint32               offset)
{
  return offset == NONE ? NULL : self->pool + offset;
}

/* Appends @text case-folded, a line break as a space; ASCII, most of a
 * catalog, folds in place. */
static void
append_folded (GString    *keys,
               const char *text)
{
  g_autofree char *folded = NULL;
  const char *p;
  gsize start = keys->len, length;
  gboolean ascii = TRUE;

  for (p = text; *p != '\0'; p++)
    ascii &= (guchar)*p < 0x80;
  if (!ascii)
    text = folded = g_utf8_casefold (text, -1);

  length = strlen (text);
  g_string_set_size (keys, start + length);
  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c >= 'A' && c <= 'Z')
        c += 'a' - 'A';
      else if (c == '\n')
        c = ' ';
      keys->str[start + i] = c;
    }
}

static gboolean
rows_in_sku_order (const Row  *rows,
                   guint       n_rows,
                   const char *pool)
{
  for (guint i = 1; i < n_rows; i++)
    {
      if (strcmp (pool + rows[i - 1].sku, pool + rows[i].sku) > 0)
        return FALSE;
    }

  return TRUE;
}

/* The bits of the rows whose key holds a byte, for each byte in the
 * keys: a search then reads only the keys that hold all of its bytes
 * (about 100 kB more for 100,000 rows and each byte in use). */
static void
mark_byte_rows (SpCatalogTable *self)
{
  gsize n_words = (self->n_rows + 63) / 64;

  for (guint b = 0; b < 256; b++)
    {
      if (self->byte_counts[b] > 0 && b != '\n')
        self->byte_rows[b] = g_new0 (guint64, n_words);
    }

  for (guint row = 0; row < self->n_rows; row++)
    {
      const guchar *key = (const guchar *)self->keys + self->key_offsets[row];
      const guchar *end = (const guchar *)self->keys + self->key_offsets[row + 1] - 1;
      guint64 bit = G_GUINT64_CONSTANT (1) << (row % 64);
      gsize word = row / 64;

      for (; key < end; key++)
        self->byte_rows[*key][word] |= bit;
    }
}

SpCatalogTable *
sp_catalog_table_builder_end (SpCatalogTableBuilder *builder)
{
  SpCatalogTable *self;
  g_autoptr(GString) keys = NULL;

  g_return_val_if_fail (builder != NULL, NULL);

  self = g_new0 (SpCatalogTable, 1);
  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->orders_lock);

  /* The store reads rows in SKU order most of the time: no sort then. */
  if (!rows_in_sku_order ((const Row *)(gpointer)builder->rows->data, builder->rows->len,
                          (const char *)builder->pool->data))
    g_qsort_with_data (builder->rows->data, builder->rows->len, sizeof (Row),
                       compare_rows_by_sku, builder->pool->data);
  self->n_rows = builder->rows->len;
  self->rows = (Row *)g_array_free (g_steal_pointer (&builder->rows), FALSE);
  self->n_categories = builder->categories->len;
  self->categories = (Category *)g_array_free (g_steal_pointer (&builder->categories), FALSE);
  g_byte_array_append (builder->pool, (const guint8 *)"", 1);
  self->pool = (char *)g_byte_array_free (g_steal_pointer (&builder->pool), FALSE);
  sp_catalog_table_builder_free (builder);

  /* The search key of a row: its SKU, name and category path. */
  keys = g_string_sized_new (self->n_rows * 64 + 1);
  self->key_offsets = g_new (guint32, self->n_rows + 1);
  for (guint i = 0; i < self->n_rows; i++)
    {
      const char *path = sp_catalog_table_get_category_path (self, i);

      self->key_offsets[i] = keys->len;
      append_folded (keys, sp_catalog_table_get_sku (self, i));
      g_string_append_c (keys, ' ');
      append_folded (keys, sp_catalog_table_get_name (self, i));
      g_string_append_c (keys, ' ');
      append_folded (keys, path ?: "");
      g_string_append_c (keys, '\n');
    }
  self->key_offsets[self->n_rows] = keys->len;
  for (gsize i = 0; i < keys->len; i++)
    self->byte_counts[(guchar)keys->str[i]]++;
  /* key_holds() reads up to 16 bytes past a key. */
  g_string_append_len (keys, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16);
  self->keys = g_string_free (g_steal_pointer (&keys), FALSE);
  mark_byte_rows (self);

  return self;
}

SpCatalogTable *
sp_catalog_table_ref (SpCatalogTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sp_catalog_table_unref (SpCatalogTable *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->rows);
  g_free (self->pool);
  g_free (self->categories);
  g_free (self->keys);
  g_free (self->key_offsets);
  for (guint i = 0; i < G_N_ELEMENTS (self->byte_rows); i++)
    g_free (self->byte_rows[i]);
  for (guint i = 0; i < G_N_ELEMENTS (self->orders); i++)
    g_free (self->orders[i]);
  g_mutex_clear (&self->orders_lock);
  g_free (self);
}

guint
sp_catalog_table_get_n_rows (const SpCatalogTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_rows;
}

#define ROW(self, row) (&(self)->rows[(row)])
#define CHECK_ROW(self, row, value) \
  g_return_val_if_fail ((self) != NULL && (row) < (self)->n_rows, (value))

const char *
sp_catalog_table_get_id (const SpCatalogTable *self,
                         guint                 row)
{
  CHECK_ROW (self, row, NULL);
  return text_at (self, ROW (self, row)->id);
}

const char *
sp_catalog_table_get_sku (const SpCatalogTable *self,
                          guint                 row)
{
  CHECK_ROW (self, row, NULL);
  return text_at (self, ROW (self, row)->sku);
}

const char *
sp_catalog_table_get_name (const SpCatalogTable *self,
                           guint                 row)
{
  CHECK_ROW (self, row, NULL);
  return text_at (self, ROW (self, row)->name);
}

const char *
sp_catalog_table_get_category_path (const SpCatalogTable *self,
                                    guint                 row)
{
  guint32 category;

  CHECK_ROW (self, row, NULL);
  category = ROW (self, row)->category;
  return category == NONE ? NULL : text_at (self, self->categories[category].path);
}

const char *
sp_catalog_table_get_currency (const SpCatalogTable *self,
                               guint                 row)
{
  CHECK_ROW (self, row, NULL);
  return text_at (self, ROW (self, row)->currency);
}

gint64
sp_catalog_table_get_list_price (const SpCatalogTable *self,
                                 guint                 row)
{
  CHECK_ROW (self, row, 0);
  return ROW (self, row)->list_price;
}

gint64
sp_catalog_table_get_cost (const SpCatalogTable *self,
                           guint                 row)
{
  CHECK_ROW (self, row, 0);
  return ROW (self, row)->cost;
}

gint64
sp_catalog_table_get_stock_on_hand (const SpCatalogTable *self,
                                    guint                 row)
{
  CHECK_ROW (self, row, 0);
  return ROW (self, row)->stock_on_hand;
}

gint64
sp_catalog_table_get_avg_daily_sales (const SpCatalogTable *self,
                                      guint                 row)
{
  CHECK_ROW (self, row, 0);
  return ROW (self, row)->avg_daily_sales;
}

/* See sp_stock_days_of_cover(): -1 when it does not sell. */
gint64
sp_catalog_table_get_days_of_cover (const SpCatalogTable *self,
                                    guint                 row)
{
  CHECK_ROW (self, row, -1);
  return sp_stock_days_of_cover (ROW (self, row)->stock_on_hand, ROW (self, row)->avg_daily_sales);
}

/* See sp_stock_is_overstocked(). */
gboolean
sp_catalog_table_is_overstocked (const SpCatalogTable *self,
                                 guint                 row,
                                 int                   days_threshold)
{
  CHECK_ROW (self, row, FALSE);
  return sp_stock_is_overstocked (ROW (self, row)->stock_on_hand, ROW (self, row)->avg_daily_sales,
                                  days_threshold);
}

/* Binary search: the rows are in SKU order. */
gboolean
sp_catalog_table_find_sku (const SpCatalogTable *self,
                           const char           *sku,
                           guint                *row)
{
  guint low = 0, high;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (sku != NULL, FALSE);

  high = self->n_rows;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      int cmp = strcmp (self->pool + self->rows[middle].sku, sku);

      if (cmp == 0)
        {
          if (row != NULL)
            *row = middle;
          return TRUE;
        }
      if (cmp < 0)
        low = middle + 1;
      else
        high = middle;
    }

  return FALSE;
}

/* Returns: (transfer full): the product of @row as a model object */
SpProduct *
sp_catalog_table_dup_product (const SpCatalogTable *self,
                              guint                 row)
{
  const Row *r;
  SpProduct *product;

  CHECK_ROW (self, row, NULL);
  r = ROW (self, row);

  product = g_object_new (SP_TYPE_PRODUCT, "id", text_at (self, r->id), NULL);
  sp_product_set_sku (product, text_at (self, r->sku));
  sp_product_set_name (product, text_at (self, r->name));
  sp_product_set_category_path (product, sp_catalog_table_get_category_path (self, row));
  if (r->category != NONE)
    sp_product_set_category_id (product, text_at (self, self->categories[r->category].id));
  sp_product_set_uom (product, text_at (self, r->uom));
  sp_product_set_list_price (product, r->list_price);
  sp_product_set_cost (product, r->cost);
  sp_product_set_currency (product, text_at (self, r->currency));
  sp_product_set_stock_on_hand (product, r->stock_on_hand);
  sp_product_set_avg_daily_sales (product, r->avg_daily_sales);
  sp_product_set_remote_id (product, text_at (self, r->remote_id));
  sp_product_set_version (product, r->version);

  return product;
}

/* The position in @query of its byte that is rarest in the keys. */
static gsize
rarest_byte (const SpCatalogTable *self,
             const char           *query,
             gsize                 length)
{
  gsize rarest = 0;

  for (gsize i = 1; i < length; i++)
    {
      if (self->byte_counts[(guchar)query[i]] < self->byte_counts[(guchar)query[rarest]])
        rarest = i;
    }

  return rarest;
}

/* Whether the key of @key_length bytes at @key holds @query. With SSE2,
 * 16 places at a time where both its first and its last byte are, each
 * then checked in full; this reads up to 16 bytes past the key
 * (sp_catalog_table_builder_end() pads the last). Else memchr() runs to
 * each place of its rarest byte (@anchor), which then is checked. */
static gboolean
key_holds (const char *key,
           gsize       key_length,
           const char *query,
           gsize       length,
           gsize       anchor)
{
#ifdef __SSE2__
  const __m128i first = _mm_set1_epi8 (query[0]);
  const __m128i last = _mm_set1_epi8 (query[length - 1]);
  gsize places;

  if (length > key_length)
    return FALSE;

  places = key_length - length + 1;
  for (gsize i = 0; i < places; i += 16)
    {
      __m128i at_first = _mm_loadu_si128 ((const __m128i *)(gconstpointer)(key + i));
      __m128i at_last = _mm_loadu_si128 ((const __m128i *)(gconstpointer)(key + i + length - 1));
      guint found = _mm_movemask_epi8 (_mm_and_si128 (_mm_cmpeq_epi8 (at_first, first),
                                                      _mm_cmpeq_epi8 (at_last, last)));

      if (places - i < 16)
        found &= (1u << (places - i)) - 1;
      for (; found != 0; found &= found - 1)
        {
          gsize start = i + __builtin_ctz (found);

          if (length <= 2 || memcmp (key + start + 1, query + 1, length - 2) == 0)
            return TRUE;
        }
    }
#else
  const char *end = key + key_length;
  const char *p = key + anchor;

  while (p < end && (p = memchr (p, query[anchor], end - p)) != NULL)
    {
      const char *start = p - anchor;

      if ((gsize)(end - start) >= length && memcmp (start, query, length) == 0)
        return TRUE;
      p++;
    }
#endif

  return FALSE;
}

/* Marks in @found the rows that hold @query, among those set in @within
 * (all rows when NULL), and counts them. The rows whose key holds every
 * byte of @query come from the bits of those bytes; only their keys are
 * read, and not even that for one byte. */
static guint
find_rows (const SpCatalogTable *self,
           const char           *query,
           const guint8         *within,
           guint8               *found)
{
  const guint64 *sets[32];
  guint n_sets = 0, n_found = 0;
  gsize length = strlen (query), anchor = rarest_byte (self, query, length);
  gsize n_words = (self->n_rows + 63) / 64;

  for (gsize i = 0; i < length; i++)
    {
      const guint64 *set = self->byte_rows[(guchar)query[i]];
      gboolean known = FALSE;

      /* A byte no key holds (or a line break, which ends each key). */
      if (set == NULL)
        return 0;
      for (guint j = 0; j < n_sets; j++)
        known |= sets[j] == set;
      if (!known && n_sets < G_N_ELEMENTS (sets))
        sets[n_sets++] = set;
    }

  for (gsize word = 0; word < n_words; word++)
    {
      guint64 rows = G_MAXUINT64;

      for (guint j = 0; j < n_sets; j++)
        rows &= sets[j][word];

      while (rows != 0)
        {
          guint row = word * 64 + __builtin_ctzll (rows);
          const char *key = self->keys + self->key_offsets[row];
          gsize key_length = self->key_offsets[row + 1] - self->key_offsets[row] - 1;

          rows &= rows - 1;
          if (within != NULL && !within[row])
            continue;
          if ((n_sets > 1 || length > 1) && !key_holds (key, key_length, query, length, anchor))
            continue;
          found[row] = 1;
          n_found++;
        }
    }

  return n_found;
}

/**
 * sp_catalog_table_search:
 * @self: a catalog table
 * @query: case-folded text (g_utf8_casefold())
 * @hits: (array): one byte per row, set to 1 where the row matches, else 0
 *
 * Finds the rows whose SKU, name or category path contains @query.
 *
 * Returns: how many rows match
 */
guint
sp_catalog_table_search (const SpCatalogTable *self,
                         const char           *query,
                         guint8               *hits)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (query != NULL, 0);
  g_return_val_if_fail (hits != NULL || self->n_rows == 0, 0);

  if (*query == '\0')
    {
      memset (hits, 1, self->n_rows);
      return self->n_rows;
    }

  memset (hits, 0, self->n_rows);
  return find_rows (self, query, NULL, hits);
}

/**
 * sp_catalog_table_mark_scope:
 * @self: a catalog table
 * @skus: (nullable): a scope's SKUs
 * @categories: (nullable): a scope's category paths
 * @in_scope: (array): one byte per row, set to 1 where the row is in the scope, else 0
 *
 * Marks the rows of a campaign's scope: its SKUs and every product in the
 * subtree of its categories.
 *
 * Returns: how many rows are in the scope
 */
guint
sp_catalog_table_mark_scope (const SpCatalogTable *self,
                             const char * const   *skus,
                             const char * const   *categories,
                             guint8               *in_scope)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (in_scope != NULL || self->n_rows == 0, 0);

  /* sp_scope_contains() by category for every row; a SKU is then found by
   * binary search rather than compared with every row. */
  for (guint i = 0; i < self->n_rows; i++)
    {
      in_scope[i] = sp_scope_contains (NULL, categories, NULL,
                                       sp_catalog_table_get_category_path (self, i));
      n += in_scope[i];
    }

  for (guint i = 0; skus != NULL && skus[i] != NULL; i++)
    {
      guint row;

      if (sp_catalog_table_find_sku (self, skus[i], &row) && !in_scope[row])
        {
          in_scope[row] = TRUE;
          n++;
        }
    }

  return n;
}

/**
 * sp_catalog_table_search_within:
 * @self: a catalog table
 * @query: case-folded text that contains the query @hits were found for
 * @hits: (array): the hits of that shorter query; rows that no longer match are set to 0
 *
 * Narrows the hits of a query to those of a longer one (a user typing on):
 * only the keys of rows that matched before are read again.
 *
 * Returns: how many rows match @query
 */
guint
sp_catalog_table_search_within (const SpCatalogTable *self,
                                const char           *query,
                                guint8               *hits)
{
  g_autofree guint8 *found = NULL;
  guint n_hits;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (query != NULL, 0);
  g_return_val_if_fail (hits != NULL || self->n_rows == 0, 0);

  if (*query == '\0')
    {
      n_hits = 0;
      for (guint i = 0; i < self->n_rows; i++)
        n_hits += hits[i];
      return n_hits;
    }

  found = g_malloc0 (MAX (self->n_rows, 1));
  n_hits = find_rows (self, query, hits, found);
  memcpy (hits, found, self->n_rows);

  return n_hits;
}

typedef struct
{
  const SpCatalogTable *table;
  SpCatalogSort         sort;
  char                **collate_keys;
} SortData;

static gint64
number_of (const SpCatalogTable *self,
           guint32               row,
           SpCatalogSort         sort)
{
  gint64 cover;

  switch (sort)
    {
    case SP_CATALOG_SORT_STOCK:
      return self->rows[row].stock_on_hand;
    case SP_CATALOG_SORT_COVER:
      /* Products that do not sell last forever: after every other. */
      cover = sp_catalog_table_get_days_of_cover (self, row);
      return cover < 0 ? G_MAXINT64 : cover;
    case SP_CATALOG_SORT_LIST_PRICE:
      return self->rows[row].list_price;
    case SP_CATALOG_SORT_COST:
      return self->rows[row].cost;
    case SP_CATALOG_SORT_NONE:
    case SP_CATALOG_SORT_SKU:
    case SP_CATALOG_SORT_NAME:
    case SP_CATALOG_SORT_CATEGORY:
    default:
      return row;
    }
}

/**
 * sp_catalog_table_compare:
 * @self: a catalog table
 * @sort: the key
 * @a: a row
 * @b: another row
 *
 * Compares two rows by @sort, as sp_catalog_table_sort() orders them.
 *
 * Returns: negative, 0 or positive, as strcmp()
 */
int
sp_catalog_table_compare (const SpCatalogTable *self,
                          SpCatalogSort         sort,
                          guint                 a,
                          guint                 b)
{
  gint64 na, nb;

  CHECK_ROW (self, a, 0);
  CHECK_ROW (self, b, 0);

  switch (sort)
    {
    case SP_CATALOG_SORT_NAME:
      return g_utf8_collate (sp_catalog_table_get_name (self, a),
                             sp_catalog_table_get_name (self, b));
    case SP_CATALOG_SORT_CATEGORY:
      return g_strcmp0 (sp_catalog_table_get_category_path (self, a),
                        sp_catalog_table_get_category_path (self, b));
    case SP_CATALOG_SORT_SKU:
      return strcmp (sp_catalog_table_get_sku (self, a), sp_catalog_table_get_sku (self, b));
    case SP_CATALOG_SORT_NONE:
      return a < b ? -1 : a > b;
    default:
      na = number_of (self, a, sort);
      nb = number_of (self, b, sort);
      return na < nb ? -1 : na > nb;
    }
}

static int
compare_sorted_rows (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  SortData *data = user_data;
  guint32 ra = *(const guint32 *)a, rb = *(const guint32 *)b;

  /* Names compare by their collation keys, made once per row. */
  if (data->sort == SP_CATALOG_SORT_NAME)
    return strcmp (data->collate_keys[ra], data->collate_keys[rb]);

  return sp_catalog_table_compare (data->table, data->sort, ra, rb);
}

/**
 * sp_catalog_table_sort:
 * @self: a catalog table
 * @sort: the key
 *
 * Orders the rows by @sort, ascending; equal keys stay in SKU order (the
 * sort is stable). Names sort by the locale's collation.
 *
 * Returns: (transfer full): the row indices, n_rows of them
 */
guint32 *
sp_catalog_table_sort (const SpCatalogTable *self,
                       SpCatalogSort         sort)
{
  SortData data = { self, sort, NULL };
  guint32 *order;

  g_return_val_if_fail (self != NULL, NULL);

  order = g_new (guint32, MAX (self->n_rows, 1));
  for (guint i = 0; i < self->n_rows; i++)
    order[i] = i;
  if (sort == SP_CATALOG_SORT_NONE || sort == SP_CATALOG_SORT_SKU)
    return order;

  if (sort == SP_CATALOG_SORT_NAME)
    {
      data.collate_keys = g_new (char *, self->n_rows);
      for (guint i = 0; i < self->n_rows; i++)
        data.collate_keys[i] = g_utf8_collate_key (sp_catalog_table_get_name (self, i), -1);
    }

  g_qsort_with_data (order, self->n_rows, sizeof (guint32), compare_sorted_rows, &data);

  if (data.collate_keys != NULL)
    {
      for (guint i = 0; i < self->n_rows; i++)
        g_free (data.collate_keys[i]);
      g_free (data.collate_keys);
    }

  return order;
}

/**
 * sp_catalog_table_get_order:
 * @self: a catalog table
 * @sort: the key
 *
 * The rows in @sort's order, as sp_catalog_table_sort() makes them, made
 * once and kept with the table. Any thread may ask: a worker can make an
 * order ahead of need (a name sort of 100,000 rows takes about 0.2 s) while
 * the main thread reads those already made.
 *
 * Returns: (transfer none) (array): n_rows row indices, as long as @self lives
 */
const guint32 *
sp_catalog_table_get_order (SpCatalogTable *self,
                            SpCatalogSort   sort)
{
  guint32 *order, *made;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (sort <= SP_CATALOG_SORT_COST, NULL);

  g_mutex_lock (&self->orders_lock);
  order = self->orders[sort];
  g_mutex_unlock (&self->orders_lock);
  if (order != NULL)
    return order;

  /* Made outside the lock, so that no thread waits on another's sort; the
   * first one made is kept. */
  made = sp_catalog_table_sort (self, sort);
  g_mutex_lock (&self->orders_lock);
  if (self->orders[sort] == NULL)
    self->orders[sort] = g_steal_pointer (&made);
  order = self->orders[sort];
  g_mutex_unlock (&self->orders_lock);
  g_free (made);

  return order;
}
