using System.Globalization;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace CoCare.E2ETests;

[Collection(BrowserTests.Name)]
public class InsightsPageTests(BrowserFixture browser)
{
    private static long Number(string text) => long.Parse(new string([.. text.Where(char.IsAsciiDigit)]), CultureInfo.InvariantCulture);

    /// <summary>
    /// A purchaser, as a new user would: opens the dashboard from the menu, clicks a number, sees the records behind it
    /// (as many as the number says), pages through them, downloads them as Excel, and opens the big screen.
    /// </summary>
    [Fact]
    public async Task APurchaser_ClicksANumber_SeesTheRecordsBehindIt_AndExportsThemToExcel()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "purchaser");
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "数据看板" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("三江侗族自治县");
        await Assertions.Expect(page.Locator("[data-kpi=satisfactionRate] .cc-kpi-value")).ToContainTextAsync("%");
        await Assertions.Expect(page.Locator("[data-testid=region-grid]")).ToContainTextAsync("林溪镇");
        await Assertions.Expect(page.Locator("[data-testid=contracts]")).ToContainTextAsync("G村鼓楼食堂");
        await Assertions.Expect(page.Locator("figcaption", new() { HasTextString = "每月服务人次与就餐" }).First).ToBeVisibleAsync(); // each contract's trend
        await Assertions.Expect(page.Locator("[data-testid=on-time]")).ToContainTextAsync("%"); // the demo's feedback was answered, on time or late
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "insights-dashboard.png"), FullPage = true });

        var card = page.Locator("[data-kpi=servicePersonTimes] a");
        var shown = Number(await card.InnerTextAsync());
        Assert.True(shown >= 10_328, $"the demo year's person-times are shown ({shown})");
        await card.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("服务人次：明细记录");
        var total = Number((await page.Locator("[data-testid=records-total]").InnerTextAsync()).Split('（')[0]);
        Assert.Equal(shown, total);
        await Assertions.Expect(page.Locator("[data-testid=record]")).ToHaveCountAsync(50);
        await Assertions.Expect(page.Locator("[data-testid=records]")).ToContainTextAsync("G村");
        await Assertions.Expect(page.Locator("[data-testid=records]")).Not.ToContainTextAsync("示例");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Locator("[data-testid=next]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=page-info]")).ToContainTextAsync("第 2 /");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=xlsx]").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xlsx");
        await download.SaveAsAsync(file);
        var rows = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        File.Delete(file);
        Assert.Equal(total, rows.Count);
        Assert.All(rows.Take(100), r => Assert.Contains("*", (string?)r["对象（脱敏）"], StringComparison.Ordinal));

        await page.GotoAsync("/insights");
        await page.Locator("[data-testid=screen-link]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=screen-updated]")).ToContainTextAsync("自动刷新");
        await Assertions.Expect(page.Locator("[data-kpi=servicePersonTimes] .cc-kpi-value")).ToContainTextAsync(shown.ToString("N0", CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=pause]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=pause]")).ToHaveAttributeAsync("aria-pressed", "true");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "insights-screen.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    /// <summary>The purchaser opens the project report from the dashboard: five sections with charts, print-ready; and the cooperation view.</summary>
    [Fact]
    public async Task APurchaser_PrintsTheProjectReport_AndSeesThePartnershipsStage()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "purchaser");
        await page.GotoAsync("/insights");
        await page.Locator("[data-testid=contracts] tr", new() { HasText = "G村鼓楼食堂" }).Locator("[data-testid=report-link]").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("G村鼓楼食堂");
        await Assertions.Expect(page.Locator("h2")).ToHaveCountAsync(5 + 2);
        await Assertions.Expect(page.Locator("[data-testid=context]")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("60 岁及以上老年人 3\\d\\d 名"));
        await Assertions.Expect(page.Locator("[data-testid=alongside]")).ToContainTextAsync("G村村民委员会");
        await Assertions.Expect(page.Locator("[data-testid=results]")).ToContainTextAsync("优");
        await Assertions.Expect(page.Locator(".cc-report svg")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=print]")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        // Printed, the page keeps the report and drops the controls.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("[data-testid=print]")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=results]")).ToBeVisibleAsync();
        var pdf = await page.PdfAsync(new() { Format = "A4" });
        Assert.True(pdf.Length > 10_000, "the report prints to a PDF with its charts");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await page.GotoAsync("/insights/cooperation");
        var partnership = page.Locator("[data-testid=partnership]", new() { HasText = "柳州市鼓楼社会工作服务中心" });
        await Assertions.Expect(partnership.Locator("[data-testid=stage]")).Not.ToBeEmptyAsync();
        await Assertions.Expect(partnership.Locator("[data-testid=timeline] tbody tr")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(partnership.Locator("[data-testid=unmet]")).ToContainTextAsync("连续 3 份合同");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheVillageCommittee_SeesItsDay_InEnglish_AndABackwardPeriodIsExplained()
    {
        var page = await browser.NewPageAsync("en");
        await BrowserFixture.SignInAsync(page, "village");
        await page.GotoAsync("/insights");
        await Assertions.Expect(page.Locator("[data-testid=today]")).ToContainTextAsync("Canteen meals today");
        await Assertions.Expect(page.Locator("[data-testid=today]")).ToContainTextAsync("Home visits this week");
        await Assertions.Expect(page.Locator("[data-testid=today]")).ToContainTextAsync("planned households visited");
        var onShift = int.Parse(await page.Locator("[data-testid=on-shift]").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        if (onShift == 0)
        {
            await Assertions.Expect(page.Locator("[data-testid=no-shift]")).ToContainTextAsync("No volunteer has a shift today.");
        }
        else
        {
            Assert.True(await page.Locator("[data-testid=on-shift-list] li").CountAsync() >= onShift);
        }

        await Assertions.Expect(page.Locator("[data-kpi=elders60Plus]")).ToContainTextAsync("Elders aged 60+");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Locator("#from").FillAsync("2026-03-01");
        await page.Locator("#to").FillAsync("2026-02-01");
        await page.Locator("[data-testid=show]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=problem]")).ToContainTextAsync("cannot come before");
        await page.Context.CloseAsync();
    }
}

