using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CoCare.Data;
using CoCare.Kernel;
using CoCare.Procurement.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace CoCare.Procurement.Features.Ocds;

/// <summary>
/// Publishes purchase projects as OCDS 1.1 release packages: a release per stage reached (planning, tender,
/// award, contract, implementation), parties with their roles, contract milestones for every evaluation
/// (assessment) and payment phase (payment), and transactions for payments made. Drafts are never published.
/// </summary>
public sealed class OcdsExport(AppDbContext db, IDirectory directory, IContractMoney money, IConfiguration configuration, TimeProvider clock)
{
    private const string Currency = "CNY";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public string Prefix => configuration["Ocds:Prefix"] is { Length: > 0 } prefix ? prefix : "ocds-cocare";

    public async Task<JsonObject> ProjectPackageAsync(Guid projectId, string baseUri, CancellationToken ct)
    {
        var project = await db.Set<PurchaseProject>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId && p.Status != ProjectStatus.Draft, ct)
            ?? throw DomainException.NotFound("Project.NotFound");
        return Package(await ReleasesAsync([project], ct), $"{baseUri}/api/v1/procurement/projects/{projectId}/ocds");
    }

    public async Task<JsonObject> ChangedSinceAsync(DateTime since, string baseUri, CancellationToken ct)
    {
        var projects = await db.Set<PurchaseProject>().AsNoTracking()
            .Where(p => p.Status != ProjectStatus.Draft && p.UpdatedAt >= since)
            .OrderBy(p => p.UpdatedAt).Take(500).ToListAsync(ct);
        var changedContracts = await db.Set<Contract>().AsNoTracking().Where(c => c.UpdatedAt >= since).Select(c => c.ProjectId).ToListAsync(ct);
        var extra = changedContracts.Except(projects.Select(p => p.Id)).ToList();
        if (extra.Count > 0)
        {
            projects.AddRange(await db.Set<PurchaseProject>().AsNoTracking().Where(p => extra.Contains(p.Id) && p.Status != ProjectStatus.Draft).ToListAsync(ct));
        }

        var releases = await ReleasesAsync(projects, ct);
        return Package(releases, $"{baseUri}/api/v1/ocds/releases?since={since.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}");
    }

    private JsonObject Package(JsonArray releases, string uri) => new()
    {
        ["uri"] = uri,
        ["version"] = "1.1",
        ["publishedDate"] = Date(clock.GetUtcNow().UtcDateTime),
        ["publisher"] = new JsonObject { ["name"] = "CoCare 共养" },
        ["license"] = "https://creativecommons.org/licenses/by/4.0/",
        ["releases"] = releases,
    };

    private async Task<JsonArray> ReleasesAsync(IReadOnlyList<PurchaseProject> projects, CancellationToken ct)
    {
        var ids = projects.Select(p => p.Id).ToList();
        var applications = await db.Set<Application>().AsNoTracking().Where(a => ids.Contains(a.ProjectId) && a.Status != ApplicationStatus.Withdrawn).ToListAsync(ct);
        var contracts = await db.Set<Contract>().AsNoTracking().Where(c => ids.Contains(c.ProjectId)).ToListAsync(ct);
        var organizations = await directory.OrganizationsAsync(projects.Select(p => p.PurchaserOrganizationId).Concat(applications.Select(a => a.ProviderOrganizationId)), ct);

        var releases = new JsonArray();
        foreach (var project in projects)
        {
            var ocid = $"{Prefix}-{project.Id:D}";
            var tenderers = applications.Where(a => a.ProjectId == project.Id).ToList();
            var contract = contracts.FirstOrDefault(c => c.ProjectId == project.Id);
            var winner = tenderers.FirstOrDefault(a => a.Id == project.AwardedApplicationId);
            var parties = Parties(project, tenderers, winner, contract is not null, organizations);
            var buyer = Reference(project.PurchaserOrganizationId, organizations);

            JsonObject Release(string stage, DateTime date, params (string Key, JsonNode Value)[] sections)
            {
                var release = new JsonObject
                {
                    ["ocid"] = ocid,
                    ["id"] = $"{ocid}-{stage}",
                    ["date"] = Date(date),
                    ["tag"] = new JsonArray(stage),
                    ["initiationType"] = "tender",
                    ["language"] = "zh",
                    ["parties"] = parties.DeepClone(),
                    ["buyer"] = buyer.DeepClone(),
                };
                foreach (var (key, value) in sections)
                {
                    release[key] = value;
                }

                return release;
            }

            releases.Add(Release("planning", project.CreatedAt,
                ("planning", Node(new
                {
                    rationale = string.Join("；", project.KpiTargets.Select(k => $"{k.Kpi} {(k.Comparison == Comparison.AtLeast ? "≥" : "≤")} {k.Target.ToString(CultureInfo.InvariantCulture)}")),
                    budget = new { id = $"{ocid}-budget", description = project.FundingSource.ToString(), amount = Value(project.BudgetFen), project = project.Title, projectID = project.Id.ToString("D") },
                })),
                ("tender", Node(new { id = $"{ocid}-tender", title = project.Title, status = "planned" }))));

            if (project.CallPublishedAt is { } published)
            {
                var tenderStatus = project.Status == ProjectStatus.CallPublished ? (clock.GetUtcNow().UtcDateTime <= project.CallDeadline ? "active" : "complete") : "complete";
                releases.Add(Release("tender", published, ("tender", Node(new
                {
                    id = $"{ocid}-tender",
                    title = project.Title,
                    description = project.CallDescription,
                    status = tenderStatus,
                    procuringEntity = Plain(buyer),
                    items = project.Items.Select((item, i) => new
                    {
                        id = $"{ocid}-item-{i + 1}",
                        description = item.ServiceType,
                        quantity = item.Quantity,
                        unit = new { name = item.Unit, value = Value(item.UnitPriceFen) },
                    }),
                    value = Value(project.BudgetFen),
                    procurementMethod = "open",
                    mainProcurementCategory = "services",
                    awardCriteria = "ratedCriteria",
                    awardCriteriaDetails = string.Join("；", project.ReviewCriteria.Select(c => $"{c.Name} {c.WeightPercent}%")),
                    tenderPeriod = new { startDate = Date(published), endDate = Date(project.CallDeadline!.Value) },
                    contractPeriod = Period(project.StartDate, project.EndDate),
                    numberOfTenderers = tenderers.Count,
                    tenderers = tenderers.Select(a => Plain(Reference(a.ProviderOrganizationId, organizations))),
                }))));
            }

            if (project.AwardedAt is { } awardedAt && winner is not null)
            {
                releases.Add(Release("award", awardedAt, ("awards", new JsonArray(Node(new
                {
                    id = $"{ocid}-award-1",
                    title = project.Title,
                    description = project.AwardReason,
                    status = "active",
                    date = Date(awardedAt),
                    value = Value(Math.Min(winner.TotalFen, project.BudgetFen)),
                    suppliers = new[] { Plain(Reference(winner.ProviderOrganizationId, organizations)) },
                    contractPeriod = Period(project.StartDate, project.EndDate),
                })))));
            }

            if (contract is not null)
            {
                var milestones = await money.MilestonesAsync(contract.Id, ct);
                releases.Add(Release("contract", contract.DateSigned ?? contract.CreatedAt, ("contracts", new JsonArray(ContractNode(ocid, contract, [])))));
                if (contract.Status is ContractStatus.Active or ContractStatus.Completed or ContractStatus.Terminated)
                {
                    // Payments made are the implementation's transactions (payer: the purchaser; payee: the provider).
                    var payments = await money.PaymentsAsync(contract.Id, ct);
                    var implementation = ContractNode(ocid, contract, milestones);
                    implementation["implementation"] = new JsonObject
                    {
                        ["transactions"] = new JsonArray(payments.Select(p => (JsonNode)Node(new
                        {
                            id = $"{ocid}-transaction-{p.PhaseNumber}",
                            date = Date(p.PaidOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
                            value = Value(p.AmountFen),
                            payer = Plain(Reference(contract.PurchaserOrganizationId, organizations)),
                            payee = Plain(Reference(contract.ProviderOrganizationId, organizations)),
                            description = $"{p.PhaseName}（{p.Reference}）",
                        })).ToArray()),
                    };
                    releases.Add(Release("implementation", contract.ActivatedAt ?? contract.UpdatedAt, ("contracts", new JsonArray(implementation))));
                }
            }
        }

        return releases;
    }

    /// <summary>The contract with its milestones: scheduled, or met / partially met / not met as Evaluation reports them.</summary>
    private static JsonObject ContractNode(string ocid, Contract contract, IReadOnlyList<MilestoneFacts> reached)
    {
        (string Status, string? DateMet, string? Description) Reached(string type, int number, string scheduledDescription) =>
            reached.FirstOrDefault(m => m.Type == type && m.Number == number) is { } m
                ? (m.Status, m.DateMet is { } d ? Date(d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)) : null, m.Description ?? scheduledDescription)
                : ("scheduled", null, scheduledDescription);
        var current = contract.Current;
        var terms = current.Terms;
        var milestones = terms.Evaluations.Select((e, i) =>
        {
            var (status, dateMet, description) = Reached("assessment", i + 1, e.Kind.ToString());
            return (JsonNode)Node(new
            {
                id = $"{ocid}-assessment-{i + 1}",
                title = e.Name,
                type = "assessment",
                description,
                dueDate = Date(e.DueDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
                status,
                dateMet,
            });
        }).Concat(terms.Phases.Select((p, i) =>
        {
            var (status, dateMet, description) = Reached("payment", i + 1, $"{p.ShareBasisPoints / 100m}%");
            return (JsonNode)Node(new
            {
                id = $"{ocid}-payment-{i + 1}",
                title = p.Name,
                type = "payment",
                description,
                dueDate = p.Trigger == PhaseTrigger.AfterEvaluation && p.EvaluationNumber is { } n && n <= terms.Evaluations.Count
                    ? Date(terms.Evaluations[n - 1].DueDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))
                    : contract.DateSigned is { } signed ? Date(signed) : null,
                status,
                dateMet,
            });
        })).ToArray();
        return Node(new
        {
            id = $"{ocid}-contract-1",
            awardID = $"{ocid}-award-1",
            title = contract.Title,
            status = contract.Status switch
            {
                ContractStatus.Draft or ContractStatus.Signed => "pending",
                ContractStatus.Active => "active",
                ContractStatus.Completed or ContractStatus.Terminated => "terminated",
                _ => "pending",
            },
            period = Period(terms.StartDate, terms.EndDate),
            value = Value(terms.AmountFen),
            dateSigned = contract.DateSigned is { } d ? Date(d) : null,
            milestones,
            amendments = contract.Versions.Where(v => v.Number > 1 && v.IsSignedByBoth).OrderBy(v => v.Number).Select(v => new
            {
                id = $"{ocid}-amendment-{v.Number}",
                date = Date(v.ProviderSignedAt > v.PurchaserSignedAt ? v.ProviderSignedAt!.Value : v.PurchaserSignedAt!.Value),
                rationale = v.Reason,
            }),
        });
    }

    private static JsonArray Parties(PurchaseProject project, IReadOnlyList<Application> tenderers, Application? winner, bool contracted, IReadOnlyDictionary<Guid, OrganizationInfo> organizations)
    {
        var roles = new Dictionary<Guid, List<string>> { [project.PurchaserOrganizationId] = ["buyer", "procuringEntity", "payer"] };
        foreach (var application in tenderers)
        {
            var list = roles.TryGetValue(application.ProviderOrganizationId, out var existing) ? existing : roles[application.ProviderOrganizationId] = [];
            list.Add("tenderer");
            if (application.Id == winner?.Id)
            {
                list.Add("supplier");
                if (contracted)
                {
                    list.Add("payee");
                }
            }
        }

        return new JsonArray(roles.Select(r => (JsonNode)Node(new
        {
            id = r.Key.ToString("D"),
            name = organizations.GetValueOrDefault(r.Key)?.Name ?? "",
            address = organizations.GetValueOrDefault(r.Key) is { } o ? new { region = o.RegionCode, countryName = "中国" } : null,
            roles = r.Value,
        })).ToArray());
    }

    private static JsonObject Reference(Guid id, IReadOnlyDictionary<Guid, OrganizationInfo> organizations) =>
        new() { ["id"] = id.ToString("D"), ["name"] = organizations.GetValueOrDefault(id)?.Name ?? "" };

    private static object Plain(JsonObject reference) => new { id = reference["id"]!.GetValue<string>(), name = reference["name"]!.GetValue<string>() };

    private static object Value(long fen) => new { amount = fen / 100m, currency = Currency };

    private static object Period(DateOnly start, DateOnly end) => new
    {
        startDate = Date(start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
        endDate = Date(end.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
    };

    private static string Date(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Node(object value) => JsonSerializer.SerializeToNode(value, Json)!.AsObject();
}
