namespace Tessera.Tls;

/// <summary>Where a server's TLS context takes the OCSP response it staples for its own certificate.</summary>
public interface IStapledResponseSource
{
    /// <summary>The DER OCSP response to staple now, or null to staple nothing (none fetched yet, or it expired).</summary>
    byte[]? Current { get; }
}
