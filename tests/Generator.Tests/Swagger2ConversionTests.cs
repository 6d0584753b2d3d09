using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiSdk.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace OpenApiSdk.Tests;

/// <summary>
/// The SDK of a Swagger 2.0 document is the SDK of its OpenAPI 3.0 conversion: each shared 2.0 document is generated
/// as it is and as swagger2openapi (the npm package, installed from <c>swagger2openapi/package-lock.json</c>) converts
/// it, and the public APIs (types, base types, properties, methods and their signatures) are compared. A difference is
/// allowed only where the conversion itself loses information, each listed in <see cref="ConversionLosses"/> with why.
/// </summary>
public class Swagger2ConversionTests
{
    private static readonly string Folder = Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Generator.Tests", "swagger2openapi");

    private const string NextLinkNull = "swagger2openapi deletes every null value not under an 'x-' key, so x-ms-pageable's nextLinkName: null (AutoRest: the list is one page) becomes {}, and the x-ms-pageable default nextLinkName 'nextLink' gives the conversion a next-page method the 2.0 document says there is no use for";

    private const string FormRequiredLost = "swagger2openapi makes the request body of the first formData parameter and merges the later ones' properties into it without their 'required': uploadPhoto's photo (required: true) comes after caption (optional), so the conversion's body is optional and the photo with it, while 2.0 requires the photo";

    /// <summary>
    /// Public API lines present in one SDK and not the other, by document, each with the conversion's loss behind it
    /// ("2.0: " lines are only in the direct reading's SDK, "3.0: " lines only in the conversion's).
    /// </summary>
    private static readonly Dictionary<string, (string Line, string Reason)[]> ConversionLosses = new(StringComparer.Ordinal)
    {
        ["swagger2.yaml"] = new[]
        {
            ("2.0: Compared.Sdk.ISwaggerTwoShopClient Compared.Sdk.ISwaggerTwoShopClient.UploadPhotoAsync(long, Compared.Sdk.UploadPhotoRequest, OpenApiSdk.FileContent, OpenApiSdk.RequestOptions?, System.Threading.CancellationToken)",
                FormRequiredLost),
            ("2.0: Compared.Sdk.ISwaggerTwoShopClient Compared.Sdk.ISwaggerTwoShopClient.UploadPhotoWithResponseAsync(long, Compared.Sdk.UploadPhotoRequest, OpenApiSdk.FileContent, OpenApiSdk.RequestOptions?, System.Threading.CancellationToken)",
                FormRequiredLost),
            ("2.0: Compared.Sdk.SwaggerTwoShopClient Compared.Sdk.SwaggerTwoShopClient.UploadPhotoAsync(long, Compared.Sdk.UploadPhotoRequest, OpenApiSdk.FileContent, OpenApiSdk.RequestOptions?, System.Threading.CancellationToken)",
                FormRequiredLost),
            ("2.0: Compared.Sdk.SwaggerTwoShopClient Compared.Sdk.SwaggerTwoShopClient.UploadPhotoWithResponseAsync(long, Compared.Sdk.UploadPhotoRequest, OpenApiSdk.FileContent, OpenApiSdk.RequestOptions?, System.Threading.CancellationToken)",
                FormRequiredLost),
            ("3.0: Compared.Sdk.ISwaggerTwoShopClient Compared.Sdk.ISwaggerTwoShopClient.UploadPhotoAsync(long, Compared.Sdk.UploadPhotoRequest?, OpenApiSdk.FileContent?, OpenApiSdk.RequestOptions?, System.Threading.CancellationToken)",
                FormRequiredLost),
            ("3.0: Compared.Sdk.ISwaggerTwoShopClient Compared.Sdk.ISwaggerTwoShopClient.UploadPhotoWithResponseAsync(long, Compared.Sdk.UploadPhotoRequest?, OpenApiSdk.FileContent?, OpenApiSdk.RequestOptions?, System.Threading.CancellationToken)",
                FormRequiredLost),
            ("3.0: Compared.Sdk.SwaggerTwoShopClient Compared.Sdk.SwaggerTwoShopClient.UploadPhotoAsync(long, Compared.Sdk.UploadPhotoRequest?, OpenApiSdk.FileContent?, OpenApiSdk.RequestOptions?, System.Threading.CancellationToken)",
                FormRequiredLost),
            ("3.0: Compared.Sdk.SwaggerTwoShopClient Compared.Sdk.SwaggerTwoShopClient.UploadPhotoWithResponseAsync(long, Compared.Sdk.UploadPhotoRequest?, OpenApiSdk.FileContent?, OpenApiSdk.RequestOptions?, System.Threading.CancellationToken)",
                FormRequiredLost),
        },
        ["azure-storage-2015-05-01-preview.json"] = new[]
        {
            ("3.0: Compared.Sdk.IStorageManagementClientClient.IStorageAccountsOperations Compared.Sdk.IStorageManagementClientClient.IStorageAccountsOperations.StorageAccountsListByResourceGroupNextPageAsync(string, OpenApiSdk.RequestOptions?, System.Threading.CancellationToken)",
                NextLinkNull),
            ("3.0: Compared.Sdk.IStorageManagementClientClient.IStorageAccountsOperations Compared.Sdk.IStorageManagementClientClient.IStorageAccountsOperations.StorageAccountsListNextPageAsync(string, OpenApiSdk.RequestOptions?, System.Threading.CancellationToken)",
                NextLinkNull),
            ("3.0: Compared.Sdk.StorageManagementClientClient.StorageAccountsOperations Compared.Sdk.StorageManagementClientClient.StorageAccountsOperations.StorageAccountsListByResourceGroupNextPageAsync(string, OpenApiSdk.RequestOptions?, System.Threading.CancellationToken)",
                NextLinkNull),
            ("3.0: Compared.Sdk.StorageManagementClientClient.StorageAccountsOperations Compared.Sdk.StorageManagementClientClient.StorageAccountsOperations.StorageAccountsListNextPageAsync(string, OpenApiSdk.RequestOptions?, System.Threading.CancellationToken)",
                NextLinkNull),
        },
    };

