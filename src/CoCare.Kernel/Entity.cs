namespace CoCare.Kernel;

/// <summary>
/// Base for aggregates: a client-generated time-ordered id and an application-managed
/// version that the data layer bumps on every update (optimistic concurrency on both databases).
/// </summary>
public abstract class Entity : IVersioned
{
    public Guid Id { get; protected set; } = Guid.CreateVersion7();

    /// <summary>Incremented on every saved change; a stale value on update gives 409.</summary>
    public long Version { get; set; }
}

/// <summary>Marks an entity whose changes carry a version column without a Guid id.</summary>
public interface IVersioned
{
    long Version { get; set; }
}
