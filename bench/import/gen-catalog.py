#!/usr/bin/env python3
# gen-catalog.py: writes a deterministic catalog CSV of N rows (default 1,000,000).
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A technical wholesaler's catalog: a three-level category tree, names with
# commas and quotes now and then (so fields need quoting), prices in EUR.
import random
import sys

LEVEL1 = ['Tools', 'Fasteners', 'Safety', 'Electrical', 'Plumbing', 'Adhesives', 'Abrasives',
          'Storage', 'Measuring', 'Welding']
LEVEL2 = ['Power Tools', 'Hand Tools', 'Accessories', 'Consumables', 'Spare Parts', 'Sets',
          'Professional', 'Compact', 'Heavy Duty', 'Outdoor']
LEVEL3 = ['Drills', 'Saws', 'Grinders', 'Screws', 'Anchors', 'Gloves', 'Cables', 'Fittings',
          'Tapes', 'Discs']
NOUNS = ['drill', 'saw', 'grinder', 'screw', 'anchor', 'glove', 'cable', 'fitting', 'tape', 'disc',
         'wrench', 'hammer', 'level', 'clamp', 'bit']
ADJECTIVES = ['cordless', 'compact', 'heavy-duty', 'stainless', 'galvanized', 'insulated',
              'professional', 'precision', 'magnetic', 'reinforced']


def main():
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1000000
    rng = random.Random(20261122)
    with open(sys.argv[1], 'w', encoding='utf-8', newline='') as out:
        out.write('sku,name,category_path,uom,list_price,cost,currency,stock_on_hand,avg_daily_sales\n')
        for i in range(rows):
            c = rng.randrange(1000)
            path = '%s/%s/%s' % (LEVEL1[c // 100], LEVEL2[c // 10 % 10], LEVEL3[c % 10])
            name = '%s %s %d' % (ADJECTIVES[rng.randrange(10)].capitalize(),
                                 NOUNS[rng.randrange(15)], rng.randrange(1, 500))
            k = rng.randrange(20)
            if k == 0:
                name = '"%s, %d mm"' % (name, rng.randrange(3, 300))
            elif k == 1:
                name = '"%s ""Pro"""' % name
            cents = rng.randrange(99, 250000)
            cost = cents * rng.randrange(40, 85) // 100
            out.write('SKU-%07d,%s,%s,%s,%d.%02d,%d.%02d,EUR,%d,%d.%02d\n' % (
                i + 1, name, path, 'Each' if k < 15 else 'Box', cents // 100, cents % 100,
                cost // 100, cost % 100, rng.randrange(0, 5000), rng.randrange(0, 40),
                rng.randrange(100)))


main()
