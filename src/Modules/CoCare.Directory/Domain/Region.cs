using CoCare.Kernel;

namespace CoCare.Directory.Domain;

public enum RegionKind
{
    Urban,
    Rural,
}

/// <summary>An administrative region identified by its 12-digit statistical division code.</summary>
public sealed class Region : IVersioned
{
    private Region()
    {
    }

    public Region(string code, string name, RegionLevel level, string? parentCode, RegionKind kind)
    {
        Code = code;
        Name = name;
        Level = level;
        ParentCode = parentCode;
        Kind = kind;
    }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public RegionLevel Level { get; private set; }

    public string? ParentCode { get; private set; }

    public RegionKind Kind { get; private set; }

    public bool IsActive { get; private set; } = true;

    public long Version { get; set; }

    public void Rename(string name, RegionKind kind)
    {
        Name = name;
        Kind = kind;
    }

    public void SetActive(bool active) => IsActive = active;
}
