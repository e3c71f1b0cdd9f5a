using System.Net;
using System.Net.Http.Headers;
using Academy.Learning.Courses;
using Academy.Learning.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Tests.Enrolments;

public sealed class EnrolmentFixture : IAsyncLifetime
{
    public AcademySite Site { get; } = new();
    private readonly CourseFiles files = new();

    public async Task InitializeAsync()
    {
        await files.LoadAsync(Site, CourseFiles.Course("enrol-open"), CourseFiles.Course("enrol-draft"), CourseFiles.Course("enrol-retiring"));
        await Arrange.SetStatusAsync(Site, "enrol-draft", CourseStatus.Draft);
    }

    public async Task DisposeAsync()
    {
        files.Dispose();
        await Site.DisposeAsync();
    }
}

public sealed class EnrolmentTests(EnrolmentFixture fixture) : IClassFixture<EnrolmentFixture>
{
    private AcademySite Site => fixture.Site;

    private async Task<(HttpClient Client, string UserId)> LearnerAsync()
    {
        var email = Arrange.NewEmail("learner");
        var id = await Site.CreateUserAsync(email, [Roles.Learner]);
        return (await Site.SignInAsync(email, "a-long-enough-password"), id);
    }

    private static Task<HttpResponseMessage> EnrolAsync(HttpClient client, string slug) =>
        Forms.PostAsync(client, $"/learning/courses/{slug}?handler=Enrol", [], $"/learning/courses/{slug}");

    private Task<List<Academy.Learning.Enrolments.Enrolment>> EnrolmentsAsync(string userId) =>
        Arrange.DbAsync(Site, db => db.Enrolments.AsNoTracking().Where(e => e.UserId == userId).ToListAsync());

    [Fact]
    public async Task Enrol_OnAPublishedCourse_StoresOneLiveEnrolmentWithARegistration_AndShowsStart()
    {
        var (client, userId) = await LearnerAsync();

        var response = await EnrolAsync(client, "enrol-open");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/learning/courses/enrol-open#enrolment", response.Headers.Location!.OriginalString);
        var enrolment = Assert.Single(await EnrolmentsAsync(userId));
        Assert.NotEqual(Guid.Empty, enrolment.Registration);
        Assert.Equal((Academy.Learning.Enrolments.EnrolmentSource.Self, (DateTimeOffset?)null), (enrolment.Source, enrolment.EndedAt));
        var page = await client.GetStringAsync("/learning/courses/enrol-open");
        Assert.Contains("href=\"/learning/courses/enrol-open/lessons/intro\">Start the course</a>", page);
        Assert.DoesNotContain("Enrol on this course", page);
    }

    [Fact]
    public async Task Enrol_Twice_KeepsOneEnrolment()
    {
        var (client, userId) = await LearnerAsync();
        await EnrolAsync(client, "enrol-open");

        // The second post as a double-click sends it: the same token, straight after the first.
        var token = Forms.AntiForgeryToken(await client.GetStringAsync("/learning/courses/enrol-open"));
        var again = await client.PostAsync("/learning/courses/enrol-open?handler=Enrol", new FormUrlEncodedContent([new("__RequestVerificationToken", token!)]));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Single(await EnrolmentsAsync(userId));
    }

