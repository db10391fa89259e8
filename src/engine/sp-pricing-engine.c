/* sp-pricing-engine.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Semantics: ../shared/bench/README.md plus the extensions of issue 4.
 * Decisions where those leave something open (each has a test in
 * tests/engine/test-pricing-engine.c):
 *
 * - Promotions are applied in the order of their numbers, and the lines of a
 *   promotion in their sequence (then file order). Explanations follow that
 *   order, and so does the cap: an adjustment that crosses the line amount
 *   is reduced to what is left (state CAPPED), later ones get 0 (CAPPED).
 * - A tiered benefit applies (and counts as an application) only when one
 *   of its tiers matches; the first matching tier in list order wins.
 *   line_quantity tiers compare quantity in hundredths of a unit.
 * - target_total is the list amount of all the order's lines that the
 *   benefit's target matches (item / item_category / all), whether or not
 *   the promotion line's eligibility holds for them.
 * - A lump_sum amount tier without a block size gives its value once per
 *   line; with a block size N it gives value × ⌊q / N⌋, plus, with
 *   "new_lump_sum", value × (q mod N) / N rounded half-up.
 * - Exclusive promotions: each one's benefits stack among themselves and are
 *   capped at the line amount; the best one (ties: the lower number) is
 *   taken only when it gives strictly more than the capped sum of the
 *   stacking promotions; on a tie the stacking promotions win. Applications
 *   count only the benefits taken.
 * - A single benefit never counts for more than the line amount (this does
 *   not change any capped result and keeps every sum in range).
 * - Percent discounts round half-up per benefit: ⌊(amount × bp + 5000) / 10000⌋.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sp-engine-error.h"
#include "sp-pricing-engine.h"
#include "sp-workload-private.h"

#define SUM_LIMIT (G_MAXINT64 / 4)

typedef struct
{
  guint8  attr;      /* SpRuleAttribute */
  guint8  op;        /* SpRuleOp */
  guint16 n;         /* values in the pool for in / not_in */
  guint32 pool;      /* first value in the pool */
  gint64  num;       /* interned id, product, category, quantity or minor units */
} CCond;

typedef struct
{
  guint32 first;     /* first CCond */
  guint16 n;
  guint8  any;
} CBlock;

typedef struct
{
  gint32 block;
  gint32 sub;        /* CBlock or -1 */
  gint32 excl;       /* CBlock or -1 */
} CGroup;

typedef struct
{
  gint32  start;     /* YYYYMMDD */
  gint32  end;
  guint32 first_group;
  guint16 n_groups;  /* 0: no rule, always holds */
  guint8  any;
  guint8  exclusive;
  guint32 first_benefit;
  guint32 n_benefits;
  guint32 promotion; /* index in self->promotions (number order) */
  SpPromotionLine *line;  /* borrowed */
} CLine;

typedef struct
{
  guint8  target;    /* SpBenefitTarget */
  guint8  type;      /* SpBenefitType */
  guint8  basis;     /* SpTierBasis */
  guint8  calculate; /* SpTierCalculate */
  gint32  target_id; /* product or category index */
  guint32 first_tier;
  guint32 n_tiers;
  gint64  value;
  SpBenefit *benefit;  /* borrowed */
} CBenefit;

typedef struct
{
  gint64 from;
  gint64 to;         /* -1: no bound */
  gint64 value;
  gint64 block;
  guint8 adjustment;
  guint8 remainder;
} CTier;

struct _SpPricingEngine
{
  SpWorkload *workload;      /* borrowed; outlives the engine */
  GPtrArray  *promotions;    /* owned refs; SpPromotion in number order */
  GHashTable *interned;      /* owned; string → id (≥ 1) */

  GArray *conds, *blocks, *groups, *lines, *benefits, *tiers;  /* owned */
  GArray *pool;              /* owned; gint64 values of in / not_in */

  gint32  *tin, *tout;       /* owned; DFS interval of each category */
  guint32 *order_header;     /* owned; n_orders × SP_WORKLOAD_N_HEADER ids */
  gint32  *order_date;       /* owned; YYYYMMDD */
  guint32 *line_uom;         /* owned; per workload line */
  guint32 *cat_off, *cat_pool;   /* owned; candidate lines per product category */
  guint32 *prod_off, *prod_pool; /* owned; candidate lines per product (item benefits) */
  guint32 *date_off, *date_pool; /* owned; lines with an "all" benefit active on each order date */
  guint32 *order_dates;          /* owned; per order, its slot in date_off */
  gsize    cat_pool_len, prod_pool_len, date_pool_len;
  gboolean has_exclusive;
};

/* One collected application of a benefit to the line being priced. */
typedef struct
{
  guint32 line;      /* CLine */
  guint32 benefit;   /* CBenefit */
  gint64  amount;
} Hit;

static inline gint64
sat_add (gint64 a,
         gint64 b)
{
  return MIN (a + b, SUM_LIMIT);
}

static inline gint64
mul_capped (gint64 a,
            gint64 b,
            gint64 cap)
{
  gint64 r;

  if (__builtin_mul_overflow (a, b, &r) || r > cap)
    return cap;
  return r;
}

static inline gint64
percent_of (gint64 amount,
            gint64 bp)
{
  return (gint64)(((__int128)amount * bp + 5000) / 10000);
}

static guint32
intern_id (SpPricingEngine *self,
           const char      *text)
{
  gpointer id;

  if (text == NULL)
    return 0;
  if ((id = g_hash_table_lookup (self->interned, text)) != NULL)
    return GPOINTER_TO_UINT (id);

  id = GUINT_TO_POINTER (g_hash_table_size (self->interned) + 1);
  g_hash_table_insert (self->interned, (gpointer)text, id);
  return GPOINTER_TO_UINT (id);
}

static gint32
date_number (const char *iso)
{
  return atoi (iso) * 10000 + atoi (iso + 5) * 100 + atoi (iso + 8);
}

static inline gboolean
is_ancestor (const SpPricingEngine *self,
             gint64                 ancestor,
             gint32                 category)
{
  return self->tin[ancestor] <= self->tin[category] && self->tin[category] < self->tout[ancestor];
}

