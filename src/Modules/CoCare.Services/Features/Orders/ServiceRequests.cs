using CoCare.Data;
using CoCare.Kernel;
using CoCare.Services.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Services.Features.Orders;

/// <summary>
/// Service requests from other modules (<see cref="IServiceRequests"/>): the order is added to the shared unit of
/// work and saved with the caller's changes.
/// </summary>
internal sealed class ServiceRequests(AppDbContext db, IElderFacts elders, IVoiceRules rules, CurrentActor actor, TimeProvider clock) : IServiceRequests
{
    public async Task<Guid> AddTimeBankRequestAsync(Guid elderId, string serviceTypeCode, CancellationToken ct)
    {
        var elder = await elders.FindAsync(elderId, ct) ?? throw new DomainException("Elder.NotFound", ErrorKind.Validation, "elderId");
        var type = await db.Set<ServiceType>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == serviceTypeCode && t.IsActive, ct)
            ?? throw new DomainException("ServiceType.Unknown", ErrorKind.Validation, "serviceTypeCode", serviceTypeCode);
        var order = new ServiceOrder(elder.Id, elder.VillageCode, type.Code, OrderSource.TimeBank, null, null, actor.UserName ?? "system", clock.GetUtcNow().UtcDateTime);
        order.NameElder(elder.Name);
        await OrderPriority.ApplyAsync(order, elder, rules, ChinaTime.Day(clock.GetUtcNow().UtcDateTime), ct);
        db.Add(order);
        return order.Id;
    }
}
