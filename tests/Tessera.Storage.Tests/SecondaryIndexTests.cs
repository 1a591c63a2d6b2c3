using MongoDB.Bson;
using Tessera.Storage.Indexes;

namespace Tessera.Storage.Tests;

/// <summary>Secondary indexes on a real SQLite file: definitions, maintenance with every write, unique keys, range scans.</summary>
public sealed class SecondaryIndexTests : IDisposable
{
    private static readonly NamespaceString People = new("app", "people");
    private readonly StorageFixture _storage = new();

    public void Dispose() => _storage.Dispose();

    private Sqlite.SqliteStorageEngine Engine => _storage.Engine;

    [Fact]
    public void An_index_is_listed_after_the_id_index_and_survives_a_restart()
    {
        Assert.True(Engine.CreateIndex(People, new IndexSpec(new BsonDocument { { "last", 1 }, { "age", -1 } })));
        Assert.True(Engine.CreateIndex(People, new IndexSpec(new BsonDocument("email", 1), "by_email", unique: true, sparse: true)));

        var listed = _storage.Reopen().ListIndexes(People).Select(i => i.ToDocument()).ToList();
        Assert.Equal(
            [
                BsonDocument.Parse("{ v: 2, key: { _id: 1 }, name: '_id_' }"),
                BsonDocument.Parse("{ v: 2, key: { last: 1, age: -1 }, name: 'last_1_age_-1' }"),
                BsonDocument.Parse("{ v: 2, key: { email: 1 }, name: 'by_email', unique: true, sparse: true }"),
            ],
            listed);
    }

    [Fact]
    public void The_same_index_twice_is_a_no_op_and_conflicting_definitions_are_refused()
    {
        Engine.CreateIndex(People, new IndexSpec(new BsonDocument("email", 1)));

        Assert.False(Engine.CreateIndex(People, new IndexSpec(new BsonDocument("email", 1))));
        var sameName = Assert.Throws<StorageException>(() => Engine.CreateIndex(People, new IndexSpec(new BsonDocument("name", 1), "email_1")));
        Assert.Equal((86, "IndexKeySpecsConflict"), (sameName.Code, sameName.CodeName));
        var sameKey = Assert.Throws<StorageException>(() => Engine.CreateIndex(People, new IndexSpec(new BsonDocument("email", 1), "other", unique: true)));
        Assert.Equal((85, "IndexOptionsConflict"), (sameKey.Code, sameKey.CodeName));
    }

