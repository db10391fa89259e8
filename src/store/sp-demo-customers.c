/* sp-demo-customers.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo customers: five segments and 200 companies spread over the three
 * sites, with names in the style of their country and segment.
 */

#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <string.h>

#include "sp-demo-private.h"

#define SQL_SEGMENT \
  "INSERT INTO segments (id, code, name, description) VALUES (?, ?, ?, ?)"
#define SQL_COMPANY \
  "INSERT INTO companies (id, code, name, country, city, segment_id, site_id) " \
  "VALUES (?, ?, ?, ?, ?, ?, ?)"

typedef struct
{
  const char *code;
  const char *name;
  const char *description;
  guint       share;         /* per mille of the companies */
} SegmentInfo;

static const SegmentInfo segments[SP_DEMO_N_SEGMENTS] = {
  { "KEY", "Key Accounts", "Large customers on framework contracts with negotiated prices", 80 },
  { "INST", "Installers", "Electrical, plumbing and HVAC installation businesses", 350 },
  { "MRO", "Industrial Maintenance", "Maintenance, repair and operations teams of industrial plants", 250 },
  { "RESELL", "Resellers", "Builders' merchants and tool dealers who resell", 200 },
  { "PUBLIC", "Public Sector", "Municipalities, utilities and public institutions", 120 },
};

/* Companies per site: Germany, Austria, United States. */
static const guint site_companies[SP_DEMO_N_SITES] = { 100, 40, 60 };

typedef struct
{
  const char *cities;
  const char *surnames;
  const char *prefixes;
  const char *patterns[SP_DEMO_N_SEGMENTS];   /* {S} surname, {P} prefix, {C} city */
} CountryWords;

static const CountryWords country_words[SP_DEMO_N_SITES] = {
  { "Berlin|Hamburg|München|Köln|Frankfurt am Main|Stuttgart|Düsseldorf|Leipzig|Dortmund|"
    "Essen|Bremen|Dresden|Hannover|Nürnberg|Duisburg|Bochum|Bielefeld|Bonn|Münster|Mannheim|"
    "Karlsruhe|Augsburg|Wiesbaden|Kassel|Ulm|Regensburg|Freiburg im Breisgau|Würzburg",
    "Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|Koch|Richter|"
    "Klein|Wolf|Schröder|Neumann|Schwarz|Braun|Zimmermann|Krüger|Hartmann|Lange|Werner|Krause|"
    "Lehmann|Köhler|Maier|Huber|Vogel|Friedrich",
    "Rhein-Main|Nordwest|Südwest|Ruhr|Elbe|Weser|Spree|Isar|Neckar|Main-Tauber|Hanse|Oberland|"
    "Westfalen|Franken|Schwaben|Sachsen",
    { "{P} Industrie AG|{P} Bau AG|{P} Facility Services GmbH|{P} Energie AG",
      "{S} Elektrotechnik GmbH|{S} Haustechnik GmbH|{S} Sanitär- und Heizungstechnik GmbH|"
      "Elektro {S} e.K.|{S} Gebäudetechnik GmbH & Co. KG|{S} Klimatechnik GmbH",
      "{P} Industrieservice GmbH|{P} Instandhaltung GmbH|{P} Anlagentechnik GmbH|"
      "{S} Betriebstechnik GmbH",
      "{S} Werkzeughandel GmbH|Baufachhandel {C} GmbH|{S} & Söhne Eisenwaren|"
      "Technischer Handel {S} KG",
      "Stadtwerke {C}|Stadt {C}, Bauhof|Landkreis {C}, Liegenschaften" } },
  { "Wien|Graz|Linz|Salzburg|Innsbruck|Klagenfurt|Villach|Wels|St. Pölten|Dornbirn|Steyr|"
    "Wiener Neustadt|Feldkirch|Bregenz|Leoben",
    "Gruber|Huber|Bauer|Wagner|Pichler|Steiner|Moser|Mayer|Hofer|Leitner|Berger|Fuchs|Eder|"
    "Fischer|Schmid|Winkler|Weber|Schwarz|Maier|Reiter",
    "Alpen|Donau|Tauern|Inn|Mur|Bodensee|Salzach|Traun|Enns|Wachau",
    { "{P} Bau AG|{P} Industrie AG|{P} Facility Services GmbH",
      "{S} Elektrotechnik GmbH|{S} Haustechnik GmbH|{S} Installationen GmbH|Elektro {S} KG",
      "{P} Industrieservice GmbH|{P} Instandhaltung GmbH|{S} Anlagentechnik GmbH",
      "{S} Eisenwaren GmbH|Baufachhandel {C}|{S} Werkzeughandel KG",
      "Magistrat {C}|Stadtwerke {C}|Gemeinde {C}, Bauhof" } },
  { "Chicago|Houston|Columbus|Indianapolis|Milwaukee|Detroit|Cleveland|Pittsburgh|Charlotte|"
    "Nashville|Dallas|Denver|Phoenix|Minneapolis|St. Louis|Kansas City|Atlanta|Cincinnati|"
    "Louisville|Omaha|Tulsa|Sacramento",
    "Smith|Johnson|Miller|Davis|Anderson|Taylor|Thomas|Moore|Jackson|Martin|Thompson|Walker|"
    "Harris|Clark|Lewis|Robinson|Young|Allen|King|Wright|Scott|Baker|Nelson|Carter|Mitchell",
    "Great Lakes|Midwest|Gulf Coast|Lone Star|Rocky Mountain|Ohio Valley|Keystone|Prairie|"
    "Heartland|Pacific|Blue Ridge|Cascade",
    { "{P} Construction Group|{P} Facility Services Inc.|{P} Manufacturing Corp.",
      "{S} Electric LLC|{S} Plumbing & Heating Inc.|{S} Mechanical Contractors|"
      "{S} HVAC Services LLC",
      "{P} Industrial Maintenance Inc.|{P} Plant Services LLC|{S} Millwright Services",
      "{P} Tool Supply|{S} Hardware Co.|{P} Industrial Supply LLC",
      "City of {C} Public Works|{C} Water Department|{C} Public Schools Facilities" } },
};

