/* sp-demo-campaigns.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo campaigns, one in each interesting lifecycle state, scheduled
 * around the reference date 2026-11-01: an ended summer clearance, a live
 * US fasteners sale, an approved winter power-tools clearance ready to
 * execute, a filter clearance in review and a draft opened by an ERP signal.
 */

#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "sp-demo-private.h"

#define SQL_CAMPAIGN \
  "INSERT INTO campaigns (id, name, description, status, origin, owner, start_date, end_date, " \
  "units_to_clear, target_date, margin_floor_bp, default_discount_bp, currency, params_json, " \
  "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define SQL_CAMPAIGN_SITE \
  "INSERT INTO campaign_sites (campaign_id, site_id) VALUES (?, ?)"
#define SQL_CAMPAIGN_SEGMENT \
  "INSERT INTO campaign_segments (campaign_id, segment_id) VALUES (?, ?)"
#define SQL_SCOPE \
  "INSERT INTO campaign_scope (campaign_id, kind, ref_id) VALUES (?, ?, ?)"
#define SQL_SEGMENT_MAPPING \
  "INSERT INTO segment_mappings (id, campaign_id, segment_id, kind, ref_id) VALUES (?, ?, ?, ?, ?)"
#define SQL_COUPON \
  "INSERT INTO coupons (id, campaign_id, segment_id, code, discount_type, discount_value, " \
  "currency, valid_from, valid_to, usage_limit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define SQL_PRICE_LIST \
  "INSERT INTO price_lists (id, campaign_id, name, site_id, currency, valid_from, valid_to) " \
  "VALUES (?, ?, ?, ?, ?, ?, ?)"
#define SQL_PRICE_LIST_ENTRY \
  "INSERT INTO price_list_entries (id, price_list_id, product_id, old_price, new_price, " \
  "discount_bp) VALUES (?, ?, ?, ?, ?, ?)"
#define SQL_QUOTE \
  "INSERT INTO quotes (id, campaign_id, company_id, status, valid_to, currency) " \
  "VALUES (?, ?, ?, 'draft', ?, ?)"
#define SQL_QUOTE_LINE \
  "INSERT INTO quote_lines (id, quote_id, product_id, quantity, unit_price) VALUES (?, ?, ?, ?, ?)"
#define SQL_BANNER \
  "INSERT INTO banners (id, campaign_id, title, body, link, placement) VALUES (?, ?, ?, ?, ?, ?)"
#define SQL_APPROVAL \
  "INSERT INTO approvals (id, campaign_id, decision, comment, actor, decided_at) " \
  "VALUES (?, ?, ?, ?, ?, ?)"

/* The days of cover a clearance brings stock down to. */
#define TARGET_COVER_DAYS 90

typedef struct
{
  const char *name;
  const char *description;
  const char *status;
  const char *origin;
  const char *owner;
  const char *start_date;       /* nullable */
  const char *end_date;         /* nullable */
  const char *target_date;      /* nullable */
  gint64      margin_floor_bp;
  gint64      default_discount_bp;
  const char *currency;
  guint       sites;            /* bit per SP_DEMO_SITE_* */
  const char *created_at;
  const char *updated_at;
} CampaignSpec;

/* What one campaign is being built from: its id, its scope as product
 * indexes, and counters that make the ids of its rows. */
typedef struct
{
  SpDemo             *demo;
  const CampaignSpec *spec;
  guint               index;
  char                id[SP_DEMO_ID_LEN];
  GArray             *scope;    /* guint product indexes, owned */
  guint               n_rows;
} Campaign;

static void
make_row_id (Campaign   *campaign,
             char       *out,
             const char *kind)
{
  _sp_demo_make_id (out, kind, (guint64)campaign->index << 32 | campaign->n_rows++);
}

static guint
find_category (SpDemo     *demo,
               const char *path)
{
  for (guint i = 0; i < demo->categories->len; i++)
    if (strcmp (g_array_index (demo->categories, SpDemoCategory, i).path, path) == 0)
      return i;

  g_assert_not_reached ();
}

