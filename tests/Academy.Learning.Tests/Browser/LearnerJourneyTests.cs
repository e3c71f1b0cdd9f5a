using System.Text.Json.Nodes;
using Academy.Learning.Courses;
using Academy.Learning.Tests.Support;
using Microsoft.Playwright;

namespace Academy.Learning.Tests.Browser;

/// Issue 9's journey in Chromium on the starter course: find it, enrol, read, watch part of the video, fail the
/// quiz, pass it at the second attempt, get the certificate and its PDF; the LRS holds every statement; a
/// signed-out visitor verifies the code. And the same course finished with JavaScript off.
public sealed class LearnerJourneyTests(PlayerBrowserSite fixture) : IClassFixture<PlayerBrowserSite>
{
    private PlayerSite Site => fixture.Site;

    private static string Verb(JsonObject s) => s["verb"]!["id"]!.GetValue<string>().Split('/')[^1];

    private async Task<Lesson[]> LessonsAsync() =>
        (await fixture.StarterAsync()).Sections.OrderBy(s => s.Position).SelectMany(s => s.Lessons.OrderBy(l => l.Position)).ToArray();

    private static async Task AnswerAsync(IPage page, Lesson quiz, int wrong)
    {
        foreach (var question in quiz.Questions.OrderBy(q => q.Position))
        {
            var options = question.Options.OrderBy(o => o.Position).ToList();
            var chosen = question.Position <= wrong ? [options.First(o => !o.Correct)] : options.Where(o => o.Correct).ToList();
            foreach (var option in chosen)
            {
                var index = options.IndexOf(option);
                await page.CheckAsync(index == 0 ? $"#question-{question.Position}" : $"#question-{question.Position}-{index + 1}");
            }
        }
    }

    /// From the catalogue to the first lesson: search, open the course, enrol, start.
    private static async Task FindEnrolAndStartAsync(IPage page)
    {
        await page.GotoAsync("/learning/courses");
        await page.FillAsync("#Q", "phishing");
        await page.ClickAsync("button:has-text('Search')");
        await page.ClickAsync("a:has-text('Digital foundations for NHS staff')");
        await page.ClickAsync("button:has-text('Enrol on this course')");
        await page.ClickAsync("a:has-text('Start the course')");
    }

    /// Through every page and video lesson with Continue, to the quiz; fails it, then passes it.
    private static async Task TakeTheCourseAsync(IPage page, Lesson[] lessons, bool javaScript)
    {
        foreach (var lesson in lessons.Where(l => l.Kind != LessonKind.Quiz))
        {
            await page.WaitForURLAsync($"**/lessons/{lesson.Slug}");
            if (lesson.Kind == LessonKind.Video && javaScript)
            {
                await page.EvaluateAsync("async () => { const v = document.querySelector('video'); v.muted = true; if (v.readyState < 1) await new Promise(r => v.addEventListener('loadedmetadata', r, { once: true })); await v.play(); }");
                await PlayerBrowserSite.WaitUntilAsync(page, "() => document.querySelector('video').currentTime > 1");
                await page.EvaluateAsync("() => document.querySelector('video').pause()");
            }
            if (javaScript) await PlayerBrowserSite.WaitUntilAsync(page, "() => document.querySelector('[data-app-sent-by]').value === 'page'");
            await page.ClickAsync("button:has-text('Continue')");
        }
        var quiz = lessons.Single(l => l.Kind == LessonKind.Quiz);
        await page.WaitForURLAsync($"**/lessons/{quiz.Slug}");
        await AnswerAsync(page, quiz, wrong: 3);
        await page.ClickAsync("button:has-text('Submit answers')");
        await page.WaitForURLAsync("**?attempt=1#result");
        await page.ClickAsync("text=Try again");
        await AnswerAsync(page, quiz, wrong: 0);
        await page.ClickAsync("button:has-text('Submit answers')");
        await page.WaitForURLAsync("**?attempt=2#result");
        Assert.Contains("You passed", await page.InnerTextAsync("main"));
    }

    /// The certificate appears once the progress projection has read the completion: polls the learner's list.
    private static async Task<string> CertificateCodeAsync(IPage page)
    {
        for (var i = 0; i < 100; i++)
        {
            await page.GotoAsync("/learning/certificates");
            var link = page.Locator("a:has-text('Digital foundations for NHS staff')");
            if (await link.CountAsync() > 0)
            {
                var href = await link.First.GetAttributeAsync("href");
                return href!.Split('/')[^1];
            }
            await Task.Delay(300);
        }
        throw new TimeoutException("No certificate appeared on /learning/certificates.");
    }

    [Fact]
    public async Task Learner_FindsEnrolsReadsWatchesFailsThenPassesTheQuiz_GetsACertificateThatAnyoneCanVerify()
    {
        var lessons = await LessonsAsync();
        var (page, userId) = await fixture.SignedInLearnerAsync(javaScript: true);

        await FindEnrolAndStartAsync(page);
        await TakeTheCourseAsync(page, lessons, javaScript: true);
        var code = await CertificateCodeAsync(page);
        await page.GotoAsync($"/learning/certificates/{code}");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=Download the certificate (PDF)"));
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);

        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        var registration = await Site.DbAsync(db => Task.FromResult(db.Enrolments.Single(e => e.UserId == userId).Registration));
        var statements = await Site.StatementsAsync(registration);
        var verbs = statements.Select(Verb).ToList();
        foreach (var lesson in lessons.Where(l => l.Kind != LessonKind.Quiz))
            Assert.Contains(statements, s => Verb(s) == "experienced" && s["object"]!["id"]!.GetValue<string>().EndsWith("/lessons/" + lesson.Slug, StringComparison.Ordinal));
        Assert.Contains("played", verbs);
        Assert.Contains("paused", verbs);
        var quiz = lessons.Single(l => l.Kind == LessonKind.Quiz);
        Assert.Equal(2 * quiz.Questions.Count, verbs.Count(v => v == "answered"));
        Assert.Equal(1, verbs.Count(v => v == "failed"));
        Assert.Equal(1, verbs.Count(v => v == "passed"));

        var visitor = await fixture.Browser.NewPageAsync(fixture.Address);
        await visitor.GotoAsync("/learning/verify");
        await visitor.FillAsync("#Code", code);
        await visitor.ClickAsync("button:has-text('Check the certificate')");
        var verified = await visitor.InnerTextAsync("main");
        Assert.Contains("Digital foundations for NHS staff", verified);
        await Accessibility.AssertNoViolationsAsync(visitor);
    }

    [Fact]
    public async Task Learner_WithoutJavaScript_CompletesTheCourseAndGetsACertificate()
    {
        var lessons = await LessonsAsync();
        var (page, userId) = await fixture.SignedInLearnerAsync(javaScript: false);

        await FindEnrolAndStartAsync(page);
        await TakeTheCourseAsync(page, lessons, javaScript: false);
        var code = await CertificateCodeAsync(page);

        Assert.Matches("^[0-9A-Z-]{12,14}$", code);
        var registration = await Site.DbAsync(db => Task.FromResult(db.Enrolments.Single(e => e.UserId == userId).Registration));
        var verbs = (await Site.StatementsAsync(registration)).Select(Verb).ToList();
        Assert.Equal(lessons.Count(l => l.Kind != LessonKind.Quiz), verbs.Count(v => v == "experienced"));
        Assert.Equal(1, verbs.Count(v => v == "passed"));
    }
}
