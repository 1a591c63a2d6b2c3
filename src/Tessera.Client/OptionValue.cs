namespace Tessera.Client;

/// <summary>
/// What a validator made of one option's text: a value, or the reason it is unusable (which the spec turns into a
/// warning and an ignored option), and possibly a deprecation note to warn about while still using the value.
/// </summary>
internal readonly record struct OptionValue(object? Value, string? Problem, string? Deprecation = null)
{
    public static OptionValue Of(object value) => new(value, null);

    public static OptionValue Invalid(string problem) => new(null, problem);
}
