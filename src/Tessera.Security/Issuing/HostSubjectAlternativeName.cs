using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Tessera.Security.Issuing;

/// <summary>
/// Builds a subjectAltName from host strings, telling IP addresses from DNS names. Clients match an IP
/// literal in a connection string only against iPAddress entries, so an address written as a dNSName
/// would make host-name verification fail.
/// </summary>
public static class HostSubjectAlternativeName
{
    /// <summary>
    /// The extension for the given hosts and optional email. Marked critical when the subject is empty,
    /// as RFC 5280 §4.2.1.6 requires, because the SAN is then the certificate's only identity.
    /// </summary>
    public static X509Extension Create(IEnumerable<string> hosts, string? email, X500DistinguishedName subject)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentNullException.ThrowIfNull(subject);

        var builder = new SubjectAlternativeNameBuilder();
        foreach (var host in hosts)
        {
            if (TryParseIpAddress(host, out var address))
            {
                builder.AddIpAddress(address);
            }
            else
            {
                builder.AddDnsName(ValidateDnsName(host));
            }
        }

        if (email is not null)
        {
            builder.AddEmailAddress(email);
        }

        return builder.Build(critical: IsEmpty(subject));
    }

    /// <summary>
    /// Reads a host as an IP address only in its canonical textual forms. IPAddress.TryParse alone is too
    /// lenient: it reads "1" as 0.0.0.1 and "127.1" as 127.0.0.1, which are valid DNS labels to everyone else.
    /// </summary>
    public static bool TryParseIpAddress(string host, out IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(host);
        address = IPAddress.None;

        var text = host.Length > 2 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;
        if (text.Contains(':', StringComparison.Ordinal))
        {
            // Only IPv6 addresses contain a colon; a zone id (%eth0) has no meaning outside one machine.
            if (text.Contains('%', StringComparison.Ordinal)
                || !IPAddress.TryParse(text, out var v6)
                || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                throw new ArgumentException(
                    $"The host '{host}' looks like an IPv6 address but is not a valid one (zone ids are not allowed).",
                    nameof(host));
            }

            address = v6;
            return true;
        }

        if (!IsDottedQuad(text))
        {
            return false;
        }

        if (!IPAddress.TryParse(text, out var v4))
        {
            throw new ArgumentException($"The host '{host}' looks like an IPv4 address but is not a valid one.", nameof(host));
        }

        address = v4;
        return true;
    }

    /// <summary>
    /// The shape of an IPv4 address, whatever the numbers: "999.1.1.1" is then refused as a bad address
    /// instead of slipping through as a DNS name nobody can resolve.
    /// </summary>
    private static bool IsDottedQuad(string text)
    {
        var parts = text.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit));
    }

    private static string ValidateDnsName(string host)
    {
        if (string.IsNullOrWhiteSpace(host) || host.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"The host '{host}' is neither an IP address nor a DNS name.", nameof(host));
        }

        return host;
    }

    private static bool IsEmpty(X500DistinguishedName subject) =>
        subject.RawData is [0x30, 0x00];
}
