using System.Text;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace CoCare.E2ETests;

/// <summary>The back office's lists download as Excel and CSV from the page, with the search the user typed.</summary>
[Collection(BrowserTests.Name)]
public class ExportPageTests(BrowserFixture browser)
{
    private static async Task<string> SaveAsync(IDownload download, string extension)
    {
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + extension);
        await download.SaveAsAsync(file);
        return file;
    }

    [Fact]
    public async Task AVillageCadre_SearchesTheElders_AndDownloadsWhatTheListShows()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "village");
        await page.GotoAsync("/residents/elders");
        var firstName = (await page.Locator("tbody tr td").First.InnerTextAsync()).Trim();
        await page.GetByLabel("搜索").First.FillAsync(firstName);
        await page.GetByLabel("搜索").First.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=pager-info]")).ToContainTextAsync("共 ");
        await Assertions.Expect(page.Locator("[data-testid=export-links] a").First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("q=" + Uri.EscapeDataString(firstName)));
        var shown = await page.Locator("tbody tr").CountAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载 Excel" }).ClickAsync());
        Assert.Equal("elders.xlsx", download.SuggestedFilename);
        var file = await SaveAsync(download, ".xlsx");
        var rows = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        File.Delete(file);
        Assert.Equal(shown, rows.Count);
        Assert.All(rows, r => Assert.Equal(firstName, (string?)r["姓名"]));
        Assert.All(rows, r => Assert.Matches(@"^\d{6}\*{8}\d{3}[\dX]$", (string)r["身份证号"]!));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheProvider_DownloadsTheOrdersDesk_AsCsvThatExcelReadsAsChinese()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "provider");
        await page.GotoAsync("/services/orders");
        await Assertions.Expect(page.Locator("[data-testid=export-links]")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        var count = long.Parse(new string([.. (await page.Locator("main p").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("共") }).First.InnerTextAsync()).Where(char.IsAsciiDigit)]), System.Globalization.CultureInfo.InvariantCulture);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载 CSV" }).ClickAsync());
        var file = await SaveAsync(download, ".csv");
        var bytes = await File.ReadAllBytesAsync(file);
        File.Delete(file);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("老人,村（社区）,服务,来源", lines[0], StringComparison.Ordinal);
        Assert.Equal(count, lines.Length - 1);
        await page.Context.CloseAsync();
    }
}
