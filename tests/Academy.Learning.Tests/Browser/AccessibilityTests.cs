using Academy.Learning.Tests.Support;
using Microsoft.Playwright;

namespace Academy.Learning.Tests.Browser;

/// The real site on Kestrel and Debian's Chromium, with a published course (a learner enrolled on it), a course
/// only in the catalogue, and a draft, so that every page of the module can be opened and scanned.
public sealed class AxeFixture : IAsyncLifetime
{
    public const string Password = "a-long-enough-password";
    public AcademySite Site { get; } = AcademySite.Create(kestrel: true);
    public Academy.Testing.Browser Browser { get; } = new();
    public Dictionary<string, string> Ids { get; } = [];
    private readonly Dictionary<string, IPage> pages = [];
    private readonly string author = Arrange.NewEmail("author");
    private readonly string learner = Arrange.NewEmail("learner");
    private Uri address = default!;

    public async Task InitializeAsync()
    {
        address = Site.ServerAddress;
        await Browser.InitializeAsync();
        using (var files = new CourseFiles())
            await files.LoadAsync(Site, CourseFiles.Course("axe-course"), CourseFiles.Course("axe-other", "Passwords and multi-factor authentication"));
        var draft = await Arrange.DraftAsync(Site, "axe-draft");
        await Site.CreateUserAsync(author, [Roles.CourseAuthor]);
        await Arrange.EnrolAsync(Site, "axe-course", await Site.CreateUserAsync(learner, [Roles.Learner]));

        foreach (var (key, id) in await Arrange.FixtureIdsAsync(Site, "axe-course")) Ids[key] = id;
        Ids["draft"] = draft.Id.ToString();
    }

    public async Task<IPage> PageAsync(string who)
    {
        if (pages.TryGetValue(who, out var page)) return page;
        page = await Browser.NewPageAsync(address);
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Input_Email", who == "author" ? author : learner);
        await page.FillAsync("#Input_Password", Password);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        return pages[who] = page;
    }

    public string Url(string template) => Ids.Aggregate(template, (url, id) => url.Replace("{" + id.Key + "}", id.Value, StringComparison.Ordinal));

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Site.DisposeAsync();
    }
}

public sealed class AccessibilityTests(AxeFixture fixture) : IClassFixture<AxeFixture>
{
    public static TheoryData<string, string, int> Pages() => new()
    {
        { "learner", "/learning", 200 },
        { "learner", "/learning/courses", 200 },
        { "learner", "/learning/courses?q=phishing", 200 },
        { "learner", "/learning/courses?domain=wizardry", 400 },
        { "learner", "/learning/courses/axe-course", 200 },
        { "learner", "/learning/courses/axe-other", 200 },
        { "author", "/learning/manage/courses", 200 },
        { "author", "/learning/manage/courses/new", 200 },
        { "author", "/learning/manage/courses/{course}", 200 },
        { "author", "/learning/manage/courses/{draft}", 200 },
        { "author", "/learning/manage/courses/{course}/edit", 200 },
        { "author", "/learning/manage/courses/{course}/preview", 200 },
        { "author", "/learning/manage/courses/{course}/sections/{section}", 200 },
        { "author", "/learning/manage/courses/{course}/sections/{section}/lessons/new", 200 },
        { "author", "/learning/manage/courses/{course}/lessons/{page}", 200 },
        { "author", "/learning/manage/courses/{course}/lessons/{video}", 200 },
        { "author", "/learning/manage/courses/{course}/lessons/{quiz}", 200 },
        { "author", "/learning/manage/courses/{course}/lessons/{quiz}/questions/new", 200 },
        { "author", "/learning/manage/courses/{course}/lessons/{quiz}/questions/{question}", 200 },
    };

    [Theory, MemberData(nameof(Pages))]
    public async Task Page_HasNoAccessibilityErrors(string who, string url, int status)
    {
        var page = await fixture.PageAsync(who);

        var response = await page.GotoAsync(fixture.Url(url));

        Assert.Equal(status, response!.Status);
        await Accessibility.AssertNoViolationsAsync(page);
    }

    /// The error states: the NHS.UK error summary and the errors beside the fields. A form that opens filled in has
    /// a field cleared first (and so is never saved).
    [Theory]
    [InlineData("/learning/manage/courses/new", "Save as a draft", null)]
    [InlineData("/learning/manage/courses/{course}/edit", "Save changes", "#Form_Title")]
    [InlineData("/learning/manage/courses/{draft}", "Publish the course", null)]
    [InlineData("/learning/manage/courses/{course}", "Add the section", null)]
    [InlineData("/learning/manage/courses/{course}/sections/{section}/lessons/new", "Add the lesson", null)]
    [InlineData("/learning/manage/courses/{course}/lessons/{page}", "Save the lesson", "#Markdown")]
    [InlineData("/learning/manage/courses/{course}/lessons/{video}", "Save the lesson", "#Transcript")]
    [InlineData("/learning/manage/courses/{course}/lessons/{quiz}", "Save the lesson", "#PassMark")]
    [InlineData("/learning/manage/courses/{course}/lessons/{quiz}/questions/new", "Add the question", null)]
    public async Task Page_WithErrors_HasNoAccessibilityErrors(string url, string button, string? clear)
    {
        var page = await fixture.PageAsync("author");
        await page.GotoAsync(fixture.Url(url));
        if (clear is not null) await page.FillAsync(clear, "");

        await page.ClickAsync($"button:has-text('{button}')");

        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task VideoUpload_OfTheWrongType_ShowsTheErrorBesideTheField_WithNoAccessibilityErrors()
    {
        var page = await fixture.PageAsync("author");
        await page.GotoAsync(fixture.Url("/learning/manage/courses/{course}/lessons/{video}"));

        await page.SetInputFilesAsync("#Video", new FilePayload { Name = "clip.mov", MimeType = "video/quicktime", Buffer = CourseFiles.Mp4() });
        await page.ClickAsync("button:has-text('Save the lesson')");

        await Assertions.Expect(page.Locator("#Video-error")).ToContainTextAsync("The selected video must be an MP4 or WebM file");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
