using System.Text.Json.Nodes;
using Academy.Learning.Data;
using Academy.Learning.Enrolments;
using Academy.Xapi.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Packages;

/// cmi5 section 9.3.9: when every unit of a block (or of the course) has met its moveOn criterion, the LMS records
/// satisfied for that block (or the course), once per registration. The object is Academy's own id for the block or
/// course, with the cmi5 activity type, and the publisher's id in grouping. The course's satisfied statement then
/// completes the course in progress (ProgressRules), and certificates follow from that as for any course.
/// Evaluated after the progress projection applies a batch, and at each launch (so a block of NotApplicable units is
/// satisfied as soon as the learner starts).
public sealed class PackageSatisfactions(LearningDbContext db, IStatementFeed feed, IStatementWriter writer, LearningActivities activities, TimeProvider clock)
{
    public async Task EvaluateAsync(IReadOnlyCollection<int> enrolmentIds, CancellationToken cancellationToken)
    {
        if (enrolmentIds.Count == 0) return;
        var enrolments = await db.Enrolments.AsNoTracking().Include(e => e.Course)
            .Where(e => enrolmentIds.Contains(e.Id) && db.CoursePackages.Any(p => p.CourseId == e.CourseId && p.Format == PackageFormat.Cmi5))
            .ToListAsync(cancellationToken);
        foreach (var enrolment in enrolments) await EvaluateAsync(enrolment, cancellationToken);
    }

    private async Task EvaluateAsync(Enrolment enrolment, CancellationToken cancellationToken)
    {
        var package = await db.CoursePackages.AsNoTracking().AsSplitQuery().Include(p => p.Blocks).Include(p => p.Aus).ThenInclude(a => a.Lesson)
            .SingleAsync(p => p.CourseId == enrolment.CourseId, cancellationToken);
        var recorded = (await db.PackageSatisfactions.Where(s => s.EnrolmentId == enrolment.Id).Select(s => s.ActivityId).ToListAsync(cancellationToken)).ToHashSet();
        var slug = enrolment.Course.Slug;
        var courseActivity = activities.Course(slug);
        if (recorded.Contains(courseActivity)) return;

        var statements = await feed.ForRegistrationAsync(enrolment.Registration, cancellationToken);
        var learner = XapiAgent.Learner(enrolment.UserId).Key;
        var mine = statements.Where(s => s.Actor?.Key == learner).ToList();
        bool Met(PackageAu au)
        {
            var id = activities.Lesson(slug, au.Lesson.Slug);
            return MoveOnRules.IsMet(au.MoveOn, mine.Where(s => s.ActivityId == id).ToList());
        }
        var met = package.Aus.ToDictionary(a => a.Id, Met);
        var session = mine.Select(s => Cmi5Launches.SessionOf(s.Json)).LastOrDefault(s => s is not null) ?? Guid.NewGuid().ToString();

        // Innermost blocks first, then their parents, then the course: the order a learner meets them.
        var blocks = package.Blocks.OrderByDescending(b => Depth(b, package.Blocks)).ThenBy(b => b.Position).ToList();
        foreach (var block in blocks)
        {
            var id = activities.Block(slug, block.Position);
            if (recorded.Contains(id)) continue;
            var units = package.Aus.Where(a => Within(a.BlockId, block.Id, package.Blocks)).ToList();
            if (units.Count > 0 && units.All(a => met[a.Id])) await RecordAsync(enrolment, id, Cmi5Iris.BlockType, block.PublisherId, block.Title, session, cancellationToken);
        }
        if (package.Aus.Count > 0 && package.Aus.All(a => met[a.Id]))
            await RecordAsync(enrolment, courseActivity, Cmi5Iris.CourseType, package.PublisherId, enrolment.Course.Title, session, cancellationToken);
    }

    private static int Depth(PackageBlock block, List<PackageBlock> all)
    {
        var depth = 0;
        for (var b = block; b.ParentBlockId is { } parent; b = all.Single(x => x.Id == parent)) depth++;
        return depth;
    }

    private static bool Within(int? blockId, int ancestor, List<PackageBlock> all)
    {
        for (var id = blockId; id is not null; id = all.Single(b => b.Id == id).ParentBlockId)
            if (id == ancestor) return true;
        return false;
    }

    private async Task RecordAsync(Enrolment enrolment, string activityId, string type, string publisherId, string title, string sessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var row = new PackageSatisfaction { EnrolmentId = enrolment.Id, ActivityId = activityId, StatementId = Guid.NewGuid(), SatisfiedAt = now };
        db.PackageSatisfactions.Add(row);
        try
        {
            // The row first: the unique index decides which of two evaluations records the statement.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached;
            return;
        }
        var statement = new JsonObject
        {
            ["id"] = row.StatementId.ToString(),
            ["actor"] = XapiAgent.Learner(enrolment.UserId).ToJson(),
            ["verb"] = new JsonObject { ["id"] = Cmi5Iris.Verbs.Satisfied, ["display"] = new JsonObject { ["en-US"] = "Satisfied" } },
            ["object"] = new JsonObject
            {
                ["objectType"] = "Activity", ["id"] = activityId,
                ["definition"] = new JsonObject { ["type"] = type, ["name"] = new JsonObject { ["en-GB"] = title } },
            },
            ["context"] = new JsonObject
            {
                ["registration"] = enrolment.Registration.ToString("D"),
                ["contextActivities"] = new JsonObject
                {
                    ["category"] = new JsonArray(new JsonObject { ["id"] = Cmi5Iris.CategoryCmi5 }),
                    ["grouping"] = new JsonArray(new JsonObject { ["id"] = publisherId }),
                },
                ["extensions"] = new JsonObject { [Cmi5Iris.SessionId] = sessionId },
            },
            ["timestamp"] = now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        };
        await writer.StoreAsync([statement], cancellationToken);
    }
}
