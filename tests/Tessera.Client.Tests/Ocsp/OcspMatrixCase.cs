using Tessera.Security.Issuing;
using Tessera.Testing.Ocsp;

namespace Tessera.Client.Tests.Ocsp;

/// <summary>Who signs the test responder's answers: the CA itself, or a delegated responder certificate the CA issued.</summary>
public enum OcspSigner
{
    Ca,
    Delegate,
}

/// <summary>
/// One of the 24 integration tests of the OCSP spec's test plan (ocsp-support/tests/README.md): a column of the matrix
/// (responder answer, server certificate, stapling), a key kind and, for the columns with a responder, its signer.
/// Each case covers the three URI rows; only tls=true may fail.
/// </summary>
public sealed record OcspMatrixCase(
    string Name,
    KeyAlgorithm Key,
    OcspSigner? Signer,
    TestOcspAnswer? Answer,
    bool MustStaple,
    bool ServerStaples,
    bool SucceedsWithTlsTrue)
{
    /// <summary>The columns, as the spec's set-up has them: "staples" tests use a Must-Staple certificate with stapling on,
    /// "does not staple" tests a plain certificate with ocspEnabled=false, malicious tests a Must-Staple certificate with ocspEnabled=false.</summary>
    private static readonly (string Name, TestOcspAnswer? Answer, bool MustStaple, bool ServerStaples, bool SucceedsWithTlsTrue)[] Columns =
    [
        ("T1_ValidStapled", TestOcspAnswer.Good, true, true, true),
        ("T2_RevokedStapled", TestOcspAnswer.Revoked, true, true, false),
        ("T3_ValidNotStapled", TestOcspAnswer.Good, false, false, true),
        ("T4_RevokedNotStapled", TestOcspAnswer.Revoked, false, false, false),
        ("SoftFail_NoResponderNotStapled", null, false, false, true),
        ("Malicious1_RevokedMustStapleNotStapled", TestOcspAnswer.Revoked, true, false, false),
        ("Malicious2_NoResponderMustStapleNotStapled", null, true, false, false),
    ];

    public static IReadOnlyList<OcspMatrixCase> All { get; } = Build();

    public static OcspMatrixCase Named(string name) => All.Single(c => c.Name == name);

    private static List<OcspMatrixCase> Build()
    {
        var cases = new List<OcspMatrixCase>();
        foreach (var (keyName, key) in new[] { ("Rsa", KeyAlgorithm.Rsa2048), ("Ecdsa", KeyAlgorithm.EcdsaP256) })
        {
            foreach (var column in Columns)
            {
                if (column.Answer is null)
                {
                    cases.Add(new($"{keyName}_{column.Name}", key, null, null, column.MustStaple, column.ServerStaples, column.SucceedsWithTlsTrue));
                    continue;
                }

                foreach (var signer in new[] { OcspSigner.Ca, OcspSigner.Delegate })
                {
                    cases.Add(new($"{keyName}_{signer}_{column.Name}", key, signer, column.Answer, column.MustStaple, column.ServerStaples, column.SucceedsWithTlsTrue));
                }
            }
        }

        return cases;
    }
}
