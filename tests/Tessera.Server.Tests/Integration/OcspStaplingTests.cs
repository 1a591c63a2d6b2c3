using System.Diagnostics;
using Tessera.Security.Files;
using Tessera.Server.Hosting;
using Tessera.Server.Logging;
using Tessera.Server.Tests.Support;
using Tessera.Testing.Ocsp;

namespace Tessera.Server.Tests.Integration;

/// <summary>
/// The server staples an OCSP response for its own certificate, fetched in the background from the responder its
/// certificate names, as `openssl s_client -status` sees it; with a real HTTP responder on loopback.
/// </summary>
public sealed class OcspStaplingTests : IClassFixture<TestPki>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly TestPki _pki;
    private readonly StaplingCertificates _certificates;

    public OcspStaplingTests(TestPki pki)
    {
        _pki = pki;
        _certificates = new StaplingCertificates(pki);
    }

    public void Dispose() => _certificates.Dispose();

    [Theory]
    [InlineData("-tls1_3")]
    [InlineData("-tls1_2")]
    public async Task A_good_answer_is_stapled(string version)
    {
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = _certificates.Ca });
        await using var server = await StartAsync(_certificates.Server(responder.Url));

        var output = await WaitForStapleAsync(server, "Cert Status: good", version);

        Assert.Contains("OCSP Response Status: successful", output, StringComparison.Ordinal);
        Assert.True(server.Logged(577163, e => Equals(e.Attributes["status"], "good") && e.Severity == LogSeverity.Info));
    }

    [Fact]
    public async Task A_revoked_answer_is_stapled_and_logged_as_an_error_with_the_fix()
    {
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = _certificates.Ca, Status = TestOcspAnswer.Revoked });
        await using var server = await StartAsync(_certificates.Server(responder.Url));

        await WaitForStapleAsync(server, "Cert Status: revoked");

        var line = Assert.Single(server.Log, e => e.Id == 577163);
        Assert.Equal(LogSeverity.Error, line.Severity);
        Assert.Equal("revoked", line.Attributes["status"]);
        Assert.Contains("issue a new certificate", (string)line.Attributes["fix"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_ocspEnabled_false_nothing_is_stapled_and_the_responder_is_never_asked()
    {
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = _certificates.Ca });
        await using (var server = await StartAsync(_certificates.Server(responder.Url), s => s with { Stapling = s.Stapling with { Enabled = false } }))
        {
            Assert.Contains("OCSP response: no response sent", await StatusAsync(server), StringComparison.Ordinal);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(0, responder.RequestCount);
    }

    [Fact]
    public async Task A_hanging_responder_delays_neither_start_up_nor_handshakes_nor_shutdown()
    {
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = _certificates.Ca, Status = TestOcspAnswer.Hang });
        var timeout = TimeSpan.FromSeconds(30);
        var clock = Stopwatch.StartNew();
        var server = await StartAsync(_certificates.Server(responder.Url), s => s with { Stapling = s.Stapling with { ResponderTimeout = timeout } });
        try
        {
            // Logical, not a benchmark: had start-up waited for the responder, it would have taken the whole timeout.
            Assert.True(clock.Elapsed < timeout / 2, $"start-up took {clock.Elapsed}");
            await WaitUntilAsync(() => responder.RequestCount > 0);

            var output = await StatusAsync(server);

            Assert.Contains("OCSP response: no response sent", output, StringComparison.Ordinal);
            Assert.Contains("Verify return code", output, StringComparison.Ordinal);
        }
        finally
        {
            clock.Restart();
            await server.DisposeAsync();
        }

        Assert.True(clock.Elapsed < timeout / 2, $"shutdown waited {clock.Elapsed} for the hanging responder");
    }

    [Fact]
    public async Task A_slow_responder_is_logged_and_its_failure_retried()
    {
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = _certificates.Ca, Status = TestOcspAnswer.Hang });
        await using var server = await StartAsync(_certificates.Server(responder.Url), s => s with
        {
            Stapling = s.Stapling with { ResponderTimeout = TimeSpan.FromSeconds(1), SlowResponderWarning = TimeSpan.FromMilliseconds(500) },
        });

        await WaitUntilAsync(() => server.Logged(23233));

        Assert.True(server.Logged(4780400, e => Equals(e.Attributes["responder"], responder.Url.AbsoluteUri)));
        var failure = server.Log.First(e => e.Id == 23233);
        Assert.Contains("did not answer within 1 s", (string)failure.Attributes["reason"]!, StringComparison.Ordinal);
        Assert.Equal(2.0, failure.Attributes["retryInSecs"]);
    }

    [Fact]
    public async Task A_must_staple_certificate_with_ocspEnabled_false_is_a_startup_warning()
    {
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = _certificates.Ca });
        await using var server = await StartAsync(_certificates.Server(responder.Url, mustStaple: true), s => s with { Stapling = s.Stapling with { Enabled = false } });

        Assert.Single(server.Context.Log.StartupWarnings, w => w.Contains("must-staple", StringComparison.Ordinal) && w.Contains("ocspEnabled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_responder_that_recovers_is_picked_up_by_a_retry()
    {
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = _certificates.Ca, Status = TestOcspAnswer.Garbage });
        await using var server = await StartAsync(_certificates.Server(responder.Url),
            s => s with { Stapling = s.Stapling with { RefreshPeriod = TimeSpan.FromSeconds(1) } });
        await WaitUntilAsync(() => server.Logged(23233));
        Assert.Contains("OCSP response: no response sent", await StatusAsync(server), StringComparison.Ordinal);

        responder.Response = new TestOcspResponse { Signer = _certificates.Ca };

        await WaitForStapleAsync(server, "Cert Status: good");
        var failure = server.Log.First(e => e.Id == 23233);
        Assert.Contains("unusable answer", (string)failure.Attributes["reason"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refresh_replaces_the_staple_before_nextUpdate()
    {
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = _certificates.Ca });
        await using var server = await StartAsync(_certificates.Server(responder.Url),
            s => s with { Stapling = s.Stapling with { RefreshPeriod = TimeSpan.FromSeconds(1) } });
        await WaitForStapleAsync(server, "Cert Status: good");

        responder.Response = new TestOcspResponse { Signer = _certificates.Ca, Status = TestOcspAnswer.Revoked };

        await WaitForStapleAsync(server, "Cert Status: revoked");
    }

    [Fact]
    public async Task A_response_is_not_stapled_once_its_nextUpdate_has_passed()
    {
        var nextUpdate = DateTimeOffset.UtcNow.AddSeconds(4);
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = _certificates.Ca, NextUpdate = nextUpdate });
        await using var server = await StartAsync(_certificates.Server(responder.Url));
        await WaitForStapleAsync(server, "Cert Status: good");

        await Task.Delay(nextUpdate - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(500));

        Assert.Contains("OCSP response: no response sent", await StatusAsync(server), StringComparison.Ordinal);
        Assert.True(server.Logged(4633601) || server.Logged(23233));
    }

    [Fact]
    public async Task An_answer_that_has_already_expired_is_never_stapled()
    {
        await using var responder = TestOcspResponder.Start(new TestOcspResponse
        {
            Signer = _certificates.Ca,
            ThisUpdate = DateTimeOffset.UtcNow.AddHours(-2),
            NextUpdate = DateTimeOffset.UtcNow.AddHours(-1),
        });
        await using var server = await StartAsync(_certificates.Server(responder.Url));

        await WaitUntilAsync(() => server.Logged(23233));

        Assert.Contains("OCSP response: no response sent", await StatusAsync(server), StringComparison.Ordinal);
        Assert.Contains("Expired", (string)server.Log.First(e => e.Id == 23233).Attributes["reason"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_answer_is_not_stapled()
    {
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = _certificates.Ca, Status = TestOcspAnswer.Unknown });
        await using var server = await StartAsync(_certificates.Server(responder.Url));

        await WaitUntilAsync(() => server.Logged(23233));

        Assert.Contains("OCSP response: no response sent", await StatusAsync(server), StringComparison.Ordinal);
        Assert.Contains("status unknown", (string)server.Log.First(e => e.Id == 23233).Attributes["reason"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_issuer_is_found_among_the_key_files_intermediates()
    {
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = _certificates.Intermediate });
        await using var server = await StartAsync(_certificates.Server(responder.Url, viaIntermediate: true));

        await WaitForStapleAsync(server, "Cert Status: good");
    }

    [Fact]
    public async Task An_answer_signed_by_a_delegated_responder_is_stapled()
    {
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = _certificates.DelegatedResponder });
        await using var server = await StartAsync(_certificates.Server(responder.Url));

        await WaitForStapleAsync(server, "Cert Status: good");
    }

    [Fact]
    public async Task Without_the_issuer_nothing_is_stapled_and_the_warning_names_the_fix()
    {
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = _certificates.Intermediate });
        await using (var server = await StartAsync(_certificates.Server(responder.Url, viaIntermediate: true, intermediateInFile: false)))
        {
            var warning = Assert.Single(server.Log, e => e.Id == 5512202);
            Assert.Contains("append the issuing CA's certificate", (string)warning.Attributes["reason"]!, StringComparison.Ordinal);
            Assert.Single(server.Context.Log.StartupWarnings, w => w.Contains("5512202", StringComparison.Ordinal));
        }

        Assert.Equal(0, responder.RequestCount);
    }

    private async Task<RunningServer> StartAsync(string certificateFile, Func<ServerSetup, ServerSetup>? adjust = null) =>
        await RunningServer.StartAsync(_pki, s =>
        {
            s = s with { ServerCertificate = CertificateKeyFile.Load(certificateFile, null) };
            return adjust?.Invoke(s) ?? s;
        });

    /// <summary>What `openssl s_client -status` printed about the server's stapled OCSP response (as alice).</summary>
    private async Task<string> StatusAsync(RunningServer server, string version = "-tls1_3") =>
        await OpenSslClient.RunAsync(server.Port, [version, "-status", "-cert", _pki.Alice, "-key", _pki.Alice, "-CAfile", _pki.CaFile]);

    private async Task<string> WaitForStapleAsync(RunningServer server, string expected, string version = "-tls1_3")
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        string output;
        do
        {
            output = await StatusAsync(server, version);
            if (output.Contains(expected, StringComparison.Ordinal))
            {
                return output;
            }

            await Task.Delay(200);
        }
        while (DateTimeOffset.UtcNow < deadline);

        Assert.Fail($"No staple with '{expected}' within {Patience.TotalSeconds} s; s_client printed:\n{output}\nlog:\n{string.Join('\n', server.Log.Select(ServerLog.Render))}");
        return output;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the condition did not hold in time");
            await Task.Delay(50);
        }
    }
}