static gboolean
in_subtree (SpDemo                *demo,
            const SpDemoProduct   *product,
            const char            *path)
{
  const char *product_path = g_array_index (demo->categories, SpDemoCategory, product->category).path;
  gsize len = strlen (path);

  return strncmp (product_path, path, len) == 0 &&
         (product_path[len] == '\0' || product_path[len] == '/');
}

static void
add_scope_category (Campaign   *campaign,
                    const char *path)
{
  SpDemo *demo = campaign->demo;
  guint category = find_category (demo, path);

  _sp_demo_insert (demo, SQL_SCOPE, "ttt", campaign->id, "category",
                   g_array_index (demo->categories, SpDemoCategory, category).id);
  for (guint i = 0; i < demo->products->len; i++)
    if (in_subtree (demo, &g_array_index (demo->products, SpDemoProduct, i), path))
      g_array_append_val (campaign->scope, i);
}

/* Adds every overstocked product under @path as a single SKU. */
static void
add_scope_overstock (Campaign   *campaign,
                     const char *path)
{
  SpDemo *demo = campaign->demo;

  for (guint i = 0; i < demo->products->len; i++)
    {
      const SpDemoProduct *product = &g_array_index (demo->products, SpDemoProduct, i);

      if (product->overstocked && in_subtree (demo, product, path))
        {
          _sp_demo_insert (demo, SQL_SCOPE, "ttt", campaign->id, "product", product->id);
          g_array_append_val (campaign->scope, i);
        }
    }
}

static void
add_segment (Campaign   *campaign,
             guint       segment,
             const char *mapped_category)
{
  char segment_id[SP_DEMO_ID_LEN];
  char mapping_id[SP_DEMO_ID_LEN];
  guint category;

  _sp_demo_make_id (segment_id, "segment", segment);
  _sp_demo_insert (campaign->demo, SQL_CAMPAIGN_SEGMENT, "tt", campaign->id, segment_id);

  if (mapped_category == NULL)
    return;

  category = find_category (campaign->demo, mapped_category);
  make_row_id (campaign, mapping_id, "segment-mapping");
  _sp_demo_insert (campaign->demo, SQL_SEGMENT_MAPPING, "ttttt", mapping_id, campaign->id,
                   segment_id, "category",
                   g_array_index (campaign->demo->categories, SpDemoCategory, category).id);
}

static void
add_coupon (Campaign   *campaign,
            guint       segment,
            const char *code,
            const char *type,
            gint64      value,
            int         usage_limit)
{
  char id[SP_DEMO_ID_LEN];
  char segment_id[SP_DEMO_ID_LEN];

  make_row_id (campaign, id, "coupon");
  _sp_demo_make_id (segment_id, "segment", segment);
  _sp_demo_insert (campaign->demo, SQL_COUPON, "tttttxttti", id, campaign->id, segment_id,
                   code, type, value, campaign->spec->currency, campaign->spec->start_date,
                   campaign->spec->end_date, usage_limit);
}

static gint64
total_stock (const SpDemoProduct *product,
             gint64              *ads)
{
  gint64 stock = 0;

  *ads = 0;
  for (guint s = 0; s < SP_DEMO_N_SITES; s++)
    {
      stock += product->stock[s];
      *ads += product->ads[s];
    }

  return stock;
}

/* The clearance price: 10 % off, 20 % when overstocked, 30 % beyond a
 * year of cover, but never below the margin floor. */
static gint64
clearance_price (const SpDemoProduct *product,
                 gint64               old_price,
                 gint64               cost,
                 gint64               margin_floor_bp,
                 gint64              *discount_bp)
{
  gint64 ads;
  gint64 stock = total_stock (product, &ads);
  gint64 cover_days = stock * 100 / MAX (ads, 1);
  gint64 floor_price = (cost * 10000 + (10000 - margin_floor_bp) - 1) / (10000 - margin_floor_bp);
  gint64 bp = cover_days > 365 ? 3000 : product->overstocked ? 2000 : 1000;
  gint64 price = _sp_demo_apply_bp (old_price, bp);

  if (price < floor_price)
    price = MIN (old_price, floor_price);

  *discount_bp = (old_price - price) * 10000 / old_price;
  return price;
}

