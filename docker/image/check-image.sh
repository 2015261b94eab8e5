#!/usr/bin/env bash
# Runs the image built by `./mvnw -Pimages package` without a container engine: unpacks its layers into a
# directory and runs the entrypoint there with chroot (needs root, for chroot and the mounts a container runtime would provide).
#   docker/image/check-image.sh [image.tar] [twin args...]     default args: --help
set -euo pipefail
TAR="${1:-$(dirname "$0")/../../twin-app/target/supplytwin-image.tar}"
shift || true
[ $# -gt 0 ] || set -- --help
WORK="$(mktemp -d)"
ROOTFS="$WORK/rootfs"
cleanup() { for m in proc sys dev; do umount -l "$ROOTFS/$m" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
mkdir -p "$ROOTFS"
tar -xf "$TAR" -C "$WORK"
# docker-save layout: manifest.json lists the layers in order
python3 -c 'import json,sys; [print(l) for l in json.load(open(sys.argv[1]))[0]["Layers"]]' "$WORK/manifest.json" \
  | while read -r layer; do tar -xzf "$WORK/$layer" -C "$ROOTFS" 2>/dev/null || tar -xf "$WORK/$layer" -C "$ROOTFS"; done
echo "image: $(du -sh "$ROOTFS" | cut -f1) unpacked; running: twin $*"
# what a container runtime mounts for every container: /proc, /sys (HiveMQ reads system facts), /dev (urandom)
mkdir -p "$ROOTFS/proc" "$ROOTFS/sys" "$ROOTFS/dev"
mount -t proc proc "$ROOTFS/proc"
mount -t sysfs sys "$ROOTFS/sys" 2>/dev/null || mount --bind /sys "$ROOTFS/sys"
mount --bind /dev "$ROOTFS/dev"
chroot "$ROOTFS" /opt/java/bin/java -Dai.djl.offline=true -cp @/app/jib-classpath-file io.supplytwin.app.cli.TwinCli "$@"
