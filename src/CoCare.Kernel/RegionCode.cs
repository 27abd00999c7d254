namespace CoCare.Kernel;

/// <summary>Levels of the 12-digit statistical division code (统计用区划代码).</summary>
public enum RegionLevel
{
    Province = 1,
    City = 2,
    County = 3,
    Township = 4,
    Village = 5,
}

/// <summary>
/// Rules of the 12-digit statistical division code: 2 digits province, 2 city, 2 county,
/// 3 township, 3 village; the digits below a region's level are zeros.
/// </summary>
public static class RegionCode
{
    private static readonly int[] PrefixLengths = [0, 2, 4, 6, 9, 12];

    public static bool IsWellFormed(string? code) => code is { Length: 12 } && code.All(char.IsAsciiDigit);

    public static int PrefixLength(RegionLevel level) => PrefixLengths[(int)level];

    /// <summary>The significant digits of a code at a level ("450200000000" at City is "4502").</summary>
    public static string Prefix(string code, RegionLevel level) => code[..PrefixLength(level)];

    /// <summary>The level a code denotes by its trailing zeros, or null when it is no valid code.</summary>
    public static RegionLevel? LevelOf(string code)
    {
        if (!IsWellFormed(code))
        {
            return null;
        }

        if (code[..2] == "00")
        {
            return null;
        }

        for (var level = RegionLevel.Village; level >= RegionLevel.Province; level--)
        {
            var start = PrefixLengths[(int)level - 1];
            var end = PrefixLengths[(int)level];
            if (code[end..].All(c => c == '0') && code[start..end].Any(c => c != '0'))
            {
                return level;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="code"/> lies in the subtree of <paramref name="ancestor"/> (or is it).</summary>
    public static bool IsWithin(string code, string ancestor)
    {
        var level = LevelOf(ancestor);
        return level is not null && IsWellFormed(code) && code.StartsWith(Prefix(ancestor, level.Value), StringComparison.Ordinal);
    }

    /// <summary>The significant digits of each code, for "starts with" subtree queries.</summary>
    public static IReadOnlyList<string> Prefixes(IEnumerable<string> codes) =>
        codes.Select(c => LevelOf(c) is { } level ? Prefix(c, level) : c).Distinct().ToList();

    /// <summary>The code a parent at <paramref name="parentLevel"/> must have for a child code.</summary>
    public static string ParentCode(string childCode, RegionLevel parentLevel) =>
        Prefix(childCode, parentLevel).PadRight(12, '0');

    /// <summary>The codes of the regions above <paramref name="code"/>, province first (none for a province or a malformed code).</summary>
    public static IReadOnlyList<string> Ancestors(string code) =>
        LevelOf(code) is { } level ? Enumerable.Range(1, (int)level - 1).Select(l => ParentCode(code, (RegionLevel)l)).ToList() : [];

    /// <summary>The smallest region that contains every code (the code itself for one), or null when they lie in different provinces or one is malformed.</summary>
    public static string? CommonAncestor(IReadOnlyCollection<string> codes)
    {
        var levels = codes.Select(LevelOf).ToList();
        if (codes.Count == 0 || levels.Any(l => l is null))
        {
            return null;
        }

        var first = codes.First();
        for (var level = levels.Min()!.Value; level >= RegionLevel.Province; level--)
        {
            var prefix = Prefix(first, level);
            if (codes.All(c => c.StartsWith(prefix, StringComparison.Ordinal)))
            {
                return prefix.PadRight(12, '0');
            }
        }

        return null;
    }
}
