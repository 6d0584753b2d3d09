using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Events.Sdk;
using OpenApiSdk.Tests.Harness;
using Xunit;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// What a user's <c>await foreach</c> over a typed event stream costs in allocations through the generated client (issue 19:
/// no per-item allocation beyond the item model): the request, the stream's state and the enumeration are paid once per
/// stream, and each item allocates its model alone (the union holding the kind, the kind's event model, its <c>Data</c> (as
/// the data's UTF-8 bytes until it is read) and its typed payload).
/// </summary>
public sealed class TypedEventClientAllocationTests
{
    private const int Pairs = 500;

    [Fact]
    public void Reading_event_kinds_through_the_client_allocates_per_item_the_item_model_alone()
    {
        byte[] stream = TwoEventKinds.Stream(Pairs);
        using var http = new HttpClient(new EventStreamHandler(() => stream));
        var client = new EventsClient(http, new EventsClientOptions { BaseAddress = new Uri("http://localhost") });
        var read = new List<MessageEvent>(2 * Pairs);

        // One request whose stream is read whole, as await foreach does (the reads from memory complete on this thread).
        void ReadAll()
        {
            read.Clear();
            IAsyncEnumerator<MessageEvent> items = client.CreateMessageStreamingAsync().GetAsyncEnumerator();
            while (Wait(items.MoveNextAsync()))
            {
                read.Add(items.Current);
            }

            items.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        long perPair = Allocated(ReadAll) / Pairs;

        TwoEventKinds.PairModel model = TwoEventKinds.ItemModel(Allocated);

        // A union object is the value it holds and two ints: its shape is its type's, and JSON that fits no kind is kept in the
        // value's place.
        Assert.InRange(model.Unions, 0, 2 * 40);
        Assert.Equal(2 * Pairs, read.Count);
        Assert.All(read, e => Assert.Empty(e.Validate()));
        Assert.Equal(("msg_1", "token"), (read[0].AsMessageStartEvent!.DataPayload!.Id, read[1].AsContentDeltaEvent!.DataPayload!.Text));

        // The request (message, headers, response, timeout) and the stream's buffers and enumerator, shared by its 1,000
        // items: within 24 B an item. A choice of kind that allocated (a name, a tag's bytes) would be tens of bytes an item.
        Assert.InRange(perPair - model.Total, 0, 2 * 24);
    }

    private static bool Wait(ValueTask<bool> next) => next.IsCompletedSuccessfully ? next.Result : next.AsTask().GetAwaiter().GetResult();

    /// <summary>The bytes <paramref name="read"/> allocates on this thread, on average over 100 runs after 20 to warm up.</summary>
    private static long Allocated(Action read) => AllocatedBytes.PerCall(read, warmUps: 20, runs: 100);
}
