using Academy.Exemplars.Data;

namespace Academy.Exemplars.Funding;

/// A participation's money at a glance: allocated, released (upfront plus instalments whose
/// milestone is achieved), claimed (approved claims), awaiting decision, spent (national and local).
public sealed record FundingSummary(decimal Allocation, decimal LocalMatchedFunding, decimal Released, decimal Claimed, decimal AwaitingDecision, decimal NationalSpent, decimal LocalSpent)
{
    public static FundingSummary Of(Participation p, IEnumerable<Instalment> instalments, IEnumerable<Claim> claims, IEnumerable<ProgressReturn> returns)
    {
        var released = instalments.Where(i => i.MilestoneId is null || i.Milestone?.Status == MilestoneStatus.Achieved).Sum(i => i.Amount);
        var claimList = claims.ToList();
        var returnList = returns.ToList();
        return new FundingSummary(p.Allocation, p.LocalMatchedFunding, released,
            claimList.Where(c => c.Status == ClaimStatus.Approved).Sum(c => c.Amount),
            claimList.Where(c => c.Status == ClaimStatus.Submitted).Sum(c => c.Amount),
            returnList.Sum(r => r.NationalSpend), returnList.Sum(r => r.LocalSpend));
    }
}
