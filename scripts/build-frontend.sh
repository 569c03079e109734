#!/usr/bin/env bash
# Rebuilds the vendored front-end in static/ from the npm registry. Only needed when the
# versions below change: the compiled output is committed, so the app never needs npm or the
# network to run.
set -euo pipefail
GOVUK_FRONTEND_VERSION=6.6.0
SASS_VERSION=1.108.2
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --silent --no-audit --no-fund "govuk-frontend@$GOVUK_FRONTEND_VERSION" "sass@$SASS_VERSION"
dist=node_modules/govuk-frontend/dist
npx sass --no-source-map --style=compressed --quiet-deps --silence-deprecation=import \
  --load-path="$dist" "$here/static/src/app.scss" "$here/static/css/app.css"
python3 "$here/scripts/strip_crest.py" "$here/static/css/app.css"
out="$here/static/vendor/govuk-frontend"
rm -rf "$out" && mkdir -p "$out/assets/images"
cp "$dist/govuk/govuk-frontend.min.js" "$out/"
cp node_modules/govuk-frontend/LICENSE* "$out/" 2>/dev/null || true
# Favicons only: no fonts, no crown or crest (reserved for GOV.UK).
cp "$dist/govuk/assets/images/favicon.ico" "$dist/govuk/assets/images/favicon.svg" "$out/assets/images/"
printf "govuk-frontend %s, sass %s\nLicence: MIT (see package.json of govuk-frontend on the npm registry)\n" "$GOVUK_FRONTEND_VERSION" "$SASS_VERSION" > "$out/VERSION"
echo "built static/css/app.css and static/vendor/govuk-frontend/"
