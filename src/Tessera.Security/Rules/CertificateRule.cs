namespace Tessera.Security.Rules;

public enum FindingSeverity
{
    Warning,
    Error,
}

/// <summary>The role a certificate plays in a deployment; each has its own MongoDB rules.</summary>
public enum CertificateRole
{
    Client,
    Member,
    Server,
}

/// <summary>How a member certificate is used: the server's key file, the cluster file, or both (no cluster file).</summary>
public enum MemberCertificateUsage
{
    Both,
    CertificateKeyFile,
    ClusterFile,
}

/// <summary>One rule of MongoDB's X.509 requirements, with a stable id for scripts and the fix an operator needs.</summary>
public sealed record CertificateRule(string Id, FindingSeverity Severity, string Requirement, string Fix);

/// <summary>A rule a certificate breaks, with what was actually found.</summary>
public sealed record Finding(CertificateRule Rule, string Message)
{
    public string Id => Rule.Id;

    public FindingSeverity Severity => Rule.Severity;

    public string Fix => Rule.Fix;
}
