using CoCare.Data;
using CoCare.Kernel;

namespace CoCare.UnitTests.Data;

public class SortingTests
{
    private sealed record Row(string Name, int Day);

    private static readonly IQueryable<Row> Rows = new[] { new Row("乙", 2), new Row("甲", 3), new Row("丙", 1) }.AsQueryable();

    private static readonly Sorting<Row> Sorts = new Sorting<Row>("day").Add("name", r => r.Name).Add("day", r => r.Day, newestFirst: true);

    [Fact]
    public void ANewestFirstKey_RunsDescending_UntilDescAsksForTheOldest()
    {
        Assert.Equal([3, 2, 1], Sorts.Apply(Rows, new PageRequest()).Select(r => r.Day));
        Assert.Equal([1, 2, 3], Sorts.Apply(Rows, new PageRequest(Descending: true)).Select(r => r.Day));
    }

    [Fact]
    public void AnUnknownSort_IsAFieldErrorListingTheChoices()
    {
        var error = Assert.Throws<DomainException>(() => Sorts.Apply(Rows, new PageRequest(Sort: "salary")));
        Assert.Equal(("List.UnknownSort", "sort"), (error.Code, error.Field));
        Assert.Contains("name, day", error.Arguments[1].ToString(), StringComparison.Ordinal);
    }
}
