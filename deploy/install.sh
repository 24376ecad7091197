#!/usr/bin/env bash
# Installs (or updates) GateEdge from a published folder, for boxes without dpkg (elsewhere the
# .deb from deploy/publish.sh does the same). Safe to run again: binaries and the unit are
# replaced; an existing configuration, registry, key file or udev rules file is never touched; a
# running gateway is restarted on the new version.
#
#   deploy/install.sh PUBLISHED_DIR [--root DIR]
#
# --root installs below DIR instead of / (for tests and image builds): no user is created and
# systemd and udev are not told.
set -euo pipefail

usage() { echo "usage: $0 PUBLISHED_DIR [--root DIR]" >&2; exit 2; }
[ $# -ge 1 ] || usage
[ -d "$1" ] || { echo "$1 is not a folder: give the folder deploy/publish.sh wrote (e.g. out/linux-arm64)" >&2; exit 2; }
published=$(cd "$1" && pwd); shift
root=""
while [ $# -gt 0 ]; do
  case "$1" in
    --root) [ $# -ge 2 ] || usage; root=$(mkdir -p "$2" && cd "$2" && pwd); shift 2 ;;
    *) usage ;;
  esac
done
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
[ -f "$published/GateEdge" ] && [ -x "$published/GateEdge" ] || { echo "$published holds no published GateEdge: run deploy/publish.sh OUT_DIR first and give OUT_DIR/linux-x64 or OUT_DIR/linux-arm64" >&2; exit 2; }
[ -n "$root" ] || [ "$(id -u)" -eq 0 ] || { echo "installing into / needs root: sudo $0 $published" >&2; exit 2; }

if [ -z "$root" ]; then
  id gateedge >/dev/null 2>&1 || useradd --system --no-create-home --home-dir /var/lib/gateedge --shell /usr/sbin/nologin gateedge
  # Serial adapters belong to dialout; GPIO chips and I²C buses to gpio and i2c where those groups exist.
  for group in dialout gpio i2c; do
    getent group "$group" >/dev/null && usermod -a -G "$group" gateedge
  done
fi

# Binaries: replaced as a whole, so files removed from a release do not linger.
install -d -m 0755 "$root/opt/gateedge"
rm -rf "$root/opt/gateedge.new"
cp -a "$published" "$root/opt/gateedge.new"
mkdir -p "$root/opt/gateedge.new/docs"
cp "$repo"/docs/*.md "$root/opt/gateedge.new/docs/"
rm -rf "$root/opt/gateedge.old"
[ -d "$root/opt/gateedge" ] && mv "$root/opt/gateedge" "$root/opt/gateedge.old"
mv "$root/opt/gateedge.new" "$root/opt/gateedge"
rm -rf "$root/opt/gateedge.old"

# Configuration: the technician's files are kept; the examples are refreshed beside them.
# The folder is group-writable: a configuration pushed from the centre replaces gateedge.json in it.
install -d -m 0770 "$root/etc/gateedge"
for file in gateedge.json registry.json; do
  install -m 0640 "$repo/config/$file" "$root/etc/gateedge/$file.example"
  [ -e "$root/etc/gateedge/$file" ] || install -m 0660 "$repo/config/$file" "$root/etc/gateedge/$file"
done
# The schema follows the installed gateway, so editors check against what this version reads.
install -m 0644 "$repo/config/gateedge.schema.json" "$root/etc/gateedge/gateedge.schema.json"

install -D -m 0644 "$here/gateedge.service" "$root/etc/systemd/system/gateedge.service"
# The rules name one box's adapters by serial number: an example (udev reads only *.rules) for the
# technician to copy to 99-gateedge.rules and edit; their own file is never touched.
install -D -m 0644 "$here/99-gateedge.rules" "$root/etc/udev/rules.d/99-gateedge.rules.example"
# `gateedge` on PATH, as every message and the guide call it.
install -d "$root/usr/local/bin"
ln -sfn /opt/gateedge/GateEdge "$root/usr/local/bin/gateedge"

if [ -z "$root" ]; then
  chgrp -R gateedge /etc/gateedge
  udevadm control --reload-rules 2>/dev/null || true
  systemctl daemon-reload
  systemctl enable gateedge >/dev/null
  # An upgrade: the running gateway restarts on the new binary (a first install is not running).
  systemctl try-restart gateedge
  echo "Installed. Edit /etc/gateedge/gateedge.json, check it with:"
  echo "  gateedge config check"
  echo "then: systemctl restart gateedge && journalctl -u gateedge -f"
else
  echo "Installed below $root"
fi