static void
build_category_intervals (SpPricingEngine *self)
{
  SpWorkload *w = self->workload;
  guint n = w->categories->len;
  SpWlCategory *categories = (SpWlCategory *)(gpointer)w->categories->data;
  g_autofree guint32 *child_off = g_new0 (guint32, n + 1);
  g_autofree guint32 *children = g_new (guint32, n);
  g_autofree guint32 *fill = g_new0 (guint32, n);
  g_autofree guint32 *stack = g_new (guint32, n);
  g_autofree guint32 *next_child = g_new0 (guint32, n);
  gint32 clock = 0;

  self->tin = g_new0 (gint32, n);
  self->tout = g_new0 (gint32, n);

  for (guint i = 0; i < n; i++)
    if (categories[i].parent >= 0)
      child_off[categories[i].parent + 1]++;
  for (guint i = 0; i < n; i++)
    child_off[i + 1] += child_off[i];
  for (guint i = 0; i < n; i++)
    if (categories[i].parent >= 0)
      children[child_off[categories[i].parent] + fill[categories[i].parent]++] = i;

  /* Iterative DFS from every root; the workload has no cycles. */
  for (guint root = 0; root < n; root++)
    {
      guint depth = 0;

      if (categories[root].parent >= 0)
        continue;

      stack[depth++] = root;
      self->tin[root] = clock++;
      while (depth > 0)
        {
          guint32 c = stack[depth - 1];

          if (next_child[c] < child_off[c + 1] - child_off[c])
            {
              guint32 child = children[child_off[c] + next_child[c]++];

              self->tin[child] = clock++;
              stack[depth++] = child;
            }
          else
            {
              self->tout[c] = clock;
              depth--;
            }
        }
    }
}

static gboolean
resolve_value (SpPricingEngine  *self,
               SpRuleAttribute   attr,
               const char       *value,
               const char       *path,
               gint64           *out,
               GError          **error)
{
  SpWorkload *w = self->workload;
  gint64 index;

  if (attr == SP_RULE_ATTRIBUTE_ITEM)
    {
      index = GPOINTER_TO_INT (g_hash_table_lookup (w->product_skus, value)) - 1;
      if (index < 0)
        {
          g_set_error (error, SP_ENGINE_ERROR, SP_ENGINE_ERROR_UNKNOWN_REFERENCE,
                       _("%1$s: unknown SKU “%2$s”"), path, value);
          return FALSE;
        }
    }
  else if (attr == SP_RULE_ATTRIBUTE_ITEM_CATEGORY)
    {
      index = GPOINTER_TO_INT (g_hash_table_lookup (w->category_ids, value)) - 1;
      if (index < 0)
        {
          g_set_error (error, SP_ENGINE_ERROR, SP_ENGINE_ERROR_UNKNOWN_REFERENCE,
                       _("%1$s: unknown category “%2$s”"), path, value);
          return FALSE;
        }
    }
  else
    index = intern_id (self, value);

  *out = index;
  return TRUE;
}

static gint32
compile_block (SpRuleGroup  *group,
               SpPricingEngine *self,
               const char   *path,
               GError      **error)
{
  GListModel *conditions = sp_rule_group_get_conditions (group);
  CBlock block = { self->conds->len, g_list_model_get_n_items (conditions),
                   sp_rule_group_get_operator (group) == SP_RULE_OPERATOR_ANY };

  for (guint i = 0; i < block.n; i++)
    {
      g_autoptr(SpRuleCondition) condition = g_list_model_get_item (conditions, i);
      g_autofree char *where = g_strdup_printf ("%s.conditions[%u].value", path, i);
      CCond c = { sp_rule_condition_get_attribute (condition), sp_rule_condition_get_op (condition), 0, 0, 0 };

      if (sp_rule_attribute_is_numeric (c.attr))
        c.num = sp_rule_condition_get_number (condition);
      else if (c.op == SP_RULE_OP_IN || c.op == SP_RULE_OP_NOT_IN)
        {
          const char * const *values = sp_rule_condition_get_values (condition);

          c.pool = self->pool->len;
          for (guint j = 0; values != NULL && values[j] != NULL; j++, c.n++)
            {
              g_autofree char *item = g_strdup_printf ("%s[%u]", where, j);
              gint64 v;

              if (!resolve_value (self, c.attr, values[j], item, &v, error))
                return -2;
              g_array_append_val (self->pool, v);
            }
        }
      else if (!resolve_value (self, c.attr, sp_rule_condition_get_value (condition), where, &c.num, error))
        return -2;

      g_array_append_val (self->conds, c);
    }

  g_array_append_val (self->blocks, block);
  return self->blocks->len - 1;
}

static gboolean
compile_rule (SpPricingEngine  *self,
              SpRuleGroup      *rule,
              const char       *path,
              CLine            *line,
              GError          **error)
{
  GListModel *groups = sp_rule_group_get_groups (rule);
  guint n = g_list_model_get_n_items (groups);
  g_autoptr(GArray) compiled = g_array_new (FALSE, FALSE, sizeof (CGroup));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpRuleGroup) group = g_list_model_get_item (groups, i);
      g_autofree char *where = g_strdup_printf ("%s.groups[%u]", path, i);
      g_autofree char *sub_path = g_strdup_printf ("%s.subgroup", where);
      g_autofree char *excl_path = g_strdup_printf ("%s.exclusion", where);
      SpRuleGroup *sub = sp_rule_group_get_subgroup (group);
      SpRuleGroup *excl = sp_rule_group_get_exclusion (group);
      CGroup g = { compile_block (group, self, where, error), -1, -1 };

      if (g.block < 0 ||
          (sub != NULL && (g.sub = compile_block (sub, self, sub_path, error)) < 0) ||
          (excl != NULL && (g.excl = compile_block (excl, self, excl_path, error)) < 0))
        return FALSE;
      g_array_append_val (compiled, g);
    }

  line->first_group = self->groups->len;
  line->n_groups = n;
  line->any = sp_rule_group_get_operator (rule) == SP_RULE_OPERATOR_ANY;
  g_array_append_vals (self->groups, compiled->data, compiled->len);

  /* A rule without groups: "all" of nothing holds, "any" of nothing does not.
   * Validation refuses it, but the engine stays total. */
  if (n == 0 && line->any)
    line->start = G_MAXINT32, line->end = 0;

  return TRUE;
}

