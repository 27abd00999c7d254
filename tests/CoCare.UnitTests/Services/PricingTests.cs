using CoCare.Kernel;
using CoCare.Services.Domain;

namespace CoCare.UnitTests.Services;

public class PricingTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);
    private static readonly DateTime Now = new(2026, 11, 23, 4, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly From = new(2026, 1, 1);

    private static ServiceType Meal()
    {
        var type = new ServiceType("Meals");
        type.Describe("助餐", "Meals", true, ServiceUnit.Meal, 30, 0, 10_00, true);
        return type;
    }

    private static ElderFacts Elder(int age, string? level = null, params string[] categories) =>
        new(Guid.NewGuid(), "某", "450226104201", Day.AddYears(-age).AddDays(-1), [.. categories, .. age >= 80 ? new[] { "AdvancedAge" } : []], level);

    private static readonly SubsidyRule[] Rules =
    [
        new("Meals", "低保免费", new SubsidyCondition("SubsistenceAllowance", null, null), SubsidyKind.Free, 0, 0, true, From, null, "p", Now),
        new("Meals", "80+ 减 5 元", new SubsidyCondition(null, 80, null), SubsidyKind.AmountOff, 5_00, 0, true, From, null, "p", Now),
        new("Meals", "失能八折", new SubsidyCondition(null, null, "Moderate"), SubsidyKind.PercentOff, 0, 20, false, From, null, "p", Now),
    ];

    [Fact]
    public void AnOrdinaryElder_PaysTheListPrice()
    {
        var price = Pricing.Quote(Meal(), Rules, Elder(70), Day, false);
        Assert.Equal((1000L, 1000L), (price.ListPriceFen, price.PaidFen));
        Assert.Empty(price.Subsidies);
    }

    [Fact]
    public void SubsistenceAllowance_EatsFree_AndTheFreeRuleBeatsTheAgeDiscount()
    {
        var price = Pricing.Quote(Meal(), Rules, Elder(85, null, "SubsistenceAllowance"), Day, false);
        Assert.Equal(0, price.PaidFen);
        Assert.Equal("低保免费", Assert.Single(price.Subsidies).Name);
    }

    [Theory]
    [InlineData(79, 1000)]
    [InlineData(80, 500)]
    public void EightyAndOlder_PayFiveYuanLess(int age, long paid) =>
        Assert.Equal(paid, Pricing.Quote(Meal(), Rules, Elder(age), Day, false).PaidFen);

    [Fact]
    public void ASecondSubsidisedMealTheSameDay_IsAtTheListPrice_WithTheReason_UnlessAnUncappedRuleApplies()
    {
        var second = Pricing.Quote(Meal(), Rules, Elder(85), Day, subsidisedAlreadyToday: true);
        Assert.Equal((1000L, "Subsidy.AlreadyUsedToday"), (second.PaidFen, second.NotApplied));

        var disabled = Pricing.Quote(Meal(), Rules, Elder(85, "Severe"), Day, subsidisedAlreadyToday: true);
        Assert.Equal(800, disabled.PaidFen);
        Assert.Equal("失能八折", Assert.Single(disabled.Subsidies).Name);
    }

    [Fact]
    public void ALevelRule_NeedsAKnownLevel_AtLeastTheMinimum()
    {
        Assert.Equal(1000, Pricing.Quote(Meal(), Rules, Elder(70, "Mild"), Day, false).PaidFen);
        Assert.Equal(800, Pricing.Quote(Meal(), Rules, Elder(70, "Moderate"), Day, false).PaidFen);
        Assert.Equal(1000, Pricing.Quote(Meal(), Rules, Elder(70, null), Day, false).PaidFen);
    }

    [Fact]
    public void ARule_AppliesOnlyWithinItsDates()
    {
        var old = new SubsidyRule("Meals", "旧规", new SubsidyCondition(null, 60, null), SubsidyKind.AmountOff, 2_00, 0, true, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), "p", Now);
        Assert.Equal(1000, Pricing.Quote(Meal(), [old], Elder(70), Day, false).PaidFen);
        Assert.Equal(800, Pricing.Quote(Meal(), [old], Elder(70), new DateOnly(2025, 6, 1), false).PaidFen);
    }

    [Fact]
    public void RulesForTheSameServiceAndCondition_MayNotOverlap_ButMayFollowEachOther()
    {
        var condition = new SubsidyCondition(null, 80, null);
        var first = new SubsidyRule("Meals", "a", condition, SubsidyKind.AmountOff, 5_00, 0, true, new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), "p", Now);
        var overlapping = new SubsidyRule("Meals", "b", condition, SubsidyKind.AmountOff, 6_00, 0, true, new DateOnly(2026, 6, 30), null, "p", Now);
        var following = new SubsidyRule("Meals", "c", condition, SubsidyKind.AmountOff, 6_00, 0, true, new DateOnly(2026, 7, 1), null, "p", Now);
        var otherCondition = new SubsidyRule("Meals", "d", new SubsidyCondition(null, 90, null), SubsidyKind.Free, 0, 0, true, new DateOnly(2026, 1, 1), null, "p", Now);
        Assert.True(first.Overlaps(overlapping));
        Assert.False(first.Overlaps(following));
        Assert.False(first.Overlaps(otherCondition));
    }

    [Fact]
    public void BadRules_AreRefused()
    {
        var c = new SubsidyCondition(null, null, null);
        Assert.Equal("Subsidy.Dates", Assert.Throws<DomainException>(() => new SubsidyRule("Meals", "x", c, SubsidyKind.Free, 0, 0, true, Day, Day.AddDays(-1), "p", Now)).Code);
        Assert.Equal("Subsidy.Amount", Assert.Throws<DomainException>(() => new SubsidyRule("Meals", "x", c, SubsidyKind.PercentOff, 0, 101, true, Day, null, "p", Now)).Code);
        Assert.Equal("Subsidy.Amount", Assert.Throws<DomainException>(() => new SubsidyRule("Meals", "x", c, SubsidyKind.AmountOff, 0, 0, true, Day, null, "p", Now)).Code);
        Assert.Equal("Subsidy.Level", Assert.Throws<DomainException>(() => new SubsidyRule("Meals", "x", new SubsidyCondition(null, null, "Bad"), SubsidyKind.Free, 0, 0, true, Day, null, "p", Now)).Code);
    }

    [Fact]
    public void AnAmountOff_NeverMakesThePriceNegative()
    {
        var type = new ServiceType("Haircut");
        type.Describe("理发", "Haircut", false, ServiceUnit.Visit, 30, 15, 3_00, true);
        var rule = new SubsidyRule("Haircut", "减 5 元", new SubsidyCondition(null, null, null), SubsidyKind.AmountOff, 5_00, 0, false, From, null, "p", Now);
        var price = Pricing.Quote(type, [rule], Elder(70), Day, false);
        Assert.Equal((0L, 300L), (price.PaidFen, price.Subsidies[0].AmountFen));
    }
}
