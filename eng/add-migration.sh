#!/usr/bin/env bash
# Adds a migration to one module for both providers:
#   eng/add-migration.sh Exemplars AddMilestones
# (module = the folder name after "Academy."; its contexts are Sqlite<X>DbContext and SqlServer<X>DbContext).
set -euo pipefail
module=$1; name=$2
context=${3:-$module}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet tool restore >/dev/null
dotnet build "modules/Academy.$module" -v q -nologo >/dev/null
for provider in Sqlite SqlServer; do
  dotnet ef migrations add "$name" \
    --project "modules/Academy.$module" --startup-project "modules/Academy.$module" \
    --context "${provider}${context}DbContext" --output-dir "Migrations/$provider"
done
