using System.Runtime.InteropServices;

namespace Tessera.Tls.Native;

/// <summary>
/// The few libssl/libcrypto (OpenSSL 3) entry points Tessera's TLS needs. They are called directly, not through
/// SslStream, because only OpenSSL's own callbacks let the server refuse a client certificate during the handshake
/// with the TLS alert that names the reason (SslStream on Linux closes without one), staple an OCSP response, and let
/// a client see the response a server stapled (SslStream exposes none of the three).
/// Macros of ssl.h (SSL_CTX_set_min_proto_version and friends) are spelled out as the SSL_CTX_ctrl calls they are.
/// </summary>
internal static unsafe partial class LibSsl
{
    private const string Ssl = "libssl.so.3";
    private const string Crypto = "libcrypto.so.3";

    public const int VerifyNone = 0x00;
    public const int VerifyPeer = 0x01;
    public const int VerifyFailIfNoPeerCertificate = 0x02;

    public const int ErrorSsl = 1;
    public const int ErrorWantRead = 2;
    public const int ErrorWantWrite = 3;
    public const int ErrorSyscall = 5;
    public const int ErrorZeroReturn = 6;

    public const ulong OptionNoTicket = 1UL << 14;
    public const ulong OptionCipherServerPreference = 1UL << 22;
    public const ulong OptionNoSsl3 = 1UL << 25;
    public const ulong OptionNoTls1 = 1UL << 26;
    public const ulong OptionNoTls1_2 = 1UL << 27;
    public const ulong OptionNoTls1_1 = 1UL << 28;
    public const ulong OptionNoTls1_3 = 1UL << 29;
    public const ulong OptionNoRenegotiation = 1UL << 30;

    public const int ControlChainCertificate = 89;
    public const int ControlSetHostName = 55;              // SSL_set_tlsext_host_name
    public const int ControlSetStatusCallback = 63;        // SSL_CTX_set_tlsext_status_cb
    public const int ControlSetStatusCallbackArgument = 64; // SSL_CTX_set_tlsext_status_arg
    public const int ControlSetStatusType = 65;            // SSL_set_tlsext_status_type
    public const int ControlGetStatusResponse = 70;        // SSL_get_tlsext_status_ocsp_resp
    public const int ControlSetStatusResponse = 71;        // SSL_set_tlsext_status_ocsp_resp
    public const int ControlSetMinimumProtocol = 123;      // SSL_CTX_set_min_proto_version
    public const int StatusTypeOcsp = 1;
    public const int HostNameType = 0;
    public const int ExtensionOk = 0;
    public const int ExtensionNoAcknowledgement = 3;
    public const int BioControlPending = 10;
    public const int BioControlSetMemoryEofReturn = 130;

    public const int Tls1_2Version = 0x0303;
    public const int Tls1_3Version = 0x0304;

    public const int ReasonPeerDidNotReturnCertificate = 199;
    public const ulong ReasonMask = 0x7FFFFF;

    // libssl
    [LibraryImport(Ssl)]
    public static partial IntPtr TLS_server_method();

    [LibraryImport(Ssl)]
    public static partial IntPtr TLS_client_method();

    [LibraryImport(Ssl)]
    public static partial SslContextHandle SSL_CTX_new(IntPtr method);

    [LibraryImport(Ssl)]
    public static partial nint SSL_CTX_callback_ctrl(SslContextHandle context, int command, IntPtr callback);

    [LibraryImport(Ssl)]
    public static partial nint SSL_ctrl(SslHandle ssl, int command, nint larg, IntPtr parg);

    [LibraryImport(Ssl, EntryPoint = "SSL_ctrl")]
    public static partial nint SSL_ctrl_raw(IntPtr ssl, int command, nint larg, IntPtr parg);

    [LibraryImport(Ssl)]
    public static partial void SSL_set_connect_state(SslHandle ssl);

    [LibraryImport(Ssl)]
    public static partial IntPtr SSL_get_current_cipher(SslHandle ssl);

    [LibraryImport(Ssl)]
    public static partial IntPtr SSL_CIPHER_standard_name(IntPtr cipher);

    [LibraryImport(Ssl)]
    public static partial void SSL_CTX_free(IntPtr context);

    [LibraryImport(Ssl)]
    public static partial int SSL_CTX_use_certificate(SslContextHandle context, IntPtr certificate);

    [LibraryImport(Ssl)]
    public static partial int SSL_CTX_use_PrivateKey(SslContextHandle context, IntPtr key);

    [LibraryImport(Ssl)]
    public static partial int SSL_CTX_check_private_key(SslContextHandle context);

    [LibraryImport(Ssl)]
    public static partial nint SSL_CTX_ctrl(SslContextHandle context, int command, nint larg, IntPtr parg);

    [LibraryImport(Ssl)]
    public static partial ulong SSL_CTX_set_options(SslContextHandle context, ulong options);

    [LibraryImport(Ssl)]
    public static partial void SSL_CTX_set_verify(SslContextHandle context, int mode, IntPtr callback);

