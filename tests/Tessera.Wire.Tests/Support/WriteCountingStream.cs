namespace Tessera.Wire.Tests.Support;

/// <summary>A memory stream that counts write calls, to check that a message goes out in one write.</summary>
internal sealed class WriteCountingStream : MemoryStream
{
    // MemoryStream's async writes call its sync writes; count the outermost call only.
    private bool _inWrite;

    public int Writes { get; private set; }

    public override void Write(byte[] buffer, int offset, int count) => Count(() => base.Write(buffer, offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var outer = !_inWrite;
        if (outer)
        {
            Writes++;
            _inWrite = true;
        }

        try
        {
            base.Write(buffer);
        }
        finally
        {
            if (outer)
            {
                _inWrite = false;
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Count(() => base.Write(buffer, offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Count(() => base.Write(buffer.Span));
        return ValueTask.CompletedTask;
    }

    private void Count(Action write)
    {
        var outer = !_inWrite;
        if (outer)
        {
            Writes++;
            _inWrite = true;
        }

        try
        {
            write();
        }
        finally
        {
            if (outer)
            {
                _inWrite = false;
            }
        }
    }
}
