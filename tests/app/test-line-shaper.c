/* test-line-shaper.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table cells shape plain text without a PangoLayout. What they draw
 * must be what the layout would have drawn: the same font, the same
 * glyphs at the same places, on the same baseline; and a text the
 * shortcut cannot take must be left to the layout.
 */

#include <pango/pangocairo.h>

#include "sp-line-shaper.h"

/* Cells of a catalog table, with kerning pairs (AV, To, Wa), figures
 * whose widths differ unless tabular (1 and 0), and signs. */
static const char *const plain_texts[] = {
  "DRL-000123", "Cordless drill 18V", "Tools/Power Tools/Drills", "AVATAR Wall To",
  "1", "1111", "0000", "1,234,567", "98.59 EUR", "-12.5%", "$1,111.11", "365",
  "Ball valve (DN 15) x 2", "a", "W", "fi ffi ffl", "Tools / Saws - #7 @ 50 [x]",
};

static PangoContext *
new_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Cantarell 11");

  pango_context_set_font_description (context, font);
  return context;
}

static void
assert_same_as_layout (PangoContext *context,
                       SpLineFlags   flags,
                       const char   *text)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  PangoAttrList *attributes = sp_line_attributes (flags);
  SpShapedLine line = { 0 };
  PangoLayoutLine *layout_line;
  PangoGlyphItem *run;
  PangoRectangle logical;
  g_autofree char *shaped_font = NULL, *layout_font = NULL;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  layout_line = pango_layout_get_line_readonly (layout, 0);
  g_assert_cmpuint (g_slist_length (layout_line->runs), ==, 1);
  run = layout_line->runs->data;

  g_test_message ("%s (flags %d)", text, flags);
  g_assert_true (sp_line_shape (context, flags, text, &line));

  shaped_font = pango_font_description_to_string (pango_font_describe (line.font));
  layout_font = pango_font_description_to_string (pango_font_describe (run->item->analysis.font));
  g_assert_cmpstr (shaped_font, ==, layout_font);
  g_assert_cmpint (line.glyphs->num_glyphs, ==, run->glyphs->num_glyphs);
  for (int i = 0; i < line.glyphs->num_glyphs; i++)
    {
      PangoGlyphInfo *ours = &line.glyphs->glyphs[i], *pangos = &run->glyphs->glyphs[i];

      g_assert_cmpuint (ours->glyph, ==, pangos->glyph);
      g_assert_cmpint (ours->geometry.width, ==, pangos->geometry.width);
      g_assert_cmpint (ours->geometry.x_offset, ==, pangos->geometry.x_offset);
      g_assert_cmpint (ours->geometry.y_offset, ==, pangos->geometry.y_offset);
    }

  pango_layout_get_extents (layout, NULL, &logical);
  g_assert_cmpint (line.width, ==, logical.width);
  g_assert_cmpint (line.height, ==, logical.height);
  g_assert_cmpint (line.baseline, ==, pango_layout_get_baseline (layout));

  sp_shaped_line_clear (&line);
}

typedef void (*TextCheck) (PangoContext *context,
                           SpLineFlags   flags,
                           const char   *text);

/* Runs @check on every plain text with every set of flags. */
static void
check_plain_texts (TextCheck check)
{
  g_autoptr(GObject) owner = G_OBJECT (new_context ());
  const SpLineFlags flags[] = { 0, SP_LINE_TABULAR, SP_LINE_BOLD, SP_LINE_TABULAR | SP_LINE_BOLD };

  for (guint f = 0; f < G_N_ELEMENTS (flags); f++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (plain_texts); i++)
        check (PANGO_CONTEXT (owner), flags[f], plain_texts[i]);
    }
}

static void
test_same_as_layout (void)
{
  check_plain_texts (assert_same_as_layout);
}

/* A line too long for its cell: the glyphs and width of a PangoLayout
 * ellipsized at its end to that width, for every width from none to the
 * whole line. */
