using System.Text;
using CoCare.Kernel;
using CoCare.Ui.Exports;

namespace CoCare.UnitTests.Ui;

public class ListExportTests
{
    /// <summary>A list of <paramref name="total"/> numbers answered page by page as a list handler answers, counting the calls.</summary>
    private sealed class NumberList(int total)
    {
        public List<PageRequest> Asked { get; } = [];

        public Task<Page<int>> PageAsync(PageRequest request, CancellationToken ct)
        {
            Asked.Add(request);
            var items = Enumerable.Range(request.Skip + 1, Math.Max(0, Math.Min(request.PageSize, total - request.Skip))).ToList();
            return Task.FromResult(new Page<int>(items, total, request.PageNumber, request.PageSize));
        }
    }

    private static readonly ExportColumn<int>[] Columns = [new("数", n => n), new("双倍（元）", n => TableExport.Yuan(n * 200L)), new("说明", n => n % 2 == 0 ? "偶, \"双\"" : null)];

    [Theory]
    [InlineData(0, 1)]
    [InlineData(999, 1)]
    [InlineData(1_000, 2)]
    [InlineData(2_500, 3)]
    public async Task AllRows_ReadsTheWholeListInBatches_InOrder(int total, int calls)
    {
        var list = new NumberList(total);
        var query = new ListQuery(7, 5, "找", "name", true);
        var first = query.ToPageRequest() with { PageNumber = 1, PageSize = ListExport.BatchSize };
        var rows = new List<int>();
        await foreach (var row in ListExport.AllRows(await list.PageAsync(first, default), first, list.PageAsync, default))
        {
            rows.Add(row);
        }

        Assert.Equal(Enumerable.Range(1, total), rows);
        Assert.Equal(calls, list.Asked.Count);
        Assert.All(list.Asked, r => Assert.Equal(("找", "name", true, ListExport.BatchSize), (r.Search, r.Sort, r.Descending, r.PageSize)));
    }

    [Fact]
    public async Task AListLongerThanAnExportMayHold_IsRefusedBeforeAnythingIsWritten()
    {
        var list = new NumberList(ListExport.MaxRows + 1);
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            ListExport.ResultAsync("csv", "numbers", Columns, new ListQuery(null, null, null, null, null), list.PageAsync, default));
        Assert.Equal(("Export.TooManyRows", "q"), (refused.Code, refused.Field));
        Assert.Equal([ListExport.MaxRows + 1, ListExport.MaxRows], refused.Arguments);
        Assert.Single(list.Asked);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pdf")]
    public async Task AFormatOtherThanCsvOrXlsx_IsRefused(string? format)
    {
        var list = new NumberList(3);
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            ListExport.ResultAsync(format, "numbers", Columns, new ListQuery(null, null, null, null, null), list.PageAsync, default));
        Assert.Equal(("Export.Format", "format"), (refused.Code, refused.Field));
        Assert.Empty(list.Asked);
    }

    [Fact]
    public async Task Csv_StartsWithTheBom_QuotesWhatNeedsIt_AndWritesNumbersInvariantly()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE"); // a decimal comma must not leak into the file
        try
        {
            using var output = new MemoryStream();
            await TableExport.WriteCsvAsync(output, Columns, new[] { 1, 2 }.ToAsyncEnumerable(), default);
            var bytes = output.ToArray();
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
            Assert.Equal("数,双倍（元）,说明\r\n1,2,\r\n2,4,\"偶, \"\"双\"\"\"\r\n", Encoding.UTF8.GetString(bytes[3..]));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task Xlsx_OfAnEmptyList_StillHasItsHeadings()
    {
        await using var file = await TableExport.XlsxAsync("numbers", Columns, AsyncEnumerable.Empty<int>(), default);
        var sheet = MiniExcelLibs.MiniExcel.Query(file).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(new[] { "数", "双倍（元）", "说明" }, sheet.Single().Values.Select(v => v?.ToString() ?? "").ToArray());
    }
}
