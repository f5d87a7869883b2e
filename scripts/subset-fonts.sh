#!/usr/bin/env bash
# Makes the letters' embedded fonts, templates/fonts/DejaVuSans{,-Bold}.subset.ttf,
# from Debian's fonts-dejavu-core with fontTools (Debian python3-fonttools).
# Run it only to change the subset: its output is committed, so neither CI nor
# the worker needs apt for fonts. The letter renderer checks at load that every
# character its templates and amounts need is in both fonts.
#
# The subset: Basic Latin, Latin-1 Supplement, Latin Extended-A (all of Czech
# and the neighbours' names: ě š č ř ž ý á í é ů ú ň ť ď, ä ö ü ß, ł ő ű ...),
# Latin Extended-B and Latin Extended Additional (Romanian, Vietnamese:
# ș ț ơ ư ạ ế ữ ...), Cyrillic (Ukrainian and Russian names and titles: the
# policy's largest groups of foreigners), General Punctuation (– — ‘ ’ ‚ “ ” „
# … •, the no-break spaces U+00A0 and U+202F), № and €. A character outside
# the subset in a letter's data makes the letter fail with a LetterDataError
# naming it (an officer sees it and can retry once it is corrected). Dropped: TrueType hinting (it only tunes rasterising at
# small pixel sizes, and it is a large share of the file), and the OpenType
# layout tables (GSUB, GPOS, GDEF: kerning and ligatures) with MATH. pdfkit
# shapes every word of every letter through them, which made a letter about
# 1.6x slower to render (measured: see templates/README.md); plain Latin
# text in an office letter needs neither, and without ligatures the text
# extracts exactly as written.
# The licence (Bitstream Vera, DejaVu changes public domain) allows modified
# copies whose names contain neither "Bitstream" nor "Vera": "DejaVu Sans" is
# fine. Its text is in templates/fonts/LICENSE.
set -euo pipefail

SRC_DIR="${DEJAVU_DIR:-/usr/share/fonts/truetype/dejavu}"
OUT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/templates/fonts"
PYTHON="${PYTHON:-/usr/bin/python3}"
UNICODES="U+0020-007E,U+00A0-00FF,U+0100-017F,U+0180-024F,U+1E00-1EFF,U+0400-04FF,U+2000-206F,U+2116,U+20AC"

mkdir -p "$OUT_DIR"
for face in DejaVuSans DejaVuSans-Bold; do
  "$PYTHON" -m fontTools.subset "$SRC_DIR/$face.ttf" \
    --unicodes="$UNICODES" \
    --layout-features='' \
    --drop-tables+=GSUB,GPOS,GDEF,MATH \
    --no-hinting \
    --name-IDs=0,1,2,3,4,5,6,13,14 \
    --output-file="$OUT_DIR/$face.subset.ttf"
  echo "$OUT_DIR/$face.subset.ttf: $(wc -c <"$OUT_DIR/$face.subset.ttf") bytes"
done
