using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using MongoDB.Bson;
using Tessera.Server.Configuration;
using Tessera.Server.Tests.Support;
using Tessera.Wire;

namespace Tessera.Server.Tests.Integration;

/// <summary>One port, several kinds of client (server-behavior.md §5.1): what each tlsMode lets in, and bad input.</summary>
public sealed class TransportTests : IClassFixture<TestPki>
{
    private readonly TestPki _pki;

    public TransportTests(TestPki pki) => _pki = pki;

    [Fact]
    public async Task Plaintext_is_refused_by_require_tls()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        using var socket = await Connect(server);
        Assert.Null(await Hello(socket.GetStream()));
        Assert.True(await Eventually(() => server.Logged(22988, e => ErrorMessage(e) == "The server is configured to only allow SSL connections")));
    }

    [Fact]
    public async Task Plaintext_is_served_by_prefer_tls_with_a_log_line()
    {
        await using var server = await RunningServer.StartAsync(_pki, s => s with { TlsMode = TlsMode.PreferTls });
        using var socket = await Connect(server);
        var reply = await Hello(socket.GetStream());
        Assert.NotNull(reply);
        Assert.True(reply["isWritablePrimary"].AsBoolean);
        Assert.True(server.Logged(23838));
    }

    [Fact]
    public async Task Tls_is_refused_when_tls_is_disabled()
    {
        await using var server = await RunningServer.StartAsync(_pki, s => s with { TlsMode = TlsMode.Disabled });
        using var socket = await Connect(server);
        await using var ssl = new SslStream(socket.GetStream(), false, (_, _, _, _) => true);
        await Assert.ThrowsAnyAsync<Exception>(() => ssl.AuthenticateAsClientAsync("localhost"));
        Assert.True(await Eventually(() => server.Logged(22988, e => ErrorMessage(e) == "SSL handshake received but server is started without SSL support")));
    }

    [Fact]
    public async Task Http_gets_mongods_plain_answer_even_under_require_tls()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        using var socket = await Connect(server);
        var stream = socket.GetStream();
        await stream.WriteAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray());
        var text = await new StreamReader(stream).ReadToEndAsync();
        Assert.StartsWith("HTTP/1.0 200 OK", text, StringComparison.Ordinal);
        Assert.EndsWith("It looks like you are trying to access MongoDB over HTTP on the native driver port.\r\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_tls_1_0_or_1_1_client_hello_gets_a_protocol_version_alert(byte minor)
    {
        await using var server = await RunningServer.StartAsync(_pki);
        using var socket = await Connect(server);
        var stream = socket.GetStream();
        // The first 16 bytes of a ClientHello offering TLS 1.x: record header, handshake header, client_version.
        await stream.WriteAsync(new byte[] { 0x16, 3, 1, 0, 0x40, 1, 0, 0, 0x3c, 3, minor, 0, 0, 0, 0, 0 });
        var alert = new byte[7];
        await stream.ReadExactlyAsync(alert);
        Assert.Equal(new byte[] { 0x15, 3, minor, 0, 2, 2, 70 }, alert);
    }

    [Fact]
    public async Task A_tls_1_1_only_client_cannot_connect()
    {
        await using var server = await RunningServer.StartAsync(_pki, s => s with { AllowConnectionsWithoutCertificates = true });
        using var socket = await Connect(server);
        await using var ssl = new SslStream(socket.GetStream(), false, (_, _, _, _) => true);
#pragma warning disable SYSLIB0039 // the point of the test is an old protocol
        var options = new SslClientAuthenticationOptions { TargetHost = "localhost", EnabledSslProtocols = SslProtocols.Tls11 };
#pragma warning restore SYSLIB0039
        await Assert.ThrowsAnyAsync<Exception>(() => ssl.AuthenticateAsClientAsync(options));
    }

    [Fact]
    public async Task A_malformed_message_ends_that_connection_only()
    {
        await using var server = await RunningServer.StartAsync(_pki, s => s with { TlsMode = TlsMode.AllowTls });
        using var bad = await Connect(server);
        var stream = bad.GetStream();
        // A header announcing 100 MB: refused before anything is allocated.
        var header = new byte[16];
        new MessageHeader(100_000_000, 1, 0, OpCode.Msg).Write(header);
        await stream.WriteAsync(header);
        Assert.Equal(0, await stream.ReadAsync(new byte[1]));
        Assert.True(await Eventually(() => server.Logged(22988, e => ErrorMessage(e).Contains("exceeds maxMessageSizeBytes", StringComparison.Ordinal))));

        using var good = await Connect(server);
        Assert.NotNull(await Hello(good.GetStream()));
    }

    [Fact]
    public async Task The_legacy_op_query_handshake_is_answered_with_op_reply()
    {
        await using var server = await RunningServer.StartAsync(_pki, s => s with { TlsMode = TlsMode.AllowTls });
        using var socket = await Connect(server);
        var stream = socket.GetStream();
        await new MessageWriter(stream).WriteAsync(new OpQuery("admin.$cmd", new BsonDocument { { "isMaster", 1 }, { "helloOk", true } }, numberToReturn: -1));
        var reply = await new MessageReader(stream).ReadReplyAsync();
        var document = Assert.IsType<OpReply>(reply!.Message).Documents[0];
        Assert.True(document["ismaster"].AsBoolean);
        Assert.True(document["helloOk"].AsBoolean);
        Assert.Equal(25, document["maxWireVersion"].AsInt32);
        Assert.Equal(48_000_000, document["maxMessageSizeBytes"].AsInt32);
    }

    private static async Task<TcpClient> Connect(RunningServer server)
    {
        var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", server.Port);
        return client;
    }

    private static async Task<BsonDocument?> Hello(Stream stream)
    {
        try
        {
            await new MessageWriter(stream).WriteAsync(new OpMsg(new BsonDocument { { "hello", 1 }, { "$db", "admin" } }));
            var reply = await new MessageReader(stream).ReadReplyAsync();
            return reply?.Message is OpMsg msg ? msg.Body : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string ErrorMessage(Server.Logging.LogEntry entry) =>
        entry.Attributes.TryGetValue("error", out var error) && error is IDictionary<string, object> details ? (string)details["errmsg"] : string.Empty;

    private static async Task<bool> Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 50 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        return condition();
    }
}
