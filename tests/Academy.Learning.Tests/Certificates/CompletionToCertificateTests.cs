using System.Net;
using Academy.Learning.Certificates;
using Academy.Learning.Tests.Support;
using Verbs = Academy.Learning.LearningActivities.Verbs;

namespace Academy.Learning.Tests.Certificates;

/// From the LRS to the public page: a completed statement stored over HTTP, projected by the live progress
/// projection, issues the certificate; voiding the statement withdraws it, and the public page says so.
public sealed class CompletionToCertificateTests(LearningSite site) : IClassFixture<LearningSite>
{
    [Fact]
    public async Task CompletedStatement_ThenVoided_IssuesACertificateOnce_ThenThePublicPageSaysWithdrawn()
    {
        var userId = await site.CreateUserAsync(Arrange.NewEmail("learner"), [Roles.Learner], name: "Nadia Hussain");
        var course = await site.CourseAsync("Reporting an incident", 12, "page:one");
        var enrolment = await site.EnrolAsync(userId, course);

        var completion = (await site.PostAsync(Statement.OnCourse(site.Activities, userId, course, Verbs.Completed, enrolment.Registration)))[0];
        await site.WaitForProjectionAsync();
        // A second completed statement in the same enrolment earns nothing more.
        await site.PostAsync(Statement.OnCourse(site.Activities, userId, course, Verbs.Completed, enrolment.Registration));
        await site.WaitForProjectionAsync();
        var issued = Assert.Single(await Arrange.CertificatesAsync(site, enrolment.Id));
        var before = Html.Text(await (await site.CreateAnonymousClient().GetAsync(CertificatePaths.VerificationPath(issued.Code))).Content.ReadAsStringAsync());

        await site.PostAsync(Statement.Voiding(userId, completion));
        await site.WaitForProjectionAsync();

        var certificates = await Arrange.CertificatesAsync(site, enrolment.Id);
        var after = await site.CreateAnonymousClient().GetAsync(CertificatePaths.VerificationPath(issued.Code));
        Assert.Equal((completion, "Nadia Hussain", "Reporting an incident"), (issued.CompletionStatementId, issued.LearnerName, issued.CourseTitle));
        Assert.Contains("This certificate is valid", before);
        Assert.NotNull(certificates[0].WithdrawnAt);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("This certificate was withdrawn", Html.Text(await after.Content.ReadAsStringAsync()));
    }
}
