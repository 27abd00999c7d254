using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace CoCare.Web.Infrastructure;

/// <summary>zh-CN is the default; en is the other. The UI keeps the choice in the culture cookie.</summary>
public static class Cultures
{
    public const string Default = "zh-CN";

    public static readonly string[] Supported = [Default, "en"];

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(Default)
            .AddSupportedCultures(Supported)
            .AddSupportedUICultures(Supported);
        options.FallBackToParentCultures = true;
        options.FallBackToParentUICultures = true;
        // The cookie wins over Accept-Language so a person's choice sticks; API clients send only Accept-Language.
        options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        return options;
    }

    /// <summary>GET /culture/set?culture=en&amp;redirectUri=/ stores the choice and goes back (local paths only).</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/set", (string? culture, string? redirectUri, HttpContext context) =>
            {
                var chosen = Supported.Contains(culture, StringComparer.OrdinalIgnoreCase) ? CultureInfo.GetCultureInfo(culture!).Name : Default;
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = false, SameSite = SameSiteMode.Lax });
                var target = redirectUri is { Length: > 0 } && redirectUri.StartsWith('/') && !redirectUri.StartsWith("//", StringComparison.Ordinal) ? redirectUri : "/";
                return TypedResults.LocalRedirect(target);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
