using CoCare.Data;
using CoCare.Kernel;
using CoCare.Voice.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCare.Voice.Features.Rules;

/// <summary>
/// The rules in force, held in memory so the canteen's hot path asks nothing of the database: reloaded when a rule
/// or decision changes on this node, and at least every <see cref="MaxAge"/> (so another node's change reaches this
/// one within that time).
/// </summary>
internal sealed class RuleBook(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim loading = new(1, 1);
    private Snapshot? current;

    /// <summary>A rule with the decision and meeting it came from.</summary>
    public sealed record Entry(VoiceRule Rule, Decision Decision);

    private sealed record Snapshot(DateTime LoadedAt, long Generation, IReadOnlyDictionary<Guid, Entry[]> ByElder, IReadOnlyList<Entry> Priorities);

    private long generation;

    public void Dispose() => loading.Dispose();

    /// <summary>Called after a rule or decision changed: the next question reloads.</summary>
    public void Invalidate() => Interlocked.Increment(ref generation);

    public async Task<IReadOnlyList<Entry>> ForElderAsync(Guid elderId, CancellationToken ct) =>
        (await SnapshotAsync(ct)).ByElder.TryGetValue(elderId, out var entries) ? entries : [];

    public async Task<IReadOnlyList<Entry>> PrioritiesAsync(CancellationToken ct) => (await SnapshotAsync(ct)).Priorities;

    private async Task<Snapshot> SnapshotAsync(CancellationToken ct)
    {
        var snapshot = current;
        if (IsFresh(snapshot))
        {
            return snapshot!;
        }

        await loading.WaitAsync(ct);
        try
        {
            if (IsFresh(current))
            {
                return current!;
            }

            var wanted = Interlocked.Read(ref generation);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rows = await (from r in db.Set<VoiceRule>().AsNoTracking()
                              join d in db.Set<Decision>().AsNoTracking() on r.DecisionId equals d.Id
                              where d.WithdrawnAt == null
                              select new { r, d }).ToListAsync(ct);
            var entries = rows.Select(x => new Entry(x.r, x.d)).OrderByDescending(e => e.Decision.DecidedAt).ToList();
            current = new Snapshot(clock.GetUtcNow().UtcDateTime, wanted,
                entries.Where(e => e.Rule.ElderId is not null).GroupBy(e => e.Rule.ElderId!.Value).ToDictionary(g => g.Key, g => g.ToArray()),
                entries.Where(e => e.Rule.Kind == RuleKind.ServicePriority).ToList());
            return current;
        }
        finally
        {
            loading.Release();
        }
    }

    private bool IsFresh(Snapshot? snapshot) =>
        snapshot is not null && snapshot.Generation == Interlocked.Read(ref generation) && clock.GetUtcNow().UtcDateTime - snapshot.LoadedAt < MaxAge;
}

/// <summary><see cref="IVoiceRules"/> for the Services module: the newest decision in force about the person wins.</summary>
internal sealed class VoiceRulesSource(RuleBook book, AppDbContext db) : IVoiceRules
{
    public async Task<IReadOnlyList<DecisionFacts>> DecisionsAsync(string regionCode, int max, CancellationToken ct)
    {
        var decisions = await db.Set<Decision>().AsNoTracking().WhereRegionUnder(d => d.RegionCode, RegionCode.Prefixes([regionCode]))
            .OrderByDescending(d => d.DecidedAt).Take(max).ToListAsync(ct);
        var ids = decisions.Select(d => d.Id).ToList();
        var personal = (await db.Set<VoiceRule>().AsNoTracking().Where(r => ids.Contains(r.DecisionId) && r.ElderId != null).Select(r => r.DecisionId).ToListAsync(ct)).ToHashSet();
        return [.. decisions.Select(d => new DecisionFacts(d.Id, d.Title, d.MeetingTitle, d.RegionCode, d.Carried, ChinaTime.Day(d.DecidedAt), d.WithdrawnAt is not null,
            personal.Contains(d.Id)))];
    }

    public async Task<CanteenRuling?> CanteenRulingAsync(Guid elderId, DateOnly day, CancellationToken ct)
    {
        var entry = (await book.ForElderAsync(elderId, ct))
            .FirstOrDefault(e => e.Rule.Kind is RuleKind.CanteenExclusion or RuleKind.CanteenAdmission && e.Rule.AppliesOn(day, e.Decision));
        return entry is null
            ? null
            : new CanteenRuling(entry.Rule.Kind == RuleKind.CanteenAdmission, entry.Rule.Condition, entry.Rule.Id, entry.Decision.Id, entry.Decision.Title,
                entry.Decision.MeetingTitle, ChinaTime.Day(entry.Decision.DecidedAt));
    }

    public async Task<IReadOnlyList<ServicePriority>> ServicePrioritiesAsync(string regionCode, DateOnly day, CancellationToken ct) =>
        (await book.PrioritiesAsync(ct))
            .Where(e => e.Rule.AppliesOn(day, e.Decision) && RegionCode.IsWithin(regionCode, e.Rule.RegionCode))
            .Select(e => new ServicePriority(e.Rule.Category!, e.Rule.RegionCode, e.Rule.Id, e.Decision.Id, e.Decision.Title))
            .ToList();
}
