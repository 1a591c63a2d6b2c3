using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Files;
using Tessera.Security.Issuing;
using Tessera.Security.Names;

namespace Tessera.Testing;

/// <summary>
/// The certificates the client tests need, generated fresh (never committed keys): a CA with a server certificate for
/// localhost and 127.0.0.1 and the client alice, and the server certificates a client must refuse — another name only,
/// a foreign CA, a revoked one (with its CRL), one under an expired intermediate — plus clients the server must refuse.
/// The layout is also what `tessera serve --dev DIR` reuses: DIR/pki/ca.pem, members/localhost.pem, clients/dev.pem
/// (a copy of alice, so the dev server's root user is alice).
/// </summary>
public sealed class TestPki : IDisposable
{
    public const string AliceName = "CN=alice,OU=Clients,O=Acme";
    public const string Password = "s3cret";

    public TestPki()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("tessera-client-").FullName;
        var pki = DeploymentPki.Create(new DeploymentPkiOptions { Directory = Path.Combine(Directory, "pki"), Organization = "Acme", Clients = ["alice"] });
        CaFile = pki.CaCertificatePath;
        ServerFile = pki.Members[0].Path;
        Alice = pki.Clients[0].Path;
        File.Copy(Alice, Path.Combine(Directory, "pki", DeploymentPki.ClientsFolder, "dev.pem"));
        var foreign = DeploymentPki.Create(new DeploymentPkiOptions { Directory = Path.Combine(Directory, "foreign"), Organization = "Evil", Clients = ["mallory"] });
        ForeignServer = foreign.Members[0].Path;
        ForeignCaFile = foreign.CaCertificatePath;
        ForeignClient = foreign.Clients[0].Path;
        ImpostorCaFile = DeploymentPki.Create(new DeploymentPkiOptions { Directory = Path.Combine(Directory, "impostor"), Organization = "Acme", Clients = [] }).CaCertificatePath;
        using (var foreignCa = CertificateKeyFile.Load(ForeignCaFile, foreign.CaKeyPath, null, CertificateKeyFileOption.TlsCertificateKeyFile).Certificate)
        {
            ForeignCrlFile = Path.Combine(Directory, "foreign-crl.pem");
            CertificateFileWriter.WriteRevocationList(ForeignCrlFile, new RevocationListIssuer().Issue(new RevocationListRequest(), foreignCa));
        }

        using var alice = CertificateKeyFile.Load(Alice, null).Certificate;
        AliceEncrypted = Path.Combine(Directory, "alice-encrypted.pem");
        CertificateFileWriter.WriteCombined(AliceEncrypted, alice, password: Password);
        AliceTraditional = TraditionalCopy(alice);

        using var ca = CertificateKeyFile.Load(CaFile, pki.CaKeyPath, null, CertificateKeyFileOption.TlsCertificateKeyFile).Certificate;
        var issuer = new CertificateIssuer();
        OtherNameServer = Issue(issuer, ca, "other-name.pem", "CN=db.example.test,OU=Cluster,O=Acme", ["db.example.test"]);
        RevokedServer = Issue(issuer, ca, "revoked-server.pem", "CN=revoked-db,OU=Cluster,O=Acme", ["localhost", "127.0.0.1"]);
        using var revoked = X509CertificateLoader.LoadCertificateFromFile(RevokedServer);
        var crls = new RevocationListIssuer();
        CrlFile = Path.Combine(Directory, "crl.pem");
        CertificateFileWriter.WriteRevocationList(CrlFile, crls.Issue(new RevocationListRequest { Revoked = [RevokedCertificate.Of(revoked)] }, ca));
        ExpiredCrlFile = Path.Combine(Directory, "expired-crl.pem");
        CertificateFileWriter.WriteRevocationList(ExpiredCrlFile, crls.Issue(
            new RevocationListRequest { ThisUpdate = DateTimeOffset.UtcNow.AddDays(-40), NextUpdate = DateTimeOffset.UtcNow.AddDays(-10) }, ca));

        // mongod (and tessera serve) refuse to start with an expired certificate of their own, so "expired" is shown
        // with a valid leaf under an intermediate CA that expired yesterday: OpenSSL's "certificate has expired" all the same.
        using var expiredCa = issuer.Issue(new IssueRequest
        {
            Profile = CertificateProfile.Ca,
            Subject = Dn("CN=Acme Expired Issuing CA,O=Acme"),
            NotBefore = DateTimeOffset.UtcNow.AddDays(-60),
            NotAfter = DateTimeOffset.UtcNow.AddDays(-1),
        }, ca);
        ExpiredChainServer = Issue(issuer, expiredCa, "expired-chain-server.pem", "CN=expired-chain,OU=Cluster,O=Acme", ["localhost", "127.0.0.1"], [expiredCa]);

