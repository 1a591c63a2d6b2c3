namespace Tessera.Client.Connection;

/// <summary>How <see cref="TesseraConnection.OpenAsync(ConnectionString, ConnectionOptions?, CancellationToken)"/> opens a connection.</summary>
public sealed record ConnectionOptions
{
    /// <summary>The seed to connect to; null for the URI's first host. There is no server discovery.</summary>
    public ServerAddress? Server { get; init; }

    /// <summary>
    /// TLS options given in code, each replacing the URI's option of the same name: PyMongo's keyword arguments. The
    /// conflict rules then apply to the merged options, as PyMongo's second check does.
    /// </summary>
    public TlsOptions? TlsOptions { get; init; }

    /// <summary>Told about each step as it passes; null for nobody.</summary>
    public IConnectionObserver? Observer { get; init; }

    /// <summary>
    /// True (the default): the X.509 login rides in hello's speculativeAuthenticate, as drivers do with servers 4.4+.
    /// False: hello without it, then authenticate on $external, as drivers do with older servers.
    /// </summary>
    public bool SpeculativeAuthentication { get; init; } = true;
}
