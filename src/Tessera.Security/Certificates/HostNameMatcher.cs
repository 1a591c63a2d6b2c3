using System.Net;

namespace Tessera.Security.Certificates;

/// <summary>
/// Host-name verification as mongod and the drivers do it (server-behavior.md §5.5): DNS SANs compared
/// case-insensitively without a trailing dot, "*." matching exactly one label, IP SANs by address, and
/// the CN only when the certificate has no SAN extension at all.
/// </summary>
public static class HostNameMatcher
{
    public static HostNameMatch Match(CertificateFacts certificate, string host)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentException.ThrowIfNullOrEmpty(host);
        var isIp = IPAddress.TryParse(host.Trim('[', ']'), out var address);
        if (certificate.HasSubjectAlternativeName)
        {
            var matches = isIp
                ? certificate.IpAddresses.Contains(address!) || certificate.DnsNames.Any(d => DnsMatches(d, host))
                : certificate.DnsNames.Any(d => DnsMatches(d, host));
            if (matches)
            {
                return HostNameMatch.SubjectAlternativeName;
            }

            return certificate.CommonName is { } cn && DnsMatches(cn, host) ? HostNameMatch.CommonNameOverriddenBySan : HostNameMatch.None;
        }

        return certificate.CommonName is { } commonName && DnsMatches(commonName, host) ? HostNameMatch.CommonNameOnly : HostNameMatch.None;
    }

    /// <summary>The names a certificate answers to, as mongod lists them in its mismatch message.</summary>
    public static string Describe(CertificateFacts certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var sans = certificate.DnsNames.Concat(certificate.IpAddresses.Select(ip => ip.ToString())).ToArray();
        var parts = new List<string>();
        if (sans.Length > 0)
        {
            parts.Add("SAN(s): " + string.Join(", ", sans));
        }

        if (certificate.CommonName is { } cn)
        {
            parts.Add("CN: " + cn);
        }

        return parts.Count == 0 ? "no SAN and no CN" : string.Join(" ", parts);
    }

    private static bool DnsMatches(string pattern, string host)
    {
        pattern = pattern.TrimEnd('.');
        host = host.TrimEnd('.');
        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            var dot = host.IndexOf('.', StringComparison.Ordinal);
            return dot > 0 && string.Equals(pattern[1..], host[dot..], StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
    }
}

public enum HostNameMatch
{
    None,
    SubjectAlternativeName,

    /// <summary>No SAN extension, the CN matched: works, but deprecated and refused by some platforms.</summary>
    CommonNameOnly,

    /// <summary>The CN would have matched, but a SAN is present and none of its names do.</summary>
    CommonNameOverriddenBySan,
}
