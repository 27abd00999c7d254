using CoCare.Alerts.Domain;
using CoCare.Data;
using CoCare.Data.Files;
using CoCare.Data.Identity;
using CoCare.Directory.Domain;
using CoCare.Evaluation.Features.Evaluations;
using CoCare.Kernel;
using CoCare.Services.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Web.Demo;

/// <summary>
/// Builds the Drum Tower Canteen scenario (seeds/002): G village in a Dong county of Liuzhou, Guangxi,
/// where a county bureau buys services from a social organization with three social workers, run together
/// with the village committee, the elder association and a silver volunteer team, watched by an evaluator
/// and an audit office. Deterministic: a fixed random seed, so every install shows the same data.
/// Later modules extend this generator with their own records.
/// </summary>
public sealed class DrumTowerScenario(AppDbContext db, UserManager<UserAccount> users, TimeProvider clock, DemoOptions options, PersonalDataCipher cipher, EvidenceCollector evidence,
    IContractFacts contracts, FileStore files)
{
    public const string Guangxi = "450000000000";
    public const string Liuzhou = "450200000000";
    public const string County = "450226000000";
    public const string Township = "450226104000";
    public const string GVillage = "450226104201";

    private static readonly string[] Surnames = ["杨", "吴", "石", "龙", "覃", "韦", "梁", "潘", "蒙", "陆"];

    /// <summary>The first day of the demo year (the contract's start): the service records of the year fall inside it.</summary>
    internal static DateOnly ContractStart(DateOnly today) => today.AddDays(-365);
    private static readonly string[] GivenNames = ["秀英", "建华", "海燕", "志明", "丽萍", "文军", "春梅", "国强", "晓红", "德胜", "玉兰", "永福"];

    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Set<Region>().AnyAsync(ct) || await db.Users.AnyAsync(ct))
        {
            return false;
        }

        var random = new Random(options.RandomSeed);
        string Name() => Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];

        db.AddRange(
            new Region(Guangxi, "广西壮族自治区", RegionLevel.Province, null, RegionKind.Urban),
            new Region(Liuzhou, "柳州市", RegionLevel.City, Guangxi, RegionKind.Urban),
            new Region(County, "三江侗族自治县", RegionLevel.County, Liuzhou, RegionKind.Rural),
            new Region(Township, "林溪镇", RegionLevel.Township, County, RegionKind.Rural),
            new Region(GVillage, "G村", RegionLevel.Village, Township, RegionKind.Rural));

        var platform = new Organization("共养平台运维中心", OrganizationType.Enterprise, Guangxi);
        var bureau = new Organization("三江侗族自治县民政局", OrganizationType.GovernmentDepartment, County);
        var socialWork = new Organization("柳州市鼓楼社会工作服务中心", OrganizationType.SocialOrganization, County);
        var committee = new Organization("G村村民委员会", OrganizationType.VillageCommittee, GVillage);
        var association = new Organization("G村老人协会", OrganizationType.ResidentAssociation, GVillage);
        var silverTeam = new Organization("G村银发志愿服务队", OrganizationType.VolunteerTeam, GVillage);
        var otherProvider = new Organization("三江县康乐社会工作服务站", OrganizationType.SocialOrganization, County);
        var evaluator = new Organization("广西公益服务评估中心", OrganizationType.Evaluator, Guangxi);
        var auditOffice = new Organization("三江侗族自治县审计局", OrganizationType.GovernmentDepartment, County);
        db.AddRange(platform, bureau, socialWork, otherProvider, committee, association, silverTeam, evaluator, auditOffice);
        var (tCityBureau, _) = TCityScenario.Add(db, cipher, Guangxi, clock.GetUtcNow().UtcDateTime);

        var people = new List<Person>
        {
            new("平台管理员", platform.Id, "系统管理员"),
            new(Name(), bureau.Id, "养老服务股股长"),
            new(Name(), socialWork.Id, "项目负责人"),
            new(Name(), socialWork.Id, "社工"),
            new(Name(), socialWork.Id, "社工"),
            new(Name(), socialWork.Id, "社工"),
            new(Name(), committee.Id, "村支书"),
            new(Name(), committee.Id, "村委委员"),
            new(Name(), association.Id, "会长"),
            new(Name(), silverTeam.Id, "队长"),
            new(Name(), evaluator.Id, "评估员"),
            new(Name(), auditOffice.Id, "审计员"),
            new(Name(), bureau.Id, "数据保护专员"),
            new(Name(), tCityBureau.Id, "养老服务科科长"),
        };
        db.AddRange(people);
        await db.SaveChangesAsync(ct);

        var accounts = new (string UserName, string Role, Organization Organization, string Scope, Person Person)[]
        {
            ("admin", Roles.PlatformAdmin, platform, Guangxi, people[0]),
            ("purchaser", Roles.Purchaser, bureau, County, people[1]),
            ("provider", Roles.Provider, socialWork, County, people[2]),
            ("village", Roles.VillageCommittee, committee, GVillage, people[6]),
            ("association", Roles.ResidentOrganization, association, GVillage, people[8]),
            ("volunteer", Roles.Volunteer, silverTeam, GVillage, people[9]),
            ("evaluator", Roles.Evaluator, evaluator, County, people[10]),
            ("auditor", Roles.Auditor, auditOffice, County, people[11]),
            ("privacy", Roles.DataProtectionOfficer, bureau, County, people[12]),
            ("tcity", Roles.Purchaser, tCityBureau, TCityScenario.City, people[13]),
        };
        var accountIds = new Dictionary<string, string>();
        foreach (var (userName, role, organization, scope, person) in accounts)
        {
            var account = new UserAccount
            {
                UserName = userName,
                DisplayName = person.Name,
                PersonId = person.Id,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                LockoutEnabled = true,
            };
            var result = await users.CreateAsync(account, options.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Demo account " + userName + ": " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            db.Add(new Membership(account.Id, organization.Id, role, scope));
            accountIds[userName] = account.Id;
        }

        await db.SaveChangesAsync(ct);

        var projectId = DrumTowerProcurement.Add(db, bureau.Id, socialWork.Id, otherProvider.Id, accountIds["purchaser"], accountIds["provider"], GVillage, ContractStart(ChinaTime.Day(clock.GetUtcNow().UtcDateTime)));
        await db.SaveChangesAsync(ct);

        DrumTowerServices.Add(db, clock.GetUtcNow().UtcDateTime);
        var canteen = DrumTowerServices.AddCanteen(db, GVillage, clock.GetUtcNow().UtcDateTime);
        var elders = DrumTowerResidents.Add(db, cipher, GVillage, random, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);

        DrumTowerVisits.Add(db, elders, GVillage, [people[3].Name, people[4].Name, people[5].Name], [people[6].Name, people[7].Name], socialWork.Id, association.Id,
            random, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);

        var meals = db.ChangeTracker.Entries<ServiceType>().Select(e => e.Entity).Single(t => t.Code == "Meals");
        var rules = db.ChangeTracker.Entries<SubsidyRule>().Select(e => e.Entity).Where(r => r.ServiceTypeCode == "Meals").ToList();
        var served = DrumTowerCanteenYear.Build(canteen, elders, meals, rules, clock.GetUtcNow().UtcDateTime);
        await db.BulkInsertAsync(served, ct);
        var types = db.ChangeTracker.Entries<ServiceType>().Select(e => e.Entity).ToList();
        (string, string, IReadOnlyList<string>?)[] workers =
            [(accountIds["provider"], people[2].Name, null), (accountIds["volunteer"], people[9].Name, DrumTowerVolunteers.LeaderSkills.Select(s => s.ToString()).ToList())];
        var allRules = db.ChangeTracker.Entries<SubsidyRule>().Select(e => e.Entity).ToList();
        var orders = DrumTowerHomeServices.Build(elders, types, allRules, workers, clock.GetUtcNow().UtcDateTime);
        await db.BulkInsertAsync(orders, ct);

        DrumTowerVolunteers.Add(db, projectId, GVillage, people[9].Name, accountIds["volunteer"], "provider", elders.Select(e => (e.Id, e.Name)).ToList(), random,
            clock.GetUtcNow().UtcDateTime);
        DrumTowerNetwork.Add(db, projectId, GVillage, socialWork.Id, committee.Id, association.Id, silverTeam.Id, bureau.Id, ChinaTime.Day(clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);

        DrumTowerVoice.Add(db, cipher, GVillage, committee.Id, association.Id, socialWork.Id, "village", elders, served, orders, random, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);

        await DrumTowerEvaluation.AddAsync(db, evidence, contracts, files, projectId, evaluator.Id, clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);

        DrumTowerAlerts.Add(db, cipher, elders, GVillage,
        [
            new(accountIds["volunteer"], people[9].Name, ResponderKind.Volunteer, null),
            new(accountIds["village"], people[6].Name, ResponderKind.VillageDuty, null),
            new(accountIds["provider"], people[2].Name, ResponderKind.ProviderManager, null),
        ], random, clock.GetUtcNow().UtcDateTime, out var deviceDays);
        await db.SaveChangesAsync(ct);
        await db.BulkInsertAsync(deviceDays, ct);
        return true;
    }
}
