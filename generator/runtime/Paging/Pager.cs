using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace OpenApiSdk.Runtime;

/// <summary>
/// The loops behind the generated <c>{Operation}ItemsAsync</c> methods: each fetches one page at a time, only when the
/// caller asks for the next item, and yields the items of every page. The generated code supplies how a page is fetched
/// (a call of the generated operation) and read (its item array and its paging members).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Pager
{
    /// <summary>
    /// Offset/limit paging: the first page at offset 0, the next at offset + the number of items received, until a page is
    /// empty or, when the page tells the total count of matches, the offset reaches it.
    /// </summary>
    /// <param name="fetch">Fetches the page that skips <c>offset</c> items.</param>
    /// <param name="items">The page's items (null counts as none).</param>
    /// <param name="total">The page's total count of matches, null when it has none.</param>
    /// <param name="cancellationToken">Stops the enumeration; also passed to <paramref name="fetch"/>.</param>
    public static async IAsyncEnumerable<TItem> OffsetAsync<TPage, TItem>(
        Func<long, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, long?> total,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Guard.NotNull(fetch, nameof(fetch));
        Guard.NotNull(items, nameof(items));
        Guard.NotNull(total, nameof(total));
        long offset = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TPage page = await fetch(offset, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<TItem>? received = items(page);
            if (received is null || received.Count == 0)
            {
                yield break;
            }

            foreach (TItem item in received)
            {
                yield return item;
            }

            offset += received.Count;
            if (total(page) is { } count && offset >= count)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// Cursor paging (Stripe's lists): the first page without a cursor, each next one after the last item received, while the
    /// page says there are more.
    /// </summary>
    /// <param name="fetch">Fetches the page after the cursor (null: the first page).</param>
    /// <param name="items">The page's items (null counts as none).</param>
    /// <param name="hasMore">True when the page says more items follow.</param>
    /// <param name="cursorOf">The cursor an item gives for the page after it (its id).</param>
    /// <param name="cancellationToken">Stops the enumeration; also passed to <paramref name="fetch"/>.</param>
    public static async IAsyncEnumerable<TItem> CursorAsync<TPage, TItem>(
        Func<string?, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, bool> hasMore,
        Func<TItem, string?> cursorOf,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Guard.NotNull(fetch, nameof(fetch));
        Guard.NotNull(items, nameof(items));
        Guard.NotNull(hasMore, nameof(hasMore));
        Guard.NotNull(cursorOf, nameof(cursorOf));

        string? cursor = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TPage page = await fetch(cursor, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<TItem>? received = items(page);
            if (received is null || received.Count == 0)
            {
                yield break;
            }

            foreach (TItem item in received)
            {
                yield return item;
            }

            string? next = cursorOf(received[received.Count - 1]);
            if (!hasMore(page) || next is null || next == cursor)
            {
                yield break; // a cursor that does not move would fetch the same page forever
            }

            cursor = next;
        }
    }

    /// <summary>
    /// Next-link paging (Azure's <c>x-ms-pageable</c>): the first page from the operation, each next one from the URL the
    /// previous page gives, until a page gives none.
    /// </summary>
    /// <param name="first">Fetches the first page.</param>
    /// <param name="next">Fetches the page at a next link.</param>
    /// <param name="items">The page's items (null counts as none).</param>
    /// <param name="nextLink">The page's next link, null or empty on the last page.</param>
    /// <param name="cancellationToken">Stops the enumeration; also passed to the fetches.</param>
    public static async IAsyncEnumerable<TItem> NextLinkAsync<TPage, TItem>(
        Func<CancellationToken, Task<TPage>> first,
        Func<string, CancellationToken, Task<TPage>> next,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, string?> nextLink,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Guard.NotNull(first, nameof(first));
        Guard.NotNull(next, nameof(next));
        Guard.NotNull(items, nameof(items));
        Guard.NotNull(nextLink, nameof(nextLink));

        cancellationToken.ThrowIfCancellationRequested();
        TPage page = await first(cancellationToken).ConfigureAwait(false);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            IReadOnlyList<TItem>? received = items(page);
            if (received is not null)
            {
                foreach (TItem item in received)
                {
                    yield return item;
                }
            }

            string? link = nextLink(page);
            if (string.IsNullOrEmpty(link) || !seen.Add(link!))
            {
                yield break; // a link seen before would loop
            }

            cancellationToken.ThrowIfCancellationRequested();
            page = await next(link!, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The absolute URL of a next link: a relative link is resolved against the URL of the client's base address. A link to
    /// another origin (scheme, host, port) is refused, since the request would carry the client's credentials there.
    /// </summary>
    /// <exception cref="InvalidOperationException">The link is not an http(s) URL on the base address's origin.</exception>
    public static Uri NextLinkUri(string baseUrl, string link)
    {
        var baseUri = new Uri(baseUrl.Length > 0 && baseUrl[baseUrl.Length - 1] == '/' ? baseUrl : baseUrl + "/", UriKind.Absolute);
        if (!Uri.TryCreate(baseUri, link, out Uri? resolved) || (resolved.Scheme != Uri.UriSchemeHttp && resolved.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException("The next link of the page is not an http(s) URL.");
        }

        if (!string.Equals(resolved.Scheme, baseUri.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(resolved.Host, baseUri.Host, StringComparison.OrdinalIgnoreCase)
            || resolved.Port != baseUri.Port)
        {
            throw new InvalidOperationException("The next link of the page points to another origin than the client's base address (" + baseUri.GetLeftPart(UriPartial.Authority) + "); it is not followed, so the client's credentials stay with that origin.");
        }

        return resolved;
    }
}
