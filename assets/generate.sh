#!/usr/bin/env bash
# Regenerates the committed icon files from burrow.svg (ImageMagick 6 `convert` and a JDK).
# Run from anywhere; the outputs are committed, so builds never need ImageMagick.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p assets/png
for s in 16 24 32 48 64 128 256 512 1024; do
  convert -background none -density 96 assets/burrow.svg -resize "${s}x${s}" -depth 8 -strip \
    "PNG32:assets/png/burrow-$s.png"
done
convert assets/png/burrow-{16,24,32,48,64,128,256}.png assets/burrow.ico
java assets/MakeIcns.java
