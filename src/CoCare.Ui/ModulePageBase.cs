using CoCare.Kernel;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CoCare.Ui;

/// <summary>
/// Shared plumbing of back-office pages: each operation runs its handler in a fresh DI scope (a short-lived
/// DbContext, not one per circuit) and shows a refusal as a readable message instead of failing the circuit.
/// </summary>
/// <typeparam name="TText">The module's resource marker type.</typeparam>
public abstract class ModulePageBase<TText> : ComponentBase
{
    [Inject]
    protected IServiceScopeFactory Scopes { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<TText> S { get; set; } = default!;

    [Inject]
    protected IErrorText Errors { get; set; } = default!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    protected CurrentActor Actor { get; set; } = default!;

    /// <summary>The last refusal, shown inline (role=alert) where the person is looking.</summary>
    protected string? Problem { get; set; }

    /// <summary>The last refusal's messages, one per broken rule.</summary>
    protected IReadOnlyList<string> Problems { get; set; } = [];

    protected async Task<T?> RunAsync<THandler, T>(Func<THandler, Task<T>> action)
        where THandler : notnull
    {
        ArgumentNullException.ThrowIfNull(action);
        Problem = null;
        Problems = [];
        await using var scope = Scopes.CreateAsyncScope();
        try
        {
            return await action(scope.ServiceProvider.GetRequiredService<THandler>());
        }
        catch (Exception e) when (Errors.Describe(e) is { } message)
        {
            Problem = message;
            Problems = Errors.DescribeAll(e);
            return default;
        }
    }

    protected static PageRequest Paging(TableState state, string? search)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(state.Page + 1, state.PageSize, search, state.SortLabel, state.SortDirection == SortDirection.Descending);
    }
}
