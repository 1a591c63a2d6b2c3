namespace Tessera.Server.Configuration;

/// <summary>
/// A private-key password from the options. mongod marks these options <c>redact: true</c>; keeping the text
/// behind <see cref="Reveal"/> means a record's ToString, a log line or getCmdLineOpts can only ever show
/// <see cref="Redacted"/>.
/// </summary>
public sealed class Password
{
    public const string Redacted = "<password>";

    private readonly string _text;

    public Password(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text;
    }

    /// <summary>
    /// Given without a value (mongod's implicit ''): mongod then asks on the terminal
    /// ("Enter PEM passphrase"), so the caller that loads the key should too.
    /// </summary>
    public bool IsEmpty => _text.Length == 0;

    /// <summary>The password itself, for the code that decrypts the key and nothing else.</summary>
    public string Reveal() => _text;

    public override string ToString() => Redacted;
}