static void
assert_ellipsized_as_layout (PangoContext *context,
                             SpLineFlags   flags,
                             const char   *text)
{
  SpShapedLine line = { 0 };

  g_assert_true (sp_line_shape (context, flags, text, &line));
  g_assert_nonnull (line.ellipsis);

  for (int goal = 0; goal < line.width; goal += PANGO_SCALE * 3 / 2)
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      PangoAttrList *attributes = sp_line_attributes (flags);
      PangoGlyphString *cut;
      PangoRectangle logical;
      int width, n = 0;

      pango_layout_set_text (layout, text, -1);
      pango_layout_set_attributes (layout, attributes);
      pango_attr_list_unref (attributes);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (layout, goal);
      g_assert_true (pango_layout_is_ellipsized (layout));

      g_test_message ("%s cut to %d (flags %d)", text, goal, flags);
      cut = sp_shaped_line_ellipsize (&line, goal, &width);
      g_assert_nonnull (cut);
      for (GSList *l = pango_layout_get_line_readonly (layout, 0)->runs; l != NULL; l = l->next)
        {
          PangoGlyphItem *run = l->data;

          g_assert_true (run->item->analysis.font == line.font);
          for (int i = 0; i < run->glyphs->num_glyphs; i++, n++)
            {
              g_assert_cmpint (n, <, cut->num_glyphs);
              g_assert_cmpuint (cut->glyphs[n].glyph, ==, run->glyphs->glyphs[i].glyph);
              g_assert_cmpint (cut->glyphs[n].geometry.width, ==,
                               run->glyphs->glyphs[i].geometry.width);
            }
        }
      g_assert_cmpint (n, ==, cut->num_glyphs);
      pango_layout_get_extents (layout, NULL, &logical);
      g_assert_cmpint (width, ==, logical.width);
      pango_glyph_string_free (cut);
    }

  sp_shaped_line_clear (&line);
}

static void
test_ellipsized_as_layout (void)
{
  check_plain_texts (assert_ellipsized_as_layout);
}

/* Tabular figures are on where asked for, and only there: "1111" is as
 * wide as "0000" with them. */
static void
test_tabular_figures (void)
{
  g_autoptr(GObject) owner = G_OBJECT (new_context ());
  PangoContext *context = PANGO_CONTEXT (owner);
  SpShapedLine ones = { 0 }, zeros = { 0 };

  g_assert_true (sp_line_shape (context, SP_LINE_TABULAR, "1111", &ones));
  g_assert_true (sp_line_shape (context, SP_LINE_TABULAR, "0000", &zeros));
  g_assert_cmpint (ones.width, ==, zeros.width);
  sp_shaped_line_clear (&ones);
  sp_shaped_line_clear (&zeros);
}

/* Accents, other scripts, control characters, an empty text and spaces
 * at either end go to a PangoLayout. */
static void
test_left_to_layout (void)
{
  g_autoptr(GObject) owner = G_OBJECT (new_context ());
  PangoContext *context = PANGO_CONTEXT (owner);
  const char *const texts[] = { "Würth", "Ölfilter", "Дрель", "ドリル", "tab\there", "", " lead",
                                "trail ", "\x7f" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      SpShapedLine line = { 0 };

      g_assert_false (sp_line_shape (context, 0, texts[i], &line));
      g_assert_null (line.glyphs);
      g_assert_null (line.font);
    }
}

/* A new font for the context (a larger size) gives glyphs of that font. */
static void
test_follows_font (void)
{
  g_autoptr(GObject) owner = G_OBJECT (new_context ());
  PangoContext *context = PANGO_CONTEXT (owner);
  g_autoptr(PangoFontDescription) large = pango_font_description_from_string ("Cantarell 22");
  SpShapedLine small_line = { 0 }, large_line = { 0 };

  g_assert_true (sp_line_shape (context, 0, "Drill", &small_line));
  pango_context_set_font_description (context, large);
  g_assert_true (sp_line_shape (context, 0, "Drill", &large_line));
  g_assert_cmpint (large_line.width, >, small_line.width * 3 / 2);
  assert_same_as_layout (context, 0, "Drill");
  sp_shaped_line_clear (&small_line);
  sp_shaped_line_clear (&large_line);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/line-shaper/same-as-layout", test_same_as_layout);
  g_test_add_func ("/app/line-shaper/ellipsized-as-layout", test_ellipsized_as_layout);
  g_test_add_func ("/app/line-shaper/tabular-figures", test_tabular_figures);
  g_test_add_func ("/app/line-shaper/left-to-layout", test_left_to_layout);
  g_test_add_func ("/app/line-shaper/follows-font", test_follows_font);

  return g_test_run ();
}
