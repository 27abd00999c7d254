using CoCare.Data;
using CoCare.Evaluation.Domain;
using CoCare.Kernel;
using Microsoft.EntityFrameworkCore;

namespace CoCare.Evaluation.Features.Payments;

public sealed record RecordPayment(DateOnly PaidOn, string? Reference);

/// <summary>
/// A payment phase as the purchaser sees it: its share, the evaluation it waits for (status, total, grade), the amount
/// the rule gives once that evaluation is confirmed, and the payment (approved or paid).
/// </summary>
public sealed record PhaseDto(int Number, string Name, long ShareFen, bool AfterEvaluation, int? EvaluationNumber, Guid? EvaluationId, EvaluationStatus? EvaluationStatus,
    decimal? Score, Grade? Grade, int FullShareAtScore, int ZeroBelowScore, long? PayableFen, PaymentStatus? PaymentStatus, long? AmountFen, DateOnly? PaidOn, string? Reference);

/// <summary>
/// Phased payment (分期拨付): the purchaser approves a phase's payment at the amount the rule gives — after an
/// evaluation only once the purchaser has confirmed it — and records the transfer once, with its date and reference.
/// </summary>
internal sealed class PaymentHandlers(AppDbContext db, CurrentActor actor, ContractAccess access, TimeProvider clock)
{
    public async Task<IReadOnlyList<PhaseDto>> PhasesAsync(Guid contractId, CancellationToken ct)
    {
        var contract = await access.VisibleAsync(contractId, ct);
        var evaluations = await db.Set<PerformanceEvaluation>().AsNoTracking().Where(e => e.ContractId == contractId).ToListAsync(ct);
        var payments = await db.Set<Payment>().AsNoTracking().Where(p => p.ContractId == contractId).ToListAsync(ct);
        return contract.Phases.Select(phase =>
        {
            var evaluation = phase.AfterEvaluation ? evaluations.FirstOrDefault(e => e.Number == phase.EvaluationNumber) : null;
            var payment = payments.FirstOrDefault(p => p.PhaseNumber == phase.Number);
            long? payable = phase.AfterEvaluation
                ? evaluation is { Status: EvaluationStatus.Confirmed, Total: { } total } ? PaymentRule.Payable(contract.AmountFen, phase, total) : null
                : contract.DateSigned is not null ? PaymentRule.Payable(contract.AmountFen, phase, null) : null;
            return new PhaseDto(phase.Number, phase.Name, PaymentRule.Share(contract.AmountFen, phase), phase.AfterEvaluation, phase.EvaluationNumber, evaluation?.Id,
                evaluation?.Status, evaluation?.Total, evaluation?.Grade, phase.FullShareAtScore, phase.ZeroBelowScore, payable, payment?.Status, payment?.AmountFen,
                payment?.PaidOn, payment?.Reference);
        }).ToList();
    }

    public async Task<PhaseDto> ApproveAsync(Guid contractId, int phaseNumber, CancellationToken ct)
    {
        var contract = await PurchaserContractAsync(contractId, ct);
        var phase = contract.Phases.FirstOrDefault(p => p.Number == phaseNumber) ?? throw DomainException.NotFound("Payment.Phase");
        if (await db.Set<Payment>().AnyAsync(p => p.ContractId == contractId && p.PhaseNumber == phaseNumber, ct))
        {
            throw DomainException.Conflict("Payment.Exists", null, phase.Name);
        }

        PerformanceEvaluation? evaluation = null;
        if (phase.AfterEvaluation)
        {
            evaluation = await db.Set<PerformanceEvaluation>().AsNoTracking().FirstOrDefaultAsync(e => e.ContractId == contractId && e.Number == phase.EvaluationNumber, ct);
            if (evaluation is not { Status: EvaluationStatus.Confirmed })
            {
                throw DomainException.Conflict("Payment.NotConfirmed", null, phase.Name);
            }
        }
        else if (contract.DateSigned is null)
        {
            throw DomainException.Conflict("Payment.NotSigned");
        }

        if (contract.Status == "Terminated")
        {
            throw DomainException.Conflict("Payment.ContractEnded");
        }

        var payment = new Payment(contractId, phase.Number, phase.Name, evaluation?.Id, evaluation?.Total, PaymentRule.Share(contract.AmountFen, phase),
            PaymentRule.Payable(contract.AmountFen, phase, evaluation?.Total), actor.UserName ?? "purchaser", Now);
        db.Add(payment);
        await db.SaveChangesAsync(ct);
        return (await PhasesAsync(contractId, ct)).Single(p => p.Number == phaseNumber);
    }

