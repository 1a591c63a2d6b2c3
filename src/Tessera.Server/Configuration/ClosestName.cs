namespace Tessera.Server.Configuration;

/// <summary>The known name a misspelled one was probably meant to be, for "did you mean" hints.</summary>
internal static class ClosestName
{
    public static string? Find(string misspelled, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(misspelled.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        // Beyond about a third of the name the "closest" one is a guess, not a typo.
        return bestDistance <= Math.Max(2, misspelled.Length / 3) ? best : null;
    }

    /// <summary>"; did you mean 'x'?" or nothing.</summary>
    public static string Hint(string misspelled, IEnumerable<string> known) =>
        Find(misspelled, known) is { } name ? $"; did you mean '{name}'?" : string.Empty;

    // Levenshtein distance with one row of memory.
    private static int Distance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            row[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
