using System.Net;
using Academy.Learning.Catalogue;
using Academy.Learning.Courses;
using Microsoft.Extensions.DependencyInjection;
using Academy.Learning.Tests.Support;

namespace Academy.Learning.Tests.Catalogue;

/// Four published courses across two domains and lengths, one draft and one retired, loaded once for the class.
public sealed class CatalogueFixture : IAsyncLifetime
{
    public AcademySite Site { get; } = new();
    private readonly CourseFiles files = new();
    public HttpClient Learner { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await files.LoadAsync(Site,
            CourseFiles.Course("catalogue-phishing", "Spotting phishing emails", minutes: 20),
            CourseFiles.Course("catalogue-passwords", "Passwords and multi-factor authentication", minutes: 45),
            CourseFiles.Course("catalogue-spreadsheets", "Spreadsheets for ward managers", domain: "data-information-and-content", minutes: 120),
            CourseFiles.Course("catalogue-records", "Working with an electronic patient record", domain: "technical-proficiency", minutes: 25),
            CourseFiles.Course("catalogue-draft", "Phishing for beginners (draft)", minutes: 20),
            CourseFiles.Course("catalogue-retired", "Old phishing course", minutes: 20));
        await Arrange.SetStatusAsync(Site, "catalogue-draft", CourseStatus.Draft);
        await Arrange.SetStatusAsync(Site, "catalogue-retired", CourseStatus.Retired);
        Learner = await Site.SignInAsNewUserAsync(Arrange.NewEmail("learner"), [Roles.Learner]);
    }

    public async Task DisposeAsync()
    {
        files.Dispose();
        await Site.DisposeAsync();
    }
}

public sealed class CatalogueTests(CatalogueFixture fixture) : IClassFixture<CatalogueFixture>
{
    private async Task<string> GetAsync(string url)
    {
        var response = await fixture.Learner.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static List<string> Slugs(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "href=\"/learning/courses/(catalogue-[a-z-]+)\"").Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task Search_ForAWord_FindsThePublishedCoursesAboutIt_AndNotDraftsOrRetiredOnes()
    {
        var html = await GetAsync("/learning/courses?q=phishing");

        Assert.Equal(["catalogue-phishing"], Slugs(html));
        Assert.Contains("<mark>phishing</mark>", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/learning/courses", "Find a course", "page")]
    [InlineData("/learning/courses/catalogue-phishing", "Find a course", "true")]
    [InlineData("/learning", "My learning", "page")]
    public async Task Header_MarksOnlyTheNavigationEntryThePageBelongsTo(string url, string entry, string ariaCurrent)
    {
        var html = await GetAsync(url);

        var current = System.Text.RegularExpressions.Regex.Matches(html, "aria-current=\"(page|true)\">([^<]+)</a>")
            .Select(m => (m.Groups[2].Value, m.Groups[1].Value)).ToList();
        Assert.Equal([(entry, ariaCurrent)], current);
    }

    [Fact]
    public async Task Search_WhenNoCourseHasChanged_WritesNothingToTheIndex()
    {
        await GetAsync("/learning/courses");
        var folder = fixture.Site.Services.GetRequiredService<CourseIndex>().Folder;
        var before = IndexFiles(folder);

        await GetAsync("/learning/courses?q=phishing");
        await GetAsync("/learning/courses");

        // Each commit writes a new segments_N file: none means the courses were not written again.
        Assert.Equal(before, IndexFiles(folder));
    }

    private static List<string?> IndexFiles(string folder) => Directory.GetFiles(folder).Select(Path.GetFileName).Order().ToList();

    [Fact]
    public async Task Search_ForAWordOfALessonTitle_FindsTheCourse()
    {
        // "understanding" is in no course's title or summary, only in a lesson title ("Check your understanding") that every fixture course has.
        var html = await GetAsync("/learning/courses?q=understanding");

        Assert.Equal(["catalogue-passwords", "catalogue-phishing", "catalogue-records", "catalogue-spreadsheets"], Slugs(html).Order());
    }

    [Fact]
    public async Task Catalogue_WithNoSearch_ListsEveryPublishedCourseByTitle()
    {
        var html = await GetAsync("/learning/courses");

        // By title: Passwords…, Spotting…, Spreadsheets…, Working…
        Assert.Equal(["catalogue-passwords", "catalogue-phishing", "catalogue-spreadsheets", "catalogue-records"], Slugs(html));
        // The four here and the starter recipe's own published course, Digital foundations for NHS staff.
        Assert.Contains("5 courses", html);
    }

    [Fact]
    public async Task Filter_ByDomain_ShowsThatDomainsCoursesOnly() =>
        Assert.Equal(["catalogue-spreadsheets"], Slugs(await GetAsync("/learning/courses?domain=data-information-and-content")));

    [Fact]
    public async Task Filter_ByLength_ShowsCoursesOfThatLengthOnly() =>
        Assert.Equal(["catalogue-phishing", "catalogue-records"], Slugs(await GetAsync("/learning/courses?length=up-to-30")));

    [Fact]
    public async Task Filter_ByDomainAndLengthWithWords_CombinesThem() =>
        Assert.Equal(["catalogue-passwords"], Slugs(await GetAsync("/learning/courses?q=authentication&domain=digital-identity-wellbeing-safety-and-security&length=30-to-60")));

    [Fact]
    public async Task Filter_WithADomainThatDoesNotExist_AnswersBadRequestWithTheErrorBesideTheField()
    {
        var response = await fixture.Learner.GetAsync("/learning/courses?domain=wizardry");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await Html.AssertHasFieldErrorAsync(response, "Domain", "Select a capability domain from the list");
    }

    [Fact]
    public async Task Search_WithLuceneSyntax_IsTakenAsWords() =>
        Assert.Empty(Slugs(await GetAsync("/learning/courses?q=" + Uri.EscapeDataString("phishing AND (title:\"x"))));

    [Fact]
    public async Task CoursePage_ShowsTheOutlineLengthAndWhatCompletingItNeeds()
    {
        var html = Html.Text(await GetAsync("/learning/courses/catalogue-phishing"));

        Assert.Contains("Spotting phishing emails", html);
        Assert.Contains("About 20 minutes", html);
        // The rule the progress projection applies (ProgressRules.Describe), not the recipe's own words.
        Assert.Contains("Read or watch both lessons and pass the quiz \u2018Check your understanding\u2019 (pass mark 80%).", html);
        Assert.Contains("valid for 1 year", html);
        Assert.Contains("Basics Introduction (Reading, 5 minutes) Reporting, on video (Video, 1 minute) Check Check your understanding (Quiz, 5 minutes)", html);
        Assert.Contains("Enrol on this course", html);
    }

    [Theory]
    [InlineData("catalogue-draft")]
    [InlineData("catalogue-retired")]
    [InlineData("no-such-course")]
    public async Task CoursePage_OfADraftOrRetiredCourse_IsNotFoundForLearners(string slug) =>
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Learner.GetAsync($"/learning/courses/{slug}")).StatusCode);
}
