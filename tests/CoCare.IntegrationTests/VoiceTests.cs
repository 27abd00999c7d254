using System.Net.Http.Json;
using System.Text.Json;
using CoCare.Voice.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCare.IntegrationTests;

[Collection(ApiTests.Name)]
public class VoiceTests(SharedApps apps)
{
    private const string GVillage = ResidentsApiTests.GVillage;

    private static async Task<string> AccountIdAsync(CoCareApp app, string userName)
    {
        using var admin = await app.ClientAsync("admin");
        var page = await HttpAssert.JsonAsync(await admin.GetAsync("/api/v1/directory/accounts?pageSize=100&q=" + userName));
        return page.GetProperty("items").EnumerateArray().First(a => a.GetProperty("userName").GetString() == userName).GetProperty("id").GetString()!;
    }

    private static Guid Participant(JsonElement meeting, string name) =>
        meeting.GetProperty("participants").EnumerateArray().First(p => p.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();

    private static Task<HttpResponseMessage> Mark(HttpClient client, Guid meeting, Guid participant, string attendance, string? proxyName = null, string? delegation = null) =>
        client.PostAsJsonAsync($"/api/v1/voice/meetings/{meeting}/attendance", new { participantId = participant, attendance, proxyName, delegation });

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnAssembly_WithQuorumAndVotes_MakesACanteenRule_ThatTheCheckInApplies_UntilTheDecisionIsWithdrawn(string db)
    {
        var app = await apps.GetAsync(db);
        using var village = await app.ClientAsync("village");
        using var provider = await app.ClientAsync("provider");
        using var volunteer = await app.ClientAsync("volunteer");
        var volunteerAccount = await AccountIdAsync(app, "volunteer");
        var elder = await CanteenTests.ElderAsync(provider, 72);
        var point = await CanteenTests.PointAsync(provider);

        var topic = await HttpAssert.JsonAsync(await village.PostAsJsonAsync("/api/v1/voice/topics",
            new { regionCode = GVillage, title = "是否允许未出工村民在食堂就餐 " + db, description = "建食堂时未出工", raisedBy = "VillageCommittee" }), 201);
        var roll = Enumerable.Range(1, 9).Select(i => new { name = $"户主{i}", household = $"{i}组", accountId = (string?)null })
            .Append(new { name = "志愿者户主", household = "10组", accountId = (string?)volunteerAccount }).ToArray();
        var meeting = await HttpAssert.JsonAsync(await village.PostAsJsonAsync("/api/v1/voice/meetings", new
        {
            regionCode = GVillage,
            title = "G村村民大会 " + db,
            place = "鼓楼",
            startsAt = app.Clock.GetUtcNow().UtcDateTime,
            quorum = "MoreThanHalf",
            topicIds = new[] { topic.GetProperty("id").GetGuid() },
            participants = roll,
        }), 201);
        var id = meeting.GetProperty("id").GetGuid();
        Assert.Equal((10, 6), (meeting.GetProperty("eligible").GetInt32(), meeting.GetProperty("quorumNeeded").GetInt32()));

        // Nothing is put to a vote before the meeting opens; only conveners take attendance.
        await HttpAssert.ProblemAsync(await village.PostAsJsonAsync($"/api/v1/voice/meetings/{id}/motions", new { text = "x", majority = "SimpleOfCast" }), 409);
        await HttpAssert.JsonAsync(await village.PostAsync($"/api/v1/voice/meetings/{id}/open", null));
        await HttpAssert.ProblemAsync(await Mark(provider, id, Participant(meeting, "户主1"), "InPerson"), 403);
        foreach (var name in new[] { "户主1", "户主2", "户主3", "志愿者户主" })
        {
            await HttpAssert.JsonAsync(await Mark(village, id, Participant(meeting, name), "InPerson"));
        }

        var motion = await HttpAssert.JsonAsync(await village.PostAsJsonAsync($"/api/v1/voice/meetings/{id}/motions", new
        {
            topicId = topic.GetProperty("id").GetGuid(),
            text = $"{elder.Name}建食堂时未出工，暂不享受助餐服务",
            options = new[] { "同意", "不同意", "弃权" },
            majority = "SimpleOfCast",
            secret = false,
        }), 201);
        var motionId = motion.GetProperty("id").GetGuid();

        // Four of ten present: no quorum, nothing decided.
        var noQuorum = await HttpAssert.ProblemAsync(await village.PostAsJsonAsync($"/api/v1/voice/motions/{motionId}/close", new { decisionTitle = "暂停助餐" }), 409);
        Assert.Contains("法定人数", noQuorum.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // A proxy needs the delegation naming the represented person.
        var noDelegation = await HttpAssert.ProblemAsync(await Mark(village, id, Participant(meeting, "户主4"), "Proxy", "户主4之子", ""), 400);
        Assert.True(noDelegation.GetProperty("errors").TryGetProperty("delegation", out _));
        await HttpAssert.JsonAsync(await Mark(village, id, Participant(meeting, "户主4"), "Proxy", "户主4之子", "委托书：户主4 委托其子代为出席并表决"));
        await HttpAssert.JsonAsync(await Mark(village, id, Participant(meeting, "户主5"), "InPerson"));

        // Votes: the volunteer on the roll votes from the phone once; not again, not through staff; not the absent; not someone off the roll.
        await HttpAssert.JsonAsync(await volunteer.PostAsJsonAsync($"/api/v1/voice/motions/{motionId}/votes", new { option = "同意" }));
        await HttpAssert.ProblemAsync(await volunteer.PostAsJsonAsync($"/api/v1/voice/motions/{motionId}/votes", new { option = "不同意" }), 409);
        await HttpAssert.ProblemAsync(await village.PostAsJsonAsync($"/api/v1/voice/motions/{motionId}/votes", new { option = "不同意", participantId = Participant(meeting, "志愿者户主") }), 409);
        await HttpAssert.ProblemAsync(await village.PostAsJsonAsync($"/api/v1/voice/motions/{motionId}/votes", new { option = "同意", participantId = Participant(meeting, "户主9") }), 409);
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync($"/api/v1/voice/motions/{motionId}/votes", new { option = "同意" }), 403);
        await HttpAssert.ProblemAsync(await village.PostAsJsonAsync($"/api/v1/voice/motions/{motionId}/votes", new { option = "也许", participantId = Participant(meeting, "户主1") }), 400);
        await HttpAssert.JsonAsync(await village.PostAsJsonAsync($"/api/v1/voice/motions/{motionId}/votes", new { option = "同意", participantId = Participant(meeting, "户主1") }));

        // The hand count of the rest of the room; more votes than people present is refused.
        await HttpAssert.ProblemAsync(await village.PostAsJsonAsync($"/api/v1/voice/motions/{motionId}/tally", new { counts = new[] { 4, 1, 0 } }), 409);
        await HttpAssert.JsonAsync(await village.PostAsJsonAsync($"/api/v1/voice/motions/{motionId}/tally", new { counts = new[] { 2, 1, 1 } }));
        await HttpAssert.ProblemAsync(await village.PostAsJsonAsync($"/api/v1/voice/motions/{motionId}/tally", new { counts = new[] { 0, 0, 0 } }), 409);

        var closed = await HttpAssert.JsonAsync(await village.PostAsJsonAsync($"/api/v1/voice/motions/{motionId}/close", new { decisionTitle = $"{elder.Name}暂不享受助餐服务" }));
        Assert.Equal([4, 1, 1], closed.GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()).ToArray());
        Assert.True(closed.GetProperty("carried").GetBoolean());
        await HttpAssert.ProblemAsync(await volunteer.PostAsJsonAsync($"/api/v1/voice/motions/{motionId}/votes", new { option = "同意" }), 409);
        var decisionId = closed.GetProperty("decisionId").GetGuid();

        // The decision becomes a canteen rule; the check-in refuses the elder and names the decision.
        var rule = await HttpAssert.JsonAsync(await village.PostAsJsonAsync($"/api/v1/voice/decisions/{decisionId}/rules", new { kind = "CanteenExclusion", elderId = elder.Id }), 201);
        Assert.True(rule.GetProperty("inForce").GetBoolean());
        var refused = await HttpAssert.ProblemAsync(await volunteer.PostAsJsonAsync($"/api/v1/services/canteens/{point}/checkins", new { checkInId = Guid.NewGuid(), card = elder.Card }), 409);
        Assert.Contains($"{elder.Name}暂不享受助餐服务", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("G村村民大会", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The decision links back to the motion, the count and the attendance.
        var chain = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/voice/decisions/{decisionId}"));
        Assert.Equal((10, 6, "G村村民大会 " + db), (chain.GetProperty("eligible").GetInt32(), chain.GetProperty("present").GetInt32(), chain.GetProperty("meetingTitle").GetString()));
        var topics = await HttpAssert.JsonAsync(await village.GetAsync($"/api/v1/voice/topics?region={GVillage}&status=Decided&pageSize=100"));
        Assert.Contains(topics.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetGuid() == topic.GetProperty("id").GetGuid());

        // A later assembly withdraws it: the rule stops applying at once and the elder eats.
        await HttpAssert.JsonAsync(await village.PostAsJsonAsync($"/api/v1/voice/decisions/{decisionId}/withdraw", new { reason = "已补出工 20 小时" }));
        await HttpAssert.JsonAsync(await volunteer.PostAsJsonAsync($"/api/v1/services/canteens/{point}/checkins", new { checkInId = Guid.NewGuid(), card = elder.Card }), 201);
        await HttpAssert.ProblemAsync(await village.PostAsJsonAsync($"/api/v1/voice/decisions/{decisionId}/rules", new { kind = "CanteenExclusion", elderId = elder.Id }), 409);

        // The meeting closes with minutes only after its motions.
        var closedMeeting = await HttpAssert.JsonAsync(await village.PostAsJsonAsync($"/api/v1/voice/meetings/{id}/close", new { minutes = "会议纪要：经表决通过……" }));
        Assert.Equal("Closed", closedMeeting.GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ARejectedMotion_MakesNoRule_AndAnAdmissionOnConditionIsShownAtTheCounter(string db)
    {
        var app = await apps.GetAsync(db);
        using var village = await app.ClientAsync("village");
        using var provider = await app.ClientAsync("provider");
        using var volunteer = await app.ClientAsync("volunteer");
        var elder = await CanteenTests.ElderAsync(provider, 75);
        var point = await CanteenTests.PointAsync(provider);
        var meeting = await HttpAssert.JsonAsync(await village.PostAsJsonAsync("/api/v1/voice/meetings", new
        {
            regionCode = GVillage,
            title = "G村议事会 " + db,
            startsAt = app.Clock.GetUtcNow().UtcDateTime,
            quorum = "TwoThirds",
            participants = Enumerable.Range(1, 3).Select(i => new { name = $"代表{i}", household = "" }).ToArray(),
        }), 201);
        var id = meeting.GetProperty("id").GetGuid();
        await HttpAssert.JsonAsync(await village.PostAsync($"/api/v1/voice/meetings/{id}/open", null));
        foreach (var p in meeting.GetProperty("participants").EnumerateArray())
        {
            await HttpAssert.JsonAsync(await Mark(village, id, p.GetProperty("id").GetGuid(), "InPerson"));
        }

        async Task<JsonElement> DecideAsync(string text, int[] counts, string majority)
        {
            var motion = await HttpAssert.JsonAsync(await village.PostAsJsonAsync($"/api/v1/voice/meetings/{id}/motions", new { text, majority }), 201);
            await HttpAssert.JsonAsync(await village.PostAsJsonAsync($"/api/v1/voice/motions/{motion.GetProperty("id").GetGuid()}/tally", new { counts }));
            return await HttpAssert.JsonAsync(await village.PostAsJsonAsync($"/api/v1/voice/motions/{motion.GetProperty("id").GetGuid()}/close", new { decisionTitle = text }));
        }

        // Two of three is not two thirds of... it is: 2×3 ≥ 3×2. One of three is not a simple majority.
        var rejected = await DecideAsync("否决的提议", [1, 2, 0], "SimpleOfCast");
        Assert.False(rejected.GetProperty("carried").GetBoolean());
        await HttpAssert.ProblemAsync(await village.PostAsJsonAsync($"/api/v1/voice/decisions/{rejected.GetProperty("decisionId").GetGuid()}/rules",
            new { kind = "CanteenExclusion", elderId = elder.Id }), 409);

        var admitted = await DecideAsync("补出工后准予就餐", [2, 1, 0], "TwoThirdsOfCast");
        Assert.True(admitted.GetProperty("carried").GetBoolean());
        var decision = admitted.GetProperty("decisionId").GetGuid();
        var noCondition = await HttpAssert.ProblemAsync(await village.PostAsJsonAsync($"/api/v1/voice/decisions/{decision}/rules", new { kind = "CanteenAdmission", elderId = elder.Id }), 400);
        Assert.True(noCondition.GetProperty("errors").TryGetProperty("condition", out _));
        await HttpAssert.JsonAsync(await village.PostAsJsonAsync($"/api/v1/voice/decisions/{decision}/rules",
            new { kind = "CanteenAdmission", elderId = elder.Id, condition = "每月为食堂出工 4 小时" }), 201);
        var meal = await HttpAssert.JsonAsync(await volunteer.PostAsJsonAsync($"/api/v1/services/canteens/{point}/checkins", new { checkInId = Guid.NewGuid(), card = elder.Card }), 201);
        Assert.Contains("每月为食堂出工 4 小时", meal.GetProperty("rulingText").GetString(), StringComparison.Ordinal);

        var rules = await HttpAssert.JsonAsync(await village.GetAsync($"/api/v1/voice/rules?elderId={elder.Id}"));
        Assert.Equal("CanteenAdmission", Assert.Single(rules.EnumerateArray()).GetProperty("kind").GetString());

        // A priority rule for a category: new orders for elders of it come first, naming the decision.
        var priority = (await DecideAsync("低保老人上门服务优先 " + db, [3, 0, 0], "SimpleOfCast")).GetProperty("decisionId").GetGuid();
        var badCategory = await HttpAssert.ProblemAsync(await village.PostAsJsonAsync($"/api/v1/voice/decisions/{priority}/rules", new { kind = "ServicePriority", category = "Rich" }), 400);
        Assert.True(badCategory.GetProperty("errors").TryGetProperty("category", out _));
        await HttpAssert.JsonAsync(await village.PostAsJsonAsync($"/api/v1/voice/decisions/{priority}/rules", new { kind = "ServicePriority", category = "SubsistenceAllowance" }), 201);
        var poor = await CanteenTests.ElderAsync(provider, 71, "SubsistenceAllowance");
        var first = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/services/orders", new { elderId = poor.Id, serviceTypeCode = "Haircut", source = "Phone" }), 201);
        Assert.Equal("低保老人上门服务优先 " + db, first.GetProperty("priorityReason").GetString());
        var other = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/services/orders", new { elderId = elder.Id, serviceTypeCode = "Haircut", source = "Phone" }), 201);
        Assert.Equal(JsonValueKind.Null, other.GetProperty("priorityReason").ValueKind);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task APublicComplaint_IsFollowedToItsAnswer_ByTheAssignedOrganizationOnly_AndKeptAsWritten(string db)
    {
        var app = await apps.GetAsync(db);
        using var anonymous = app.CreateClient();
        const string text = "饭菜太咸 <script>alert('x')</script> 👵🏽";
        var sent = await HttpAssert.JsonAsync(await anonymous.PostAsJsonAsync("/api/v1/voice/feedback/public",
            new { regionCode = GVillage, kind = "Complaint", text, anonymous = false, contactName = "杨奶奶", contactPhone = "13800138000" }), 201);
        var code = sent.GetProperty("trackingCode").GetString()!;
        var followed = await HttpAssert.JsonAsync(await anonymous.GetAsync($"/api/v1/voice/feedback/track/{code.ToLowerInvariant()}"));
        Assert.Equal((text, "Received"), (followed.GetProperty("text").GetString(), followed.GetProperty("status").GetString()));
        Assert.DoesNotContain("13800138000", followed.GetRawText(), StringComparison.Ordinal);

        using var purchaser = await app.ClientAsync("purchaser");
        using var provider = await app.ClientAsync("provider");
        using var village = await app.ClientAsync("village");
        var list = await HttpAssert.JsonAsync(await village.GetAsync($"/api/v1/voice/feedback?q={code}"));
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("138****8000", row.GetProperty("contactPhoneMasked").GetString());
        var id = row.GetProperty("id").GetGuid();

        var providerOrg = (await HttpAssert.JsonAsync(await provider.GetAsync("/api/v1/directory/organizations?pageSize=100&q=" + Uri.EscapeDataString("柳州市鼓楼社会工作服务中心"))))
            .GetProperty("items")[0].GetProperty("id").GetGuid();
        await HttpAssert.JsonAsync(await purchaser.PostAsJsonAsync($"/api/v1/voice/feedback/{id}/assign", new { organizationId = providerOrg, version = row.GetProperty("version").GetInt64() }));

        // Only the assigned organization answers.
        await HttpAssert.ProblemAsync(await village.PostAsJsonAsync($"/api/v1/voice/feedback/{id}/answers", new { text = "村委答复", resolve = false }), 403);
        await HttpAssert.JsonAsync(await provider.PostAsJsonAsync($"/api/v1/voice/feedback/{id}/answers", new { text = "已请厨师少放盐，下周回访。", resolve = true }));
        var answered = await HttpAssert.JsonAsync(await anonymous.GetAsync($"/api/v1/voice/feedback/track/{code}"));
        Assert.Equal("Resolved", answered.GetProperty("status").GetString());
        Assert.Equal("已请厨师少放盐，下周回访。", answered.GetProperty("responses")[0].GetProperty("text").GetString());

        // Not satisfied: reopened, answered again, then rated; a rating outside 1–5 is refused.
        await HttpAssert.JsonAsync(await anonymous.PostAsync($"/api/v1/voice/feedback/track/{code}/reopen", null));
        await HttpAssert.JsonAsync(await provider.PostAsJsonAsync($"/api/v1/voice/feedback/{id}/answers", new { text = "已调整菜谱，单独为您少盐。", resolve = true }));
        var badRating = await HttpAssert.ProblemAsync(await anonymous.PostAsJsonAsync($"/api/v1/voice/feedback/track/{code}/rating", new { rating = 6 }), 400);
        Assert.True(badRating.GetProperty("errors").TryGetProperty("rating", out _));
        var rated = await HttpAssert.JsonAsync(await anonymous.PostAsJsonAsync($"/api/v1/voice/feedback/track/{code}/rating", new { rating = 5 }));
        Assert.Equal((5, 1, 2), (rated.GetProperty("rating").GetInt32(), rated.GetProperty("reopened").GetInt32(), rated.GetProperty("responses").GetArrayLength()));

        // The full record shows the contact to staff, and the read is audited.
        var record = await HttpAssert.JsonAsync(await village.GetAsync($"/api/v1/voice/feedback/{id}"));
        Assert.Equal(("杨奶奶", "13800138000"), (record.GetProperty("contactName").GetString(), record.GetProperty("contactPhone").GetString()));
        Assert.True(await app.WithDbAsync(d => d.Set<CoCare.Data.Audit.AuditEntry>().AnyAsync(e => e.EntityType == nameof(FeedbackItem) && e.EntityKey == id.ToString())));

        var stats = await HttpAssert.JsonAsync(await anonymous.GetAsync($"/api/v1/voice/feedback/stats?region={GVillage}"));
        Assert.True(stats.GetProperty("byKind").GetProperty("Complaint").GetInt32() >= 1);
        Assert.DoesNotContain("杨奶奶", stats.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task APublicFormFlood_FromOneAddress_IsRefusedWith429_AndStoresNothing(string db)
    {
        var app = await apps.GetAsync(db);

        // One made-up address for this flood, so other tests' submissions keep their own allowance.
        var address = System.Net.IPAddress.Parse($"10.{Random.Shared.Next(1, 250)}.{Random.Shared.Next(1, 250)}.{Random.Shared.Next(1, 250)}");
        using var flooder = app.CreateClient();
        flooder.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, address.ToString());
        async Task<(int Status, JsonElement Body)> SubmitAsync(int i)
        {
            var response = await flooder.PostAsJsonAsync("/api/v1/voice/feedback/public", new { regionCode = GVillage, kind = "Suggestion", text = "灌水 " + i, anonymous = true });
            return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
        }

        var before = await app.WithDbAsync(d => d.Set<FeedbackItem>().CountAsync());
        var accepted = 0;
        JsonElement? refused = null;
        for (var i = 0; i < 6 && refused is null; i++)
        {
            var (status, answer) = await SubmitAsync(i);
            if (status == 429)
            {
                refused = answer;
            }
            else
            {
                Assert.True(status == 201, $"{status}: {answer}");
                accepted++;
            }
        }

        Assert.Equal(5, accepted);
        Assert.NotNull(refused);
        Assert.Contains("没有保存", refused.Value.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before + accepted, await app.WithDbAsync(d => d.Set<FeedbackItem>().CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OverdueFeedback_IsEscalatedToThePurchaser_Once(string db)
    {
        var app = await apps.GetAsync(db);
        using var volunteer = await app.ClientAsync("volunteer");
        using var purchaser = await app.ClientAsync("purchaser");
        var sent = await HttpAssert.JsonAsync(await volunteer.PostAsJsonAsync("/api/v1/voice/feedback",
            new { regionCode = GVillage, kind = "Complaint", channel = "Volunteer", text = "送餐迟到一小时 " + db, anonymous = true }), 201);
        var badContract = await HttpAssert.ProblemAsync(await volunteer.PostAsJsonAsync("/api/v1/voice/feedback",
            new { regionCode = GVillage, kind = "Complaint", channel = "PhoneCall", text = "x", anonymous = true, contractId = Guid.NewGuid() }), 400);
        Assert.True(badContract.GetProperty("errors").TryGetProperty("contractId", out _));
        var publicChannel = await HttpAssert.ProblemAsync(await volunteer.PostAsJsonAsync("/api/v1/voice/feedback",
            new { regionCode = GVillage, kind = "Complaint", channel = "PublicWeb", text = "x", anonymous = true }), 400);
        Assert.True(publicChannel.GetProperty("errors").TryGetProperty("channel", out _));
        var id = sent.GetProperty("id").GetGuid();
        var past = app.Clock.GetUtcNow().UtcDateTime.AddDays(-1);
        await app.WithDbAsync(d => d.Set<FeedbackItem>().Where(f => f.Id == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.DueAt, past)));

        var escalated = await app.WithScopeAsync(s => s.GetRequiredService<CoCare.Voice.Features.Feedback.FeedbackHandlers>().EscalateOverdueAsync(default));
        Assert.True(escalated >= 1);
        Assert.Equal(0, await app.WithScopeAsync(s => s.GetRequiredService<CoCare.Voice.Features.Feedback.FeedbackHandlers>().EscalateOverdueAsync(default)));
        var inbox = await HttpAssert.JsonAsync(await purchaser.GetAsync("/api/v1/inbox?pageSize=100"));
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), m => m.GetProperty("text").GetString()!.Contains(sent.GetProperty("trackingCode").GetString()!, StringComparison.Ordinal));
        var overdue = await HttpAssert.JsonAsync(await purchaser.GetAsync($"/api/v1/voice/feedback?overdue=true&pageSize=100"));
        Assert.Contains(overdue.GetProperty("items").EnumerateArray(), f => f.GetProperty("id").GetGuid() == id && f.GetProperty("overdue").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Ratings_AreOnePerServiceWithin1To5_AndTheDemoSatisfactionRateIsComputedFromThem(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var demo = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/voice/satisfaction?region={GVillage}&by=Month"));
        var total = demo.GetProperty("total");

        // The demo's own ratings give the case's 97.85%; the rate shown is computed from every rating in the village.
        var seeded = await app.WithDbAsync(d => d.Set<SatisfactionRating>().Where(r => r.RecordedBy == "demo").GroupBy(_ => 1)
            .Select(g => new { Satisfied = g.Count(r => r.Score >= 4), Valid = g.Count() }).SingleAsync());
        Assert.Equal((1957, 2000), (seeded.Satisfied, seeded.Valid));
        var all = await app.WithDbAsync(d => d.Set<SatisfactionRating>().Where(r => r.VillageCode == GVillage).GroupBy(_ => 1)
            .Select(g => new { Satisfied = g.Count(r => r.Score >= 4), Valid = g.Count() }).SingleAsync());
        Assert.Equal(Math.Round((double)all.Satisfied / all.Valid, 4), total.GetProperty("rate").GetDouble());
        Assert.Equal(all.Valid, total.GetProperty("valid").GetInt32());
        Assert.Equal(total.GetProperty("valid").GetInt32(), demo.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("valid").GetInt32()));

        var order = await app.WithDbAsync(d => d.Set<CoCare.Services.Domain.ServiceOrder>().Where(o => o.Status == CoCare.Services.Domain.OrderStatus.Completed)
            .Select(o => o.Id).Where(o => !d.Set<SatisfactionRating>().Any(r => r.SubjectId == o)).FirstAsync());
        var zero = await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/voice/ratings", new { subject = "Service", subjectId = order, score = 0 }), 400);
        Assert.True(zero.GetProperty("errors").TryGetProperty("score", out _));
        var rating = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/voice/ratings", new { subject = "Service", subjectId = order, score = 5 }), 201);
        Assert.False(string.IsNullOrEmpty(rating.GetProperty("serviceTypeCode").GetString()));
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/voice/ratings", new { subject = "Service", subjectId = order, score = 4 }), 409);
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/voice/ratings", new { subject = "Service", subjectId = Guid.NewGuid(), score = 4 }), 400);
        var after = await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/voice/satisfaction?region={GVillage}"));
        Assert.Equal(total.GetProperty("valid").GetInt32() + 1, after.GetProperty("total").GetProperty("valid").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ReturnVisits_AreScheduledForAShareOfCompletedServices_Once_AndTheirRatingsCount(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var scheduled = await app.WithScopeAsync(s => s.GetRequiredService<CoCare.Voice.Features.ReturnVisits.ReturnVisitHandlers>().ScheduleAsync(default));
        Assert.Equal(0, await app.WithScopeAsync(s => s.GetRequiredService<CoCare.Voice.Features.ReturnVisits.ReturnVisitHandlers>().ScheduleAsync(default)));

        // The sample is the stable 10% of the services completed in the last 14 days.
        var since = app.Clock.GetUtcNow().UtcDateTime.AddDays(-14);
        var completed = await app.WithDbAsync(d => d.Set<CoCare.Services.Domain.ServiceOrder>()
            .Where(o => o.Status == CoCare.Services.Domain.OrderStatus.Completed && o.CompletedAt >= since).Select(o => o.Id).ToListAsync());
        var planned = await app.WithDbAsync(d => d.Set<ReturnVisit>().Select(v => v.OrderId).ToListAsync());
        Assert.Equal(completed.Where(id => ReturnVisit.IsSampled(id, 10)).Order(), planned.Where(completed.Contains).Order());
        Assert.InRange(planned.Count, 1, completed.Count);
        Assert.True(scheduled + 0 <= planned.Count);

        var list = await HttpAssert.JsonAsync(await provider.GetAsync("/api/v1/voice/return-visits?status=Planned&pageSize=5"));
        var visit = list.GetProperty("items")[0].GetProperty("id").GetGuid();
        var before = (await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/voice/satisfaction?region={GVillage}"))).GetProperty("total").GetProperty("valid").GetInt32();
        var bad = await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync($"/api/v1/voice/return-visits/{visit}", new { reached = true, score = 6 }), 400);
        Assert.True(bad.GetProperty("errors").TryGetProperty("score", out _));
        var done = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync($"/api/v1/voice/return-visits/{visit}", new { reached = true, score = 4, remarks = "理发很满意" }));
        Assert.Equal(("Done", 4), (done.GetProperty("status").GetString(), done.GetProperty("score").GetInt32()));
        await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync($"/api/v1/voice/return-visits/{visit}", new { reached = false }), 409);
        var after = (await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/voice/satisfaction?region={GVillage}"))).GetProperty("total").GetProperty("valid").GetInt32();
        Assert.Equal(before + 1, after);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ASurvey_IsAnsweredOnAFivePointScale_AndItsOverallQuestionCountsInTheRate(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        using var volunteer = await app.ClientAsync("volunteer");
        var noItems = await HttpAssert.ProblemAsync(await provider.PostAsJsonAsync("/api/v1/voice/surveys", new { title = "空调查", items = Array.Empty<string>() }), 400);
        Assert.True(noItems.GetProperty("errors").TryGetProperty("items", out _));
        await HttpAssert.ProblemAsync(await volunteer.PostAsJsonAsync("/api/v1/voice/surveys", new { title = "x", items = new[] { "总体满意度" } }), 403);
        var survey = await HttpAssert.JsonAsync(await provider.PostAsJsonAsync("/api/v1/voice/surveys",
            new { title = "2026 年第四季度助餐满意度 " + db, items = new[] { "总体满意度", "饭菜口味", "送餐准时" } }), 201);
        var id = survey.GetProperty("id").GetGuid();
        var before = (await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/voice/satisfaction?region={GVillage}"))).GetProperty("total");

        var tooFew = await HttpAssert.ProblemAsync(await volunteer.PostAsJsonAsync($"/api/v1/voice/surveys/{id}/responses", new { villageCode = GVillage, scores = new[] { 5, 4 } }), 400);
        Assert.True(tooFew.GetProperty("errors").TryGetProperty("scores", out _));
        await HttpAssert.ProblemAsync(await volunteer.PostAsJsonAsync($"/api/v1/voice/surveys/{id}/responses", new { villageCode = GVillage, scores = new[] { 5, 0, 4 } }), 400);
        await HttpAssert.JsonAsync(await volunteer.PostAsJsonAsync($"/api/v1/voice/surveys/{id}/responses", new { villageCode = GVillage, scores = new[] { 5, 4, 3 } }));
        var answered = await HttpAssert.JsonAsync(await volunteer.PostAsJsonAsync($"/api/v1/voice/surveys/{id}/responses", new { villageCode = GVillage, scores = new[] { 2, 3, 3 } }));
        Assert.Equal(2, answered.GetProperty("responses").GetInt32());
        Assert.Equal([3.5, 3.5, 3.0], answered.GetProperty("averages").EnumerateArray().Select(a => a.GetDouble()).ToArray());

        var after = (await HttpAssert.JsonAsync(await provider.GetAsync($"/api/v1/voice/satisfaction?region={GVillage}"))).GetProperty("total");
        Assert.Equal((before.GetProperty("satisfied").GetInt32() + 1, before.GetProperty("valid").GetInt32() + 2),
            (after.GetProperty("satisfied").GetInt32(), after.GetProperty("valid").GetInt32()));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AServicePointsQrCode_OpensTheFormWithThePointFilledIn(string db)
    {
        var app = await apps.GetAsync(db);
        using var provider = await app.ClientAsync("provider");
        var point = await CanteenTests.PointAsync(provider);
        var qr = await provider.GetAsync($"/api/v1/voice/feedback/qr/{point}");
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await qr.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await HttpAssert.ProblemAsync(await provider.GetAsync($"/api/v1/voice/feedback/qr/{Guid.NewGuid()}"), 404);

        // What the code opens: the form knows the point, and the point gives the village.
        using var anonymous = app.CreateClient();
        anonymous.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, "10.0.0." + Random.Shared.Next(1, 250));
        var sent = await HttpAssert.JsonAsync(await anonymous.PostAsJsonAsync("/api/v1/voice/feedback/public", new { servicePointId = point, kind = "Praise", text = "饭菜可口", anonymous = true }), 201);
        var followed = await HttpAssert.JsonAsync(await anonymous.GetAsync($"/api/v1/voice/feedback/track/{sent.GetProperty("trackingCode").GetString()}"));
        Assert.StartsWith("测试食堂", followed.GetProperty("servicePoint").GetString(), StringComparison.Ordinal);
        await HttpAssert.ProblemAsync(await anonymous.PostAsJsonAsync("/api/v1/voice/feedback/public", new { servicePointId = Guid.NewGuid(), kind = "Praise", text = "x", anonymous = true }), 400);
    }
}
