namespace Tessera.Security.Rules;

/// <summary>
/// Every requirement of MongoDB's X.509 documentation, and mongod's own checks, as a rule with a stable id.
/// The README lists this catalogue; ids never change meaning once published.
/// </summary>
public static class CertificateRules
{
    // Any role.
    public static readonly CertificateRule Expired = new(
        "cert-expired", FindingSeverity.Error,
        "The certificate must be valid now: mongod refuses an expired certificate (and will not start with one).",
        "Issue a new certificate: tessera certs issue ... --days N.");

    public static readonly CertificateRule NotYetValid = new(
        "cert-not-yet-valid", FindingSeverity.Error,
        "The certificate must be valid now: its notBefore is in the future.",
        "Check the clock of the machine that issued it, or wait until notBefore.");

    public static readonly CertificateRule ExpiresSoon = new(
        "cert-expires-soon", FindingSeverity.Warning,
        "mongod warns about certificates that expire within 30 days (log ids 23786 and 23222).",
        "Renew the certificate before it expires.");

    public static readonly CertificateRule UntrustedIssuer = new(
        "cert-untrusted-issuer", FindingSeverity.Error,
        "A single CA must issue the certificates of clients and members: the chain must verify against tlsCAFile.",
        "Issue the certificate from the deployment's CA (tessera certs issue --ca CA.pem), or add its CA to tlsCAFile.");

    public static readonly CertificateRule UnnormalizableSubject = new(
        "cert-subject-unnormalizable", FindingSeverity.Error,
        "mongod prepares subject values with RFC 4518; a value it refuses makes the certificate unusable.",
        "Remove unassigned, private-use or prohibited characters from the subject.");

    public static readonly CertificateRule IsCertificateAuthority = new(
        "cert-is-ca", FindingSeverity.Warning,
        "A client, member or server certificate should not be a CA (basicConstraints CA:TRUE).",
        "Issue a leaf certificate (CA:FALSE) from the CA instead of using the CA certificate itself.");

    // Client certificates.
    public static readonly CertificateRule ClientKeyUsage = new(
        "client-key-usage", FindingSeverity.Error,
        "Client certificates must have keyUsage = digitalSignature.",
        "Reissue with keyUsage digitalSignature: tessera certs issue client ...");

    public static readonly CertificateRule ClientKeyUsageAbsent = new(
        "client-key-usage-absent", FindingSeverity.Warning,
        "MongoDB's documentation asks client certificates to carry keyUsage = digitalSignature.",
        "Reissue with keyUsage digitalSignature: tessera certs issue client ...");

    public static readonly CertificateRule ClientExtendedKeyUsage = new(
        "client-eku", FindingSeverity.Error,
        "Client certificates must have extendedKeyUsage = clientAuth: mongod refuses one whose EKU lacks it (\"unsupported certificate purpose\").",
        "Reissue with extendedKeyUsage clientAuth: tessera certs issue client ...");

    public static readonly CertificateRule ClientExtendedKeyUsageAbsent = new(
        "client-eku-absent", FindingSeverity.Warning,
        "MongoDB's documentation asks client certificates to carry extendedKeyUsage = clientAuth (mongod accepts none).",
        "Reissue with extendedKeyUsage clientAuth: tessera certs issue client ...");

    public static readonly CertificateRule ClientLooksLikeMember = new(
        "client-member-attributes", FindingSeverity.Error,
        "A client's O, OU or DC must differ from the members': a client whose subject has the members' O/OU/DC is treated as a cluster member with full privileges (and createUser refuses it).",
        "Give client certificates another O or OU than the members (e.g. OU=Clients).");

    public static readonly CertificateRule ClientEmptySubject = new(
        "client-empty-subject", FindingSeverity.Error,
        "The subject is the $external user name; a client certificate needs a non-empty, unique subject.",
        "Reissue with a subject such as CN=alice,OU=Clients,O=Acme.");

    public static readonly CertificateRule ClientUserNameTooLong = new(
        "client-user-name-too-long", FindingSeverity.Error,
        "The user name plus \"@$external\" must be under 10,000 bytes to use sessions and causal consistency.",
        "Reissue with a shorter subject.");

    // Member certificates.
    public static readonly CertificateRule MemberAttributesMissing = new(
        "member-attributes-missing", FindingSeverity.Error,
        "A member certificate's subject must have a non-empty O, OU or DC (or contain net.tls.clusterAuthX509.attributes).",
        "Reissue with O and OU shared by all members, e.g. O=Acme,OU=Cluster.");

