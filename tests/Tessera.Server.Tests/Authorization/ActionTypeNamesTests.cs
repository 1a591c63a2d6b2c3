using Tessera.Server.Authorization;

namespace Tessera.Server.Tests.Authorization;

public class ActionTypeNamesTests
{
    [Theory]
    [InlineData(ActionType.Find, "find")]
    [InlineData(ActionType.RenameCollectionSameDB, "renameCollectionSameDB")]
    [InlineData(ActionType.Killop, "killop")]
    [InlineData(ActionType.Inprog, "inprog")]
    [InlineData(ActionType.GetDefaultRWConcern, "getDefaultRWConcern")]
    [InlineData(ActionType.UseUUID, "useUUID")]
    [InlineData(ActionType.DbHash, "dbHash")]
    [InlineData(ActionType.AnyAction, "anyAction")]
    public void Uses_mongodbs_action_names(ActionType action, string name)
    {
        Assert.Equal(name, action.ToMongoName());
        Assert.True(ActionTypeNames.TryParse(name, out var parsed));
        Assert.Equal(action, parsed);
    }

    [Fact]
    public void Every_action_reads_back_from_its_name()
    {
        foreach (var action in Enum.GetValues<ActionType>())
        {
            Assert.True(ActionTypeNames.TryParse(action.ToMongoName(), out var parsed));
            Assert.Equal(action, parsed);
        }
    }

    [Theory]
    [InlineData("Find")] // names are case-sensitive
    [InlineData("updateUser")] // a command, not an action
    [InlineData("")]
    public void Refuses_a_name_that_is_not_an_action(string name)
    {
        Assert.False(ActionTypeNames.TryParse(name, out _));
    }
}
