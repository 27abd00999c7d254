using CoCare.Kernel;

namespace CoCare.Residents.Domain;

/// <summary>
/// One roster file imported (花名册导入): what came in, what became elders, what was already in the archive and
/// what was refused, with the stored row report. Importing the same file again adds nothing (matched on ID number).
/// </summary>
public sealed class RosterImport : Entity
{
    private RosterImport()
    {
    }

    public RosterImport(string fileName, string sha256, int rows, int imported, int alreadyPresent, int rejected, IEnumerable<string> ignoredColumns, string? reportFile, string importedBy, DateTime at)
    {
        FileName = fileName;
        Sha256 = sha256;
        Rows = rows;
        Imported = imported;
        AlreadyPresent = alreadyPresent;
        Rejected = rejected;
        IgnoredColumns = [.. ignoredColumns];
        ReportFile = reportFile;
        ImportedBy = importedBy;
        ImportedAt = at;
    }

    public string FileName { get; private set; } = "";

    public string Sha256 { get; private set; } = "";

    public int Rows { get; private set; }

    public int Imported { get; private set; }

    public int AlreadyPresent { get; private set; }

    public int Rejected { get; private set; }

    public List<string> IgnoredColumns { get; private set; } = [];

    public string? ReportFile { get; private set; }

    public string ImportedBy { get; private set; } = "";

    public DateTime ImportedAt { get; private set; }
}
