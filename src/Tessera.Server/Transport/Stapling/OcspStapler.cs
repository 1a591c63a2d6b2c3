using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Ocsp;
using Tessera.Tls;

namespace Tessera.Server.Transport.Stapling;

/// <summary>
/// The OCSP response the server staples for its own certificate, kept fresh in the background: fetched once the
/// server starts (start-up never waits for it), fetched again before its nextUpdate, retried with a bounded backoff
/// when the responder fails, and stapled only while current. A response that has reached its nextUpdate is never
/// stapled, even when no newer one could be fetched: a stale staple would make strict clients refuse the server.
/// </summary>
internal sealed class OcspStapler : IStapledResponseSource, IAsyncDisposable
{
    private readonly X509Certificate2 _certificate;
    private readonly X509Certificate2 _issuer;
    private readonly StaplingSettings _settings;
    private readonly StaplingLog _log;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private HttpClient? _http;
    private Task _loop = Task.CompletedTask;
    private Held? _held;

    internal OcspStapler(X509Certificate2 certificate, X509Certificate2 issuer, IReadOnlyList<Uri> responders, StaplingSettings settings, StaplingLog log, TimeProvider? time = null)
    {
        _certificate = certificate;
        _issuer = issuer;
        Responders = responders;
        _settings = settings;
        _log = log;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The certificate's OCSP responders (AIA), asked in this order.</summary>
    public IReadOnlyList<Uri> Responders { get; }

    /// <summary>The DER response to staple now: the last one fetched while before its nextUpdate, else null.</summary>
    public byte[]? Current
    {
        get
        {
            var held = Volatile.Read(ref _held);
            return held is not null && _time.GetUtcNow() < held.NextUpdate ? held.Der : null;
        }
    }

    /// <summary>Starts fetching in the background and returns at once.</summary>
    public void Start()
    {
        if (_http is not null)
        {
            throw new InvalidOperationException("The stapler is already running.");
        }

        // No proxy beyond the environment's (as mongod's curl), no cache: each fetch must reach the responder.
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = _settings.ResponderTimeout }) { Timeout = Timeout.InfiniteTimeSpan };
        var client = new OcspClient(_http, new OcspResponseVerifier(_time), cache: null, timeout: _settings.ResponderTimeout);
        var fetcher = new StapleFetcher(client, _certificate, _issuer, Responders, _settings.SlowResponderWarning, _log);
        _log.Started(Responders);
        _loop = Task.Run(() => RunAsync(fetcher, _stop.Token));
    }

    /// <summary>Stops the background fetch (an exchange in flight is abandoned) and waits for it to end.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _http?.Dispose();
        _stop.Dispose();
        _issuer.Dispose();
    }

    private async Task RunAsync(StapleFetcher fetcher, CancellationToken stop)
    {
        var backoff = new RetryBackoff(_settings.FirstRetry, _settings.MaxRetry);
        while (!stop.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var (response, responder, failure) = await fetcher.FetchAsync(stop).ConfigureAwait(false);
                wait = response is not null && responder is not null
                    ? Keep(response, responder, backoff)
                    : Retry(failure ?? "no responder answered", backoff);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // whatever breaks one fetch, the loop must go on: a dead loop would silently stop stapling
            catch (Exception e)
#pragma warning restore CA1031
            {
                wait = Retry($"fetching the OCSP response failed: {e.GetType().Name}: {e.Message}", backoff);
            }

            try
            {
                await Task.Delay(wait, _time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private TimeSpan Keep(OcspVerifiedResponse response, Uri responder, RetryBackoff backoff)
    {
        if (response.NextUpdate is not { } nextUpdate)
        {
            // Without nextUpdate a response would be "current" forever: mongod does not staple it, nor does Tessera.
            _log.NoNextUpdate(responder);
            return Retry(null, backoff);
        }

        Volatile.Write(ref _held, new Held(nextUpdate, response.Der.ToArray()));
        backoff.Reset();
        var wait = RefreshSchedule.After(response, _time.GetUtcNow(), _settings);
        _log.Fetched(response, responder, wait);
        return wait;
    }

    /// <summary>Logs the failure (when there is a reason to log) and says when to try again; the held response stays while current.</summary>
    private TimeSpan Retry(string? reason, RetryBackoff backoff)
    {
        var wait = RefreshSchedule.AfterFailure(backoff, _settings);
        var now = _time.GetUtcNow();
        var held = Volatile.Read(ref _held);
        var stillCurrent = held is not null && now < held.NextUpdate;
        if (reason is not null)
        {
            _log.Failed(reason, wait, stillCurrent);
        }

        if (held is { ExpiryLogged: false } && held.NextUpdate <= now + wait)
        {
            held.ExpiryLogged = true;
            _log.Expiring(held.NextUpdate);
        }

        return wait;
    }

    /// <summary>A fetched response, kept as the bytes to staple and the moment they stop being current.</summary>
    private sealed class Held(DateTimeOffset nextUpdate, byte[] der)
    {
        public DateTimeOffset NextUpdate { get; } = nextUpdate;

        public byte[] Der { get; } = der;

        public bool ExpiryLogged { get; set; }
    }
}
