using Academy.Exemplars.Data;
using Academy.Modules;
using Academy.Notifications;
using Academy.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Academy.Exemplars.Returns;

/// The emails a return's workflow sends, one to each person, addressed to them by name: a submission to every
/// national reviewer, a decision to every trust lead of the return's trust. Scoped: it reads the staff directory.
public sealed class ReturnNotices(IStaffDirectory staff, ISiteLinks links, IConfiguration configuration, ILogger<ReturnNotices> logger)
{
    /// The national team's shared mailbox, used only while no account holds the national reviewer role
    /// (a fresh site), so that a submission still reaches someone.
    public string? ReviewersMailbox => configuration["Academy:Exemplars:ReviewersEmail"] is { Length: > 0 } to ? to : null;

    public async Task<IReadOnlyList<EmailMessage>> SubmittedAsync(ProgressReturn r, CancellationToken cancellationToken)
    {
        var subject = $"Return submitted: {r.Participation.Trust.Name}, {Format.Date(r.PeriodStart)} to {Format.Date(r.PeriodEnd)}";
        var body = $"{r.Participation.Trust.Name} has submitted its {r.Participation.Programme.Name} return for {Format.Date(r.PeriodStart)} to {Format.Date(r.PeriodEnd)}.\n\nReview it: {links.ToPage("/Returns/Review", "Exemplars", new { id = r.Id })}\n";
        var reviewers = await staff.InRoleAsync(Roles.NationalReviewer, trustOdsCode: null, cancellationToken);
        if (reviewers.Count > 0) return reviewers.Select(p => new EmailMessage(p.Email, subject, $"Dear {p.DisplayName},\n\n{body}")).ToList();
        if (ReviewersMailbox is { } mailbox) return [new EmailMessage(mailbox, subject, body)];
        logger.LogWarning("Return {ReturnId} was submitted, but no one is a national reviewer and Academy:Exemplars:ReviewersEmail is not set: no one was told", r.Id);
        return [];
    }

    /// The trust's leads as they are now. Whoever submitted the return is told only while they still lead the
    /// trust: someone who has left the role no longer sees the return, so is not sent the reviewer's comments.
    public async Task<IReadOnlyList<EmailMessage>> DecidedAsync(ProgressReturn r, CancellationToken cancellationToken)
    {
        var period = $"{Format.Date(r.PeriodStart)} to {Format.Date(r.PeriodEnd)}";
        var subject = r.Status == ReturnStatus.Approved ? $"Return approved: {period}" : $"Return needs changes: {period}";
        var body = (r.Status == ReturnStatus.Approved
                ? $"{r.Participation.Trust.Name}'s return for {period} has been approved."
                : $"{r.Participation.Trust.Name}'s return for {period} has been returned for changes.")
            + (string.IsNullOrWhiteSpace(r.ReviewerComment) ? "" : $"\n\nThe reviewer's comments:\n{r.ReviewerComment}")
            + $"\n\nOpen it: {links.ToPage("/Returns/Return", "Exemplars", new { id = r.Id })}\n";
        var leads = await staff.InRoleAsync(Roles.TrustLead, r.Participation.Trust.OdsCode, cancellationToken);
        if (leads.Count == 0)
            logger.LogWarning("Return {ReturnId} was decided, but trust {OdsCode} has no trust lead to tell", r.Id, r.Participation.Trust.OdsCode);
        return leads.Select(p => new EmailMessage(p.Email, subject, $"Dear {p.DisplayName},\n\n{body}")).ToList();
    }
}
