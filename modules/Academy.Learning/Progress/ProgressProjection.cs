using Academy.Learning.Certificates;
using Academy.Learning.Data;
using Academy.Xapi.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Academy.Learning.Progress;

/// Keeps Learning's progress rows equal to what the LRS's statements say. The live path reads the feed after
/// the cursor and recomputes, from scratch, every enrolment a statement of the batch touches; the rebuild
/// recomputes every enrolment. Both go through <see cref="ProgressRules.Compute"/> and <see cref="SaveAsync"/>,
/// so a rebuilt projection equals the live one by construction.
///
/// Several web nodes may follow the feed at once: each reads and computes outside any transaction, then
/// writes its batch and moves the cursor in one transaction that only succeeds if the cursor's version is
/// still the one it read (otherwise another node got there first and the batch is dropped and re-read).
public sealed class ProgressProjection(
    LearningDbContext db, IStatementFeed feed, LearningActivities activities,
    IEnumerable<ICourseCompletionListener> listeners, Packages.PackageSatisfactions satisfactions, ILogger<ProgressProjection> log)
{
    public const int BatchSize = 5000;

    /// One batch: how many feed statements it applied (0: none waiting; -1: another node applied them first) and the cursor after it.
    public sealed record CatchUp(int Applied, long Position);

    public sealed record RebuildSummary(int Enrolments, int WithProgress, int Complete, long Position);

    public async Task<ProgressCursor> CursorAsync(CancellationToken cancellationToken) =>
        await db.ProgressCursors.AsNoTracking().SingleAsync(c => c.Id == ProgressCursor.SingleId, cancellationToken);

    public async Task<CatchUp> CatchUpAsync(CancellationToken cancellationToken)
    {
        var cursor = await CursorAsync(cancellationToken);
        var batch = await feed.ReadAsync(cursor.Position, BatchSize, cancellationToken);
        if (batch.Count == 0) return new CatchUp(0, cursor.Position);

        var touched = await TouchedAsync(batch, cancellationToken);
        var computed = await ComputeAsync(touched, cancellationToken);
        var voided = batch.Where(s => s.Voids is not null).Select(s => s.Voids!.Value).Distinct().ToList();
        var inBatch = batch.Select(s => s.Id).ToHashSet();

        var position = batch[^1].Position;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await db.ProgressCursors
            .Where(c => c.Id == ProgressCursor.SingleId && c.Version == cursor.Version)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.Position, position).SetProperty(x => x.Version, cursor.Version + 1), cancellationToken);
        if (moved == 0)
        {
            log.LogDebug("Progress batch after {Position} was applied elsewhere first; reading again.", cursor.Position);
            return new CatchUp(-1, cursor.Position);
        }
        if (voided.Count > 0) await db.ProgressStatements.Where(p => voided.Contains(p.StatementId)).ExecuteDeleteAsync(cancellationToken);
        await SaveAsync(computed, counted => counted.Where(inBatch.Contains), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // Package courses: blocks and courses whose units all met moveOn get their satisfied statement (which the next
        // batch then reads, completing the course).
        await satisfactions.EvaluateAsync(computed.Where(c => c.Result is not null).Select(c => c.EnrolmentId).ToList(), cancellationToken);
        return new CatchUp(batch.Count, position);
    }

    /// Recomputes every enrolment from the LRS, then sets the cursor back to where the LRS stood when the
    /// rebuild began (if the live path had gone further), so statements stored meanwhile are applied again
    /// over what the rebuild wrote.
    public async Task<RebuildSummary> RebuildAsync(CancellationToken cancellationToken)
    {
        var latest = await feed.LatestPositionAsync(cancellationToken);
        var ids = await db.Enrolments.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(cancellationToken);
        var (withProgress, complete) = (0, 0);
        foreach (var chunk in ids.Chunk(200))
        {
            var computed = await ComputeAsync(chunk.ToDictionary(id => id, _ => true), cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // A live batch computed before this write must not commit after it: moving the version makes it read again.
            await db.ProgressCursors.Where(c => c.Id == ProgressCursor.SingleId)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
            await db.ProgressStatements.Where(p => chunk.Contains(p.EnrolmentId)).ExecuteDeleteAsync(cancellationToken);
            await SaveAsync(computed, counted => counted, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            withProgress += computed.Count(c => c.Result is not null);
            complete += computed.Count(c => c.Result?.Progress.IsComplete == true);
        }
        await db.ProgressCursors.Where(c => c.Id == ProgressCursor.SingleId && c.Position > latest)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.Position, latest).SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
        log.LogInformation("Rebuilt progress for {Enrolments} enrolments ({WithProgress} with statements, {Complete} complete) up to feed position {Position}.",
            ids.Count, withProgress, complete, latest);
        return new RebuildSummary(ids.Count, withProgress, complete, latest);
    }

    private sealed record Computed(int EnrolmentId, ProgressRules.Result? Result);

    /// The enrolments a batch touches, each with whether recomputing it must also read by actor and course
    /// (a statement without a registration touched it).
    private async Task<Dictionary<int, bool>> TouchedAsync(IReadOnlyList<FeedStatement> batch, CancellationToken cancellationToken)
    {
        var touched = new Dictionary<int, bool>();
        var registrations = batch.Where(s => s.Registration is not null).Select(s => s.Registration!.Value).Distinct().ToList();
        if (registrations.Count > 0)
            foreach (var id in await db.Enrolments.Where(e => registrations.Contains(e.Registration)).Select(e => e.Id).ToListAsync(cancellationToken))
                touched[id] = false;

        var voided = batch.Where(s => s.Voids is not null).Select(s => s.Voids!.Value).Distinct().ToList();
        if (voided.Count > 0)
            foreach (var id in await db.ProgressStatements.Where(p => voided.Contains(p.StatementId)).Select(p => p.EnrolmentId).Distinct().ToListAsync(cancellationToken))
                touched.TryAdd(id, false);

        // Outside content without a registration: the learner's live enrolment on each course the statement names.
        var unregistered = batch
            .Where(s => s.Registration is null && s.Voids is null && s.Actor?.AccountHomePage == XapiAgent.LearnerHomePage && s.Actor.AccountName is not null)
            .SelectMany(s => CourseSlugsNamed(s).Select(slug => (UserId: s.Actor!.AccountName!, Slug: slug, s.Stored)))
            .ToList();
        if (unregistered.Count > 0)
        {
            var users = unregistered.Select(u => u.UserId).Distinct().ToList();
            var slugs = unregistered.Select(u => u.Slug).Distinct().ToList();
            var candidates = await db.Enrolments.Where(e => users.Contains(e.UserId) && slugs.Contains(e.Course.Slug))
                .Select(e => new { e.Id, e.UserId, e.Course.Slug, e.EnrolledAt, e.EndedAt }).ToListAsync(cancellationToken);
            foreach (var e in candidates.Where(e => unregistered.Any(u => u.UserId == e.UserId && u.Slug == e.Slug && u.Stored >= e.EnrolledAt && (e.EndedAt is null || u.Stored < e.EndedAt))))
                touched[e.Id] = true;
        }
        return touched;
    }

    /// The slugs of the courses whose own activity ids a statement names (as object or any context activity).
    private IEnumerable<string> CourseSlugsNamed(FeedStatement s)
    {
        var prefix = activities.Course("");
        return new[] { s.ActivityId }.Concat(s.ParentIds).Concat(s.GroupingIds).Concat(s.CategoryIds).Concat(ProgressRules.OtherContextActivities(s))
            .Where(id => id is not null && id.Length > prefix.Length && id.StartsWith(prefix, StringComparison.Ordinal) && id.IndexOf('/', prefix.Length) < 0)
            .Select(id => Uri.UnescapeDataString(id![prefix.Length..]))
            .Distinct();
    }

    private async Task<List<Computed>> ComputeAsync(IReadOnlyDictionary<int, bool> touched, CancellationToken cancellationToken)
    {
        if (touched.Count == 0) return [];
        var ids = touched.Keys.ToList();
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new EnrolmentFacts(e.Id, e.CourseId, e.UserId, e.Registration, e.EnrolledAt, e.EndedAt)).ToListAsync(cancellationToken);
        var courseIds = enrolments.Select(e => e.CourseId).Distinct().ToList();
        var courses = (await db.Courses.AsNoTracking().AsSplitQuery().Include(c => c.Sections).ThenInclude(s => s.Lessons).ThenInclude(l => l.Unit)
                .Where(c => courseIds.Contains(c.Id)).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Id, c => CourseOutline.From(c, activities));
        var unregisteredBefore = (await db.EnrolmentProgress.Where(p => ids.Contains(p.EnrolmentId) && p.HasUnregisteredStatements)
            .Select(p => p.EnrolmentId).ToListAsync(cancellationToken)).ToHashSet();

        var computed = new List<Computed>(enrolments.Count);
        foreach (var enrolment in enrolments)
        {
            var course = courses[enrolment.CourseId];
            var statements = await feed.ForRegistrationAsync(enrolment.Registration, cancellationToken);
            if (touched[enrolment.EnrolmentId] || unregisteredBefore.Contains(enrolment.EnrolmentId))
                statements = [.. statements, .. await feed.ForActorAndActivityAsync(XapiAgent.Learner(enrolment.UserId), course.ActivityId, cancellationToken)];
            computed.Add(new Computed(enrolment.EnrolmentId, ProgressRules.Compute(course, enrolment, statements)));
        }
        return computed;
    }

    /// Writes the computed rows over the stored ones (inside the caller's transaction), indexes the counted
    /// statements that <paramref name="toIndex"/> picks, and tells the completion listeners what changed.
    private async Task SaveAsync(List<Computed> computed, Func<IReadOnlyList<Guid>, IEnumerable<Guid>> toIndex, CancellationToken cancellationToken)
    {
        if (computed.Count == 0) return;
        var ids = computed.Select(c => c.EnrolmentId).ToList();
        var stored = await db.EnrolmentProgress.Where(p => ids.Contains(p.EnrolmentId)).ToDictionaryAsync(p => p.EnrolmentId, cancellationToken);
        await db.LessonProgress.Where(l => ids.Contains(l.EnrolmentId)).ExecuteDeleteAsync(cancellationToken);

        var candidates = computed.Where(c => c.Result is not null).SelectMany(c => toIndex(c.Result!.CountedStatementIds).Select(id => (c.EnrolmentId, StatementId: id))).ToList();
        var candidateIds = candidates.Select(c => c.StatementId).ToList();
        var indexed = candidateIds.Count == 0 ? []
            : (await db.ProgressStatements.Where(p => candidateIds.Contains(p.StatementId)).Select(p => p.StatementId).ToListAsync(cancellationToken)).ToHashSet();
        db.ProgressStatements.AddRange(candidates.Where(c => !indexed.Contains(c.StatementId)).DistinctBy(c => c.StatementId)
            .Select(c => new ProgressStatement { StatementId = c.StatementId, EnrolmentId = c.EnrolmentId }));

        var changes = new List<(int EnrolmentId, Guid? Before, EnrolmentProgress? After)>();
        foreach (var (enrolmentId, result) in computed)
        {
            stored.TryGetValue(enrolmentId, out var row);
            var before = row?.CompletionStatementId;
            if (result is null)
            {
                if (row is not null) db.EnrolmentProgress.Remove(row);
            }
            else
            {
                if (row is null) db.EnrolmentProgress.Add(row = result.Progress);
                else db.Entry(row).CurrentValues.SetValues(result.Progress);
                db.LessonProgress.AddRange(result.Lessons);
            }
            if (before != result?.Progress.CompletionStatementId) changes.Add((enrolmentId, before, result?.Progress));
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        foreach (var (enrolmentId, before, after) in changes)
            foreach (var listener in listeners)
            {
                if (before is { } withdrawn) await listener.CompletionWithdrawnAsync(enrolmentId, withdrawn, cancellationToken);
                if (after is { CompletionStatementId: { } by, CompletedAt: { } at }) await listener.CompletedAsync(enrolmentId, by, at, cancellationToken);
            }
    }
}
