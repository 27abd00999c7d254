using System.Security.Cryptography;
using CoCare.Data;
using CoCare.Data.Files;
using CoCare.Kernel;
using CoCare.Residents.Domain;
using CoCare.Residents.Features.Elders;
using CoCare.Residents.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace CoCare.Residents.Features.Import;

public sealed record RowProblemDto(int Row, string IdNumber, string Reason);

public sealed record RosterImportDto(Guid Id, string FileName, int Rows, int Imported, int AlreadyPresent, int Rejected, IReadOnlyList<string> IgnoredColumns,
    bool HasReport, string ImportedBy, DateTime ImportedAt, IReadOnlyList<RowProblemDto> FirstProblems);

/// <summary>
/// Imports an elder roster from CSV or XLSX. Every row is checked as the elder form checks it; valid rows become
/// elders in batches of <see cref="BatchSize"/> (each batch one transaction, audited like any insert); rows whose ID
/// number is already in the archive are left alone, so importing a file twice changes nothing and a re-run after an
/// interruption finishes the job. Refused rows go to a downloadable report with row number and reason.
/// </summary>
public sealed class RosterImportHandlers(
    AppDbContext db,
    CurrentActor actor,
    IDirectory directory,
    PersonalDataCipher cipher,
    FileStore files,
    TimeProvider clock,
    IErrorText errors,
    IStringLocalizer<ResidentsText> s)
{
    public const int BatchSize = 1000;
    public const int MaxRows = 200_000;
    public const long MaxBytes = 64L * 1024 * 1024;
    private const int ProblemsShown = 50;

    public async Task<RosterImportDto> ImportAsync(Stream content, string fileName, bool consentConfirmed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        ElderHandlers.RequireManager(actor);
        fileName = Path.GetFileName(fileName ?? "");
        if (!RosterFile.IsSupported(fileName))
        {
            throw new DomainException("Import.FileType", ErrorKind.Validation, "file");
        }

        if (!consentConfirmed)
        {
            throw new DomainException("Import.ConsentNotConfirmed", ErrorKind.Validation, "consentConfirmed");
        }

        var bytes = await ReadAllAsync(content, ct);
        var (headers, rows) = RosterFile.Read(bytes, fileName);
        var (columns, missing, ignored, repeated) = RosterColumns.Resolve(headers);
        if (missing.Count > 0)
        {
            throw new DomainException("Import.MissingColumns", ErrorKind.Validation, "file", string.Join(", ", missing.Select(ColumnName)));
        }

        if (repeated.Count > 0)
        {
            throw new DomainException("Import.RepeatedColumn", ErrorKind.Validation, "file", repeated[0]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var parser = new RosterRowParser(columns, await VillageLookupAsync(ct), DateOnly.FromDateTime(now));
        var recorder = actor.UserName ?? "system";
        var problems = new List<RowProblem>();
        var seenInFile = new Dictionary<string, int>(StringComparer.Ordinal);
        var batch = new List<(RosterEntry Entry, string Index)>(BatchSize);
        int total = 0, imported = 0, present = 0;

        foreach (var row in rows)
        {
            if (++total > MaxRows)
            {
                throw new DomainException("Import.TooManyRows", ErrorKind.Validation, "file", MaxRows);
            }

            var parsed = parser.Parse(row);
            if (parsed is RowProblem problem)
            {
                problems.Add(problem);
                continue;
            }

            var entry = (RosterEntry)parsed;
            var index = cipher.BlindIndex(entry.IdNumber.Value);
            if (seenInFile.TryGetValue(index, out var firstRow))
            {
                problems.Add(new RowProblem(row.RowNumber, entry.IdNumber.Masked, "Import.DuplicateInFile", firstRow));
                continue;
            }

            seenInFile[index] = row.RowNumber;
            batch.Add((entry, index));
            if (batch.Count == BatchSize)
            {
                (var added, var skipped) = await SaveBatchAsync(batch, recorder, now, ct);
                imported += added;
                present += skipped;
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            (var added, var skipped) = await SaveBatchAsync(batch, recorder, now, ct);
            imported += added;
            present += skipped;
        }

        if (total == 0)
        {
            throw new DomainException("Import.Empty", ErrorKind.Validation, "file");
        }

        var described = problems.Select(p => new RowProblemDto(p.RowNumber, p.MaskedIdNumber, Describe(p))).ToList();
        var report = described.Count == 0 ? null : await SaveReportAsync(described, ct);
        var record = new RosterImport(fileName, Convert.ToHexStringLower(SHA256.HashData(bytes)), total, imported, present, problems.Count, ignored, report, recorder, now);
        db.Add(record);
        await db.SaveChangesAsync(ct);
        return ToDto(record, described.Take(ProblemsShown).ToList());
    }

    public async Task<Page<RosterImportDto>> ListAsync(PageRequest paging, CancellationToken ct)
    {
        var q = Visible();
        var total = await q.CountAsync(ct);
        var imports = await q.OrderByDescending(i => i.ImportedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Page<RosterImportDto>(imports.Select(i => ToDto(i, [])).ToList(), total, paging.PageNumber, paging.PageSize);
    }

    /// <summary>The refused rows as CSV (UTF-8 with BOM so spreadsheet programs show Chinese); only the importer or an administrator may read it.</summary>
    public async Task<(string FileName, Stream Content)> OpenReportAsync(Guid id, CancellationToken ct)
    {
        var import = await Visible().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (import?.ReportFile is null)
        {
            throw DomainException.NotFound("Import.NotFound");
        }

        return (Path.GetFileNameWithoutExtension(import.FileName) + "-errors.csv", files.Open(import.ReportFile));
    }

    private IQueryable<RosterImport> Visible()
    {
        var q = db.Set<RosterImport>().AsNoTracking();
        return actor.IsPlatformAdmin ? q : q.Where(i => i.ImportedBy == actor.UserName);
    }

    private async Task<(int Added, int Present)> SaveBatchAsync(List<(RosterEntry Entry, string Index)> batch, string recorder, DateTime now, CancellationToken ct)
    {
        var indexes = batch.Select(b => b.Index).ToList();
        var existing = (await db.Set<Elder>().AsNoTracking().Where(e => indexes.Contains(e.IdNumberIndex)).Select(e => e.IdNumberIndex).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var elders = new List<Elder>(batch.Count);
        foreach (var (entry, index) in batch.Where(b => !existing.Contains(b.Index)))
        {
            var number = entry.IdNumber;
            var elder = new Elder(entry.VillageCode, now);
            elder.SetIdentity(entry.Name, number.Gender, number.BirthDate, cipher.Encrypt(number.Value)!, index, number.Masked);
            elder.SetContact(cipher.Encrypt(entry.Phone), entry.Phone is null ? null : Masking.Phone(entry.Phone), cipher.Encrypt(entry.Address),
                entry.Address is null ? null : Masking.Address(entry.Address), entry.VillageCode, null, null);
            elder.SetSituation(entry.LivingSituation, entry.Categories);
            elder.RecordConsent(new ConsentRecord(ConsentScope.BasicData, true, now, recorder, null));
            if (entry.HealthDataConsent)
            {
                elder.RecordConsent(new ConsentRecord(ConsentScope.HealthData, true, now, recorder, null));
            }

            elders.Add(elder);
        }

        // Straight to the table (with one audit entry naming every new elder): the change tracker would cost more than the insert.
        await db.BulkInsertAsync(elders, ct);
        var added = elders.Count;
        return (added, batch.Count - added);
    }

    private async Task<string> SaveReportAsync(List<RowProblemDto> problems, CancellationToken ct)
    {
        var rows = problems.Select(p => new Dictionary<string, object>
        {
            [s["Import.ReportRow"]] = p.Row,
            [s["Field.IdNumber"]] = p.IdNumber,
            [s["Import.ReportReason"]] = p.Reason,
        });
        using var buffer = new MemoryStream();
        buffer.Write([0xEF, 0xBB, 0xBF]);
        await buffer.SaveAsAsync(rows, excelType: ExcelType.CSV, cancellationToken: ct);
        buffer.Position = 0;
        var saved = await files.SaveAsync(buffer, MaxBytes, ct);
        return saved!.Value.StoredName;
    }

    private async Task<Func<string, string?>> VillageLookupAsync(CancellationToken ct)
    {
        var regions = await directory.RegionsUnderAsync(actor.IsPlatformAdmin ? null : actor.ScopeRegions, 100_000, ct);
        var byCode = regions.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var byName = regions.GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Code, StringComparer.Ordinal);
        return text => byCode.Contains(text) ? text : byName.GetValueOrDefault(text);
    }

    private static async Task<byte[]> ReadAllAsync(Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new DomainException("Import.TooLarge", ErrorKind.Validation, "file", MaxBytes / 1024 / 1024);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private string Describe(RowProblem problem) => errors.Describe(new DomainException(problem.Key, ErrorKind.Validation, null, problem.Args)) ?? problem.Key;

    private string ColumnName(string field) => s["Import.Column." + field];

    private static RosterImportDto ToDto(RosterImport i, IReadOnlyList<RowProblemDto> problems) =>
        new(i.Id, i.FileName, i.Rows, i.Imported, i.AlreadyPresent, i.Rejected, i.IgnoredColumns, i.ReportFile is not null, i.ImportedBy, i.ImportedAt, problems);
}
