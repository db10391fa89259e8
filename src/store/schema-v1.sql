-- schema-v1.sql: the first version of the workspace schema.
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Conventions: every object has a stable local UUID `id` (TEXT) and, where it
-- reaches the platform, a `remote_id`; money is INTEGER minor units (cents)
-- with a `currency`; percentages are INTEGER basis points (1% = 100);
-- dates are ISO 8601 TEXT ('2026-11-22'), timestamps ISO 8601 UTC TEXT.
-- `version` counts local edits (conflict detection in sync).

CREATE TABLE categories (
  id          TEXT PRIMARY KEY,
  parent_id   TEXT REFERENCES categories (id),
  name        TEXT NOT NULL,
  path        TEXT NOT NULL UNIQUE,          -- 'Tools/Power Tools/Drills'
  remote_id   TEXT
);

CREATE TABLE sites (
  id          TEXT PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,          -- 'DE', 'AT', 'US'
  name        TEXT NOT NULL,
  region      TEXT NOT NULL DEFAULT '',
  currency    TEXT NOT NULL DEFAULT 'EUR'
);

CREATE TABLE products (
  id               TEXT PRIMARY KEY,
  sku              TEXT NOT NULL UNIQUE,
  name             TEXT NOT NULL,
  category_id      TEXT REFERENCES categories (id),
  uom              TEXT NOT NULL DEFAULT 'Each',
  list_price       INTEGER NOT NULL,         -- minor units
  cost             INTEGER NOT NULL,         -- minor units
  currency         TEXT NOT NULL,
  stock_on_hand    INTEGER NOT NULL DEFAULT 0,   -- all sites
  avg_daily_sales  INTEGER NOT NULL DEFAULT 0,   -- hundredths of a unit per day
  extra_json       TEXT,                     -- extra import columns, kept
  remote_id        TEXT,
  version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX products_category ON products (category_id);

CREATE TABLE product_stock (
  product_id       TEXT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  site_id          TEXT NOT NULL REFERENCES sites (id),
  stock_on_hand    INTEGER NOT NULL,
  avg_daily_sales  INTEGER NOT NULL,         -- hundredths of a unit per day
  PRIMARY KEY (product_id, site_id)
);

CREATE TABLE segments (
  id          TEXT PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  remote_id   TEXT
);

CREATE TABLE companies (
  id          TEXT PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,          -- legal entity / customer number
  name        TEXT NOT NULL,
  country     TEXT NOT NULL DEFAULT '',
  city        TEXT NOT NULL DEFAULT '',
  segment_id  TEXT REFERENCES segments (id),
  site_id     TEXT REFERENCES sites (id),
  remote_id   TEXT
);

CREATE TABLE sales_orders (
  id          TEXT PRIMARY KEY,
  number      TEXT NOT NULL UNIQUE,
  company_id  TEXT NOT NULL REFERENCES companies (id),
  site_id     TEXT NOT NULL REFERENCES sites (id),
  order_date  TEXT NOT NULL,
  currency    TEXT NOT NULL
);
CREATE INDEX sales_orders_date ON sales_orders (order_date);

CREATE TABLE sales_order_lines (
  id          TEXT PRIMARY KEY,
  order_id    TEXT NOT NULL REFERENCES sales_orders (id) ON DELETE CASCADE,
  line_no     INTEGER NOT NULL,
  product_id  TEXT NOT NULL REFERENCES products (id),
  quantity    INTEGER NOT NULL,
  unit_price  INTEGER NOT NULL,              -- minor units, as sold
  UNIQUE (order_id, line_no)
);
CREATE INDEX sales_order_lines_product ON sales_order_lines (product_id);

CREATE TABLE campaigns (
  id                 TEXT PRIMARY KEY,
  name               TEXT NOT NULL,
  description        TEXT NOT NULL DEFAULT '',
  status             TEXT NOT NULL,          -- draft|planned|in_review|approved|executing|live|ended|rejected|failed
  origin             TEXT NOT NULL,          -- manual|trigger
  owner              TEXT NOT NULL DEFAULT '',
  start_date         TEXT,
  end_date           TEXT,
  units_to_clear     INTEGER NOT NULL DEFAULT 0,
  target_date        TEXT,
  margin_floor_bp    INTEGER NOT NULL DEFAULT 0,   -- basis points
  default_discount_bp INTEGER NOT NULL DEFAULT 0,  -- basis points
  currency           TEXT NOT NULL DEFAULT 'EUR',
  params_json        TEXT NOT NULL DEFAULT '{}',   -- further commercial parameters
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  remote_id          TEXT,
  version            INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE campaign_sites (
  campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  site_id     TEXT NOT NULL REFERENCES sites (id),
  PRIMARY KEY (campaign_id, site_id)
);

-- Scope: single SKUs and whole product groups (categories, with their subtree).
CREATE TABLE campaign_scope (
  campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,                 -- 'product' | 'category'
  ref_id      TEXT NOT NULL,                 -- products.id or categories.id
  PRIMARY KEY (campaign_id, kind, ref_id)
);

CREATE TABLE campaign_segments (
  campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  segment_id  TEXT NOT NULL REFERENCES segments (id),
  PRIMARY KEY (campaign_id, segment_id)
);

-- Segment-to-product mappings, reusable by later campaigns.
CREATE TABLE segment_mappings (
  id          TEXT PRIMARY KEY,
  campaign_id TEXT REFERENCES campaigns (id) ON DELETE SET NULL,
  segment_id  TEXT NOT NULL REFERENCES segments (id),
  kind        TEXT NOT NULL,                 -- 'product' | 'category'
  ref_id      TEXT NOT NULL
);

CREATE TABLE coupons (
  id             TEXT PRIMARY KEY,
  campaign_id    TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  segment_id     TEXT REFERENCES segments (id),
  code           TEXT NOT NULL UNIQUE,
  discount_type  TEXT NOT NULL,              -- 'percent' | 'amount'
  discount_value INTEGER NOT NULL,           -- basis points or minor units
  currency       TEXT NOT NULL DEFAULT 'EUR',
  valid_from     TEXT,
  valid_to       TEXT,
  usage_limit    INTEGER NOT NULL DEFAULT 0, -- 0: unlimited
  remote_id      TEXT,
  version        INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE price_lists (
  id          TEXT PRIMARY KEY,
  campaign_id TEXT REFERENCES campaigns (id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  site_id     TEXT REFERENCES sites (id),
  currency    TEXT NOT NULL,
  company_id  TEXT REFERENCES companies (id),  -- company-specific list
  valid_from  TEXT,
  valid_to    TEXT,
  remote_id   TEXT,
  version     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE price_list_entries (
  id            TEXT PRIMARY KEY,
  price_list_id TEXT NOT NULL REFERENCES price_lists (id) ON DELETE CASCADE,
  product_id    TEXT NOT NULL REFERENCES products (id),
  old_price     INTEGER NOT NULL,            -- minor units
  new_price     INTEGER NOT NULL,            -- minor units
  discount_bp   INTEGER NOT NULL,
  remote_id     TEXT,
  UNIQUE (price_list_id, product_id)
);

CREATE TABLE quotes (
  id          TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  company_id  TEXT NOT NULL REFERENCES companies (id),
  status      TEXT NOT NULL DEFAULT 'draft',
  valid_to    TEXT,
  currency    TEXT NOT NULL,
  remote_id   TEXT
);

CREATE TABLE quote_lines (
  id          TEXT PRIMARY KEY,
  quote_id    TEXT NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
  product_id  TEXT NOT NULL REFERENCES products (id),
  quantity    INTEGER NOT NULL,
  unit_price  INTEGER NOT NULL
);

CREATE TABLE banners (
  id          TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  title       TEXT NOT NULL,
  body        TEXT NOT NULL DEFAULT '',
  link        TEXT NOT NULL DEFAULT '',
  placement   TEXT NOT NULL DEFAULT 'home-hero',
  image_path  TEXT,                          -- local file of the imagery
  remote_id   TEXT
);

-- Pricing promotions: header columns for listing, the full definition
-- (lines, rules, benefits, tiers) as the promotion JSON, exact round trip.
CREATE TABLE promotions (
  id          TEXT PRIMARY KEY,
  number      TEXT NOT NULL UNIQUE,          -- immutable once saved
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  start_date  TEXT NOT NULL,
  end_date    TEXT NOT NULL,
  stacking    TEXT NOT NULL DEFAULT 'stack',
  definition  TEXT NOT NULL,                 -- JSON of the promotion
  campaign_id TEXT REFERENCES campaigns (id) ON DELETE SET NULL,
  version     INTEGER NOT NULL DEFAULT 1
);

-- Approval history of a campaign.
CREATE TABLE approvals (
  id          TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  decision    TEXT NOT NULL,                 -- submitted|approved|rejected
  comment     TEXT NOT NULL DEFAULT '',
  actor       TEXT NOT NULL DEFAULT '',
  decided_at  TEXT NOT NULL
);

-- Every local change, for the later sync (DESIGN.md: offline first).
CREATE TABLE outbox (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  idempotency_key TEXT NOT NULL UNIQUE,
  entity          TEXT NOT NULL,             -- 'campaign', 'product', …
  entity_id       TEXT NOT NULL,
  action          TEXT NOT NULL,             -- 'created' | 'updated' | 'deleted' | …
  payload         TEXT NOT NULL DEFAULT '{}',
  created_at      TEXT NOT NULL,
  pushed_at       TEXT
);

-- Execution runs: the state of every step of a stream, written before and
-- after each request, so a run resumes without creating anything twice.
CREATE TABLE runs (
  id          TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  stream      TEXT NOT NULL,                 -- planning|approval|execution
  state       TEXT NOT NULL,                 -- running|done|failed|cancelled
  started_at  TEXT NOT NULL,
  finished_at TEXT
);

CREATE TABLE run_steps (
  run_id          TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  step            TEXT NOT NULL,
  state           TEXT NOT NULL,             -- pending|running|done|skipped|failed
  reason          TEXT NOT NULL DEFAULT '',
  idempotency_key TEXT NOT NULL,
  remote_ids      TEXT NOT NULL DEFAULT '[]',   -- JSON array
  attempts        INTEGER NOT NULL DEFAULT 0,
  updated_at      TEXT NOT NULL,
  PRIMARY KEY (run_id, step)
);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