static gboolean
compile_benefit (SpPricingEngine  *self,
                 SpBenefit        *benefit,
                 const char       *path,
                 GError          **error)
{
  SpWorkload *w = self->workload;
  CBenefit b = { 0 };
  GListModel *tiers = sp_benefit_get_tiers (benefit);

  b.target = sp_benefit_get_applies_to (benefit);
  b.type = sp_benefit_get_kind (benefit);
  b.basis = sp_benefit_get_basis (benefit);
  b.calculate = sp_benefit_get_calculate (benefit);
  b.value = sp_benefit_get_value (benefit);
  b.benefit = benefit;
  b.target_id = -1;

  if (b.target == SP_BENEFIT_TARGET_ITEM)
    {
      b.target_id = GPOINTER_TO_INT (g_hash_table_lookup (w->product_skus, sp_benefit_get_target (benefit))) - 1;
      if (b.target_id < 0)
        {
          g_set_error (error, SP_ENGINE_ERROR, SP_ENGINE_ERROR_UNKNOWN_REFERENCE,
                       _("%1$s.item: unknown SKU “%2$s”"), path, sp_benefit_get_target (benefit));
          return FALSE;
        }
    }
  else if (b.target == SP_BENEFIT_TARGET_ITEM_CATEGORY)
    {
      b.target_id = GPOINTER_TO_INT (g_hash_table_lookup (w->category_ids, sp_benefit_get_target (benefit))) - 1;
      if (b.target_id < 0)
        {
          g_set_error (error, SP_ENGINE_ERROR, SP_ENGINE_ERROR_UNKNOWN_REFERENCE,
                       _("%1$s.item_category: unknown category “%2$s”"), path, sp_benefit_get_target (benefit));
          return FALSE;
        }
    }

  b.first_tier = self->tiers->len;
  b.n_tiers = g_list_model_get_n_items (tiers);
  for (guint i = 0; i < b.n_tiers; i++)
    {
      g_autoptr(SpTier) tier = g_list_model_get_item (tiers, i);
      CTier t = { sp_tier_get_from (tier), sp_tier_get_to (tier), sp_tier_get_value (tier),
                  sp_tier_get_block_size (tier), sp_tier_get_adjustment (tier), sp_tier_get_remainder (tier) };

      g_array_append_val (self->tiers, t);
    }

  g_array_append_val (self->benefits, b);
  return TRUE;
}

static int
compare_promotions (gconstpointer a,
                    gconstpointer b)
{
  SpPromotion *pa = *(SpPromotion **)a;
  SpPromotion *pb = *(SpPromotion **)b;

  return g_strcmp0 (sp_promotion_get_number (pa), sp_promotion_get_number (pb));
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  SpPromotionLine *la = *(SpPromotionLine **)a;
  SpPromotionLine *lb = *(SpPromotionLine **)b;
  guint sa = sp_promotion_line_get_sequence (la);
  guint sb = sp_promotion_line_get_sequence (lb);

  return sa < sb ? -1 : sa > sb;
}

static gboolean
compile_promotions (SpPricingEngine  *self,
                    GError          **error)
{
  GPtrArray *source = self->workload->promotions;

  self->promotions = g_ptr_array_new_full (source->len, g_object_unref);
  for (guint i = 0; i < source->len; i++)
    g_ptr_array_add (self->promotions, g_object_ref (g_ptr_array_index (source, i)));
  g_ptr_array_sort (self->promotions, compare_promotions);

  for (guint p = 0; p < self->promotions->len; p++)
    {
      SpPromotion *promotion = g_ptr_array_index (self->promotions, p);
      GListModel *model = sp_promotion_get_lines (promotion);
      g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func (g_object_unref);
      guint file_index = 0;

      /* Paths name the promotion's place in the file, not in number order. */
      g_ptr_array_find (source, promotion, &file_index);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        g_ptr_array_add (ordered, g_list_model_get_item (model, i));
      g_ptr_array_sort (ordered, compare_lines);  /* stable: ties keep file order */

      for (guint i = 0; i < ordered->len; i++)
        {
          SpPromotionLine *pl = g_ptr_array_index (ordered, i);
          GListModel *benefits = sp_promotion_line_get_benefits (pl);
          SpRuleGroup *rule = sp_promotion_line_get_eligibility (pl);
          guint position = 0;
          g_autofree char *path = NULL;
          CLine line = { 0 };

          for (position = 0; position < g_list_model_get_n_items (model); position++)
            {
              g_autoptr(SpPromotionLine) item = g_list_model_get_item (model, position);
              if (item == pl)
                break;
            }
          path = g_strdup_printf ("$.promotions[%u].lines[%u]", file_index, position);

          line.start = date_number (sp_promotion_get_start_date (promotion));
          line.end = date_number (sp_promotion_get_end_date (promotion));
          line.promotion = p;
          line.exclusive = sp_promotion_get_stacking (promotion) == SP_STACKING_EXCLUSIVE;
          line.line = pl;
          self->has_exclusive |= line.exclusive;

          if (rule != NULL)
            {
              g_autofree char *rule_path = g_strdup_printf ("%s.eligibility", path);

              if (!compile_rule (self, rule, rule_path, &line, error))
                return FALSE;
            }

          line.first_benefit = self->benefits->len;
          line.n_benefits = g_list_model_get_n_items (benefits);
          for (guint b = 0; b < line.n_benefits; b++)
            {
              g_autoptr(SpBenefit) benefit = g_list_model_get_item (benefits, b);
              g_autofree char *where = g_strdup_printf ("%s.benefits[%u]", path, b);

              if (!compile_benefit (self, benefit, where, error))
                return FALSE;
            }

          g_array_append_val (self->lines, line);
        }
    }

  return TRUE;
}

static int
compare_u32 (gconstpointer a,
             gconstpointer b)
{
  guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;

  return x < y ? -1 : x > y;
}

