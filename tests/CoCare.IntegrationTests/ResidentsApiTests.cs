using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CoCare.Kernel;
using CoCare.Residents.Domain;
using Microsoft.EntityFrameworkCore;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public partial class ResidentsApiTests(SharedApps apps)
{
    internal const string GVillage = "450226104201";

    internal static string NewIdNumber(DateOnly birth, bool female)
    {
        var sequence = Random.Shared.Next(100, 499) * 2 + (female ? 0 : 1);
        var first17 = $"450226{birth:yyyyMMdd}{sequence % 1000:000}";
        return first17 + ResidentIdNumber.CheckCharacter(first17);
    }

    internal static object Elder(string idNumber, DateOnly birth, string gender, string village = GVillage) => new
    {
        name = "测试老人" + Guid.NewGuid().ToString("N")[..4],
        gender,
        birthDate = birth,
        idNumber,
        phone = "13812345678",
        address = "广西柳州市三江侗族自治县林溪镇G村3组12号",
        villageCode = village,
        livingSituation = "Alone",
        categories = new[] { "LivingAlone" },
        consentToBasicData = true,
        consentToHealthData = true,
        consentGivenBy = "本人",
    };

    internal static Dictionary<string, int> FullMarks() => CapabilityScoring.Items.ToDictionary(i => i.Code, i => i.Max);

    [GeneratedRegex("[0-9]{17}[0-9Xx]")]
    private static partial Regex FullIdNumber();

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheElderList_ShowsTheVillagesElders_AndNeverAFullIdNumber(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var response = await provider.GetAsync("/api/v1/residents/elders?pageSize=100&village=" + GVillage);
        var text = await response.Content.ReadAsStringAsync();
        var page = await HttpAssert.JsonAsync(response);
        Assert.True(page.GetProperty("total").GetInt32() >= 306);
        Assert.DoesNotMatch(FullIdNumber(), text);
        Assert.All(page.GetProperty("items").EnumerateArray(), e => Assert.Matches("^450226\\*{8}[0-9]{3}[0-9X]$", e.GetProperty("idNumberMasked").GetString()));
        Assert.Contains(page.GetProperty("items").EnumerateArray(), e => e.GetProperty("categories").EnumerateArray().Any(c => c.GetString() == "AdvancedAge"));
    }

    public static TheoryData<string, string, string, string> BadIdNumbers()
    {
        var data = new TheoryData<string, string, string, string>();
        var birth = new DateOnly(1950, 5, 6);
        var good = NewIdNumber(birth, female: true);
        var wrongCheck = good[..17] + (good[17] == '1' ? '2' : '1');
        foreach (var db in Databases.All)
        {
            data.Add(db, wrongCheck, "Female", "idNumber");
            data.Add(db, good[..16], "Female", "idNumber");
            data.Add(db, good, "Male", "gender");
            data.Add(db, NewIdNumber(birth.AddDays(1), female: true), "Female", "birthDate");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadIdNumbers))]
    public async Task IdNumbers_AreVerified_AgainstTheCheckDigitBirthDateAndGender(string db, string idNumber, string gender, string field)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var problem = await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/residents/elders", Elder(idNumber, new DateOnly(1950, 5, 6), gender)), 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error on {field}: {problem}");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheLongestAddressAllowed_IsKeptInFull_AndOneCharacterMoreIsRefused(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var birth = new DateOnly(1946, 3, 8);
        const string Region = "广西柳州市三江侗族自治县林溪镇G村";
        var longest = Region + new string('巷', 200 - Region.Length); // 200 characters, 600 bytes before encryption
        var body = System.Text.Json.JsonSerializer.SerializeToNode(Elder(NewIdNumber(birth, female: true), birth, "Female"))!;
        body["address"] = longest + "巷";
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/residents/elders", body), 400);
        body["address"] = longest;
        var id = (await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/residents/elders", body), 201)).GetProperty("id").GetGuid();
        var record = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/residents/elders/{id}/record"));
        Assert.Equal(longest, record.GetProperty("address").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FiveFamilyContacts_WithTheLongestNamesOfRareCharacters_AreKeptInFull(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var birth = new DateOnly(1941, 7, 19);
        const string Rare = "𠀾"; // a CJK Extension B character (生僻字, common in names): two UTF-16 units, 4 bytes, escaped in JSON
        var family = Enumerable.Range(0, 5).Select(i => new { name = string.Concat(Enumerable.Repeat(Rare, 25)), relation = string.Concat(Enumerable.Repeat(Rare, 10)), phone = "+86 139-1234-567" + i }).ToArray();
        var body = System.Text.Json.JsonSerializer.SerializeToNode(Elder(NewIdNumber(birth, female: false), birth, "Male"))!;
        body["familyContacts"] = System.Text.Json.JsonSerializer.SerializeToNode(family);
        var id = (await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/residents/elders", body), 201)).GetProperty("id").GetGuid();
        var record = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/residents/elders/{id}/record"));
        var kept = record.GetProperty("familyContacts").EnumerateArray().ToList();
        Assert.Equal(5, kept.Count);
        Assert.All(kept, c => Assert.Equal(family[0].name, c.GetProperty("name").GetString()));
        Assert.Equal(family[4].phone, kept[4].GetProperty("phone").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PersonalFields_AreEncryptedAtRest_AndTheFullRecordReadIsAudited(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var birth = new DateOnly(1944, 2, 29);
        var idNumber = NewIdNumber(birth, female: false);
        var created = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/residents/elders", Elder(idNumber, birth, "Male")), 201);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("138****5678", created.GetProperty("phoneMasked").GetString());
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/residents/elders", Elder(idNumber, birth, "Male")), 409);

        var stored = await app.WithDbAsync(d => d.Set<Elder>().AsNoTracking().Where(e => e.Id == id).Select(e => new { e.IdNumberCipher, e.PhoneCipher, e.AddressCipher }).SingleAsync());
        Assert.StartsWith("v1:", stored.IdNumberCipher, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, stored.IdNumberCipher + stored.PhoneCipher + stored.AddressCipher, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", stored.PhoneCipher!, StringComparison.Ordinal);

        var record = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/residents/elders/{id}/record"));
        Assert.Equal(idNumber, record.GetProperty("idNumber").GetString());
        Assert.Contains("3组12号", record.GetProperty("address").GetString(), StringComparison.Ordinal);
        var reads = await app.WithDbAsync(d => d.AuditEntries.CountAsync(e => e.Action == "Read" && e.EntityType == "Elder" && e.EntityKey == id.ToString() && e.UserName == "provider"));
        Assert.Equal(1, reads);
        var inserted = await app.WithDbAsync(d => d.AuditEntries.Where(e => e.Action == "Insert" && e.EntityKey == id.ToString()).Select(e => e.Changes).SingleAsync());
        Assert.DoesNotContain(idNumber, inserted, StringComparison.Ordinal);

        using var association = await app.ClientAsync("association");
        await HttpAssert.ProblemAsync(await association.GetAsync($"/api/v1/residents/elders/{id}/record"), 403);
        await HttpAssert.JsonAsync(await association.GetAsync($"/api/v1/residents/elders/{id}"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnElderOutsideTheCallersRegions_DoesNotExistForThem(string db)
    {
        var app = await apps.GetAsync(db);
        using var admin = await app.ClientAsync("admin");
        var code = "4502261042" + Random.Shared.Next(50, 99);
        await admin.PostAsJsonAsync("/api/v1/directory/regions", new { code, name = "邻村" + code[^2..], kind = "Rural" });
        var birth = new DateOnly(1948, 8, 8);
        var elder = await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/v1/residents/elders", Elder(NewIdNumber(birth, true), birth, "Female", code)), 201);
        var id = elder.GetProperty("id").GetGuid();

        using var village = await app.ClientAsync("village");
        await HttpAssert.ProblemAsync(await village.GetAsync($"/api/v1/residents/elders/{id}"), 404);
        await HttpAssert.ProblemAsync(await village.GetAsync($"/api/v1/residents/elders/{id}/assessments"), 404);
        await HttpAssert.ProblemAsync(await village.PostAsJsonAsync($"/api/v1/residents/elders/{id}/assessments",
            new { date = ProcurementScenario.Today(app), assessorA = "甲", assessorB = "乙", scores = FullMarks() }), 404);
        var list = await HttpAssert.JsonAsync(await village.GetAsync("/api/v1/residents/elders?pageSize=100&village=" + code));
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Assessments_NeedEveryItemInRange_AndTwoAssessors_AndSetTheElderslevel(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var birth = new DateOnly(1940, 1, 15);
        var elder = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/residents/elders", Elder(NewIdNumber(birth, true), birth, "Female")), 201);
        var url = $"/api/v1/residents/elders/{elder.GetProperty("id").GetGuid()}/assessments";
        var today = ProcurementScenario.Today(app);

        var missing = FullMarks();
        missing.Remove("memory");
        var p1 = await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync(url, new { date = today, assessorA = "社工甲", assessorB = "村委乙", scores = missing }), 400);
        Assert.True(p1.GetProperty("errors").TryGetProperty("scores.memory", out _));
        var outOfRange = FullMarks();
        outOfRange["stairs"] = 4;
        var p2 = await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync(url, new { date = today, assessorA = "社工甲", assessorB = "村委乙", scores = outOfRange }), 400);
        Assert.True(p2.GetProperty("errors").TryGetProperty("scores.stairs", out _));
        var p3 = await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync(url, new { date = today, assessorA = "社工甲", assessorB = "", scores = FullMarks() }), 400);
        Assert.True(p3.GetProperty("errors").TryGetProperty("assessorB", out _));
        Assert.Equal(0, (await HttpAssert.JsonAsync(await provider.GetAsync(url))).GetArrayLength());

        var scores = FullMarks();
        scores["walking"] = 0;
        scores["stairs"] = 0;
        var recorded = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync(url, new { date = today, assessorA = "社工甲", assessorB = "村委乙", scores, dementia = true }), 201);
        Assert.Equal((83, "Mild", "Moderate", "dementia"), (recorded.GetProperty("total").GetInt32(), recorded.GetProperty("levelFromTotal").GetString(), recorded.GetProperty("level").GetString(), recorded.GetProperty("adjustment").GetString()));
        Assert.Equal(today.AddMonths(6), DateOnly.Parse(recorded.GetProperty("nextDue").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        var now = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/residents/elders/{elder.GetProperty("id").GetGuid()}"));
        Assert.Equal("Moderate", now.GetProperty("currentLevel").GetString());
    }
}
