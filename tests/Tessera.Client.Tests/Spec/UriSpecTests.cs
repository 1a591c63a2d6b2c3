using System.Text.Json;

namespace Tessera.Client.Tests.Spec;

/// <summary>
/// The uri-options and connection-string spec files: valid cases parse to the expected hosts, userinfo and options
/// (options by lower-cased name, subset match) with a warning exactly when the file says so; invalid cases throw.
/// Parsing never opens the ca.pem/cert.pem placeholders, so the working directory does not matter.
/// </summary>
public sealed class UriSpecTests
{
    private static readonly string[] Files =
    [
        SpecTestFiles.TlsOptions, SpecTestFiles.AuthOptions, SpecTestFiles.ValidAuth, SpecTestFiles.ValidOptions,
        SpecTestFiles.InvalidUris, SpecTestFiles.ValidWarnings,
    ];

    public static TheoryData<string, int, string> Cases()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var file in Files)
        {
            var cases = SpecTestFiles.Cases(file);
            for (var i = 0; i < cases.Count; i++)
            {
                data.Add(file, i, cases[i].GetProperty("description").GetString()!);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string file, int index, string description)
    {
        var test = SpecTestFiles.Cases(file)[index];
        var uri = test.GetProperty("uri").GetString()!;
        Assert.Null(DeliberateDifferences.Find(file, description));

        if (!test.GetProperty("valid").GetBoolean())
        {
            var error = Assert.ThrowsAny<ClientConfigurationException>(() => ConnectionString.Parse(uri));
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            return;
        }

        var parsed = ConnectionString.Parse(uri);
        var expectWarning = test.GetProperty("warning").GetBoolean();
        Assert.True(expectWarning == parsed.Warnings.Count > 0,
            $"{description}: expected {(expectWarning ? "a warning" : "no warning")}, got [{string.Join(" | ", parsed.Warnings)}]");

        if (test.TryGetProperty("hosts", out var hosts) && hosts.ValueKind == JsonValueKind.Array)
        {
            AssertHosts(hosts, parsed.Hosts);
        }

        if (test.TryGetProperty("auth", out var auth) && auth.ValueKind == JsonValueKind.Object)
        {
            AssertField(auth, "username", parsed.UserName);
            AssertField(auth, "password", parsed.Password);
            AssertField(auth, "db", parsed.Database);
        }

        if (test.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Object)
        {
            var mismatch = JsonExpectation.Mismatch(options, parsed.Options, "options");
            Assert.True(mismatch is null, mismatch);
        }
    }

    private static void AssertHosts(JsonElement expected, IReadOnlyList<ServerAddress> actual)
    {
        Assert.Equal(expected.GetArrayLength(), actual.Count);
        foreach (var (host, address) in expected.EnumerateArray().Zip(actual))
        {
            Assert.Equal(host.GetProperty("host").GetString(), address.Host);
            if (host.GetProperty("port").ValueKind == JsonValueKind.Number)
            {
                Assert.Equal(host.GetProperty("port").GetInt32(), address.Port);
            }

            if (host.TryGetProperty("type", out var type))
            {
                Assert.Equal(type.GetString(), address.Kind switch
                {
                    HostKind.IPv4 => "ipv4",
                    HostKind.IPLiteral => "ip_literal",
                    HostKind.UnixSocket => "unix",
                    _ => "hostname",
                });
            }
        }
    }

    private static void AssertField(JsonElement auth, string name, string? actual)
    {
        if (auth.TryGetProperty(name, out var value))
        {
            Assert.Equal(value.ValueKind == JsonValueKind.Null ? null : value.GetString(), actual);
        }
    }
}
