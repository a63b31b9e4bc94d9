#!/usr/bin/env bash
# Builds actionlint (the GitHub Actions workflow linter) from the Go module proxy into .tools/bin/actionlint
# (git-ignored), for test/action.test.ts, which lints docs/ci/github-workflow.yml and a workflow that uses the
# repository's action. No binary is downloaded: `go install` of the module at a pinned version, CGO off.
# Idempotent: with .tools/bin/actionlint present at the pinned version it only says so. Exit non-zero on failure
# (no Go toolchain, no module proxy, a failed build); .ci/run then goes on and the lint tests skip, saying why.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="v1.7.12"
TOOLS="${AICLUSTER_TOOLS_DIR:-$ROOT/.tools}"
BIN="$TOOLS/bin"
log() { echo "actionlint: $*" >&2; }

if [ -x "$BIN/actionlint" ] && [ "$("$BIN/actionlint" -version 2>/dev/null | head -n 1)" = "$VERSION" ]; then
  log "present in $BIN ($VERSION)"
  exit 0
fi
command -v go >/dev/null || { log "cannot build: no Go toolchain on PATH"; exit 3; }
mkdir -p "$BIN"
started=$SECONDS
log "building github.com/rhysd/actionlint/cmd/actionlint@$VERSION from the Go module proxy (cold: about a minute)"
# The version reported by `actionlint -version` comes from the module's build info (go install of a tagged module).
GOBIN="$BIN" CGO_ENABLED=0 GOFLAGS=-mod=mod go install -trimpath -ldflags "-s -w" "github.com/rhysd/actionlint/cmd/actionlint@$VERSION"
got="$("$BIN/actionlint" -version 2>/dev/null | head -n 1 || true)"
if [ "$got" != "$VERSION" ]; then
  log "built, but it reports version '$got', not $VERSION"
  exit 4
fi
log "built in $((SECONDS - started)) s: $BIN/actionlint $VERSION"
