using MongoDB.Bson;

namespace Tessera.Wire.Tests;

public class CommandDocumentTests
{
    [Fact]
    public void Sequences_become_array_fields_of_the_command()
    {
        var body = new BsonDocument { { "insert", "c" }, { "$db", "d" } };
        var documents = new List<BsonDocument> { new("_id", 1), new("_id", 2) };
        var msg = new OpMsg(body, [new DocumentSequence("documents", documents)]);

        var command = msg.ToCommandDocument();

        Assert.Equal(
            new BsonDocument { { "insert", "c" }, { "$db", "d" }, { "documents", new BsonArray { new BsonDocument("_id", 1), new BsonDocument("_id", 2) } } },
            command);
        Assert.False(body.Contains("documents"));
    }

    [Fact]
    public void Without_sequences_the_command_is_the_body()
    {
        var body = new BsonDocument("ping", 1);

        Assert.Same(body, new OpMsg(body).ToCommandDocument());
    }

    [Fact]
    public void A_field_in_both_the_body_and_a_sequence_is_an_error()
    {
        var body = new BsonDocument { { "insert", "c" }, { "documents", new BsonArray() } };
        var msg = new OpMsg(body, [new DocumentSequence("documents", [new BsonDocument("_id", 1)])]);

        var error = Assert.Throws<WireProtocolException>(() => msg.ToCommandDocument());

        Assert.Contains("'documents' is given both in the body and as a document sequence", error.Message, StringComparison.Ordinal);
    }
}
