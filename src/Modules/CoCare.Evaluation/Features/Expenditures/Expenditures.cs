using System.Globalization;
using System.Security.Cryptography;
using CoCare.Data;
using CoCare.Data.Files;
using CoCare.Evaluation.Domain;
using CoCare.Evaluation.Features.Payments;
using CoCare.Kernel;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Evaluation.Features.Expenditures;

public sealed record RecordExpenditure(string BudgetLine, long AmountFen, DateOnly SpentOn, string? Description);

public sealed record ReviewExpenditure(ReviewDecision Decision, string? Note);

public sealed record ExpenditureDto(Guid Id, Guid ContractId, string BudgetLine, long AmountFen, DateOnly SpentOn, string Description, string? ReceiptName, string? ReceiptSha256,
    IReadOnlyList<string> Flags, ExpenditureStatus Status, string? ReviewNote, string? ReviewedBy, DateTime? ReviewedAt, string RecordedBy, DateTime RecordedAt);

/// <summary>A budget line: its amount, what was accepted against it, what awaits review, and the execution rate (accepted ÷ amount).</summary>
public sealed record BudgetLineDto(string Item, long AmountFen, long AcceptedFen, long PendingFen, double ExecutionRate);

/// <summary>An audit-log entry behind the money trail.</summary>
public sealed record TrailEntryDto(long Sequence, DateTime Time, string? UserName, string EntityType, string EntityKey, string Action, string Changes);

/// <summary>The whole money trail of a contract: budget and its execution, payments by phase, expenditures with their reviews, and the audit-log entries behind them.</summary>
public sealed record MoneyTrailDto(Guid ContractId, string Title, long AmountFen, IReadOnlyList<BudgetLineDto> Budget, IReadOnlyList<PhaseDto> Phases,
    IReadOnlyList<ExpenditureDto> Expenditures, IReadOnlyList<TrailEntryDto> AuditEntries);

/// <summary>
/// Expenditures against the awarded budget: the provider records them with receipts (pdf, jpg, png; 10 MB at most),
/// anomalies are flagged (no receipt, above its line, outside the contract period, the same receipt twice), the
/// auditor (or the purchaser) accepts, queries or rejects them; the money trail puts budget, payments, expenditures
/// and the audit log side by side and exports as CSV.
/// </summary>
internal sealed class ExpenditureHandlers(AppDbContext db, CurrentActor actor, ContractAccess access, PaymentHandlers payments, FileStore files, TimeProvider clock)
{
    public const long MaxReceiptBytes = 10 * 1024 * 1024;

