using System.Security.Claims;
using Academy.Exemplars.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Exemplars.Lessons;

/// Who may read and change a lesson learned, and what publishing does, for its pages, the API and the search index.
/// A published lesson is for every signed-in person and is locked for good (others may have read, searched or linked
/// it); a draft is its trust lead's alone, as a draft blueprint is.
public static class LessonRules
{
    public static bool CanRead(this ClaimsPrincipal user, Lesson lesson) => lesson.Status == LessonStatus.Published || user.CanWrite(lesson.Participation.Trust);

    public static bool IsOwner(this ClaimsPrincipal user, Lesson lesson) => user.CanWrite(lesson.Participation.Trust);

    public static bool IsEditable(this Lesson lesson) => lesson.Status == LessonStatus.Draft;

    /// The lesson with its milestone, trust and programme, or null when it does not exist or the person may not read it.
    public static async Task<Lesson?> FindReadableLessonAsync(this ExemplarsDbContext db, ClaimsPrincipal user, int id, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = db.Lessons.Include(l => l.Milestone).Include(l => l.Participation).ThenInclude(p => p.Trust)
            .Include(l => l.Participation).ThenInclude(p => p.Programme).AsQueryable();
        if (!tracked) query = query.AsNoTracking();
        var found = await query.SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        return found is not null && user.CanRead(found) ? found : null;
    }

    /// Publishes a draft (tracked). Its PublishedAt is the search index's cursor: every node's index takes it in (LessonIndex.CatchUpAsync).
    public static void Publish(Lesson lesson, DateTimeOffset at)
    {
        if (!lesson.IsEditable()) throw new InvalidOperationException($"Lesson {lesson.Id} is already published.");
        lesson.Status = LessonStatus.Published;
        lesson.PublishedAt = at;
    }
}
