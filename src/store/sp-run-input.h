/* sp-run-input.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SpRunInput: an immutable snapshot of everything a value stream needs about
 * one campaign (scope with clearance prices, sites, segments, coupons,
 * companies, quotes, banners). It is loaded once per run in a worker thread
 * and then shared read-only, so it is safe to pass between threads.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char   *id;            /* local UUID */
  char   *remote_id;     /* platform product id: remote_id, else the SKU */
  char   *sku;
  char   *name;
  char   *category_id;
  gint64  list_price;    /* minor units */
  gint64  cost;          /* minor units */
  gint64  new_price;     /* clearance price, minor units */
  gint64  stock;
} SpRunProduct;

typedef struct
{
  char *code;            /* 'DE' */
  char *currency;        /* 'EUR' */
} SpRunSite;

typedef struct
{
  char *id;
  char *code;
  char *name;
  char *description;
} SpRunSegment;

typedef struct
{
  char      *id;             /* local id */
  char      *site_code;
  char      *currency;
  GPtrArray *prices;         /* (element-type SpRunProduct): clearance prices */
} SpRunPriceList;

typedef struct
{
  char   *code;          /* upper case, the platform coupon code */
  char   *segment_id;    /* local segment id, or NULL */
  char   *discount_type; /* 'percent' | 'amount' */
  gint64  discount_value;/* basis points or minor units */
  char   *currency;
  gint64  usage_limit;   /* 0: unlimited */
} SpRunCoupon;

typedef struct
{
  char      *id;
  char      *code;           /* legal entity / customer number */
  char      *name;
  char      *country;
  GPtrArray *prices;         /* (element-type SpRunProduct): company clearance prices */
} SpRunCompany;

typedef struct
{
  char   *product_remote_id;
  gint64  quantity;
  gint64  unit_price;        /* minor units */
} SpRunQuoteLine;

typedef struct
{
  char      *id;             /* local id */
  char      *company_code;
  GPtrArray *lines;          /* (element-type SpRunQuoteLine) */
} SpRunQuote;

typedef struct
{
  char *id;
  char *title;
  char *body;
  char *link;
  char *placement;
  char *image_path;          /* local file, or NULL */
} SpRunBanner;

typedef struct
{
  char      *campaign_id;
  char      *name;
  char      *description;
  char      *status;         /* lifecycle status when loaded */
  char      *start_date;     /* 'YYYY-MM-DD' or NULL */
  char      *end_date;
  char      *currency;
  gint64     default_discount_bp;
  gint64     margin_floor_bp;
  gboolean   approval_required;
  gboolean   has_approval;   /* the last decision recorded is 'approved' */
  char      *last_decision;  /* submitted|approved|rejected, or NULL */
  gboolean   boost_enabled;  /* params_json $.boost.enabled, default TRUE */
  gint64     boost_weight;   /* $.boost.weight, 1–10, default 3 */
  char      *boost_category; /* $.boost.clearance_category, default "Clearance" */
  GPtrArray *sites;          /* (element-type SpRunSite) */
  GPtrArray *products;       /* (element-type SpRunProduct) */
  GPtrArray *price_lists;    /* (element-type SpRunPriceList): per site */
  GPtrArray *segments;       /* (element-type SpRunSegment) */
  GPtrArray *coupons;        /* (element-type SpRunCoupon) */
  GPtrArray *companies;      /* (element-type SpRunCompany) */
  GPtrArray *quotes;         /* (element-type SpRunQuote) */
  GPtrArray *banners;        /* (element-type SpRunBanner) */
} SpRunInput;

SpRunInput *sp_run_input_new   (void) G_GNUC_WARN_UNUSED_RESULT;
SpRunInput *sp_run_input_ref   (SpRunInput *self);
void        sp_run_input_unref (SpRunInput *self);

SpRunProduct *sp_run_product_new (void) G_GNUC_WARN_UNUSED_RESULT;
void          sp_run_product_free (SpRunProduct *product);
SpRunCompany *sp_run_company_new  (void) G_GNUC_WARN_UNUSED_RESULT;
SpRunQuote   *sp_run_quote_new    (void) G_GNUC_WARN_UNUSED_RESULT;
SpRunPriceList *sp_run_price_list_new (void) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpRunInput, sp_run_input_unref)

G_END_DECLS
