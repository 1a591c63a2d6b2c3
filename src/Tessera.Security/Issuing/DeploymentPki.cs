using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Names;

namespace Tessera.Security.Issuing;

/// <summary>What <c>tessera certs init</c> asks for.</summary>
public sealed record DeploymentPkiOptions
{
    public required string Directory { get; init; }

    public string Organization { get; init; } = "Tessera";

    /// <summary>Host names of the deployment, grouped into machines by <see cref="DeploymentHosts"/>.</summary>
    public IReadOnlyList<string> Hosts { get; init; } = ["localhost", "127.0.0.1"];

    public IReadOnlyList<string> Clients { get; init; } = ["alice"];

    public KeyAlgorithm KeyAlgorithm { get; init; } = KeyAlgorithm.EcdsaP256;

    public int? ValidityDays { get; init; }
}

/// <summary>One issued file: where it is and the subject MongoDB sees.</summary>
public sealed record IssuedFile(string Name, string Path, string Subject, IReadOnlyList<string> Hosts);

/// <summary>
/// A deployment's PKI as files: a CA, a member certificate per machine (usable as tlsCertificateKeyFile and
/// tlsClusterFile), and client certificates whose O/OU differ from the members' so that no client is ever
/// taken for a cluster member.
/// </summary>
public sealed record DeploymentPki(string Directory, string CaCertificatePath, string CaKeyPath, IReadOnlyList<IssuedFile> Members, IReadOnlyList<IssuedFile> Clients)
{
    public const string CaCertificateFile = "ca.pem";
    public const string CaKeyFile = "ca.key";
    public const string MembersFolder = "members";
    public const string ClientsFolder = "clients";
    public const string MemberUnit = "Cluster";
    public const string ClientUnit = "Clients";

    /// <summary>Creates the PKI; refuses to overwrite one that is already there, so no key is ever lost.</summary>
    public static DeploymentPki Create(DeploymentPkiOptions options, CertificateIssuer? issuer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        issuer ??= new CertificateIssuer();
        var directory = Path.GetFullPath(options.Directory);
        var caPath = Path.Combine(directory, CaCertificateFile);
        if (File.Exists(caPath))
        {
            throw new IOException($"{directory} already holds a PKI ({CaCertificateFile}); choose another --out folder or move it away first.");
        }

        var machines = DeploymentHosts.Group(options.Hosts);
        if (machines.Count == 0)
        {
            throw new ArgumentException("At least one host is needed: --hosts localhost,127.0.0.1");
        }

        System.IO.Directory.CreateDirectory(Path.Combine(directory, MembersFolder));
        System.IO.Directory.CreateDirectory(Path.Combine(directory, ClientsFolder));

        using var ca = issuer.IssueSelfSigned(new IssueRequest
        {
            Profile = CertificateProfile.Ca,
            Subject = Name(("CN", $"{options.Organization} CA"), ("OU", "PKI"), ("O", options.Organization)),
            KeyAlgorithm = options.KeyAlgorithm,
        });
        CertificateFileWriter.WriteCertificate(caPath, ca);
        var caKeyPath = Path.Combine(directory, CaKeyFile);
        CertificateFileWriter.WritePrivateKey(caKeyPath, ca);

        var members = machines.Select(names => IssueInto(
            issuer, ca, Path.Combine(directory, MembersFolder, FileNameFor(names[0]) + ".pem"), names[0], names, new IssueRequest
            {
                Profile = CertificateProfile.Member,
                Subject = Name(("CN", names[0]), ("OU", MemberUnit), ("O", options.Organization)),
                Hosts = names,
                KeyAlgorithm = options.KeyAlgorithm,
                ValidityDays = options.ValidityDays,
            })).ToArray();

        var clients = options.Clients.Select(client => IssueInto(
            issuer, ca, Path.Combine(directory, ClientsFolder, FileNameFor(client) + ".pem"), client, [], new IssueRequest
            {
                Profile = CertificateProfile.Client,
                Subject = Name(("CN", client), ("OU", ClientUnit), ("O", options.Organization)),
                KeyAlgorithm = options.KeyAlgorithm,
                ValidityDays = options.ValidityDays,
            })).ToArray();

        return new DeploymentPki(directory, caPath, caKeyPath, members, clients);
    }

    private static IssuedFile IssueInto(
        CertificateIssuer issuer, X509Certificate2 ca, string path, string name, IReadOnlyList<string> hosts, IssueRequest request)
    {
        using var certificate = issuer.Issue(request, ca);
        CertificateFileWriter.WriteCombined(path, certificate);
        return new IssuedFile(name, path, ExternalUserName.Of(certificate), hosts);
    }

    // Built entry by entry, so that an organisation such as "Acme, Inc." needs no escaping.
    private static X500DistinguishedName Name(params (string Attribute, string Value)[] rdnsInOutputOrder) =>
        new X509Name(rdnsInOutputOrder.Select(r => new[] { new X509NameEntry(AttributeNames.OidOf(r.Attribute)!, r.Value) }))
            .ToX500DistinguishedName();

    private static string FileNameFor(string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Append(':').ToHashSet();
        return new string(name.Select(c => invalid.Contains(c) ? '_' : c).ToArray());
    }
}
