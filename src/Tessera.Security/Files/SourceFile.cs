namespace Tessera.Security.Files;

/// <summary>
/// A file being loaded, with what it is for and the option that named it, so that every error
/// message can say which file, what is wrong and which option to change.
/// </summary>
/// <param name="Path">The path as the user gave it (messages repeat it verbatim so it can be searched for).</param>
/// <param name="Description">What the file is, in words: "certificate key file", "CA file", "CRL file".</param>
/// <param name="Option">The option that names the file, e.g. <c>tlsCertificateKeyFile</c>.</param>
/// <param name="ExpectedContent">What the option expects, for "empty" and "not recognised" messages.</param>
internal sealed record SourceFile(string Path, string Description, string Option, string ExpectedContent)
{
    /// <summary>The file as it is named at the start of a sentence: <c>Certificate key file '/etc/x.pem'</c>.</summary>
    public string Named => $"{char.ToUpperInvariant(Description[0])}{Description[1..]} '{Path}'";

    public CertificateFileException Error(CertificateFileError error, string message, Exception? inner = null) =>
        new(error, Path, message, inner);

    /// <summary>Reads the whole file, turning the I/O failures users meet into messages with a fix.</summary>
    public byte[] ReadAllBytes()
    {
        if (Directory.Exists(Path))
        {
            throw Error(CertificateFileError.FileUnreadable,
                $"{Named} is a directory, not a file; give {Option} the path of the file itself.");
        }

        if (!File.Exists(Path))
        {
            // A relative path that works in the operator's shell fails under a service manager: say where it was looked for.
            var resolvedFrom = System.IO.Path.IsPathRooted(Path) ? "" : $" (relative paths are resolved from '{Environment.CurrentDirectory}')";
            throw Error(CertificateFileError.FileNotFound,
                $"{Named} does not exist; check the path given to {Option}{resolvedFrom}.");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(Path);
        }
        catch (UnauthorizedAccessException e)
        {
            throw Error(CertificateFileError.FileUnreadable,
                $"{Named} cannot be read: permission denied; make it readable by the user running Tessera (e.g. chown that user and chmod 600).", e);
        }
        catch (FileNotFoundException e)
        {
            // Removed between the existence check and the read.
            throw Error(CertificateFileError.FileNotFound, $"{Named} does not exist; check the path given to {Option}.", e);
        }
        catch (IOException e)
        {
            throw Error(CertificateFileError.FileUnreadable, $"{Named} cannot be read: {e.Message}", e);
        }

        if (bytes.Length == 0)
        {
            throw Error(CertificateFileError.NotRecognized, $"{Named} is empty; {Option} needs {ExpectedContent}.");
        }

        return bytes;
    }
}
