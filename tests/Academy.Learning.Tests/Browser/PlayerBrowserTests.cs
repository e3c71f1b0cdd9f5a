using System.Text.Json.Nodes;
using Academy.Learning.Courses;
using Academy.Learning.Tests.Support;
using Microsoft.Playwright;

namespace Academy.Learning.Tests.Browser;

/// The lesson player in Chromium: with JavaScript the real tincanjs in the page sends the statements
/// (under the launch credential); without it the server records the same views and attempts.
public sealed class PlayerBrowserTests(PlayerBrowserSite fixture) : IClassFixture<PlayerBrowserSite>
{
    private PlayerSite Site => fixture.Site;

    private static string Verb(JsonObject s) => s["verb"]!["id"]!.GetValue<string>().Split('/')[^1];
    private static string ObjectId(JsonObject s) => s["object"]!["id"]!.GetValue<string>();

    /// Polls the LRS (the page sends asynchronously) until the registration holds a statement that matches.
    private async Task<IReadOnlyList<JsonObject>> WaitForAsync(Guid registration, Func<IReadOnlyList<JsonObject>, bool> done, string what)
    {
        IReadOnlyList<JsonObject> statements = [];
        for (var i = 0; i < 150; i++)
        {
            statements = await Site.StatementsAsync(registration);
            if (done(statements)) return statements;
            await Task.Delay(200);
        }
        throw new TimeoutException($"The LRS never held {what}. It holds: {string.Join(", ", statements.Select(s => Verb(s) + " " + ObjectId(s).Split('/')[^1]))}");
    }

    /// Chooses the quiz's correct options, or for `wrong` questions the first wrong one, by the ids the page gives them.
    private static async Task AnswerAsync(IPage page, Lesson quiz, int wrong = 0)
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

