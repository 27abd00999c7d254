using CoCare.Kernel;

namespace CoCare.Volunteers.Domain;

/// <summary>What a volunteer can do (the list coordinators ask for on a shift).</summary>
public enum Skill
{
    MealDelivery,
    Cooking,
    Companionship,
    Haircut,
    MinorRepairs,
    Driving,
    HealthChecks,
}

/// <summary>The days of the week a volunteer is usually free.</summary>
[Flags]
public enum Weekdays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
    All = 127,
}

/// <summary>
/// A volunteer (志愿者): a villager, a student intern, a member of the silver team. The profile holds no contact data
/// (the account in the Directory does, when there is one); <see cref="AccountId"/> links the person who signs in.
/// </summary>
public sealed class Volunteer : Entity
{
    private Volunteer()
    {
    }

    public Volunteer(string name, string regionCode, string? accountId, DateOnly joinedOn)
    {
        Name = name;
        RegionCode = regionCode;
        AccountId = accountId;
        JoinedOn = joinedOn;
    }

    public string Name { get; private set; } = "";

    /// <summary>The village (or community) the volunteer serves.</summary>
    public string RegionCode { get; private set; } = "";

    public string? AccountId { get; private set; }

    public List<Skill> Skills { get; private set; } = [];

    public Weekdays Availability { get; private set; }

    /// <summary>Whether the volunteer agreed to appear on the honour board.</summary>
    public bool ShowOnHonourBoard { get; private set; }

    public DateOnly JoinedOn { get; private set; }

    public bool IsActive { get; private set; } = true;

    public void Describe(string name, IReadOnlyList<Skill> skills, Weekdays availability, bool showOnHonourBoard, bool isActive)
    {
        Name = name;
        Skills = skills.Distinct().Order().ToList();
        Availability = availability & Weekdays.All;
        ShowOnHonourBoard = showOnHonourBoard;
        IsActive = isActive;
    }

    public bool Has(IEnumerable<Skill> needed) => needed.All(Skills.Contains);
}

/// <summary>A team of volunteers (e.g. the silver volunteer team, 银龄志愿队) with its leader.</summary>
public sealed class Team : Entity
{
    private Team()
    {
    }

    public Team(string name, string regionCode)
    {
        Name = name;
        RegionCode = regionCode;
    }

    public string Name { get; private set; } = "";

    public string RegionCode { get; private set; } = "";

    public Guid? LeaderId { get; private set; }

    public List<Guid> MemberIds { get; private set; } = [];

    public void Rename(string name) => Name = name;

    public void Join(Guid volunteerId)
    {
        if (!MemberIds.Contains(volunteerId))
        {
            MemberIds.Add(volunteerId);
        }
    }

    public void Leave(Guid volunteerId)
    {
        MemberIds.Remove(volunteerId);
        if (LeaderId == volunteerId)
        {
            LeaderId = null;
        }
    }

    /// <summary>Makes a member the leader (a leader is always a member).</summary>
    public void Lead(Guid volunteerId)
    {
        Join(volunteerId);
        LeaderId = volunteerId;
    }
}