    [Theory]
    [InlineData("{ }", "Index keys cannot be empty.")]
    [InlineData("{ a: 0 }", "Values in the index key pattern can only be positive or negative numbers")]
    [InlineData("{ a: 'text' }", "Values in the index key pattern can only be positive or negative numbers")]
    [InlineData("{ '$a': 1 }", "illegal field name")]
    [InlineData("{ 'a..b': 1 }", "illegal field name")]
    public void A_bad_key_pattern_is_refused_with_cannot_create_index(string key, string message)
    {
        var error = Assert.Throws<StorageException>(() => new IndexSpec(BsonDocument.Parse(key)));
        Assert.Equal(67, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unique_index_refuses_a_duplicate_with_mongods_message_and_keeps_nothing_of_it()
    {
        Engine.CreateIndex(People, new IndexSpec(new BsonDocument("email", 1), unique: true));
        Engine.Insert(People, Person(1, "ann@example.com"));

        var error = Assert.Throws<DuplicateKeyException>(() => Engine.Insert(People, Person(2, "ann@example.com")));
        Assert.Equal("E11000 duplicate key error collection: app.people index: email_1 dup key: { email: \"ann@example.com\" }", error.Message);
        Assert.Equal(new BsonDocument("email", 1), error.KeyPattern);
        Assert.Null(Engine.FindById(People, 2));

        // The refused document left no index entry: its _id can be used again.
        Engine.Insert(People, Person(2, "bob@example.com"));
        Assert.Equal([1, 2], Engine.ScanIndex(People, "email_1", IndexRange.All).Select(d => d["_id"].AsInt32));
    }

    [Fact]
    public void Unique_keys_compare_numbers_by_value_and_missing_fields_as_null_unless_sparse()
    {
        Engine.CreateIndex(People, new IndexSpec(new BsonDocument("n", 1), unique: true));
        Engine.Insert(People, new BsonDocument { { "_id", 1 }, { "n", 5 } });
        Assert.Throws<DuplicateKeyException>(() => Engine.Insert(People, new BsonDocument { { "_id", 2 }, { "n", 5.0 } }));
        Engine.Insert(People, new BsonDocument("_id", 3));
        var missing = Assert.Throws<DuplicateKeyException>(() => Engine.Insert(People, new BsonDocument("_id", 4)));
        Assert.Equal(new BsonDocument("n", BsonNull.Value), missing.KeyValue);

        Engine.CreateIndex(People, new IndexSpec(new BsonDocument("code", 1), unique: true, sparse: true));
        Engine.Insert(People, new BsonDocument { { "_id", 5 }, { "n", 6 } });
        Engine.Insert(People, new BsonDocument { { "_id", 6 }, { "n", 7 } });
        Assert.Empty(Engine.ScanIndex(People, "code_1", IndexRange.All));
    }

    [Fact]
    public void Building_a_unique_index_over_duplicates_fails_and_creates_nothing()
    {
        Engine.Insert(People, Person(1, "same@example.com"));
        Engine.Insert(People, Person(2, "same@example.com"));

        Assert.Throws<DuplicateKeyException>(() => Engine.CreateIndex(People, new IndexSpec(new BsonDocument("email", 1), unique: true)));
        Assert.Single(Engine.ListIndexes(People));
    }

    [Fact]
    public void Replace_and_delete_keep_the_index_in_step()
    {
        Engine.CreateIndex(People, new IndexSpec(new BsonDocument("email", 1), unique: true));
        Engine.Insert(People, Person(1, "a@example.com"));
        Engine.Insert(People, Person(2, "b@example.com"));

        Assert.True(Engine.Replace(People, Person(1, "c@example.com")));
        Engine.Insert(People, Person(3, "a@example.com")); // a@ is free again
        Assert.Throws<DuplicateKeyException>(() => Engine.Replace(People, Person(2, "c@example.com")));
        Assert.Equal("b@example.com", Engine.FindById(People, 2)!["email"].AsString);
        Assert.True(Engine.Replace(People, Person(2, "b@example.com"))); // its own key is no duplicate

        Assert.True(Engine.DeleteById(People, 3));
        Assert.Equal(["b@example.com", "c@example.com"], Engine.ScanIndex(People, "email_1", IndexRange.All).Select(d => d["email"].AsString));
    }

    [Fact]
    public void A_range_scan_returns_mongodbs_order_across_types_ascending_and_descending()
    {
        BsonValue[] values = ["b", 10, BsonNull.Value, 2.5, "a", new BsonDocument("x", 1), true, -1L, new BsonDateTime(0)];
        for (var i = 0; i < values.Length; i++)
        {
            Engine.Insert(People, new BsonDocument { { "_id", i }, { "v", values[i] } });
        }

        Engine.CreateIndex(People, new IndexSpec(new BsonDocument("v", 1)));
        Engine.CreateIndex(People, new IndexSpec(new BsonDocument("v", -1)));
        BsonValue[] expected = [BsonNull.Value, -1L, 2.5, 10, "a", "b", new BsonDocument("x", 1), true, new BsonDateTime(0)];

        Assert.Equal(expected, Engine.ScanIndex(People, "v_1", IndexRange.All).Select(d => d["v"]));
        Assert.Equal(expected.Reverse(), Engine.ScanIndex(People, "v_-1", IndexRange.All).Select(d => d["v"]));
        Assert.Equal(expected.Reverse(), Engine.ScanIndex(People, "v_1", IndexRange.All, reverse: true).Select(d => d["v"]));
    }

    [Theory]
    [InlineData("v_1")]
    [InlineData("v_-1")]
    public void Bounds_select_a_range_with_inclusive_and_exclusive_ends(string index)
    {
        for (var i = 0; i < 10; i++)
        {
            Engine.Insert(People, new BsonDocument { { "_id", i }, { "v", i } });
        }

        Engine.Insert(People, new BsonDocument { { "_id", 100 }, { "v", "5" } }); // a string: above every number
        Engine.CreateIndex(People, new IndexSpec(new BsonDocument("v", index == "v_1" ? 1 : -1)));

        int[] Scan(IndexBound? lower, IndexBound? upper) =>
            Engine.ScanIndex(People, index, new IndexRange([], lower, upper)).Select(d => d["_id"].AsInt32).Order().ToArray();

        Assert.Equal([3, 4, 5, 6, 7], Scan(new IndexBound(3, true), new IndexBound(7.0, true)));
        Assert.Equal([4, 5, 6], Scan(new IndexBound(3L, false), new IndexBound(7, false)));
        Assert.Equal([8, 9], Scan(new IndexBound(7, false), new IndexBound(double.PositiveInfinity, true)));
        Assert.Equal([8, 9, 100], Scan(new IndexBound(7, false), null));
        Assert.Equal([0, 1], Scan(null, new IndexBound(2, false)));
    }

    [Fact]
    public void A_compound_index_scans_an_equality_prefix_then_a_range()
    {
        var rows = new (int Id, string City, int Age)[] { (1, "Oslo", 30), (2, "Oslo", 40), (3, "Rome", 35), (4, "Oslo", 25), (5, "Rome", 50) };
        foreach (var (id, city, age) in rows)
        {
            Engine.Insert(People, new BsonDocument { { "_id", id }, { "city", city }, { "age", age } });
        }

        Engine.CreateIndex(People, new IndexSpec(new BsonDocument { { "city", 1 }, { "age", -1 } }));

        Assert.Equal([2, 1, 4], Engine.ScanIndex(People, "city_1_age_-1", new IndexRange(["Oslo"])).Select(d => d["_id"].AsInt32));
        Assert.Equal([2, 1], Engine.ScanIndex(People, "city_1_age_-1", new IndexRange(["Oslo"], new IndexBound(30, true))).Select(d => d["_id"].AsInt32));
        Assert.Equal([3], Engine.ScanIndex(People, "city_1_age_-1", new IndexRange(["Rome"], null, new IndexBound(50, false))).Select(d => d["_id"].AsInt32));
    }

    [Fact]
    public void An_array_field_is_indexed_by_each_element_and_a_document_is_returned_once()
    {
        Engine.CreateIndex(People, new IndexSpec(new BsonDocument("tags", 1)));
        Engine.Insert(People, new BsonDocument { { "_id", 1 }, { "tags", new BsonArray { "red", "blue", "red" } } });
        Engine.Insert(People, new BsonDocument { { "_id", 2 }, { "tags", "blue" } });
        Engine.Insert(People, new BsonDocument { { "_id", 3 }, { "tags", new BsonArray() } });

        Assert.Equal([1, 2], Engine.ScanIndex(People, "tags_1", new IndexRange(["blue"])).Select(d => d["_id"].AsInt32));
        Assert.Equal([1], Engine.ScanIndex(People, "tags_1", new IndexRange(["red"])).Select(d => d["_id"].AsInt32));
        Assert.Equal([3], Engine.ScanIndex(People, "tags_1", new IndexRange([new BsonArray()])).Select(d => d["_id"].AsInt32));
        Assert.Equal([1, 2, 3], Engine.ScanIndex(People, "tags_1", IndexRange.All).Select(d => d["_id"].AsInt32).Order());
    }

    [Fact]
    public void A_dotted_path_reaches_into_embedded_documents_and_arrays_of_them()
    {
        Engine.CreateIndex(People, new IndexSpec(new BsonDocument("address.city", 1)));
        Engine.Insert(People, BsonDocument.Parse("{ _id: 1, address: { city: 'Oslo' } }"));
        Engine.Insert(People, BsonDocument.Parse("{ _id: 2, address: [ { city: 'Rome' }, { city: 'Oslo' } ] }"));
        Engine.Insert(People, BsonDocument.Parse("{ _id: 3, address: 'none' }"));

        Assert.Equal([1, 2], Engine.ScanIndex(People, "address.city_1", new IndexRange(["Oslo"])).Select(d => d["_id"].AsInt32));
        Assert.Equal([3], Engine.ScanIndex(People, "address.city_1", new IndexRange([BsonNull.Value])).Select(d => d["_id"].AsInt32));
    }

    [Fact]
    public void Two_array_fields_in_one_compound_key_are_refused()
    {
        Engine.CreateIndex(People, new IndexSpec(new BsonDocument { { "a", 1 }, { "b", 1 } }));
        var error = Assert.Throws<StorageException>(() => Engine.Insert(People, BsonDocument.Parse("{ _id: 1, a: [1, 2], b: [3, 4] }")));
        Assert.Equal((171, "CannotIndexParallelArrays"), (error.Code, error.CodeName));
        Assert.Equal("cannot index parallel arrays [b] [a]", error.Message);
        Assert.Null(Engine.FindById(People, 1));
    }

    [Fact]
    public void Dropping_an_index_a_collection_or_a_database_removes_its_entries()
    {
        var other = new NamespaceString("app", "other");
        Engine.CreateIndex(People, new IndexSpec(new BsonDocument("email", 1), unique: true));
        Engine.Insert(People, Person(1, "a@example.com"));

        var idIndex = Assert.Throws<StorageException>(() => Engine.DropIndex(People, "_id_"));
        Assert.Equal((72, "cannot drop _id index"), (idIndex.Code, idIndex.Message));
        Assert.False(Engine.DropIndex(People, "nope"));
        Assert.True(Engine.DropIndex(People, "email_1"));
        Engine.Insert(People, Person(2, "a@example.com")); // no longer unique
        var missing = Assert.Throws<StorageException>(() => Engine.ScanIndex(People, "email_1", IndexRange.All).ToList());
        Assert.Equal((27, "index not found with name [email_1]"), (missing.Code, missing.Message));

        Engine.CreateIndex(People, new IndexSpec(new BsonDocument("email", 1)));
        Engine.CreateIndex(other, new IndexSpec(new BsonDocument("email", 1)));
        Assert.True(Engine.DropCollection(People));
        Assert.Empty(Engine.ListIndexes(People));
        Engine.CreateIndex(People, new IndexSpec(new BsonDocument("email", 1), unique: true)); // a fresh index, nothing left over
        Assert.True(Engine.DropDatabase("app"));
        Assert.Empty(Engine.ListIndexes(other));
    }

    [Fact]
    public void Within_one_transaction_a_dropped_collections_indexes_no_longer_apply()
    {
        using (var transaction = Engine.BeginTransaction())
        {
            transaction.CreateIndex(People, new IndexSpec(new BsonDocument("email", 1), unique: true));
            transaction.Insert(People, Person(1, "a@example.com"));
            transaction.DropCollection(People);

            // The re-created collection may get the dropped one's id; it has only the _id index.
            transaction.Insert(People, Person(1, "a@example.com"));
            transaction.Insert(People, Person(2, "a@example.com"));
            Assert.Equal(["_id_"], transaction.ListIndexes(People).Select(i => i.Name));
            transaction.Commit();
        }

        Assert.Equal(2, Engine.Count(People));
    }

    [Fact]
    public void The_id_index_can_be_scanned_by_range()
    {
        for (var i = 0; i < 6; i++)
        {
            Engine.Insert(People, new BsonDocument("_id", i));
        }

        Assert.Equal([2, 3, 4], Engine.ScanIndex(People, "_id_", new IndexRange([], new IndexBound(2, true), new IndexBound(4.0, true))).Select(d => d["_id"].AsInt32));
        Assert.Equal([5, 4], Engine.ScanIndex(People, "_id_", new IndexRange([], new IndexBound(4, true), null), reverse: true).Select(d => d["_id"].AsInt32));
    }

    private static BsonDocument Person(int id, string email) => new() { { "_id", id }, { "email", email } };
}
