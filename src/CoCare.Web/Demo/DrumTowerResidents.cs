using System.Text.Json;
using CoCare.Data;
using CoCare.Kernel;
using CoCare.Residents.Domain;

namespace CoCare.Web.Demo;

/// <summary>
/// G village's 306 residents aged 60 and over (seeds/002), with clearly synthetic names ("杨示例001"), valid
/// synthetic ID numbers (region 450226, correct check digits), a realistic age, gender and category mix, and
/// a capability assessment for about one in five.
/// </summary>
internal static class DrumTowerResidents
{
    public const int Count = 306;

    private static readonly string[] Surnames = ["杨", "吴", "石", "龙", "覃", "韦", "梁", "潘", "蒙", "陆"];

    public static List<Elder> Add(AppDbContext db, PersonalDataCipher cipher, string village, Random random, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var elders = new List<Elder>(Count);
        for (var i = 1; i <= Count; i++)
        {
            var female = random.NextDouble() < 0.53;
            // Ages 60–97, fewer the older (an exponential tail).
            var age = 60 + (int)Math.Min(37, -Math.Log(1 - random.NextDouble()) * 9);
            var birth = new DateOnly(today.Year - age - 1, 1, 1).AddDays(random.Next(0, 365));
            var sequence = i * 2 % 1000 + (female ? 0 : 1);
            var first17 = $"450226{birth:yyyyMMdd}{sequence:000}";
            var id = first17 + ResidentIdNumber.CheckCharacter(first17);
            ResidentIdNumber.TryParse(id, today, out var number, out _);

            var categories = new List<ElderCategory>();
            var living = (LivingSituation)random.Next(0, 4);
            if (living == LivingSituation.Alone)
            {
                categories.Add(ElderCategory.LivingAlone);
            }

            if (living == LivingSituation.LeftBehind)
            {
                categories.Add(ElderCategory.LeftBehind);
            }

            if (living == LivingSituation.WithSpouse && random.NextDouble() < 0.5)
            {
                categories.Add(ElderCategory.EmptyNest);
            }

            var roll = random.NextDouble();
            if (roll < 0.06)
            {
                categories.Add(ElderCategory.SubsistenceAllowance);
            }
            else if (roll < 0.08)
            {
                categories.Add(ElderCategory.ExtremePoverty);
            }

            var elder = new Elder(village, now);
            var phone = random.NextDouble() < 0.7 ? $"13{random.Next(0, 10)}{random.Next(10_000_000, 99_999_999)}" : null;
            var address = $"广西柳州市三江侗族自治县林溪镇G村{random.Next(1, 9)}组{random.Next(1, 60)}号";
            elder.SetIdentity($"{Surnames[random.Next(Surnames.Length)]}示例{i:000}", number!.Gender, number.BirthDate, cipher.Encrypt(id)!, cipher.BlindIndex(id), number.Masked);
            // Homes scattered over the village, within about 1.5 km of the drum tower (a separate generator keeps the rest of the demo as it was).
            var place = new Random(i);
            elder.SetContact(cipher.Encrypt(phone), phone is null ? null : Masking.Phone(phone), cipher.Encrypt(address), Masking.Address(address), village,
                DrumTowerServices.DrumTower.Latitude + ((place.NextDouble() - 0.5) * 0.026), DrumTowerServices.DrumTower.Longitude + ((place.NextDouble() - 0.5) * 0.03));
            elder.RecordConsent(new ConsentRecord(ConsentScope.BasicData, true, now, "provider", "本人"));
            elder.RecordConsent(new ConsentRecord(ConsentScope.HealthData, true, now, "provider", "本人"));

            // Most have a son or daughter working away (in Liuzhou or Guangdong) whom a responder can call; a separate generator again.
            var kin = new Random(i + 7919);
            if (kin.NextDouble() < 0.85)
            {
                var surname = elder.Name[..1];
                var family = new List<FamilyContact> { new($"{surname}示例{i:000}子", kin.NextDouble() < 0.5 ? "儿子" : "女儿", $"139{kin.Next(10_000_000, 99_999_999)}") };
                if (kin.NextDouble() < 0.3)
                {
                    family.Add(new($"{surname}示例{i:000}侄", "侄子", $"138{kin.Next(10_000_000, 99_999_999)}"));
                }

                elder.SetFamilyContacts(cipher.Encrypt(JsonSerializer.Serialize(family, JsonColumns.Options)), family.Select(c => c with { Phone = Masking.Phone(c.Phone) }));
            }

            if (i % 5 == 0)
            {
                var frailty = Math.Min(1.0, (age - 60) / 40.0 + random.NextDouble() * 0.3);
                var scores = CapabilityScoring.Items.ToDictionary(item => item.Code, item => Math.Max(0, item.Max - (int)Math.Round(item.Max * frailty * random.NextDouble())));
                var conditions = new CapabilityConditions(false, age > 85 && random.NextDouble() < 0.2, false, random.NextDouble() < 0.05 ? 2 : 0);
                var result = CapabilityScoring.Score(scores, conditions);
                var date = today.AddDays(-random.Next(10, 170));
                var assessment = new Assessment(elder.Id, date, "社工示例A", "村委示例B", scores, conditions, result, "provider");
                db.Add(assessment);
                elder.Assessed(result.Level, assessment.NextDue);
                if (result.Level >= CapabilityLevel.Moderate)
                {
                    categories.Add(ElderCategory.Disabled);
                }
            }

            elder.SetSituation(living, categories);
            db.Add(elder);
            elders.Add(elder);
        }

        return elders;
    }
}
