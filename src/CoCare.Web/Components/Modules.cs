using System.Reflection;

namespace CoCare.Web.Components;

/// <summary>Assemblies of modules that bring pages of their own.</summary>
public static class Modules
{
    public static readonly Assembly[] UiAssemblies = [typeof(CoCare.Directory.DirectoryModule).Assembly, typeof(CoCare.Procurement.ProcurementModule).Assembly, typeof(CoCare.Residents.ResidentsModule).Assembly, typeof(CoCare.Services.ServicesModule).Assembly, typeof(CoCare.Volunteers.VolunteersModule).Assembly, typeof(CoCare.Network.NetworkModule).Assembly, typeof(CoCare.Voice.VoiceModule).Assembly, typeof(CoCare.Evaluation.EvaluationModule).Assembly, typeof(CoCare.Insights.InsightsModule).Assembly, typeof(CoCare.Alerts.AlertsModule).Assembly];
}
