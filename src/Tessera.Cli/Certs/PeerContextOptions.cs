using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Files;
using Tessera.Security.Membership;
using Tessera.Security.Names;

namespace Tessera.Cli.Certs;

/// <summary>
/// --server-cert and --cluster-attributes, shared by inspect and lint: what decides whether a certificate
/// would be taken for a cluster member.
/// </summary>
internal sealed class PeerContextOptions
{
    public Option<string?> ServerCertificate { get; } = new("--server-cert")
    {
        Description = "A member's (the server's tlsCertificateKeyFile) certificate: its O/OU/DC decide who is a cluster member.",
    };

    public Option<string?> ClusterAttributes { get; } = new("--cluster-attributes")
    {
        Description = "net.tls.clusterAuthX509.attributes, when the deployment sets it (a DN such as \"O=Acme,OU=Cluster\").",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(ServerCertificate);
        command.Options.Add(ClusterAttributes);
    }

    public X509Certificate2? LoadServerCertificate(ParseResult parse) =>
        parse.GetValue(ServerCertificate) is { } path ? CertificateFile.Load(path, "--server-cert")[0] : null;

    public ClusterMembershipCriteria? Criteria(ParseResult parse) =>
        parse.GetValue(ClusterAttributes) is { } dn ? ClusterMembershipCriteria.FromAttributes(dn) : null;

    public ClusterMembership? Membership(ParseResult parse)
    {
        var criteria = Criteria(parse);
        using var server = LoadServerCertificate(parse);
        if (criteria is null && server is null)
        {
            return null;
        }

        return new ClusterMembership(server is null ? new X509Name([]) : X509Name.FromCertificateSubject(server), criteria);
    }
}
