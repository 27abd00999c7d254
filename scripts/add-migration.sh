#!/usr/bin/env bash
# Adds the same EF Core migration NAME to both providers (SQLite and PostgreSQL).
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/CoCare.Web -v q -nologo
# Design-time: the web host builds its services; the provider comes from these arguments.
dotnet ef migrations add "$name" --no-build --project src/CoCare.Data.Sqlite --startup-project src/CoCare.Web \
  --context AppDbContext --output-dir Migrations -- --Database:Provider=Sqlite
dotnet ef migrations add "$name" --no-build --project src/CoCare.Data.Postgres --startup-project src/CoCare.Web \
  --context AppDbContext --output-dir Migrations -- --Database:Provider=Postgres "--ConnectionStrings:CoCare=Host=127.0.0.1;Database=design_time"
echo "Added migration $name for SQLite and PostgreSQL."
