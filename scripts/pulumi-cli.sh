#!/usr/bin/env bash
# Puts a working Pulumi engine within reach and prints the folder to put first on PATH (the only stdout line).
#   PATH="$(scripts/pulumi-cli.sh):$PATH" pulumi version
# Uses an installed `pulumi` when there is one (set AICLUSTER_BUILD_PULUMI=1 to build anyway). Otherwise builds, from
# the Go module proxy only, into .tools/bin (git-ignored): the CLI and the Node.js language host through the wrapper
# modules in scripts/engine/, a policy-pack launcher, and a link to the dynamic-provider launcher in @pulumi/pulumi.
# Also, for the multi-language tests (each may fail alone; its tests then skip, saying why): the YAML language host;
# the Python language host with the project's exec shim, a virtual environment with the pulumi package, and a Python
# SDK generator; and the component package plugin: provider/ compiled to JavaScript with its schema, installed into
# the plugin cache of $PULUMI_HOME (default ~/.pulumi) as resource plugin aicluster at the package version.
# Versions and why: ../shared/reference/pulumi-engine.md and README ("The real engine"). Idempotent: with the tools
# present and at the pinned versions it only checks them (about a second).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLI_VERSION="v3.207.0"   # v3.208+ start Node.js policy packs through the language host's RunPlugin, which HOST_VERSION lacks
YAML_VERSION="v1.25.0"   # the newest pulumi-yaml the proxy serves; requires pkg/sdk v3.206, no replaces
PYTHON_HOST_VERSION="v3.79.0"  # the last release that ships the Python language host inside the sdk/v3 module
PYTHON_SDK_VERSION="3.207.0"   # the pulumi package from PyPI: the CLI's own version
HOST_VERSION="v3.68.0"   # the last release that ships the Node.js language host inside the sdk/v3 module the proxy serves
TOOLS="${AICLUSTER_TOOLS_DIR:-$ROOT/.tools}"
BIN="$TOOLS/bin"
STAMP="$BIN/.versions"
log() { echo "pulumi-cli: $*" >&2; }

if [ -z "${AICLUSTER_BUILD_PULUMI:-}" ] && found="$(command -v pulumi 2>/dev/null)" && [ "$found" != "$BIN/pulumi" ]; then
  log "using the installed $found ($("$found" version 2>/dev/null || echo "version unknown"))"
  bash "$ROOT/scripts/engine/plugin.sh" "${AICLUSTER_TOOLS_DIR:-$ROOT/.tools}" || log "warning: the component package plugin did not build"
  dirname "$found"
  exit 0
fi

want="cli $CLI_VERSION host $HOST_VERSION"
if [ -x "$BIN/pulumi" ] && [ -x "$BIN/pulumi-language-nodejs" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$want" ]; then
  log "engine present in $BIN ($want)"
else
  command -v go >/dev/null || { log "cannot build the engine: no Go toolchain on PATH"; exit 3; }
  mkdir -p "$BIN"
  export CGO_ENABLED=0 GOFLAGS=-mod=mod
  started=$SECONDS
  log "building pulumi $CLI_VERSION from Go modules (cold: about 2-3 minutes on 2 cores, 1 GB peak; warm cache: seconds)"
  (cd "$ROOT/scripts/engine/cli" && go build -trimpath -tags osusergo,grpcnotrace \
    -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$CLI_VERSION" \
    -o "$BIN/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi)
  log "building pulumi-language-nodejs $HOST_VERSION"
  (cd "$ROOT/scripts/engine/nodejs-host" && go build -trimpath \
    -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$HOST_VERSION" \
    -o "$BIN/pulumi-language-nodejs" github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs)
  echo "$want" > "$STAMP"
  log "built in $((SECONDS - started)) s"
fi

# CLIs before v3.208 start a Node.js policy pack by running this plugin in the pack's folder. It runs the launcher of
# the @pulumi/pulumi that the pack resolves (its own node_modules, or the project's further up).
cat > "$BIN/pulumi-analyzer-policy" <<'LAUNCHER'
#!/usr/bin/env bash
dir="$PWD"
while [ "$dir" != "/" ] && [ ! -d "$dir/node_modules/@pulumi/pulumi/cmd/run-policy-pack" ]; do dir="$(dirname "$dir")"; done
[ -d "$dir/node_modules/@pulumi/pulumi" ] || { echo "pulumi-analyzer-policy: no node_modules/@pulumi/pulumi above $PWD (run npm ci)" >&2; exit 1; }
exec node "$dir/node_modules/@pulumi/pulumi/cmd/run-policy-pack" "$@"
LAUNCHER
chmod +x "$BIN/pulumi-analyzer-policy"

if [ -x "$BIN/pulumi-language-yaml" ] && [ "$(cat "$BIN/.yaml-version" 2>/dev/null)" = "$YAML_VERSION" ]; then
  :
elif command -v go >/dev/null; then
  log "building pulumi-language-yaml $YAML_VERSION (cold: about 40 s)"
  if GOBIN="$BIN" CGO_ENABLED=0 GOFLAGS=-mod=mod go install -trimpath "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@$YAML_VERSION"; then
    echo "$YAML_VERSION" > "$BIN/.yaml-version"
  else
    log "warning: pulumi-language-yaml did not build; the YAML tests will skip"
  fi
fi

bash "$ROOT/scripts/engine/python.sh" "$BIN" "$TOOLS" "$PYTHON_HOST_VERSION" "$PYTHON_SDK_VERSION" || log "warning: the Python tools are incomplete; the Python tests will skip"
PATH="$BIN:$PATH" bash "$ROOT/scripts/engine/plugin.sh" "$TOOLS" || log "warning: the component package plugin did not build; the YAML and Python tests will skip"

provider="$ROOT/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
if [ -e "$provider" ]; then
  ln -sf "$provider" "$BIN/pulumi-resource-pulumi-nodejs"
else
  log "warning: $provider missing (run npm ci); dynamic providers will not start"
fi

log "$("$BIN/pulumi" version)"
echo "$BIN"
