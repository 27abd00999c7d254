using CoCare.Kernel;
using CoCare.Services.Domain;

namespace CoCare.UnitTests.Services;

public class AssignmentRuleTests
{
    private const string Village = "450226104201";

    private static ServiceType Type(string code, string? skill)
    {
        var type = new ServiceType(code);
        type.LetVolunteersWith(skill);
        return type;
    }

    private static VolunteerFacts Volunteer(string region, params string[] skills) => new(Guid.NewGuid(), "acc", "杨桂芳", region, skills);

    private static string? Refusal(ServiceType type, bool staff, VolunteerFacts? volunteer) =>
        AssignmentRule.Refusal(type, type.Code, Village, "杨桂芳", staff, volunteer)?.Code;

    [Fact]
    public void StaffInScope_MayTakeAnyService_EvenOnesVolunteersMayNot() =>
        Assert.Null(Refusal(Type("Bathing", null), staff: true, volunteer: null));

    [Fact]
    public void AVolunteerOfTheVillage_WithTheSkill_MayTakeIt_AndOneOfTheTownshipMayToo()
    {
        Assert.Null(Refusal(Type("Haircut", "Haircut"), false, Volunteer(Village, "Haircut", "Cooking")));
        Assert.Null(Refusal(Type("Haircut", "Haircut"), false, Volunteer("450226104000", "Haircut")));
    }

    [Theory]
    [InlineData("450226104202", "Haircut", "Haircut", "Order.WorkerNotHere")]
    [InlineData(Village, "Driving", "Haircut", "Order.WorkerLacksSkill")]
    [InlineData(Village, null, "Haircut", "Order.StaffService")]
    public void AVolunteer_IsRefused_OutsideTheirVillage_WithoutTheSkill_OrForStaffOnlyServices(string region, string? serviceSkill, string has, string expected) =>
        Assert.Equal(expected, Refusal(Type("Service", serviceSkill), false, Volunteer(region, has)));

    [Fact]
    public void SomeoneWhoIsNeitherStaffNorAVolunteer_IsRefused() =>
        Assert.Equal("Order.WorkerNotHere", Refusal(Type("Haircut", "Haircut"), false, null));
}
