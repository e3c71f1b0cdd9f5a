using System.Security.Claims;
using Academy.Exemplars.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Returns;

/// A return's rules, in one place for its pages, the API and jobs: who may read and change it, when it can be
/// changed, what it needs before it is submitted, and what submitting and deciding do to it.
public static class ReturnRules
{
    /// The return with its participation, trust and programme, or null when it does not exist or the person may not read it.
    public static async Task<ProgressReturn?> FindReadableReturnAsync(this ExemplarsDbContext db, ClaimsPrincipal user, int id, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = db.Returns.Include(r => r.Participation).ThenInclude(p => p.Trust).Include(r => r.Participation).ThenInclude(p => p.Programme).AsQueryable();
        if (!tracked) query = query.AsNoTracking();
        var found = await query.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return found is not null && user.CanRead(found.Participation.Trust) ? found : null;
    }

    /// The return with everything a summary of it shows (milestone updates with their milestones, risks,
    /// measurements with their benefits), or null when it does not exist or the person may not read it.
    public static async Task<ProgressReturn?> FindWholeReturnAsync(this ExemplarsDbContext db, ClaimsPrincipal user, int id, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = db.Returns.Include(r => r.Participation).ThenInclude(p => p.Trust).Include(r => r.Participation).ThenInclude(p => p.Programme)
            .Include(r => r.MilestoneUpdates).ThenInclude(u => u.Milestone).Include(r => r.Risks).Include(r => r.Measurements).ThenInclude(m => m.Benefit)
            .AsSplitQuery();
        if (!tracked) query = query.AsNoTracking();
        var found = await query.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return found is not null && user.CanRead(found.Participation.Trust) ? found : null;
    }

    /// A draft, or a return a reviewer sent back: its trust's lead can change it. Submitted: not until a
    /// reviewer returns it. Approved: never again.
    public static bool IsEditable(this ProgressReturn r) => IsEditable(r.Status);

    public static bool IsEditable(ReturnStatus status) => status is ReturnStatus.Draft or ReturnStatus.Returned;

    /// A period's return the trust still owes: none yet, a draft, or one sent back and not resubmitted (the trust
    /// page offers to start or continue it; the reminder job reminds its leads).
    public static bool IsOutstanding(ReturnStatus? status) => status is not { } s || IsEditable(s);

    /// Submitted and not yet decided: a reviewer may approve it or send it back, and nobody may change it.
    public static bool AwaitsReview(this ProgressReturn r) => r.Status == ReturnStatus.Submitted;

    /// The return a person means to change (tracked), and whether it can still be changed. Null when it does not
    /// exist or is not the person's trust's (a 404, as for any record they may not see). Closed when it is theirs
    /// but has moved on (submitted or approved): the page shows the return and says what happened instead.
    public static async Task<(ProgressReturn? Return, bool Closed)> FindChangeableReturnAsync(this ExemplarsDbContext db, ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        var found = await db.FindReadableReturnAsync(user, id, cancellationToken, tracked: true);
        if (found is null || !user.CanWrite(found.Participation.Trust)) return (null, false);
        return (found, !found.IsEditable());
    }

    /// What the return still needs before it can be submitted, as (field of the change page, message) in the
    /// order the return shows them. Empty: ready.
    public static IReadOnlyList<(string Field, string Message)> MissingForSubmission(ProgressReturn r)
    {
        var missing = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(r.NarrativeMarkdown)) missing.Add(("Form.Narrative", "Add a progress narrative before submitting the return"));
        if (new[] { r.TimeRag, r.BudgetRag, r.ScopeQualityRag, r.RiskRag, r.BenefitsRag }.Any(x => x is null))
            missing.Add(("Form.TimeRag", "Give a RAG rating for time, budget, scope and quality, risk and benefits before submitting the return"));
        if (r.DeliveryConfidence is null) missing.Add(("Form.DeliveryConfidence", "Give an overall delivery confidence before submitting the return"));
        return missing;
    }

    /// Submits a complete return (its milestone updates loaded with their milestones): the updates are applied to
    /// the milestones in the same save. Call MissingForSubmission first.
    public static void Submit(ProgressReturn r, string submittedBy, DateTimeOffset at)
    {
        if (!r.IsEditable() || MissingForSubmission(r).Count > 0) throw new InvalidOperationException($"Return {r.Id} cannot be submitted.");
        foreach (var update in r.MilestoneUpdates)
        {
            update.Milestone.ForecastDate = update.ForecastDate;
            update.Milestone.Status = update.Status;
        }
        r.Status = ReturnStatus.Submitted;
        r.SubmittedBy = submittedBy;
        r.SubmittedAt = at;
    }

    public static void Decide(ProgressReturn r, bool approve, string? comment, string decidedBy, DateTimeOffset at)
    {
        if (!r.AwaitsReview()) throw new InvalidOperationException($"Return {r.Id} is not awaiting review.");
        r.Status = approve ? ReturnStatus.Approved : ReturnStatus.Returned;
        r.ReviewerComment = comment?.Trim() ?? "";
        r.DecidedBy = decidedBy;
        r.DecidedAt = at;
    }

    /// What has happened to a return, in a sentence, for a person who followed a link to a step it has passed
    /// ("This return was approved on 3 May 2027 by Sam Reviewer."). names: email → name.
    public static string WhatHappened(ProgressReturn r, IReadOnlyDictionary<string, string> names)
    {
        string Name(string? email) => email is null ? "someone" : names.TryGetValue(email, out var name) ? name : email;
        return r.Status switch
        {
            ReturnStatus.Approved => $"This return was approved on {Format.Day(r.DecidedAt)} by {Name(r.DecidedBy)}.",
            ReturnStatus.Submitted => $"This return was submitted on {Format.Day(r.SubmittedAt)} by {Name(r.SubmittedBy)} and is waiting for a national reviewer, so it cannot be changed.",
            ReturnStatus.Returned => $"This return was sent back to the trust for changes on {Format.Day(r.DecidedAt)} by {Name(r.DecidedBy)}. It can be reviewed again once the trust resubmits it.",
            _ => "This return has not been submitted yet, so there is nothing to review.",
        };
    }

    /// Every email address a return names (submitter, reviewer), to look the people's names up in one go.
    public static IEnumerable<string> People(ProgressReturn r) => new[] { r.SubmittedBy, r.DecidedBy }.OfType<string>();
}
