#!/usr/bin/env bash
# Part of scripts/pulumi-cli.sh: the component package plugin (provider/), compiled once to JavaScript.
#   PATH=<folder with pulumi>:$PATH plugin.sh <tools folder>
# 1. Compiles provider/ and the components to <tools>/provider (tsc, a few seconds) and writes the package schema
#    beside it (provider/build.ts: the analyzer plus our defaults, integers and type names), when any source, the
#    package.json or the tsconfig is newer than the last build.
# 2. Writes the launcher <tools>/plugin/pulumi-resource-aicluster (node on the compiled plugin). It is deliberately not
#    on PATH: the engine warns "using pulumi-resource-aicluster from $PATH" on every run for a plugin found there.
# 3. Installs the launcher into the plugin cache of $PULUMI_HOME (default ~/.pulumi) as resource plugin aicluster at
#    the package version, where the engine finds it silently (`pulumi plugin install --file`: nothing is downloaded).
set -euo pipefail
TOOLS="$1"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$TOOLS/provider"
log() { echo "pulumi-cli: $*" >&2; }

[ -x "$ROOT/node_modules/.bin/tsc" ] || { log "no node_modules/.bin/tsc (run npm ci): cannot compile the plugin"; exit 1; }
stamp="$OUT/.built"
if [ ! -f "$OUT/provider/index.js" ] || [ ! -f "$OUT/provider/schema.json" ] || [ ! -f "$stamp" ] ||
  [ -n "$(find "$ROOT/provider" "$ROOT/components" "$ROOT/package.json" -newer "$stamp" -name '*.ts' -o -newer "$stamp" -name '*.json' 2>/dev/null | head -1)" ]; then
  started=$SECONDS
  rm -rf "$OUT"
  # Type errors are the test suite's to report (npm test type-checks first); tsc still writes the JavaScript.
  "$ROOT/node_modules/.bin/tsc" -p "$ROOT/provider/tsconfig.build.json" --outDir "$OUT" >"$TOOLS/provider-tsc.log" 2>&1 ||
    log "warning: tsc reported errors compiling the plugin (see $TOOLS/provider-tsc.log)"
  [ -f "$OUT/provider/index.js" ] || { log "the plugin did not compile (see $TOOLS/provider-tsc.log)"; exit 1; }
  # NODE_PATH: the compiled files may live outside the checkout (AICLUSTER_TOOLS_DIR); their modules are in it.
  (cd "$ROOT" && NODE_PATH="$ROOT/node_modules" node "$OUT/provider/build.js" "$OUT/provider/schema.json" "$ROOT/provider")
  touch "$stamp"
  log "compiled the component package plugin and its schema into $OUT in $((SECONDS - started)) s"
fi

mkdir -p "$TOOLS/plugin"
launcher="$TOOLS/plugin/pulumi-resource-aicluster"
cat > "$launcher" <<LAUNCHER
#!/usr/bin/env bash
# aicluster's component package plugin, compiled from $ROOT/provider (scripts/engine/plugin.sh).
export NODE_PATH="$ROOT/node_modules"
exec node "$OUT/provider/index.js" "\$@"
LAUNCHER
chmod +x "$launcher"
# An older layout put the launcher on PATH, where the engine prefers it (with a warning) to the plugin cache.
rm -f "$TOOLS/bin/pulumi-resource-aicluster"

version="$(node -p "require('$ROOT/package.json').version")"
home="${PULUMI_HOME:-$HOME/.pulumi}"
installed="$home/plugins/resource-aicluster-v$version/pulumi-resource-aicluster"
if ! cmp -s "$launcher" "$installed" 2>/dev/null; then
  PULUMI_SKIP_UPDATE_CHECK=true pulumi plugin install resource aicluster "$version" --file "$launcher" --reinstall >/dev/null
  log "installed plugin aicluster v$version into $home/plugins"
fi