    /// <summary>Records the transfer; the same date and reference again change nothing, a different one is refused (409).</summary>
    public async Task<PhaseDto> RecordAsync(Guid contractId, int phaseNumber, RecordPayment request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await PurchaserContractAsync(contractId, ct);
        var payment = await db.Set<Payment>().FirstOrDefaultAsync(p => p.ContractId == contractId && p.PhaseNumber == phaseNumber, ct)
            ?? throw DomainException.Conflict("Payment.NotApproved");
        if (payment.RecordPaid(request.PaidOn, request.Reference, actor.UserName ?? "purchaser", Now, ChinaTime.Day(Now)))
        {
            await db.SaveChangesAsync(ct);
        }

        return (await PhasesAsync(contractId, ct)).Single(p => p.Number == phaseNumber);
    }


    private async Task<ContractFacts> PurchaserContractAsync(Guid contractId, CancellationToken ct)
    {
        var contract = await access.VisibleAsync(contractId, ct);
        return actor.IsPlatformAdmin || actor.HasRoleIn(Roles.Purchaser, contract.PurchaserOrganizationId) ? contract : throw DomainException.Forbidden("Payment.PurchaserOnly");
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

/// <summary><see cref="IContractMoney"/> for Procurement (the contract page and the OCDS export): payments made and milestones reached.</summary>
internal sealed class ContractMoneySource(AppDbContext db) : IContractMoney
{
    public async Task<IReadOnlyList<PaymentFacts>> PaymentsAsync(Guid contractId, CancellationToken ct) =>
        await db.Set<Payment>().AsNoTracking().Where(p => p.ContractId == contractId && p.Status == PaymentStatus.Paid).OrderBy(p => p.PhaseNumber)
            .Select(p => new PaymentFacts(p.Id, p.PhaseNumber, p.PhaseName, p.AmountFen, p.PaidOn!.Value, p.Reference!)).ToListAsync(ct);

    public async Task<IReadOnlyList<EvaluationResultFacts>> ResultsAsync(Guid contractId, CancellationToken ct) =>
        [.. (await db.Set<PerformanceEvaluation>().AsNoTracking().Where(e => e.ContractId == contractId && e.Status == EvaluationStatus.Confirmed).OrderBy(e => e.Number)
            .ToListAsync(ct)).Select(e => new EvaluationResultFacts(e.Number, e.Name, (double)e.Total!.Value, e.Grade!.Value.ToString(), DateOnly.FromDateTime(e.ConfirmedAt!.Value)))];

    public async Task<IReadOnlyList<MilestoneFacts>> MilestonesAsync(Guid contractId, CancellationToken ct)
    {
        var evaluations = await db.Set<PerformanceEvaluation>().AsNoTracking().Where(e => e.ContractId == contractId && e.Status == EvaluationStatus.Confirmed).ToListAsync(ct);
        var payments = await db.Set<Payment>().AsNoTracking().Where(p => p.ContractId == contractId && p.Status == PaymentStatus.Paid).ToListAsync(ct);
        return evaluations.Select(e => new MilestoneFacts("assessment", e.Number, "met", DateOnly.FromDateTime(e.ConfirmedAt!.Value), $"{e.Total:0.##} ({e.Grade})"))
            .Concat(payments.Select(p => new MilestoneFacts("payment", p.PhaseNumber, PaymentRule.MilestoneStatus(p.AmountFen, p.ShareFen), p.PaidOn,
                p.Score is { } s ? $"{p.AmountFen / 100m:0.00} / {p.ShareFen / 100m:0.00} (score {s:0.##})" : null)))
            .ToList();
    }
}