    [LibraryImport(Ssl)]
    public static partial void SSL_CTX_set_cert_verify_callback(SslContextHandle context, delegate* unmanaged<IntPtr, IntPtr, int> callback, IntPtr argument);

    [LibraryImport(Ssl)]
    public static partial int SSL_CTX_set_session_id_context(SslContextHandle context, byte* id, uint length);

    [LibraryImport(Ssl)]
    public static partial SslHandle SSL_new(SslContextHandle context);

    [LibraryImport(Ssl)]
    public static partial void SSL_free(IntPtr ssl);

    [LibraryImport(Ssl)]
    public static partial void SSL_set_bio(SslHandle ssl, IntPtr readBio, IntPtr writeBio);

    [LibraryImport(Ssl)]
    public static partial void SSL_set_accept_state(SslHandle ssl);

    [LibraryImport(Ssl)]
    public static partial int SSL_do_handshake(SslHandle ssl);

    [LibraryImport(Ssl)]
    public static partial int SSL_read(SslHandle ssl, byte* buffer, int count);

    [LibraryImport(Ssl)]
    public static partial int SSL_write(SslHandle ssl, byte* buffer, int count);

    [LibraryImport(Ssl)]
    public static partial int SSL_get_error(SslHandle ssl, int result);

    [LibraryImport(Ssl)]
    public static partial int SSL_shutdown(SslHandle ssl);

    [LibraryImport(Ssl)]
    public static partial int SSL_version(SslHandle ssl);

    [LibraryImport(Ssl)]
    public static partial int SSL_session_reused(SslHandle ssl);

    [LibraryImport(Ssl)]
    public static partial IntPtr SSL_get1_peer_certificate(SslHandle ssl);

    [LibraryImport(Ssl)]
    public static partial IntPtr SSL_get_peer_cert_chain(SslHandle ssl);

    [LibraryImport(Ssl)]
    public static partial int SSL_set_ex_data(SslHandle ssl, int index, IntPtr data);

    [LibraryImport(Ssl)]
    public static partial IntPtr SSL_get_ex_data(IntPtr ssl, int index);

    [LibraryImport(Ssl)]
    public static partial int SSL_get_ex_data_X509_STORE_CTX_idx();

    // libcrypto
    [LibraryImport(Crypto)]
    public static partial int CRYPTO_get_ex_new_index(int classIndex, nint argl, IntPtr argp, IntPtr newFunction, IntPtr duplicateFunction, IntPtr freeFunction);

    [LibraryImport(Crypto)]
    public static partial IntPtr CRYPTO_malloc(nuint count, [MarshalAs(UnmanagedType.LPUTF8Str)] string file, int line);

    [LibraryImport(Crypto)]
    public static partial IntPtr BIO_s_mem();

    [LibraryImport(Crypto)]
    public static partial IntPtr BIO_new(IntPtr method);

    [LibraryImport(Crypto)]
    public static partial int BIO_free(IntPtr bio);

    [LibraryImport(Crypto)]
    public static partial int BIO_read(IntPtr bio, byte* buffer, int count);

    [LibraryImport(Crypto)]
    public static partial int BIO_write(IntPtr bio, byte* buffer, int count);

    [LibraryImport(Crypto)]
    public static partial nint BIO_ctrl(IntPtr bio, int command, nint larg, IntPtr parg);

    [LibraryImport(Crypto)]
    public static partial IntPtr d2i_X509(IntPtr reuse, byte** input, nint length);

    [LibraryImport(Crypto)]
    public static partial int i2d_X509(IntPtr certificate, byte** output);

    [LibraryImport(Crypto)]
    public static partial void X509_free(IntPtr certificate);

    [LibraryImport(Crypto)]
    public static partial IntPtr d2i_AutoPrivateKey(IntPtr reuse, byte** input, nint length);

    [LibraryImport(Crypto)]
    public static partial void EVP_PKEY_free(IntPtr key);

    [LibraryImport(Crypto)]
    public static partial IntPtr X509_STORE_CTX_get0_cert(IntPtr storeContext);

    [LibraryImport(Crypto)]
    public static partial IntPtr X509_STORE_CTX_get0_untrusted(IntPtr storeContext);

    [LibraryImport(Crypto)]
    public static partial void X509_STORE_CTX_set_error(IntPtr storeContext, int error);

    [LibraryImport(Crypto)]
    public static partial IntPtr X509_STORE_CTX_get_ex_data(IntPtr storeContext, int index);

    [LibraryImport(Crypto)]
    public static partial int OPENSSL_sk_num(IntPtr stack);

    [LibraryImport(Crypto)]
    public static partial IntPtr OPENSSL_sk_value(IntPtr stack, int index);

    [LibraryImport(Crypto)]
    public static partial ulong ERR_get_error();

    [LibraryImport(Crypto)]
    public static partial void ERR_error_string_n(ulong error, byte* buffer, nuint length);

    [LibraryImport(Crypto)]
    public static partial void ERR_clear_error();
}
