using System.Reflection;
using CoCare.Data;
using NetArchTest.Rules;

namespace CoCare.ArchitectureTests;

public class LayeringTests
{
    private static readonly Assembly Kernel = typeof(CoCare.Kernel.Entity).Assembly;
    private static readonly Assembly Data = typeof(AppDbContext).Assembly;
    private static readonly Assembly Web = typeof(CoCare.Web.HostSetup).Assembly;

    /// <summary>Every module project; a new module is added here when it is created.</summary>
    public static readonly Assembly[] ModuleAssemblies = [typeof(CoCare.Directory.DirectoryModule).Assembly, typeof(CoCare.Procurement.ProcurementModule).Assembly, typeof(CoCare.Residents.ResidentsModule).Assembly, typeof(CoCare.Services.ServicesModule).Assembly, typeof(CoCare.Volunteers.VolunteersModule).Assembly, typeof(CoCare.Network.NetworkModule).Assembly, typeof(CoCare.Voice.VoiceModule).Assembly, typeof(CoCare.Evaluation.EvaluationModule).Assembly, typeof(CoCare.Insights.InsightsModule).Assembly, typeof(CoCare.Alerts.AlertsModule).Assembly];

    public static TheoryData<string> Modules()
    {
        var data = new TheoryData<string>();
        foreach (var module in ModuleAssemblies)
        {
            data.Add(module.GetName().Name!);
        }

        return data;
    }

    private static Assembly Module(string name) => ModuleAssemblies.Single(a => a.GetName().Name == name);

    private static void AssertHolds(TestResult result, string rule) =>
        Assert.True(result.IsSuccessful, rule + ": " + string.Join(", ", result.FailingTypeNames ?? []));

    [Fact]
    public void Kernel_IsPlainCSharp() => AssertHolds(
        Types.InAssembly(Kernel).ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "CoCare.Data", "CoCare.Web", "CoCare.Directory", "MudBlazor", "FluentValidation").GetResult(),
        "the kernel depends on nothing but .NET");

    [Fact]
    public void Data_DoesNotKnowModulesOrTheHost() => AssertHolds(
        Types.InAssembly(Data).ShouldNot().HaveDependencyOnAny([.. ModuleAssemblies.Select(a => a.GetName().Name!), "CoCare.Web"]).GetResult(),
        "the data layer knows modules only through IModelContributor");

    [Theory]
    [MemberData(nameof(Modules))]
    public void DomainCode_IsPlainCSharp(string module) => AssertHolds(
        Types.InAssembly(Module(module)).That().ResideInNamespace(module + ".Domain")
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "CoCare.Data", "MudBlazor", "FluentValidation").GetResult(),
        "domain rules are plain C#");

    [Theory]
    [MemberData(nameof(Modules))]
    public void Modules_DoNotReachIntoEachOther(string module)
    {
        var others = ModuleAssemblies.Select(a => a.GetName().Name!).Where(n => n != module).ToArray();
        if (others.Length == 0)
        {
            Assert.DoesNotContain(Module(module).GetReferencedAssemblies(), r => r.Name!.StartsWith("CoCare.", StringComparison.Ordinal) && r.Name is not ("CoCare.Kernel" or "CoCare.Data"));
            return;
        }

        AssertHolds(Types.InAssembly(Module(module)).ShouldNot().HaveDependencyOnAny(others).GetResult(), "modules talk through public services only");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Modules_DoNotDependOnTheHost(string module) => AssertHolds(
        Types.InAssembly(Module(module)).ShouldNot().HaveDependencyOn("CoCare.Web").GetResult(),
        "the host composes modules, never the other way round");

    [Fact]
    public void EveryModule_IsListedInProgram()
    {
        var program = File.ReadAllText(Path.Combine(Root(), "src", "CoCare.Web", "Program.cs"));
        foreach (var module in ModuleAssemblies)
        {
            var name = module.GetName().Name!["CoCare.".Length..];
            Assert.Contains($"Add{name}(", program, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryModuleProject_IsCoveredByTheseTests()
    {
        var projects = System.IO.Directory.GetDirectories(Path.Combine(Root(), "src", "Modules")).Select(Path.GetFileName).Order();
        Assert.Equal(projects, ModuleAssemblies.Select(a => a.GetName().Name).Order());
    }

    internal static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CoCare.slnx")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }
}
