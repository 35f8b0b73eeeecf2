#!/usr/bin/env bash
# The container image where no container registry can be reached (an air-gapped network, or this project's build
# machine): the JVM base image is made from Debian's packages, Jib builds the application image on it without a Docker
# daemon (the `image` Maven profile) and pushes it to a registry on 127.0.0.1:5000 started here, and the image is
# written as a tarball any container engine loads (`docker load -i`, `podman load -i`, `ctr images import`).
# With --smoke, the image is also unpacked and its entrypoint run in a chroot as its own user (185) against the
# PostgreSQL of QUARKUS_DATASOURCE_JDBC_URL, until /q/health/ready is UP.
#
# Needs root and Debian's debootstrap, skopeo and docker-registry (installed here when missing).
# Usage, from the repository root:  src/main/image/offline-image.sh [--smoke]
# Output: target/inson-assess-image.tar (about 480 MB). Base image kept in ${WORK:-/var/tmp/inson-image}.
set -euo pipefail
cd "$(dirname "$0")/../../.."
WORK=${WORK:-/var/tmp/inson-image}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
BASE=$WORK/debian-jre17.tar
IMAGE=127.0.0.1:5000/inson/inson-assess:1.0.0-SNAPSHOT
mkdir -p "$WORK"

command -v debootstrap >/dev/null && command -v skopeo >/dev/null && command -v docker-registry >/dev/null \
  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap skopeo docker-registry; }

# 1. The base: minimal Debian bookworm with the Java 17 runtime, user 185 (as in Red Hat's OpenJDK images)
if [ ! -f "$BASE" ]; then
  R=$WORK/rootfs
  rm -rf "$R" && debootstrap --variant=minbase bookworm "$R" "$MIRROR"
  # security updates too: the runtime is patched as the Debian release is
  printf 'deb %s bookworm main\ndeb %s bookworm-updates main\ndeb %s-security bookworm-security main\n' "$MIRROR" "$MIRROR" "$MIRROR" \
    > "$R/etc/apt/sources.list"
  printf '#!/bin/sh\nexit 101\n' > "$R/usr/sbin/policy-rc.d" && chmod 755 "$R/usr/sbin/policy-rc.d"   # no services start
  mount -t proc proc "$R/proc"
  trap 'umount "$R/proc" 2>/dev/null || true' EXIT
  chroot "$R" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  chroot "$R" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless ca-certificates
  chroot "$R" java -version
  umount "$R/proc"; trap - EXIT
  chroot "$R" apt-get clean
  rm -rf "$R"/var/lib/apt/lists/* "$R/usr/sbin/policy-rc.d" "$R"/tmp/hsperfdata_*
  chroot "$R" groupadd -g 185 inson
  chroot "$R" useradd -u 185 -g 185 -m -d /home/inson -s /bin/sh inson
  : > "$R/etc/resolv.conf"; echo localhost > "$R/etc/hostname"
  P=$WORK/pkg && rm -rf "$P" && mkdir -p "$P"
  tar --numeric-owner --exclude='./proc/*' --exclude='./sys/*' --exclude='./dev/*' -C "$R" -cf "$P/layer.tar" .
  NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  cat > "$P/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"$NOW","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64"],"User":"185"},"rootfs":{"type":"layers","diff_ids":["sha256:$(sha256sum "$P/layer.tar" | cut -d' ' -f1)"]},"history":[{"created":"$NOW","created_by":"debootstrap bookworm + openjdk-17-jre-headless"}]}
JSON
  echo '[{"Config":"config.json","RepoTags":["inson/debian-jre17:bookworm"],"Layers":["layer.tar"]}]' > "$P/manifest.json"
  tar -C "$P" -cf "$BASE" manifest.json config.json layer.tar && rm -rf "$P" "$R"
fi

# 2. A registry on loopback for Jib to push to (Quarkus' Jib pushes to a registry or a Docker daemon, nothing else)
if [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:5000/v2/)" != 200 ]; then
  cat > "$WORK/registry.yml" <<YML
version: 0.1
storage: { filesystem: { rootdirectory: $WORK/registry }, delete: { enabled: true } }
http: { addr: 127.0.0.1:5000 }
YML
  nohup setsid docker-registry serve "$WORK/registry.yml" > "$WORK/registry.log" 2>&1 < /dev/null &
  until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:5000/v2/)" = 200 ]; do sleep 0.2; done
fi

# 3. The application image: Jib, no daemon, on the base above
./mvnw -B -q package -Pimage -DskipTests -Dquarkus.jib.base-jvm-image="tar://$BASE" \
  -Dquarkus.container-image.registry=127.0.0.1:5000 -Dquarkus.container-image.push=true -Dquarkus.container-image.insecure=true
rm -f target/inson-assess-image.tar
skopeo copy -q --src-tls-verify=false "docker://$IMAGE" "docker-archive:target/inson-assess-image.tar:inson/inson-assess:1.0.0-SNAPSHOT"
echo "image: target/inson-assess-image.tar ($(du -m target/inson-assess-image.tar | cut -f1) MB)"
skopeo inspect --config docker-archive:target/inson-assess-image.tar \
  | python3 -c 'import json,sys; c=json.load(sys.stdin)["config"]; print("entrypoint:", " ".join(c["Entrypoint"]), "| user:", c["User"], "| workdir:", c["WorkingDir"])'

# 4. --smoke: run the image's entrypoint as its user in a chroot of its layers
if [ "${1:-}" = "--smoke" ]; then
  : "${QUARKUS_DATASOURCE_JDBC_URL:?set QUARKUS_DATASOURCE_JDBC_URL (and _USERNAME, _PASSWORD) to a PostgreSQL the image may use}"
  S=$WORK/smoke && rm -rf "$S" && mkdir -p "$S/x" "$S/rootfs"
  tar -xf target/inson-assess-image.tar -C "$S/x" 2>/dev/null
  python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))[0]["Layers"]))' "$S/x/manifest.json" \
    | while read -r layer; do tar -xf "$S/x/$layer" -C "$S/rootfs" 2>/dev/null; done
  mount -t proc proc "$S/rootfs/proc" && mount --bind /dev "$S/rootfs/dev"
  ENTRY=$(skopeo inspect --config docker-archive:target/inson-assess-image.tar | python3 -c 'import json,sys,shlex; print(shlex.join(json.load(sys.stdin)["config"]["Entrypoint"]))')
  env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 QUARKUS_HTTP_PORT=8097 \
      QUARKUS_DATASOURCE_JDBC_URL="$QUARKUS_DATASOURCE_JDBC_URL" QUARKUS_DATASOURCE_USERNAME="${QUARKUS_DATASOURCE_USERNAME:-}" \
      QUARKUS_DATASOURCE_PASSWORD="${QUARKUS_DATASOURCE_PASSWORD:-}" \
      chroot --userspec=185:185 "$S/rootfs" /bin/sh -c "cd /home/jboss && exec $ENTRY" > "$S/run.log" 2>&1 &
  START=$(date +%s)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8097/q/health/ready)" = 200 ]; do
    [ $(( $(date +%s) - START )) -lt 120 ] || { tail -20 "$S/run.log"; break; }
    sleep 1
  done
  curl -s http://127.0.0.1:8097/q/health/ready; echo
  echo "ready after $(( $(date +%s) - START )) s"
  pkill -u 185 -f quarkus-run.jar || true; sleep 3
  umount "$S/rootfs/proc" "$S/rootfs/dev"
fi
