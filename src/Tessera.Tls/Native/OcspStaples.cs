using System.Runtime.InteropServices;
using Tessera.Tls.Client;

namespace Tessera.Tls.Native;

/// <summary>
/// OCSP stapling through OpenSSL's status callback (SSL_CTX_set_tlsext_status_cb), whose meaning depends on the side:
/// a server's is asked for the response to send, a client's is shown the response received and may end the handshake
/// (OpenSSL then sends bad_certificate_status_response and reports "invalid status response", as PyMongo's does).
/// </summary>
internal static unsafe class OcspStaples
{
    /// <summary>Makes a server context staple what <paramref name="source"/> (a GCHandle to an <see cref="IStapledResponseSource"/>) holds.</summary>
    public static void ServeFrom(SslContextHandle context, GCHandle source)
    {
        LibSsl.SSL_CTX_callback_ctrl(context, LibSsl.ControlSetStatusCallback, (IntPtr)(delegate* unmanaged<IntPtr, IntPtr, int>)&Staple);
        LibSsl.SSL_CTX_ctrl(context, LibSsl.ControlSetStatusCallbackArgument, 0, GCHandle.ToIntPtr(source));
    }

    /// <summary>Makes a client context show each received response to the connection's <see cref="IServerCertificateJudge"/>.</summary>
    public static void CheckReceived(SslContextHandle context) =>
        LibSsl.SSL_CTX_callback_ctrl(context, LibSsl.ControlSetStatusCallback, (IntPtr)(delegate* unmanaged<IntPtr, IntPtr, int>)&Check);

    /// <summary>Asks the server for a stapled response (the status_request extension).</summary>
    public static void Request(SslHandle ssl) => LibSsl.SSL_ctrl(ssl, LibSsl.ControlSetStatusType, LibSsl.StatusTypeOcsp, IntPtr.Zero);

    /// <summary>The response the server stapled (a copy), or null.</summary>
    private static byte[]? Received(IntPtr ssl)
    {
        IntPtr response;
        var length = LibSsl.SSL_ctrl_raw(ssl, LibSsl.ControlGetStatusResponse, 0, (IntPtr)(&response));
        return length > 0 && response != IntPtr.Zero ? new ReadOnlySpan<byte>((void*)response, (int)length).ToArray() : null;
    }

    [UnmanagedCallersOnly]
    private static int Staple(IntPtr ssl, IntPtr argument)
    {
        try
        {
            if (GCHandle.FromIntPtr(argument).Target is not IStapledResponseSource source || source.Current is not { Length: > 0 } response)
            {
                return LibSsl.ExtensionNoAcknowledgement;
            }

            // OpenSSL takes ownership of the copy and frees it with OPENSSL_free, so it must come from OPENSSL_malloc.
            var copy = LibSsl.CRYPTO_malloc((nuint)response.Length, nameof(OcspStaples), 0);
            if (copy == IntPtr.Zero)
            {
                return LibSsl.ExtensionNoAcknowledgement;
            }

            response.CopyTo(new Span<byte>((void*)copy, response.Length));
            LibSsl.SSL_ctrl_raw(ssl, LibSsl.ControlSetStatusResponse, response.Length, copy);
            return LibSsl.ExtensionOk;
        }
#pragma warning disable CA1031 // an exception must not cross into OpenSSL: the handshake goes on without a staple
        catch (Exception)
#pragma warning restore CA1031
        {
            return LibSsl.ExtensionNoAcknowledgement;
        }
    }

    [UnmanagedCallersOnly]
    private static int Check(IntPtr ssl, IntPtr argument)
    {
        try
        {
            var judge = PeerVerification.JudgeOf<IServerCertificateJudge>(ssl);
            if (judge is null)
            {
                return 0; // fail closed
            }

            return judge.AcceptStatus(Received(ssl)) ? 1 : 0;
        }
#pragma warning disable CA1031 // an exception must not cross into OpenSSL: it becomes a refusal
        catch (Exception)
#pragma warning restore CA1031
        {
            return 0;
        }
    }
}
