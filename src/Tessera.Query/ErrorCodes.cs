namespace Tessera.Query;

/// <summary>The mongod error codes the query engine raises, with mongod's names for them.</summary>
public static class ErrorCodes
{
    public const int BadValue = 2;
    public const int FailedToParse = 9;
    public const int TypeMismatch = 14;
    public const int InvalidLength = 16;
    public const int IllegalOperation = 20;
    public const int NoSuchKey = 4;
    public const int UnsupportedFormat = 12;
    public const int Overflow = 15;
    public const int ConflictingUpdateOperators = 40;
    public const int DollarPrefixedFieldName = 52;
    public const int EmptyFieldName = 56;
    public const int ImmutableField = 66;
    public const int InvalidOptions = 72;
    public const int IndexNotFound = 27;
    public const int PathNotViable = 28;
    public const int ConversionFailure = 241;
    public const int NotSingleValueField = 54;
    /// <summary>An exclusion in an inclusion projection ("Cannot do exclusion on field … in inclusion projection").</summary>
    public const int ExclusionInInclusionProjection = 31254;

    /// <summary>An inclusion in an exclusion projection ("Cannot do inclusion on field … in exclusion projection").</summary>
    public const int InclusionInExclusionProjection = 31253;
    public const int UnrecognizedPipelineStage = 40324;
    public const int InvalidPipelineOperator = 168;

    private static readonly Dictionary<int, string> Names = new()
    {
        [2] = "BadValue",
        [4] = "NoSuchKey",
        [9] = "FailedToParse",
        [12] = "UnsupportedFormat",
        [14] = "TypeMismatch",
        [15] = "Overflow",
        [16] = "InvalidLength",
        [20] = "IllegalOperation",
        [27] = "IndexNotFound",
        [28] = "PathNotViable",
        [40] = "ConflictingUpdateOperators",
        [52] = "DollarPrefixedFieldName",
        [54] = "NotSingleValueField",
        [56] = "EmptyFieldName",
        [66] = "ImmutableField",
        [72] = "InvalidOptions",
        [168] = "InvalidPipelineOperator",
        [241] = "ConversionFailure",
    };

    /// <summary>mongod's name for a code; mongod reports "Location&lt;n&gt;" for assertion codes without a name.</summary>
    public static string NameOf(int code) => Names.TryGetValue(code, out var name) ? name : $"Location{code}";
}
