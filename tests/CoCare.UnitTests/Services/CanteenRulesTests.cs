using CoCare.Kernel;
using CoCare.Residents.Domain;
using CoCare.Services.Domain;

namespace CoCare.UnitTests.Services;

public class CanteenRulesTests
{
    private const string GVillage = "450226104201";

    private static ServicePoint DrumTower()
    {
        var point = new ServicePoint("鼓楼食堂", GVillage);
        point.Describe("鼓楼食堂", GVillage, "G村鼓楼", new GeoPoint(25.92, 109.63), 60,
            [new MealSession("晚餐", new TimeOnly(17, 0), new TimeOnly(18, 30)), new MealSession("午餐", new TimeOnly(11, 0), new TimeOnly(13, 0))], active: true);
        return point;
    }

    private static ElderFacts Elder(string village = GVillage) => new(Guid.NewGuid(), "杨示例001", village, new DateOnly(1940, 3, 1), [], null);

    [Fact]
    public void AnElderOfTheVillage_IsAdmittedToTheSessionOpenAtThatBeijingHour()
    {
        var noonBeijing = ChinaTime.Utc(new DateOnly(2026, 11, 23), new TimeOnly(12, 15));
        Assert.Equal("午餐", DrumTower().Admit(Elder(), noonBeijing).Name);
        Assert.Equal(new TimeOnly(11, 0), DrumTower().Sessions[0].Opens);
    }

    [Fact]
    public void OutsideOpeningHours_TheRefusalNamesTheHours()
    {
        var threePm = ChinaTime.Utc(new DateOnly(2026, 11, 23), new TimeOnly(15, 0));
        var refusal = Assert.Throws<DomainException>(() => DrumTower().Admit(Elder(), threePm));
        Assert.Equal("Canteen.Closed", refusal.Code);
        Assert.Contains("午餐 11:00–13:00", (string)refusal.Arguments[1], StringComparison.Ordinal);
    }

    [Fact]
    public void AnElderOfAnotherVillage_IsNotServedHere()
    {
        var noon = ChinaTime.Utc(new DateOnly(2026, 11, 23), new TimeOnly(12, 0));
        Assert.Equal("Canteen.OutsideScope", Assert.Throws<DomainException>(() => DrumTower().Admit(Elder("450226104202"), noon)).Code);
    }

    [Theory]
    [InlineData("11:00", "13:00", "12:30", "14:00")]
    [InlineData("13:00", "11:00", "17:00", "18:00")]
    public void OverlappingOrBackwardSessions_AreRefused(string opens1, string closes1, string opens2, string closes2)
    {
        var point = new ServicePoint("x", GVillage);
        var refusal = Assert.Throws<DomainException>(() => point.Describe("x", GVillage, "", null, 10,
            [new MealSession("a", TimeOnly.Parse(opens1), TimeOnly.Parse(closes1)), new MealSession("b", TimeOnly.Parse(opens2), TimeOnly.Parse(closes2))], true));
        Assert.Equal("sessions", refusal.Field);
    }

    [Fact]
    public void ANewServiceCard_PassesItsCheckDigit_AndATypoDoesNot()
    {
        var number = ServiceCard.NewNumber();
        Assert.Equal(number, ServiceCard.Normalize(number));
        Assert.Equal(number, ServiceCard.Normalize(ServiceCard.QrPrefix + number));
        Assert.Equal(number, ServiceCard.Normalize(number[..4] + " " + number[4..8] + "-" + number[8..]));
        var typo = number[..5] + (char)('0' + ((number[5] - '0' + 1) % 10)) + number[6..];
        Assert.Null(ServiceCard.Normalize(typo));
        var swapped = number[..3] + number[4] + number[3] + number[5..];
        Assert.True(swapped == number || ServiceCard.Normalize(swapped) is null);
        Assert.Null(ServiceCard.Normalize("12345"));
        Assert.Matches("^[0-9]{4}$", ServiceCard.NewConfirmationCode());
    }
}