/* Sorts and removes duplicates; returns the new length. */
static guint
sort_unique (guint32 *values,
             guint    n)
{
  guint out = 0;

  if (n == 0)
    return 0;  /* an empty GArray may have no data at all */

  qsort (values, n, sizeof (guint32), compare_u32);
  for (guint i = 0; i < n; i++)
    if (out == 0 || values[out - 1] != values[i])
      values[out++] = values[i];
  return out;
}

/* Lines with an "all" benefit could apply to every order line: keep, for
 * each distinct order date, only those whose validity covers it. When that
 * would take too much memory, one slot holds them all (the date is checked
 * per candidate anyway). */
static void
build_date_index (SpPricingEngine *self,
                  GArray          *all)
{
  guint n_orders = self->workload->orders->len;
  g_autoptr(GHashTable) slots = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) dates = g_array_new (FALSE, FALSE, sizeof (gint32));
  g_autoptr(GArray) pool = g_array_new (FALSE, FALSE, sizeof (guint32));
  const guint32 *lines = (const guint32 *)(gconstpointer)all->data;
  const CLine *clines = (const CLine *)(gconstpointer)self->lines->data;
  gboolean by_date;

  self->order_dates = g_new0 (guint32, n_orders + 1);
  for (guint o = 0; o < n_orders; o++)
    {
      gpointer slot;

      if (!g_hash_table_lookup_extended (slots, GINT_TO_POINTER (self->order_date[o]), NULL, &slot))
        {
          slot = GUINT_TO_POINTER (dates->len);
          g_hash_table_insert (slots, GINT_TO_POINTER (self->order_date[o]), slot);
          g_array_append_val (dates, self->order_date[o]);
        }
      self->order_dates[o] = GPOINTER_TO_UINT (slot);
    }

  by_date = (guint64)dates->len * all->len <= 4 * 1024 * 1024;
  if (!by_date)
    memset (self->order_dates, 0, (n_orders + 1) * sizeof (guint32));

  self->date_off = g_new0 (guint32, dates->len + 2);
  for (guint d = 0; d < (by_date ? dates->len : 1); d++)
    {
      gint32 date = g_array_index (dates, gint32, d);

      self->date_off[d] = pool->len;
      for (guint i = 0; i < all->len; i++)
        if (!by_date || (clines[lines[i]].start <= date && date <= clines[lines[i]].end))
          g_array_append_val (pool, lines[i]);
    }
  self->date_off[by_date ? dates->len : 1] = pool->len;

  self->date_pool_len = pool->len;
  self->date_pool = (guint32 *)(gpointer)g_array_free (g_steal_pointer (&pool), FALSE);
}

static void
free_list (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

/* Candidate lists: a promotion line can only contribute to an order line
 * when one of its benefits targets it, so each product category gets the
 * lines with a benefit on the category or one of its ancestors, each
 * product the lines with an item benefit on it, and each order date the
 * lines with an "all" benefit (build_date_index). */
static void
build_index (SpPricingEngine *self)
{
  SpWorkload *w = self->workload;
  guint n_cat = w->categories->len, n_prod = w->products->len;
  SpWlCategory *categories = (SpWlCategory *)(gpointer)w->categories->data;
  SpWlProduct *products = (SpWlProduct *)(gpointer)w->products->data;
  CLine *lines = (CLine *)(gpointer)self->lines->data;
  CBenefit *benefits = (CBenefit *)(gpointer)self->benefits->data;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GPtrArray) direct = g_ptr_array_new_full (n_cat, free_list);
  g_autofree gboolean *used = g_new0 (gboolean, n_cat);
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) cat_pool = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) prod_pool = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GHashTable) item_lines = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_array_unref);

  for (guint c = 0; c < n_cat; c++)
    g_ptr_array_add (direct, NULL);

  for (guint32 l = 0; l < self->lines->len; l++)
    for (guint b = lines[l].first_benefit; b < lines[l].first_benefit + lines[l].n_benefits; b++)
      {
        GArray **slot = NULL;

        if (benefits[b].target == SP_BENEFIT_TARGET_ALL)
          {
            g_array_append_val (all, l);
            continue;
          }
        if (benefits[b].target == SP_BENEFIT_TARGET_ITEM_CATEGORY)
          slot = (GArray **)&g_ptr_array_index (direct, benefits[b].target_id);
        else
          {
            GArray *list = g_hash_table_lookup (item_lines, GINT_TO_POINTER (benefits[b].target_id + 1));

            if (list == NULL)
              {
                list = g_array_new (FALSE, FALSE, sizeof (guint32));
                g_hash_table_insert (item_lines, GINT_TO_POINTER (benefits[b].target_id + 1), list);
              }
            g_array_append_val (list, l);
            continue;
          }
        if (*slot == NULL)
          *slot = g_array_new (FALSE, FALSE, sizeof (guint32));
        g_array_append_val (*slot, l);
      }

  for (guint p = 0; p < n_prod; p++)
    used[products[p].category] = TRUE;

  self->cat_off = g_new0 (guint32, n_cat + 1);
  for (guint c = 0; c < n_cat; c++)
    {
      self->cat_off[c] = cat_pool->len;
      if (!used[c])
        continue;

      g_array_set_size (scratch, 0);
      for (gint32 a = c; a >= 0; a = categories[a].parent)
        {
          GArray *list = g_ptr_array_index (direct, a);

          if (list != NULL)
            g_array_append_vals (scratch, list->data, list->len);
        }
      g_array_append_vals (cat_pool, scratch->data,
                           sort_unique ((guint32 *)(gpointer)scratch->data, scratch->len));
    }
  self->cat_off[n_cat] = cat_pool->len;

  self->prod_off = g_new0 (guint32, n_prod + 1);
  for (guint p = 0; p < n_prod; p++)
    {
      GArray *list = g_hash_table_lookup (item_lines, GINT_TO_POINTER (p + 1));

      self->prod_off[p] = prod_pool->len;
      if (list != NULL)
        g_array_append_vals (prod_pool, list->data,
                             sort_unique ((guint32 *)(gpointer)list->data, list->len));
    }
  self->prod_off[n_prod] = prod_pool->len;

  g_array_set_size (all, sort_unique ((guint32 *)(gpointer)all->data, all->len));
  build_date_index (self, all);

  self->cat_pool_len = cat_pool->len;
  self->prod_pool_len = prod_pool->len;
  self->cat_pool = (guint32 *)(gpointer)g_array_free (g_steal_pointer (&cat_pool), FALSE);
  self->prod_pool = (guint32 *)(gpointer)g_array_free (g_steal_pointer (&prod_pool), FALSE);
}

