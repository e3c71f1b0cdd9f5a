namespace Academy.Xapi.Contracts;

/// The LRS's statements for the modules that derive something from them (Learning's progress
/// projection): a feed in commit order with a cursor, and the statements of one learner's course to
/// recompute it from scratch. Registered by the Xapi module; scoped.
public interface IStatementFeed
{
    /// The statements stored after <paramref name="after"/> (0 for the first), in commit order, at most
    /// <paramref name="max"/> (1..5000). Pass the last <see cref="FeedStatement.Position"/> read to go on.
    /// Voiding statements appear like any other (with <see cref="FeedStatement.Voids"/>); a statement
    /// that is voided later stays in the feed where it was stored.
    Task<IReadOnlyList<FeedStatement>> ReadAsync(long after, int max, CancellationToken cancellationToken = default);

    /// The position of the latest stored statement (0 when there is none): where a new projection that
    /// rebuilds from <see cref="ForRegistrationAsync"/> starts following the feed.
    Task<long> LatestPositionAsync(CancellationToken cancellationToken = default);

    /// Every statement of one registration (context.registration) that is neither voided nor a voiding
    /// statement, in commit order: what recomputing one learner's course from scratch needs.
    Task<IReadOnlyList<FeedStatement>> ForRegistrationAsync(Guid registration, CancellationToken cancellationToken = default);

    /// Every statement whose actor is <paramref name="actor"/> about <paramref name="activityId"/> (as
    /// the object or any context activity), neither voided nor voiding, in commit order: for content
    /// that sends statements without the registration.
    Task<IReadOnlyList<FeedStatement>> ForActorAndActivityAsync(XapiAgent actor, string activityId, CancellationToken cancellationToken = default);

    /// Returns true as soon as this node has committed a statement past <paramref name="after"/> (at once
    /// when it already has), false after <paramref name="timeout"/>. An in-process wake-up only: another
    /// web node's statements are found by reading the feed, so a consumer polls <see cref="ReadAsync"/>
    /// each time this returns, whatever it returns.
    Task<bool> WaitForStatementsAsync(long after, TimeSpan timeout, CancellationToken cancellationToken = default);
}

/// One stored statement, with what a progress projection reads parsed out, and the stored JSON
/// (with the LRS's id, stored, timestamp, authority and version) in <see cref="Json"/>.
public sealed record FeedStatement
{
    /// The feed's cursor: rises in commit order.
    public required long Position { get; init; }
    public required Guid Id { get; init; }
    /// The actor's identifier; null for an anonymous group.
    public required XapiAgent? Actor { get; init; }
    public required string VerbId { get; init; }
    /// "Activity", "Agent", "Group", "StatementRef" or "SubStatement".
    public required string ObjectType { get; init; }
    /// The object's id when the object is an activity.
    public string? ActivityId { get; init; }
    /// The target when the object is a StatementRef (for a voiding statement, the voided statement).
    public Guid? StatementRefId { get; init; }
    /// For a voiding statement (verb http://adlnet.gov/expapi/verbs/voided): the statement it voids.
    public Guid? Voids { get; init; }
    public Guid? Registration { get; init; }
    public IReadOnlyList<string> ParentIds { get; init; } = [];
    public IReadOnlyList<string> GroupingIds { get; init; } = [];
    public IReadOnlyList<string> CategoryIds { get; init; } = [];
    public double? ScoreScaled { get; init; }
    public double? ScoreRaw { get; init; }
    public double? ScoreMin { get; init; }
    public double? ScoreMax { get; init; }
    public bool? Success { get; init; }
    public bool? Completion { get; init; }
    /// result.duration; null when absent or when it uses years or months (no fixed length).
    public TimeSpan? Duration { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public required DateTimeOffset Stored { get; init; }
    public required string Json { get; init; }
}
