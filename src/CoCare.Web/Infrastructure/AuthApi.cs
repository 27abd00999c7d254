using CoCare.Data.Identity;
using CoCare.Web.Resources;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CoCare.Web.Infrastructure;

public sealed record LoginRequest(string UserName, string Password);

/// <summary>Sign-in for API clients: POST /api/v1/auth/login returns a bearer token.</summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", LoginAsync)
            .WithName("Login")
            .WithSummary("Exchange a user name and password for a bearer access token.")
            .WithTags("Auth")
            .AllowAnonymous()
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult, ValidationProblem>> LoginAsync(
        LoginRequest request, AccountSignIn signIn, IStringLocalizer<WebText> s)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            errors["userName"] = [s["Login.UserNameRequired"]];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = [s["Login.PasswordRequired"]];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: s["Problem.Validation"]);
        }

        var principal = await signIn.CheckAsync(request.UserName, request.Password);
        if (principal is null)
        {
            return TypedResults.Problem(title: s["Login.Failed"], statusCode: StatusCodes.Status401Unauthorized);
        }

        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}

/// <summary>
/// One password check for the sign-in page and the API: counts failures toward the lockout, refuses
/// deactivated and locked accounts, and gives the same answer for a wrong name and a wrong password.
/// </summary>
public sealed class AccountSignIn(UserManager<UserAccount> users, SignInManager<UserAccount> signIn, TimeProvider clock, Microsoft.Extensions.Options.IOptions<IdentityOptions> identity)
{
    public async Task<System.Security.Claims.ClaimsPrincipal?> CheckAsync(string? userName, string? password)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password) || userName.Length > 256 || password.Length > 512)
        {
            return null;
        }

        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            // Spend about the time a real check takes, so timing does not tell which names exist.
            users.PasswordHasher.VerifyHashedPassword(new UserAccount(), DummyHash, password);
            return null;
        }

        // Identity counts consecutive failures; CoCare counts those within one lockout window.
        var now = clock.GetUtcNow().UtcDateTime;
        var window = identity.Value.Lockout.DefaultLockoutTimeSpan;
        if (user.AccessFailedCount > 0 && user.LastFailedSignInAt < now - window && !await users.IsLockedOutAsync(user))
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            user.LastFailedSignInAt = now;
            await users.UpdateAsync(user);

            return null;
        }

        if (!user.IsActive)
        {
            return null;
        }

        return await signIn.CreateUserPrincipalAsync(user);
    }

    private static readonly string DummyHash = new PasswordHasher<UserAccount>().HashPassword(new UserAccount(), "not-a-real-password-0");
}
