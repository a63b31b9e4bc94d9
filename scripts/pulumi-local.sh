#!/usr/bin/env bash
# Runs the Pulumi CLI offline, with no Pulumi Cloud login and no cloud account:
#   scripts/pulumi-local.sh preview -s prometheus --policy-pack policies
# Engine from scripts/pulumi-cli.sh (installed, or built from Go modules); state in a project-local file backend
# (.pulumi-state/, git-ignored); passphrase secrets (PULUMI_CONFIG_PASSPHRASE, default "aicluster-local"); update
# checks and plugin downloads off. The stack named with -s/--stack is created on first use. Note: the passphrase
# provider writes an `encryptionsalt` line (no secret in it) into stacks/Pulumi.<stack>.yaml.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# PULUMI_HOME first: the engine script installs the component package plugin into its plugin cache.
export PULUMI_HOME="${PULUMI_HOME:-$ROOT/.pulumi-state/home}"
BIN="$(bash "$ROOT/scripts/pulumi-cli.sh")"
export PATH="$BIN:$PATH"
export PULUMI_BACKEND_URL="${PULUMI_BACKEND_URL:-file://$ROOT/.pulumi-state/backend}"
export PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE-aicluster-local}"
export PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
case "$PULUMI_BACKEND_URL" in file://*) mkdir -p "${PULUMI_BACKEND_URL#file://}" ;; esac
cd "$ROOT"

stack=""
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[$i]}" in
    -s | --stack) stack="${args[$((i + 1))]:-}" ;;
    --stack=*) stack="${args[$i]#--stack=}" ;;
  esac
done
if [ -n "$stack" ]; then pulumi stack select --create "$stack" --non-interactive >&2; fi
exec pulumi "$@" --non-interactive
