using Academy.Exemplars.Data;
using Academy.Exemplars.Tracking;
using Academy.Notifications;
using Microsoft.Extensions.Configuration;

namespace Academy.Exemplars.Pages.Returns;

/// The emails a return's workflow sends. Reviewers are reached through the national team's mailbox
/// (Academy:Exemplars:ReviewersEmail): this module cannot read the accounts module's tables to list them.
public sealed class ReturnNotices(IConfiguration configuration)
{
    public string ReviewersEmail => configuration["Academy:Exemplars:ReviewersEmail"] is { Length: > 0 } to ? to : "exemplar-reviewers@academy.test";

    public EmailMessage Submitted(ProgressReturn r, string baseUrl) => new(ReviewersEmail,
        $"Return submitted: {r.Participation.Trust.Name}, {Format.Date(r.PeriodStart)} to {Format.Date(r.PeriodEnd)}",
        $"{r.Participation.Trust.Name} has submitted its {r.Participation.Programme.Name} return for {Format.Date(r.PeriodStart)} to {Format.Date(r.PeriodEnd)}.\n\nReview it: {baseUrl}/exemplars/returns/{r.Id}/review\n");

    public EmailMessage Decided(ProgressReturn r, string baseUrl) => new(r.SubmittedBy ?? "",
        r.Status == ReturnStatus.Approved
            ? $"Return approved: {Format.Date(r.PeriodStart)} to {Format.Date(r.PeriodEnd)}"
            : $"Return needs changes: {Format.Date(r.PeriodStart)} to {Format.Date(r.PeriodEnd)}",
        (r.Status == ReturnStatus.Approved
            ? $"Your return for {Format.Date(r.PeriodStart)} to {Format.Date(r.PeriodEnd)} has been approved."
            : $"Your return for {Format.Date(r.PeriodStart)} to {Format.Date(r.PeriodEnd)} has been returned for changes.")
        + (string.IsNullOrWhiteSpace(r.ReviewerComment) ? "" : $"\n\nThe reviewer's comments:\n{r.ReviewerComment}")
        + $"\n\nOpen it: {baseUrl}/exemplars/returns/{r.Id}\n");
}