static void
intern_orders (SpPricingEngine *self)
{
  SpWorkload *w = self->workload;
  guint n_orders = w->orders->len, n_lines = w->lines->len;

  self->order_header = g_new0 (guint32, (gsize)n_orders * SP_WORKLOAD_N_HEADER + 1);
  self->order_date = g_new0 (gint32, n_orders + 1);
  self->line_uom = g_new0 (guint32, n_lines + 1);

  for (guint o = 0; o < n_orders; o++)
    {
      SpWlOrder *order = &g_array_index (w->orders, SpWlOrder, o);

      self->order_date[o] = date_number (order->date);
      for (guint a = 0; a < SP_WORKLOAD_N_HEADER; a++)
        self->order_header[(gsize)o * SP_WORKLOAD_N_HEADER + a] = intern_id (self, order->header[a]);
    }

  for (guint l = 0; l < n_lines; l++)
    self->line_uom[l] = intern_id (self, g_array_index (w->lines, SpWlLine, l).uom);
}

/**
 * sp_pricing_engine_new:
 * @workload: a finished workload; it must outlive the engine
 * @error: return location for a #GError
 *
 * Compiles the promotions of @workload and builds the index. Fails with
 * %SP_ENGINE_ERROR_UNKNOWN_REFERENCE, naming the JSON path, when a rule or
 * a benefit names a SKU or category the catalog does not have.
 *
 * Returns: (transfer full): the engine, or %NULL with @error set
 */
SpPricingEngine *
sp_pricing_engine_new (SpWorkload  *workload,
                       GError     **error)
{
  SpPricingEngine *self;

  g_return_val_if_fail (workload != NULL && workload->finished, NULL);

  self = g_new0 (SpPricingEngine, 1);
  self->workload = workload;
  self->interned = g_hash_table_new (g_str_hash, g_str_equal);
  self->conds = g_array_new (FALSE, FALSE, sizeof (CCond));
  self->blocks = g_array_new (FALSE, FALSE, sizeof (CBlock));
  self->groups = g_array_new (FALSE, FALSE, sizeof (CGroup));
  self->lines = g_array_new (FALSE, FALSE, sizeof (CLine));
  self->benefits = g_array_new (FALSE, FALSE, sizeof (CBenefit));
  self->tiers = g_array_new (FALSE, FALSE, sizeof (CTier));
  self->pool = g_array_new (FALSE, FALSE, sizeof (gint64));

  build_category_intervals (self);

  if (!compile_promotions (self, error))
    {
      sp_pricing_engine_free (self);
      return NULL;
    }

  intern_orders (self);
  build_index (self);

  return self;
}

void
sp_pricing_engine_free (SpPricingEngine *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->promotions, g_ptr_array_unref);
  g_clear_pointer (&self->interned, g_hash_table_unref);
  g_clear_pointer (&self->conds, g_array_unref);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->groups, g_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->benefits, g_array_unref);
  g_clear_pointer (&self->tiers, g_array_unref);
  g_clear_pointer (&self->pool, g_array_unref);
  g_free (self->tin);
  g_free (self->tout);
  g_free (self->order_header);
  g_free (self->order_date);
  g_free (self->line_uom);
  g_free (self->cat_off);
  g_free (self->cat_pool);
  g_free (self->prod_off);
  g_free (self->prod_pool);
  g_free (self->date_off);
  g_free (self->date_pool);
  g_free (self->order_dates);
  g_free (self);
}

/**
 * sp_pricing_engine_get_index_bytes:
 *
 * Returns: the memory held by the compiled rules and the indexes (not the
 *   workload itself), in bytes; hash tables are counted at 32 bytes an entry
 */
gsize
sp_pricing_engine_get_index_bytes (SpPricingEngine *self)
{
  SpWorkload *w = self->workload;
  gsize bytes = 0;

  bytes += self->conds->len * sizeof (CCond) + self->blocks->len * sizeof (CBlock);
  bytes += self->groups->len * sizeof (CGroup) + self->lines->len * sizeof (CLine);
  bytes += self->benefits->len * sizeof (CBenefit) + self->tiers->len * sizeof (CTier);
  bytes += self->pool->len * sizeof (gint64);
  bytes += 2 * w->categories->len * sizeof (gint32);
  bytes += (w->orders->len * (gsize)SP_WORKLOAD_N_HEADER + w->orders->len) * sizeof (guint32);
  bytes += w->lines->len * sizeof (guint32);
  bytes += (w->categories->len + 1 + self->cat_pool_len) * sizeof (guint32);
  bytes += (w->products->len + 1 + self->prod_pool_len) * sizeof (guint32);
  bytes += (w->orders->len * 2 + 2 + self->date_pool_len) * sizeof (guint32);
  bytes += g_hash_table_size (self->interned) * 32;

  return bytes;
}

guint
sp_pricing_engine_get_n_lines (SpPricingEngine *self)
{
  return self->lines->len;
}

/* What a rule sees of one order line. */
typedef struct
{
  const guint32 *header;
  gint64 product;
  gint64 uom;
  gint32 category;
  gint64 quantity;
  gint64 amount;
  gint64 total;
} Facts;