    private readonly ITestOutputHelper _output;

    public Swagger2ConversionTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Documents() => CorpusTests.Swagger2CorpusFiles();

    [SkippableTheory]
    [MemberData(nameof(Documents))]
    public void The_2_0_document_and_its_swagger2openapi_conversion_give_the_same_public_API(string fileName) =>
        Compare(Path.Combine(Requires.SharedSwagger2Specs(), fileName));

    /// <summary>This project's own 2.0 document: discriminator, x-nullable, file responses, forms, every collectionFormat.</summary>
    [SkippableFact]
    public void The_own_2_0_document_and_its_swagger2openapi_conversion_give_the_same_public_API() =>
        Compare(Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Generator.Tests", "Specs", "swagger2.yaml"));

    /// <summary>
    /// AutoRest's x-ms-parameterized-host (the client tests' Specs/azure-host.yaml): swagger2openapi also makes the host
    /// template the server URL and its parameters server variables, so both SDKs have the same options.
    /// </summary>
    [SkippableFact]
    public void The_parameterized_host_document_and_its_swagger2openapi_conversion_give_the_same_public_API() =>
        Compare(Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Generator.ClientTests", "Specs", "azure-host.yaml"));

    private void Compare(string path)
    {
        string fileName = Path.GetFileName(path);
        Requires.Node();
        Requires.NpmPackages(Folder);
        NpmFolder.EnsureInstalled(Folder);
        (int exit, string converted, string error) = NpmFolder.Run("node", new[] { Path.Combine(Folder, "convert.js"), path }, Folder, TimeSpan.FromMinutes(5));
        Assert.True(exit == 0, "swagger2openapi failed: " + error);

        GeneratorRun direct = GeneratorHarness.Run(new[] { new SpecFile(path, File.ReadAllText(path), "Compared.Sdk") });
        GeneratorRun conversion = GeneratorHarness.Run(new[] { new SpecFile("/converted/" + Path.GetFileNameWithoutExtension(fileName) + ".json", converted, "Compared.Sdk") });
        Assert.Empty(direct.CompileProblems);
        Assert.Empty(conversion.CompileProblems);

        SortedSet<string> directApi = PublicApi(direct.OutputCompilation);
        SortedSet<string> conversionApi = PublicApi(conversion.OutputCompilation);
        Assert.NotEmpty(directApi);
        var differences = directApi.Except(conversionApi).Select(l => "2.0: " + l)
            .Concat(conversionApi.Except(directApi).Select(l => "3.0: " + l))
            .OrderBy(l => l, StringComparer.Ordinal)
            .ToList();
        foreach (string line in differences)
        {
            _output.WriteLine(line);
        }

        var allowed = ConversionLosses.TryGetValue(fileName, out (string Line, string Reason)[]? losses) ? losses.Select(l => l.Line).ToList() : new List<string>();
        Assert.Equal(allowed.OrderBy(l => l, StringComparer.Ordinal), differences);
    }

    /// <summary>One line per public type (kind, name, base type) and per public member of it (its signature).</summary>
    private static SortedSet<string> PublicApi(Compilation compilation)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        INamespaceSymbol? ns = compilation.GlobalNamespace.GetNamespaceMembers().FirstOrDefault(n => n.Name == "Compared")?.GetNamespaceMembers().FirstOrDefault(n => n.Name == "Sdk");
        var types = new Stack<INamedTypeSymbol>(ns?.GetTypeMembers() ?? Enumerable.Empty<INamedTypeSymbol>());
        while (types.Count > 0)
        {
            INamedTypeSymbol type = types.Pop();
            if (type.DeclaredAccessibility != Accessibility.Public)
            {
                continue;
            }

            string name = type.ToDisplayString();
            lines.Add(type.TypeKind + " " + name + (type.BaseType is { SpecialType: not SpecialType.System_Object } baseType ? " : " + baseType.ToDisplayString() : string.Empty));
            foreach (ISymbol member in type.GetMembers())
            {
                if (member.DeclaredAccessibility != Accessibility.Public || member.IsImplicitlyDeclared)
                {
                    continue;
                }

                switch (member)
                {
                    case INamedTypeSymbol nested:
                        types.Push(nested);
                        break;
                    case IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet }:
                        break;
                    default:
                        lines.Add(name + " " + member.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat));
                        break;
                }
            }
        }

        return lines;
    }
}
