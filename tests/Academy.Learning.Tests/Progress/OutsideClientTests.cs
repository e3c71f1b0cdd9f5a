using Academy.Learning.Progress;
using Academy.Learning.Tests.Support;
using Academy.Xapi.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Verbs = Academy.Learning.LearningActivities.Verbs;

namespace Academy.Learning.Tests.Progress;

/// Issue 9 §4 and its test: a statement sent by outside content counts the same as one from our pages.
public sealed class OutsideClientTests(LearningSite site) : IClassFixture<LearningSite>
{
    private LearningActivities A => site.Activities;

    [Fact]
    public async Task CompletedForTheCourse_PostedWithALaunchCredential_CompletesTheEnrolment_AndVoidingItUndoesThat()
    {
        var userId = await site.CreateUserAsync($"outside-{Guid.NewGuid():N}@nhs.test", [Roles.Learner]);
        var course = await site.CourseAsync("Outside content", 12, "page:one", "quiz:check");
        var enrolment = await site.EnrolAsync(userId, course);
        var credential = await site.WithServicesAsync(s => s.GetRequiredService<ILaunchCredentials>()
            .IssueAsync(new LaunchScope(XapiAgent.Learner(userId), enrolment.Registration, A.Course(course.Slug))));

        var completion = (await LearningSite.PostAsync(site.Lrs(credential),
            Statement.OnCourse(A, userId, course, Verbs.Completed, enrolment.Registration, Statement.Score(0.75))))[0];
        await site.WaitForProjectionAsync();
        var completed = await site.ProgressAsync(enrolment);
        var myLearning = await (await site.SignInAsync(await EmailAsync(userId), "a-long-enough-password")).GetStringAsync("/learning");

        await site.PostAsync(Statement.Voiding(userId, completion));
        await site.WaitForProjectionAsync();
        var afterVoiding = await site.ProgressAsync(enrolment);

        Assert.Equal((ProgressStatus.Completed, completion, 0.75), (completed!.Status, completed.CompletionStatementId, completed.ScoreScaled));
        Assert.Contains("Completed", Html.Text(myLearning[myLearning.IndexOf("id=\"completed\"", StringComparison.Ordinal)..]));
        Assert.Null(afterVoiding);
        Assert.Equal([("Completed", completion), ("Withdrawn", completion)], site.Completions.For(enrolment.Id));
    }

    [Fact]
    public async Task CompletedForTheCourseWithoutARegistration_FromAnIssuedCredential_CountsForTheLiveEnrolment()
    {
        var userId = Guid.NewGuid().ToString();
        var course = await site.CourseAsync("Outside content", 0, "page:one");
        var enrolment = await site.EnrolAsync(userId, course);

        var completion = (await site.PostAsync(Statement.OnCourse(A, userId, course, Verbs.Completed, registration: null)))[0];
        await site.WaitForProjectionAsync();
        var progress = await site.ProgressAsync(enrolment);

        Assert.Equal((ProgressStatus.Completed, completion, true), (progress!.Status, progress.CompletionStatementId, progress.HasUnregisteredStatements));
    }

    [Fact]
    public async Task CompletedForAnotherLearner_WithTheEnrolmentsRegistration_ChangesNothing()
    {
        var course = await site.CourseAsync("Outside content", 0, "page:one");
        var enrolment = await site.EnrolAsync(Guid.NewGuid().ToString(), course);

        await site.PostAsync(Statement.OnCourse(A, Guid.NewGuid().ToString(), course, Verbs.Completed, enrolment.Registration));
        await site.WaitForProjectionAsync();

        Assert.Null(await site.ProgressAsync(enrolment));
    }

    private Task<string> EmailAsync(string userId) => site.WithServicesAsync(async s =>
        (await s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Academy.Identity.Data.AcademyUser>>().FindByIdAsync(userId))!.Email!);
}
