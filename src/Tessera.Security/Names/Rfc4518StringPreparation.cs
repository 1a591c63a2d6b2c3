using System.Runtime.InteropServices;
using System.Text;

namespace Tessera.Security.Names;

/// <summary>
/// RFC 4518 string preparation ("LDAP" stringprep profile, no case folding), done by ICU's usprep
/// exactly as mongod's <c>icuX509DNPrep</c> does. ICU is already a dependency of .NET on Linux, so
/// Tessera calls the same library instead of re-implementing its Unicode 3.2 tables.
/// </summary>
public static class Rfc4518StringPreparation
{
    private static readonly Lazy<IcuStringPrep> Icu = new(IcuStringPrep.Open);

    /// <summary>Prepares a UTF-8 value; throws <see cref="NameNormalizationException"/> when ICU refuses it.</summary>
    public static byte[] Prepare(ReadOnlySpan<byte> utf8)
    {
        // ICU's UnicodeString::fromUTF8 replaces ill-formed sequences with U+FFFD, as this decoder does.
        var text = Encoding.UTF8.GetString(utf8);
        return Encoding.UTF8.GetBytes(Icu.Value.Prepare(text));
    }

    public static string Prepare(string text) => Icu.Value.Prepare(text);
}

/// <summary>The few ICU entry points Tessera needs, found in whatever ICU version the machine has.</summary>
internal sealed unsafe class IcuStringPrep
{
    private const int Rfc4518LdapProfile = 12; // USPREP_RFC4518_LDAP in usprep.h
    private const int BufferOverflowError = 15; // U_BUFFER_OVERFLOW_ERROR

    private readonly nint _profile;
    private readonly delegate* unmanaged<nint, char*, int, char*, int, int, byte*, int*, int> _prepare;
    private readonly delegate* unmanaged<int, byte*> _errorName;

    private IcuStringPrep(nint profile, nint prepare, nint errorName)
    {
        _profile = profile;
        _prepare = (delegate* unmanaged<nint, char*, int, char*, int, int, byte*, int*, int>)prepare;
        _errorName = (delegate* unmanaged<int, byte*>)errorName;
    }

    public static IcuStringPrep Open()
    {
        foreach (var (library, suffix) in Candidates())
        {
            if (!NativeLibrary.TryLoad(library, out var handle))
            {
                continue;
            }

            if (NativeLibrary.TryGetExport(handle, "usprep_openByType" + suffix, out var open)
                && NativeLibrary.TryGetExport(handle, "usprep_prepare" + suffix, out var prepare)
                && NativeLibrary.TryGetExport(handle, "u_errorName" + suffix, out var errorName))
            {
                var status = 0;
                var profile = ((delegate* unmanaged<int, int*, nint>)open)(Rfc4518LdapProfile, &status);
                if (status > 0 || profile == 0)
                {
                    throw new InvalidOperationException(
                        $"ICU ({library}) could not open its RFC 4518 stringprep profile (error {status}).");
                }

                return new IcuStringPrep(profile, prepare, errorName);
            }
        }

        throw new InvalidOperationException(
            "ICU's stringprep (libicuuc) was not found; X.509 user names need it. Install the libicu package "
            + "of your distribution (on Debian: apt-get install libicu72), as .NET itself requires on Linux.");
    }

    public string Prepare(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var capacity = (text.Length * 3) + 16;
        while (true)
        {
            var destination = new char[capacity];
            var parseError = stackalloc byte[128]; // UParseError is 72 bytes
            var status = 0;
            int length;
            fixed (char* source = text)
            fixed (char* dest = destination)
            {
                length = _prepare(_profile, source, text.Length, dest, capacity, 0, parseError, &status);
            }

            if (status == BufferOverflowError)
            {
                capacity = length + 1;
                continue;
            }

            if (status > 0)
            {
                throw new NameNormalizationException(
                    "Failed normalizing string: " + Marshal.PtrToStringAnsi((nint)_errorName(status)));
            }

            return new string(destination, 0, length);
        }
    }

    private static IEnumerable<(string Library, string Suffix)> Candidates()
    {
        if (OperatingSystem.IsWindows())
        {
            yield return ("icu.dll", string.Empty);
            yield return ("icuuc.dll", string.Empty);
            yield break;
        }

        if (OperatingSystem.IsMacOS())
        {
            yield return ("libicucore.dylib", string.Empty);
            yield break;
        }

        // ICU versions its symbols (usprep_prepare_72); probe the versions a distribution may ship.
        for (var version = 90; version >= 50; version--)
        {
            yield return ($"libicuuc.so.{version}", "_" + version);
        }

        yield return ("libicuuc.so", string.Empty);
    }
}
