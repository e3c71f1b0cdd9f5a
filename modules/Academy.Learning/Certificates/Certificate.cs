using System.Globalization;
using Academy.Learning.Enrolments;

namespace Academy.Learning.Certificates;

public enum CertificateStatus { Valid, Expired, Withdrawn }

/// Proof that a person completed a course: earned by one completion statement of one enrolment, found by its
/// <see cref="Code"/>. The learner's name and the course's title are kept as they were at issue, so the
/// certificate keeps saying what it said when the course is renamed later. Issued and withdrawn only by
/// <see cref="CertificateRules"/>.
public sealed class Certificate
{
    public int Id { get; set; }
    public int EnrolmentId { get; set; }
    public Enrolment Enrolment { get; set; } = default!;
    /// 12 Crockford base32 characters, stored without hyphens (see <see cref="CertificateCode"/>).
    public string Code { get; set; } = "";
    /// When the course was completed (the completion statement's time), not when this row was written.
    public DateTimeOffset IssuedAt { get; set; }
    /// IssuedAt plus the course's validity period; null when the course never expires.
    public DateTimeOffset? ValidUntil { get; set; }
    /// When the completion that earned it was voided.
    public DateTimeOffset? WithdrawnAt { get; set; }
    /// The LRS's id of the statement that completed the course.
    public Guid CompletionStatementId { get; set; }
    public string LearnerName { get; set; } = "";
    public string CourseTitle { get; set; } = "";

    public CertificateStatus StatusAt(DateTimeOffset now) =>
        WithdrawnAt is not null ? CertificateStatus.Withdrawn
        : ValidUntil is { } until && until <= now ? CertificateStatus.Expired
        : CertificateStatus.Valid;

    /// "Valid until" as every page and the PDF word it.
    public string ValidUntilText => ValidUntil is { } until ? DisplayDate(until) : "Does not expire";

    public static string StatusText(CertificateStatus status) => status switch
    {
        CertificateStatus.Withdrawn => "Withdrawn",
        CertificateStatus.Expired => "Expired",
        _ => "Valid",
    };

    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// A certificate's dates as people in the UK read them: "1 December 2026", on UK time.
    public static string DisplayDate(DateTimeOffset when) =>
        TimeZoneInfo.ConvertTime(when, UkTime).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
