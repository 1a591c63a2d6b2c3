using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Tessera.Client.Connection;
using Tessera.Security.Certificates;
using Tessera.Security.Names;
using Tessera.Security.Tls;

namespace Tessera.Client.Tls;

/// <summary>
/// The cause and the fix of each way a server's certificate is refused, in the words of MongoDB's TLS troubleshooting
/// guide: OpenSSL's reason first (what PyMongo and mongod print, so a search finds it), then which certificate, which
/// option, and what to change.
/// </summary>
internal sealed class TlsFailureExplanations
{
    private const string InsecureEscape = "tlsAllowInvalidCertificates=true skips the check, for testing only";

    private readonly TlsSettings _tls;
    private readonly TimeProvider _time;

    public TlsFailureExplanations(TlsSettings tls, TimeProvider time)
    {
        _tls = tls;
        _time = time;
    }

    public ConnectionFailure NoCertificate() => new(
        ConnectionFailureKind.NoServerCertificate, ConnectionStep.TlsHandshake,
        "the server sent no TLS certificate",
        "give the server a certificate (mongod's and tessera serve's --tlsCertificateKeyFile)");

    public ConnectionFailure Refused(PeerVerdict verdict, X509Certificate2 leaf, IReadOnlyList<X509Certificate2> presented, X509Certificate2Collection? authorities)
    {
        var subject = Name(leaf.SubjectName);
        var issuer = Name(leaf.IssuerName);
        return verdict.Failure switch
        {
            PeerFailure.UnknownIssuer when _tls.CAFile is null => new(
                ConnectionFailureKind.UnknownIssuer, ConnectionStep.TlsHandshake,
                $"certificate verify failed: unable to get local issuer certificate: the system trust store does not trust the server's certificate '{subject}' (issuer '{issuer}')",
                $"give the CA that issued it with tlsCAFile=/path/to/ca.pem (the CA certificate '{issuer}'); {InsecureEscape}"),
            PeerFailure.UnknownIssuer when CaFileTrust.IsSelfIssued(leaf) => new(
                ConnectionFailureKind.UnknownIssuer, ConnectionStep.TlsHandshake,
                $"certificate verify failed: self-signed certificate: the server's certificate '{subject}' is self-signed and is not in tlsCAFile={_tls.CAFile}",
                $"give the server a certificate issued by a CA in tlsCAFile, or add that CA to tlsCAFile; {InsecureEscape}"),
            PeerFailure.UnknownIssuer when authorities?.Any(a => a.SubjectName.RawData.AsSpan().SequenceEqual(leaf.IssuerName.RawData)) == true => new(
                ConnectionFailureKind.UnknownIssuer, ConnectionStep.TlsHandshake,
                $"certificate verify failed: unable to get local issuer certificate: tlsCAFile={_tls.CAFile} has a CA named '{issuer}', but that CA did not sign the server's certificate '{subject}' (same name, another key: was the CA generated again?)",
                $"give tlsCAFile the CA file of the PKI that issued the server's certificate (the one the server's own tlsCAFile names), or reissue the server's certificate with this CA; {InsecureEscape}"),
            PeerFailure.UnknownIssuer => new(
                ConnectionFailureKind.UnknownIssuer, ConnectionStep.TlsHandshake,
                $"certificate verify failed: unable to get local issuer certificate: the server's certificate '{subject}' is not signed by a CA in tlsCAFile={_tls.CAFile} (its issuer is '{issuer}')",
                $"put the CA certificate '{issuer}' (and any intermediate) into tlsCAFile, or check that you reach the right server; {InsecureEscape}"),
            PeerFailure.Expired => Expired(leaf, presented, authorities),
            PeerFailure.NotYetValid => new(
                ConnectionFailureKind.CertificateNotYetValid, ConnectionStep.TlsHandshake,
                $"certificate verify failed: certificate is not yet valid: the server's certificate '{subject}' is valid from {Time(leaf.NotBefore)} (now {Time(_time.GetUtcNow().UtcDateTime)})",
                "check the clocks of this machine and of the machine that issued the certificate"),
            PeerFailure.WrongPurpose => new(
                ConnectionFailureKind.WrongPurpose, ConnectionStep.TlsHandshake,
                $"certificate verify failed: unsuitable certificate purpose: the server's certificate '{subject}' has an extendedKeyUsage without serverAuth",
                "issue the server a certificate with extendedKeyUsage serverAuth (tessera certs issue server or member)"),
            PeerFailure.Revoked => new(
                ConnectionFailureKind.CertificateRevoked, ConnectionStep.Revocation,
                $"certificate verify failed: certificate revoked: the server's certificate '{subject}' (serial {leaf.SerialNumber}) is listed in tlsCRLFile={_tls.CrlFile}",
                "the server needs a new certificate (its CA revoked this one); if the revocation is a mistake, publish a CRL without it"),
            PeerFailure.RevocationListUnavailable when verdict.Reason == "unable to get certificate CRL" => new(
                ConnectionFailureKind.RevocationCheckFailed, ConnectionStep.Revocation,
                $"certificate verify failed: unable to get certificate CRL: tlsCRLFile={_tls.CrlFile} has no CRL of '{issuer}', the issuer of the server's certificate",
                $"add the CRL published by '{issuer}' to tlsCRLFile (openssl ca -gencrl), or remove tlsCRLFile"),
            PeerFailure.RevocationListUnavailable => new(
                ConnectionFailureKind.RevocationCheckFailed, ConnectionStep.Revocation,
                $"certificate verify failed: {verdict.Reason}: the CRL of '{issuer}' in tlsCRLFile={_tls.CrlFile} cannot be used",
                verdict.Reason == "CRL has expired"
                    ? "publish a fresh CRL (openssl ca -gencrl) and replace the file given to tlsCRLFile"
                    : $"give tlsCRLFile the CRL signed by '{issuer}' itself"),
            _ => new(
                ConnectionFailureKind.CertificateInvalid, ConnectionStep.TlsHandshake,
                $"certificate verify failed: {verdict.Reason} (the server's certificate '{subject}')",
                $"check the server's certificate with: tessera certs lint FILE --as server --ca CA.pem; {InsecureEscape}"),
        };
    }

