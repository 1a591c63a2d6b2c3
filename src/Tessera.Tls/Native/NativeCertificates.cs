using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Files;

namespace Tessera.Tls.Native;

/// <summary>Moves certificates and keys between .NET's objects and OpenSSL's X509 and EVP_PKEY, through DER.</summary>
internal static unsafe class NativeCertificates
{
    /// <summary>A new X509 the caller must free with X509_free.</summary>
    public static IntPtr ToNative(X509Certificate2 certificate)
    {
        var der = certificate.RawData;
        fixed (byte* start = der)
        {
            var cursor = start;
            var native = LibSsl.d2i_X509(IntPtr.Zero, &cursor, der.Length);
            return native != IntPtr.Zero ? native : throw new CryptographicException("OpenSSL could not read the certificate " + certificate.Subject);
        }
    }

    /// <summary>Gives a context the certificate it presents, the chain sent after it, and its private key.</summary>
    public static void Install(SslContextHandle context, CertificateKeyFile certificate)
    {
        var leaf = ToNative(certificate.Certificate);
        try
        {
            OpenSslErrorQueue.Check(LibSsl.SSL_CTX_use_certificate(context, leaf), "SSL_CTX_use_certificate");
        }
        finally
        {
            LibSsl.X509_free(leaf); // the context took its own reference
        }

        foreach (var intermediate in certificate.Intermediates)
        {
            var native = ToNative(intermediate);
            try
            {
                // SSL_CTX_add1_chain_cert: the chain sent after the leaf, with its own reference.
                OpenSslErrorQueue.Check((int)LibSsl.SSL_CTX_ctrl(context, LibSsl.ControlChainCertificate, 1, native), "SSL_CTX_add1_chain_cert");
            }
            finally
            {
                LibSsl.X509_free(native);
            }
        }

        var key = PrivateKeyToNative(certificate.Certificate);
        try
        {
            OpenSslErrorQueue.Check(LibSsl.SSL_CTX_use_PrivateKey(context, key), "SSL_CTX_use_PrivateKey");
        }
        finally
        {
            LibSsl.EVP_PKEY_free(key);
        }

        OpenSslErrorQueue.Check(LibSsl.SSL_CTX_check_private_key(context), "SSL_CTX_check_private_key");
    }

    /// <summary>A .NET copy of an X509 OpenSSL owns (the pointer is not freed here).</summary>
    public static X509Certificate2 ToManaged(IntPtr certificate)
    {
        var length = LibSsl.i2d_X509(certificate, null);
        if (length <= 0)
        {
            throw new CryptographicException("OpenSSL could not encode a peer certificate.");
        }

        var der = new byte[length];
        fixed (byte* start = der)
        {
            var cursor = start;
            LibSsl.i2d_X509(certificate, &cursor);
        }

        return X509CertificateLoader.LoadCertificate(der);
    }

    /// <summary>.NET copies of the certificates in an OpenSSL STACK_OF(X509) but <paramref name="except"/>; an absent stack gives an empty collection.</summary>
    public static X509Certificate2Collection ToManagedCollection(IntPtr stack, IntPtr except = default)
    {
        var collection = new X509Certificate2Collection();
        if (stack == IntPtr.Zero)
        {
            return collection;
        }

        var count = LibSsl.OPENSSL_sk_num(stack);
        for (var i = 0; i < count; i++)
        {
            var certificate = LibSsl.OPENSSL_sk_value(stack, i);
            if (certificate != except)
            {
                collection.Add(ToManaged(certificate));
            }
        }

        return collection;
    }

    /// <summary>A new EVP_PKEY with the certificate's private key (the caller frees it); the DER copy is wiped.</summary>
    public static IntPtr PrivateKeyToNative(X509Certificate2 certificate)
    {
        using AsymmetricAlgorithm key = (AsymmetricAlgorithm?)certificate.GetECDsaPrivateKey()
            ?? (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey()
            ?? throw new CryptographicException("The certificate " + certificate.Subject + " has no RSA or ECDSA private key.");
        var der = key.ExportPkcs8PrivateKey();
        try
        {
            fixed (byte* start = der)
            {
                var cursor = start;
                var native = LibSsl.d2i_AutoPrivateKey(IntPtr.Zero, &cursor, der.Length);
                return native != IntPtr.Zero ? native : throw new CryptographicException("OpenSSL could not read the private key of " + certificate.Subject + ".");
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(der);
        }
    }
}
