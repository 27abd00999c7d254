using CoCare.Alerts;
using CoCare.Directory;
using CoCare.Evaluation;
using CoCare.Insights;
using CoCare.Network;
using CoCare.Procurement;
using CoCare.Residents;
using CoCare.Services;
using CoCare.Ui.Exports;
using CoCare.Voice;
using CoCare.Volunteers;
using CoCare.Web;
using CoCare.Web.Admin;
using CoCare.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

// Modules, listed by hand: the whole system can be read from here.
builder.Services.AddCoCareHost(builder.Configuration);
builder.Services.AddDirectory(builder.Configuration);
builder.Services.AddProcurement(builder.Configuration);
builder.Services.AddResidents(builder.Configuration);
builder.Services.AddServices(builder.Configuration);
builder.Services.AddVolunteers(builder.Configuration);
builder.Services.AddNetwork(builder.Configuration);
builder.Services.AddVoice(builder.Configuration);
builder.Services.AddEvaluation(builder.Configuration);
builder.Services.AddInsights(builder.Configuration);
builder.Services.AddAlerts(builder.Configuration);

var app = builder.Build();

if (AdminCommand.Matches(args))
{
    return await AdminCommand.RunAsync(args, app.Services);
}

app.UseCoCareHost();
var api = app.MapCoCareApi();
api.MapDirectoryApi();
api.MapProcurementApi();
api.MapResidentsApi();
api.MapServicesApi();
api.MapVolunteersApi();
api.MapNetworkApi();
api.MapVoiceApi();
api.MapEvaluationApi();
api.MapInsightsApi();
api.MapAlertsApi();
foreach (var exports in ListExport.Routes(api, app))
{
    exports.MapAuditExports();
    exports.MapDirectoryExports();
    exports.MapProcurementExports();
    exports.MapResidentsExports();
    exports.MapServicesExports();
    exports.MapVolunteersExports();
    exports.MapNetworkExports();
    exports.MapVoiceExports();
    exports.MapInsightsExports();
    exports.MapAlertsExports();
}

app.MapProcurementDownloads();
app.MapVoiceDownloads();
app.MapEvaluationDownloads();
app.MapResidentsDownloads();
app.MapCoCareUi();

var seeded = await DatabaseStartup.PrepareAsync(app.Services);
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, seeded));
await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
