using Academy.Learning.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Certificates;

/// How pages find certificates: by a typed or scanned code (anyone), or a learner's own.
public static class CertificateQueries
{
    /// The certificate a code names, whoever holds it; null when the input is not a code or no certificate has it.
    public static async Task<Certificate?> FindByCodeAsync(this LearningDbContext db, string? input, CancellationToken cancellationToken) =>
        CertificateCode.TryNormalise(input, out var code)
            ? await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code, cancellationToken)
            : null;

    /// The certificate a code names when <paramref name="userId"/> earned it; null otherwise (another learner's is
    /// not found either, so its code is not confirmed to exist).
    public static async Task<Certificate?> FindLearnersAsync(this LearningDbContext db, string? input, string? userId, CancellationToken cancellationToken) =>
        CertificateCode.TryNormalise(input, out var code) && !string.IsNullOrEmpty(userId)
            ? await db.Certificates.AsNoTracking().Where(c => c.Code == code && c.Enrolment.UserId == userId).SingleOrDefaultAsync(cancellationToken)
            : null;

    /// A learner's certificates, newest first, withdrawn ones included (with their date).
    public static Task<List<Certificate>> ForLearnerAsync(this LearningDbContext db, string userId, CancellationToken cancellationToken) =>
        db.Certificates.AsNoTracking().Where(c => c.Enrolment.UserId == userId)
            .OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);
}
