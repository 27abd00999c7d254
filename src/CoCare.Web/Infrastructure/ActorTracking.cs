using CoCare.Kernel;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CoCare.Web.Infrastructure;

/// <summary>Makes the signed-in user the <see cref="CurrentActor"/> for each HTTP request.</summary>
public sealed class ActorMiddleware(RequestDelegate next, CurrentActor actor)
{
    public Task InvokeAsync(HttpContext context)
    {
        actor.Principal = context.User;
        return next(context);
    }
}

/// <summary>Makes the circuit's user the <see cref="CurrentActor"/> for every inbound activity of an interactive page.</summary>
public sealed class ActorCircuitHandler(AuthenticationStateProvider authentication, CurrentActor actor) : CircuitHandler, IDisposable
{
    private System.Security.Claims.ClaimsPrincipal? user;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnChanged;
        user = (await authentication.GetAuthenticationStateAsync()).User;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            user ??= (await authentication.GetAuthenticationStateAsync()).User;
            actor.Principal = user;
            await next(context);
        };

    public void Dispose() => authentication.AuthenticationStateChanged -= OnChanged;

    private void OnChanged(Task<AuthenticationState> state) =>
        _ = state.ContinueWith(t => user = t.Result.User, TaskScheduler.Default);
}
