using CoCare.Kernel;

namespace CoCare.UnitTests.Kernel;

public class ListQueryTests
{
    [Fact]
    public void Defaults_AreFirstPageOfTwenty()
    {
        var paging = new ListQuery(null, null, "  鼓楼 ", null, null).ToPageRequest();
        Assert.Equal((1, 20, "鼓楼"), (paging.PageNumber, paging.PageSize, paging.Search));
    }

    [Theory]
    [InlineData(0, 20, "page")]
    [InlineData(1, 0, "pageSize")]
    [InlineData(1, 101, "pageSize")]
    public void OutOfRangeValues_AreValidationErrorsNamingTheField(int page, int pageSize, string field)
    {
        var error = Assert.Throws<DomainException>(() => new ListQuery(page, pageSize, null, null, null).ToPageRequest());
        Assert.Equal((ErrorKind.Validation, field), (error.Kind, error.Field));
    }
}
