#!/usr/bin/env bash
# Records new public API in each package's PublicAPI.Unshipped.txt (the RS0016/RS0017 code fixes, applied from the
# command line). Review the diff: it is the API change of your work. At a release, move Unshipped into Shipped.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/*/*.csproj; do
  dir="$(dirname "$project")"
  for f in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [ -f "$dir/$f" ] || printf '#nullable enable\n' > "$dir/$f"
  done
  dotnet format analyzers "$project" --diagnostics RS0016 RS0017 RS0037 --severity warn
done
