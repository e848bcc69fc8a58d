#!/usr/bin/env bash
# The packaging check, run by `mvn -Pdist verify` (Linux) after `package` built target/image and
# target/dist/*.deb. Checks: the budgets (image <= 90 MB, .deb <= 60 MB), `bin/burrow --version`,
# `bin/burrow serve --port 0` answering HTTP and the CLI, the .deb's metadata and its extracted
# launcher, and the cold start to the first shown window against a minimal JavaFX window in its
# own image built the same way (<= 1.5x). Needs xvfb-run, curl, dpkg-deb.
set -euo pipefail
cd "$(dirname "$0")/.."

IMAGE=target/image
WORK=target/dist-check
RUNS=${BURROW_START_RUNS:-5}
MAX_IMAGE=$((90 * 1000 * 1000))
MAX_DEB=$((60 * 1000 * 1000))
PROBE=$WORK/probe
PIDS=()
# bin/burrow is a shell script whose java is its child: stop the child, then the script.
stop() { pkill -TERM -P "$1" 2>/dev/null || true; kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
cleanup() { for p in "${PIDS[@]}"; do stop "$p"; done; }
trap cleanup EXIT

fail() { echo "check-dist: FAIL: $*" >&2; exit 1; }
step() { echo "check-dist: $*"; }

# Waits up to $2 seconds for a line matching $3 in file $1 and prints it.
await_line() {
  local file=$1 seconds=$2 pattern=$3 i
  for ((i = 0; i < seconds * 50; i++)); do
    if grep -m1 -E "$pattern" "$file" 2>/dev/null; then return 0; fi
    sleep 0.02
  done
  return 1
}

# Prints the milliseconds from exec to the first shown window of launcher $1, with a fresh home.
time_to_window() {
  local launcher=$1 home log start shown pid
  home=$(mktemp -d -p "$WORK" home.XXXX)
  log=$home/out.log
  start=$(date +%s%3N)
  HOME=$home JDK_JAVA_OPTIONS="-Dprism.order=sw -Dburrow.printShownTime=true" "$launcher" > "$log" 2>&1 &
  pid=$!
  shown=$(await_line "$log" 60 '^shown-at-ms: ') || { stop "$pid"; cat "$log" >&2; return 1; }
  stop "$pid"
  echo $((${shown#shown-at-ms: } - start))
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }


# Under xvfb-run the script runs itself with --measure: one unmeasured start of each warms the
# page cache, then RUNS alternating starts of each, written to $WORK/{minimal,burrow}.ms.
if [[ ${1:-} == --measure ]]; then
  time_to_window "$PROBE/image/bin/probe" > /dev/null
  time_to_window "$IMAGE/bin/burrow" > /dev/null
  minimal=(); burrow=()
  for ((i = 0; i < RUNS; i++)); do
    minimal+=("$(time_to_window "$PROBE/image/bin/probe")")
    burrow+=("$(time_to_window "$IMAGE/bin/burrow")")
  done
  echo "${minimal[*]}" > "$WORK/minimal.ms"
  echo "${burrow[*]}" > "$WORK/burrow.ms"
  exit 0
fi

rm -rf "$WORK" && mkdir -p "$WORK"

# ---- sizes
image_bytes=$(du -sb "$IMAGE" | cut -f1)
deb=$(ls target/dist/*.deb)
deb_bytes=$(stat -c %s "$deb")
step "image $IMAGE: $image_bytes bytes ($((image_bytes / 1000000)) MB, budget 90 MB)"
step "package $deb: $deb_bytes bytes ($((deb_bytes / 1000000)) MB, budget 60 MB)"
((image_bytes <= MAX_IMAGE)) || fail "image over budget"
((deb_bytes <= MAX_DEB)) || fail ".deb over budget"

# ---- the image's launcher
version=$("$IMAGE/bin/burrow" --version)
[[ $version == "burrow "* ]] || fail "bin/burrow --version printed '$version'"
step "bin/burrow --version: $version"

# ---- the server, headless
data=$(mktemp -d -p "$WORK" data.XXXX)
"$IMAGE/bin/burrow" serve --port 0 --data "$data" --api-key check-key > "$WORK/serve.log" 2>&1 &
PIDS+=($!)
line=$(await_line "$WORK/serve.log" 60 '^listening on http') || { cat "$WORK/serve.log"; fail "serve did not start"; }
url=${line#listening on }
status=$(curl -s -o "$WORK/root.json" -w '%{http_code}' -H 'Authorization: Bearer check-key' \
  "$url/api/environments/1/file_system/?depth=1")
[[ $status == 200 ]] && grep -q '"results"' "$WORK/root.json" || fail "GET file_system answered $status"
step "bin/burrow serve: $url answered 200 with the root folder"
# The CLI reads the answers into records through Jackson: this fails if a package is not opened.
"$IMAGE/bin/burrow" mkdir -p 'Packaging check/made by the image' --host "$url" --api-key check-key \
  --environment 1 > /dev/null || fail "bin/burrow mkdir against the server"
"$IMAGE/bin/burrow" ls 'Packaging check' --host "$url" --api-key check-key --environment 1 \
  | grep -q 'made by the image' || fail "bin/burrow ls did not list the new folder"
step "bin/burrow mkdir / ls against it: ok"
stop "${PIDS[0]}"

# ---- the .deb
depends=$(dpkg-deb -f "$deb" Depends)
[[ $depends == *libgtk-3-0* ]] || fail ".deb Depends lacks libgtk-3-0: $depends"
root=$WORK/debroot
dpkg-deb -x "$deb" "$root"
desktop=$(find "$root" -type f -name '*.desktop' | head -1)
[[ -n $desktop ]] && grep -q '^Exec=/opt/burrow/bin/burrow' "$desktop" && grep -q '^Icon=/opt/burrow/lib/burrow.png' "$desktop" \
  || fail "no desktop entry with the launcher and icon in the .deb"
[[ -f $root/opt/burrow/lib/burrow.png ]] || fail "no icon in the .deb"
deb_version=$("$root/opt/burrow/bin/burrow" --version)
[[ $deb_version == "$version" ]] || fail "the .deb's launcher printed '$deb_version'"
step ".deb: Depends: $depends; menu entry $(basename "$desktop"); /opt/burrow/bin/burrow --version: $deb_version"

# ---- cold start to the first window, against a minimal JavaFX window
if ! command -v xvfb-run > /dev/null; then
  # A fresh machine has no X server to show a window on; the rest of the check still ran.
  echo "check-dist: SKIPPED the start-time comparison: xvfb-run is not installed" \
    "(apt-get install xvfb xauth to measure it)" >&2
  step "ok (start time not measured)"
  exit 0
fi
javac -d "$PROBE/classes" --module-path target/modules $(find src/startprobe/java -name '*.java')
jlink @jlink/jlink.args --module-path "$PROBE/classes:target/modules" --add-modules dev.burrow.startprobe \
  --launcher probe=dev.burrow.startprobe/dev.burrow.startprobe.MinimalWindow \
  --exclude-resources='glob:/javafx.graphics/*.so,glob:/javafx.graphics/*.sha1' --output "$PROBE/image" > "$WORK/probe-jlink.log" 2>&1 || { cat "$WORK/probe-jlink.log"; fail "jlink of the probe"; }
java jlink/PlaceNatives.java target/modules "$PROBE/image" > /dev/null
xvfb-run -a -s "-screen 0 1440x900x24" bash "$0" --measure


read -ra minimal < "$WORK/minimal.ms"
read -ra burrow < "$WORK/burrow.ms"
m=$(median "${minimal[@]}")
b=$(median "${burrow[@]}")
step "start to first window under Xvfb (ms): minimal ${minimal[*]} (median $m); burrow ${burrow[*]} (median $b)"
ratio=$(awk -v b="$b" -v m="$m" 'BEGIN {printf "%.2f", b / m}')
step "burrow / minimal = $ratio (budget 1.5)"
if ((b * 10 > m * 15)); then
  # Timings on a shared 2-core machine are noisy: a miss is reported loudly and is fatal only
  # when asked for, so a busy CI machine can't fail the build on a measurement.
  [[ ${BURROW_ENFORCE_START_BUDGET:-0} == 1 ]] && fail "burrow's start ($b ms) is over 1.5x the minimal window's ($m ms)"
  echo "check-dist: WARNING: START BUDGET NOT MET: burrow $b ms vs minimal $m ms = ${ratio}x > 1.5x" \
    "(BURROW_ENFORCE_START_BUDGET=1 makes this fatal)" >&2
fi
step "ok"
