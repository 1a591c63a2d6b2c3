using MongoDB.Bson;

namespace Tessera.Client.Connection;

/// <summary>
/// The server answered a command with <c>ok: 0</c>. Carries MongoDB's <see cref="Code"/>, <see cref="CodeName"/> and
/// <see cref="ErrorMessage"/> (errmsg) as the server sent them, and, when Tessera.Client knows one, the <see cref="Fix"/>.
/// </summary>
public sealed class ServerCommandException : Exception
{
    public ServerCommandException(string commandName, BsonDocument reply, string? fix = null)
        : base(Describe(commandName, reply, fix))
    {
        ArgumentNullException.ThrowIfNull(reply);
        CommandName = commandName;
        Reply = reply;
        Code = reply.GetValue("code", 0).ToInt32();
        CodeName = reply.GetValue("codeName", "").ToString()!;
        ErrorMessage = reply.GetValue("errmsg", "").ToString()!;
        Fix = fix;
    }

    /// <summary>The command that failed (its first field), e.g. "authenticate".</summary>
    public string CommandName { get; }

    /// <summary>MongoDB's error code, e.g. 18 for AuthenticationFailed; 0 when the reply had none.</summary>
    public int Code { get; }

    /// <summary>MongoDB's name for the code, e.g. "AuthenticationFailed".</summary>
    public string CodeName { get; }

    /// <summary>The server's errmsg.</summary>
    public string ErrorMessage { get; }

    /// <summary>What to change, when Tessera.Client can tell; null otherwise.</summary>
    public string? Fix { get; }

    /// <summary>The whole reply, for the fields the properties do not cover (errorLabels, writeErrors...).</summary>
    public BsonDocument Reply { get; }

    private static string Describe(string commandName, BsonDocument reply, string? fix)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var code = reply.GetValue("code", 0).ToInt32();
        var codeName = reply.GetValue("codeName", "").ToString();
        var errmsg = reply.GetValue("errmsg", "").ToString();
        var text = $"{commandName} failed with server error {code} ({codeName}): {errmsg}";
        return fix is null ? text : $"{text.TrimEnd('.')}; fix: {fix}";
    }
}
