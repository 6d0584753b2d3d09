using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenApiSdk.Runtime;
using Xunit;

namespace OpenApiSdk.RuntimeTests;

public class PagerTests
{
    private sealed record Page(List<string>? Items, long? Total = null, bool More = false, string? Next = null);

    private static async Task<List<T>> All<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }

    [Fact]
    public async Task Offset_paging_moves_by_the_items_received_and_stops_at_the_total()
    {
        var offsets = new List<long>();
        string[] all = { "a", "b", "c", "d", "e" };
        List<string> items = await All(Pager.OffsetAsync<Page, string>(
            (offset, _) =>
            {
                offsets.Add(offset);
                return Task.FromResult(new Page(all.Skip((int)offset).Take(2).ToList(), all.Length));
            },
            p => p.Items,
            p => p.Total));

        Assert.Equal(all, items);
        Assert.Equal(new long[] { 0, 2, 4 }, offsets);
    }

    [Fact]
    public async Task Offset_paging_without_a_total_stops_at_an_empty_or_missing_page()
    {
        var offsets = new List<long>();
        List<string> items = await All(Pager.OffsetAsync<Page, string>(
            (offset, _) =>
            {
                offsets.Add(offset);
                return Task.FromResult(new Page(offset == 0 ? new List<string> { "a" } : null));
            },
            p => p.Items,
            p => p.Total));

        Assert.Equal(new[] { "a" }, items);
        Assert.Equal(new long[] { 0, 1 }, offsets);
    }

    [Fact]
    public async Task Cursor_paging_stops_when_the_cursor_does_not_move_even_if_the_page_says_more()
    {
        var cursors = new List<string?>();
        List<string> items = await All(Pager.CursorAsync<Page, string>(
            (cursor, _) =>
            {
                cursors.Add(cursor);
                return Task.FromResult(new Page(new List<string> { "x" }, More: true)); // a broken server: always the same page
            },
            p => p.Items,
            p => p.More,
            item => item));

        Assert.Equal(new[] { "x", "x" }, items);
        Assert.Equal(new[] { null, "x" }, cursors);
    }

    [Fact]
    public async Task Next_link_paging_stops_at_a_link_it_has_followed_before()
    {
        var links = new List<string>();
        List<string> items = await All(Pager.NextLinkAsync<Page, string>(
            _ => Task.FromResult(new Page(new List<string> { "1" }, Next: "/p2")),
            (link, _) =>
            {
                links.Add(link);
                return Task.FromResult(link == "/p2" ? new Page(new List<string> { "2" }, Next: "/p3") : new Page(new List<string> { "3" }, Next: "/p2"));
            },
            p => p.Items,
            p => p.Next));

        Assert.Equal(new[] { "1", "2", "3" }, items);
        Assert.Equal(new[] { "/p2", "/p3" }, links);
    }

    [Fact]
    public async Task Nothing_is_fetched_until_the_enumeration_starts_and_a_cancelled_token_stops_it()
    {
        int fetches = 0;
        IAsyncEnumerable<string> items = Pager.OffsetAsync<Page, string>(
            (_, _) =>
            {
                fetches++;
                return Task.FromResult(new Page(new List<string> { "a" }, 100));
            },
            p => p.Items,
            p => p.Total);
        Assert.Equal(0, fetches);

        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (string item in items.WithCancellation(cancellation.Token))
            {
                Assert.Fail("no item is expected, got " + item);
            }
        });
        Assert.Equal(0, fetches);
    }

    [Theory]
    [InlineData("http://api.example/v1", "/v1/items?page=2", "http://api.example/v1/items?page=2")]
    [InlineData("http://api.example/v1", "items?page=2", "http://api.example/v1/items?page=2")]
    [InlineData("https://api.example:8443/", "https://api.example:8443/x?$skiptoken=a", "https://api.example:8443/x?$skiptoken=a")]
    [InlineData("https://API.example", "https://api.example/x", "https://api.example/x")]
    public void A_next_link_on_the_base_addresss_origin_is_resolved_RFC_3986(string baseUrl, string link, string expected)
    {
        Assert.Equal(expected, Pager.NextLinkUri(baseUrl, link).AbsoluteUri);
    }

    [Theory]
    [InlineData("https://api.example", "https://evil.example/x")]
    [InlineData("https://api.example", "http://api.example/x")]        // another scheme: another origin (RFC 6454)
    [InlineData("https://api.example", "https://api.example:444/x")]   // another port
    [InlineData("https://api.example", "//evil.example/x")]           // a network-path reference
    [InlineData("https://api.example", "file:///etc/passwd")]
    public void A_next_link_to_another_origin_or_scheme_is_refused(string baseUrl, string link)
    {
        Assert.Throws<InvalidOperationException>(() => Pager.NextLinkUri(baseUrl, link));
    }
}
