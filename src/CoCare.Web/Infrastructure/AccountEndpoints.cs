using CoCare.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoCare.Web.Infrastructure;

public static class AccountEndpoints
{
    /// <summary>POST /account/logout from the back office's sign-out button (a form with an antiforgery token).</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, SignInManager<UserAccount> signIn) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect("/account/login");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
