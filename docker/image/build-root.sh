#!/usr/bin/env bash
# Builds the root filesystem layer of the SupplyTwin image without a Docker daemon or registry: a jlink'ed Java
# runtime from the build's own JDK plus exactly the shared libraries it links against (found with ldd), an empty
# /tmp (RocksDB and HiveMQ unpack native code there) and a minimal /etc. Jib then puts the app's jars on top
# (see the `images` profile in twin-app/pom.xml). The result runs on any x86_64 Linux container runtime.
#   docker/image/build-root.sh <output-dir>
set -euo pipefail
OUT="${1:?usage: build-root.sh <output-dir>}"
JDK="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
[ -d "$JDK/jmods" ] || { echo "build-root: $JDK has no jmods; set JAVA_HOME to a full JDK 17" >&2; exit 2; }

rm -rf "$OUT"
mkdir -p "$OUT/opt" "$OUT/tmp" "$OUT/etc" "$OUT/var/lib/supplytwin"
# java.se covers the platform APIs; the jdk.* modules are what Kafka, HiveMQ, the JDK HTTP server and TLS need
"$JDK/bin/jlink" --output "$OUT/opt/java" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --add-modules java.se,jdk.unsupported,jdk.httpserver,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.zipfs,jdk.jfr,jdk.net

# every shared library the runtime's binaries and libraries need, at the path the loader looks for it
find "$OUT/opt/java" \( -name '*.so' -o -path '*/bin/*' \) -type f -print0 \
  | xargs -0 ldd 2>/dev/null | awk '/=>/ && $3 ~ /^\// {print $3} /^[ \t]*\/lib/ {print $1}' | sort -u \
  | while read -r lib; do
      case "$lib" in "$OUT"*) continue ;; esac
      mkdir -p "$OUT$(dirname "$lib")"
      cp -L "$lib" "$OUT$lib"
    done
# libgomp for XGBoost/PyTorch's OpenMP; the loader cache is not needed for absolute paths
for extra in /lib/x86_64-linux-gnu/libgomp.so.1 /lib/x86_64-linux-gnu/libdl.so.2 /lib/x86_64-linux-gnu/libpthread.so.0 \
             /lib/x86_64-linux-gnu/librt.so.1 /lib/x86_64-linux-gnu/libstdc++.so.6 /lib/x86_64-linux-gnu/libgcc_s.so.1; do
  [ -e "$extra" ] && { mkdir -p "$OUT$(dirname "$extra")"; cp -L "$extra" "$OUT$extra"; }
done
touch "$OUT/tmp/.keep" "$OUT/var/lib/supplytwin/.keep"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n' > "$OUT/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$OUT/etc/group"
printf 'hosts: files dns\n' > "$OUT/etc/nsswitch.conf"
echo "build-root: $(du -sh "$OUT" | cut -f1) in $OUT"