    private static readonly Dictionary<string, string> ReceiptTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
    };

    public async Task<ExpenditureDto> RecordAsync(Guid contractId, RecordExpenditure request, string? fileName, Stream? receipt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contract = await access.VisibleAsync(contractId, ct);
        if (!actor.HasRoleIn(Roles.Provider, contract.ProviderOrganizationId))
        {
            throw DomainException.Forbidden("Expenditure.ProviderOnly");
        }

        if (contract.IsClosed)
        {
            throw DomainException.Conflict("Expenditure.ContractClosed");
        }

        if (request.AmountFen <= 0)
        {
            throw new DomainException("Expenditure.Amount", ErrorKind.Validation, "amountFen");
        }

        var line = contract.BudgetLines.FirstOrDefault(l => l.Item == request.BudgetLine)
            ?? throw new DomainException("Expenditure.Line", ErrorKind.Validation, "budgetLine", string.Join("、", contract.BudgetLines.Select(l => l.Item)));
        if (string.IsNullOrWhiteSpace(request.Description) || request.Description.Length > Expenditure.MaxText)
        {
            throw new DomainException("Expenditure.Description", ErrorKind.Validation, "description");
        }

        Receipt? stored = null;
        if (receipt is not null)
        {
            var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
            if (name.Length is 0 or > 200 || !ReceiptTypes.TryGetValue(Path.GetExtension(name), out var type))
            {
                throw new DomainException("Expenditure.ReceiptType", ErrorKind.Validation, "receipt");
            }

            var saved = await files.SaveAsync(receipt, MaxReceiptBytes, ct) ?? throw new DomainException("Expenditure.ReceiptSize", ErrorKind.Validation, "receipt");
            await using (var content = files.Open(saved.StoredName))
            {
                stored = new Receipt(name, type, saved.StoredName, saved.Size, Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct)));
            }
        }

        try
        {
            var spent = await db.Set<Expenditure>().Where(x => x.ContractId == contractId && x.BudgetLine == line.Item && x.Status != ExpenditureStatus.Rejected)
                .SumAsync(x => x.AmountFen, ct);
            var seen = stored is not null && await db.Set<Expenditure>().AnyAsync(x => x.Receipt!.Sha256 == stored.Sha256, ct);
            var flags = ExpenditureChecks.Flags(request.AmountFen, request.SpentOn, stored is not null, line.AmountFen, spent, contract.StartDate, contract.EndDate, seen);
            var expenditure = new Expenditure(contractId, line.Item, request.AmountFen, request.SpentOn, request.Description, stored, flags, actor.UserName ?? "provider", Now);
            db.Add(expenditure);
            await db.SaveChangesAsync(ct);
            return ToDto(expenditure);
        }
        catch
        {
            if (stored is not null)
            {
                files.Delete(stored.StoredName);
            }

            throw;
        }
    }

    public async Task<ExpenditureDto> ReviewAsync(Guid id, ReviewExpenditure request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var expenditure = await db.Set<Expenditure>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound("Expenditure.NotFound");
        var contract = await access.VisibleAsync(expenditure.ContractId, ct);
        if (!actor.IsInRole(Roles.Auditor) && !actor.IsPlatformAdmin && !actor.HasRoleIn(Roles.Purchaser, contract.PurchaserOrganizationId))
        {
            throw DomainException.Forbidden("Expenditure.AuditorOnly");
        }

        expenditure.Review(request.Decision, request.Note, actor.UserName ?? "auditor", Now);
        await db.SaveChangesAsync(ct);
        return ToDto(expenditure);
    }

    public async Task<(Receipt Receipt, Stream Content)> OpenReceiptAsync(Guid id, CancellationToken ct)
    {
        var expenditure = await db.Set<Expenditure>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound("Expenditure.NotFound");
        await access.VisibleAsync(expenditure.ContractId, ct);
        var receipt = expenditure.Receipt ?? throw DomainException.NotFound("Expenditure.NoReceipt");
        return (receipt, files.Open(receipt.StoredName));
    }

    public async Task<MoneyTrailDto> TrailAsync(Guid contractId, CancellationToken ct)
    {
        var contract = await access.VisibleAsync(contractId, ct);
        var rows = await db.Set<Expenditure>().AsNoTracking().Where(x => x.ContractId == contractId).OrderBy(x => x.SpentOn).ThenBy(x => x.RecordedAt).ToListAsync(ct);
        var budget = contract.BudgetLines.Select(l =>
        {
            var accepted = rows.Where(x => x.BudgetLine == l.Item && x.Status == ExpenditureStatus.Accepted).Sum(x => x.AmountFen);
            var pending = rows.Where(x => x.BudgetLine == l.Item && x.Status is ExpenditureStatus.Recorded or ExpenditureStatus.Queried).Sum(x => x.AmountFen);
            return new BudgetLineDto(l.Item, l.AmountFen, accepted, pending, l.AmountFen == 0 ? 0 : Math.Round((double)accepted / l.AmountFen, 4));
        }).ToList();
        var phases = await payments.PhasesAsync(contractId, ct);
        var keys = rows.Select(x => x.Id.ToString()).ToList();
        keys.AddRange(await db.Set<Payment>().AsNoTracking().Where(p => p.ContractId == contractId).Select(p => p.Id.ToString()).ToListAsync(ct));
        keys.AddRange(await db.Set<PerformanceEvaluation>().AsNoTracking().Where(e => e.ContractId == contractId).Select(e => e.Id.ToString()).ToListAsync(ct));
        var entries = await db.AuditEntries.AsNoTracking().Where(a => keys.Contains(a.EntityKey)).OrderByDescending(a => a.Sequence).Take(500)
            .Select(a => new TrailEntryDto(a.Sequence, a.Time, a.UserName, a.EntityType, a.EntityKey, a.Action, a.Changes)).ToListAsync(ct);
        return new MoneyTrailDto(contract.Id, contract.Title, contract.AmountFen, budget, phases, rows.Select(ToDto).ToList(), entries);
    }

    /// <summary>The money trail as one CSV table (UTF-8 with BOM, so Excel reads the Chinese): budget lines, payments, expenditures.</summary>
    public async Task<byte[]> TrailCsvAsync(Guid contractId, CancellationToken ct)
    {
        var trail = await TrailAsync(contractId, ct);
        using var stream = new MemoryStream();
        await using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        await using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var h in new[] { "kind", "date", "item", "amountYuan", "status", "reference", "note", "flags" })
            {
                csv.WriteField(h);
            }

            await csv.NextRecordAsync();
            async Task Row(string kind, DateOnly? date, string item, long fen, string status, string? reference, string? note, string flags)
            {
                foreach (var f in new[] { kind, date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", item, (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture), status, reference ?? "", note ?? "", flags })
                {
                    csv.WriteField(f);
                }

                await csv.NextRecordAsync();
            }

            foreach (var b in trail.Budget)
            {
                await Row("budget", null, b.Item, b.AmountFen, $"executed {b.ExecutionRate:P1}", null, null, "");
            }

            foreach (var p in trail.Phases.Where(p => p.PaymentStatus is not null))
            {
                await Row("payment", p.PaidOn, p.Name, p.AmountFen ?? 0, p.PaymentStatus!.Value.ToString(), p.Reference, p.Score is { } s ? $"score {s:0.##}" : null, "");
            }

            foreach (var x in trail.Expenditures)
            {
                await Row("expenditure", x.SpentOn, x.BudgetLine, x.AmountFen, x.Status.ToString(), x.ReceiptName, x.ReviewNote ?? x.Description, string.Join(" ", x.Flags));
            }
        }

        return stream.ToArray();
    }


    private static ExpenditureDto ToDto(Expenditure x) =>
        new(x.Id, x.ContractId, x.BudgetLine, x.AmountFen, x.SpentOn, x.Description, x.Receipt?.FileName, x.Receipt?.Sha256, x.Flags, x.Status, x.ReviewNote, x.ReviewedBy, x.ReviewedAt,
            x.RecordedBy, x.RecordedAt);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
