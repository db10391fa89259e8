-- schema-v2.sql: schema version 2, from version 1.
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- products_category (products.category_id) goes. Nothing looks products up
-- by category often enough to pay for it: the catalog loads whole, and a
-- run's scope (a campaign's categories) reads the products once per run, a
-- scan of the table. Categories are never deleted nor re-keyed, so the
-- foreign key products.category_id → categories (id) never searches its
-- child rows either. On the other side, the index cost every catalog
-- import a sort and about a sixth of the database's size, written twice
-- (WAL, then checkpoint). The foreign key itself stays, checked on every
-- insert and update of a product.

DROP INDEX IF EXISTS products_category;