static void
add_price_list (Campaign *campaign,
                guint     site)
{
  SpDemo *demo = campaign->demo;
  const CampaignSpec *spec = campaign->spec;
  g_autofree char *name = g_strdup_printf ("%s (%s)", spec->name, _sp_demo_sites[site].code);
  char id[SP_DEMO_ID_LEN];
  char site_id[SP_DEMO_ID_LEN];

  make_row_id (campaign, id, "price-list");
  _sp_demo_make_id (site_id, "site", site);
  _sp_demo_insert (demo, SQL_PRICE_LIST, "ttttttt", id, campaign->id, name, site_id,
                   _sp_demo_sites[site].currency, spec->start_date, spec->end_date);

  for (guint i = 0; i < campaign->scope->len; i++)
    {
      const SpDemoProduct *product = &g_array_index (demo->products, SpDemoProduct,
                                                     g_array_index (campaign->scope, guint, i));
      gboolean usd = site == SP_DEMO_SITE_US;
      gint64 old_price = usd ? product->list_price_usd : product->list_price;
      gint64 cost = usd ? (product->cost * SP_DEMO_USD_PER_EUR_PERCENT + 50) / 100 : product->cost;
      gint64 new_price;
      gint64 discount_bp;
      char entry_id[SP_DEMO_ID_LEN];

      /* A site that does not carry the product gets no price for it. */
      if (product->ads[site] == 0)
        continue;

      new_price = clearance_price (product, old_price, cost, spec->margin_floor_bp, &discount_bp);
      make_row_id (campaign, entry_id, "price-list-entry");
      _sp_demo_insert (demo, SQL_PRICE_LIST_ENTRY, "tttxxx", entry_id, id, product->id,
                       old_price, new_price, discount_bp);
    }
}

/* A draft quote for @company with @n clearance items of the scope. */
static void
add_quote (Campaign *campaign,
           guint     company_index,
           guint     first,
           guint     n)
{
  SpDemo *demo = campaign->demo;
  const SpDemoCompany *company = &g_array_index (demo->companies, SpDemoCompany, company_index);
  char id[SP_DEMO_ID_LEN];

  make_row_id (campaign, id, "quote");
  _sp_demo_insert (demo, SQL_QUOTE, "ttttt", id, campaign->id, company->id,
                   campaign->spec->end_date, _sp_demo_sites[company->site].currency);

  for (guint i = first; i < first + n && i < campaign->scope->len; i++)
    {
      const SpDemoProduct *product = &g_array_index (demo->products, SpDemoProduct,
                                                     g_array_index (campaign->scope, guint, i));
      gint64 discount_bp;
      gint64 price = clearance_price (product, product->list_price, product->cost,
                                      campaign->spec->margin_floor_bp, &discount_bp);
      char line_id[SP_DEMO_ID_LEN];

      make_row_id (campaign, line_id, "quote-line");
      _sp_demo_insert (demo, SQL_QUOTE_LINE, "tttix", line_id, id, product->id,
                       (int)(10 * (1 + i % 4)), price);
    }
}

static void
add_banner (Campaign   *campaign,
            const char *title,
            const char *body,
            const char *link)
{
  char id[SP_DEMO_ID_LEN];

  make_row_id (campaign, id, "banner");
  _sp_demo_insert (campaign->demo, SQL_BANNER, "tttttt", id, campaign->id, title, body, link,
                   "home-hero");
}

static void
add_approval (Campaign   *campaign,
              const char *decision,
              const char *actor,
              const char *comment,
              const char *decided_at)
{
  char id[SP_DEMO_ID_LEN];

  make_row_id (campaign, id, "approval");
  _sp_demo_insert (campaign->demo, SQL_APPROVAL, "tttttt", id, campaign->id, decision, comment,
                   actor, decided_at);
}

