namespace Tessera.Server.Commands;

/// <summary>
/// Every command Tessera knows, one family per file in this folder, registered here with what it needs
/// (the FerretDB pattern): adding a command is one file, one row, tests.
/// </summary>
public sealed class CommandTable
{
    private readonly Dictionary<string, CommandDefinition> _commands = new(StringComparer.Ordinal);

    public CommandTable(IEnumerable<CommandDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        foreach (var definition in definitions)
        {
            foreach (var name in definition.Aliases.Prepend(definition.Name))
            {
                _commands.Add(name, definition);
            }
        }
    }

    public static CommandTable Default { get; } = new(
    [
        .. HandshakeCommands.All,
        .. AuthenticationCommands.All,
        .. DiagnosticCommands.All,
        .. SessionCommands.All,
        .. UserManagementCommands.All,
        .. DatabaseCommands.All,
        .. CollectionCommands.All,
        .. IndexCommands.All,
        .. InsertCommand.All,
        .. QueryCommands.All,
        .. UpdateCommand.All,
        .. DeleteCommand.All,
        .. FindAndModifyCommand.All,
        .. AggregateCommand.All,
        .. ExplainCommand.All,
        .. CursorCommands.All,
        .. StatisticsCommands.All,
    ]);

    public IEnumerable<string> Names => _commands.Keys;

    public CommandDefinition? Find(string name) => _commands.GetValueOrDefault(name);
}
