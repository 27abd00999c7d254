using CoCare.Directory.Domain.Rules;

namespace CoCare.UnitTests.Directory;

public class PasswordPolicyTests
{
    private readonly PasswordPolicy policy = new() { MinLength = 10, MinCharacterClasses = 3 };

    [Theory]
    [InlineData("Abcdefgh12")]
    [InlineData("abcdefgh1!")]
    [InlineData("村里的老人家们Ab12")]
    public void LongPasswordsWithThreeClasses_AreAccepted(string password) => Assert.Empty(policy.Check(password));

    [Fact]
    public void ShortPassword_IsRefused() => Assert.Contains("Password.TooShort", policy.Check("Ab1!"));

    [Fact]
    public void TwoClasses_AreNotEnough() => Assert.Equal(["Password.TooFewClasses"], policy.Check("abcdefghij12"));

    [Fact]
    public void Policy_FollowsConfiguration()
    {
        var relaxed = new PasswordPolicy { MinLength = 4, MinCharacterClasses = 1 };
        Assert.Empty(relaxed.Check("abcd"));
    }
}