    public ConnectionFailure HostNameMismatch(CertificateFacts facts, IReadOnlyList<string> hosts)
    {
        var host = string.Join(" or ", hosts);
        return new(
            ConnectionFailureKind.HostNameMismatch, ConnectionStep.HostName,
            $"hostname mismatch: the server's certificate is for {HostNameMatcher.Describe(facts)}, not {host}",
            $"connect by a name the certificate lists, or reissue the server's certificate with {host} in its SAN; tlsAllowInvalidHostnames=true skips this check, for testing only");
    }

    private ConnectionFailure Expired(X509Certificate2 leaf, IReadOnlyList<X509Certificate2> presented, X509Certificate2Collection? authorities)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var expired = presented.Concat(authorities ?? []).FirstOrDefault(c => c.NotAfter.ToUniversalTime() < now) ?? leaf;
        var which = ReferenceEquals(expired, leaf) || expired.RawData.AsSpan().SequenceEqual(leaf.RawData)
            ? "the server's certificate"
            : $"the CA certificate '{Name(expired.SubjectName)}' in the server's chain (above '{Name(leaf.SubjectName)}')";
        return new(
            ConnectionFailureKind.CertificateExpired, ConnectionStep.TlsHandshake,
            $"certificate verify failed: certificate has expired: {which} expired on {Time(expired.NotAfter)} (now {Time(now)})",
            ReferenceEquals(expired, leaf)
                ? "renew the server's certificate (tessera certs issue server --ca CA.pem) and restart the server with it; check this machine's clock"
                : "renew that CA certificate, reissue the certificates under it, and give the new CA to tlsCAFile and the server; check this machine's clock");
    }

    private static string Name(X500DistinguishedName name) => X509Name.Describe(name);

    private static string Time(DateTime time) => time.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture);
}
