namespace Tessera.Server.Configuration;

/// <summary><c>security</c>: client authorization and how cluster members authenticate.</summary>
public sealed record SecurityOptions
{
    /// <summary>As given; null when neither <c>security.authorization</c> nor <c>--auth</c>/<c>--noauth</c> was.</summary>
    public AuthorizationMode? Authorization { get; init; }

    /// <summary>Null when not given: no cluster authentication, which allows no X.509 membership.</summary>
    public ClusterAuthMode? ClusterAuthMode { get; init; }

    public string? KeyFile { get; init; }

    /// <summary><c>security.transitionToAuth</c>: accept unauthenticated clients while a deployment turns auth on.</summary>
    public bool TransitionToAuth { get; init; }

    /// <summary>
    /// Whether commands require authentication. As in mongod, a key file or a cluster authentication mode
    /// implies it unless authorization is explicitly disabled, and transitionToAuth turns it off.
    /// </summary>
    public bool AuthorizationEnabled =>
        !TransitionToAuth
        && (Authorization ?? (KeyFile is not null || ClusterAuthMode is not null ? AuthorizationMode.Enabled : AuthorizationMode.Disabled))
            == AuthorizationMode.Enabled;

    public bool ClusterAuthAllowsX509 => ClusterAuthMode is { } mode && mode.AllowsX509();
}
