using Tessera.Security.Files;
using Tessera.Security.Names;

namespace Tessera.Cli.Output;

/// <summary>
/// Runs a command and turns the errors a user can cause (a missing file, a bad DN, a wrong password) into one
/// line on standard error and exit code 2, instead of a stack trace. Messages already name the cause and the fix.
/// </summary>
internal static class UserFacingErrors
{
    public const int ExitCode = 2;

    public static int Run(TextWriter error, Func<int> command)
    {
        try
        {
            return command();
        }
        catch (Exception e) when (e is CertificateFileException or DistinguishedNameException or NameNormalizationException
                                       or IOException or UnauthorizedAccessException or ArgumentException or FormatException
                                       or System.Security.Cryptography.CryptographicException)
        {
            error.WriteLine("error: " + Describe(e));
            return ExitCode;
        }
    }

    private static string Describe(Exception e) => e switch
    {
        DistinguishedNameException dn => $"the DN is not valid: {dn.Message}",
        _ => e.Message,
    };
}
