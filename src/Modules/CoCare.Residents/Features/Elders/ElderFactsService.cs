using CoCare.Data;
using CoCare.Kernel;
using CoCare.Residents.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Residents.Features.Elders;

/// <summary>Residents' answer to other modules about an elder: no personal contact data, health data only with consent.</summary>
internal sealed class ElderFactsService(AppDbContext db, CurrentActor actor, TimeProvider clock) : IElderFacts
{
    public async Task<ElderFacts?> FindAsync(Guid elderId, CancellationToken ct)
    {
        var elder = await db.Set<Elder>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == elderId && e.IsActive, ct);
        if (elder is null || !actor.Covers(elder.VillageCode))
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var categories = elder.Categories.Where(c => elder.HealthDataConsented || c != ElderCategory.Disabled).Select(c => c.ToString()).ToList();
        if (elder.IsAdvancedAge(today))
        {
            categories.Add("AdvancedAge");
        }

        return new ElderFacts(elder.Id, elder.Name, elder.VillageCode, elder.BirthDate, categories, elder.HealthDataConsented ? elder.CurrentLevel?.ToString() : null);
    }
}
