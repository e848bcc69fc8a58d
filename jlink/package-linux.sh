#!/usr/bin/env bash
# The Linux packages, run by `mvn -Pdist package` on Linux after target/image is complete:
#   target/dist/burrow_VERSION-1_amd64.deb        (needs dpkg-deb and fakeroot)
#   target/dist/burrow-VERSION-1.x86_64.rpm       (needs rpmbuild; skipped, saying so, without it)
#   target/dist/burrow-VERSION-linux-x64.tar.gz   (the image itself: unpack and run bin/burrow)
# Usage: jlink/package-linux.sh JPACKAGE VERSION
set -euo pipefail
cd "$(dirname "$0")/.."
jpackage=$1
version=$2
image=target/image
dest=target/dist
mkdir -p "$dest"

common=(@jlink/jpackage.args @jlink/jpackage-linux.args --app-version "$version" --runtime-image "$image"
  --dest "$dest")
"$jpackage" "${common[@]}" @jlink/jpackage-deb.args --type deb
echo "package-linux: $(ls "$dest"/*.deb)"

if command -v rpmbuild > /dev/null; then
  "$jpackage" "${common[@]}" @jlink/jpackage-rpm.args --type rpm
  echo "package-linux: $(ls "$dest"/*.rpm)"
else
  echo "package-linux: SKIPPED the .rpm: rpmbuild is not installed (it comes with the distribution's" \
    "rpm package: apt-get install rpm, dnf install rpm-build)" >&2
fi

# The portable archive: the image under burrow-VERSION/, owned by nobody in particular.
tarball=$dest/burrow-$version-linux-x64.tar.gz
tar --create --gzip --file "$tarball" --owner=0 --group=0 --numeric-owner \
  --transform "s,^image,burrow-$version," -C target image
echo "package-linux: $tarball"
