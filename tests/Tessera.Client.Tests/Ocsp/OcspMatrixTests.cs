using System.Net;
using System.Net.Sockets;
using MongoDB.Bson;
using MongoDB.Driver;
using Tessera.Client.Connection;
using Tessera.Client.Driver;
using Tessera.Testing;
using Tessera.Testing.Ocsp;
using Xunit.Abstractions;

namespace Tessera.Client.Tests.Ocsp;

/// <summary>
/// The OCSP spec's integration matrix (client-behavior.md §4.4, ocsp-support/tests/README.md) against `tessera serve`:
/// each of the 24 cases starts its own responder (before the server, whose certificate's AIA names it), its own server,
/// and pings it under the three URI rows with both Tessera's connection and MongoDB.Driver configured by DriverSettings,
/// every client fresh (OCSP answers are cached per client; each case also has its own server certificate). Only the
/// tls=true row may fail, and then because of OCSP. Each case also checks its own set-up (what the server staples, seen
/// by <see cref="StapleProbe"/>) and whom the clients asked: never the responder under tlsInsecure or
/// tlsAllowInvalidCertificates, always the responder under tls=true when there is no staple and no Must-Staple.
/// </summary>
public sealed class OcspMatrixTests : IClassFixture<OcspMatrixPki>
{
    private static readonly TimeSpan ServerSelectionTimeout = TimeSpan.FromSeconds(3);

    private static readonly string[] Rows = ["", "tlsInsecure=true", "tlsAllowInvalidCertificates=true"];

    private readonly OcspMatrixPki _pkis;
    private readonly ITestOutputHelper _output;

    public OcspMatrixTests(OcspMatrixPki pkis, ITestOutputHelper output)
    {
        _pkis = pkis;
        _output = output;
    }

