using CoCare.Kernel;

namespace CoCare.Network.Domain;

public enum SpaceState
{
    Idle,
    BeingRestored,
    InUse,
}

/// <summary>A space the co-production can use (e.g. one of G village's 11 drum towers) with its area and state.</summary>
public sealed class Space : Entity
{
    private Space()
    {
    }

    public Space(string regionCode) => RegionCode = regionCode;

    public string RegionCode { get; private set; } = "";

    public string Name { get; private set; } = "";

    public int AreaM2 { get; private set; }

    public SpaceState State { get; private set; }

    public string Use { get; private set; } = "";

    public void Describe(string name, int areaM2, SpaceState state, string? use)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 60)
        {
            throw new DomainException("Space.Name", ErrorKind.Validation, "name");
        }

        if (areaM2 is < 0 or > 1_000_000)
        {
            throw new DomainException("Space.Area", ErrorKind.Validation, "areaM2");
        }

        Name = name.Trim();
        AreaM2 = areaM2;
        State = state;
        Use = (use ?? "").Trim();
    }
}