static inline gboolean
condition_holds (const SpPricingEngine *self,
                 const CCond           *c,
                 const Facts           *f)
{
  const gint64 *pool = (const gint64 *)(gconstpointer)self->pool->data + c->pool;
  gint64 x;

  switch (c->attr)
    {
    case SP_RULE_ATTRIBUTE_ITEM_CATEGORY:
      switch (c->op)
        {
        case SP_RULE_OP_EQ:
          return is_ancestor (self, c->num, f->category);
        case SP_RULE_OP_NE:
          return !is_ancestor (self, c->num, f->category);
        case SP_RULE_OP_IN:
        case SP_RULE_OP_NOT_IN:
          for (guint i = 0; i < c->n; i++)
            if (is_ancestor (self, pool[i], f->category))
              return c->op == SP_RULE_OP_IN;
          return c->op == SP_RULE_OP_NOT_IN;
        default:
          return FALSE;
        }

    case SP_RULE_ATTRIBUTE_LINE_QUANTITY:
      x = f->quantity;
      break;
    case SP_RULE_ATTRIBUTE_LINE_AMOUNT:
      x = f->amount;
      break;
    case SP_RULE_ATTRIBUTE_ORDER_TOTAL:
      x = f->total;
      break;
    case SP_RULE_ATTRIBUTE_ITEM:
      x = f->product;
      break;
    case SP_RULE_ATTRIBUTE_UOM:
      x = f->uom;
      break;
    default:
      x = f->header[c->attr];
      break;
    }

  switch (c->op)
    {
    case SP_RULE_OP_EQ:
      return x == c->num;
    case SP_RULE_OP_NE:
      return x != c->num;
    case SP_RULE_OP_IN:
    case SP_RULE_OP_NOT_IN:
      for (guint i = 0; i < c->n; i++)
        if (pool[i] == x)
          return c->op == SP_RULE_OP_IN;
      return c->op == SP_RULE_OP_NOT_IN;
    case SP_RULE_OP_LT:
      return x < c->num;
    case SP_RULE_OP_LE:
      return x <= c->num;
    case SP_RULE_OP_GT:
      return x > c->num;
    case SP_RULE_OP_GE:
      return x >= c->num;
    default:
      return FALSE;
    }
}

static inline gboolean
block_holds (const SpPricingEngine *self,
             gint32                 index,
             const Facts           *f)
{
  const CBlock *b = &g_array_index (self->blocks, CBlock, index);
  const CCond *c = &g_array_index (self->conds, CCond, b->first);

  if (b->any)
    {
      for (guint i = 0; i < b->n; i++)
        if (condition_holds (self, &c[i], f))
          return TRUE;
      return FALSE;
    }

  for (guint i = 0; i < b->n; i++)
    if (!condition_holds (self, &c[i], f))
      return FALSE;
  return TRUE;
}

static inline gboolean
rule_holds (const SpPricingEngine *self,
            const CLine           *line,
            const Facts           *f)
{
  const CGroup *g = &g_array_index (self->groups, CGroup, line->first_group);

  if (line->n_groups == 0)
    return TRUE;

  for (guint i = 0; i < line->n_groups; i++)
    {
      gboolean holds = block_holds (self, g[i].block, f) &&
                       (g[i].sub < 0 || block_holds (self, g[i].sub, f)) &&
                       (g[i].excl < 0 || !block_holds (self, g[i].excl, f));

      if (holds == line->any)
        return holds;
    }

  return !line->any;
}

static inline gboolean
target_matches (const SpPricingEngine *self,
                const CBenefit        *b,
                gint32                 product,
                gint32                 category)
{
  switch (b->target)
    {
    case SP_BENEFIT_TARGET_ALL:
      return TRUE;
    case SP_BENEFIT_TARGET_ITEM:
      return b->target_id == product;
    default:
      return is_ancestor (self, b->target_id, category);
    }
}

static gint64
target_total (const SpPricingEngine *self,
              const CBenefit        *b,
              const SpWlOrder       *order)
{
  SpWorkload *w = self->workload;
  const SpWlLine *lines = (const SpWlLine *)(gconstpointer)w->lines->data;
  const SpWlProduct *products = (const SpWlProduct *)(gconstpointer)w->products->data;
  gint64 total = 0;

  for (guint i = order->first_line; i < order->first_line + order->n_lines; i++)
    if (target_matches (self, b, lines[i].product, products[lines[i].product].category))
      total = sat_add (total, lines[i].amount);

  return total;
}

/* Returns whether the tiered benefit applies, with its discount in @out. */
static gboolean
tiered_discount (const SpPricingEngine *self,
                 const CBenefit        *b,
                 const SpWlOrder       *order,
                 const Facts           *f,
                 gint64                *out)
{
  const CTier *tiers = &g_array_index (self->tiers, CTier, b->first_tier);
  gint64 basis;

  switch (b->basis)
    {
    case SP_TIER_BASIS_LINE_QUANTITY:
      basis = f->quantity * 100;
      break;
    case SP_TIER_BASIS_LINE_AMOUNT:
      basis = f->amount;
      break;
    default:
      basis = target_total (self, b, order);
      break;
    }

  for (guint i = 0; i < b->n_tiers; i++)
    {
      const CTier *t = &tiers[i];

      if (basis < t->from || (t->to >= 0 && basis >= t->to))
        continue;

      if (t->adjustment == SP_TIER_ADJUSTMENT_PERCENT)
        *out = percent_of (f->amount, t->value);
      else if (b->calculate == SP_TIER_CALCULATE_PER_UNIT)
        *out = mul_capped (t->value, f->quantity, f->amount);
      else if (t->block <= 0)
        *out = t->value;
      else
        {
          gint64 blocks = f->quantity / t->block;
          gint64 left = f->quantity % t->block;

          *out = mul_capped (t->value, blocks, f->amount);
          if (t->remainder == SP_TIER_REMAINDER_NEW_LUMP_SUM && left > 0)
            *out = sat_add (*out, (gint64)(((__int128)t->value * left * 2 + t->block) / (2 * t->block)));
        }
      *out = MIN (*out, f->amount);
      return TRUE;
    }

  return FALSE;
}

