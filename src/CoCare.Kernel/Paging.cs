namespace CoCare.Kernel;

/// <summary>One page of a list, with the total count so clients can draw a pager.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize);

/// <summary>Paging, search and sort parameters common to every list endpoint.</summary>
public sealed record PageRequest(int PageNumber = 1, int PageSize = 20, string? Search = null, string? Sort = null, bool Descending = false)
{
    public const int MaxPageSize = 100;

    public int Skip => (PageNumber - 1) * PageSize;

    public PageRequest Normalized() => this with
    {
        PageNumber = Math.Max(1, PageNumber),
        PageSize = Math.Clamp(PageSize, 1, MaxPageSize),
        Search = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
    };
}
