using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Membership;

namespace Tessera.Security.Rules;

/// <summary>What the linter knows about the deployment a certificate is meant for.</summary>
public sealed class LintOptions
{
    public CertificateRole Role { get; init; } = CertificateRole.Client;

    /// <summary>The deployment's CA file (tlsCAFile); without it the issuer is not checked.</summary>
    public X509Certificate2Collection? TrustedAuthorities { get; init; }

    /// <summary>
    /// A member's (the server's) certificate: for a client, whose O/OU/DC it must not share; for a member, whose
    /// O/OU/DC and issuer it must share.
    /// </summary>
    public X509Certificate2? ServerCertificate { get; init; }

    /// <summary>net.tls.clusterAuthX509.attributes, when the deployment sets it.</summary>
    public ClusterMembershipCriteria? ClusterAttributes { get; init; }

    /// <summary>Host names and addresses the certificate must answer to (members and servers).</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    public MemberCertificateUsage MemberUsage { get; init; } = MemberCertificateUsage.Both;

    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>tlsX509ExpirationWarningThresholdDays: mongod's default is 30.</summary>
    public int ExpiryWarningDays { get; init; } = 30;
}
