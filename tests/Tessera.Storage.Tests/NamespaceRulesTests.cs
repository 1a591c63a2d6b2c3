namespace Tessera.Storage.Tests;

public sealed class NamespaceRulesTests
{
    [Theory]
    [InlineData("", "empty")]
    [InlineData("a.b", "'.'")]
    [InlineData("a b", "' '")]
    [InlineData("a$b", "'$'")]
    [InlineData("a/b", "'/'")]
    [InlineData("a\\b", "'\\'")]
    [InlineData("a\"b", "'\"'")]
    [InlineData("a*b", "'*'")]
    [InlineData("a<b", "'<'")]
    [InlineData("a>b", "'>'")]
    [InlineData("a:b", "':'")]
    [InlineData("a|b", "'|'")]
    [InlineData("a?b", "'?'")]
    [InlineData("a\0b", "null character")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123", "64 bytes")]
    public void Invalid_database_names_are_refused_with_the_reason(string name, string reason)
    {
        var error = Assert.Throws<InvalidNamespaceException>(() => new NamespaceString(name, "c"));
        Assert.Equal(StorageErrorCodes.InvalidNamespace, error.Code);
        Assert.Equal("InvalidNamespace", error.CodeName);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("a$b", "'$'")]
    [InlineData("$b", "'$'")]
    [InlineData("a\0b", "null character")]
    [InlineData(".a", "start with a dot")]
    public void Invalid_collection_names_are_refused_with_the_reason(string name, string reason)
    {
        var error = Assert.Throws<InvalidNamespaceException>(() => new NamespaceString("db", name));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("admin", "system.users")]
    [InlineData("$external", "x")]
    [InlineData("local", "oplog.$main")]
    [InlineData("db", "a.b.c")]
    [InlineData("db", "$cmd")]
    [InlineData("012345678901234567890123456789012345678901234567890123456789012", "c")]
    public void Valid_names_are_accepted(string database, string collection)
    {
        if (database == "$external")
        {
            // '$' is refused in database names; $external is a virtual auth database, never stored.
            Assert.Throws<InvalidNamespaceException>(() => new NamespaceString(database, collection));
            return;
        }

        var ns = new NamespaceString(database, collection);
        Assert.Equal($"{database}.{collection}", ns.ToString());
    }

    [Fact]
    public void A_namespace_longer_than_255_bytes_is_refused()
    {
        Assert.Throws<InvalidNamespaceException>(() => new NamespaceString("db", new string('c', 253)));
        _ = new NamespaceString("db", new string('c', 252));
    }

    [Fact]
    public void Parse_splits_at_the_first_dot()
    {
        var ns = NamespaceString.Parse("admin.system.users");
        Assert.Equal("admin", ns.DatabaseName);
        Assert.Equal("system.users", ns.CollectionName);
        Assert.Throws<InvalidNamespaceException>(() => NamespaceString.Parse("nodot"));
    }
}
