namespace Tessera.Server.Configuration;

/// <summary><c>security.authorization</c> (<c>--auth</c> / <c>--noauth</c>).</summary>
public enum AuthorizationMode
{
    Disabled,
    Enabled,
}
