namespace Tessera.Wire.Tests.Support;

/// <summary>Serves a header and fails the test if anything reads further: proves a limit was enforced from the header alone.</summary>
internal sealed class HeaderOnlyStream(byte[] header) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= header.Length)
        {
            throw new InvalidOperationException("the reader read past the header");
        }

        var n = Math.Min(buffer.Length, header.Length - _position);
        header.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    // Completes synchronously, so a test can see everything the reader did on its own thread.
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
