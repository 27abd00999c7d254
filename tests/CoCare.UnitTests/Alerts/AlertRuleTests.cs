using CoCare.Alerts.Domain;
using CoCare.Alerts.Features.Events;
using CoCare.Kernel;

namespace CoCare.UnitTests.Alerts;

public class AlertRuleTests
{
    private const string Village = "450226104201";

    /// <summary>A UTC instant at a Beijing time of day.</summary>
    private static DateTime At(int hour, int minute = 0) => ChinaTime.Utc(new DateOnly(2026, 11, 24), new TimeOnly(hour, minute));

    [Theory]
    [InlineData(23, 30, true)]
    [InlineData(2, 0, true)]
    [InlineData(5, 59, true)]
    [InlineData(6, 0, false)]
    [InlineData(14, 0, false)]
    [InlineData(21, 59, false)]
    [InlineData(22, 0, true)]
    public void ADoorOpening_RaisesAnAlert_OnlyInTheNightWindow_InBeijingTime(int hour, int minute, bool raises) =>
        Assert.Equal(raises, RuleSettings.Default.Raises(EventType.DoorOpen, At(hour, minute)));

    [Fact]
    public void Emergencies_AlwaysRaise_WhateverTheRulesOrHours()
    {
        var off = RuleSettings.Default with { DoorAtNight = false, InactivityHours = 0 };
        foreach (var type in new[] { EventType.Sos, EventType.Fall, EventType.Smoke, EventType.Gas })
        {
            Assert.True(off.Raises(type, At(3)));
            Assert.True(off.Raises(type, At(12)));
        }

        Assert.False(off.Raises(EventType.DoorOpen, At(23)));
        Assert.False(off.Raises(EventType.NoActivity, At(12)));
        Assert.False(RuleSettings.Default.Raises(EventType.Heartbeat, At(12)));
        Assert.False(RuleSettings.Default.Raises(EventType.LowBattery, At(12)));
    }

    [Fact]
    public void NoActivity_IsRaisedAfterTheHours_ButNotInQuietHours()
    {
        var rule = RuleSettings.Default with { InactivityHours = 6 };
        Assert.False(rule.Inactive(At(8), At(13, 59)));
        Assert.True(rule.Inactive(At(8), At(14)));
        Assert.False(rule.Inactive(At(14), At(23))); // asleep: quiet 22:00–07:00
        Assert.False(rule.Inactive(At(8), At(23)));
        Assert.True(rule.Inactive(At(8).AddDays(-1), At(7))); // still nothing when the quiet hours end
        Assert.False((rule with { InactivityHours = 0 }).Inactive(At(8).AddDays(-3), At(12)));
        Assert.True((rule with { QuietStarts = null, QuietEnds = null }).Inactive(At(14), At(23)));
        Assert.False(rule.Raises(EventType.NoActivity, At(3)));
        Assert.True(rule.Raises(EventType.NoActivity, At(9)));
    }

    [Fact]
    public void AnElder_FollowsTheirOwnRule_ElseTheVillages_ElseTheDefaults()
    {
        var elder = Guid.NewGuid();
        var other = Guid.NewGuid();
        var village = new AlertRule(Village, null, RuleSettings.Default with { InactivityHours = 24 }, "a", At(8));
        var own = new AlertRule(Village, elder, RuleSettings.Default with { InactivityHours = 4, DoorAtNight = false }, "a", At(8));
        var elsewhere = new AlertRule("450226104202", null, RuleSettings.Default with { InactivityHours = 48 }, "a", At(8));
        AlertRule[] rules = [village, own, elsewhere];
        Assert.Equal(4, AlertRule.For(rules, Village, elder).InactivityHours);
        Assert.Equal(24, AlertRule.For(rules, Village, other).InactivityHours);
        Assert.Equal(24, AlertRule.For(rules, Village, null).InactivityHours);
        Assert.Equal(RuleSettings.Default, AlertRule.For([elsewhere], Village, elder));
    }

    [Fact]
    public void NonsenseRules_AreRefused_NamingTheField()
    {
        var rule = new AlertRule(Village, null, RuleSettings.Default, "a", At(8));
        void Refused(RuleSettings settings, string field) =>
            Assert.Equal(field, Assert.Throws<DomainException>(() => rule.Set(settings, "b", At(9))).Field);

        Refused(RuleSettings.Default with { InactivityHours = -1 }, "inactivityHours");
        Refused(RuleSettings.Default with { InactivityHours = 73 }, "inactivityHours");
        Refused(RuleSettings.Default with { NightStarts = new TimeOnly(6, 0) }, "nightEnds");
        Refused(RuleSettings.Default with { QuietEnds = null }, "quietEnds");
        Refused(RuleSettings.Default with { QuietStarts = new TimeOnly(7, 0) }, "quietEnds");
        Assert.Equal(("a", 12), (rule.UpdatedBy, rule.InactivityHours)); // unchanged
        rule.Set(RuleSettings.Default with { DoorAtNight = false, NightStarts = new TimeOnly(6, 0), QuietStarts = null, QuietEnds = null }, "b", At(9));
        Assert.Equal("b", rule.UpdatedBy);
    }

    [Fact]
    public void FoldedHeartbeats_KeepTheNewestState_AndTheLatestActivity()
    {
        var older = new Beat(At(8), 80, "1.0", At(8));
        var newer = new Beat(At(9), null, "1.1", null);
        Assert.Equal(new Beat(At(9), 80, "1.1", At(8), 2, 80), older.Merge(newer));
        Assert.Equal(new Beat(At(9), 80, "1.1", At(8), 2, 80), newer.Merge(older)); // an older beat arriving late fills in only what the newer did not say
        var three = older.Merge(new Beat(At(10), 60, null, null)).Merge(new Beat(At(11), 70, null, null));
        Assert.Equal((3, 70, 60), (three.Count, three.Battery!.Value, three.Lowest!.Value)); // the day keeps the lowest battery

        var day = new DeviceDay(Guid.NewGuid(), new DateOnly(2026, 11, 24));
        day.Add(three.Count, three.Lowest);
        day.Add(2, 75);
        day.Add(1, 130); // not a battery reading
        Assert.Equal((6, 60), (day.Heartbeats, day.LowestBattery!.Value));
    }
}

public class ResponseStatsTests
{
    [Fact]
    public void MedianAndNinetiethPercentile_AreNearestRank_AndFalseAlarmsShareOfResolved()
    {
        var stats = ResponseStats.From([30, 10, 20, 40, 50, 60, 70, 80, 90, 300], [AlertOutcome.Handled, AlertOutcome.FalseAlarm, AlertOutcome.Handled, AlertOutcome.HandedTo120]);
        Assert.Equal((10, 50.0, 90.0), (stats.Responded, stats.MedianSeconds!.Value, stats.P90Seconds!.Value));
        Assert.Equal(0.25, stats.FalseAlarmRate);
        var empty = ResponseStats.From([], []);
        Assert.Equal((0, (double?)null, (double?)null, (double?)null), (empty.Responded, empty.MedianSeconds, empty.P90Seconds, empty.FalseAlarmRate));
        Assert.Equal(7.0, ResponseStats.Percentile([7], 90));
    }
}
