#!/usr/bin/env bash
# Checks that libxla4j_pjrt_cpu.so is relocatable: its RUNPATH is exactly $ORIGIN (no build path
# recorded), and the plugin, copied with libtensorflow_cc.so.2 and libtensorflow_framework.so.2 (and
# oneDNN's libdnnl.so.3 and libgomp.so.1, which it loads when needed) into a fresh folder elsewhere,
# loads and passes the smoke test from there.
#   usage: relocation_test.sh path/to/libxla4j_pjrt_cpu.so path/to/pjrt_cpu_smoke_test test/data
set -euo pipefail
plugin="$1"; smoke="$2"; data="$3"
dir="$(dirname "$plugin")"

runpath="$(readelf -d "$plugin" | sed -n 's/.*(\(RUNPATH\|RPATH\)).*\[\(.*\)\]$/\2/p')"
if [ "$runpath" != '$ORIGIN' ]; then
  echo "FAIL: $plugin has RUNPATH/RPATH '$runpath', expected exactly \$ORIGIN" >&2
  exit 1
fi

moved="$(mktemp -d "${TMPDIR:-/tmp}/xla4j-relocated.XXXXXX")"
trap 'rm -rf "$moved"' EXIT
cp "$plugin" "$moved/"
for lib in libtensorflow_cc.so.2 libtensorflow_framework.so.2 libdnnl.so.3 libgomp.so.1; do
  src="$(readlink -f "$dir/$lib")"
  # a hard link is a real file of the new folder, as a copy is, without copying 850 MB
  ln "$src" "$moved/$lib" 2>/dev/null || cp "$src" "$moved/$lib"
done
# The smoke test from the new folder; the loader's trace shows where the libraries came from.
LD_DEBUG=libs LD_DEBUG_OUTPUT="$moved/ld-trace" "$smoke" "$moved/$(basename "$plugin")" "$data"
resolved="$(sed -n 's/.*calling init: \(.*libtensorflow_cc\.so\.2\)$/\1/p' "$moved"/ld-trace.* | head -n 1)"
if [ "$resolved" != "$moved/libtensorflow_cc.so.2" ]; then
  echo "FAIL: the relocated plugin loaded libtensorflow_cc.so.2 from '$resolved', expected $moved" >&2
  exit 1
fi
echo "relocated plugin: RUNPATH \$ORIGIN, libraries loaded from $moved"
