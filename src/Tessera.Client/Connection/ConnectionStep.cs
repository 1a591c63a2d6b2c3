namespace Tessera.Client.Connection;

/// <summary>The steps of opening a connection, in the order they run (and <c>tessera doctor</c> prints them).</summary>
public enum ConnectionStep
{
    /// <summary>The host name is looked up in DNS.</summary>
    Resolve,

    /// <summary>A TCP connection to one of the addresses.</summary>
    Tcp,

    /// <summary>The TLS handshake, including the trust of the server's certificate chain.</summary>
    TlsHandshake,

    /// <summary>The server's certificate names the host the client connected to.</summary>
    HostName,

    /// <summary>The server's certificate is not revoked (tlsCRLFile).</summary>
    Revocation,

    /// <summary>OCSP: a hook for a later issue; never run today.</summary>
    Ocsp,

    /// <summary>The hello command, the first message on the connection.</summary>
    Hello,

    /// <summary>MONGODB-X509 login, speculative inside hello or with authenticate on $external.</summary>
    Login,

    /// <summary>A command after the connection is open (tessera doctor's ping).</summary>
    Command,
}
