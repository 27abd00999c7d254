namespace CoCare.Kernel;

/// <summary>Query-string paging for list endpoints: ?page=1&amp;pageSize=20&amp;q=text&amp;sort=name&amp;desc=true.</summary>
public sealed record ListQuery(int? Page, int? PageSize, string? Q, string? Sort, bool? Desc)
{
    public PageRequest ToPageRequest()
    {
        if (Page is < 1)
        {
            throw new DomainException("List.PageOutOfRange", ErrorKind.Validation, "page");
        }

        if (PageSize is < 1 or > PageRequest.MaxPageSize)
        {
            throw new DomainException("List.PageSizeOutOfRange", ErrorKind.Validation, "pageSize", PageRequest.MaxPageSize);
        }

        return new PageRequest(Page ?? 1, PageSize ?? 20, Q, Sort, Desc ?? false).Normalized();
    }
}
