#!/usr/bin/env bash
# Puts a working Pulumi engine within reach and prints the folder to put first on PATH (the only stdout line).
#   PATH="$(scripts/pulumi-cli.sh):$PATH" pulumi version
# Uses an installed `pulumi` when there is one (set AICLUSTER_BUILD_PULUMI=1 to build anyway). Otherwise builds, from
# the Go module proxy only, into .tools/bin (git-ignored): the CLI and the Node.js language host through the wrapper
# modules in scripts/engine/, a policy-pack launcher, and a link to the dynamic-provider launcher in @pulumi/pulumi.
# Versions and why: ../shared/reference/pulumi-engine.md and README ("The real engine"). Idempotent: with the tools
# present and at the pinned versions it only checks them (about a second).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLI_VERSION="v3.207.0"   # v3.208+ start Node.js policy packs through the language host's RunPlugin, which HOST_VERSION lacks
HOST_VERSION="v3.68.0"   # the last release that ships the Node.js language host inside the sdk/v3 module the proxy serves
BIN="${AICLUSTER_TOOLS_DIR:-$ROOT/.tools}/bin"
STAMP="$BIN/.versions"
log() { echo "pulumi-cli: $*" >&2; }

if [ -z "${AICLUSTER_BUILD_PULUMI:-}" ] && found="$(command -v pulumi 2>/dev/null)" && [ "$found" != "$BIN/pulumi" ]; then
  log "using the installed $found ($("$found" version 2>/dev/null || echo "version unknown"))"
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

provider="$ROOT/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
if [ -e "$provider" ]; then
  ln -sf "$provider" "$BIN/pulumi-resource-pulumi-nodejs"
else
  log "warning: $provider missing (run npm ci); dynamic providers will not start"
fi

log "$("$BIN/pulumi" version)"
echo "$BIN"
