namespace Academy.Learning.Certificates;

/// What the progress projection tells when an enrolment's completion changes, so that what a completion
/// earns (a certificate now; a recertification date later) follows the statements without the projection
/// knowing about it. Registered scoped; the certificates module implements it and saves its own changes.
///
/// The projection calls these after it has saved its progress row, for the live feed and for a rebuild
/// alike, so every call must be safe to repeat: calling <see cref="CompletedAsync"/> twice for the same
/// completion statement issues one certificate. When the completion that stood is voided, the projection
/// calls <see cref="CompletionWithdrawnAsync"/> for it first, then <see cref="CompletedAsync"/> again if
/// another (unvoided) completion statement still completes the enrolment.
public interface ICourseCompletionListener
{
    /// The enrolment became complete through <paramref name="completionStatementId"/> (the statement's
    /// id in the LRS), at <paramref name="completedAt"/> (the statement's timestamp).
    Task CompletedAsync(int enrolmentId, Guid completionStatementId, DateTimeOffset completedAt, CancellationToken cancellationToken = default);

    /// The completion statement was voided: what it earned no longer stands.
    Task CompletionWithdrawnAsync(int enrolmentId, Guid completionStatementId, CancellationToken cancellationToken = default);
}
