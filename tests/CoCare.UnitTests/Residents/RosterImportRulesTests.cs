using System.Text;
using CoCare.Kernel;
using CoCare.Residents.Domain;
using CoCare.Residents.Features.Import;

namespace CoCare.UnitTests.Residents;

public class RosterImportRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    static RosterImportRulesTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Id(string birth, int sequence)
    {
        var first17 = $"450226{birth}{sequence:000}";
        return first17 + ResidentIdNumber.CheckCharacter(first17);
    }

    private static object Parse(params (string Header, string Value)[] cells)
    {
        var (map, _, _, _) = RosterColumns.Resolve(cells.Select(c => c.Header).ToList());
        var parser = new RosterRowParser(map, text => text is "450226104201" or "G村" ? "450226104201" : null, Today);
        return parser.Parse(new RosterRow(2, cells.ToDictionary(c => c.Header, c => c.Value)));
    }

    [Fact]
    public void Headers_AreRecognisedInChineseAndEnglish_IgnoringCaseSpacesAndBrackets()
    {
        var (map, missing, ignored, repeated) = RosterColumns.Resolve(["序号", "姓名", "ID Number", "村（社区）", "Phone", "备注"]);
        Assert.Empty(missing);
        Assert.Empty(repeated);
        Assert.Equal(["序号", "备注"], ignored);
        Assert.Equal("ID Number", map[RosterField.IdNumber]);
        Assert.Equal("村（社区）", map[RosterField.Village]);
    }

    [Fact]
    public void MissingRequiredColumns_AreNamed()
    {
        var (_, missing, _, _) = RosterColumns.Resolve(["名字", "身份证号"]);
        Assert.Equal(["Name", "Village"], missing);
    }

    [Fact]
    public void AColumnGivenTwice_IsReported()
    {
        var (_, _, _, repeated) = RosterColumns.Resolve(["姓名", "name", "身份证号", "村"]);
        Assert.Equal(["name"], repeated);
    }

    [Fact]
    public void AValidRow_BecomesAnEntry_WithCategoriesAndLivingSituationInChinese()
    {
        var entry = Assert.IsType<RosterEntry>(Parse(("姓名", "韦某"), ("身份证号", Id("19400101", 123)), ("村(社区)", "G村"), ("性别", "男"),
            ("出生日期", "1940/1/1"), ("居住情况", "独居"), ("类别", "低保、独居、高龄"), ("健康信息同意", "是")));
        Assert.Equal("450226104201", entry.VillageCode);
        Assert.Equal(LivingSituation.Alone, entry.LivingSituation);
        Assert.Equal([ElderCategory.SubsistenceAllowance, ElderCategory.LivingAlone], entry.Categories);
        Assert.True(entry.HealthDataConsent);
    }

    public static TheoryData<string, string, string, string, string> BadRows() => new()
    {
        { "韦某", Id("19400101", 123)[..17] + "0", "G村", "", "IdNumber.CheckDigit" },
        { "韦某", "45022619400101", "G村", "", "IdNumber.Length" },
        { "", Id("19400101", 123), "G村", "", "Import.NameRequired" },
        { "韦某", Id("19400101", 123), "北京", "", "Import.VillageUnknown" },
        { "韦某", Id("19400101", 123), "", "", "Import.VillageRequired" },
        { "韦某", Id("19400101", 124), "G村", "男", "IdNumber.GenderMismatch" },
        { "韦某", Id("19400101", 123), "G村", "未知", "Import.GenderUnknown" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void ABadRow_IsRefusedWithItsReason_AndNeverShowsTheFullNumber(string name, string id, string village, string gender, string key)
    {
        var problem = Assert.IsType<RowProblem>(Parse(("姓名", name), ("身份证号", id), ("村", village), ("性别", gender)));
        Assert.Equal(key, problem.Key);
        Assert.Equal(2, problem.RowNumber);
        Assert.NotEqual(id, problem.MaskedIdNumber);
    }

    [Fact]
    public void ABirthDateThatDisagreesWithTheIdNumber_IsRefused()
    {
        var problem = Assert.IsType<RowProblem>(Parse(("姓名", "韦某"), ("身份证号", Id("19400101", 123)), ("村", "G村"), ("出生日期", "1940-01-02")));
        Assert.Equal("IdNumber.BirthDateMismatch", problem.Key);
    }

    [Fact]
    public void AnUnknownCategory_IsRefusedByName()
    {
        var problem = Assert.IsType<RowProblem>(Parse(("姓名", "韦某"), ("身份证号", Id("19400101", 123)), ("村", "G村"), ("类别", "低保,富裕")));
        Assert.Equal("Import.CategoryUnknown", problem.Key);
        Assert.Equal("富裕", problem.Args[0]);
    }

    [Fact]
    public void Encodings_AreDetected_Utf8WithAndWithoutBom_Gbk_AndUtf16()
    {
        const string text = "姓名,身份证号\r\n鼓楼婆,1";
        Assert.Equal(Encoding.UTF8.WebName, RosterFile.DetectEncoding(Encoding.UTF8.GetBytes(text)).WebName);
        Assert.Equal(Encoding.UTF8.WebName, RosterFile.DetectEncoding([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]).WebName);
        Assert.Equal("gb18030", RosterFile.DetectEncoding(Encoding.GetEncoding("GBK").GetBytes(text)).WebName, ignoreCase: true);
        Assert.Equal(Encoding.Unicode.WebName, RosterFile.DetectEncoding([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)]).WebName);
    }

    [Fact]
    public void ACsvFile_IsReadRowByRow_WithRowNumbersCountingTheHeader_AndBlankRowsSkipped()
    {
        var (headers, rows) = RosterFile.Read(Encoding.GetEncoding("GBK").GetBytes("姓名,身份证号,村\r\n甲,1,G村\r\n,,\r\n乙,2,G村\r\n"), "x.csv");
        Assert.Equal(["姓名", "身份证号", "村"], headers);
        var list = rows.ToList();
        Assert.Equal([2, 4], list.Select(r => r.RowNumber));
        Assert.Equal("乙", list[1].Cells["姓名"]);
    }
}
