using CoCare.Kernel;

namespace CoCare.Residents.Domain;

public enum CollectiveIssueStatus
{
    Open,
    RoutedToServiceList,
    Closed,
}

/// <summary>
/// Several elders' needs merged by a resident organization into one shared issue (共同议题), with the people
/// who support it. It can be routed to the service list (routing to a village assembly comes with Voice).
/// </summary>
public sealed class CollectiveIssue : Entity
{
    private CollectiveIssue()
    {
    }

    public CollectiveIssue(string villageCode, string title, IEnumerable<Guid> needIds, Guid? organizationId, string createdBy, DateTime now)
    {
        VillageCode = villageCode;
        Title = title;
        NeedIds = [.. needIds.Distinct()];
        OrganizationId = organizationId;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public string VillageCode { get; private set; } = "";

    public string Title { get; private set; } = "";

    public List<Guid> NeedIds { get; private set; } = [];

    public List<string> Supporters { get; private set; } = [];

    public Guid? OrganizationId { get; private set; }

    public CollectiveIssueStatus Status { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public void Support(string supporter)
    {
        if (Status != CollectiveIssueStatus.Open)
        {
            throw DomainException.Conflict("Issue.NotOpen");
        }

        if (!Supporters.Contains(supporter, StringComparer.Ordinal))
        {
            Supporters.Add(supporter);
        }
    }

    public void RouteToServiceList()
    {
        if (Status != CollectiveIssueStatus.Open)
        {
            throw DomainException.Conflict("Issue.NotOpen");
        }

        Status = CollectiveIssueStatus.RoutedToServiceList;
    }
}
