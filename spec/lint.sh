#!/usr/bin/env bash
# Lint the OpenAPI description with Redocly CLI (pinned version).
# Rule configuration (if any) lives in spec/redocly.yaml.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

export REDOCLY_TELEMETRY=off
export REDOCLY_SUPPRESS_UPDATE_NOTICE=true

npx --yes @redocly/cli@2.77.0 lint --config spec/redocly.yaml spec/taurusdb-starrocks.yaml "$@"
