using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using TaurusDb.StarRocks;
using Xunit;

namespace OpenApiSdk.ClientTests;

/// <summary>Where requests go, and the IHttpClientFactory registration.</summary>
public sealed class ClientSetupTests
{
    [Fact]
    public async Task Without_a_base_address_requests_go_to_the_specs_server_with_its_endpoint_variable()
    {
        var handler = new CapturingHandler();
        using var http = new HttpClient(handler);

        await new StarRocksClient(http).CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, CreateStarRocksInstanceRequest.FromJson(SeedPage.ExampleRequest));
        await new StarRocksClient(http, new StarRocksClientOptions { Endpoint = "gaussdb.eu-west-101.myhuaweicloud.eu" })
            .CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, CreateStarRocksInstanceRequest.FromJson(SeedPage.ExampleRequest));

        // servers: - url: https://{endpoint}, default gaussdb.ap-southeast-1.myhuaweicloud.com
        Assert.Equal("https://gaussdb.ap-southeast-1.myhuaweicloud.com" + SeedPage.ExamplePath, handler.Uris[0].AbsoluteUri);
        Assert.Equal("https://gaussdb.eu-west-101.myhuaweicloud.eu" + SeedPage.ExamplePath, handler.Uris[1].AbsoluteUri);
    }

    [Fact]
    public async Task The_HttpClient_base_address_is_used_when_the_options_give_none_and_a_base_path_is_kept()
    {
        var handler = new CapturingHandler();
        using var http = new HttpClient(handler) { BaseAddress = new Uri("http://gateway.local/starrocks-api/") };

        await new StarRocksClient(http, new StarRocksClientOptions { Token = "t" })
            .CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, CreateStarRocksInstanceRequest.FromJson(SeedPage.ExampleRequest));

        Assert.Equal("http://gateway.local/starrocks-api" + SeedPage.ExamplePath, handler.Uris.Single().AbsoluteUri);
    }

    [Fact]
    public async Task The_service_collection_registration_gives_a_typed_client_that_talks_to_the_server()
    {
        await using TestServer server = await TestServer.StartAsync();
        server.Answer(new Reply(201, SeedPage.ExampleResponse));
        var services = new ServiceCollection();
        services.AddStarRocksClient(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.Token = "di-token";
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        IStarRocksClient client = provider.GetRequiredService<IStarRocksClient>();
        CreateStarRocksInstanceResponse response = await client.CreateStarRocksInstanceAsync(SeedPage.ProjectId, SeedPage.InstanceId, CreateStarRocksInstanceRequest.FromJson(SeedPage.ExampleRequest));

        Assert.Equal("590031445ef845bb912d7fc8243db80cin17", response.Instance!.Id);
        Assert.Equal("di-token", Assert.Single(server.Requests).Headers["X-Auth-Token"]);
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public System.Collections.Generic.List<Uri> Uris { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uris.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent(SeedPage.ExampleResponse) });
        }
    }
}
