namespace Tessera.Security.Files;

/// <summary>
/// A certificate, key, CA or CRL file cannot be used. The message names the file, the cause and the
/// fix; it never contains a password or key material.
/// </summary>
public sealed class CertificateFileException : Exception
{
    public CertificateFileException(CertificateFileError error, string filePath, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
        FilePath = filePath;
    }

    /// <summary>What went wrong.</summary>
    public CertificateFileError Error { get; }

    /// <summary>The file the error is about, as it was given.</summary>
    public string FilePath { get; }
}
