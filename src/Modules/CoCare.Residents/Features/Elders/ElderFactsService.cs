using System.Text.Json;
using CoCare.Data;
using CoCare.Kernel;
using CoCare.Residents.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Residents.Features.Elders;

/// <summary>Residents' answer to other modules about an elder: no personal contact data, health data only with consent.</summary>
internal sealed class ElderFactsService(AppDbContext db, CurrentActor actor, PersonalDataCipher cipher, TimeProvider clock) : IElderFacts
{
    public async Task<ResponderBrief?> ResponderBriefAsync(Guid elderId, CancellationToken ct)
    {
        var elder = await db.Set<Elder>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == elderId, ct);
        if (elder is null)
        {
            return null;
        }

        await db.RecordReadAsync(nameof(Elder), elder.Id.ToString(), ct);
        var family = cipher.Decrypt(elder.FamilyContactsCipher) is { } json
            ? JsonSerializer.Deserialize<List<FamilyContact>>(json, JsonColumns.Options) ?? []
            : [];
        var notes = new List<string>();
        if (elder.Categories.Contains(ElderCategory.LivingAlone) || elder.LivingSituation == LivingSituation.Alone)
        {
            notes.Add("LivingAlone");
        }

        if (elder.HealthDataConsented)
        {
            var latest = await db.Set<Assessment>().AsNoTracking().Where(a => a.ElderId == elder.Id).OrderByDescending(a => a.Date).FirstOrDefaultAsync(ct);
            if (latest?.Conditions is { } c)
            {
                notes.AddRange(new[] { (c.Dementia, "Dementia"), (c.PsychiatricDiagnosis, "PsychiatricDiagnosis"), (c.Coma, "Coma"), (c.CareRiskEventsLast30Days > 0, "CareRiskEvents") }
                    .Where(n => n.Item1).Select(n => n.Item2));
            }
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new ResponderBrief(elder.Id, elder.Name, Age.On(elder.BirthDate, today), cipher.Decrypt(elder.AddressCipher), cipher.Decrypt(elder.PhoneCipher),
            elder.Latitude is { } lat && elder.Longitude is { } lng ? new GeoPoint(lat, lng) : null,
            [.. family.Select(f => new ResponderContact(f.Name, f.Relation, f.Phone))],
            elder.HealthDataConsented ? elder.CurrentLevel?.ToString() : null, notes);
    }

    public async Task<ElderFacts?> FindAsync(Guid elderId, CancellationToken ct) =>
        Visible(await Facts(e => e.Id == elderId).FirstOrDefaultAsync(ct));

    public async Task<ElderFacts?> FindByCardAsync(string cardNumber, CancellationToken ct) =>
        ServiceCard.Normalize(cardNumber) is { } number ? Visible(await Facts(e => e.ServiceCardNumber == number).FirstOrDefaultAsync(ct)) : null;

    public async Task<IReadOnlyList<ElderFacts>> FindByNameAsync(string name, string? regionCode, int take, CancellationToken ct)
    {
        var text = name.Trim();
        if (text.Length == 0)
        {
            return [];
        }

        var like = QueryScope.LikeContains(text);
        var elders = db.Set<Elder>().Where(e => EF.Functions.Like(e.Name, like, "\\"));
        if (!actor.IsPlatformAdmin)
        {
            elders = elders.WhereRegionUnder(e => e.VillageCode, actor.ScopePrefixes);
        }

        if (regionCode is not null)
        {
            elders = elders.WhereRegionUnder(e => e.VillageCode, RegionCode.Prefixes([regionCode]));
        }

        var q = Facts(elders.Where(e => e.IsActive).OrderBy(e => e.Name).ThenBy(e => e.BirthDate).Take(Math.Clamp(take, 1, 50)));

        var rows = await q.ToListAsync(ct);
        return rows.Select(ToFacts).ToList();
    }

    public async Task<IReadOnlyDictionary<Guid, string>> MaskedNamesAsync(IReadOnlyCollection<Guid> elderIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(elderIds);
        var names = new Dictionary<Guid, string>();
        foreach (var chunk in elderIds.Distinct().Chunk(500))
        {
            var rows = await db.Set<Elder>().AsNoTracking().Where(e => chunk.Contains(e.Id)).Select(e => new { e.Id, e.Name, e.VillageCode }).ToListAsync(ct);
            foreach (var row in rows.Where(r => actor.Covers(r.VillageCode)))
            {
                names[row.Id] = Masking.Name(row.Name);
            }
        }

        return names;
    }

    public async Task<IReadOnlyDictionary<Guid, GeoPoint>> HomesAsync(IReadOnlyCollection<Guid> elderIds, CancellationToken ct)
    {
        var rows = await db.Set<Elder>().AsNoTracking()
            .Where(e => elderIds.Contains(e.Id) && e.Latitude != null && e.Longitude != null)
            .Select(e => new { e.Id, e.VillageCode, e.Latitude, e.Longitude })
            .ToListAsync(ct);
        return rows.Where(r => actor.Covers(r.VillageCode)).ToDictionary(r => r.Id, r => new GeoPoint(r.Latitude!.Value, r.Longitude!.Value));
    }

    public async Task<bool> ConfirmationCodeMatchesAsync(Guid elderId, string code, CancellationToken ct)
    {
        var stored = await db.Set<Elder>().AsNoTracking().Where(e => e.Id == elderId && e.IsActive).Select(e => e.CardConfirmationCode).FirstOrDefaultAsync(ct);
        return stored is not null && code is { Length: 4 } && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(stored), System.Text.Encoding.ASCII.GetBytes(code));
    }

    /// <summary>Only the columns the facts need: the hot canteen path reads this on every check-in.</summary>
    private IQueryable<Row> Facts(System.Linq.Expressions.Expression<Func<Elder, bool>> where) => Facts(db.Set<Elder>().Where(where));

    private static IQueryable<Row> Facts(IQueryable<Elder> elders) =>
        elders.AsNoTracking().Where(e => e.IsActive)
            .Select(e => new Row(e.Id, e.Name, e.VillageCode, e.BirthDate, e.Categories, e.HealthDataConsented, e.CurrentLevel));

    private ElderFacts? Visible(Row? row) => row is null || !actor.Covers(row.VillageCode) ? null : ToFacts(row);

    private ElderFacts ToFacts(Row row)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var categories = row.Categories.Where(c => row.HealthDataConsented || c != ElderCategory.Disabled).Select(c => c.ToString()).ToList();
        if (Age.On(row.BirthDate, today) >= 80)
        {
            categories.Add("AdvancedAge");
        }

        return new ElderFacts(row.Id, row.Name, row.VillageCode, row.BirthDate, categories, row.HealthDataConsented ? row.CurrentLevel?.ToString() : null);
    }

    private sealed record Row(Guid Id, string Name, string VillageCode, DateOnly BirthDate, List<ElderCategory> Categories, bool HealthDataConsented, CapabilityLevel? CurrentLevel);
}
