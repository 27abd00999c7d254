using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoCare.Kernel;
using CoCare.Residents.Domain;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public partial class RosterImportTests(SharedApps apps)
{
    private const string GVillage = "450226104201";
    private const string Header = "序号,姓名,性别,出生日期,身份证号,联系电话,住址,村(社区),居住情况,类别";

    static RosterImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [GeneratedRegex("[0-9]{17}[0-9Xx]")]
    private static partial Regex FullIdNumber();

    private static int issued;

    /// <summary>ID numbers unique in this test run: births counted up from 1930, sequence numbers above the demo's (which stay below 612).</summary>
    private static List<string> IdNumbers(int count)
    {
        var result = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var n = Interlocked.Increment(ref issued);
            var first17 = $"450226{new DateOnly(1930, 1, 1).AddDays(n % 3000):yyyyMMdd}{700 + (n / 3000):000}";
            result.Add(first17 + ResidentIdNumber.CheckCharacter(first17));
        }

        return result;
    }

    private static string Row(int n, string name, string idNumber, string village = GVillage, string categories = "独居、低保")
    {
        var birth = DateOnly.ParseExact(idNumber.Substring(6, 8), "yyyyMMdd");
        var gender = (idNumber[16] - '0') % 2 == 1 ? "男" : "女";
        return $"{n},{name},{gender},{birth:yyyy-MM-dd},{idNumber},13800001234,广西三江县林溪镇G村{n}号,{village},独居,{categories}";
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName, bool consent = true)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(file, "file", fileName);
        if (consent)
        {
            form.Add(new StringContent("true"), "consentConfirmed");
        }

        return await client.PostAsync("/api/v1/residents/imports", form);
    }

    private static Task<int> ElderCountAsync(CoCareApp app) => app.WithDbAsync(db => db.Set<Elder>().CountAsync());

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ARoster_ImportsItsValidRows_ReportsTheOthersByRow_AndASecondImportChangesNothing(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var ids = IdNumbers(3);
        var badCheck = ids[2][..17] + (ids[2][17] == '1' ? '2' : '1');
        var csv = string.Join("\r\n",
            Header,
            Row(1, "导入甲", ids[0]),
            Row(2, "导入乙", ids[1]),
            Row(3, "导入丙", badCheck),
            Row(4, "导入丁", ids[0]),
            Row(5, "导入戊", ids[2], village: "110101001001"),
            Row(6, "导入己", ids[2], categories: "低保、富裕"),
            Row(7, "导入庚", ids[2]));
        var before = await ElderCountAsync(app);

        var result = await HttpAssert.JsonAsync(await UploadAsync(provider, Encoding.UTF8.GetBytes(csv), "名册.csv"), 201);

        Assert.Equal(7, result.GetProperty("rows").GetInt32());
        Assert.Equal(3, result.GetProperty("imported").GetInt32());
        Assert.Equal(4, result.GetProperty("rejected").GetInt32());
        Assert.Equal(["序号"], result.GetProperty("ignoredColumns").EnumerateArray().Select(c => c.GetString()));
        var problems = result.GetProperty("firstProblems").EnumerateArray().ToDictionary(p => p.GetProperty("row").GetInt32(), p => p.GetProperty("reason").GetString()!);
        Assert.Equal([4, 5, 6, 7], problems.Keys.Order());
        Assert.Contains("校验位", problems[4]);
        Assert.Contains("第 2 行", problems[5]);
        Assert.Contains("110101001001", problems[6]);
        Assert.Contains("富裕", problems[7]);
        Assert.Equal(before + 3, await ElderCountAsync(app));

        var report = await provider.GetAsync($"/api/v1/residents/imports/{result.GetProperty("id").GetString()}/report");
        Assert.Equal(200, (int)report.StatusCode);
        var reportText = Encoding.UTF8.GetString(await report.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFF行号,身份证号,原因", reportText);
        Assert.Contains("4,", reportText);
        Assert.DoesNotMatch(FullIdNumber(), reportText);

        var again = await HttpAssert.JsonAsync(await UploadAsync(provider, Encoding.UTF8.GetBytes(csv), "名册.csv"), 201);
        Assert.Equal(0, again.GetProperty("imported").GetInt32());
        Assert.Equal(3, again.GetProperty("alreadyPresent").GetInt32());
        Assert.Equal(before + 3, await ElderCountAsync(app));

        // The imported elders are ordinary elders: masked in the list, found by name, in the right village.
        var list = await HttpAssert.JsonAsync(await provider.GetAsync("/api/v1/residents/elders?q=导入乙"));
        var elder = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(GVillage, elder.GetProperty("villageCode").GetString());
        Assert.Equal(Masking.IdNumber(ids[1]), elder.GetProperty("idNumberMasked").GetString());
        Assert.Contains("SubsistenceAllowance", elder.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        var elderId = elder.GetProperty("id").GetString();
        var one = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/residents/elders/{elderId}"));
        Assert.Equal(Masking.IdNumber(ids[1]), one.GetProperty("idNumberMasked").GetString());

        // One audit entry names every elder the import added, and the chain still verifies.
        using var admin = await app.ClientAsync("admin");
        var audit = await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/audit?entityType=Elder&action=BulkInsert&pageSize=50"));
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("changes").GetString()!.Contains(elderId!, StringComparison.Ordinal));
        var verify = await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/audit/verify"));
        Assert.True(verify.GetProperty("ok").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task GbkEncodedCsv_AsChineseExcelSavesIt_IsRead(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var id = IdNumbers(1)[0];
        var name = "鼓楼" + (char)('甲' + Random.Shared.Next(0, 10)) + "婆";
        var csv = Header + "\r\n" + Row(1, name, id, village: "G村");
        var gbk = Encoding.GetEncoding("GBK").GetBytes(csv);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(gbk));

        var result = await HttpAssert.JsonAsync(await UploadAsync(provider, gbk, "roster-gbk.csv"), 201);

        Assert.Equal(1, result.GetProperty("imported").GetInt32());
        var list = await HttpAssert.JsonAsync(await provider.GetAsync("/api/v1/residents/elders?q=" + Uri.EscapeDataString(Masking.IdNumber(id)[^4..])));
        Assert.Contains(list.GetProperty("items").EnumerateArray(), e => e.GetProperty("name").GetString() == name);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnXlsxRoster_WithEnglishHeaders_IsImported(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var ids = IdNumbers(2);
        var rows = ids.Select((id, i) => new Dictionary<string, object>
        {
            ["Name"] = "Excel老人" + i + Guid.NewGuid().ToString("N")[..4],
            ["ID number"] = id,
            ["Village code"] = GVillage,
            ["Phone"] = 13900000000L + i,
            ["Living situation"] = "WithSpouse",
            ["Health data consent"] = "是",
        });
        using var buffer = new MemoryStream();
        await buffer.SaveAsAsync(rows, excelType: ExcelType.XLSX);

        var result = await HttpAssert.JsonAsync(await UploadAsync(provider, buffer.ToArray(), "roster.xlsx"), 201);

        Assert.Equal(2, result.GetProperty("imported").GetInt32());
        Assert.Equal(0, result.GetProperty("rejected").GetInt32());
        var index = await app.WithDbAsync(async dbc =>
            await dbc.Set<Elder>().AsNoTracking().Where(e => e.IdNumberMasked == Masking.IdNumber(ids[1])).Select(e => new { e.PhoneMasked, e.LivingSituation }).ToListAsync());
        Assert.Contains(index, e => e.PhoneMasked == "139****0001" && e.LivingSituation == LivingSituation.WithSpouse);
    }

    public static TheoryData<string, string, byte[], string, bool> BadFiles()
    {
        var data = new TheoryData<string, string, byte[], string, bool>();
        foreach (var db in Databases.All)
        {
            data.Add(db, "wrong columns", Encoding.UTF8.GetBytes("名字,号码\r\n张三,450226195001010011"), "roster.csv", true);
            data.Add(db, "not a spreadsheet", Encoding.UTF8.GetBytes("hello"), "roster.txt", true);
            data.Add(db, "a text file called xlsx", Encoding.UTF8.GetBytes(Header), "roster.xlsx", true);
            data.Add(db, "headers only", Encoding.UTF8.GetBytes(Header), "roster.csv", true);
            data.Add(db, "consent not confirmed", Encoding.UTF8.GetBytes(Header + "\r\n" + Row(1, "某", IdNumbers(1)[0])), "roster.csv", false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task AFileThatIsNotARoster_IsRefusedWholeWithAReason_AndChangesNothing(string db, string what, byte[] content, string fileName, bool consent)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var before = await ElderCountAsync(app);

        var problem = await HttpAssert.ProblemAsync(await UploadAsync(provider, content, fileName, consent), 400);

        var message = problem.GetProperty("errors").EnumerateObject().Single().Value[0].GetString();
        Assert.False(string.IsNullOrWhiteSpace(message), what);
        if (what == "wrong columns")
        {
            Assert.Contains("姓名", message);
            Assert.Contains("村(社区)", message);
        }

        Assert.Equal(before, await ElderCountAsync(app));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OnlyRolesThatKeepElderRecords_MayImport(string db)
    {
        var app = await apps.GetAsync(db);
        using var association = await app.ClientAsync("association");
        var response = await UploadAsync(association, Encoding.UTF8.GetBytes(Header + "\r\n" + Row(1, "某", IdNumbers(1)[0])), "roster.csv");
        Assert.Equal(403, (int)response.StatusCode);
    }
}

/// <summary>A 100,000-row roster on a database of its own (the benchmark under bench/ measures its speed).</summary>
public class LargeRosterImportTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AHundredThousandRows_AreAllImported(string db)
    {
        await using var app = new CoCareApp(db);
        using var provider = await app.ClientAsync("provider");
        var csv = new StringBuilder("姓名,身份证号,村(社区)\r\n");
        var birth = new DateOnly(1935, 1, 1);
        for (var i = 0; i < 100_000; i++)
        {
            var first17 = $"450226{birth.AddDays(i % 10_000):yyyyMMdd}{900 + (i / 10_000):000}";
            csv.Append("老人").Append(i).Append(',').Append(first17).Append(ResidentIdNumber.CheckCharacter(first17)).Append(",450226104201\r\n");
        }

        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "file", "big.csv");
        form.Add(new StringContent("true"), "consentConfirmed");
        provider.Timeout = TimeSpan.FromMinutes(5);
        var result = await HttpAssert.JsonAsync(await provider.PostAsync("/api/v1/residents/imports", form), 201);

        Assert.Equal(100_000, result.GetProperty("rows").GetInt32());
        Assert.Equal(100_000, result.GetProperty("imported").GetInt32());
        Assert.Equal(JsonValueKind.False, result.GetProperty("hasReport").ValueKind);
        Assert.True(await app.WithDbAsync(d => d.Set<Elder>().CountAsync()) >= 100_306);
    }
}