/* Collects the benefits that apply to workload line @li into @hits. */
static void
collect_hits (const SpPricingEngine *self,
              guint                  li,
              GArray                *hits)
{
  SpWorkload *w = self->workload;
  const SpWlLine *wl = &g_array_index (w->lines, SpWlLine, li);
  const SpWlOrder *order = &g_array_index (w->orders, SpWlOrder, wl->order);
  const SpWlProduct *product = &g_array_index (w->products, SpWlProduct, wl->product);
  const CLine *lines = (const CLine *)(gconstpointer)self->lines->data;
  const CBenefit *benefits = (const CBenefit *)(gconstpointer)self->benefits->data;
  const guint32 *a = self->cat_pool + self->cat_off[product->category];
  const guint32 *a_end = self->cat_pool + self->cat_off[product->category + 1];
  const guint32 *b = self->prod_pool + self->prod_off[wl->product];
  const guint32 *b_end = self->prod_pool + self->prod_off[wl->product + 1];
  guint32 slot = self->order_dates[wl->order];
  const guint32 *c = self->date_pool + self->date_off[slot];
  const guint32 *c_end = self->date_pool + self->date_off[slot + 1];
  gint32 date = self->order_date[wl->order];
  Facts f = { self->order_header + (gsize)wl->order * SP_WORKLOAD_N_HEADER, wl->product,
              self->line_uom[li], product->category, wl->quantity, wl->amount, order->total };

  g_array_set_size (hits, 0);

  /* Merge the three sorted candidate lists (category, item, "all" on the
   * order's date) in promotion-line order; a line in several is taken once. */
  for (;;)
    {
      guint32 l = G_MAXUINT32;
      const CLine *line;

      if (a < a_end)
        l = *a;
      if (b < b_end && *b < l)
        l = *b;
      if (c < c_end && *c < l)
        l = *c;
      if (l == G_MAXUINT32)
        break;
      a += a < a_end && *a == l;
      b += b < b_end && *b == l;
      c += c < c_end && *c == l;

      line = &lines[l];
      if (date < line->start || date > line->end || !rule_holds (self, line, &f))
        continue;

      for (guint k = line->first_benefit; k < line->first_benefit + line->n_benefits; k++)
        {
          const CBenefit *ben = &benefits[k];
          Hit hit = { l, k, 0 };

          if (!target_matches (self, ben, wl->product, product->category))
            continue;

          switch (ben->type)
            {
            case SP_BENEFIT_TYPE_PERCENT:
              hit.amount = percent_of (wl->amount, ben->value);
              break;
            case SP_BENEFIT_TYPE_AMOUNT:
              hit.amount = mul_capped (ben->value, wl->quantity, wl->amount);
              break;
            case SP_BENEFIT_TYPE_NEW_PRICE:
              hit.amount = MAX (0, product->price - ben->value) * wl->quantity;
              break;
            default:
              if (!tiered_discount (self, ben, order, &f, &hit.amount))
                continue;
              break;
            }

          hit.amount = MIN (hit.amount, wl->amount);
          g_array_append_val (hits, hit);
        }
    }
}

/* Decides which hits a line keeps: all of them, unless an exclusive
 * promotion beats the stacking ones. Returns the promotion index whose hits
 * are kept, or -1 for the stacking hits; @out_applications counts them. */
static gint
choose_hits (const SpPricingEngine *self,
             const Hit             *hits,
             guint                  n_hits,
             gint64                 amount,
             gint64                *out_discount,
             guint                 *out_applications,
             gint64                *out_stack,
             gint64                *out_best)
{
  const CLine *lines = (const CLine *)(gconstpointer)self->lines->data;
  gint64 stack = 0, best = 0, current = 0;
  guint stack_apps = 0, best_apps = 0, current_apps = 0;
  gint best_promotion = -1, current_promotion = -1;

  for (guint i = 0; i <= n_hits; i++)
    {
      const CLine *line = i < n_hits ? &lines[hits[i].line] : NULL;

      /* Hits come grouped by promotion: close the exclusive one before. */
      if (current_promotion >= 0 && (line == NULL || (gint)line->promotion != current_promotion))
        {
          current = MIN (current, amount);
          if (current > best || best_promotion < 0)
            {
              best = current;
              best_apps = current_apps;
              best_promotion = current_promotion;
            }
          current_promotion = -1;
        }
      if (line == NULL)
        break;

      if (!line->exclusive)
        {
          stack = sat_add (stack, hits[i].amount);
          stack_apps++;
          continue;
        }
      if (current_promotion < 0)
        {
          current_promotion = line->promotion;
          current = 0;
          current_apps = 0;
        }
      current = sat_add (current, hits[i].amount);
      current_apps++;
    }

  stack = MIN (stack, amount);
  *out_stack = stack;
  *out_best = best;

  if (best_promotion >= 0 && best > stack)
    {
      *out_discount = best;
      *out_applications = best_apps;
      return best_promotion;
    }

  *out_discount = stack;
  *out_applications = stack_apps;
  return -1;
}

typedef struct
{
  const SpPricingEngine *engine;
  guint                  first;
  guint                  last;
  SpPricingTotals        totals;
} Chunk;

static gpointer
run_worker (gpointer data)
{
  Chunk *chunk = data;
  const SpPricingEngine *self = chunk->engine;
  const SpWlLine *lines = (const SpWlLine *)(gconstpointer)self->workload->lines->data;
  g_autoptr(GArray) hits = g_array_sized_new (FALSE, FALSE, sizeof (Hit), 64);
  SpPricingTotals totals = { 0 };
  struct timespec start, end;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &start);

  /* Totals stay in locals: the chunks of two threads share a cache line. */
  for (guint li = chunk->first; li < chunk->last; li++)
    {
      gint64 amount = lines[li].amount;
      gint64 discount = 0, stack, best;
      guint applications = 0;

      collect_hits (self, li, hits);

      if (!self->has_exclusive)
        {
          const Hit *h = (const Hit *)(gconstpointer)hits->data;

          for (guint i = 0; i < hits->len; i++)
            discount = sat_add (discount, h[i].amount);
          discount = MIN (discount, amount);
          applications = hits->len;
        }
      else
        choose_hits (self, (const Hit *)(gconstpointer)hits->data, hits->len, amount,
                     &discount, &applications, &stack, &best);

      totals.applications += applications;
      totals.discount += discount;
      totals.net += amount - discount;
    }

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &end);
  totals.cpu_seconds = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
  chunk->totals = totals;
  return NULL;
}

/**
 * sp_pricing_engine_run:
 * @self: an engine
 * @max_lines: price only the first @max_lines order lines (0: all)
 * @n_threads: how many threads share the lines (contiguous ranges; the
 *   totals are integers, so the result does not depend on it)
 * @totals: (out caller-allocates): the totals
 */
