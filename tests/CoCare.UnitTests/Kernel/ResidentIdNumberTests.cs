using CoCare.Kernel;

namespace CoCare.UnitTests.Kernel;

public class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    /// <summary>The standard's own example number: a woman born 1949-12-31.</summary>
    private const string Example = "11010519491231002X";

    private static string WithCheck(string first17) => first17 + ResidentIdNumber.CheckCharacter(first17);

    [Fact]
    public void TheStandardsExample_IsValid_AndYieldsBirthDateAndGender()
    {
        Assert.True(ResidentIdNumber.TryParse(Example, Today, out var number, out _));
        Assert.Equal((new DateOnly(1949, 12, 31), Gender.Female), (number!.BirthDate, number.Gender));
    }

    [Fact]
    public void LowerCaseX_IsAccepted() => Assert.True(ResidentIdNumber.TryParse(Example.ToLowerInvariant(), Today, out _, out _));

    [Theory]
    [InlineData("110105194912310021", "IdNumber.CheckDigit")]
    [InlineData("11010519491231002", "IdNumber.Length")]
    [InlineData("11010519491231002XX", "IdNumber.Length")]
    [InlineData("1101051949123100AX", "IdNumber.Characters")]
    [InlineData("", "IdNumber.Length")]
    public void MalformedNumbers_AreRefusedWithAReason(string text, string reason)
    {
        Assert.False(ResidentIdNumber.TryParse(text, Today, out _, out var error));
        Assert.Equal(reason, error);
    }

    [Theory]
    [InlineData("45022619491331001")]
    [InlineData("45022620270101001")]
    [InlineData("45022618000101001")]
    public void ImpossibleOrFutureBirthDates_AreRefused(string first17)
    {
        Assert.False(ResidentIdNumber.TryParse(WithCheck(first17), Today, out _, out var error));
        Assert.Equal("IdNumber.BirthDate", error);
    }

    [Fact]
    public void TheSeventeenthDigit_GivesTheGender()
    {
        Assert.True(ResidentIdNumber.TryParse(WithCheck("45022619450315003"), Today, out var man, out _));
        Assert.True(ResidentIdNumber.TryParse(WithCheck("45022619450315004"), Today, out var woman, out _));
        Assert.Equal((Gender.Male, Gender.Female), (man!.Gender, woman!.Gender));
    }

    [Fact]
    public void StatedBirthDateOrGender_MustAgreeWithTheNumber()
    {
        ResidentIdNumber.TryParse(Example, Today, out var number, out _);
        Assert.Null(number!.Disagreement(new DateOnly(1949, 12, 31), Gender.Female));
        Assert.Equal("IdNumber.BirthDateMismatch", number.Disagreement(new DateOnly(1949, 12, 30), Gender.Female));
        Assert.Equal("IdNumber.GenderMismatch", number.Disagreement(new DateOnly(1949, 12, 31), Gender.Male));
    }

    [Fact]
    public void Masked_ShowsOnlyRegionAndLastFour()
    {
        ResidentIdNumber.TryParse(Example, Today, out var number, out _);
        Assert.Equal("110105********002X", number!.Masked);
        Assert.DoesNotContain("19491231", number.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("0772-1234567", "077*****4567")]
    [InlineData("12345", "*****")]
    public void Phones_AreMaskedInTheMiddle(string phone, string masked) => Assert.Equal(masked, Masking.Phone(phone));

    [Fact]
    public void Addresses_KeepOnlyTheirRegionPart() =>
        Assert.Equal("广西柳州市三江县林溪****", Masking.Address("广西柳州市三江县林溪镇G村3组12号"));
}
