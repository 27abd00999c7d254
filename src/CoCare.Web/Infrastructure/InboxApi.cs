using CoCare.Data.Inbox;
using CoCare.Kernel;

namespace CoCare.Web.Infrastructure;

public sealed record InboxItem(Guid Id, string Text, string? Link, DateTime CreatedAt);

/// <summary>The in-app inbox: messages to the caller's organizations, in the caller's language.</summary>
public static class InboxApi
{
    public const string ReadPolicy = "Inbox.Read";

    public static RouteGroupBuilder MapInboxApi(this RouteGroupBuilder api)
    {
        api.MapGet("/inbox", async ([AsParameters] ListQuery list, Inbox inbox, ErrorText text, CancellationToken ct) =>
            {
                var page = await inbox.MineAsync(list.ToPageRequest(), ct);
                return TypedResults.Ok(new Page<InboxItem>(page.Items.Select(m => Render(m, text)).ToList(), page.Total, page.PageNumber, page.PageSize));
            })
            .WithName("ListInbox").WithSummary("Messages to the caller's organizations, newest first.").WithTags("Inbox").RequireAuthorization(ReadPolicy);
        return api;
    }

    public static InboxItem Render(InboxMessage message, ErrorText text)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(text);
        return new InboxItem(message.Id, text[message.MessageKey, [.. message.Arguments]], message.Link, message.CreatedAt);
    }
}
