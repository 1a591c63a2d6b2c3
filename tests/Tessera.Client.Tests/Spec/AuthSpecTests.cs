using System.Text.Json;

namespace Tessera.Client.Tests.Spec;

/// <summary>
/// auth/tests/legacy/connection-string.json: parsing plus building the credential (as constructing a client would).
/// A null credential means none is configured; properties are a subset match; a present null means "unset".
/// </summary>
public sealed class AuthSpecTests
{
    public static TheoryData<string, int, string> Cases()
    {
        var data = new TheoryData<string, int, string>();
        var cases = SpecTestFiles.Cases(SpecTestFiles.AuthLegacy);
        for (var i = 0; i < cases.Count; i++)
        {
            data.Add(SpecTestFiles.AuthLegacy, i, cases[i].GetProperty("description").GetString()!);
        }

        return data;
    }

    private static ClientCredential? Build(string uri) => ClientCredential.FromConnectionString(ConnectionString.Parse(uri));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string file, int index, string description)
    {
        var test = SpecTestFiles.Cases(file)[index];
        var uri = test.GetProperty("uri").GetString()!;

        if (DeliberateDifferences.Find(file, description) is { } difference)
        {
            var refused = Assert.ThrowsAny<ClientConfigurationException>(() => Build(uri));
            Assert.Contains(difference.ExpectedErrorFragment, refused.Message, StringComparison.Ordinal);
            return;
        }

        if (!test.GetProperty("valid").GetBoolean())
        {
            Assert.ThrowsAny<ClientConfigurationException>(() => Build(uri));
            return;
        }

        var credential = Build(uri);
        if (!test.TryGetProperty("credential", out var expected))
        {
            return;
        }

        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.Null(credential);
            return;
        }

        Assert.NotNull(credential);
        AssertField(expected, "username", credential.UserName);
        AssertField(expected, "password", credential.Password);
        AssertField(expected, "source", credential.Source);
        AssertField(expected, "mechanism", credential.Mechanism);
        if (expected.TryGetProperty("mechanism_properties", out var properties))
        {
            if (properties.ValueKind == JsonValueKind.Null)
            {
                Assert.Empty(credential.MechanismProperties);
            }
            else
            {
                var mismatch = JsonExpectation.Mismatch(properties, credential.MechanismProperties, "mechanism_properties");
                Assert.True(mismatch is null, mismatch);
            }
        }
    }

    private static void AssertField(JsonElement expected, string name, string? actual)
    {
        if (expected.TryGetProperty(name, out var value))
        {
            Assert.Equal(value.ValueKind == JsonValueKind.Null ? null : value.GetString(), actual);
        }
    }
}
