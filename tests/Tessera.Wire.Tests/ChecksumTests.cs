using System.Buffers.Binary;
using System.Text;
using MongoDB.Bson;
using Tessera.Wire.Tests.Support;

namespace Tessera.Wire.Tests;

public class ChecksumTests
{
    [Fact]
    public void Crc32C_matches_the_published_check_value()
    {
        // The standard check value of CRC-32C (iSCSI) over "123456789" (RFC 3720, appendix B.4 catalogue).
        Assert.Equal(0xE3069283u, Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0u, Crc32C.Compute([]));
        Assert.Equal(0x8A9136AAu, Crc32C.Compute(new byte[32]));
    }

    [Fact]
    public async Task A_message_with_a_correct_checksum_is_accepted()
    {
        var unsigned = Frames.OpMsgStart(flags: 1).Byte(0).Raw(Frames.Ping).Int32(0).Build();
        var crc = Crc32C.Compute(unsigned.AsSpan(0, unsigned.Length - 4));
        BinaryPrimitives.WriteUInt32LittleEndian(unsigned.AsSpan(unsigned.Length - 4), crc);

        var msg = Assert.IsType<OpMsg>((await Frames.ReadOneAsync(unsigned))!.Message);

        Assert.True(msg.ChecksumPresent);
        Assert.Equal(new BsonDocument("ping", 1), msg.Body);
    }

    [Fact]
    public async Task A_message_with_a_wrong_checksum_is_rejected()
    {
        var frame = MessageWriter.Encode(new OpMsg(new BsonDocument("ping", 1), flags: OpMsgFlags.ChecksumPresent), requestId: 1);
        frame[^1] ^= 0x01;

        var error = await Frames.ReadFailsAsync(frame);

        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
        Assert.Contains($"at offset {frame.Length - 4}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_body_under_a_checksum_is_rejected()
    {
        var frame = MessageWriter.Encode(new OpMsg(new BsonDocument("ping", 1), flags: OpMsgFlags.ChecksumPresent), requestId: 1);
        frame[26] = (byte)'P'; // the 'p' of the field name "ping": still valid BSON, no longer the signed bytes

        var error = await Frames.ReadFailsAsync(frame);

        Assert.Contains("does not match the CRC-32C", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_writer_appends_the_crc_of_everything_before_it()
    {
        var frame = MessageWriter.Encode(new OpMsg(new BsonDocument("ping", 1), flags: OpMsgFlags.ChecksumPresent), requestId: 9);

        Assert.Equal(BinaryPrimitives.ReadInt32LittleEndian(frame), frame.Length);
        Assert.Equal(Crc32C.Compute(frame.AsSpan(0, frame.Length - 4)), BinaryPrimitives.ReadUInt32LittleEndian(frame.AsSpan(frame.Length - 4)));
    }
}