static const char *
pick_random_word (const char *list,
                  SpDemoRng  *rng,
                  char       *out,
                  gsize       out_size)
{
  return _sp_demo_pick_word (list, _sp_demo_rng_range (rng, 0, _sp_demo_count_words (list) - 1),
                             out, out_size);
}

static char *
make_company_name (const CountryWords *words,
                   guint               segment,
                   const char         *city,
                   SpDemoRng          *rng)
{
  GString *name = g_string_new (NULL);
  char pattern[128], surname[64], prefix[64];

  pick_random_word (words->patterns[segment], rng, pattern, sizeof pattern);
  pick_random_word (words->surnames, rng, surname, sizeof surname);
  pick_random_word (words->prefixes, rng, prefix, sizeof prefix);

  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (p[0] == '{' && p[1] != '\0' && p[2] == '}')
        {
          g_string_append (name, p[1] == 'S' ? surname : p[1] == 'P' ? prefix : city);
          p += 2;
        }
      else
        g_string_append_c (name, *p);
    }

  return g_string_free (name, FALSE);
}

static guint
pick_segment (SpDemoRng *rng)
{
  guint roll = _sp_demo_rng_range (rng, 0, 999);

  for (guint i = 0; i < SP_DEMO_N_SEGMENTS; i++)
    {
      if (roll < segments[i].share)
        return i;
      roll -= segments[i].share;
    }

  return SP_DEMO_SEGMENT_INST;
}

static void
write_segments (SpDemo *demo)
{
  for (guint i = 0; i < SP_DEMO_N_SEGMENTS; i++)
    {
      char id[SP_DEMO_ID_LEN];

      _sp_demo_make_id (id, "segment", i);
      _sp_demo_insert (demo, SQL_SEGMENT, "tttt", id, segments[i].code, segments[i].name,
                       segments[i].description);
    }
}

static void
make_companies (SpDemo    *demo,
                SpDemoRng *rng)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint site = 0; site < SP_DEMO_N_SITES; site++)
    {
      const CountryWords *words = &country_words[site];

      for (guint i = 0; i < site_companies[site]; i++)
        {
          SpDemoCompany company = { .site = site };

          _sp_demo_make_id (company.id, "company", demo->companies->len);
          g_snprintf (company.code, sizeof company.code, "%s-%05u", _sp_demo_sites[site].code,
                      10000 + i * 7 + _sp_demo_rng_range (rng, 1, 6));
          /* Each site starts with a key account, so every site has one. */
          company.segment = i == 0 ? SP_DEMO_SEGMENT_KEY : pick_segment (rng);

          /* Redraw names already taken; the tenth try keeps its city. */
          for (guint attempt = 0; company.name == NULL; attempt++)
            {
              char *name;

              pick_random_word (words->cities, rng, company.city, sizeof company.city);
              name = make_company_name (words, company.segment, company.city, rng);
              if (attempt >= 10 && g_hash_table_contains (names, name))
                {
                  char *unique = g_strdup_printf ("%s (%s)", name, company.city);

                  g_free (name);
                  name = unique;
                }
              if (!g_hash_table_contains (names, name))
                company.name = name;
              else
                g_free (name);
            }

          g_hash_table_add (names, company.name);
          g_array_append_val (demo->companies, company);
        }
    }
}

void
_sp_demo_write_customers (SpDemo *demo)
{
  SpDemoRng rng;

  _sp_demo_rng_init (&rng, "customers");

  write_segments (demo);
  make_companies (demo, &rng);

  for (guint i = 0; i < demo->companies->len; i++)
    {
      const SpDemoCompany *company = &g_array_index (demo->companies, SpDemoCompany, i);
      char segment_id[SP_DEMO_ID_LEN];
      char site_id[SP_DEMO_ID_LEN];

      _sp_demo_make_id (segment_id, "segment", company->segment);
      _sp_demo_make_id (site_id, "site", company->site);
      _sp_demo_insert (demo, SQL_COMPANY, "ttttttt", company->id, company->code, company->name,
                       _sp_demo_sites[company->site].code, company->city, segment_id, site_id);
    }
}
