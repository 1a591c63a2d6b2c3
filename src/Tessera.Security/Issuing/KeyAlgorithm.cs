namespace Tessera.Security.Issuing;

/// <summary>The key pair generated for a new certificate.</summary>
public enum KeyAlgorithm
{
    /// <summary>ECDSA on NIST P-256 (secp256r1): small, fast, and accepted by every MongoDB client.</summary>
    EcdsaP256,

    /// <summary>RSA with a 2048-bit modulus: for clients or tools that predate ECDSA support.</summary>
    Rsa2048,

    /// <summary>RSA with a 4096-bit modulus: slow to generate; for policies that demand it.</summary>
    Rsa4096,
}
