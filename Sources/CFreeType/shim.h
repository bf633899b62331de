// FreeType 2, the rasteriser drawtext and libass use: aiprod measures text with it so that
// wrapped lines fit the frame before the filter graph is built.
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
