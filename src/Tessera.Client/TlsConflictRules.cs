namespace Tessera.Client;

/// <summary>
/// The URI-options spec's conflicting TLS options (rules 1–7; rule 8, tls against ssl, needs the raw instances and
/// lives in the URI parser). They go by presence, not value: tlsInsecure=false&amp;tlsAllowInvalidCertificates=false is
/// still an error, because a reader cannot tell which of the two the writer meant to win. Checked in PyMongo's order
/// and with its messages, then the tlsDisableCertificateRevocationCheck rules PyMongo lacks, in the same words.
/// </summary>
internal static class TlsConflictRules
{
    private const string Insecure = UriOptionNames.TlsInsecure;
    private const string AllowInvalidCertificates = UriOptionNames.TlsAllowInvalidCertificates;
    private const string AllowInvalidHostnames = UriOptionNames.TlsAllowInvalidHostnames;
    private const string DisableOcsp = UriOptionNames.TlsDisableOCSPEndpointCheck;
    private const string DisableRevocation = UriOptionNames.TlsDisableCertificateRevocationCheck;

    /// <summary>Throws for the first conflict among the option names present (any casing).</summary>
    public static void Check(IEnumerable<string> presentNames)
    {
        var present = new HashSet<string>(presentNames, StringComparer.OrdinalIgnoreCase);

        // PyMongo: tlsInsecure against each option it implies.
        foreach (var implied in new[] { AllowInvalidCertificates, AllowInvalidHostnames, DisableOcsp })
        {
            if (present.Contains(Insecure) && present.Contains(implied))
            {
                throw Simultaneous(Insecure, implied);
            }
        }

        // PyMongo spells the first name of this one in lower case; kept so its message is matched exactly.
        if (present.Contains(AllowInvalidCertificates) && present.Contains(DisableOcsp))
        {
            throw Simultaneous("tlsallowinvalidcertificates", DisableOcsp);
        }

        foreach (var other in new[] { Insecure, AllowInvalidCertificates, DisableOcsp })
        {
            if (present.Contains(other) && present.Contains(DisableRevocation))
            {
                throw Simultaneous(other, DisableRevocation);
            }
        }
    }

    private static InvalidUriException Simultaneous(string first, string second) =>
        new($"URI options {first} and {second} cannot be specified simultaneously.");
}
