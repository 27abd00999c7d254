namespace CoCare.Data.Inbox;

/// <summary>
/// An in-app message to everyone in an organization. The text is a resource key with arguments, so each
/// reader sees it in their own language.
/// </summary>
public sealed class InboxMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public string MessageKey { get; set; } = "";

    public List<string> Arguments { get; set; } = [];

    public string? Link { get; set; }

    public DateTime CreatedAt { get; set; }
}
