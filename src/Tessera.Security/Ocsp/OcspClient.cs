using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;

namespace Tessera.Security.Ocsp;

/// <summary>
/// Asks an OCSP responder about one certificate over HTTP POST (RFC 6960 Appendix A) and verifies the
/// answer. Network and verification problems become soft failures, never exceptions, so that a caller
/// can soft-fail as the OCSP driver spec asks while still refusing a verified Revoked.
/// </summary>
public sealed class OcspClient
{
    /// <summary>The OCSP driver spec's default when no client-side operation timeout applies.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    private const int MaxResponseBytes = 1 << 20;

    private readonly HttpClient _http;
    private readonly OcspResponseVerifier _verifier;
    private readonly OcspResponseCache? _cache;
    private readonly TimeSpan _timeout;

    /// <param name="http">Shared and owned by the caller; its own Timeout should be at least <paramref name="timeout"/>.</param>
    /// <param name="verifier">Checks responses; defaults to the system clock with the default skew.</param>
    /// <param name="cache">Consulted before asking and filled with conclusive answers; none when null.</param>
    /// <param name="timeout">For the whole exchange (connect, send, receive); defaults to <see cref="DefaultTimeout"/>.</param>
    public OcspClient(HttpClient http, OcspResponseVerifier? verifier = null, OcspResponseCache? cache = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        _verifier = verifier ?? new OcspResponseVerifier();
        _cache = cache;
        _timeout = timeout ?? DefaultTimeout;
    }

    public async Task<OcspQueryResult> QueryAsync(Uri responder, X509Certificate2 certificate, X509Certificate2 issuer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responder);
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(issuer);
        var id = OcspCertificateId.For(certificate, issuer);
        if (_cache?.Find(id) is { } cached)
        {
            return OcspQueryResult.Answered(cached);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        byte[] body;
        try
        {
            using var content = new ByteArrayContent(OcspRequestEncoder.Encode(id));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/ocsp-request");
            using var answer = await _http.PostAsync(responder, content, deadline.Token).ConfigureAwait(false);
            if (!answer.IsSuccessStatusCode)
            {
                return OcspQueryResult.Failed(
                    OcspSoftFailure.HttpError,
                    $"The OCSP responder {responder} answered HTTP {(int)answer.StatusCode} {answer.ReasonPhrase}.");
            }

            body = await ReadLimitedAsync(answer.Content, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return OcspQueryResult.Failed(
                OcspSoftFailure.Timeout,
                $"The OCSP responder {responder} did not answer within {_timeout.TotalSeconds:0.###} s.");
        }
        catch (HttpRequestException e)
        {
            return OcspQueryResult.Failed(OcspSoftFailure.Unreachable, $"The OCSP responder {responder} cannot be reached: {e.Message}");
        }
        catch (InvalidDataException e)
        {
            return OcspQueryResult.Failed(OcspSoftFailure.InvalidResponse, $"The OCSP responder {responder} sent an unusable answer: {e.Message}.");
        }
        catch (IOException e)
        {
            return OcspQueryResult.Failed(OcspSoftFailure.Unreachable, $"The OCSP responder {responder} broke the connection: {e.Message}");
        }

        try
        {
            var verified = _verifier.Verify(body, certificate, issuer);
            _cache?.Store(verified);
            return OcspQueryResult.Answered(verified);
        }
        catch (OcspVerificationException e)
        {
            return OcspQueryResult.Failed(OcspSoftFailure.InvalidResponse, $"The OCSP responder {responder} sent an unusable answer ({e.Failure}): {e.Message}");
        }
    }

    /// <summary>Reads at most 1 MiB: an OCSP response is a few kilobytes, and a responder must not exhaust memory.</summary>
    private static async Task<byte[]> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxResponseBytes)
                {
                    throw new InvalidDataException($"the answer exceeds {MaxResponseBytes} bytes, and an OCSP response is a few kilobytes");
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }
}