    [Fact]
    public async Task Enrol_AtTheSameTimeFromTwoTabs_KeepsOneEnrolment()
    {
        var (client, userId) = await LearnerAsync();
        var token = Forms.AntiForgeryToken(await client.GetStringAsync("/learning/courses/enrol-open"));

        var posts = Enumerable.Range(0, 4).Select(_ => client.PostAsync("/learning/courses/enrol-open?handler=Enrol",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token!)])));
        var responses = await Task.WhenAll(posts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(await EnrolmentsAsync(userId));
    }

    [Fact]
    public async Task Enrol_TwoPeople_GetDifferentRegistrations()
    {
        var (first, firstId) = await LearnerAsync();
        var (second, secondId) = await LearnerAsync();

        await EnrolAsync(first, "enrol-open");
        await EnrolAsync(second, "enrol-open");

        Assert.NotEqual(Assert.Single(await EnrolmentsAsync(firstId)).Registration, Assert.Single(await EnrolmentsAsync(secondId)).Registration);
    }

    [Fact]
    public async Task Enrol_Anonymously_IsSentToSignIn_AndStoresNothing()
    {
        var client = Site.CreateAnonymousClient();
        var token = Forms.AntiForgeryToken(await client.GetStringAsync("/account/sign-in"));
        var before = await Arrange.DbAsync(Site, db => db.Enrolments.CountAsync());

        var response = await client.PostAsync("/learning/courses/enrol-open?handler=Enrol", new FormUrlEncodedContent([new("__RequestVerificationToken", token!)]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString);
        Assert.Equal(before, await Arrange.DbAsync(Site, db => db.Enrolments.CountAsync()));
    }

    [Fact]
    public async Task Enrol_WithoutAnAntiForgeryToken_IsRefused()
    {
        var (client, userId) = await LearnerAsync();

        var response = await client.PostAsync("/learning/courses/enrol-open?handler=Enrol", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await EnrolmentsAsync(userId));
    }

    [Fact]
    public async Task Enrol_OnADraftCourse_IsNotFound()
    {
        var (client, userId) = await LearnerAsync();
        var token = Forms.AntiForgeryToken(await client.GetStringAsync("/learning/courses/enrol-open"));

        var response = await client.PostAsync("/learning/courses/enrol-draft?handler=Enrol", new FormUrlEncodedContent([new("__RequestVerificationToken", token!)]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await EnrolmentsAsync(userId));
    }

    [Fact]
    public async Task CoursePage_OfARetiredCourse_StaysOpenToPeopleEnrolledOnIt()
    {
        var (enrolled, _) = await LearnerAsync();
        var (other, _) = await LearnerAsync();
        await EnrolAsync(enrolled, "enrol-retiring");

        await Arrange.SetStatusAsync(Site, "enrol-retiring", CourseStatus.Retired);

        var page = await enrolled.GetAsync("/learning/courses/enrol-retiring");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("This course is no longer offered", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/learning/courses/enrol-retiring")).StatusCode);
    }

    [Fact]
    public async Task Video_ForAnEnrolledLearner_IsServedInRangesWithContentRange()
    {
        var (client, _) = await LearnerAsync();
        await EnrolAsync(client, "enrol-open");
        var request = new HttpRequestMessage(HttpMethod.Get, "/learning/courses/enrol-open/lessons/clip/video");
        request.Headers.Range = new RangeHeaderValue(100, 199);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"bytes 100-199/{CourseFiles.Mp4().Length}", response.Content.Headers.ContentRange!.ToString());
        Assert.Equal(CourseFiles.Mp4()[100..200], await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes", string.Join(",", response.Headers.AcceptRanges));
    }

    [Fact]
    public async Task Video_WithARangePastTheEnd_AnswersRangeNotSatisfiable()
    {
        var (client, _) = await LearnerAsync();
        await EnrolAsync(client, "enrol-open");
        var request = new HttpRequestMessage(HttpMethod.Get, "/learning/courses/enrol-open/lessons/clip/video");
        request.Headers.Range = new RangeHeaderValue(1_000_000, null);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
    }

    [Fact]
    public async Task Captions_ForAnEnrolledLearner_AreWebVtt()
    {
        var (client, _) = await LearnerAsync();
        await EnrolAsync(client, "enrol-open");

        var response = await client.GetAsync("/learning/courses/enrol-open/lessons/clip/captions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/vtt", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(CourseFiles.Vtt, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/learning/courses/enrol-open/lessons/clip/video")]
    [InlineData("/learning/courses/enrol-open/lessons/intro/video")]
    [InlineData("/learning/courses/enrol-draft/lessons/clip/video")]
    [InlineData("/learning/courses/enrol-open/lessons/clip/transcript")]
    public async Task Video_ForSomeoneNotEnrolledOrAPageLesson_IsNotFound(string url)
    {
        var (client, _) = await LearnerAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }
}
