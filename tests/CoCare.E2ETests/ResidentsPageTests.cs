using Microsoft.Playwright;

namespace CoCare.E2ETests;

[Collection(BrowserTests.Name)]
public class ResidentsPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task ASocialWorker_OnAPhone_RecordsAHomeVisitWithTwoNeeds_AndAnAssessment()
    {
        var page = await browser.NewPhonePageAsync();
        await BrowserFixture.SignInAsync(page, "provider");
        await page.GotoAsync("/residents/elders");
        await BrowserFixture.WaitForAppAsync(page);
        await page.Locator("[data-testid=masked-id]").First.WaitForAsync();
        var maskedIds = await page.Locator("[data-testid=masked-id]").AllInnerTextsAsync();
        Assert.All(maskedIds, id => Assert.Matches("^\\d{6}\\*{8}\\d{3}[\\dX]$", id.Trim()));
        await BrowserFixture.AssertAccessibleAsync(page);

        var firstElder = page.Locator("table a").First;
        var name = (await firstElder.InnerTextAsync()).Trim();
        await firstElder.ClickAsync();
        await page.ClickAsync("[data-testid=record-visit]");
        await page.Locator("[data-testid=visit-elder]").WaitForAsync();
        Assert.Contains(name, await page.Locator("[data-testid=visit-elder]").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("走访人").Nth(1).FillAsync("吴委员");
        await page.GetByLabel("观察记录").FillAsync("独居，腿脚不便，冰箱缺菜。");
        // One need field at a time: a second click before the first field is rendered can be lost on a busy machine.
        await page.ClickAsync("[data-testid=add-need]");
        await Assertions.Expect(page.GetByLabel("需求内容")).ToHaveCountAsync(1);
        await page.ClickAsync("[data-testid=add-need]");
        await Assertions.Expect(page.GetByLabel("需求内容")).ToHaveCountAsync(2);
        await page.GetByLabel("需求内容").Nth(0).FillAsync("每周送降压药");
        await page.GetByLabel("需求内容").Nth(1).FillAsync("希望食堂菜谱少盐");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.ClickAsync("[data-testid=save-visit]");

        await page.Locator("[data-testid=needs]").GetByText("每周送降压药").WaitForAsync();
        Assert.Contains("希望食堂菜谱少盐", await page.Locator("[data-testid=needs]").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);

        // Then an assessment: two assessors, two items lowered, dementia raises the level one step.
        await page.ClickAsync("[data-testid=assess]");
        await page.GetByLabel("评估员二").FillAsync("吴委员");
        await page.GetByLabel("平地行走 (0–4)").FillAsync("0");
        await page.GetByLabel("上下楼梯 (0–3)").FillAsync("0");
        await page.GetByLabel("确诊痴呆（F00–F03）").CheckAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.ClickAsync("[data-testid=save-assessment]");
        var result = await page.Locator("[data-testid=assessment-result]").InnerTextAsync();
        Assert.Contains("83", result, StringComparison.Ordinal);
        Assert.Contains("中度失能", result, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheElderAssociation_MergesNeedsIntoACollectiveIssue()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "association");
        await page.GotoAsync("/residents/collective-issues");
        await BrowserFixture.WaitForAppAsync(page);
        await page.Locator("[data-testid=issue]").First.WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        var title = "村口路灯太暗，晚上去食堂不安全" + Guid.NewGuid().ToString("N")[..4];
        await page.GetByLabel("议题名称").FillAsync(title);
        await page.GetByLabel("支持者").FillAsync("石奶奶、龙爷爷");
        await page.Locator("[data-testid=pick-need]").Nth(0).CheckAsync();
        await page.Locator("[data-testid=pick-need]").Nth(1).CheckAsync();
        await page.ClickAsync("[data-testid=merge]");

        var issue = page.Locator("[data-testid=issue]").Filter(new() { HasText = title });
        await issue.WaitForAsync();
        Assert.Contains("2 条需求", await issue.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("石奶奶、龙爷爷", await issue.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheVillageCommittee_ReviewsTheServiceList_AndSeesTheNeedsBoard()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "village");
        await page.GotoAsync("/residents/needs");
        await BrowserFixture.WaitForAppAsync(page);
        await page.Locator("[data-testid=needs-board] tbody tr").First.WaitForAsync();
        Assert.Contains("供需匹配率", await page.Locator("[data-testid=match-rate]").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync("/residents/service-list");
        await BrowserFixture.WaitForAppAsync(page);
        var proposed = page.Locator("[data-testid=service-item]").Filter(new() { HasText = "待审核" }).First;
        await proposed.WaitForAsync();
        var title = (await proposed.Locator("h2").InnerTextAsync()).Split('·')[0].Trim();
        await BrowserFixture.AssertAccessibleAsync(page);
        await proposed.Locator("[data-testid=approve]").ClickAsync();
        await page.Locator("[data-testid=service-item]").Filter(new() { HasText = title }).Filter(new() { HasText = "已通过" }).WaitForAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AProvider_PlansTheWeeksVisits_AndImportsARosterWithABadRow()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "provider");
        await page.GotoAsync("/residents/visit-plan");
        await BrowserFixture.WaitForAppAsync(page);
        await page.Locator("[data-testid=plan-households]").WaitForAsync();
        var before = await page.Locator("[data-testid=plan-households] tbody tr").CountAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByTestId("plan-elder").FillAsync("示例1");
        await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await page.GetByLabel("走访人", new() { Exact = true }).FillAsync("杨社工、吴委员");
        await page.ClickAsync("[data-testid=plan-add]");
        await page.Locator("[data-testid=plan-households] tbody tr").Nth(before).WaitForAsync();
        Assert.Contains("杨社工", await page.Locator("[data-testid=plan-workers]").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/residents/import");
        await BrowserFixture.WaitForAppAsync(page);
        await BrowserFixture.AssertAccessibleAsync(page);
        var first17 = "45022619331103" + Random.Shared.Next(700, 999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var id = first17 + CoCare.Kernel.ResidentIdNumber.CheckCharacter(first17);
        var csv = "姓名,身份证号,村(社区)\r\n浏览器导入老人," + id + ",G村\r\n错号老人,450226193311030000,G村\r\n";
        await page.Locator("[data-testid=roster-file]").SetInputFilesAsync(new FilePayload { Name = "名册.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.Locator("[data-testid=roster-consent]").CheckAsync();
        await page.ClickAsync("[data-testid=roster-import]");
        var result = await page.Locator("[data-testid=import-result]").InnerTextAsync();
        Assert.Contains("共 2 行", result, StringComparison.Ordinal);
        Assert.Contains("未导入 1 行", result, StringComparison.Ordinal);
        Assert.Contains("3", await page.Locator("[data-testid=import-problems] tbody td").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("450226193311030000", await page.Locator("[data-testid=import-problems]").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AVillageCadre_AddsAnElder_IsToldWhatIsWrongWithTheIdNumber_AndSeesOnlyMaskedData()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "village");
        await page.GotoAsync("/residents/elders");
        await BrowserFixture.WaitForAppAsync(page);
        await page.ClickAsync("[data-testid=new-elder]");
        await page.Locator("[data-testid=elder-name]").WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        var first17 = "45022619420202" + Random.Shared.Next(700, 999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var id = first17 + CoCare.Kernel.ResidentIdNumber.CheckCharacter(first17);
        var wrong = id[..17] + (id[17] == '1' ? '2' : '1');
        var name = "新建档老人" + Guid.NewGuid().ToString("N")[..3];
        await page.GetByTestId("elder-name").FillAsync(name);
        await page.GetByTestId("elder-id").FillAsync(wrong);
        await page.ClickAsync("text=添加家属联系人");
        await page.GetByLabel("家属姓名").FillAsync("龙大姐");
        await page.GetByLabel("关系").FillAsync("女儿");
        await page.GetByLabel("家属电话").FillAsync("13566667777");
        await page.GetByTestId("consent-basic").CheckAsync();
        await page.ClickAsync("[data-testid=save-elder]");
        Assert.Contains("校验位", await page.Locator("[data-testid=problem]").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByTestId("elder-id").FillAsync(id);

        await page.ClickAsync("[data-testid=save-elder]");
        await page.GetByRole(AriaRole.Heading, new() { Name = name }).WaitForAsync();
        var text = await page.Locator("main").InnerTextAsync();
        Assert.Contains("135****7777", text, StringComparison.Ordinal);
        Assert.DoesNotContain("13566667777", text, StringComparison.Ordinal);
        Assert.DoesNotContain(id, text, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
