using System.Runtime.InteropServices;
using System.Security.Authentication;
using System.Security.Cryptography;
using Tessera.Security.Files;
using Tessera.Security.Tls;

namespace Tessera.Server.Transport.OpenSsl;

/// <summary>How the server asks for client certificates.</summary>
internal enum ClientCertificateMode
{
    /// <summary>No tlsCAFile: no certificate is requested (mongod does the same).</summary>
    NotRequested,

    /// <summary>Requested and judged when sent; a client without one is admitted (tlsAllowConnectionsWithoutCertificates).</summary>
    Optional,

    /// <summary>Requested and required: a client without one gets OpenSSL's certificate_required alert.</summary>
    Required,
}

/// <summary>
/// The server's OpenSSL context (SSL_CTX), built once at start-up: its certificate, chain and key, the protocols
/// left on, and the certificate callback that hands each client certificate to the connection's
/// <see cref="IClientCertificateJudge"/> during the handshake.
/// Sessions are cached in the server's memory only (no stateless tickets): OpenSSL caches a session only after a
/// handshake whose certificate was admitted, and a resumed session keeps the peer's certificate and chain, so the
/// connection can judge them again.
/// </summary>
internal sealed unsafe class ServerTlsContext : IDisposable
{
    private static readonly int JudgeIndex = LibSsl.CRYPTO_get_ex_new_index(0 /* CRYPTO_EX_INDEX_SSL */, 0, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero);
    private static readonly int StoreContextSslIndex = LibSsl.SSL_get_ex_data_X509_STORE_CTX_idx();

    private readonly SslContextHandle _context;

    public ServerTlsContext(CertificateKeyFile certificate, SslProtocols enabledProtocols, ClientCertificateMode clientCertificates)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        OpenSslErrorQueue.Clear();
        _context = LibSsl.SSL_CTX_new(LibSsl.TLS_server_method());
        if (_context.IsInvalid)
        {
            throw Failure("SSL_CTX_new");
        }

        try
        {
            UseCertificate(certificate);
            LibSsl.SSL_CTX_set_options(_context, ProtocolOptions(enabledProtocols)
                | LibSsl.OptionNoRenegotiation | LibSsl.OptionNoTicket | LibSsl.OptionCipherServerPreference);
            var sessionContext = "tessera"u8;
            fixed (byte* id = sessionContext)
            {
                // Required with client certificates: OpenSSL refuses to resume a session without a session id context.
                LibSsl.SSL_CTX_set_session_id_context(_context, id, (uint)sessionContext.Length);
            }

            var mode = clientCertificates switch
            {
                ClientCertificateMode.Required => LibSsl.VerifyPeer | LibSsl.VerifyFailIfNoPeerCertificate,
                ClientCertificateMode.Optional => LibSsl.VerifyPeer,
                _ => LibSsl.VerifyNone,
            };
            LibSsl.SSL_CTX_set_verify(_context, mode, IntPtr.Zero);
            LibSsl.SSL_CTX_set_cert_verify_callback(_context, &VerifyClientCertificate, IntPtr.Zero);
        }
        catch
        {
            _context.Dispose();
            throw;
        }
    }

    /// <summary>A new connection's SSL in server mode, with the judge its certificate callback will ask.</summary>
    public SslHandle NewConnection(GCHandle judge)
    {
        var ssl = LibSsl.SSL_new(_context);
        if (ssl.IsInvalid)
        {
            throw Failure("SSL_new");
        }

        LibSsl.SSL_set_ex_data(ssl, JudgeIndex, GCHandle.ToIntPtr(judge));
        LibSsl.SSL_set_accept_state(ssl);
        return ssl;
    }

    public void Dispose() => _context.Dispose();

    private void UseCertificate(CertificateKeyFile certificate)
    {
        var leaf = NativeCertificates.ToNative(certificate.Certificate);
        try
        {
            Check(LibSsl.SSL_CTX_use_certificate(_context, leaf), "SSL_CTX_use_certificate");
        }
        finally
        {
            LibSsl.X509_free(leaf); // the context took its own reference
        }

        foreach (var intermediate in certificate.Intermediates)
        {
            var native = NativeCertificates.ToNative(intermediate);
            try
            {
                // SSL_CTX_add1_chain_cert: the chain sent after the leaf, with its own reference.
                Check((int)LibSsl.SSL_CTX_ctrl(_context, LibSsl.ControlChainCertificate, 1, native), "SSL_CTX_add1_chain_cert");
            }
            finally
            {
                LibSsl.X509_free(native);
            }
        }

        var key = NativeCertificates.PrivateKeyToNative(certificate.Certificate);
        try
        {
            Check(LibSsl.SSL_CTX_use_PrivateKey(_context, key), "SSL_CTX_use_PrivateKey");
        }
        finally
        {
            LibSsl.EVP_PKEY_free(key);
        }

        Check(LibSsl.SSL_CTX_check_private_key(_context), "SSL_CTX_check_private_key");
    }

    private static ulong ProtocolOptions(SslProtocols enabled)
    {
#pragma warning disable SYSLIB0039 // TLS 1.0 and 1.1 are named only to honour an operator's tlsDisabledProtocols=none.
        var options = LibSsl.OptionNoSsl3;
        options |= (enabled & SslProtocols.Tls) == 0 ? LibSsl.OptionNoTls1 : 0;
        options |= (enabled & SslProtocols.Tls11) == 0 ? LibSsl.OptionNoTls1_1 : 0;
#pragma warning restore SYSLIB0039
        options |= (enabled & SslProtocols.Tls12) == 0 ? LibSsl.OptionNoTls1_2 : 0;
        options |= (enabled & SslProtocols.Tls13) == 0 ? LibSsl.OptionNoTls1_3 : 0;
        return options;
    }

    // SSL_CTX_set_cert_verify_callback: replaces OpenSSL's own chain building, so the certificate is judged by
    // Tessera's validator (CA file only, CRLs, EKU) and a refusal still goes through OpenSSL's alert.
    [UnmanagedCallersOnly]
    private static int VerifyClientCertificate(IntPtr storeContext, IntPtr argument)
    {
        try
        {
            var ssl = LibSsl.X509_STORE_CTX_get_ex_data(storeContext, StoreContextSslIndex);
            var judgeHandle = ssl == IntPtr.Zero ? IntPtr.Zero : LibSsl.SSL_get_ex_data(ssl, JudgeIndex);
            if (judgeHandle == IntPtr.Zero || GCHandle.FromIntPtr(judgeHandle).Target is not IClientCertificateJudge judge)
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

    private static void Check(int result, string call)
    {
        if (result != 1)
        {
            throw Failure(call);
        }
    }

    private static CryptographicException Failure(string call) =>
        new($"OpenSSL {call} failed: {OpenSslErrorQueue.Drain().Text}");
}
