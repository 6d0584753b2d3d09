#!/usr/bin/env bash
# Cold cost in a command-line build: a throwaway project consuming one spec (default stripe-spec3.yaml)
# is built with the compiler in a fresh process (no build server), and the compiler's own analyzer report
# (-p:ReportAnalyzer=true) gives the generator's time. Then NSwag generates from the same spec once in a
# fresh process (Generator.Benchmarks --nswag-once), for comparison.
# Usage: bash tests/Generator.Benchmarks/cold-build.sh [spec-path] [runs]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
spec="${1:-$root/../shared/specs/stripe-spec3.yaml}"
runs="${2:-3}"
if [ ! -f "$spec" ]; then
  echo "cold-build: $spec is absent; skipping."
  exit 0
fi
spec="$(cd "$(dirname "$spec")" && pwd)/$(basename "$spec")"

dotnet build -c Release "$root/generator/OpenApiSdk.Generator.csproj" -v:q -nologo >/dev/null
dotnet build -c Release "$root/tests/Generator.Benchmarks/Generator.Benchmarks.csproj" -v:q -nologo >/dev/null

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/Cold.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <NoWarn>\$(NoWarn);CS1591</NoWarn>
    <UseSharedCompilation>false</UseSharedCompilation>
  </PropertyGroup>
  <Import Project="$root/generator/build/OpenApiSdk.Generator.props" />
  <ItemGroup>
    <ProjectReference Include="$root/generator/OpenApiSdk.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" SetConfiguration="Configuration=Release" />
    <ProjectReference Include="$root/generator/runtime/OpenApiSdk.Runtime.csproj" SetConfiguration="Configuration=Release" />
    <OpenApiSpec Include="$spec" Namespace="Cold.Sdk" ClientName="ColdClient" />
  </ItemGroup>
  <Import Project="$root/generator/build/OpenApiSdk.Generator.targets" />
</Project>
PROJ
echo 'namespace Cold { public static class Program { public static void Main() { } } }' > "$work/Program.cs"
dotnet restore "$work/Cold.csproj" -v:q -nologo >/dev/null

echo "== $(basename "$spec"): generator time inside a fresh csc process (ReportAnalyzer) =="
for i in $(seq 1 "$runs"); do
  touch "$work/Program.cs"
  start=$(date +%s.%N)
  dotnet build "$work/Cold.csproj" --no-restore -p:ReportAnalyzer=true -v:d -nologo > "$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
  end=$(date +%s.%N)
  line=$(grep -E '^\s*[0-9.<]+\s+[0-9]+\s+OpenApiSdk\.Generator\.OpenApiGenerator' "$work/build.log" | head -1 | sed -E 's/^\s+//')
  total=$(grep -E 'Total analyzer execution time|Total generator execution time' "$work/build.log" | sed -E 's/^\s+//' | tr '\n' ' ')
  printf 'run %s: generator %s | %s| whole build %.1f s\n' "$i" "${line:-?}" "$total" "$(echo "$end - $start" | bc)"
done

echo "== $(basename "$spec"): NSwag in a fresh process =="
dll="$root/tests/Generator.Benchmarks/bin/Release/net10.0/Generator.Benchmarks.dll"
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  out=$(dotnet "$dll" --nswag-once "$spec")
  end=$(date +%s.%N)
  printf 'run %s: %s | process wall %.2f s\n' "$i" "$out" "$(echo "$end - $start" | bc)"
done

echo "== $(basename "$spec"): generator in a fresh process (driver, includes loading Roslyn) =="
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  out=$(dotnet "$dll" --generator-once "$spec")
  end=$(date +%s.%N)
  printf 'run %s: %s | process wall %.2f s\n' "$i" "$out" "$(echo "$end - $start" | bc)"
done