    public static TheoryData<string> Cases => new(OcspMatrixCase.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PingSucceedsOrFailsAsTheSpecsMatrixSays(string name)
    {
        var matrixCase = OcspMatrixCase.Named(name);
        var pki = _pkis.For(matrixCase.Key);

        // The responder first: the server fetches its staple at start-up, from the URL in its certificate's AIA.
        await using var responder = matrixCase.Answer is { } answer
            ? TestOcspResponder.Start(new TestOcspResponse { Signer = matrixCase.Signer == OcspSigner.Delegate ? pki.Delegate : pki.Ca, Status = answer })
            : null;
        var serverFile = pki.IssueServer(name, responder?.Url ?? UnusedLoopbackUrl(), matrixCase.MustStaple);
        string[] options =
        [
            "--tlsMode", "requireTLS", "--tlsCertificateKeyFile", serverFile, "--tlsCAFile", pki.CaFile, "--tlsAllowConnectionsWithoutCertificates",
            .. matrixCase.ServerStaples ? Array.Empty<string>() : ["--setParameter", "ocspEnabled=false"],
        ];
        await using var server = await ServeProcess.StartWithOptionsAsync(pki.Directory, options);
        var (stapled, setUpProblem) = await CheckStaplingAsync(matrixCase, server, responder);
        _output.WriteLine($"{name}: the server staples {stapled}");

        // A failure must name OCSP; when the certificate is known revoked (a revoked staple, or a responder's answer
        // about a certificate that is not Must-Staple), it must also say so, not fail for another reason.
        string[] mentions = stapled == "revoked" || (matrixCase.Answer == TestOcspAnswer.Revoked && !matrixCase.MustStaple) ? ["OCSP", "revoked"] : ["OCSP"];
        Task<MatrixCell>[] Ping(string row)
        {
            var uri = $"mongodb://localhost:{server.Port}/?tls=true&tlsCAFile={pki.CaFile}{(row.Length > 0 ? "&" + row : "")}"
                + $"&serverSelectionTimeoutMS={(int)ServerSelectionTimeout.TotalMilliseconds}&connectTimeoutMS=3000";
            var succeeds = row.Length > 0 || matrixCase.SucceedsWithTlsTrue;
            return [TesseraPingAsync(uri, row, succeeds, mentions), DriverPingAsync(uri, row, succeeds, mentions)];
        }

        // tlsInsecure and tlsAllowInvalidCertificates first, by themselves: they must disable OCSP (the spec's
        // interactions 1 and 3), so the responder must not hear from them. Then tls=true, whose verdict, without a
        // staple, must come from the responder.
        var askedBefore = responder?.RequestCount ?? 0;
        var relaxed = await Task.WhenAll(Rows.Where(row => row.Length > 0).SelectMany(Ping));
        var askedByRelaxed = (responder?.RequestCount ?? 0) - askedBefore;
        var strict = await Task.WhenAll(Ping(""));
        var askedByStrict = (responder?.RequestCount ?? 0) - askedBefore - askedByRelaxed;
        MatrixCell[] cells = [.. strict, .. relaxed];
        _output.WriteLine($"{name}: the responder was asked {askedByRelaxed} times by the relaxed rows, {askedByStrict} by tls=true");
        var problems = new List<string>();
        if (setUpProblem is not null)
        {
            problems.Add("SET-UP: " + setUpProblem);
        }

        if (askedByRelaxed != 0)
        {
            problems.Add($"OCSP: the tlsInsecure and tlsAllowInvalidCertificates clients asked the responder {askedByRelaxed} times; they must not check OCSP");
        }

        if (responder is not null && !matrixCase.ServerStaples && !matrixCase.MustStaple && askedByStrict == 0)
        {
            problems.Add("OCSP: without a staple the tls=true clients must ask the responder the certificate names; it heard nothing");
        }

        foreach (var cell in cells)
        {
            _output.WriteLine(cell.ToString());
        }

        var wrong = cells.Where(c => !c.AsExpected).Select(c => c.ToString()).ToList();
        Assert.True(wrong.Count == 0 && problems.Count == 0,
            $"{name}: {wrong.Count} of {cells.Length} cells wrong:\n" + string.Join("\n", problems.Concat(wrong)));
    }

    /// <summary>
    /// What the server staples, and what is wrong with that for the case: a "does not staple" server must staple
    /// nothing, a stapling server with a good answer must staple it (T1 tests a client that reads a staple), and one with
    /// a revoked answer may staple it or, as mongod may refuse to, nothing (T2's client then fails on Must-Staple).
    /// </summary>
    private static async Task<(string Stapled, string? Problem)> CheckStaplingAsync(OcspMatrixCase matrixCase, ServeProcess server, TestOcspResponder? responder)
    {
        if (!matrixCase.ServerStaples)
        {
            var none = await StapleProbe.StapledStatusAsync(server.Port);
            return (none, none == "none" ? null : $"the server runs with ocspEnabled=false but staples {none}");
        }

        if (matrixCase.Answer == TestOcspAnswer.Good)
        {
            var good = await StapleProbe.WaitForStapleAsync(server.Port, TimeSpan.FromSeconds(5));
            return (good, good == "good" ? null : $"a stapling server whose responder says good must staple a good response, it staples {good} (responder asked {responder?.RequestCount} times)");
        }

        // The server asks the responder at start-up; give it that, and a moment to install what it got.
        for (var waited = 0; waited < 3000 && responder?.RequestCount == 0; waited += 50)
        {
            await Task.Delay(50);
        }

        var revoked = await StapleProbe.WaitForStapleAsync(server.Port, TimeSpan.FromSeconds(1));
        return (revoked, revoked is "revoked" or "none" ? null : $"the responder says revoked, yet the server staples {revoked}");
    }

    private static async Task<MatrixCell> TesseraPingAsync(string uri, string row, bool succeeds, string[] mentions)
    {
        try
        {
            await using var connection = await TesseraConnection.OpenAsync(uri);
            await connection.RunCommandAsync("admin", new BsonDocument("ping", 1));
            return new MatrixCell(row, "TesseraConnection", succeeds, mentions, null, null);
        }
        catch (Exception e)
        {
            return new MatrixCell(row, "TesseraConnection", succeeds, mentions, e, e is ConnectionFailedException);
        }
    }

    private static async Task<MatrixCell> DriverPingAsync(string uri, string row, bool succeeds, string[] mentions)
    {
        try
        {
            // A fresh MongoClient each time: a unique appName keeps MongoDB.Driver from sharing a cluster between cells.
            var settings = DriverSettings.FromConnectionString(uri + $"&appName=ocsp-matrix-{Guid.NewGuid():N}");
            settings.ServerSelectionTimeout = ServerSelectionTimeout;
            using var client = new MongoClient(settings);
            await client.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1));
            return new MatrixCell(row, "MongoDB.Driver", succeeds, mentions, null, null);
        }
        catch (Exception e)
        {
            return new MatrixCell(row, "MongoDB.Driver", succeeds, mentions, e, e is TimeoutException or MongoConnectionException);
        }
    }

    /// <summary>"No responder": a loopback port that nothing listens on, so a query is refused at once.</summary>
    private static Uri UnusedLoopbackUrl()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/ocsp");
    }

    /// <summary>One client under one URI row: success, or the exception (of the kind a TLS failure gives, and naming OCSP).</summary>
    private sealed record MatrixCell(string Row, string Client, bool ShouldSucceed, string[] Mentions, Exception? Error, bool? ExpectedErrorType)
    {
        public bool AsExpected => ShouldSucceed
            ? Error is null
            : Error is not null && ExpectedErrorType == true && Mentions.All(word => Error.Message.Contains(word, StringComparison.OrdinalIgnoreCase));

        public override string ToString()
        {
            var row = Row.Length == 0 ? "tls=true" : "tls=true&" + Row;
            var outcome = Error is null ? "OK" : $"FAIL ({Error.GetType().Name}: {Shorten(Error.Message)})";
            return $"{(AsExpected ? "as expected" : "WRONG")}: {row}, {Client}: expected {(ShouldSucceed ? "OK" : $"FAIL naming {string.Join(" and ", Mentions)}")}, got {outcome}";
        }

        private static string Shorten(string message) => message.Length <= 400 ? message : message[..400] + "…";
    }
}
