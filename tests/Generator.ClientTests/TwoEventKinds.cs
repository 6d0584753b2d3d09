using System;
using System.Text;
using Events.Sdk;

namespace OpenApiSdk.ClientTests;

/// <summary>
/// The stream the typed-event allocation tests read: two kinds of tests/Generator.Tests/Specs/events-32.yaml taking turns
/// (<c>message_start</c>, <c>content_block_delta</c>: a oneOf of event objects chosen by the event name's const), and what
/// the item model of one such pair allocates.
/// </summary>
internal static class TwoEventKinds
{
    public const string Start = "{\"id\":\"msg_1\",\"model\":\"m\"}";
    public const string Delta = "{\"index\":1,\"text\":\"token\"}";

    public static byte[] Stream(int pairs)
    {
        var text = new StringBuilder();
        for (int i = 0; i < pairs; i++)
        {
            text.Append("event: message_start\ndata: ").Append(Start).Append("\n\nevent: content_block_delta\ndata: ").Append(Delta).Append("\n\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// The item model of one pair, each part measured with <paramref name="allocated"/>: the union objects holding the kinds,
    /// the kinds' event models, their <c>Data</c> (as the data's UTF-8 bytes until it is read) and their typed payloads.
    /// </summary>
    public static PairModel ItemModel(Func<Action, long> allocated)
    {
        byte[] startBytes = Encoding.UTF8.GetBytes(Start);
        byte[] deltaBytes = Encoding.UTF8.GetBytes(Delta);
        var startEvent = new MessageStartEvent();
        var deltaEvent = new ContentDeltaEvent();
        return new PairModel(
            Unions: allocated(() => _ = MessageEvent.FromMessageStartEvent(startEvent)) + allocated(() => _ = MessageEvent.FromContentDeltaEvent(deltaEvent)),
            Events: allocated(() => _ = new MessageStartEvent()) + allocated(() => _ = new ContentDeltaEvent()),
            Texts: allocated(() => _ = startBytes.AsSpan().ToArray()) + allocated(() => _ = deltaBytes.AsSpan().ToArray()),
            Payloads: allocated(() => MessageStart.FromJson(startBytes)) + allocated(() => ContentDelta.FromJson(deltaBytes)));
    }

    /// <summary>What one pair's item model allocates, by part.</summary>
    public readonly record struct PairModel(long Unions, long Events, long Texts, long Payloads)
    {
        public long Total => Unions + Events + Texts + Payloads;
    }
}
