using System.Net.Http.Json;
using CoCare.Procurement.Domain;

namespace CoCare.IntegrationTests;

/// <summary>A contract in force that started 200 days ago in G village (whose demo records are its evidence), with a mid-term evaluation due ten days ago.</summary>
public static class EvaluationScenario
{
    public static async Task<(Guid ContractId, HttpClient Provider, Guid ProviderOrganizationId)> ContractInForceAsync(CoCareApp app)
    {
        var bureau = await ProcurementScenario.BureauAsync(app);
        var (provider, providerOrg) = await ProcurementScenario.NewProviderAsync(app);
        var today = ProcurementScenario.Today(app);
        var start = today.AddDays(-200);
        DateTime At(int days) => start.AddDays(days).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
        var contractId = await app.WithDbAsync(async db =>
        {
            var project = new PurchaseProject(bureau, At(-60));
            project.SetTerms("测试评价项目" + Guid.NewGuid().ToString("N")[..6], [ProcurementScenario.GVillage], 10_000_000, FundingSource.County, start, start.AddDays(364), false,
                [new ServiceItem("Meals", PurchaseCategory.Service, "份", 5_000, 1_500)],
                [new KpiTarget("meals", Comparison.AtLeast, 5_000), new KpiTarget("satisfactionRate", Comparison.AtLeast, 0.9)],
                [
                    new PaymentPhase("签约后", 3_000, PhaseTrigger.OnSigning, null),
                    new PaymentPhase("中期评估后", 3_000, PhaseTrigger.AfterEvaluation, 1, 90, 60),
                    new PaymentPhase("终期评估后", 4_000, PhaseTrigger.AfterEvaluation, 2),
                ],
                [new PlannedEvaluation(EvaluationKind.MidTerm, "中期评估", today.AddDays(-10)), new PlannedEvaluation(EvaluationKind.Final, "终期评估", start.AddDays(360))],
                [new ReviewCriterion("方案", 100)], At(-60));
            project.PublishCall("测试", At(-40), At(-55));
            var application = new Application(project.Id, providerOrg, At(-45));
            application.Write("方案", "团队", [new BudgetLine("人员经费", 6_000_000), new BudgetLine("餐食补贴", 4_000_000)], At(-45));
            project.Award(application.Id, "唯一申请", "purchaser", At(-30));
            application.Decide(true, At(-30));
            var contract = new Contract(project.Id, application.Id, bureau, providerOrg, project.Title,
                new ContractTerms(10_000_000, project.StartDate, project.EndDate, project.Items, project.KpiTargets, project.Phases, project.Evaluations), At(-20));
            project.MarkContracted(At(-20));
            contract.Sign(ContractSide.Purchaser, "purchaser", At(-10));
            contract.Sign(ContractSide.Provider, "provider", At(-9));
            contract.Activate(At(0));
            db.AddRange(project, application, contract);
            await db.SaveChangesAsync();
            return contract.Id;
        });
        return (contractId, provider, providerOrg);
    }

    /// <summary>A client of a second evaluator organization (not commissioned for anything).</summary>
    public static async Task<HttpClient> OtherEvaluatorAsync(CoCareApp app)
    {
        using var admin = await app.ClientAsync("admin");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var organization = await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/v1/directory/organizations", new { name = "另一评估所" + suffix, type = "Evaluator", regionCode = ProcurementScenario.County }), 201);
        var account = await HttpAssert.JsonAsync(await admin.PostAsJsonAsync("/api/v1/directory/accounts", new { userName = "ev" + suffix, displayName = "评估员" + suffix, password = "Evaluator#2026" }), 201);
        await HttpAssert.JsonAsync(await admin.PostAsJsonAsync($"/api/v1/directory/accounts/{account.GetProperty("id").GetString()}/memberships",
            new { organizationId = organization.GetProperty("id").GetGuid(), role = "Evaluator" }), 201);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync("ev" + suffix, "Evaluator#2026"));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return client;
    }
}
