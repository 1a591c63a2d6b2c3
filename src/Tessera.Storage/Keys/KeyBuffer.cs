namespace Tessera.Storage.Keys;

/// <summary>
/// A growable byte array that can invert a tail of what it holds, which is how a descending
/// component of a compound key is written: encode ascending, then flip every bit of that component.
/// </summary>
internal sealed class KeyBuffer
{
    private byte[] _bytes = new byte[32];

    public int Length { get; private set; }

    public void Append(byte value)
    {
        EnsureRoom(1);
        _bytes[Length++] = value;
    }

    public void Append(ReadOnlySpan<byte> values)
    {
        EnsureRoom(values.Length);
        values.CopyTo(_bytes.AsSpan(Length));
        Length += values.Length;
    }

    public void InvertFrom(int start)
    {
        for (var i = start; i < Length; i++)
        {
            _bytes[i] = (byte)~_bytes[i];
        }
    }

    public byte[] ToArray() => _bytes.AsSpan(0, Length).ToArray();

    private void EnsureRoom(int extra)
    {
        if (Length + extra > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + extra));
        }
    }
}
