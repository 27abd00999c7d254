using CoCare.Data.Audit;

namespace CoCare.UnitTests.Data;

public class AuditChainTests
{
    private static AuditEntry Entry(string changes) => new()
    {
        Time = new DateTime(2026, 11, 23, 4, 0, 0, DateTimeKind.Utc),
        UserName = "admin",
        EntityType = "Organization",
        EntityKey = "k",
        Action = "Insert",
        Changes = changes,
    };

    [Fact]
    public void Link_NumbersEntriesAndChainsEachHashToThePrevious()
    {
        var entries = new[] { Entry("{\"a\":1}"), Entry("{\"a\":2}") };
        AuditChain.Link(entries, 41, "prev");

        Assert.Equal((42L, 43L), (entries[0].Sequence, entries[1].Sequence));
        Assert.Equal("prev", entries[0].PreviousHash);
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
        Assert.Equal(AuditChain.ComputeHash("prev", entries[0]), entries[0].Hash);
        Assert.Matches("^[0-9a-f]{64}$", entries[1].Hash);
    }

    [Fact]
    public void ChangingAnyRecordedValue_ChangesTheHash()
    {
        var original = Entry("{\"name\":{\"new\":\"鼓楼食堂\"}}");
        var tampered = Entry("{\"name\":{\"new\":\"别的食堂\"}}");
        Assert.NotEqual(AuditChain.ComputeHash("", original), AuditChain.ComputeHash("", tampered));
    }

    [Fact]
    public void Canonical_DoesNotLetFieldsRunTogether()
    {
        var a = Entry("{}");
        a.EntityType = "ab";
        a.EntityKey = "c";
        var b = Entry("{}");
        b.EntityType = "a";
        b.EntityKey = "bc";
        Assert.NotEqual(AuditChain.Canonical(a), AuditChain.Canonical(b));
    }

    [Fact]
    public void TruncateToMicroseconds_DropsTicksNeitherDatabaseKeeps()
    {
        var t = new DateTime(638_000_000_000_000_007, DateTimeKind.Utc);
        Assert.Equal(638_000_000_000_000_000, AuditChain.TruncateToMicroseconds(t).Ticks);
    }
}
