using System.Net;
using System.Net.Http.Headers;
using Academy.Learning.Courses;
using Academy.Learning.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Academy.Learning.Tests.Courses;

/// A course author writes a course through the pages, from details to a published quiz. The site caps videos at
/// 1MB so that an oversized upload is cheap to send.
public sealed class AuthoringFixture : IAsyncLifetime
{
    public AcademySite Site { get; } = AcademySite.Create(overrides: new Dictionary<string, string?> { ["Academy:Learning:MaxVideoMegabytes"] = "1" });
    public HttpClient Author { get; private set; } = default!;
    public HttpClient Learner { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Author = await Site.SignInAsNewUserAsync(Arrange.NewEmail("author"), [Roles.CourseAuthor]);
        Learner = await Site.SignInAsNewUserAsync(Arrange.NewEmail("learner"), [Roles.Learner]);
    }

    public Task DisposeAsync() => Site.DisposeAsync().AsTask();
}

public sealed class AuthoringTests(AuthoringFixture fixture) : IClassFixture<AuthoringFixture>
{
    private AcademySite Site => fixture.Site;
    private HttpClient Author => fixture.Author;

    private static Dictionary<string, string> Details(string slug, string title = "Information governance") => new()
    {
        ["Form.Title"] = title, ["Form.Slug"] = slug, ["Form.Summary"] = "The Caldicott principles and sharing information safely.",
        ["Form.Description"] = "For **all** staff.", ["Form.Domain"] = "data-information-and-content", ["Form.EstimatedMinutes"] = "25",
        ["Form.ValidityMonths"] = "24", ["Form.CompletionRule"] = "Read every lesson and pass the quiz.",
    };

    private async Task<int> NewCourseAsync(string slug, string title = "Information governance")
    {
        var response = await Forms.PostAsync(Author, "/learning/manage/courses/new", Details(slug, title));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private async Task<int> AddSectionAsync(int courseId, string title)
    {
        var response = await Forms.PostAsync(Author, $"/learning/manage/courses/{courseId}?handler=AddSection", new() { ["SectionTitle"] = title }, $"/learning/manage/courses/{courseId}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await Arrange.DbAsync(Site, db => db.Sections.Where(s => s.CourseId == courseId && s.Title == title).Select(s => s.Id).SingleAsync());
    }

    private async Task<int> AddLessonAsync(int courseId, int sectionId, string slug, string kind)
    {
        var response = await Forms.PostAsync(Author, $"/learning/manage/courses/{courseId}/sections/{sectionId}/lessons/new",
            new() { ["Title"] = $"The {slug} lesson", ["Slug"] = slug, ["Kind"] = kind, ["Minutes"] = "5" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private Task<HttpResponseMessage> PublishAsync(int courseId) =>
        Forms.PostAsync(Author, $"/learning/manage/courses/{courseId}?handler=Publish", [], $"/learning/manage/courses/{courseId}");

    private static MultipartFormDataContent VideoForm(byte[] video, string videoName, string captions = CourseFiles.Vtt, string captionsName = "clip.vtt")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("A video lesson"), "Title" }, { new StringContent("clip"), "Slug" }, { new StringContent("2"), "Minutes" },
            { new StringContent("Someone reports a phishing email."), "Transcript" },
        };
        var file = new ByteArrayContent(video);
        file.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        form.Add(file, "Video", videoName);
        form.Add(new StringContent(captions), "Captions", captionsName);
        return form;
    }

    [Fact]
    public async Task NewCourse_WithGoodDetails_IsSavedAsADraftNotInTheCatalogue()
    {
        var slug = Arrange.NewSlug("ig");

        await NewCourseAsync(slug);

        var course = await Arrange.CourseAsync(Site, slug);
        Assert.Equal((CourseStatus.Draft, CapabilityDomain.DataInformationAndContent, 25, 24), (course.Status, course.Domain, course.EstimatedMinutes, course.ValidityMonths));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Learner.GetAsync($"/learning/courses/{slug}")).StatusCode);
        Assert.DoesNotContain(slug, await fixture.Learner.GetStringAsync("/learning/courses"));
    }