    public static readonly CertificateRule MemberAttributesDiffer = new(
        "member-attributes-mismatch", FindingSeverity.Error,
        "All members' certificates must have identical O, OU and DC attributes (order does not matter).",
        "Reissue the members' certificates with the same O, OU and DC values.");

    public static readonly CertificateRule MemberIssuersDiffer = new(
        "member-issuer-mismatch", FindingSeverity.Error,
        "A single CA must issue the certificates of all members.",
        "Reissue the members' certificates from one CA.");

    public static readonly CertificateRule MemberExtendedKeyUsage = new(
        "member-eku", FindingSeverity.Error,
        "With an EKU extension, a member's certificate key file needs serverAuth, its cluster file clientAuth, and a key file used without a cluster file both.",
        "Reissue with extendedKeyUsage serverAuth, clientAuth: tessera certs issue member ...");

    public static readonly CertificateRule MemberKeyUsageSignature = new(
        "member-key-usage", FindingSeverity.Error,
        "With a keyUsage extension, a member certificate needs digitalSignature.",
        "Reissue with keyUsage digitalSignature, keyEncipherment, keyAgreement: tessera certs issue member ...");

    public static readonly CertificateRule MemberKeyUsageKeyExchange = new(
        "member-key-usage-key-exchange", FindingSeverity.Warning,
        "MongoDB's documentation lists keyEncipherment and keyAgreement besides digitalSignature for a member's certificate key file: an RSA key needs keyEncipherment, an EC key keyAgreement.",
        "Reissue with keyUsage digitalSignature, keyEncipherment, keyAgreement: tessera certs issue member ...");

    public static readonly CertificateRule MemberHostMismatch = new(
        "member-host-mismatch", FindingSeverity.Error,
        "A member's SAN must match the host name the other members use to reach it.",
        "Reissue with --san for every host name and IP address the member is reached by.");

    public static readonly CertificateRule CommonNameOnly = new(
        "cn-only-host-match", FindingSeverity.Warning,
        "Matching the host by CN without a SAN is deprecated (iOS 13+, macOS 10.15+ and Go 1.15+ refuse it).",
        "Reissue with a subjectAltName for the host: --san HOST.");

    // Server certificates.
    public static readonly CertificateRule ServerSanMissing = new(
        "server-san-missing", FindingSeverity.Warning,
        "Server certificate has no compatible Subject Alternative Name. This may prevent TLS clients from connecting (mongod warning 551190).",
        "Reissue with --san for every host name and IP address clients use.");

    public static readonly CertificateRule ServerExtendedKeyUsage = new(
        "server-eku", FindingSeverity.Error,
        "With an EKU extension, a server certificate needs serverAuth, or TLS clients refuse it.",
        "Reissue with extendedKeyUsage serverAuth: tessera certs issue server ...");

    public static readonly CertificateRule ServerKeyUsage = new(
        "server-key-usage", FindingSeverity.Error,
        "With a keyUsage extension, a server certificate needs digitalSignature to sign TLS handshakes.",
        "Reissue with keyUsage digitalSignature, keyEncipherment: tessera certs issue server ...");

    public static readonly CertificateRule ServerHostMismatch = new(
        "server-host-mismatch", FindingSeverity.Error,
        "The server certificate must match the host name clients connect to, or they fail with a host-name mismatch.",
        "Reissue with --san for every host name and IP address clients use, or connect with a name the certificate has.");

    public static IReadOnlyList<CertificateRule> All { get; } =
    [
        Expired, NotYetValid, ExpiresSoon, UntrustedIssuer, UnnormalizableSubject, IsCertificateAuthority,
        ClientKeyUsage, ClientKeyUsageAbsent, ClientExtendedKeyUsage, ClientExtendedKeyUsageAbsent, ClientLooksLikeMember,
        ClientEmptySubject, ClientUserNameTooLong,
        MemberAttributesMissing, MemberAttributesDiffer, MemberIssuersDiffer, MemberExtendedKeyUsage,
        MemberKeyUsageSignature, MemberKeyUsageKeyExchange, MemberHostMismatch, CommonNameOnly,
        ServerSanMissing, ServerExtendedKeyUsage, ServerKeyUsage, ServerHostMismatch,
    ];
}