[Collection(BrowserTests.Name)]
public class TransparencyPortalTests(BrowserFixture browser)
{
    /// <summary>The public, without signing in, finds the demo contract with its money, grades and KPI results, and no person's data anywhere.</summary>
    [Fact]
    public async Task ThePublic_SeesTheDemoContractWithItsResults_AndNoPersonalData()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/public/calls");
        await page.GetByRole(AriaRole.Link, new() { Name = "资金与成效公开" }).ClickAsync();
        await page.Locator("#region").SelectOptionAsync("450200000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("柳州市");
        await Assertions.Expect(page.Locator("[data-kpi=satisfactionRate]")).ToContainTextAsync("%");
        var contract = page.Locator("[data-testid=public-contract]", new() { HasText = "G村鼓楼食堂" });
        await Assertions.Expect(contract).ToContainTextAsync("柳州市鼓楼社会工作服务中心");
        await Assertions.Expect(contract).ToContainTextAsync("优");
        await Assertions.Expect(page.Locator("[data-testid=decisions]")).Not.ToBeEmptyAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("示例0", text, StringComparison.Ordinal);
        Assert.DoesNotMatch("1[3-9]\\d{9}|\\d{17}[\\dX]|\\d{3}\\*{4}\\d{4}", text);

        await contract.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=payments] tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-testid=results]")).ToContainTextAsync("优");
        await Assertions.Expect(page.Locator("[data-testid=targets]")).ToContainTextAsync("服务人次");
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.DoesNotMatch("1[3-9]\\d{9}|\\d{17}[\\dX]", await page.Locator("body").InnerTextAsync());

        var missing = await page.GotoAsync($"/public/transparency/contracts/{Guid.NewGuid()}");
        Assert.Equal(404, missing!.Status);
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
