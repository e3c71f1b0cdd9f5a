using Academy.Learning.Data;
using Academy.Learning.Progress;
using Academy.Learning.Tests.Support;
using Academy.Xapi.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verbs = Academy.Learning.LearningActivities.Verbs;

namespace Academy.Learning.Tests.Progress;

/// Issue 9 §4: progress comes from the LRS's statements, kept up to date as they are stored, and a rebuild
/// from the LRS gives the same projection as the live one, voided statements included.
public sealed class ProgressProjectionTests(LearningSite site) : IClassFixture<LearningSite>
{
    private LearningActivities A => site.Activities;

    private static string NewUser() => Guid.NewGuid().ToString();

    [Fact]
    public async Task Rebuild_AfterAMixedStreamWithVoidedStatements_EqualsTheLiveProjection()
    {
        var quizCourse = await site.CourseAsync("Pages, a video and a quiz", 12, "page:intro", "video:clip", "quiz:check");
        var pagesCourse = await site.CourseAsync("Pages only", 0, "page:one", "page:two");
        var limitedCourse = await site.CourseAsync("One attempt", 12, 1, "quiz:exam");
        var (u1, u2, u3, u4, u5) = (NewUser(), NewUser(), NewUser(), NewUser(), NewUser());

        // Outside content's statement without a registration before the learner enrolled: it must not count.
        await site.PostAsync(Statement.OnCourse(A, u3, pagesCourse, Verbs.Experienced, registration: null));
        var passedQuiz = await site.EnrolAsync(u1, quizCourse);
        var voidedPass = await site.EnrolAsync(u2, quizCourse);
        var outside = await site.EnrolAsync(u3, pagesCourse);
        var someoneElses = await site.EnrolAsync(u4, pagesCourse);
        var failed = await site.EnrolAsync(u5, limitedCourse);
        var recompleted = await site.EnrolAsync(u1, pagesCourse);

        await site.PostAsync(
            Statement.Lesson(A, passedQuiz, quizCourse, "intro", Verbs.Experienced),
            Statement.Lesson(A, passedQuiz, quizCourse, "clip", Verbs.Played),
            Statement.Lesson(A, passedQuiz, quizCourse, "clip", Verbs.Completed),
            Statement.Answered(A, passedQuiz, quizCourse, "check", 1),
            Statement.Quiz(A, passedQuiz, quizCourse, "check", passed: false, 0.5));
        var pass = (await site.PostAsync(Statement.Quiz(A, passedQuiz, quizCourse, "check", passed: true, 0.9)))[0];
        var voided = await site.PostAsync(
            Statement.Lesson(A, voidedPass, quizCourse, "intro", Verbs.Experienced),
            Statement.Lesson(A, voidedPass, quizCourse, "clip", Verbs.Completed),
            Statement.Quiz(A, voidedPass, quizCourse, "check", passed: true, 1.0));
        var outsideCompletion = (await site.PostAsync(Statement.OnCourse(A, u3, pagesCourse, Verbs.Completed, registration: null)))[0];
        await site.PostAsync(
            Statement.Lesson(A, someoneElses, pagesCourse, "one", Verbs.Experienced),
            // Someone else's statement carrying this enrolment's registration counts for no one.
            Statement.Lesson(A, someoneElses, pagesCourse, "two", Verbs.Experienced, actorUserId: u1),
            Statement.Quiz(A, failed, limitedCourse, "exam", passed: false, 0.2));
        var firstTwo = await site.PostAsync(
            Statement.Lesson(A, recompleted, pagesCourse, "one", Verbs.Experienced),
            Statement.Lesson(A, recompleted, pagesCourse, "two", Verbs.Experienced));
        await site.PostAsync(Statement.Voiding(u2, voided[2]), Statement.Voiding(u1, firstTwo[1]));
        var secondTwo = (await site.PostAsync(Statement.Lesson(A, recompleted, pagesCourse, "two", Verbs.Experienced)))[0];
        await site.WaitForProjectionAsync();

        var live = await SnapshotAsync();
        Assert.Equal((ProgressStatus.Passed, pass, 0.9), await StatusAsync(passedQuiz));
        Assert.Equal((ProgressStatus.InProgress, null, null), await StatusAsync(voidedPass));
        Assert.Equal((ProgressStatus.Completed, outsideCompletion, null), await StatusAsync(outside));
        Assert.Equal((ProgressStatus.InProgress, null, null), await StatusAsync(someoneElses));
        Assert.Equal((ProgressStatus.Failed, null, 0.2), await StatusAsync(failed));
        Assert.Equal((ProgressStatus.Completed, secondTwo, null), await StatusAsync(recompleted));
        Assert.Equal(["check", "clip", "intro"], (await site.LessonsAsync(passedQuiz)).Keys.Order());
        Assert.Equal((ProgressStatus.Failed, 1), ((await site.LessonsAsync(failed))["exam"].Status, (await site.LessonsAsync(failed))["exam"].Attempts));

        // The projection lost, then rebuilt from the LRS alone.
        await site.DbAsync(async db =>
        {
            await db.LessonProgress.ExecuteDeleteAsync();
            await db.EnrolmentProgress.ExecuteDeleteAsync();
            return await db.ProgressStatements.ExecuteDeleteAsync();
        });
        var summary = await site.WithServicesAsync(s => s.GetRequiredService<ProgressProjection>().RebuildAsync(default));
        var rebuilt = await SnapshotAsync();

        Assert.True(summary.Enrolments >= 6);
        Assert.Equal(live, rebuilt);
    }

