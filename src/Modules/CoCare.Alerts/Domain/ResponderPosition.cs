using CoCare.Kernel;

namespace CoCare.Alerts.Domain;

/// <summary>
/// Where a responder's phone last said it was, shared by the responder on their phone page (one row per account; the
/// point encrypted at rest — it tells where a person is). The ladder uses it to call the nearest volunteer on shift
/// first while it is fresh; the responder can stop sharing at any time, which deletes it.
/// </summary>
public sealed class ResponderPosition : Entity
{
    private ResponderPosition()
    {
    }

    public ResponderPosition(string accountId, string pointCipher, DateTime sharedAt)
    {
        AccountId = accountId;
        Move(pointCipher, sharedAt);
    }

    public string AccountId { get; private set; } = "";

    /// <summary>"latitude,longitude" (invariant culture), encrypted.</summary>
    public string PointCipher { get; private set; } = "";

    public DateTime SharedAt { get; private set; }

    public void Move(string pointCipher, DateTime sharedAt)
    {
        PointCipher = pointCipher;
        SharedAt = sharedAt;
    }
}
