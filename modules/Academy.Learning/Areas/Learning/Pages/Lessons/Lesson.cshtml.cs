using System.Text.Json.Nodes;
using Academy.Learning.Courses;
using Academy.Learning.Data;
using Academy.Learning.Player;
using Academy.Xapi.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Pages.Lessons;

/// A lesson of a course the learner is enrolled on. With JavaScript the page sends its own statements
/// (tincanjs, under the launch's credential); without it, "Continue" and the quiz form post here and the
/// server records the same statements through IStatementWriter.
[Authorize(Policy = Policies.SignedIn)]
public sealed class LessonModel(
    CoursePlayer player, Launches launches, LessonStatements statements, IStatementWriter writer,
    LearningDbContext db, TimeProvider clock) : PageModel
{
    public LessonPlace Place { get; private set; } = default!;
    public ActiveLaunch Launch { get; private set; } = default!;
    public IReadOnlyList<QuizAttempt> Attempts { get; private set; } = [];
    /// The attempt whose result the page shows (?attempt=n), if any.
    public QuizAttempt? ShownAttempt { get; private set; }
    public QuizResult? ShownResult { get; private set; }
    /// The questions as the next attempt shows them, when another attempt may start.
    public IReadOnlyList<Question>? Form { get; private set; }
    public int NextAttemptNumber => Attempts.Count + 1;

    public async Task<IActionResult> OnGetAsync(string slug, string lessonSlug, int? attempt, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, lessonSlug, cancellationToken) is { } refused) return refused;
        if (attempt is not null)
        {
            ShownAttempt = Attempts.SingleOrDefault(a => a.Number == attempt);
            if (ShownAttempt is null) return NotFound();
            ShownResult = QuizGrading.Grade(Place.Lesson, QuizGrading.Parse(ShownAttempt.Answers));
        }
        return await ShowAsync(cancellationToken);
    }

    /// A post that names none of this page's handlers (its button's handler stripped, a form posted by hand) would
    /// otherwise render the page without loading it.
    public IActionResult OnPost() => BadRequest();

    /// "Continue": without JavaScript the view is recorded here; the page's script sets sentBy=page once
    /// it has sent experienced itself. Either way on to the next lesson (or back to the course).
    public async Task<IActionResult> OnPostContinueAsync(string slug, string lessonSlug, string? sentBy, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, lessonSlug, cancellationToken) is { } refused) return refused;
        if (Place.Lesson.Kind == LessonKind.Quiz) return BadRequest("A quiz is completed by submitting its answers.");
        if (sentBy is not (null or "server" or "page")) return BadRequest("sentBy is 'server' or 'page'.");
        if (sentBy != "page") await writer.StoreAsync([statements.Experienced(Place.Enrolment, Place.Course, Place.Lesson)], cancellationToken);
        return Redirect(Place.Next is { } next ? Url.Lesson(Place.Course, next) : Url.Course(Place.Course));
    }

    /// The quiz form without JavaScript: graded, stored with its statements, then the result (post/redirect/get).
    public async Task<IActionResult> OnPostAnswersAsync(string slug, string lessonSlug, CancellationToken cancellationToken)
    {
        var (refused, attempt, result) = await SubmitAsync(slug, lessonSlug, recordedByServer: true, cancellationToken);
        if (refused is not null) return refused;
        try
        {
            await writer.StoreAsync(statements.Attempt(Place.Enrolment, Place.Course, Place.Lesson, result!), cancellationToken);
        }
        catch
        {
            // Nothing half-written: an attempt whose statements the LRS refused does not count.
            db.QuizAttempts.Remove(attempt!);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        return Redirect(Url.Attempt(Place.Course, Place.Lesson, attempt!.Number));
    }

    /// The page's script posts the same form here: graded and the attempt counted on the server, then the
    /// attempt's statements go back for tincanjs to send. The correct answers reach the page only now,
    /// in the statements' correctResponsesPattern, after the attempt is spent.
    public async Task<IActionResult> OnPostGradeAsync(string slug, string lessonSlug, CancellationToken cancellationToken)
    {
        var (refused, attempt, result) = await SubmitAsync(slug, lessonSlug, recordedByServer: false, cancellationToken);
        if (refused is PageResult page)
            return new JsonResult(new { errors = ModelState.Where(e => e.Value!.Errors.Count > 0).Select(e => new { field = e.Key, message = e.Value!.Errors[0].ErrorMessage }) })
            { StatusCode = page.StatusCode };
        if (refused is not null) return refused;
        var built = statements.Attempt(Place.Enrolment, Place.Course, Place.Lesson, result!);
        return new JsonResult(new
        {
            attempt = attempt!.Number,
            passed = result!.Passed,
            resultUrl = Url.Attempt(Place.Course, Place.Lesson, attempt.Number),
            recordUrl = Url.Lesson(Place.Course, Place.Lesson, "Record", attempt.Number),
            statements = new JsonArray(built.Select(s => (JsonNode)s).ToArray()),
        });
    }

    /// The page's fallback when the LRS did not take the statements it sent for a graded attempt: the
    /// server stores them instead, once.
    public async Task<IActionResult> OnPostRecordAsync(string slug, string lessonSlug, int attempt, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, lessonSlug, cancellationToken) is { } refused) return refused;
        if (Attempts.SingleOrDefault(a => a.Number == attempt) is not { } found) return NotFound();
        if (found.RecordedByServer) return new NoContentResult();
        var result = QuizGrading.Grade(Place.Lesson, QuizGrading.Parse(found.Answers));
        await writer.StoreAsync(statements.Attempt(Place.Enrolment, Place.Course, Place.Lesson, result), cancellationToken);
        found.RecordedByServer = true;
        await db.SaveChangesAsync(cancellationToken);
        return new NoContentResult();
    }

    /// Errors go into ModelState here rather than through FormErrorsFilter because the quiz's JSON handler shares this
    /// and answers with its own status (409, 400) and body, not the page.
    private async Task<(IActionResult? Refused, QuizAttempt? Attempt, QuizResult? Result)> SubmitAsync(
        string slug, string lessonSlug, bool recordedByServer, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, lessonSlug, cancellationToken) is { } refused) return (refused, null, null);
        var quiz = Place.Lesson;
        if (quiz.Kind != LessonKind.Quiz) return (BadRequest("This lesson is not a quiz."), null, null);
        if (!QuizGrading.MayAttempt(quiz, Attempts))
        {
            ModelState.AddModelError("", Attempts.Any(a => a.Passed) ? "You have already passed this quiz" : "You have used all your attempts at this quiz");
            return (await ShowAsync(cancellationToken, StatusCodes.Status409Conflict), null, null);
        }
        var shown = QuizGrading.Questions(quiz, Place.Enrolment.Registration, NextAttemptNumber);
        var (answers, errors) = QuizGrading.Read(quiz, field => Request.Form[field].Select(v => v ?? "").ToList(), shown);
        if (answers is null)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError(field, message);
            return (await ShowAsync(cancellationToken, StatusCodes.Status400BadRequest), null, null);
        }
        var result = QuizGrading.Grade(quiz, answers);
        var attempt = new QuizAttempt
        {
            EnrolmentId = Place.Enrolment.Id,
            LessonId = quiz.Id,
            Number = NextAttemptNumber,
            Answers = QuizGrading.Format(answers),
            ScoreRaw = result.Raw,
            ScoreMax = result.Max,
            Passed = result.Passed,
            SubmittedAt = clock.GetUtcNow(),
            RecordedByServer = recordedByServer,
        };
        db.QuizAttempts.Add(attempt);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same attempt posted twice (a double click, two tabs): the first one counts.
            ModelState.AddModelError("", "These answers were already submitted");
            return (new ConflictResult(), null, null);
        }
        return (null, attempt, result);
    }

    private async Task<IActionResult?> LoadAsync(string slug, string lessonSlug, CancellationToken cancellationToken)
    {
        var (access, place) = await player.FindAsync(User.UserId()!, slug, lessonSlug, cancellationToken);
        if (access == PlayerAccess.NotFound) return NotFound();
        if (access == PlayerAccess.NotEnrolled) return Forbid();
        Place = place!;
        // A package's unit is launched from its own page, never shown here.
        if (Place.Lesson.Kind == LessonKind.Au) return Redirect(Url.Unit(Place.Course, Place.Lesson));
        if (Place.Lesson.Kind == LessonKind.Quiz)
            Attempts = await db.QuizAttempts.Where(a => a.EnrolmentId == Place.Enrolment.Id && a.LessonId == Place.Lesson.Id)
                .OrderBy(a => a.Number).ToListAsync(cancellationToken);
        return null;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken, int statusCode = StatusCodes.Status200OK)
    {
        Launch = await launches.GetOrStartAsync(Place.Enrolment, Place.Course, cancellationToken);
        if (Place.Lesson.Kind == LessonKind.Quiz && ShownAttempt is null && QuizGrading.MayAttempt(Place.Lesson, Attempts))
            Form = QuizGrading.Questions(Place.Lesson, Place.Enrolment.Registration, NextAttemptNumber);
        // The page holds a launch credential: no cache may keep it. Every lesson page carries an anti-forgery
        // token, which already makes the framework send no-store (LessonPageTests checks it stays so).
        var page = Page();
        page.StatusCode = statusCode;
        return page;
    }

    /// What the page's script needs, as JSON in the page: the LRS, the launch's credential, the learner,
    /// the registration, the course and lesson activities, the verbs and extensions, the State bookmark.
    public JsonObject LaunchData()
    {
        var (course, lesson, enrolment) = (Place.Course, Place.Lesson, Place.Enrolment);
        var request = HttpContext.Request;
        return new JsonObject
        {
            ["endpoint"] = $"{request.Scheme}://{request.Host}{request.PathBase}/xapi/",
            ["auth"] = Launch.Authorization,
            ["expiresAt"] = Launch.ExpiresAt.ToString("O"),
            ["sessionId"] = Launch.SessionId.ToString(),
            ["kind"] = lesson.Kind.ToString().ToLowerInvariant(),
            ["lessonSlug"] = lesson.Slug,
            ["actor"] = statements.Actor(enrolment),
            ["registration"] = enrolment.Registration.ToString(),
            ["course"] = statements.CourseActivity(course),
            ["lesson"] = statements.LessonActivity(course, lesson),
            ["context"] = statements.Context(enrolment, course),
            ["experienced"] = lesson.Kind == LessonKind.Quiz ? null : statements.Experienced(enrolment, course, lesson),
            ["bookmarkStateId"] = PlayerLinks.BookmarkStateId,
            ["language"] = LessonStatements.Language,
            ["verbs"] = new JsonObject
            {
                ["progressed"] = LearningActivities.Verbs.Progressed,
                ["initialized"] = LearningActivities.Verbs.Initialized,
                ["played"] = LearningActivities.Verbs.Played,
                ["paused"] = LearningActivities.Verbs.Paused,
                ["seeked"] = LearningActivities.Verbs.Seeked,
                ["completed"] = LearningActivities.Verbs.Completed,
                ["terminated"] = LearningActivities.Verbs.Terminated,
            },
            ["extensions"] = new JsonObject
            {
                ["time"] = LearningExtensions.Time,
                ["timeFrom"] = LearningExtensions.TimeFrom,
                ["timeTo"] = LearningExtensions.TimeTo,
                ["progress"] = LearningExtensions.Progress,
                ["playedSegments"] = LearningExtensions.PlayedSegments,
                ["length"] = LearningExtensions.Length,
                ["sessionId"] = LearningExtensions.SessionId,
                ["completionThreshold"] = LearningExtensions.CompletionThreshold,
                ["scrollProgress"] = LearningExtensions.ScrollProgress,
            },
        };
    }
}