    [Fact]
    public async Task NewCourse_WithMissingFields_ShowsEachErrorBesideItsField_AndSavesNothing()
    {
        var before = await Arrange.DbAsync(Site, db => db.Courses.CountAsync());

        var response = await Forms.PostAsync(Author, "/learning/manage/courses/new", new() { ["Form.Slug"] = "Not A Slug", ["Form.EstimatedMinutes"] = "lots" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Html.AssertHasFieldErrorAsync(response, "Form_Title", "Enter a title");
        response = await Forms.PostAsync(Author, "/learning/manage/courses/new", new() { ["Form.Slug"] = "Not A Slug", ["Form.EstimatedMinutes"] = "lots" });
        await Html.AssertHasFieldErrorAsync(response, "Form_EstimatedMinutes", "Estimated length must be a whole number");
        Assert.Equal(before, await Arrange.DbAsync(Site, db => db.Courses.CountAsync()));
    }

    [Fact]
    public async Task NewCourse_WithControlCharactersInTheTitle_IsRefusedBesideTheField()
    {
        var slug = Arrange.NewSlug("ctl");
        // A bell and an escape: never typed, only pasted or forged. (A NUL is refused earlier, by the host: see the report.)
        var details = Details(slug, "Information\u0007 \u001b[31mgovernance");

        var response = await Forms.PostAsync(Author, "/learning/manage/courses/new", details);

        await Html.AssertHasFieldErrorAsync(response, "Form_Title", "Title must not contain control characters");
        Assert.False(await Arrange.DbAsync(Site, db => db.Courses.AnyAsync(c => c.Slug == slug)));
    }

    [Fact]
    public async Task NewCourse_WithASlugAlreadyTaken_IsRefusedBesideTheField()
    {
        var slug = Arrange.NewSlug("dup");
        await NewCourseAsync(slug);

        var response = await Forms.PostAsync(Author, "/learning/manage/courses/new", Details(slug));

        await Html.AssertHasFieldErrorAsync(response, "Form_Slug", "Another course already uses this web address name");
    }

    [Fact]
    public async Task Publish_ACourseWithoutLessons_IsRefusedWithTheReason()
    {
        var id = await NewCourseAsync(Arrange.NewSlug("empty"));
        await AddSectionAsync(id, "Nothing yet");

        var response = await PublishAsync(id);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Sections\">Add at least one lesson before publishing</a>", html);
        Assert.Equal(CourseStatus.Draft, (await Arrange.DbAsync(Site, db => db.Courses.SingleAsync(c => c.Id == id))).Status);
    }

    [Fact]
    public async Task WriteAndPublish_ACourseOfEveryLessonKind_PutsItInTheCatalogue_AndRetireTakesItOut()
    {
        var slug = Arrange.NewSlug("full");
        var id = await NewCourseAsync(slug, "Working with records safely");
        var section = await AddSectionAsync(id, "Records");
        var page = await AddLessonAsync(id, section, "reading", "Page");
        var video = await AddLessonAsync(id, section, "clip", "Video");
        var quiz = await AddLessonAsync(id, section, "check", "Quiz");

        var saved = await Forms.PostAsync(Author, $"/learning/manage/courses/{id}/lessons/{page}",
            new() { ["Title"] = "Reading", ["Slug"] = "reading", ["Minutes"] = "4", ["Markdown"] = "# Records\n\n<script>alert(1)</script>\n\nKeep them *safe*." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        saved = await Forms.PostMultipartAsync(Author, $"/learning/manage/courses/{id}/lessons/{video}", VideoForm(CourseFiles.Mp4(2048), "clip.mp4"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        saved = await Forms.PostAsync(Author, $"/learning/manage/courses/{id}/lessons/{quiz}",
            new() { ["Title"] = "Check", ["Slug"] = "check", ["Minutes"] = "3", ["PassMark"] = "75", ["MaxAttempts"] = "3", ["Shuffle"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        saved = await Forms.PostAsync(Author, $"/learning/manage/courses/{id}/lessons/{quiz}/questions/new", new()
        {
            ["Text"] = "Which are Caldicott principles?", ["Multiple"] = "true",
            ["Options[0].Text"] = "Justify the purpose", ["Options[0].Correct"] = "true", ["Options[0].Feedback"] = "Yes.",
            // A row left empty between answers, as the form posts it, is ignored.
            ["Options[1].Text"] = "", ["Options[1].Feedback"] = "",
            ["Options[2].Text"] = "Share everything", ["Options[2].Feedback"] = "No: only what is needed.",
            ["Options[3].Text"] = "Use the minimum necessary", ["Options[3].Correct"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var published = await PublishAsync(id);

        Assert.True(published.StatusCode == HttpStatusCode.Redirect, Html.Text(await published.Content.ReadAsStringAsync()));
        var course = await Arrange.CourseAsync(Site, slug);
        Assert.Equal((CourseStatus.Published, 1), (course.Status, course.Version));
        var lessons = course.Sections.Single().Lessons.OrderBy(l => l.Position).ToList();
        Assert.Equal(("video/mp4", 75, 3, true), (lessons[1].VideoContentType, lessons[2].PassMark, lessons[2].MaxAttempts, lessons[2].Shuffle));
        var question = Assert.Single(lessons[2].Questions);
        Assert.Equal(["Justify the purpose", "Share everything", "Use the minimum necessary"], question.Options.OrderBy(o => o.Position).Select(o => o.Text));
        Assert.Contains(slug, await fixture.Learner.GetStringAsync("/learning/courses?q=records"));
        var preview = await Author.GetStringAsync($"/learning/manage/courses/{id}/preview");
        Assert.Contains("<em>safe</em>", preview);
        Assert.DoesNotContain("<script>alert", preview);

        var retired = await Forms.PostAsync(Author, $"/learning/manage/courses/{id}?handler=Retire", [], $"/learning/manage/courses/{id}");

        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        Assert.DoesNotContain(slug, await fixture.Learner.GetStringAsync("/learning/courses?q=records"));
    }

    [Fact]
    public async Task Edit_APublishedCourse_GivesItANewVersion_AndKeepsItsSlug()
    {
        using var files = new CourseFiles();
        var slug = Arrange.NewSlug("edited");
        await files.LoadAsync(Site, CourseFiles.Course(slug));
        var id = (await Arrange.CourseAsync(Site, slug)).Id;

        var renamed = await Forms.PostAsync(Author, $"/learning/manage/courses/{id}/edit", Details(slug + "-new"));
        await Html.AssertHasFieldErrorAsync(renamed, "Form_Slug", "The web address name cannot change once the course has been published");
        var saved = await Forms.PostAsync(Author, $"/learning/manage/courses/{id}/edit", Details(slug, "A better title"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var course = await Arrange.CourseAsync(Site, slug);
        Assert.Equal(("A better title", 2), (course.Title, course.Version));
    }

    [Fact]
    public async Task PageLesson_WithoutItsText_IsRefusedBesideTheFieldWith400AndKeepsTheLesson()
    {
        var id = await NewCourseAsync(Arrange.NewSlug("pagetext"));
        var section = await AddSectionAsync(id, "Reading");
        var lesson = await AddLessonAsync(id, section, "reading", "Page");
        var url = $"/learning/manage/courses/{id}/lessons/{lesson}";

        var response = await Forms.PostAsync(Author, url, new() { ["Title"] = "Renamed", ["Slug"] = "reading", ["Minutes"] = "5", ["Markdown"] = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // Razor writes the apostrophe as &#x27;, which Html.AssertHasFieldErrorAsync's encoding does not.
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Markdown\">Enter the lesson&#x27;s text</a>", html);
        Assert.Contains("id=\"Markdown-error\"><span class=\"nhsuk-u-visually-hidden\">Error: </span>Enter the lesson&#x27;s text</span>", html);
        Assert.Equal("The reading lesson", await Arrange.DbAsync(Site, db => db.Lessons.Where(l => l.Id == lesson).Select(l => l.Title).SingleAsync()));
    }

    [Theory]
    [InlineData("clip.mov", "The selected video must be an MP4 or WebM file")]
    [InlineData("clip.mp4", "The content of the selected video does not match its type")]
    public async Task Upload_AVideoOfTheWrongType_IsRefusedBesideTheField_AndStoresNothing(string name, string message)
    {
        var id = await NewCourseAsync(Arrange.NewSlug("upload"));
        var lesson = await AddLessonAsync(id, await AddSectionAsync(id, "Videos"), "clip", "Video");
        var fake = "<html><script>alert(1)</script></html>"u8.ToArray();

        var response = await Forms.PostMultipartAsync(Author, $"/learning/manage/courses/{id}/lessons/{lesson}", VideoForm(name.EndsWith(".mov") ? CourseFiles.Mp4() : fake, name));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await Html.AssertHasFieldErrorAsync(response, "Video", message);
        Assert.Null((await Arrange.DbAsync(Site, db => db.Lessons.SingleAsync(l => l.Id == lesson))).VideoFile);
    }

    [Fact]
    public async Task Upload_AVideoOverTheSizeLimit_IsRefusedBesideTheField()
    {
        var id = await NewCourseAsync(Arrange.NewSlug("big"));
        var lesson = await AddLessonAsync(id, await AddSectionAsync(id, "Videos"), "clip", "Video");

        var response = await Forms.PostMultipartAsync(Author, $"/learning/manage/courses/{id}/lessons/{lesson}", VideoForm(CourseFiles.Mp4(1024 * 1024 + 10), "clip.mp4"));

        await Html.AssertHasFieldErrorAsync(response, "Video", "The selected video must be smaller than 1MB");
        Assert.Null((await Arrange.DbAsync(Site, db => db.Lessons.SingleAsync(l => l.Id == lesson))).VideoFile);
    }

    [Fact]
    public async Task Upload_CaptionsThatAreNotWebVtt_AreRefusedBesideTheField()
    {
        var id = await NewCourseAsync(Arrange.NewSlug("vtt"));
        var lesson = await AddLessonAsync(id, await AddSectionAsync(id, "Videos"), "clip", "Video");

        var response = await Forms.PostMultipartAsync(Author, $"/learning/manage/courses/{id}/lessons/{lesson}", VideoForm(CourseFiles.Mp4(), "clip.mp4", "1\n00:00:00,000 --> 00:00:01,000\nSRT\n", "clip.vtt"));

        await Html.AssertHasFieldErrorAsync(response, "Captions", "The selected captions file must start with WEBVTT");
    }

    [Fact]
    public async Task AddQuestion_SingleChoiceWithTwoCorrectAnswers_IsRefusedBesideTheAnswers_AndTheRowsStay()
    {
        var id = await NewCourseAsync(Arrange.NewSlug("quiz"));
        var lesson = await AddLessonAsync(id, await AddSectionAsync(id, "Quiz"), "check", "Quiz");

        var response = await Forms.PostAsync(Author, $"/learning/manage/courses/{id}/lessons/{lesson}/questions/new", new()
        {
            ["Text"] = "Pick one", ["Options[0].Text"] = "A", ["Options[0].Correct"] = "true", ["Options[1].Text"] = "B", ["Options[1].Correct"] = "true",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await Html.AssertHasFieldErrorAsync(response, "Options", "Mark only one answer as correct, or let learners choose more than one");
        Assert.Contains("value=\"B\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await Arrange.DbAsync(Site, db => db.Questions.CountAsync(q => q.LessonId == lesson)));
    }

    [Fact]
    public async Task AddQuestion_WithFeedbackButNoAnswerText_NamesTheRowTheAuthorTypedIn()
    {
        var id = await NewCourseAsync(Arrange.NewSlug("row"));
        var lesson = await AddLessonAsync(id, await AddSectionAsync(id, "Quiz"), "check", "Quiz");

        var response = await Forms.PostAsync(Author, $"/learning/manage/courses/{id}/lessons/{lesson}/questions/new", new()
        {
            ["Text"] = "Pick one", ["Options[0].Text"] = "A", ["Options[0].Correct"] = "true", ["Options[1].Text"] = "B",
            ["Options[2].Text"] = "", ["Options[3].Text"] = "", ["Options[4].Text"] = "", ["Options[4].Feedback"] = "Orphan feedback",
        });

        await Html.AssertHasFieldErrorAsync(response, "Options_4__Text", "Enter the answer");
    }

    [Fact]
    public async Task NewLesson_WithASlugTheCourseAlreadyUses_IsRefusedBesideTheField()
    {
        var id = await NewCourseAsync(Arrange.NewSlug("lessons"));
        var section = await AddSectionAsync(id, "One");
        await AddLessonAsync(id, section, "same", "Page");

        var response = await Forms.PostAsync(Author, $"/learning/manage/courses/{id}/sections/{section}/lessons/new",
            new() { ["Title"] = "Again", ["Slug"] = "same", ["Kind"] = "Page", ["Minutes"] = "5" });

        await Html.AssertHasFieldErrorAsync(response, "Slug", "Another lesson of this course already uses this web address name");
    }

    [Fact]
    public async Task MoveAndRemove_LessonsOfADraft_RenumbersThem()
    {
        var id = await NewCourseAsync(Arrange.NewSlug("order"));
        var section = await AddSectionAsync(id, "One");
        var first = await AddLessonAsync(id, section, "first", "Page");
        var second = await AddLessonAsync(id, section, "second", "Page");
        var third = await AddLessonAsync(id, section, "third", "Page");

        await Forms.PostAsync(Author, $"/learning/manage/courses/{id}?handler=MoveLesson", new() { ["lessonId"] = third.ToString(), ["direction"] = "-1" }, $"/learning/manage/courses/{id}");
        await Forms.PostAsync(Author, $"/learning/manage/courses/{id}?handler=RemoveLesson", new() { ["lessonId"] = first.ToString() }, $"/learning/manage/courses/{id}");

        var order = await Arrange.DbAsync(Site, db => db.Lessons.Where(l => l.SectionId == section).OrderBy(l => l.Position).Select(l => $"{l.Position}:{l.Slug}").ToListAsync());
        Assert.Equal(["1:third", "2:second"], order);
        Assert.True(second > 0);
    }
}
