#!/usr/bin/env bash
# Stage the built app in the layout 统信UOS (and deepin) expect of a third-party package, and
# optionally pack it as a .deb:
#   /opt/apps/<appid>/info                                   (app metadata, JSON)
#   /opt/apps/<appid>/files/                                 (dist/integrity-files: the executable + _internal/)
#   /opt/apps/<appid>/entries/applications/<appid>.desktop
#   /opt/apps/<appid>/entries/icons/hicolor/{scalable,48x48,128x128,256x256}/apps/<appid>.{svg,png}
# Usage: packaging/uos/make-layout.sh [DIST_DIR] [OUT_DIR] [--deb]
#   DIST_DIR defaults to dist/integrity-files, OUT_DIR to build/uos; APPID=… overrides the app id.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DIST=$(cd "${1:-$ROOT/dist/integrity-files}" && pwd)
OUT=${2:-$ROOT/build/uos}
DEB=${3:-}
APPID=${APPID:-cn.gov.gd.integrityfiles}
EXE="$DIST/integrity-files"
[ -x "$EXE" ] || { echo "no built app at $DIST (run .ci/build-app first)" >&2; exit 1; }

VERSION=$(QT_QPA_PLATFORM=offscreen "$EXE" --version | head -n 1 | cut -d' ' -f2)
case "$(uname -m)" in
  x86_64) ARCH=amd64 ;;
  aarch64) ARCH=arm64 ;;
  loongarch64) ARCH=loong64 ;;
  *) ARCH=$(uname -m) ;;
esac
# The glibc this bundle needs (from its ELF symbol versions) becomes the libc6 dependency.
GLIBC=$(python3 "$ROOT/packaging/glibc_floor.py" "$DIST" | sed -n 's/^GLIBC_\([0-9.]*\) .*/\1/p')

STAGE="$OUT/root"
APP="$STAGE/opt/apps/$APPID"
rm -rf "$OUT"
mkdir -p "$APP/files" "$APP/entries/applications" "$STAGE/DEBIAN"
cp -a "$DIST/." "$APP/files/"
sed -e "s|@EXEC@|/opt/apps/$APPID/files/integrity-files|" -e "s|@ICON@|$APPID|" \
  "$ROOT/packaging/linux/integrity-files.desktop" >"$APP/entries/applications/$APPID.desktop"
sed -e "s|@APPID@|$APPID|" -e "s|@VERSION@|$VERSION|" -e "s|@ARCH@|$ARCH|" "$HERE/info.in" >"$APP/info"
icons="$APP/entries/icons/hicolor"
install -D -m 644 "$ROOT/resources/icons/app.svg" "$icons/scalable/apps/$APPID.svg"
for size in 48 128 256; do
  png="$ROOT/build/assets/icons/integrity-files-$size.png"  # rendered by build.spec
  [ -f "$png" ] && install -D -m 644 "$png" "$icons/${size}x${size}/apps/$APPID.png"
done
cat >"$STAGE/DEBIAN/control" <<CONTROL
Package: $APPID
Version: $VERSION
Architecture: $ARCH
Maintainer: Integrity Files <integrity-files@localhost>
Section: utils
Priority: optional
Installed-Size: $(du -sk "$STAGE/opt" | cut -f1)
Depends: libc6 (>= $GLIBC), libstdc++6, libgcc-s1 | libgcc1, libgl1, libegl1, libfontconfig1, libfreetype6,
 libglib2.0-0, libdbus-1-3, libx11-6, libx11-xcb1, libxcb1, libxcb-cursor0, libxcb-glx0, libxcb-icccm4,
 libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render0, libxcb-render-util0, libxcb-shape0,
 libxcb-shm0, libxcb-sync1, libxcb-util1, libxcb-xfixes0, libxcb-xkb1, libxkbcommon0, libxkbcommon-x11-0
Recommends: libwayland-client0, libwayland-cursor0, libwayland-egl1
Description: 公务员诚信档案 Integrity Files
 Encrypted offline integrity archives for civil-servant HR offices.
CONTROL
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$APP/entries/applications/$APPID.desktop"
fi
echo "staged $APPID $VERSION ($ARCH, glibc >= $GLIBC) in $STAGE"
if [ "$DEB" = "--deb" ]; then
  deb="$OUT/${APPID}_${VERSION}_${ARCH}.deb"
  dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$deb" >/dev/null
  echo "packed $deb ($(du -h "$deb" | cut -f1))"
fi
