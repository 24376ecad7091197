#!/usr/bin/env bash
# Packs one published GateEdge release into a Debian package.
#
#   deploy/debian/build-deb.sh PUBLISHED_DIR ARCH OUT_DIR      (ARCH: amd64 or arm64)
#
# The package installs the gateway in /usr/lib/gateedge with a `gateedge` command on PATH, the
# configuration in /etc/gateedge (conffiles: edits survive upgrades), the systemd unit (enabled on
# install, running systemd or not), the documentation with an example of udev rules in
# /usr/share/doc/gateedge, the manual page (gateedge(1), in English and Chinese), and the `gateedge` service user (postinst). It is laid out as Debian
# policy asks (lintian reports no errors): shared libraries stripped and not executable, a
# copyright file and a changelog, md5sums.
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
chmod 0755 "$stage"
trap 'rm -rf "$stage"' EXIT
lib=/usr/lib/gateedge
doc=/usr/share/doc/gateedge
install -d "$stage/DEBIAN" "$stage$lib" "$stage/usr/bin" "$stage/etc/gateedge" "$stage/usr/lib/systemd/system" "$stage$doc/examples"
# Debug symbols (*.dbg) stay with the build; the box never needs them.
(cd "$published" && find . -type f ! -name '*.dbg' -printf '%P\n') | while read -r file; do
  install -D -m 0644 "$published/$file" "$stage$lib/$file"
done
chmod 0755 "$stage$lib/GateEdge"
case "$arch" in amd64) strip=(x86_64-linux-gnu-strip strip llvm-strip) ;; arm64) strip=(aarch64-linux-gnu-strip llvm-strip) ;; esac
for tool in "${strip[@]}"; do command -v "$tool" >/dev/null && { strip=$tool; break; }; done
find "$stage$lib" -name '*.so' -exec "$strip" --strip-unneeded --remove-section=.comment --remove-section=.note {} +
ln -s ../lib/gateedge/GateEdge "$stage/usr/bin/gateedge"
# The technician's files, and the schema editors check them against ("$schema": "./gateedge.schema.json"),
# which dpkg replaces on upgrade as long as nobody edited it. postinst gives the folder to the service.
install -m 0644 "$repo/config/gateedge.json" "$repo/config/registry.json" "$repo/config/gateedge.schema.json" "$stage/etc/gateedge/"
# The package's build is native, which runs under MemoryDenyWriteExecute (a JIT release would not).
sed -e "s|/opt/gateedge/GateEdge|$lib/GateEdge|" -e "s|file:///opt/gateedge/docs/|file://$doc/|" \
  -e 's|^#MemoryDenyWriteExecute=true|MemoryDenyWriteExecute=true|' \
  "$repo/deploy/gateedge.service" > "$stage/usr/lib/systemd/system/gateedge.service"
chmod 0644 "$stage/usr/lib/systemd/system/gateedge.service"
install -m 0644 "$repo"/docs/*.md "$stage$doc/"
install -d "$stage$doc/zh-CN"
install -m 0644 "$repo"/docs/zh-CN/*.md "$stage$doc/zh-CN/"
# Rules name one box's adapters by serial number: an example to copy to /etc/udev/rules.d, never live as shipped.
install -m 0644 "$repo/deploy/99-gateedge.rules" "$stage$doc/examples/"
install -m 0644 "$here/copyright" "$stage$doc/copyright"
# The manual page, in English and in Chinese (man picks by locale).
install -d "$stage/usr/share/man/man1" "$stage/usr/share/man/zh_CN/man1"
gzip -9n < "$repo/deploy/man/gateedge.1" > "$stage/usr/share/man/man1/gateedge.1.gz"
gzip -9n < "$repo/deploy/man/gateedge.zh_CN.1" > "$stage/usr/share/man/zh_CN/man1/gateedge.1.gz"
chmod 0644 "$stage/usr/share/man/man1/gateedge.1.gz" "$stage/usr/share/man/zh_CN/man1/gateedge.1.gz"
# Dated by the commit, so the same source packs to the same bytes.
when=$(date -u -R -d "@${SOURCE_DATE_EPOCH:-$(git -C "$repo" log -1 --format=%ct 2>/dev/null || date +%s)}")
sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$when/" "$here/changelog.in" | gzip -9n > "$stage$doc/changelog.gz"
chmod 0644 "$stage$doc/changelog.gz"

size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" "$here/control.in" > "$stage/DEBIAN/control"
install -m 0644 "$here/conffiles" "$stage/DEBIAN/conffiles"
install -m 0755 "$here/postinst" "$here/prerm" "$here/postrm" "$stage/DEBIAN/"
(cd "$stage" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) > "$stage/DEBIAN/md5sums"
chmod 0644 "$stage/DEBIAN/md5sums"

deb="$out/gateedge_${version}_${arch}.deb"
dpkg-deb --root-owner-group --build "$stage" "$deb" >/dev/null
echo "$deb"
