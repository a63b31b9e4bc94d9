#!/usr/bin/env bash
# Part of scripts/pulumi-cli.sh: the Python side of the engine, each piece skipped when present at its version.
#   python.sh <bin folder> <tools folder> <python host version> <pulumi pip version>
# - pulumi-language-python: the last host inside the sdk/v3 module (scripts/engine/python-host wraps it), plus the
#   project's exec shim (scripts/engine/pulumi-language-python-exec) that the host runs programs with;
# - <tools>/python: a virtual environment with the pulumi package from PyPI at the CLI's version, plus what a
#   generated SDK needs to install and import (setuptools and wheel to build it, parver for its version);
# - aicluster-gen-python-sdk: Pulumi's Python SDK generator (pkg/v3/codegen/python) behind a small command of ours
#   (scripts/engine/cli/gen-python-sdk), built in the CLI's wrapper module so it shares its modules and build cache.
# Exits non-zero when a piece is missing at the end; the callers then skip the Python tests, saying why.
set -euo pipefail
BIN="$1" TOOLS="$2" HOST_VERSION="$3" SDK_VERSION="$4"
ENGINE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log() { echo "pulumi-cli: $*" >&2; }
status=0

if [ -x "$BIN/pulumi-language-python" ] && [ "$(cat "$BIN/.python-host-version" 2>/dev/null)" = "$HOST_VERSION" ]; then
  :
elif command -v go >/dev/null; then
  log "building pulumi-language-python $HOST_VERSION (cold: about 35 s)"
  if (cd "$ENGINE/python-host" && CGO_ENABLED=0 GOFLAGS=-mod=mod go build -trimpath \
    -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$HOST_VERSION" \
    -o "$BIN/pulumi-language-python" github.com/pulumi/pulumi/sdk/v3/python/cmd/pulumi-language-python); then
    echo "$HOST_VERSION" > "$BIN/.python-host-version"
  else
    log "warning: pulumi-language-python did not build"; status=1
  fi
else
  log "warning: no Go toolchain: no Python language host"; status=1
fi
# The host looks for its exec shim next to itself.
install -m 0755 "$ENGINE/pulumi-language-python-exec" "$BIN/pulumi-language-python-exec"

cli_version="$(cat "$BIN/.versions" 2>/dev/null || true)"
if [ -x "$BIN/aicluster-gen-python-sdk" ] && [ "$(cat "$BIN/.gen-python-sdk-version" 2>/dev/null)" = "$cli_version" ]; then
  :
elif command -v go >/dev/null; then
  log "building aicluster-gen-python-sdk (the CLI's Python code generator; warm cache: about 10 s)"
  if (cd "$ENGINE/cli" && CGO_ENABLED=0 GOFLAGS=-mod=mod go build -trimpath -ldflags "-s -w" -o "$BIN/aicluster-gen-python-sdk" ./gen-python-sdk); then
    echo "$cli_version" > "$BIN/.gen-python-sdk-version"
  else
    log "warning: aicluster-gen-python-sdk did not build"; status=1
  fi
fi

venv="$TOOLS/python"
want="pulumi $SDK_VERSION, parver, setuptools, wheel"
if [ -x "$venv/bin/python" ] && [ "$(cat "$venv/.pulumi-version" 2>/dev/null)" = "$want" ]; then
  :
elif python="$(command -v python3)"; then
  log "creating $venv with pulumi==$SDK_VERSION from PyPI (about 20 s)"
  rm -rf "$venv"
  if "$python" -m venv "$venv" && "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pulumi==$SDK_VERSION" parver setuptools wheel; then
    echo "$want" > "$venv/.pulumi-version"
  else
    log "warning: could not create the Python virtual environment with pulumi==$SDK_VERSION"; status=1
  fi
else
  log "warning: no python3 on PATH: no Python virtual environment"; status=1
fi
exit "$status"