    [Fact]
    public async Task VoidingTheCompletion_TellsListenersItIsWithdrawn_AndTheNextCompletionIsToldAgain()
    {
        var course = await site.CourseAsync("Pages only", 0, "page:one");
        var enrolment = await site.EnrolAsync(NewUser(), course);

        var first = (await site.PostAsync(Statement.Lesson(A, enrolment, course, "one", Verbs.Experienced)))[0];
        await site.WaitForProjectionAsync();
        await site.PostAsync(Statement.Voiding(enrolment.UserId, first));
        await site.WaitForProjectionAsync();
        var afterVoiding = await site.ProgressAsync(enrolment);
        var second = (await site.PostAsync(Statement.Lesson(A, enrolment, course, "one", Verbs.Completed)))[0];
        await site.WaitForProjectionAsync();

        Assert.Null(afterVoiding);
        Assert.Equal([("Completed", first), ("Withdrawn", first), ("Completed", second)], site.Completions.For(enrolment.Id));
    }

    [Fact]
    public async Task Statements_OfALearner_SetScoreTimeSpentAndLastActivity()
    {
        var course = await site.CourseAsync("A quiz", 12, "page:read", "quiz:check");
        var enrolment = await site.EnrolAsync(NewUser(), course);
        var start = DateTimeOffset.UtcNow.AddHours(-3);
        JsonObjectAt(Statement.Lesson(A, enrolment, course, "read", Verbs.Experienced), start, out var read);
        JsonObjectAt(Statement.Quiz(A, enrolment, course, "check", passed: false, 0.6), start.AddMinutes(10), out var failedAttempt);
        // Two hours later, a second sitting: the quiz again, reporting 4 minutes spent on it.
        var pass = Statement.Quiz(A, enrolment, course, "check", passed: true, 0.8);
        pass["result"]!["duration"] = "PT4M";
        JsonObjectAt(pass, start.AddHours(2), out var passed);

        await site.PostAsync(read, failedAttempt, passed);
        await site.WaitForProjectionAsync();
        var progress = await site.ProgressAsync(enrolment);
        var quiz = (await site.LessonsAsync(enrolment))["check"];

        Assert.Equal(ProgressStatus.Passed, progress!.Status);
        Assert.Equal(0.8, progress.ScoreScaled);
        Assert.Equal(TimeSpan.FromMinutes(14), progress.TimeSpent);
        Assert.Equal(start.AddHours(2).ToUnixTimeSeconds(), progress.LastActivityAt.ToUnixTimeSeconds());
        Assert.Equal(start.AddHours(2).ToUnixTimeSeconds(), progress.CompletedAt!.Value.ToUnixTimeSeconds());
        Assert.Equal((ProgressStatus.Passed, 2, 0.8), (quiz.Status, quiz.Attempts, quiz.ScoreScaled));
    }

    [Fact]
    public async Task AdministratorsRebuildButton_QueuesTheRebuild_WhichRestoresLostProgress()
    {
        var course = await site.CourseAsync("Pages only", 0, "page:one");
        var enrolment = await site.EnrolAsync(NewUser(), course);
        await site.PostAsync(Statement.Lesson(A, enrolment, course, "one", Verbs.Experienced));
        await site.WaitForProjectionAsync();
        await site.DbAsync(db => db.EnrolmentProgress.Where(p => p.EnrolmentId == enrolment.Id).ExecuteDeleteAsync());
        var admin = await site.SignInAsAdministratorAsync();

        var response = await Forms.PostAsync(admin, "/learning/manage/progress", []);
        EnrolmentProgress? restored = null;
        for (var i = 0; i < 300 && restored is null; i++)
        {
            await Task.Delay(100);
            restored = await site.ProgressAsync(enrolment);
        }

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/learning/manage/progress?queued=True", response.Headers.Location?.OriginalString);
        Assert.Equal(ProgressStatus.Completed, restored?.Status);
    }

    private static void JsonObjectAt(System.Text.Json.Nodes.JsonObject statement, DateTimeOffset at, out System.Text.Json.Nodes.JsonObject stamped)
    {
        statement["timestamp"] = at.ToString("O");
        stamped = statement;
    }

    private async Task<(ProgressStatus, Guid?, double?)> StatusAsync(Learning.Enrolments.Enrolment enrolment) =>
        await site.ProgressAsync(enrolment) is { } p ? (p.Status, p.CompletionStatementId, p.ScoreScaled) : (ProgressStatus.NotStarted, null, null);

    /// Every row of the projection, in a stable order, as text.
    private Task<string> SnapshotAsync() => site.DbAsync(async db =>
    {
        var progress = await db.EnrolmentProgress.AsNoTracking().OrderBy(p => p.EnrolmentId).ToListAsync();
        var lessons = await db.LessonProgress.AsNoTracking().OrderBy(l => l.EnrolmentId).ThenBy(l => l.LessonSlug).ToListAsync();
        var index = await db.ProgressStatements.AsNoTracking().ToListAsync();
        return string.Join("\n", progress.Select(p => $"{p.EnrolmentId} {p.Status} {p.ScoreScaled} {p.TimeSpent} {p.LastActivityAt:O} {p.CompletedAt:O} {p.CompletionStatementId} {p.HasUnregisteredStatements}")
            .Concat(lessons.Select(l => $"{l.EnrolmentId} {l.LessonSlug} {l.Status} {l.ScoreScaled} {l.Attempts}"))
            .Concat(index.OrderBy(i => i.StatementId.ToString()).Select(i => $"{i.StatementId} {i.EnrolmentId}")));
    });
}
