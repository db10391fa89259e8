/* sp-line-shaper.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

typedef enum
{
  SP_LINE_TABULAR = 1 << 0,  /* tabular figures ("tnum") */
  SP_LINE_BOLD    = 1 << 1,
} SpLineFlags;

/* One line of text, shaped. */
typedef struct
{
  PangoFont        *font;
  PangoGlyphString *glyphs;
  PangoGlyphString *ellipsis;  /* "…" in @font; NULL when it needs another font */
  int               width;     /* Pango units */
  int               baseline;  /* Pango units below the top of the line */
  int               height;    /* the line's logical height, Pango units */
} SpShapedLine;

PangoAttrList *sp_line_attributes  (SpLineFlags   flags);

gboolean       sp_line_shape       (PangoContext *context,
                                    SpLineFlags   flags,
                                    const char   *text,
                                    SpShapedLine *line);

PangoGlyphString *sp_shaped_line_ellipsize (const SpShapedLine *line,
                                            int                 goal_width,
                                            int                *width);

void           sp_shaped_line_clear (SpShapedLine *line);

G_END_DECLS
