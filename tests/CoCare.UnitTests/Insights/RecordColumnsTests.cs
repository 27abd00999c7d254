using System.Globalization;
using CoCare.Insights.Features.KpiSheets;
using CoCare.Insights.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoCare.UnitTests.Insights;

/// <summary>How a record enters its number reads as words in the drill-down and the exports, in the reader's language.</summary>
public class RecordColumnsTests
{
    private static StringLocalizer<InsightsText> Texts() =>
        new StringLocalizer<InsightsText>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    [Theory]
    [InlineData("zh-CN", "positive", "满意（4–5 分）")]
    [InlineData("zh-CN", "government:120000", "财政资金 ¥1,200.00")]
    [InlineData("zh-CN", "other:5050", "社会投入 ¥50.50")]
    [InlineData("zh-CN", "hours:2.5", "2.5 小时后首次答复")]
    [InlineData("zh-CN", "unanswered", "尚未回应")]
    [InlineData("en", "seats:40", "40 seats a sitting")]
    [InlineData("en", "hours:0.3", "First answered after 0.3 hours")]
    [InlineData("en", "somethingNew", "somethingNew")]
    [InlineData("en", "somethingNew:7", "somethingNew:7")]
    public void Counts_ReadsAsWords(string culture, string counts, string expected)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            Assert.Equal(expected, RecordColumns.Counts(Texts(), counts));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void NoCounts_IsAnEmptyCell() => Assert.Null(RecordColumns.Counts(Texts(), null));
}
