namespace CoCare.Kernel;

/// <summary>
/// What the Services module offers other modules for requesting a service (its public service). The request is
/// added to the caller's unit of work, so it is saved together with the caller's own changes (a time-bank
/// redemption and the order it pays for are stored together or not at all).
/// </summary>
public interface IServiceRequests
{
    /// <summary>Adds a service request for the elder, paid with time-bank hours; 404/422 for an unknown elder or service. Returns the order's id.</summary>
    Task<Guid> AddTimeBankRequestAsync(Guid elderId, string serviceTypeCode, CancellationToken ct);
}
