using Academy.Exemplars.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Funding;

public enum ClaimOutcome { Decided, AlreadyDecided, OverAllocation, NotFound }

/// Approving or rejecting a drawdown claim. Each decision bumps the participation's concurrency token
/// in the same transaction as the claim, so two reviewers deciding at the same moment cannot both
/// pass the allocation: the second save finds the token changed, and the decision is re-checked
/// against fresh figures. A conditional UPDATE on a version column works alike on SQLite and SQL Server.
public sealed class ClaimDecisions(ExemplarsDbContext db, TimeProvider clock)
{
    public async Task<ClaimOutcome> DecideAsync(int claimId, bool approve, string reviewer, string comment, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            db.ChangeTracker.Clear();
            var claim = await db.Claims.Include(c => c.Participation).SingleOrDefaultAsync(c => c.Id == claimId, cancellationToken);
            if (claim is null) return ClaimOutcome.NotFound;
            if (claim.Status != ClaimStatus.Submitted) return ClaimOutcome.AlreadyDecided;
            var participation = claim.Participation;
            if (approve && !FundingRules.ApprovalFits(participation, claim.Amount)) return ClaimOutcome.OverAllocation;

            claim.Status = approve ? ClaimStatus.Approved : ClaimStatus.Rejected;
            claim.DecidedBy = reviewer;
            claim.DecidedAt = clock.GetUtcNow();
            claim.DecisionComment = comment;
            if (approve) participation.ApprovedClaimsTotal += claim.Amount;
            participation.Version++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return ClaimOutcome.Decided;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another decision on this participation was saved first: read again and re-check.
                await Task.Delay(Random.Shared.Next(5, 50), cancellationToken);
            }
        }
        throw new InvalidOperationException($"Claim {claimId}: the participation kept changing; try again.");
    }
}
