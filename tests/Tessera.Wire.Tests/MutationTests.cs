using System.Buffers.Binary;
using MongoDB.Bson;

namespace Tessera.Wire.Tests;

/// <summary>
/// Deterministic fuzzing: valid messages with random damage. Whatever the damage, the reader either parses
/// a message or raises WireProtocolException; nothing else may escape, because anything else would not be
/// handled as "close this connection".
/// </summary>
public class MutationTests
{
    private const int Iterations = 5_000;

    private static readonly int[] InterestingInts = [0, 1, -1, 4, 5, 16, 21, 26, 127, 128, 255, 0x7FFF_FFFF, int.MinValue, 48_000_000, 16_793_601];

    private static readonly byte[] InterestingBytes = [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x08, 0x0F, 0x13, 0x7F, 0x80, 0xC3, 0xFF];

    private static byte[][] Templates() =>
    [
        MessageWriter.Encode(new OpMsg(new BsonDocument { { "hello", 1 }, { "$db", "admin" } }), 1),
        MessageWriter.Encode(
            new OpMsg(
                new BsonDocument { { "insert", "c" }, { "ordered", true }, { "$db", "d" } },
                [new DocumentSequence("documents", [
                    new BsonDocument { { "_id", 1 }, { "s", "é" }, { "a", new BsonArray { 1.5, "x", BsonNull.Value } } },
                    new BsonDocument { { "_id", new ObjectId("0123456789abcdef01234567") }, { "b", new BsonBinaryData([1, 2, 3]) } },
                ])],
                OpMsgFlags.ExhaustAllowed),
            2),
        MessageWriter.Encode(new OpMsg(new BsonDocument { { "find", "c" }, { "filter", new BsonDocument("x", new BsonRegularExpression("^a", "i")) } }, flags: OpMsgFlags.ChecksumPresent), 3),
        MessageWriter.Encode(new OpQuery("admin.$cmd", new BsonDocument { { "isMaster", 1 }, { "client", new BsonDocument("app", "x") } }, returnFieldsSelector: new BsonDocument("y", 1)), 4),
        MessageWriter.Encode(
            new OpMsg(new BsonDocument { { "update", "c" }, { "code", new BsonJavaScriptWithScope("f", new BsonDocument("k", 1)) }, { "d", new BsonDecimal128(2m) }, { "t", new BsonTimestamp(1, 2) } }),
            5),
    ];

    [Fact]
    public async Task Mutated_messages_only_ever_raise_WireProtocolException()
    {
        var random = new Random(20_240_613);
        var templates = Templates();
        var parsed = 0;
        var rejected = 0;

        for (var i = 0; i < Iterations; i++)
        {
            var template = templates[random.Next(templates.Length)];
            var bytes = Mutate(template, random);

            // Two messages in a row, so damage that shifts boundaries also reaches the second one.
            byte[] stream = random.Next(4) == 0 ? [.. bytes, .. template] : bytes;
            var reader = new MessageReader(new MemoryStream(stream));
            try
            {
                while (await reader.ReadRequestAsync() is not null)
                {
                    parsed++;
                }
            }
            catch (WireProtocolException)
            {
                rejected++;
            }
            catch (Exception e)
            {
                Assert.Fail($"iteration {i}: {e.GetType().Name} escaped the reader: {e.Message}\n{Convert.ToHexString(bytes)}");
            }
        }

        // Both outcomes must occur, or the mutations are not exercising the parser.
        Assert.True(parsed > 100, $"only {parsed} messages parsed");
        Assert.True(rejected > 1_000, $"only {rejected} messages rejected");
    }

    private static byte[] Mutate(byte[] template, Random random)
    {
        var bytes = new List<byte>(template);
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations && bytes.Count > 0; m++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = InterestingBytes[random.Next(InterestingBytes.Length)];
                    break;
                case 2:
                    if (at + 4 <= bytes.Count)
                    {
                        var value = BitConverter.GetBytes(InterestingInts[random.Next(InterestingInts.Length)]);
                        for (var k = 0; k < 4; k++)
                        {
                            bytes[at + k] = value[k];
                        }
                    }

                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 8), bytes.Count - at));
                    break;
                case 5:
                    var length = Math.Min(random.Next(1, 16), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                default:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
            }
        }

        var result = bytes.ToArray();

        // Usually keep the header consistent with the damaged bytes (and re-sign a checksum), so the
        // damage reaches the sections and documents instead of stopping at the length check.
        if (result.Length >= 20 && random.Next(4) != 0)
        {
            BinaryPrimitives.WriteInt32LittleEndian(result, result.Length);
            var checksummed = BinaryPrimitives.ReadInt32LittleEndian(result.AsSpan(12)) == 2013 && (result[16] & 1) != 0;
            if (checksummed && result.Length >= 24 && random.Next(2) == 0)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(result.Length - 4), Crc32C.Compute(result.AsSpan(0, result.Length - 4)));
            }
        }

        return result;
    }
}