        // A client under an intermediate: the server trusts only the root, so it needs the intermediate the client sends.
        using var clientsCa = issuer.Issue(new IssueRequest { Profile = CertificateProfile.Ca, Subject = Dn("CN=Acme Clients CA,O=Acme") }, ca);
        ChainedClient = Issue(issuer, clientsCa, "carol-chained.pem", "CN=carol,OU=Clients,O=Acme", [], [clientsCa], CertificateProfile.Client);
        ChainedClientWithoutIntermediate = Issue(issuer, clientsCa, "dave-alone.pem", "CN=dave,OU=Clients,O=Acme", [], [], CertificateProfile.Client);
    }

    public string Directory { get; }

    public string CaFile { get; }

    /// <summary>The CA's member certificate for localhost and 127.0.0.1.</summary>
    public string ServerFile { get; }

    /// <summary>Issued by the CA, with a SAN for db.example.test only.</summary>
    public string OtherNameServer { get; }

    /// <summary>For localhost, issued by another CA.</summary>
    public string ForeignServer { get; }

    /// <summary>The other CA.</summary>
    public string ForeignCaFile { get; }

    /// <summary>A client certificate of the other CA: the server refuses it in the handshake.</summary>
    public string ForeignClient { get; }

    /// <summary>A CA with the same name as <see cref="CaFile"/> and another key (a PKI generated again).</summary>
    public string ImpostorCaFile { get; }

    /// <summary>A fresh CRL of the other CA: valid, but of no use for the CA's certificates.</summary>
    public string ForeignCrlFile { get; }

    /// <summary>For localhost, listed in <see cref="CrlFile"/>.</summary>
    public string RevokedServer { get; }

    /// <summary>For localhost, valid, but its issuing CA (sent with it) has expired.</summary>
    public string ExpiredChainServer { get; }

    /// <summary>The CA's CRL revoking <see cref="RevokedServer"/>.</summary>
    public string CrlFile { get; }

    /// <summary>A CRL of the CA, empty, whose nextUpdate has passed.</summary>
    public string ExpiredCrlFile { get; }

    public string Alice { get; }

    /// <summary>Alice with her key as encrypted PKCS#8, password <see cref="Password"/>.</summary>
    public string AliceEncrypted { get; }

    /// <summary>Alice with her key in OpenSSL's traditional encryption (Proc-Type: 4,ENCRYPTED), password <see cref="Password"/>.</summary>
    public string AliceTraditional { get; }

    /// <summary>carol, issued by an intermediate CA, with that intermediate in the file.</summary>
    public string ChainedClient { get; }

    /// <summary>dave, issued by the same intermediate, without it in the file: the server cannot build his chain.</summary>
    public string ChainedClientWithoutIntermediate { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static X500DistinguishedName Dn(string subject) => DistinguishedNameParser.Parse(subject).ToX500DistinguishedName();

    private string Issue(
        CertificateIssuer issuer, X509Certificate2 ca, string name, string subject, IReadOnlyList<string> hosts,
        IReadOnlyList<X509Certificate2>? intermediates = null, CertificateProfile profile = CertificateProfile.Member)
    {
        var request = new IssueRequest { Profile = profile, Subject = Dn(subject), Hosts = hosts };
        using var certificate = issuer.Issue(request, ca);
        var path = Path.Combine(Directory, name);
        CertificateFileWriter.WriteCombined(path, certificate, intermediates);
        return path;
    }

    // openssl ec -aes256 writes the traditional form (BEGIN EC PRIVATE KEY, Proc-Type: 4,ENCRYPTED) that PyMongo accepts.
    private string TraditionalCopy(X509Certificate2 certificate)
    {
        var plainKey = Path.Combine(Directory, "alice-plain.key");
        var encryptedKey = Path.Combine(Directory, "alice-traditional.key");
        CertificateFileWriter.WritePrivateKey(plainKey, certificate);
        var start = new ProcessStartInfo("openssl") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "ec", "-aes256", "-passout", "pass:" + Password, "-in", plainKey, "-out", encryptedKey })
        {
            start.ArgumentList.Add(argument);
        }

        using (var openssl = Process.Start(start)!)
        {
            var error = openssl.StandardError.ReadToEnd();
            openssl.WaitForExit();
            if (openssl.ExitCode != 0)
            {
                throw new InvalidOperationException("openssl ec failed: " + error);
            }
        }

        File.Delete(plainKey);
        var path = Path.Combine(Directory, "alice-traditional.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + File.ReadAllText(encryptedKey));
        return path;
    }
}
