#!/usr/bin/env bash
# Installs (or updates) GateEdge from a published folder. Safe to run again: binaries, the unit
# and udev rules are replaced; an existing configuration, registry or key file is never touched.
#
#   deploy/install.sh PUBLISHED_DIR [--root DIR]
#
# --root installs below DIR instead of / (for tests and image builds): no user is created and
# systemd and udev are not told.
set -euo pipefail

usage() { echo "usage: $0 PUBLISHED_DIR [--root DIR]" >&2; exit 2; }
[ $# -ge 1 ] || usage
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
[ -x "$published/GateEdge" ] || { echo "$published has no GateEdge executable: run dotnet publish first (see README)" >&2; exit 1; }

if [ -z "$root" ]; then
  id gateedge >/dev/null 2>&1 || useradd --system --no-create-home --home-dir /var/lib/gateedge --shell /usr/sbin/nologin gateedge
  usermod -a -G dialout gateedge
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
install -D -m 0644 "$here/99-gateedge.rules" "$root/etc/udev/rules.d/99-gateedge.rules"

if [ -z "$root" ]; then
  chgrp -R gateedge /etc/gateedge
  udevadm control --reload-rules 2>/dev/null || true
  systemctl daemon-reload
  systemctl enable gateedge >/dev/null
  echo "Installed. Edit /etc/gateedge/gateedge.json, check it with:"
  echo "  /opt/gateedge/GateEdge config check /etc/gateedge/gateedge.json"
  echo "then: systemctl restart gateedge && journalctl -u gateedge -f"
else
  echo "Installed below $root"
fi
