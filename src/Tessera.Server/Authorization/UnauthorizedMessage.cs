using MongoDB.Bson;

namespace Tessera.Server.Authorization;

/// <summary>
/// mongod's texts for code 13 Unauthorized (mongod source: <c>CommandHelpers::checkAuthorization</c>
/// and <c>service_entry_point_common.cpp</c>).
/// </summary>
public static class UnauthorizedMessage
{
    public const int Code = 13;

    public const string CodeName = "Unauthorized";

    /// <summary>
    /// <c>not authorized on test to execute command { insert: "c", ordered: true, $db: "test" }</c>.
    /// </summary>
    /// <param name="database">The database the command ran against (its <c>$db</c>).</param>
    /// <param name="command">
    /// The command body as received: for OP_MSG the kind-0 section only, so that documents sent as a
    /// document sequence (insert's <c>documents</c>, update's <c>updates</c>) do not appear, as with mongod.
    /// A body without <c>$db</c> (OP_QUERY) gets it appended, as mongod's up-conversion does.
    /// </param>
    public static string NotAuthorized(string database, BsonDocument command)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);
        ArgumentNullException.ThrowIfNull(command);
        var printed = WithoutPasswords(command);
        if (!printed.Contains("$db"))
            printed = new BsonDocument(printed) { { "$db", database } };
        return $"not authorized on {database} to execute command {MongodBsonText.Render(printed)}";
    }

    /// <summary>
    /// <c>Command insert requires authentication</c>: a command other than the few allowed before
    /// authentication, from a client that has not authenticated while authorization is on. Releases
    /// before MongoDB 7 wrote "command" in lower case.
    /// </summary>
    public static string RequiresAuthentication(string commandName)
    {
        ArgumentException.ThrowIfNullOrEmpty(commandName);
        return $"Command {commandName} requires authentication";
    }

    // The user commands' snipForLogging replaces a password by "xxx" before mongod prints them, so
    // an error never repeats a secret.
    private static BsonDocument WithoutPasswords(BsonDocument command)
    {
        if (command.ElementCount == 0 || !command.Contains("pwd"))
            return command;
        var name = command.GetElement(0).Name;
        if (name is not ("createUser" or "updateUser"))
            return command;
        var copy = new BsonDocument(command);
        copy["pwd"] = "xxx";
        return copy;
    }
}
