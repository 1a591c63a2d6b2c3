using Tessera.Security.Issuing;

namespace Tessera.Client.Tests.Ocsp;

/// <summary>The RSA and the ECDSA OCSP test PKIs, made once for the whole matrix.</summary>
public sealed class OcspMatrixPki : IDisposable
{
    private readonly OcspTestPki _rsa = new(KeyAlgorithm.Rsa2048);
    private readonly OcspTestPki _ecdsa = new(KeyAlgorithm.EcdsaP256);

    public OcspTestPki For(KeyAlgorithm key) => key == KeyAlgorithm.EcdsaP256 ? _ecdsa : _rsa;

    public void Dispose()
    {
        _rsa.Dispose();
        _ecdsa.Dispose();
    }
}
