#!/usr/bin/env bash
# What a user of a large spec pays per build: a consumer project holding the SDK generated from one spec, built cold
# and then rebuilt after a one-line edit of a hand-written C# file (the warm case: the build server is up, the
# generator's output is cached, the compiler re-binds the whole assembly). The same for a project holding Kiota's
# output for the same spec with Kiota's runtime packages. Ratios are what to read (the machine may be shared).
# The builds ask for the compiler server explicitly (-p:UseSharedCompilation=true), as a developer's machine has it:
# a CI-style environment that sets UseSharedCompilation=false would otherwise measure fresh compiler processes.
# Usage: bash tests/Generator.Benchmarks/warm-rebuild.sh [spec-path] [warm-runs]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
spec="${1:-$root/../shared/specs/stripe-spec3.yaml}"
runs="${2:-3}"
if [ ! -f "$spec" ]; then
  echo "warm-rebuild: $spec is absent; skipping."
  exit 0
fi
spec="$(cd "$(dirname "$spec")" && pwd)/$(basename "$spec")"
kiota_version=2.1.2 # the runtime packages `kiota info -l CSharp` names for Kiota 1.38 (.config/dotnet-tools.json)

(cd "$root" && dotnet tool restore >/dev/null)
work="$(mktemp -d)"
[ "${WARM_REBUILD_KEEP:-}" = 1 ] && echo "work folder: $work" || trap 'rm -rf "$work"' EXIT
echo '<Project />' > "$work/Directory.Build.props"
echo '<Project />' > "$work/Directory.Build.targets"

# The consumer takes the package from a local feed, as a user does (no ProjectReferences to check on each build).
version="0.0.0-bench.$(date +%s)"
dotnet pack -c Release "$root/generator/OpenApiSdk.Generator.csproj" -o "$work/feed" -p:Version="$version" --artifacts-path "$work/artifacts" -v:q -nologo >/dev/null
cat > "$work/NuGet.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$work/packages" /></config>
  <packageSources>
    <add key="bench-feed" value="$work/feed" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="bench-feed"><package pattern="OpenApiSdk.Generator" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
CONFIG

mkdir -p "$work/ours" "$work/kiota"
cat > "$work/ours/Ours.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="OpenApiSdk.Generator" Version="$version" />
    <OpenApiSpec Include="$spec" Namespace="Bench.Sdk" ClientName="BenchClient" />
  </ItemGroup>
</Project>
PROJ

(cd "$root" && dotnet kiota generate -l csharp -d "$spec" -o "$work/kiota/Generated" -n Kiota.Sdk -c KiotaClient --log-level None >/dev/null)
cat > "$work/kiota/Kiota.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.Kiota.Abstractions" Version="$kiota_version" />
    <PackageReference Include="Microsoft.Kiota.Http.HttpClientLibrary" Version="$kiota_version" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Json" Version="$kiota_version" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Form" Version="$kiota_version" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Text" Version="$kiota_version" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Multipart" Version="$kiota_version" />
  </ItemGroup>
</Project>
PROJ

for p in ours kiota; do
  echo 'namespace Edited { public static class Program { public static int Main() => Value.Number; } }' > "$work/$p/Program.cs"
  echo 'namespace Edited { public static class Value { public const int Number = 0; } }' > "$work/$p/Value.cs"
done

chars() { find "$1" -name '*.cs' -print0 | xargs -0 cat | wc -c; }
seconds() { local start end; start=$(date +%s.%N); "$@" > "$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }; end=$(date +%s.%N); echo "$end - $start" | bc; }

ours_chars=$(cd "$root/tests/Generator.Benchmarks" && dotnet build -c Release -v:q -nologo >/dev/null && dotnet bin/Release/net10.0/Generator.Benchmarks.dll --dump "$spec" "$work/ours-dump" >/dev/null && chars "$work/ours-dump")
kiota_chars=$(chars "$work/kiota/Generated")
echo "== $(basename "$spec"): generated C# — ours $ours_chars chars, Kiota 1.38 $kiota_chars chars"

for p in ours kiota; do
  proj="$work/$p/$( [ $p = ours ] && echo Ours || echo Kiota ).csproj"
  dotnet restore "$proj" -v:q -nologo >/dev/null
  dotnet build-server shutdown >/dev/null 2>&1 || true
  cold=$(seconds dotnet build "$proj" --no-restore -c Release -nologo -p:UseSharedCompilation=true)
  warm=()
  for i in $(seq 1 "$runs"); do
    echo "namespace Edited { public static class Value { public const int Number = $i; } }" > "$work/$p/Value.cs"
    warm+=("$(seconds dotnet build "$proj" --no-restore -c Release -nologo -p:UseSharedCompilation=true)")
  done
  printf '%s: cold build %.1f s; warm rebuilds after a one-line C# edit: %s s\n' "$p" "$cold" "$(printf '%.1f ' "${warm[@]}")"
done
