using Academy.Exemplars.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Funding;

/// A participation's money rules, in one place for its pages, the API, recipes and claim decisions: no allocation
/// above its programme's cap nor below the claims already approved, instalments and approved claims within the allocation, and
/// national spend within the allocation. Each answers the problem in words (null: none), for a field or a recipe error.
public static class FundingRules
{
    /// approvedClaims: what has been approved against the participation already (0 for a new one).
    public static string? AllocationProblem(Programme programme, decimal allocation, decimal approvedClaims = 0) =>
        allocation > programme.CapPerTrust ? $"The allocation must be no more than the cap for the programme, {Format.Money(programme.CapPerTrust)}"
        : allocation < approvedClaims ? $"The allocation cannot be less than the claims already approved, {Format.Money(approvedClaims)}"
        : null;

    /// A global exemplar names its international partner when a person records the participation. A recipe may
    /// leave it out where its source does not name it, and the trust page says so.
    public static string? PartnerProblem(Programme programme, string? partner) =>
        programme.PartnerRequired && string.IsNullOrWhiteSpace(partner) ? "Enter the international partner organisation" : null;

    /// The instalments planned for a participation add up to no more than its allocation. planned: those planned already.
    public static string? InstalmentProblem(Participation participation, decimal planned, decimal amount) =>
        planned + amount > participation.Allocation
            ? $"Instalments cannot add up to more than the allocation of {Format.Money(participation.Allocation)} ({Format.Money(planned)} planned already)"
            : null;

    public static decimal LeftToClaim(Participation participation) => participation.Allocation - participation.ApprovedClaimsTotal;

    /// A claim asks for no more than the allocation left once approved claims are taken off.
    public static string? ClaimProblem(Participation participation, decimal amount) =>
        amount > LeftToClaim(participation) ? $"The amount must be no more than the allocation left to claim, {Format.Money(LeftToClaim(participation))}" : null;

    /// Approving the claim keeps approved claims within the allocation (checked again at each decision: see ClaimDecisions).
    public static bool ApprovalFits(Participation participation, decimal amount) => amount <= LeftToClaim(participation);

    /// The national funding a return reports, with every other period's, stays within the allocation.
    public static async Task<string?> NationalSpendProblemAsync(ExemplarsDbContext db, ProgressReturn r, decimal spent, CancellationToken cancellationToken)
    {
        var otherPeriods = await db.Returns.Where(x => x.ParticipationId == r.ParticipationId && x.Id != r.Id).SumAsync(x => x.NationalSpend, cancellationToken);
        return otherPeriods + spent > r.Participation.Allocation
            ? $"National spend cannot take the total past the allocation of {Format.Money(r.Participation.Allocation)} ({Format.Money(otherPeriods)} reported in other periods)"
            : null;
    }
}
