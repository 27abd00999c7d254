namespace CoCare.IntegrationTests;

/// <summary>../shared/reference beside the checkout (CI has it; a fresh clone may not).</summary>
public static class ReferenceData
{
    public static string? Folder { get; } = Find();

    public const string Missing = "../shared/reference is not beside this checkout (CI has it); the OCDS schema tests need it.";

    private static string? Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CoCare.slnx")))
        {
            dir = dir.Parent;
        }

        var folder = dir?.Parent is { } parent ? Path.Combine(parent.FullName, "shared", "reference") : null;
        return folder is not null && System.IO.Directory.Exists(Path.Combine(folder, "ocds")) ? folder : null;
    }
}

/// <summary>A theory over the databases that is skipped, saying why, when the reference data is absent.</summary>
public sealed class ReferenceTheoryAttribute : TheoryAttribute
{
    public ReferenceTheoryAttribute()
    {
        if (ReferenceData.Folder is null)
        {
            Skip = ReferenceData.Missing;
        }
    }
}
