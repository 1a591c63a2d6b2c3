namespace Tessera.Storage.Keys;

/// <summary>
/// The byte after <see cref="KeyTypeByte.Number"/>: it orders the kinds of number before their
/// magnitudes. NaN sorts below every other number, as MongoDB sorts it.
/// </summary>
internal static class NumberClass
{
    public const byte NaN = 0x01;
    public const byte NegativeInfinity = 0x02;
    public const byte NegativeFinite = 0x03;
    public const byte Zero = 0x04;
    public const byte PositiveFinite = 0x05;
    public const byte PositiveInfinity = 0x06;
}