/* The units above TARGET_COVER_DAYS of cover, over the overstocked products
 * of the scope at the campaign's sites. */
static gint64
units_to_clear (Campaign *campaign)
{
  SpDemo *demo = campaign->demo;
  gint64 units = 0;

  for (guint i = 0; i < campaign->scope->len; i++)
    {
      const SpDemoProduct *product = &g_array_index (demo->products, SpDemoProduct,
                                                     g_array_index (campaign->scope, guint, i));

      for (guint s = 0; s < SP_DEMO_N_SITES && product->overstocked; s++)
        if (campaign->spec->sites & (1u << s))
          units += MAX (0, product->stock[s] - product->ads[s] * TARGET_COVER_DAYS / 100);
    }

  return units;
}

static char *
make_params_json (const char *boost_category,
                  gboolean    from_trigger)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "demo_reference_date");
  json_builder_add_string_value (builder, SP_DEMO_WORKSPACE_REFERENCE_DATE);
  if (boost_category != NULL)
    {
      json_builder_set_member_name (builder, "boost");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "category");
      json_builder_add_string_value (builder, boost_category);
      json_builder_set_member_name (builder, "clearance_category");
      json_builder_add_string_value (builder, "Clearance");
      json_builder_set_member_name (builder, "weight");
      json_builder_add_int_value (builder, 5);
      json_builder_end_object (builder);
    }
  if (from_trigger)
    {
      json_builder_set_member_name (builder, "trigger");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, "erp");
      json_builder_set_member_name (builder, "signal");
      json_builder_add_string_value (builder, "overstock");
      json_builder_set_member_name (builder, "received_at");
      json_builder_add_string_value (builder, "2026-10-30T06:00:00Z");
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Writes the campaign row and its sites; the scope and the rest follow. */
static void
begin_campaign (Campaign           *campaign,
                SpDemo             *demo,
                guint               index,
                const CampaignSpec *spec,
                const char         *boost_category)
{
  g_autofree char *params = make_params_json (boost_category, g_strcmp0 (spec->origin, "trigger") == 0);

  campaign->demo = demo;
  campaign->spec = spec;
  campaign->index = index;
  campaign->scope = g_array_new (FALSE, FALSE, sizeof (guint));
  campaign->n_rows = 0;
  _sp_demo_make_id (campaign->id, "campaign", index);

  _sp_demo_insert (demo, SQL_CAMPAIGN, "ttttttttxtxxtttt", campaign->id, spec->name,
                   spec->description, spec->status, spec->origin, spec->owner, spec->start_date,
                   spec->end_date, (gint64)0, spec->target_date, spec->margin_floor_bp,
                   spec->default_discount_bp, spec->currency, params, spec->created_at,
                   spec->updated_at);

  for (guint s = 0; s < SP_DEMO_N_SITES; s++)
    {
      char site_id[SP_DEMO_ID_LEN];

      if (!(spec->sites & (1u << s)))
        continue;
      _sp_demo_make_id (site_id, "site", s);
      _sp_demo_insert (demo, SQL_CAMPAIGN_SITE, "tt", campaign->id, site_id);
    }
}

static void
end_campaign (Campaign *campaign)
{
  _sp_demo_insert (campaign->demo, "UPDATE campaigns SET units_to_clear = ? WHERE id = ?", "xt",
                   units_to_clear (campaign), campaign->id);
  g_clear_pointer (&campaign->scope, g_array_unref);
}

#define DE (1u << SP_DEMO_SITE_DE)
#define AT (1u << SP_DEMO_SITE_AT)
#define US (1u << SP_DEMO_SITE_US)

