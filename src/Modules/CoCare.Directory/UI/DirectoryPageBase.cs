using CoCare.Directory.Resources;
using CoCare.Kernel;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CoCare.Directory.UI;

/// <summary>
/// Shared plumbing of the directory pages: each operation runs its handler in a fresh DI scope (a short-lived
/// DbContext, not one per circuit) and shows a refusal as a readable message instead of failing the circuit.
/// </summary>
public abstract class DirectoryPageBase : ComponentBase
{
    [Inject]
    protected IServiceScopeFactory Scopes { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<DirectoryText> S { get; set; } = default!;

    [Inject]
    protected IErrorText Errors { get; set; } = default!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The last refusal, shown above the form.</summary>
    protected string? Problem { get; set; }

    protected async Task<T?> RunAsync<THandler, T>(Func<THandler, Task<T>> action)
        where THandler : notnull
    {
        ArgumentNullException.ThrowIfNull(action);
        Problem = null;
        await using var scope = Scopes.CreateAsyncScope();
        try
        {
            return await action(scope.ServiceProvider.GetRequiredService<THandler>());
        }
        catch (Exception e) when (Errors.Describe(e) is { } message)
        {
            // Shown inline next to the form (role=alert), where the person is looking.
            Problem = message;
            return default;
        }
    }

    protected static PageRequest Paging(TableState state, string? search) =>
        new(state.Page + 1, state.PageSize, search, state.SortLabel, state.SortDirection == SortDirection.Descending);
}