    [Fact]
    public async Task WithJavaScript_TincanjsInThePageSendsThePageTheVideoAndTheQuizStatements()
    {
        var course = await fixture.StarterAsync();
        var (page, userId) = await fixture.SignedInLearnerAsync(javaScript: true);
        var enrolment = await Site.EnrolAsync(userId, course);
        var lessons = course.Sections.OrderBy(s => s.Position).SelectMany(s => s.Lessons.OrderBy(l => l.Position)).ToList();
        var (reading, video, quiz) = (lessons[0], lessons.First(l => l.Kind == LessonKind.Video), lessons.Single(l => l.Kind == LessonKind.Quiz));
        var errors = new List<string>();
        // A 404 for the bookmark is the LRS saying there is none yet (the first lesson page), which the browser logs as a failed load.
        page.Console += (_, m) =>
        {
            var noBookmarkYet = m.Text.Contains("404") && m.Location.Contains("/xapi/activities/state?stateId=bookmark", StringComparison.Ordinal);
            if (m.Type == "error" && !noBookmarkYet && !m.Text.Contains("ERR_NAME_NOT_RESOLVED") && !m.Text.Contains("ERR_FAILED")) errors.Add(m.Text + " " + m.Location);
        };
        page.PageError += (_, e) => errors.Add(e);

        // A page: experienced on load, then progressed as the learner scrolls to the end.
        await page.GotoAsync($"/learning/courses/{course.Slug}/lessons/{reading.Slug}");
        await Accessibility.AssertNoViolationsAsync(page);
        var readingId = $"{LearningActivities.DefaultBase}/courses/{course.Slug}/lessons/{reading.Slug}";
        await WaitForAsync(enrolment.Registration, s => s.Any(x => Verb(x) == "experienced" && ObjectId(x) == readingId), "the page's experienced");
        await page.EvaluateAsync("window.scrollTo(0, document.body.scrollHeight)");
        var afterScroll = await WaitForAsync(enrolment.Registration, s => s.Any(x => Verb(x) == "progressed" && x["result"]?["extensions"]?[LearningExtensions.ScrollProgress]?.GetValue<int>() == 100), "progressed at 100%");
        var progressed = afterScroll.Last(x => Verb(x) == "progressed");
        Assert.Equal(readingId, ObjectId(progressed));
        Assert.Equal(enrolment.Registration.ToString(), progressed["context"]!["registration"]!.GetValue<string>());
        Assert.NotEqual("academy-site", progressed["authority"]!["account"]?["name"]?.GetValue<string>());
        await page.ClickAsync("button:has-text('Continue')");
        await page.WaitForURLAsync($"**/lessons/{lessons[1].Slug}");

        // The video (Continue has just opened it: opening it again would be a second visit, with its own experienced
        // and initialized): initialized, played, paused and seeked with the positions of the ADL video profile.
        Assert.Equal(lessons[1].Slug, video.Slug);
        await Accessibility.AssertNoViolationsAsync(page);
        await page.EvaluateAsync("async () => { const v = document.querySelector('video'); v.muted = true; if (v.readyState < 1) await new Promise(r => v.addEventListener('loadedmetadata', r, { once: true })); await v.play(); }");
        await PlayerBrowserSite.WaitUntilAsync(page, "() => document.querySelector('video').currentTime > 1.2");
        await page.EvaluateAsync("() => document.querySelector('video').pause()");
        await page.EvaluateAsync("() => { document.querySelector('video').currentTime = 6; }");
        var videoId = $"{LearningActivities.DefaultBase}/courses/{course.Slug}/lessons/{video.Slug}";
        var watched = await WaitForAsync(enrolment.Registration, s => s.Any(x => Verb(x) == "seeked" && ObjectId(x) == videoId), "the video's seeked");
        var ofVideo = watched.Where(x => ObjectId(x) == videoId).ToList();
        var verbs = ofVideo.Select(Verb).Where(v => v != "progressed").ToArray();
        // The page sends experienced and initialized as it opens, each on its own request, so either may be stored first.
        Assert.Equal(["experienced", "initialized"], verbs[..2].Order().ToArray());
        Assert.Equal(["played", "paused", "seeked"], verbs[2..]);
        var paused = ofVideo.Single(x => Verb(x) == "paused");
        Assert.InRange(paused["result"]!["extensions"]![LearningExtensions.Time]!.GetValue<double>(), 1.2, 9.6);
        // The played segment starts where playing began: the start, give or take the few milliseconds before the first frame.
        var segment = paused["result"]!["extensions"]![LearningExtensions.PlayedSegments]!.GetValue<string>();
        Assert.InRange(double.Parse(segment.Split("[.]")[0], System.Globalization.CultureInfo.InvariantCulture), 0, 0.5);
        Assert.InRange(paused["result"]!["extensions"]![LearningExtensions.Progress]!.GetValue<double>(), 0.1, 1);
        Assert.InRange(paused["context"]!["extensions"]![LearningExtensions.Length]!.GetValue<double>(), 9, 10);
        Assert.NotNull(paused["context"]!["extensions"]![LearningExtensions.SessionId]);
        var seeked = ofVideo.Single(x => Verb(x) == "seeked");
        Assert.Equal(6, seeked["result"]!["extensions"]![LearningExtensions.TimeTo]!.GetValue<double>(), 1);
        Assert.InRange(seeked["result"]!["extensions"]![LearningExtensions.TimeFrom]!.GetValue<double>(), 1.2, 9.6);
        Assert.Equal(LearningActivities.Types.Video, ofVideo[0]["object"]!["definition"]!["type"]!.GetValue<string>());

        // The bookmark in the State resource: the course, the learner, the registration.
        var state = await Site.Lrs().GetAsync($"/xapi/activities/state?activityId={Uri.EscapeDataString(LearningActivities.DefaultBase + "/courses/" + course.Slug)}" +
            $"&agent={Uri.EscapeDataString(Academy.Xapi.Contracts.XapiAgent.Learner(userId).ToJson().ToJsonString())}&registration={enrolment.Registration}&stateId=bookmark");
        Assert.Equal(video.Slug, JsonNode.Parse(await state.Content.ReadAsStringAsync())!["lesson"]!.GetValue<string>());

        // The quiz: graded on the server, then answered per question, passed and completed from the page.
        await page.GotoAsync($"/learning/courses/{course.Slug}/lessons/{quiz.Slug}");
        await Accessibility.AssertNoViolationsAsync(page);
        await AnswerAsync(page, quiz);
        await page.ClickAsync("button:has-text('Submit answers')");
        await page.WaitForURLAsync("**?attempt=1#result");
        await Accessibility.AssertNoViolationsAsync(page);
        var all = await WaitForAsync(enrolment.Registration, s => s.Any(x => Verb(x) == "passed"), "passed");
        var quizId = $"{LearningActivities.DefaultBase}/courses/{course.Slug}/lessons/{quiz.Slug}";
        var ofQuiz = all.Where(x => ObjectId(x).StartsWith(quizId, StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Repeat("answered", quiz.Questions.Count).Append("passed").Append("completed"), ofQuiz.Select(Verb));
        Assert.All(ofQuiz, s => Assert.NotEqual("academy-site", s["authority"]!["account"]?["name"]?.GetValue<string>()));
        Assert.Equal(1.0, ofQuiz[^2]["result"]!["score"]!["scaled"]!.GetValue<double>());
        Assert.True(errors.Count == 0, "The page logged errors:\n" + string.Join("\n", errors));
    }

    [Fact]
    public async Task WithoutJavaScript_TheServerRecordsTheViewsAndTheAttempts()
    {
        var course = await fixture.StarterAsync();
        var (page, userId) = await fixture.SignedInLearnerAsync(javaScript: false);
        var enrolment = await Site.EnrolAsync(userId, course);
        var lessons = course.Sections.OrderBy(s => s.Position).SelectMany(s => s.Lessons.OrderBy(l => l.Position)).ToList();
        var quiz = lessons.Single(l => l.Kind == LessonKind.Quiz);

        await page.GotoAsync($"/learning/courses/{course.Slug}/lessons/{lessons[0].Slug}");
        await page.ClickAsync("button:has-text('Continue')");
        await page.WaitForURLAsync($"**/lessons/{lessons[1].Slug}");
        Assert.Equal(1, await page.Locator("video[controls] track[kind=captions]").CountAsync());
        Assert.Contains("Transcript", await page.InnerTextAsync("main"));
        await page.ClickAsync("button:has-text('Continue')");
        await page.WaitForURLAsync($"**/lessons/{lessons[2].Slug}");

        await page.GotoAsync($"/learning/courses/{course.Slug}/lessons/{quiz.Slug}");
        await page.ClickAsync("button:has-text('Submit answers')");
        Assert.Contains("There is a problem", await page.InnerTextAsync(".nhsuk-error-summary"));
        await Accessibility.AssertNoViolationsWithoutScriptAsync(page);
        await AnswerAsync(page, quiz, wrong: 3);
        await page.ClickAsync("button:has-text('Submit answers')");
        await page.WaitForURLAsync("**?attempt=1#result");
        Assert.Contains("You did not pass this time", await page.InnerTextAsync("main"));
        await page.ClickAsync("text=Try again");
        await AnswerAsync(page, quiz);
        await page.ClickAsync("button:has-text('Submit answers')");
        await page.WaitForURLAsync("**?attempt=2#result");
        Assert.Contains("You passed", await page.InnerTextAsync("main"));

        var statements = await Site.StatementsAsync(enrolment.Registration);
        var answered = quiz.Questions.Count;
        Assert.Equal(new[] { "launched", "experienced", "experienced" }
            .Concat(Enumerable.Repeat("answered", answered)).Append("failed").Append("completed")
            .Concat(Enumerable.Repeat("answered", answered)).Append("passed").Append("completed"), statements.Select(Verb));
        Assert.All(statements, s => Assert.Equal("academy-site", s["authority"]!["account"]!["name"]!.GetValue<string>()));
    }
}
