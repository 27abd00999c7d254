using CoCare.Data;
using CoCare.Data.Identity;
using CoCare.Directory.Domain;
using CoCare.Kernel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Web.Admin;

/// <summary>
/// <c>dotnet run --project src/CoCare.Web -- admin create --user NAME [--region CODE --region-name NAME]</c>:
/// creates the first platform administrator of a production install that starts without demo data.
/// The password is read from standard input when it is redirected, otherwise asked for twice without echo.
/// </summary>
public static class AdminCommand
{
    public static bool Matches(string[] args) => args.Length >= 1 && args[0] == "admin";

    public static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        if (args.Length < 2 || args[1] != "create" || Option(args, "--user") is not { Length: > 0 } userName)
        {
            await Console.Error.WriteLineAsync("usage: admin create --user NAME [--region CODE --region-name NAME]   (password from stdin or prompt)");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            await Console.Error.WriteLineAsync($"An account named '{userName}' already exists.");
            return 1;
        }

        var organization = await db.Set<Organization>().FirstOrDefaultAsync(o => o.Type == OrganizationType.Enterprise && o.Name == PlatformOrganization)
            ?? await CreatePlatformOrganizationAsync(db, args);
        if (organization is null)
        {
            return 2;
        }

        var password = ReadPassword();
        if (password is null)
        {
            await Console.Error.WriteLineAsync("The two passwords differ.");
            return 1;
        }

        var account = new UserAccount { UserName = userName, DisplayName = userName, CreatedAt = DateTime.UtcNow, LockoutEnabled = true };
        var result = await users.CreateAsync(account, password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await Console.Error.WriteLineAsync(error.Description);
            }

            return 1;
        }

        db.Add(new Membership(account.Id, organization.Id, Roles.PlatformAdmin, organization.RegionCode));
        await db.SaveChangesAsync();
        Console.WriteLine($"Created platform administrator '{userName}'.");
        return 0;
    }

    private const string PlatformOrganization = "共养平台运维中心";

    private static async Task<Organization?> CreatePlatformOrganizationAsync(AppDbContext db, string[] args)
    {
        var region = await db.Set<Region>().OrderBy(r => r.Code).FirstOrDefaultAsync(r => r.Level == RegionLevel.Province);
        if (region is null)
        {
            var code = Option(args, "--region");
            var name = Option(args, "--region-name");
            if (code is null || name is null || RegionCode.LevelOf(code) != RegionLevel.Province)
            {
                await Console.Error.WriteLineAsync("The database has no regions yet: give the province with --region CODE (12 digits) --region-name NAME.");
                return null;
            }

            region = new Region(code, name, RegionLevel.Province, null, RegionKind.Urban);
            db.Add(region);
        }

        var organization = new Organization(PlatformOrganization, OrganizationType.Enterprise, region.Code);
        db.Add(organization);
        await db.SaveChangesAsync();
        return organization;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? "";
        }

        var first = Prompt("Password: ");
        var second = Prompt("Repeat password: ");
        return first == second ? first : null;
    }

    private static string Prompt(string label)
    {
        Console.Write(label);
        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return new string([.. chars]);
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (chars.Count > 0)
                {
                    chars.RemoveAt(chars.Count - 1);
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                chars.Add(key.KeyChar);
            }
        }
    }
}