static const CampaignSpec specs[] = {
  { "Summer PPE Clearance",
    "Hi-vis clothing and work gloves left over from the spring season.",
    "ended", "manual", "Lena Hoffmann", "2026-06-01", "2026-07-31", "2026-07-31",
    1500, 2000, "EUR", DE | AT, "2026-05-11T08:15:00Z", "2026-08-01T00:05:00Z" },
  { "US Fasteners Overstock Sale",
    "Clear the excess bolts, nuts and anchors in the US warehouse before year end.",
    "live", "manual", "Emily Carter", "2026-10-15", "2026-12-15", "2026-12-15",
    1000, 2500, "USD", US, "2026-09-28T14:00:00Z", "2026-10-15T06:00:00Z" },
  { "Winter Power Tools Clearance",
    "Cordless drills and grinders with more than half a year of cover, for installers, "
    "maintenance teams and resellers in Germany and Austria.",
    "approved", "manual", "Lena Hoffmann", "2026-12-01", "2027-01-31", "2027-01-31",
    1500, 2000, "EUR", DE | AT, "2026-10-20T08:30:00Z", "2026-10-29T15:40:00Z" },
  { "HVAC Filter Season Clearance",
    "Air filters overstocked after the autumn service season.",
    "in_review", "manual", "Jonas Berger", "2027-01-11", "2027-02-28", "2027-02-28",
    1200, 1500, "EUR", DE, "2026-10-26T10:00:00Z", "2026-10-30T11:20:00Z" },
  { "Plumbing Valves Overstock",
    "Opened by the ERP overstock signal of 2026-10-30: valves above 180 days of cover in Austria.",
    "draft", "trigger", "Jonas Berger", NULL, NULL, NULL,
    1000, 0, "EUR", AT, "2026-10-30T06:00:00Z", "2026-10-30T06:00:00Z" },
};

static void
write_ended (SpDemo *demo)
{
  Campaign campaign;

  begin_campaign (&campaign, demo, 0, &specs[0], "Safety & PPE");
  add_scope_overstock (&campaign, "Safety & PPE/Workwear & Footwear/Hi-Vis Clothing");
  add_scope_overstock (&campaign, "Safety & PPE/Hand Protection/Work Gloves");
  add_segment (&campaign, SP_DEMO_SEGMENT_INST, NULL);
  add_segment (&campaign, SP_DEMO_SEGMENT_MRO, NULL);
  add_coupon (&campaign, SP_DEMO_SEGMENT_INST, "SUMMERPPE26-INST", "percent", 500, 300);
  add_price_list (&campaign, SP_DEMO_SITE_DE);
  add_price_list (&campaign, SP_DEMO_SITE_AT);
  add_banner (&campaign, "Summer PPE Clearance", "Hi-vis and gloves at clearance prices.",
              "/campaigns/summer-ppe-clearance");
  add_approval (&campaign, "submitted", "Lena Hoffmann", "Ready for review.", "2026-05-18T09:30:00Z");
  add_approval (&campaign, "approved", "Markus Weber", "Approved.", "2026-05-20T16:10:00Z");
  end_campaign (&campaign);
}

static void
write_live (SpDemo *demo)
{
  Campaign campaign;

  begin_campaign (&campaign, demo, 1, &specs[1], "Fasteners");
  add_scope_overstock (&campaign, "Fasteners");
  add_segment (&campaign, SP_DEMO_SEGMENT_RESELL, "Fasteners");
  add_segment (&campaign, SP_DEMO_SEGMENT_INST, NULL);
  add_coupon (&campaign, SP_DEMO_SEGMENT_RESELL, "USFAST26-RESELL", "amount", 2500, 300);
  add_coupon (&campaign, SP_DEMO_SEGMENT_INST, "USFAST26-INST", "percent", 1000, 500);
  add_price_list (&campaign, SP_DEMO_SITE_US);
  add_banner (&campaign, "Fastener Overstock Sale", "Bolts, nuts and anchors at up to 30% off "
              "while stocks last.", "/campaigns/us-fasteners-overstock");
  add_approval (&campaign, "submitted", "Emily Carter", "Excess fasteners in the US warehouse; "
                "plan attached.", "2026-10-06T13:05:00Z");
  add_approval (&campaign, "approved", "Daniel Brooks", "Approved, go live on Oct 15.",
                "2026-10-08T18:30:00Z");
  end_campaign (&campaign);
}

