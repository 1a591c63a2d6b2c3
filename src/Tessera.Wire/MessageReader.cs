using System.Buffers;

namespace Tessera.Wire;

/// <summary>
/// Reads whole messages, one at a time, from a connection's stream. Limits are checked from the header
/// before the body is read, and the buffer grows only with the bytes that arrive, so a client cannot make the server reserve memory by claiming a large
/// message. Bad input raises <see cref="WireProtocolException"/>; failures of the stream itself
/// (<see cref="IOException"/>, cancellation) pass through unchanged. Not safe for concurrent reads.
/// </summary>
public sealed class MessageReader
{
    private readonly Stream _stream;
    private readonly byte[] _header = new byte[MessageHeader.Size];
    private ReadOnlyMemory<byte> _alreadyRead;

    public MessageReader(Stream stream)
        : this(stream, ReadOnlyMemory<byte>.Empty)
    {
    }

    /// <summary>
    /// A reader for a connection whose first bytes have already been taken off the stream, typically the
    /// 16 bytes the TLS sniffer reads to tell a ClientHello from a wire header. Those bytes are read first,
    /// as if they were still in the stream. They are copied, so the caller may reuse its buffer.
    /// </summary>
    public MessageReader(Stream stream, ReadOnlyMemory<byte> alreadyRead)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _alreadyRead = alreadyRead.ToArray();
    }

    /// <summary>
    /// Reads a client's request: an <see cref="OpMsg"/> or an <see cref="OpQuery"/>. Returns null when the
    /// stream ends cleanly between messages.
    /// </summary>
    public Task<ReceivedMessage?> ReadRequestAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(isRequest: true, cancellationToken);

    /// <summary>
    /// Reads a server's reply (for Tessera's own client): an <see cref="OpMsg"/> or an <see cref="OpReply"/>.
    /// Returns null when the stream ends cleanly between messages.
    /// </summary>
    public Task<ReceivedMessage?> ReadReplyAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(isRequest: false, cancellationToken);

    private const int InitialBufferSize = 64 * 1024;

    private async Task<ReceivedMessage?> ReadAsync(bool isRequest, CancellationToken cancellationToken)
    {
        var headerBytes = await FillAsync(_header, cancellationToken).ConfigureAwait(false);
        if (headerBytes == 0)
        {
            return null;
        }

        if (headerBytes < MessageHeader.Size)
        {
            throw new WireProtocolException(
                $"the connection closed after {headerBytes} of the {MessageHeader.Size} bytes of a message header");
        }

        var header = MessageHeader.Read(_header);
        CheckHeader(header, isRequest);

        // The buffer grows with the bytes that actually arrive (doubling from 64 KiB), so a header that merely
        // claims 48 MB reserves nothing: memory follows what a client sends, not what it announces.
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(header.MessageLength, InitialBufferSize));
        try
        {
            _header.CopyTo(buffer, 0);
            var filled = MessageHeader.Size;
            while (filled < header.MessageLength)
            {
                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(header.MessageLength, buffer.Length * 2));
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var wanted = Math.Min(buffer.Length, header.MessageLength) - filled;
                var arrived = await FillAsync(buffer.AsMemory(filled, wanted), cancellationToken).ConfigureAwait(false);
                filled += arrived;
                if (arrived < wanted)
                {
                    throw new WireProtocolException(
                        $"the connection closed after {filled} of the {header.MessageLength} bytes of an {OpCodeNames.Describe(header.OpCodeValue)} message");
                }
            }

            return new ReceivedMessage(header, MessageParser.Parse(buffer, header));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void CheckHeader(MessageHeader header, bool isRequest)
    {
        if (header.MessageLength < MessageHeader.Size)
        {
            throw new WireProtocolException(
                $"message length {header.MessageLength} in the header at offset 0 is less than the {MessageHeader.Size}-byte header itself");
        }

        if (header.MessageLength > WireLimits.MaxMessageSizeBytes)
        {
            throw new WireProtocolException(
                $"message length {header.MessageLength:N0} in the header at offset 0 exceeds maxMessageSizeBytes ({WireLimits.MaxMessageSizeBytes:N0})");
        }

        var opCode = header.OpCode;
        var accepted = isRequest
            ? opCode is OpCode.Msg or OpCode.Query
            : opCode is OpCode.Msg or OpCode.Reply;
        if (!accepted)
        {
            var name = OpCodeNames.Describe(header.OpCodeValue);
            throw new WireProtocolException(opCode switch
            {
                OpCode.Compressed =>
                    $"{name} at offset 12 is not accepted: this server does not advertise compression in its hello reply, so clients must not compress",
                _ when !Enum.IsDefined(opCode) => $"{name} in the header at offset 12",
                _ when isRequest =>
                    $"{name} at offset 12 is not accepted as a request; only OP_MSG, and OP_QUERY for the hello/isMaster handshake, are",
                _ => $"{name} at offset 12 is not accepted as a reply; only OP_MSG and OP_REPLY are",
            });
        }

        var minimum = MessageParser.MinimumLength(opCode);
        if (header.MessageLength < minimum)
        {
            throw new WireProtocolException(
                $"{OpCodeNames.Describe(opCode)} message length {header.MessageLength} is less than the minimum of {minimum} for that op code");
        }
    }

    /// <summary>Fills <paramref name="destination"/> from the already-read bytes, then the stream; returns how many bytes arrived before the end of the stream.</summary>
    private async ValueTask<int> FillAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        var filled = 0;
        if (!_alreadyRead.IsEmpty)
        {
            filled = Math.Min(_alreadyRead.Length, destination.Length);
            _alreadyRead[..filled].CopyTo(destination);
            _alreadyRead = _alreadyRead[filled..];
        }

        while (filled < destination.Length)
        {
            var read = await _stream.ReadAsync(destination[filled..], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }
}
