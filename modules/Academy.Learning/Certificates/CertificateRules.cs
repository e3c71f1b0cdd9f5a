using Academy.Learning.Data;
using Academy.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Academy.Learning.Certificates;

/// The one place certificates are issued and withdrawn. A completion statement earns at most one certificate,
/// and an enrolment has at most one live (not withdrawn) certificate: a second completion statement in the same
/// enrolment earns nothing more, and a recertification (a new enrolment, issue 11) earns a new one. The database
/// keeps both rules too (unique indexes), so two nodes projecting at once cannot issue twice.
public sealed class CertificateRules(LearningDbContext db, IStaffDirectory staff, TimeProvider clock, ILogger<CertificateRules> logger)
    : ICourseCompletionListener
{
    public async Task CompletedAsync(int enrolmentId, Guid completionStatementId, DateTimeOffset completedAt, CancellationToken cancellationToken = default)
    {
        if (await AlreadyEarnedAsync(enrolmentId, completionStatementId, cancellationToken)) return;

        var enrolment = await db.Enrolments.AsNoTracking().Include(e => e.Course).SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken)
            ?? throw new InvalidOperationException($"There is no enrolment {enrolmentId} to issue a certificate for.");
        var name = await staff.DisplayNameAsync(enrolment.UserId, cancellationToken);
        if (string.IsNullOrEmpty(name))
            logger.LogWarning("Enrolment {EnrolmentId}: the learner's account has no name; the certificate names nobody", enrolmentId);

        var certificate = new Certificate
        {
            EnrolmentId = enrolmentId,
            Code = CertificateCode.New(),
            IssuedAt = completedAt,
            ValidUntil = enrolment.Course.ValidityMonths > 0 ? completedAt.AddMonths(enrolment.Course.ValidityMonths) : null,
            CompletionStatementId = completionStatementId,
            LearnerName = name ?? "",
            CourseTitle = enrolment.Course.Title,
        };
        db.Certificates.Add(certificate);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node issued it between our check and our insert (or, once in 2^60, the code was taken):
            // the context is shared with the projection, so leave nothing of ours tracked in it.
            db.Entry(certificate).State = EntityState.Detached;
            if (await AlreadyEarnedAsync(enrolmentId, completionStatementId, cancellationToken)) return;
            throw;
        }
        logger.LogInformation("Certificate {Code} issued for enrolment {EnrolmentId} (statement {StatementId})", certificate.Code, enrolmentId, completionStatementId);
    }

    public async Task CompletionWithdrawnAsync(int enrolmentId, Guid completionStatementId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var withdrawn = await db.Certificates
            .Where(c => c.EnrolmentId == enrolmentId && c.CompletionStatementId == completionStatementId && c.WithdrawnAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.WithdrawnAt, now), cancellationToken);
        if (withdrawn > 0)
            logger.LogInformation("Certificate for enrolment {EnrolmentId} withdrawn: statement {StatementId} was voided", enrolmentId, completionStatementId);
    }

    /// This completion already earned a certificate (live or withdrawn: a voided statement stays voided),
    /// or the enrolment holds a live one from an earlier completion.
    private Task<bool> AlreadyEarnedAsync(int enrolmentId, Guid completionStatementId, CancellationToken cancellationToken) =>
        db.Certificates.AnyAsync(c => c.CompletionStatementId == completionStatementId || (c.EnrolmentId == enrolmentId && c.WithdrawnAt == null), cancellationToken);
}
