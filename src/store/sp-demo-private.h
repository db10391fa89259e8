/* sp-demo-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo workspace generator, shared by the sp-demo-*.c files. Everything
 * is drawn from a seeded PRNG of our own and computed in integers only (no
 * libm, no floating point), so every machine writes the same bytes.
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "sp-demo-workspace.h"

G_BEGIN_DECLS

#define SP_DEMO_SEED          G_GUINT64_CONSTANT (0x53746f636b50726f)
#define SP_DEMO_HISTORY_DAYS  365
#define SP_DEMO_N_SITES       3
#define SP_DEMO_N_SEGMENTS    5
#define SP_DEMO_N_COMPANIES   200
#define SP_DEMO_N_PRODUCTS    5000
#define SP_DEMO_TARGET_LINES  20000
#define SP_DEMO_ID_LEN        37    /* a UUID string and its NUL */
#define SP_DEMO_USD_PER_EUR_PERCENT 108   /* the fixed rate of the US list prices */
#define SP_DEMO_OVERSTOCK_DAYS 180

enum { SP_DEMO_SITE_DE, SP_DEMO_SITE_AT, SP_DEMO_SITE_US };
enum { SP_DEMO_SEGMENT_KEY, SP_DEMO_SEGMENT_INST, SP_DEMO_SEGMENT_MRO,
       SP_DEMO_SEGMENT_RESELL, SP_DEMO_SEGMENT_PUBLIC };

typedef struct
{
  guint64 state;
} SpDemoRng;

typedef struct
{
  const char *top;
  const char *code;        /* SKU prefix of the top-level category */
  const char *sub;
  const char *leaf;
  const char *uom;
  guint       min_price;   /* EUR cents */
  guint       max_price;   /* EUR cents */
  guint       demand;      /* 1 slow-moving equipment … 3 fast-moving consumables */
  const char *a;           /* '|'-separated name parts */
  const char *b;
  const char *c;
} SpDemoLeaf;

typedef struct
{
  const char *code;
  const char *name;
  const char *region;
  const char *currency;
} SpDemoSiteInfo;

typedef struct
{
  char        id[SP_DEMO_ID_LEN];
  char        sku[16];
  char       *name;                        /* owned */
  guint       leaf;                        /* index into _sp_demo_leaves */
  guint       category;                    /* index into SpDemo.categories */
  const char *uom;                         /* static */
  gint64      list_price;                  /* EUR cents */
  gint64      list_price_usd;              /* USD cents */
  gint64      cost;                        /* EUR cents */
  gint64      stock[SP_DEMO_N_SITES];
  gint64      ads[SP_DEMO_N_SITES];        /* hundredths of a unit per day */
  gboolean    overstocked;
} SpDemoProduct;

typedef struct
{
  char        id[SP_DEMO_ID_LEN];
  char       *path;                        /* owned */
  int         parent;                      /* index, or -1 */
  guint       first_product;               /* leaves: products [first, first + n) */
  guint       n_products;
} SpDemoCategory;

typedef struct
{
  char        id[SP_DEMO_ID_LEN];
  char        code[16];
  char       *name;                        /* owned */
  char        city[64];
  guint       site;
  guint       segment;
} SpDemoCompany;

/* One write of the workspace: the connection, the statements prepared once,
 * and what later parts need of earlier ones. */
typedef struct
{
  sqlite3      *db;               /* borrowed */
  GCancellable *cancellable;      /* borrowed, nullable */
  GHashTable   *statements;       /* static SQL text → sqlite3_stmt * (owned) */
  GError       *error;            /* owned; the first failure, after which inserts do nothing */
  GArray       *categories;       /* SpDemoCategory */
  GArray       *products;         /* SpDemoProduct */
  GArray       *companies;        /* SpDemoCompany */
  guint         leaf_category[128];  /* leaf index → index into categories */
} SpDemo;

extern const SpDemoLeaf     _sp_demo_leaves[];
extern const guint          _sp_demo_n_leaves;
extern const SpDemoSiteInfo _sp_demo_sites[SP_DEMO_N_SITES];

void      _sp_demo_rng_init        (SpDemoRng   *rng,
                                    const char  *stream);
guint64   _sp_demo_rng_next        (SpDemoRng   *rng);
guint     _sp_demo_rng_range       (SpDemoRng   *rng,
                                    guint        lo,
                                    guint        hi);
gboolean  _sp_demo_rng_per_mille   (SpDemoRng   *rng,
                                    guint        per_mille);
void      _sp_demo_make_id         (char        *out,
                                    const char  *kind,
                                    guint64      index);
void      _sp_demo_format_date     (char        *out,
                                    int          days_from_reference);
void      _sp_demo_format_time     (char        *out,
                                    int          days_from_reference,
                                    guint        hour,
                                    guint        minute);
gint64    _sp_demo_apply_bp        (gint64       amount,
                                    gint64       basis_points);
const char *_sp_demo_pick_word     (const char  *list,
                                    guint        index,
                                    char        *out,
                                    gsize        out_size);
guint     _sp_demo_count_words     (const char  *list);

gboolean  _sp_demo_insert          (SpDemo      *demo,
                                    const char  *sql,
                                    const char  *types,
                                    ...);
gboolean  _sp_demo_ok              (SpDemo      *demo);

void      _sp_demo_write_catalog   (SpDemo      *demo);
void      _sp_demo_write_customers (SpDemo      *demo);
void      _sp_demo_write_history   (SpDemo      *demo);
void      _sp_demo_write_campaigns (SpDemo      *demo);

gboolean  _sp_demo_workspace_write_db (sqlite3                *db,
                                       SpDemoWorkspaceFlags    flags,
                                       SpDemoWorkspaceCounts  *counts,
                                       GCancellable           *cancellable,
                                       GError                **error);

G_END_DECLS
