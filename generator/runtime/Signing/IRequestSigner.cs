using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OpenApiSdk.Signing;

/// <summary>
/// Signs a request before it is sent: set as the client options' <c>Signer</c>, it runs for every attempt of every call
/// (after the client's PrepareRequestAsync hook), so a retry is signed again with a fresh date.
/// </summary>
public interface IRequestSigner
{
    /// <summary>Adds the signature (and whatever headers it covers) to the complete request.</summary>
    ValueTask SignAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}