/* The German key accounts get draft quotes with the clearance items. */
static void
add_key_account_quotes (Campaign *campaign)
{
  SpDemo *demo = campaign->demo;
  guint n = 0;

  for (guint c = 0; c < demo->companies->len && n < 2; c++)
    {
      const SpDemoCompany *company = &g_array_index (demo->companies, SpDemoCompany, c);

      if (company->site == SP_DEMO_SITE_DE && company->segment == SP_DEMO_SEGMENT_KEY)
        add_quote (campaign, c, 4 * n++, 4);
    }
}

static void
write_approved (SpDemo *demo)
{
  Campaign campaign;

  begin_campaign (&campaign, demo, 2, &specs[2], "Tools/Power Tools");
  add_scope_category (&campaign, "Tools/Power Tools/Drills");
  add_scope_category (&campaign, "Tools/Power Tools/Angle Grinders");
  add_scope_overstock (&campaign, "Tools/Power Tools/Saws");
  add_scope_overstock (&campaign, "Tools/Power Tools/Sanders & Planers");
  add_segment (&campaign, SP_DEMO_SEGMENT_INST, "Tools/Power Tools");
  add_segment (&campaign, SP_DEMO_SEGMENT_MRO, "Tools/Power Tools");
  add_segment (&campaign, SP_DEMO_SEGMENT_RESELL, "Tools/Power Tools");
  add_coupon (&campaign, SP_DEMO_SEGMENT_INST, "WINTERTOOLS26-INST", "percent", 500, 500);
  add_coupon (&campaign, SP_DEMO_SEGMENT_MRO, "WINTERTOOLS26-MRO", "percent", 500, 300);
  add_coupon (&campaign, SP_DEMO_SEGMENT_RESELL, "WINTERTOOLS26-RESELL", "percent", 300, 200);
  add_price_list (&campaign, SP_DEMO_SITE_DE);
  add_price_list (&campaign, SP_DEMO_SITE_AT);
  add_key_account_quotes (&campaign);
  add_banner (&campaign, "Winter Power Tools Clearance",
              "Cordless drills and grinders at up to 30% off, while stocks last.",
              "/campaigns/winter-power-tools");
  add_approval (&campaign, "submitted", "Lena Hoffmann",
                "Discounts of 10 to 30% by days of cover; the margin floor of 15% holds.",
                "2026-10-27T09:12:00Z");
  add_approval (&campaign, "approved", "Markus Weber",
                "Approved. Start on December 1 as planned.", "2026-10-29T15:40:00Z");
  end_campaign (&campaign);
}

static void
write_in_review (SpDemo *demo)
{
  Campaign campaign;

  begin_campaign (&campaign, demo, 3, &specs[3], "HVAC/Ventilation/Air Filters");
  add_scope_category (&campaign, "HVAC/Ventilation/Air Filters");
  add_segment (&campaign, SP_DEMO_SEGMENT_MRO, NULL);
  add_coupon (&campaign, SP_DEMO_SEGMENT_MRO, "FILTERS27-MRO", "percent", 500, 200);
  add_price_list (&campaign, SP_DEMO_SITE_DE);
  add_approval (&campaign, "submitted", "Jonas Berger", "Please review before the January "
                "service season.", "2026-10-30T11:20:00Z");
  end_campaign (&campaign);
}

static void
write_draft (SpDemo *demo)
{
  Campaign campaign;

  begin_campaign (&campaign, demo, 4, &specs[4], NULL);
  add_scope_overstock (&campaign, "Plumbing/Valves");
  end_campaign (&campaign);
}

void
_sp_demo_write_campaigns (SpDemo *demo)
{
  write_ended (demo);
  write_live (demo);
  write_approved (demo);
  write_in_review (demo);
  write_draft (demo);
}
