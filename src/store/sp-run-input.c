/* sp-run-input.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-campaign.h"
#include "sp-run-input.h"

SpRunProduct *
sp_run_product_new (void)
{
  return g_new0 (SpRunProduct, 1);
}

void
sp_run_product_free (SpRunProduct *product)
{
  if (product == NULL)
    return;

  g_free (product->id);
  g_free (product->remote_id);
  g_free (product->sku);
  g_free (product->name);
  g_free (product->category_id);
  g_free (product);
}

static void
site_free (gpointer data)
{
  SpRunSite *site = data;

  g_free (site->code);
  g_free (site->currency);
  g_free (site);
}

static void
price_list_free (gpointer data)
{
  SpRunPriceList *list = data;

  g_free (list->id);
  g_free (list->site_code);
  g_free (list->currency);
  g_clear_pointer (&list->prices, g_ptr_array_unref);
  g_free (list);
}

SpRunPriceList *
sp_run_price_list_new (void)
{
  SpRunPriceList *list = g_new0 (SpRunPriceList, 1);

  list->prices = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_run_product_free);
  return list;
}

static void
segment_free (gpointer data)
{
  SpRunSegment *segment = data;

  g_free (segment->id);
  g_free (segment->code);
  g_free (segment->name);
  g_free (segment->description);
  g_free (segment);
}

static void
coupon_free (gpointer data)
{
  SpRunCoupon *coupon = data;

  g_free (coupon->code);
  g_free (coupon->segment_id);
  g_free (coupon->discount_type);
  g_free (coupon->currency);
  g_free (coupon);
}

static void
company_free (gpointer data)
{
  SpRunCompany *company = data;

  g_free (company->id);
  g_free (company->code);
  g_free (company->name);
  g_free (company->country);
  g_clear_pointer (&company->prices, g_ptr_array_unref);
  g_free (company);
}

static void
quote_line_free (gpointer data)
{
  SpRunQuoteLine *line = data;

  g_free (line->product_remote_id);
  g_free (line);
}

static void
quote_free (gpointer data)
{
  SpRunQuote *quote = data;

  g_free (quote->id);
  g_free (quote->company_code);
  g_clear_pointer (&quote->lines, g_ptr_array_unref);
  g_free (quote);
}

static void
banner_free (gpointer data)
{
  SpRunBanner *banner = data;

  g_free (banner->id);
  g_free (banner->title);
  g_free (banner->body);
  g_free (banner->link);
  g_free (banner->placement);
  g_free (banner->image_path);
  g_free (banner);
}

SpRunInput *
sp_run_input_new (void)
{
  SpRunInput *self = g_atomic_rc_box_new0 (SpRunInput);

  self->approval_required = TRUE;
  self->boost_enabled = TRUE;
  self->boost_weight = SP_CAMPAIGN_BOOST_WEIGHT_DEFAULT;
  self->boost_category = g_strdup ("Clearance");
  self->sites = g_ptr_array_new_with_free_func (site_free);
  self->products = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_run_product_free);
  self->price_lists = g_ptr_array_new_with_free_func (price_list_free);
  self->segments = g_ptr_array_new_with_free_func (segment_free);
  self->coupons = g_ptr_array_new_with_free_func (coupon_free);
  self->companies = g_ptr_array_new_with_free_func (company_free);
  self->quotes = g_ptr_array_new_with_free_func (quote_free);
  self->banners = g_ptr_array_new_with_free_func (banner_free);

  return self;
}

SpRunInput *
sp_run_input_ref (SpRunInput *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
clear_input (gpointer data)
{
  SpRunInput *self = data;

  g_free (self->campaign_id);
  g_free (self->name);
  g_free (self->description);
  g_free (self->status);
  g_free (self->start_date);
  g_free (self->end_date);
  g_free (self->currency);
  g_free (self->last_decision);
  g_free (self->boost_category);
  g_ptr_array_unref (self->sites);
  g_ptr_array_unref (self->products);
  g_ptr_array_unref (self->price_lists);
  g_ptr_array_unref (self->segments);
  g_ptr_array_unref (self->coupons);
  g_ptr_array_unref (self->companies);
  g_ptr_array_unref (self->quotes);
  g_ptr_array_unref (self->banners);
}

void
sp_run_input_unref (SpRunInput *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, clear_input);
}

SpRunCompany *
sp_run_company_new (void)
{
  SpRunCompany *company = g_new0 (SpRunCompany, 1);

  company->prices = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_run_product_free);
  return company;
}

SpRunQuote *
sp_run_quote_new (void)
{
  SpRunQuote *quote = g_new0 (SpRunQuote, 1);

  quote->lines = g_ptr_array_new_with_free_func (quote_line_free);
  return quote;
}
