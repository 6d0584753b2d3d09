#!/usr/bin/env bash
# Where a warm rebuild's compile time goes: the generated code for one spec (Generator.Benchmarks --dump), compiled as
# plain files with no generator, as generated and with one kind of content taken out; a cold build and two rebuilds
# after a one-line C# edit each (compiler server on). Compare the rebuilds of one run with each other.
# Variants: plain, nodocs (no /// lines), annotations (#nullable enable annotations: no nullable analysis of bodies),
# validate (every IObjectMembers.Validate body => true), equal (every IObjectMembers.Equal body => false).
# Usage: bash tests/Generator.Benchmarks/compile-cost.sh [spec-path] [variants...]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
spec="${1:-$root/../shared/specs/stripe-spec3.yaml}"
shift || true
variants=("${@:-plain nodocs annotations validate equal}")
if [ ! -f "$spec" ]; then
  echo "compile-cost: $spec is absent; skipping."
  exit 0
fi
spec="$(cd "$(dirname "$spec")" && pwd)/$(basename "$spec")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo '<Project />' > "$work/Directory.Build.props"
echo '<Project />' > "$work/Directory.Build.targets"

dotnet build -c Release "$root/generator/runtime/OpenApiSdk.Runtime.csproj" -v:q -nologo >/dev/null
dotnet build -c Release "$root/tests/Generator.Benchmarks/Generator.Benchmarks.csproj" -v:q -nologo >/dev/null
runtime="$root/generator/runtime/bin/Release/net8.0/OpenApiSdk.Runtime.dll"
dotnet "$root/tests/Generator.Benchmarks/bin/Release/net10.0/Generator.Benchmarks.dll" --dump "$spec" "$work/dump" >/dev/null

# Replaces each expression-bodied member that starts with $1 (up to its closing ';') by the line $2.
replace_member() {
  awk -v start="$1" -v with="$2" '
    skipping { if ($0 ~ /;[[:space:]]*$/) skipping = 0; next }
    index($0, start) == 1 { print with; if ($0 !~ /;[[:space:]]*$/) skipping = 1; next }
    { print }' "$3" > "$3.tmp" && mv "$3.tmp" "$3"
}

seconds() { local start end; start=$(date +%s.%N); "$@" > "$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }; end=$(date +%s.%N); echo "$end - $start" | bc; }

for variant in ${variants[*]}; do
  dir="$work/$variant"
  mkdir -p "$dir"
  cp -r "$work/dump" "$dir/Generated"
  for file in "$dir"/Generated/*.cs; do
    case $variant in
      nodocs) sed -i -E '/^[[:space:]]*\/\/\//d' "$file" ;;
      annotations) sed -i 's/^#nullable enable$/#nullable enable annotations/' "$file" ;;
      validate) replace_member '    bool __IMembers.Validate(' '    bool __IMembers.Validate(ref __Validation v) => true;' "$file" ;;
      equal) replace_member '    bool __IMembers.Equal(' '    bool __IMembers.Equal(object o) => false;' "$file" ;;
    esac
  done
  cat > "$dir/P.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <NoWarn>\$(NoWarn);CS1591</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="$runtime" />
  </ItemGroup>
</Project>
PROJ
  echo 'namespace Edited { public static class Program { public static int Main() => Value.Number; } }' > "$dir/Program.cs"
  echo 'namespace Edited { public static class Value { public const int Number = 0; } }' > "$dir/Value.cs"
  dotnet restore "$dir/P.csproj" -v:q -nologo >/dev/null
  dotnet build-server shutdown >/dev/null 2>&1 || true
  cold=$(seconds dotnet build "$dir/P.csproj" --no-restore -c Release -nologo -p:UseSharedCompilation=true)
  warm=()
  for i in 1 2; do
    echo "namespace Edited { public static class Value { public const int Number = $i; } }" > "$dir/Value.cs"
    warm+=("$(seconds dotnet build "$dir/P.csproj" --no-restore -c Release -nologo -p:UseSharedCompilation=true)")
  done
  printf '%s: %s chars; cold %.1f s; rebuilds %s s\n' "$variant" "$(cat "$dir"/Generated/*.cs | wc -c)" "$cold" "$(printf '%.1f ' "${warm[@]}")"
done
