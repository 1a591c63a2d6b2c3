using System.Text;

namespace Tessera.Tls.Native;

/// <summary>
/// OpenSSL's per-thread error queue, drained into the text operators know from mongod's logs
/// ("error:0A000086:SSL routines::certificate verify failed"). Every TLS call clears it first and drains it after,
/// on the same thread, so one connection's errors never show up in another's message.
/// </summary>
internal static unsafe class OpenSslErrorQueue
{
    public static void Clear() => LibSsl.ERR_clear_error();

    /// <summary>Takes every queued error; the reason code of the first one is returned too (0 when none).</summary>
    public static (string Text, ulong FirstReason) Drain()
    {
        var text = new StringBuilder();
        ulong firstReason = 0;
        Span<byte> buffer = stackalloc byte[256];
        for (var error = LibSsl.ERR_get_error(); error != 0; error = LibSsl.ERR_get_error())
        {
            if (firstReason == 0)
            {
                firstReason = error & LibSsl.ReasonMask;
            }

            fixed (byte* p = buffer)
            {
                LibSsl.ERR_error_string_n(error, p, (nuint)buffer.Length);
            }

            var length = buffer.IndexOf((byte)0);
            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(Encoding.ASCII.GetString(buffer[..(length < 0 ? buffer.Length : length)]));
        }

        return (text.ToString(), firstReason);
    }

    /// <summary>Throws with the queued errors when an OpenSSL call did not return 1.</summary>
    public static void Check(int result, string call)
    {
        if (result != 1)
        {
            throw Failure(call);
        }
    }

    public static System.Security.Cryptography.CryptographicException Failure(string call) => new($"OpenSSL {call} failed: {Drain().Text}");
}
