using Microsoft.AspNetCore.Identity;

namespace CoCare.Data.Identity;

/// <summary>A sign-in account (ASP.NET Core Identity). Roles and scope come from memberships in the Directory module.</summary>
public sealed class UserAccount : IdentityUser
{
    public UserAccount()
    {
        Id = Guid.CreateVersion7().ToString();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public string DisplayName { get; set; } = "";

    /// <summary>The person in the directory this account belongs to, if any.</summary>
    public Guid? PersonId { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    /// <summary>When the last failed sign-in happened; failures older than the lockout window no longer count.</summary>
    public DateTime? LastFailedSignInAt { get; set; }

    /// <summary>Application-managed version for optimistic concurrency in the directory UI and API.</summary>
    public long Version { get; set; }
}