void
sp_pricing_engine_run (SpPricingEngine *self,
                       guint            max_lines,
                       guint            n_threads,
                       SpPricingTotals *totals)
{
  guint n = self->workload->lines->len;
  g_autofree Chunk *chunks = NULL;
  g_autofree GThread **threads = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (totals != NULL);

  if (max_lines > 0 && max_lines < n)
    n = max_lines;
  n_threads = CLAMP (n_threads, 1, 64);
  if (n_threads > MAX (n, 1))
    n_threads = MAX (n, 1);

  chunks = g_new0 (Chunk, n_threads);
  threads = g_new0 (GThread *, n_threads);

  for (guint t = 0; t < n_threads; t++)
    {
      chunks[t].engine = self;
      chunks[t].first = (guint)((guint64)n * t / n_threads);
      chunks[t].last = (guint)((guint64)n * (t + 1) / n_threads);
    }

  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("sp-pricing", run_worker, &chunks[t]);
  run_worker (&chunks[0]);

  memset (totals, 0, sizeof *totals);
  for (guint t = 0; t < n_threads; t++)
    {
      if (t > 0)
        g_thread_join (threads[t]);
      totals->applications += chunks[t].totals.applications;
      totals->discount += chunks[t].totals.discount;
      totals->net += chunks[t].totals.net;
      totals->cpu_seconds += chunks[t].totals.cpu_seconds;
      totals->max_thread_cpu_seconds = MAX (totals->max_thread_cpu_seconds, chunks[t].totals.cpu_seconds);
    }

  totals->lines = n;
  totals->pair_evaluations = (guint64)n * self->lines->len;
}

static void
clear_line_price (gpointer data)
{
  SpLinePrice *price = data;

  g_clear_pointer (&price->adjustments, g_array_unref);
  g_clear_pointer (&price->note, g_free);
}

static char *
describe_choice (const SpPricingEngine *self,
                 gint                   chosen,
                 gint64                 stack,
                 gint64                 best,
                 gboolean               any_exclusive,
                 gboolean               any_stacking)
{
  g_autofree char *stack_text = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", stack / 100, (int)(stack % 100));
  g_autofree char *best_text = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", best / 100, (int)(best % 100));

  if (chosen >= 0)
    {
      SpPromotion *promotion = g_ptr_array_index (self->promotions, chosen);

      if (!any_stacking)
        return NULL;
      /* Translators: %1$s is a promotion number, %2$s and %3$s amounts */
      return g_strdup_printf (_("exclusive promotion %1$s gives %2$s, more than the %3$s of the stacking promotions, which were set aside"),
                              sp_promotion_get_number (promotion), best_text, stack_text);
    }

  if (!any_exclusive)
    return NULL;
  /* Translators: %1$s and %2$s are amounts */
  return g_strdup_printf (_("the stacking promotions give %1$s, at least the %2$s of the best exclusive promotion, which was set aside"),
                          stack_text, best_text);
}

/**
 * sp_pricing_engine_price_order:
 * @self: an engine
 * @order: an order index in the workload
 *
 * Prices every line of @order with the explanation of each adjustment.
 *
 * Returns: (transfer full) (element-type SpLinePrice): the lines
 */
GArray *
sp_pricing_engine_price_order (SpPricingEngine *self,
                               guint            order)
{
  SpWorkload *w = self->workload;
  const SpWlOrder *o;
  const CLine *lines = (const CLine *)(gconstpointer)self->lines->data;
  const CBenefit *benefits = (const CBenefit *)(gconstpointer)self->benefits->data;
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  GArray *result;

  g_return_val_if_fail (order < w->orders->len, NULL);

  o = &g_array_index (w->orders, SpWlOrder, order);
  result = g_array_sized_new (FALSE, TRUE, sizeof (SpLinePrice), o->n_lines);
  g_array_set_clear_func (result, clear_line_price);

  for (guint li = o->first_line; li < o->first_line + o->n_lines; li++)
    {
      const SpWlLine *wl = &g_array_index (w->lines, SpWlLine, li);
      SpLinePrice price = { li, wl->sku, wl->quantity, wl->amount, 0, 0, NULL, NULL };
      gboolean any_exclusive = FALSE, any_stacking = FALSE;
      gint64 stack, best, left;
      guint applications;
      gint chosen;

      collect_hits (self, li, hits);
      chosen = choose_hits (self, (const Hit *)(gconstpointer)hits->data, hits->len, wl->amount,
                            &price.discount, &applications, &stack, &best);
      price.net = wl->amount - price.discount;
      price.adjustments = g_array_sized_new (FALSE, TRUE, sizeof (SpPriceAdjustment), hits->len);

      left = wl->amount;
      for (guint i = 0; i < hits->len; i++)
        {
          const Hit *hit = &g_array_index (hits, Hit, i);
          const CLine *line = &lines[hit->line];
          const CBenefit *ben = &benefits[hit->benefit];
          SpPriceAdjustment adjustment = { 0 };
          gboolean kept = chosen >= 0 ? (gint)line->promotion == chosen : !line->exclusive;

          any_exclusive |= line->exclusive;
          any_stacking |= !line->exclusive;

          adjustment.promotion = g_ptr_array_index (self->promotions, line->promotion);
          adjustment.line = line->line;
          adjustment.benefit = ben->benefit;
          adjustment.benefit_index = hit->benefit - line->first_benefit + 1;
          adjustment.type = ben->type;
          adjustment.computed = hit->amount;

          if (!kept)
            adjustment.state = SP_ADJUSTMENT_SET_ASIDE;
          else
            {
              adjustment.amount = MIN (hit->amount, left);
              adjustment.state = adjustment.amount < hit->amount ? SP_ADJUSTMENT_CAPPED : SP_ADJUSTMENT_APPLIED;
              left -= adjustment.amount;
            }
          g_array_append_val (price.adjustments, adjustment);
        }

      price.note = describe_choice (self, chosen, stack, best, any_exclusive, any_stacking);
      g_array_append_val (result, price);
    }

  return result;
}
