using MongoDB.Bson;
using Tessera.Security.Files;
using Tessera.Security.Names;

namespace Tessera.Client.Connection;

/// <summary>
/// MONGODB-X509 as the auth and handshake specs describe it: <c>{authenticate: 1, mechanism: "MONGODB-X509"[, user]}</c>
/// sent inside hello as speculativeAuthenticate (no <c>db</c> field), and, when the hello reply does not carry a
/// speculativeAuthenticate document, the same command on $external. The user name is sent only when the URI gives one.
/// </summary>
internal sealed class X509Login
{
    private readonly X509Credential _credential;
    private readonly CertificateKeyFile _certificate;

    public X509Login(X509Credential credential, CertificateKeyFile certificate)
    {
        _credential = credential;
        _certificate = certificate;
    }

    public BsonDocument Command()
    {
        var command = new BsonDocument { { "authenticate", 1 }, { "mechanism", AuthMechanisms.X509 } };
        if (_credential.UserName is not null)
        {
            command.Add("user", _credential.UserName);
        }

        return command;
    }

    /// <summary>The user the speculative attempt logged in as, or null when the server did not accept it in hello.</summary>
    public static string? SpeculativeUser(BsonDocument helloReply) =>
        helloReply.TryGetValue("speculativeAuthenticate", out var value) && value is BsonDocument { ElementCount: > 0 } reply
            ? reply.GetValue("user", "").ToString()
            : null;

    /// <summary>What to do about a refused login: the server's code decides, the certificate's subject is the hint.</summary>
    public string FixFor(int code)
    {
        var subject = ExternalUserName.Of(_certificate.Certificate);
        return code switch
        {
            18 when _credential.UserName is not null && _credential.UserName != subject =>
                $"the user name in the URI ('{_credential.UserName}') must equal the client certificate's subject exactly, '{subject}'; " +
                "correct it (percent-encoded in the URI) or leave it out, and the server takes the name from the certificate",
            11 => $"create the user on the server: db.getSiblingDB(\"$external\").runCommand({{createUser: \"{subject}\", roles: [{{role: \"readWrite\", db: \"test\"}}]}})",
            _ => $"the server refused '{subject}' from tlsCertificateKeyFile={_certificate.Path}; its log (id 5286307) names the reason; tessera certs inspect FILE shows the user name",
        };
    }
}
