namespace Tessera.Security.Tls;

/// <summary>Which certificates of a verified chain must be covered by a valid CRL of their issuer.</summary>
public enum RevocationScope
{
    /// <summary>Every certificate below the trust anchor (OpenSSL's CRL_CHECK_ALL, as mongod does): the default.</summary>
    AllButRoot,

    /// <summary>The peer's leaf only (OpenSSL's CRL_CHECK_LEAF, as the drivers do with tlsCRLFile).</summary>
    LeafOnly,
}
