using CoCare.Data;
using CoCare.Kernel;
using CoCare.Services.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoCare.Services.Features.Canteen;

/// <summary>A check-in the counter asked for, admitted (elder known and in scope, point open) and waiting to be priced and stored.</summary>
internal sealed record PendingCheckIn(Guid Id, ServicePoint Point, ElderFacts Elder, MealSession Session, DateTime At, CheckInMethod Method,
    PaymentMethod Payment, string? PaymentReference, string RecordedBy) : IPendingWrite<(MealCheckIn CheckIn, bool Created)>
{
    public TaskCompletionSource<(MealCheckIn CheckIn, bool Created)> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// The one writer of meal check-ins in this process (a <see cref="GroupCommitWriter{TPending, TResult}"/>): each batch is
/// decided in order against the stored check-ins and the ones before it in the batch (a repeated id returns the first
/// result; the once-a-day subsidy goes to the first meal) and written in one transaction before any is answered. Should
/// another node take a once-a-day subsidy first (the database's unique index refuses the batch), each check-in is
/// decided and written again on its own.
/// </summary>
internal sealed class CheckInWriter(IServiceScopeFactory scopes, CanteenLookups lookups, ILogger<CheckInWriter> logger)
    : GroupCommitWriter<PendingCheckIn, (MealCheckIn CheckIn, bool Created)>(maxBatch: 512, capacity: 20_000, logger)
{
    public const string MealsCode = "Meals";

    public async Task<(MealCheckIn CheckIn, bool Created)> WriteAsync(PendingCheckIn pending, CancellationToken ct) =>
        (await CommitAsync([pending], ct))[0];

    protected override async Task StoreAsync(IReadOnlyList<PendingCheckIn> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = batch.Select(p => p.Id).Distinct().ToList();
        var days = batch.Select(p => ChinaTime.Day(p.At)).Distinct().ToList();
        var elders = batch.Select(p => p.Elder.Id).Distinct().ToList();

        var stored = await db.Set<MealCheckIn>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
        var subsidised = (await db.Set<MealCheckIn>().AsNoTracking()
                .Where(c => elders.Contains(c.ElderId) && c.SubsidisedDay != null && days.Contains(c.SubsidisedDay.Value))
                .Select(c => new { c.ElderId, Day = c.SubsidisedDay!.Value }).ToListAsync())
            .Select(x => (x.ElderId, x.Day)).ToHashSet();
        var (type, rules) = await lookups.MealPricingAsync(db, CancellationToken.None);

        var fresh = new List<MealCheckIn>();
        var answers = new List<(PendingCheckIn Pending, MealCheckIn CheckIn, bool Created)>();
        foreach (var p in batch)
        {
            if (stored.TryGetValue(p.Id, out var earlier))
            {
                answers.Add((p, earlier, false));
                continue;
            }

            var day = ChinaTime.Day(p.At);
            var price = Pricing.Quote(type, rules, p.Elder, day, subsidised.Contains((p.Elder.Id, day)));
            var onceADay = price.Subsidies.Count > 0 && rules.First(r => r.Id == price.Subsidies[0].RuleId).OncePerDay;
            var checkIn = new MealCheckIn(p.Id, p.Point, p.Elder, p.Session, p.At, p.Method, price, onceADay, p.Payment, p.PaymentReference, p.RecordedBy);
            if (onceADay)
            {
                subsidised.Add((p.Elder.Id, day));
            }

            stored[p.Id] = checkIn;
            fresh.Add(checkIn);
            answers.Add((p, checkIn, true));
        }

        await db.BulkInsertAsync(fresh);
        foreach (var (pending, checkIn, created) in answers)
        {
            pending.Done.TrySetResult((checkIn, created));
        }
    }
}
