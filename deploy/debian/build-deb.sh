#!/usr/bin/env bash
# Packs one published GateEdge release into a Debian package.
#
#   deploy/debian/build-deb.sh PUBLISHED_DIR ARCH OUT_DIR      (ARCH: amd64 or arm64)
#
# The package installs the gateway in /opt/gateedge with a `gateedge` command on PATH, the
# configuration in /etc/gateedge (conffiles: edits survive upgrades), the systemd unit and udev
# rules, and the `gateedge` service user (postinst).
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 PUBLISHED_DIR ARCH OUT_DIR   (ARCH: amd64 or arm64)" >&2; exit 2; }
[ -d "$1" ] && [ -f "$1/GateEdge" ] && [ -x "$1/GateEdge" ] || { echo "$1 holds no published GateEdge: run deploy/publish.sh first" >&2; exit 2; }
case "$2" in amd64|arm64) arch=$2 ;; *) echo "unknown architecture '$2': amd64 or arm64" >&2; exit 2 ;; esac
published=$(cd "$1" && pwd)
out=$(mkdir -p "$3" && cd "$3" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -n 1)
version=${version:-0.1.0}

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
install -d "$stage/DEBIAN" "$stage/opt/gateedge" "$stage/usr/bin" "$stage/etc/gateedge" \
  "$stage/usr/lib/systemd/system" "$stage/etc/udev/rules.d"
cp -a "$published/." "$stage/opt/gateedge/"
ln -s /opt/gateedge/GateEdge "$stage/usr/bin/gateedge"
install -m 0640 "$repo/config/gateedge.json" "$repo/config/registry.json" "$stage/etc/gateedge/"
# The schema follows the installed version, so it is not a conffile.
install -m 0644 "$repo/config/gateedge.schema.json" "$stage/etc/gateedge/"
install -m 0644 "$repo/deploy/gateedge.service" "$stage/usr/lib/systemd/system/gateedge.service"
install -m 0644 "$repo/deploy/99-gateedge.rules" "$stage/etc/udev/rules.d/99-gateedge.rules"
# The unit's Documentation= points here, as install.sh lays it out.
install -d "$stage/opt/gateedge/docs"
install -m 0644 "$repo"/docs/*.md "$stage/opt/gateedge/docs/"

size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" "$here/control.in" > "$stage/DEBIAN/control"
install -m 0644 "$here/conffiles" "$stage/DEBIAN/conffiles"
install -m 0755 "$here/postinst" "$here/prerm" "$here/postrm" "$stage/DEBIAN/"

deb="$out/gateedge_${version}_${arch}.deb"
dpkg-deb --root-owner-group --build "$stage" "$deb" >/dev/null
echo "$deb"
