/* sp-workload-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The flat arrays of SpWorkload, read directly by the pricing engine.
 */

#pragma once

#include "sp-workload.h"

G_BEGIN_DECLS

typedef struct
{
  const char *id;        /* borrowed from strings */
  const char *parent_id; /* borrowed; NULL for a root */
  gint32      parent;    /* index, or -1; set by finish */
} SpWlCategory;

typedef struct
{
  const char *sku;       /* borrowed from strings */
  const char *uom;       /* borrowed; may be NULL */
  const char *category_id;
  gint32      category;  /* index; set by finish */
  gint64      price;     /* minor units */
} SpWlProduct;

typedef struct
{
  const char *id;
  const char *date;
  const char *header[SP_WORKLOAD_N_HEADER];  /* borrowed; NULL when absent */
  guint       first_line;
  guint       n_lines;
  gint64      total;     /* sum of the line amounts; set by finish */
} SpWlOrder;

typedef struct
{
  const char *sku;       /* borrowed */
  const char *uom;       /* borrowed; NULL means the product's */
  gint32      product;   /* index; set by finish */
  guint       order;     /* index */
  gint64      quantity;
  gint64      amount;    /* list price × quantity; set by finish */
} SpWlLine;

struct _SpWorkload
{
  GStringChunk *strings;       /* owned */
  GArray       *categories;    /* owned; SpWlCategory */
  GArray       *products;      /* owned; SpWlProduct */
  GArray       *orders;        /* owned; SpWlOrder */
  GArray       *lines;         /* owned; SpWlLine */
  GPtrArray    *promotions;    /* owned; SpPromotion */
  GHashTable   *category_ids;  /* owned; id → index + 1 */
  GHashTable   *product_skus;  /* owned; sku → index + 1 */
  gboolean      finished;
};

G_END_DECLS
