using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using CoCare.Data;
using CoCare.Data.Identity;
using CoCare.Kernel;
using CoCare.Web.Components;
using CoCare.Web.Demo;
using CoCare.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MudBlazor.Services;
using Scalar.AspNetCore;

namespace CoCare.Web;

/// <summary>The host's cross-cutting parts: data, identity, errors, localization, API description, UI.</summary>
public static class HostSetup
{
    public static IServiceCollection AddCoCareHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCoCareData(configuration);
        services.AddSingleton(configuration.GetSection("Demo").Get<DemoOptions>() ?? new DemoOptions());
        services.AddScoped<DrumTowerScenario>();
        services.AddLocalization();
        services.AddHttpContextAccessor();

        var auth = configuration.GetSection("Auth");
        services.AddIdentity<UserAccount, IdentityRole>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = auth.GetValue("MaxFailedSignIns", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(auth.GetValue("LockoutMinutes", 15));
                o.Lockout.AllowedForNewUsers = true;
                // The configured PasswordPolicy validator does the real check (length and character classes).
                o.Password.RequiredLength = 1;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders();
        services.AddScoped<AccountSignIn>();
        services.AddAuthentication()
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
                o.BearerTokenExpiration = TimeSpan.FromMinutes(auth.GetValue("AccessTokenMinutes", 60)));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Cookie.Name = "cocare.auth";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.HttpOnly = true;
            // Requests under /api that reach the cookie scheme (e.g. a body type no endpoint accepts) get a status, not a redirect.
            o.Events.OnRedirectToLogin = c => ApiStatusOrRedirect(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiStatusOrRedirect(c, StatusCodes.Status403Forbidden);
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AuditApi.ReadPolicy, p => p.RequireRole(Roles.Auditor, Roles.PlatformAdmin))
            .AddPolicy(InboxApi.ReadPolicy, p => p.RequireRole(Roles.All));
        services.AddDataProtection().SetApplicationName("CoCare").PersistKeysToDbContext<AppDbContext>();

        services.AddSingleton<ErrorText>();
        services.AddSingleton<IErrorText>(sp => sp.GetRequiredService<ErrorText>());
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? c.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));

        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityScheme>());
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<CircuitHandler, ActorCircuitHandler>();
        services.AddMudServices(o =>
        {
            // No fade: messages are readable (and measurable for contrast) the moment they appear.
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
            o.SnackbarConfiguration.VisibleStateDuration = 6000;
        });
        return services;
    }

    public static void Configure(JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
    }

    public static WebApplication UseCoCareHost(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Culture first: error pages written on the way out must see the request's language.
        app.UseRequestLocalization(Cultures.Options());
        app.UseExceptionHandler();
        app.UseStatusCodePages(ApiStatusProblem);
        app.UseMiddleware<RequestBodyLimit>(app.Configuration.GetValue<long>("Api:MaxRequestBodyBytes", 1_048_576));
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<ActorMiddleware>();
        app.UseAntiforgery();
        return app;
    }

    public static RouteGroupBuilder MapCoCareApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api-docs").AllowAnonymous();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteHealth }).AllowAnonymous();
        app.MapCultureSwitch();

        // The API authenticates with bearer tokens only: a browser's cookie cannot be used against it (no CSRF).
        var api = app.MapGroup("/api/v1").RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = IdentityConstants.BearerScheme });
        api.MapAuthApi();
        api.MapAuditApi();
        api.MapInboxApi();
        return api;
    }

    public static WebApplication MapCoCareUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .AddAdditionalAssemblies(Modules.UiAssemblies);
        app.MapAccountEndpoints();
        return app;
    }

    private static async Task ApiStatusProblem(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            return;
        }

        var text = http.RequestServices.GetRequiredService<ErrorText>();
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = http.Response.StatusCode, Title = text[$"Problem.Status{http.Response.StatusCode}"] },
        });
    }

    private static Task ApiStatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    private static Task WriteHealth(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            database = report.Entries.TryGetValue("database", out var db) ? db.Status.ToString() : "Unknown",
        });
    }
}
