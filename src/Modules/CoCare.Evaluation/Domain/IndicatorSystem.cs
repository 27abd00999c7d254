using CoCare.Kernel;

namespace CoCare.Evaluation.Domain;

/// <summary>
/// An indicator system (绩效评价指标体系): a named, versioned tree of indicators. The platform's default template has
/// no owner; a purchaser copies and adapts it. Once an evaluation uses a version it cannot change: a new version is
/// made instead (<see cref="NextVersion"/>).
/// </summary>
public sealed class IndicatorSystem : Entity
{
    private IndicatorSystem()
    {
    }

    public IndicatorSystem(string name, Guid? ownerOrganizationId, IReadOnlyList<Indicator> indicators, string createdBy, DateTime now, int number = 1, Guid? previousId = null)
    {
        IndicatorTree.Validate(indicators);
        Rename(name);
        OwnerOrganizationId = ownerOrganizationId;
        Indicators = [.. indicators];
        Number = number;
        PreviousId = previousId;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public string Name { get; private set; } = "";

    /// <summary>The purchaser that owns it; null for the platform's default template.</summary>
    public Guid? OwnerOrganizationId { get; private set; }

    /// <summary>The version number (1, 2 …) in its line; <see cref="PreviousId"/> is the version it was made from.</summary>
    public int Number { get; private set; }

    public Guid? PreviousId { get; private set; }

    public List<Indicator> Indicators { get; private set; } = [];

    /// <summary>Set when an evaluation is commissioned with it: from then on it is frozen.</summary>
    public bool InUse { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public void Revise(string name, IReadOnlyList<Indicator> indicators)
    {
        if (InUse)
        {
            throw DomainException.Conflict("IndicatorSystem.InUse");
        }

        IndicatorTree.Validate(indicators);
        Rename(name);
        Indicators = [.. indicators];
    }

    public IndicatorSystem NextVersion(IReadOnlyList<Indicator> indicators, string by, DateTime now) => new(Name, OwnerOrganizationId, indicators, by, now, Number + 1, Id);

    public void MarkInUse() => InUse = true;

    /// <summary>The platform's default template, under its fixed id.</summary>
    public static IndicatorSystem Template(Guid id, string name, IReadOnlyList<Indicator> indicators, DateTime now) => new(name, null, indicators, "platform", now) { Id = id };

    private void Rename(string name) =>
        Name = string.IsNullOrWhiteSpace(name) || name.Length > 100 ? throw new DomainException("IndicatorSystem.Name", ErrorKind.Validation, "name") : name.Trim();
}
