using CoCare.Data;
using CoCare.Web.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CoCare.Web.Infrastructure;

/// <summary>Prints where CoCare listens and, when demo accounts can sign in, who they are and a warning.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app, bool seededNow)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var database = app.Services.GetRequiredService<DatabaseOptions>().Provider;
        var demo = app.Services.GetRequiredService<DemoOptions>();
        Console.WriteLine();
        Console.WriteLine("CoCare (共养) is running on " + database + ":");
        foreach (var address in addresses)
        {
            Console.WriteLine("  " + address);
        }

        if (demo.Seed)
        {
            Console.WriteLine(seededNow ? "Demo data loaded (Drum Tower Canteen, G village)." : "Demo data present.");
            Console.WriteLine("WARNING: demo accounts exist — never expose this instance to the internet. Start with Demo__Seed=false for real use.");
            Console.WriteLine("Demo accounts (password " + (demo.Password == DemoOptions.DefaultPassword ? demo.Password : "from Demo__Password") + "):");
            Console.WriteLine("  " + string.Join(", ", DemoAccounts.All.Select(a => a.UserName + " (" + a.Role + ")")));
        }

        Console.WriteLine();
    }
}
