using System.Runtime.CompilerServices;
using CoCare.Data;
using CoCare.Kernel;
using CoCare.Network.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Network.Features;

/// <summary>
/// The leverage ratio (撬动比, DESIGN.md) over the contributions recorded in the regions on the days of the period:
/// valued non-government contributions ÷ government funds. Drill-downs list the contributions with their value.
/// </summary>
internal sealed class NetworkKpis(AppDbContext db) : IKpiContributor, IKpiRecords
{
    private const string LeverageRatio = "leverageRatio";

    public IReadOnlyCollection<string> Codes { get; } = [LeverageRatio];

    public async Task<double?> ComputeAsync(string code, KpiScope scope, CancellationToken ct) =>
        code == LeverageRatio ? Leverage.Of(await Contributions(scope).ToListAsync(ct)).Ratio : null;

    public async Task<long> CountRecordsAsync(string code, KpiScope scope, CancellationToken ct) =>
        code == LeverageRatio ? await Contributions(scope).LongCountAsync(ct) : 0;

    public async Task<IReadOnlyList<KpiRecord>> RecordsAsync(string code, KpiScope scope, int skip, int take, CancellationToken ct) =>
        code == LeverageRatio
            ? [.. (await Contributions(scope).OrderByDescending(c => c.On).ThenBy(c => c.Id).Skip(skip).Take(take).ToListAsync(ct)).Select(Record)]
            : [];

    public async IAsyncEnumerable<KpiRecord> StreamAsync(string code, KpiScope scope, [EnumeratorCancellation] CancellationToken ct)
    {
        if (code != LeverageRatio)
        {
            yield break;
        }

        await foreach (var contribution in Contributions(scope).OrderBy(c => c.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return Record(contribution);
        }
    }

    private IQueryable<Contribution> Contributions(KpiScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return db.Set<Contribution>().AsNoTracking().WhereRegionUnder(c => c.RegionCode, RegionCode.Prefixes(scope.RegionCodes))
            .Where(c => c.On >= scope.From && c.On <= scope.To);
    }

    private static KpiRecord Record(Contribution c) =>
        new(c.Id, c.On, c.RegionCode, "contribution", c.Kind.ToString(), c.ContributorName, (c.IsGovernmentFunds ? "government:" : "other:") + c.ValueFen.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
