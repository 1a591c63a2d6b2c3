using System.Runtime.InteropServices;
using Tessera.Security.Tls;

namespace Tessera.Tls.Native;

/// <summary>
/// The certificate callback of both sides (SSL_CTX_set_cert_verify_callback). It replaces OpenSSL's own chain building,
/// so the peer's certificate is judged by Tessera's validator and policy (the connection's <see cref="IPeerCertificateJudge"/>,
/// kept in the SSL's ex_data), while a refusal still goes out as OpenSSL's most specific alert.
/// </summary>
internal static unsafe class PeerVerification
{
    private static readonly int JudgeIndex = LibSsl.CRYPTO_get_ex_new_index(0 /* CRYPTO_EX_INDEX_SSL */, 0, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero);
    private static readonly int StoreContextSslIndex = LibSsl.SSL_get_ex_data_X509_STORE_CTX_idx();

    /// <summary>Installs the callback on a context; <paramref name="mode"/> is SSL_CTX_set_verify's.</summary>
    public static void Install(SslContextHandle context, int mode)
    {
        LibSsl.SSL_CTX_set_verify(context, mode, IntPtr.Zero);
        LibSsl.SSL_CTX_set_cert_verify_callback(context, &Verify, IntPtr.Zero);
    }

    /// <summary>A new connection's SSL, tied to its judge (a GCHandle the connection keeps alive).</summary>
    public static SslHandle NewConnection(SslContextHandle context, GCHandle judge)
    {
        var ssl = LibSsl.SSL_new(context);
        if (ssl.IsInvalid)
        {
            throw OpenSslErrorQueue.Failure("SSL_new");
        }

        LibSsl.SSL_set_ex_data(ssl, JudgeIndex, GCHandle.ToIntPtr(judge));
        return ssl;
    }

    /// <summary>The judge of a connection, for the other callbacks; null when none is attached.</summary>
    public static T? JudgeOf<T>(IntPtr ssl)
        where T : class
    {
        var handle = ssl == IntPtr.Zero ? IntPtr.Zero : LibSsl.SSL_get_ex_data(ssl, JudgeIndex);
        return handle == IntPtr.Zero ? null : GCHandle.FromIntPtr(handle).Target as T;
    }

    [UnmanagedCallersOnly]
    private static int Verify(IntPtr storeContext, IntPtr argument)
    {
        try
        {
            var judge = JudgeOf<IPeerCertificateJudge>(LibSsl.X509_STORE_CTX_get_ex_data(storeContext, StoreContextSslIndex));
            if (judge is null)
            {
                return Refuse(storeContext, PeerFailure.Other); // fail closed
            }

            var leaf = LibSsl.X509_STORE_CTX_get0_cert(storeContext);
            var certificate = NativeCertificates.ToManaged(leaf);

            // The presented chain starts with the leaf itself; it is not copied twice (a copy costs more than the rest).
            var presented = NativeCertificates.ToManagedCollection(LibSsl.X509_STORE_CTX_get0_untrusted(storeContext), except: leaf);
            var failure = judge.Judge(certificate, presented);
            return failure == PeerFailure.None ? 1 : Refuse(storeContext, failure);
        }
#pragma warning disable CA1031 // an exception must not cross into OpenSSL: it becomes a refusal
        catch (Exception)
#pragma warning restore CA1031
        {
            return Refuse(storeContext, PeerFailure.Other);
        }
    }

    private static int Refuse(IntPtr storeContext, PeerFailure failure)
    {
        LibSsl.X509_STORE_CTX_set_error(storeContext, RefusalAlerts.VerifyErrorFor(failure));
        return 0;
    }
}
