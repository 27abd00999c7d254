using CoCare.Kernel;

namespace CoCare.Directory.Domain.Rules;

/// <summary>
/// Where a new region fits: its code must be a well-formed 12-digit code, and every level but the
/// province must hang under the region whose code its own code implies.
/// </summary>
public static class RegionPlacement
{
    /// <summary>The level and parent code for <paramref name="code"/>, or a domain error.</summary>
    public static (RegionLevel Level, string? ParentCode) Place(string code)
    {
        if (!RegionCode.IsWellFormed(code))
        {
            throw new DomainException("Region.CodeMalformed", ErrorKind.Validation, "code");
        }

        var level = RegionCode.LevelOf(code) ?? throw new DomainException("Region.CodeMalformed", ErrorKind.Validation, "code");
        return level == RegionLevel.Province ? (level, null) : (level, RegionCode.ParentCode(code, level - 1));
    }
}
