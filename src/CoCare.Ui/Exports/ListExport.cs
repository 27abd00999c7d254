using System.Runtime.CompilerServices;
using CoCare.Kernel;
using CoCare.Ui.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace CoCare.Ui.Exports;

/// <summary>
/// Downloads of the back office's lists. Every list handler answers pages (<see cref="Page{T}"/>) for its table; an
/// export asks the same handler for the same search, filters and order a thousand rows at a time and writes them as CSV
/// or XLSX while it reads, so an export shows exactly what the list shows (the caller's scope, masked fields) and never
/// holds the whole list in memory. Lists longer than <see cref="MaxRows"/> are refused: narrow the search first.
/// </summary>
public static class ListExport
{
    public const int BatchSize = 1_000;
    public const int MaxRows = 100_000;

    /// <summary>
    /// The two homes of the exports: <c>/api/v1/exports/…</c> for API clients (bearer token) and <c>/exports/…</c>
    /// for the browser (cookie), linked from each list page. Map every module's exports on both.
    /// </summary>
    public static IReadOnlyList<RouteGroupBuilder> Routes(RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(app);
        var browser = app.MapGroup("/exports").ExcludeFromDescription();

        // The browser's copies carry no endpoint names: each name belongs to the API's copy only.
        ((IEndpointConventionBuilder)browser).Finally(endpoint =>
        {
            foreach (var name in endpoint.Metadata.Where(m => m is IEndpointNameMetadata or IRouteNameMetadata).ToList())
            {
                endpoint.Metadata.Remove(name);
            }
        });
        return [api.MapGroup("/exports").WithTags("Exports"), browser];
    }

    /// <summary>A yes/no cell in the reader's language.</summary>
    public static string YesNo(IStringLocalizer<UiText> text, bool value)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[value ? "Export.Yes" : "Export.No"];
    }

    /// <summary>The format asked for: <c>csv</c> or <c>xlsx</c> (400 otherwise).</summary>
    public static bool IsXlsx(string? format) => format?.ToLowerInvariant() switch
    {
        "csv" => false,
        "xlsx" => true,
        _ => throw new DomainException("Export.Format", ErrorKind.Validation, "format"),
    };

    /// <summary>
    /// The whole list as a download named <paramref name="name"/>: the handler is called as the list page calls it,
    /// with <paramref name="query"/>'s search and order (its page and page size are ignored).
    /// </summary>
    public static async Task<IResult> ResultAsync<T>(string? format, string name, IReadOnlyList<ExportColumn<T>> columns, ListQuery query,
        Func<PageRequest, CancellationToken, Task<Page<T>>> list, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(list);
        _ = IsXlsx(format);
        var first = query.ToPageRequest() with { PageNumber = 1, PageSize = BatchSize };
        var firstPage = await list(first, ct);
        if (firstPage.Total > MaxRows)
        {
            throw new DomainException("Export.TooManyRows", ErrorKind.Validation, "q", firstPage.Total, MaxRows);
        }

        return await StreamAsync(format, name, columns, AllRows(firstPage, first, list, ct), ct);
    }

    /// <summary>
    /// Rows that are already a stream (a query read as it goes, e.g. the records behind a KPI — millions of them) as a
    /// download: CSV written to the response as the rows come, XLSX through a temporary file.
    /// </summary>
    public static async Task<IResult> StreamAsync<T>(string? format, string name, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        if (IsXlsx(format))
        {
            return TypedResults.File(await TableExport.XlsxAsync(name, columns, rows, ct), TableExport.XlsxType, name + ".xlsx");
        }

        return TypedResults.Stream(stream => TableExport.WriteCsvAsync(stream, columns, rows, ct), TableExport.CsvType, name + ".csv");
    }

    /// <summary>Every row from the first page on, one batch in memory at a time.</summary>
    public static async IAsyncEnumerable<T> AllRows<T>(Page<T> firstPage, PageRequest first, Func<PageRequest, CancellationToken, Task<Page<T>>> list,
        [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(firstPage);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(list);
        var page = firstPage;
        var seen = 0;
        while (true)
        {
            foreach (var row in page.Items)
            {
                yield return row;
            }

            seen += page.Items.Count;
            if (page.Items.Count < first.PageSize || seen >= MaxRows)
            {
                yield break;
            }

            page = await list(first with { PageNumber = page.PageNumber + 1 }, ct);
        }
    }
}
