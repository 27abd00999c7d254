using CoCare.Kernel;
using CoCare.Voice.Domain;

namespace CoCare.UnitTests.Voice;

public class VoiceRulesTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(QuorumRule.MoreThanHalf, 60, 31)]
    [InlineData(QuorumRule.MoreThanHalf, 5, 3)]
    [InlineData(QuorumRule.MoreThanHalf, 4, 3)]
    [InlineData(QuorumRule.TwoThirds, 3, 2)]
    [InlineData(QuorumRule.TwoThirds, 10, 7)]
    [InlineData(QuorumRule.TwoThirds, 9, 6)]
    public void TheQuorum_IsCountedInWholePeople(QuorumRule rule, int eligible, int needed)
    {
        Assert.Equal(needed, Quorums.Needed(rule, eligible));
        Assert.True(Quorums.IsMet(rule, eligible, needed));
        Assert.False(Quorums.IsMet(rule, eligible, needed - 1));
    }

    [Fact]
    public void AnEmptyRoll_NeverMakesAQuorum() => Assert.False(Quorums.IsMet(QuorumRule.MoreThanHalf, 0, 0));

    [Theory]
    [InlineData(MajorityRule.SimpleOfCast, 3, 6, 10, false)]
    [InlineData(MajorityRule.SimpleOfCast, 4, 6, 10, true)]
    [InlineData(MajorityRule.TwoThirdsOfCast, 4, 6, 10, true)]
    [InlineData(MajorityRule.TwoThirdsOfCast, 3, 5, 10, false)]
    [InlineData(MajorityRule.MajorityOfEligible, 5, 5, 10, false)]
    [InlineData(MajorityRule.MajorityOfEligible, 6, 6, 10, true)]
    [InlineData(MajorityRule.TwoThirdsOfCast, 0, 0, 10, false)]
    public void AMotion_CarriesByItsMajorityRule(MajorityRule rule, int forVotes, int cast, int eligible, bool carries) =>
        Assert.Equal(carries, Tally.Carries(rule, forVotes, cast, eligible));

    private static (Meeting Meeting, Motion Motion) InSession()
    {
        var meeting = new Meeting("450226104201", Guid.NewGuid(), "village");
        meeting.Describe("村民大会", "鼓楼", Now, QuorumRule.MoreThanHalf, []);
        meeting.Open();
        return (meeting, new Motion(meeting.Id, null, "准予就餐", ["同意", "不同意"], MajorityRule.SimpleOfCast, false, Now));
    }

    [Fact]
    public void ClosingWithoutQuorum_IsRefused_AndLeavesTheMotionOpen()
    {
        var (meeting, motion) = InSession();
        var refused = Assert.Throws<DomainException>(() => motion.Close(meeting, 10, 5, [4, 1], Now));
        Assert.Equal(("Decision.NoQuorum", MotionStatus.Open), (refused.Code, motion.Status));
        motion.Close(meeting, 10, 6, [4, 2], Now);
        Assert.True(motion.Carried);
        Assert.Equal("Motion.Closed", Assert.Throws<DomainException>(motion.RequireOpen).Code);
    }

    [Fact]
    public void MoreVotesThanPeoplePresent_AreRefused()
    {
        var (meeting, motion) = InSession();
        Assert.Equal("Vote.MoreThanPresent", Assert.Throws<DomainException>(() => motion.Close(meeting, 10, 6, [5, 2], Now)).Code);
    }

    [Fact]
    public void AProxy_NeedsADelegation()
    {
        var p = new Participant(Guid.NewGuid(), "户代表", "1组", null);
        Assert.Equal("Participant.Delegation", Assert.Throws<DomainException>(() => p.MarkAttendance(Attendance.Proxy, "其子", " ")).Code);
        Assert.Equal(Attendance.Absent, p.Attendance);
        p.MarkAttendance(Attendance.Proxy, "其子", "委托书");
        Assert.True(p.IsPresent);
    }

    [Fact]
    public void ARule_NeedsACarriedDecision_AndStopsWhenTheDecisionIsWithdrawn()
    {
        var (meeting, motion) = InSession();
        motion.Close(meeting, 4, 3, [1, 2], Now);
        var rejected = new Decision(motion, meeting, "否决", Now);
        Assert.Equal("Rule.NotCarried", Assert.Throws<DomainException>(() => new VoiceRule(rejected, RuleKind.CanteenExclusion, Guid.NewGuid(), "某", null, null, new DateOnly(2026, 3, 2), null)).Code);

        var (meeting2, motion2) = InSession();
        motion2.Close(meeting2, 4, 3, [3, 0], Now);
        var decision = new Decision(motion2, meeting2, "暂停助餐", Now);
        var rule = new VoiceRule(decision, RuleKind.CanteenExclusion, Guid.NewGuid(), "某", null, null, new DateOnly(2026, 3, 2), new DateOnly(2026, 6, 30));
        Assert.False(rule.AppliesOn(new DateOnly(2026, 3, 1), decision));
        Assert.True(rule.AppliesOn(new DateOnly(2026, 6, 30), decision));
        Assert.False(rule.AppliesOn(new DateOnly(2026, 7, 1), decision));
        decision.Withdraw("已补出工", Now);
        Assert.False(rule.AppliesOn(new DateOnly(2026, 4, 1), decision));
    }

    [Fact]
    public void AResponseDeadline_CountsWorkingDays_InBeijingTime()
    {
        // Friday 2026-03-06 10:00 Beijing; three working days: Mon, Tue, Wed → end of Wednesday 2026-03-11 Beijing.
        var friday = ChinaTime.Utc(new DateOnly(2026, 3, 6), new TimeOnly(10, 0));
        var due = WorkingDays.Deadline(friday, 3);
        Assert.Equal(new DateOnly(2026, 3, 11), ChinaTime.Day(due));
        Assert.Equal(new DateOnly(2026, 3, 12), ChinaTime.Day(due.AddTicks(10)));
    }

    [Fact]
    public void Feedback_IsAnsweredOnlyByTheAssignedOrganization_AndRatedOnceResolved()
    {
        var item = new FeedbackItem("450226104201", FeedbackKind.Complaint, FeedbackChannel.PhoneCall, "<b>太咸</b>", false, "staff", Now, Now.AddDays(3));
        var provider = Guid.NewGuid();
        item.Assign(provider);
        Assert.Equal("Feedback.NotAssigned", Assert.Throws<DomainException>(() => item.Answer(Guid.NewGuid(), "x", "答复", Now)).Code);
        item.Answer(provider, "社工", "已减盐", Now.AddHours(2));
        Assert.True(item.AnsweredOnTime);
        Assert.Equal("Feedback.NotResolved", Assert.Throws<DomainException>(() => item.Rate(5)).Code);
        item.Resolve(Now.AddHours(3));
        Assert.Equal("Rating.Range", Assert.Throws<DomainException>(() => item.Rate(0)).Code);
        item.Rate(4);
        Assert.Equal(("<b>太咸</b>", 4), (item.Text, item.Rating));
        Assert.Matches("^[A-HJ-NP-Z2-9]{10}$", item.TrackingCode);
    }

    [Fact]
    public void TheSatisfactionRate_IsFourAndFiveOverValidRatings()
    {
        Assert.Equal(0.9785, new SatisfactionRate(1957, 2000).Rate);
        Assert.Null(new SatisfactionRate(0, 0).Rate);
        Assert.Equal("Rating.Range", Assert.Throws<DomainException>(() =>
            new SatisfactionRating(RatedSubject.Meal, Guid.NewGuid(), "450226104201", null, "Meals", null, 6, null, "x", Now)).Code);
    }

    [Fact]
    public void TheCategoryCodesRulesMayName_AreTheResidentsCategoriesAndAdvancedAge() =>
        Assert.Equal(Enum.GetNames<CoCare.Residents.Domain.ElderCategory>().Append("AdvancedAge").Order(), ElderCategoryCodes.All.Order());

    [Fact]
    public void TheReturnVisitSample_IsStablePerOrder_AndAboutTheShareAsked()
    {
        var ids = Enumerable.Range(0, 5000).Select(i => new Guid(i, 7, 7, [1, 2, 3, 4, 5, 6, 7, 8])).ToList();
        var sampled = ids.Count(id => ReturnVisit.IsSampled(id, 10));
        Assert.InRange(sampled, 400, 600);
        Assert.All(ids.Take(50), id => Assert.Equal(ReturnVisit.IsSampled(id, 10), ReturnVisit.IsSampled(id, 10)));
        Assert.DoesNotContain(ids, id => ReturnVisit.IsSampled(id, 0));
        Assert.All(ids, id => Assert.True(ReturnVisit.IsSampled(id, 100)));
    }
}
